"""Drawing a document's charts in the background while its templates render.

matplotlib's import and the drawing take most of a report's time. :func:`background_charts`
hands the chart jobs to a forked helper process, which imports matplotlib once and then forks
again so that two processes draw half the charts each; the caller renders the templates
meanwhile (it never imports matplotlib) and collects the charts when it needs them. Where
``fork`` is not available (or ``SMARTCITY_ASSESS_SERIAL`` is set) the charts are drawn in
this process. The result is the same either way: each chart is drawn by the same code from
the same job.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .common import Chart
from .job import ChartJob


def _draw_all(jobs: Sequence[ChartJob]) -> list[Chart]:
    return [job.draw() for job in jobs]


def _split(jobs: Sequence[ChartJob], parts: int) -> list[list[ChartJob]]:
    """Jobs shared into ``parts`` lists of about equal drawing time (longest first)."""
    shares: list[list[ChartJob]] = [[] for _ in range(parts)]
    loads = [0.0] * parts
    for job in sorted(jobs, key=lambda j: -j.cost):
        lightest = loads.index(min(loads))
        shares[lightest].append(job)
        loads[lightest] += job.cost
    return shares


def _draw_in_two(jobs: Sequence[ChartJob]) -> list[Chart]:
    """In the helper: import matplotlib once, then fork, and draw half the charts in each
    process. Two cores draw while matplotlib is imported only once (the import costs about
    as much as drawing all the charts)."""
    import pickle

    import matplotlib.figure  # noqa: F401  imported before the fork: both halves share it

    first, second = _split(jobs, 2)
    if not second or not hasattr(os, "fork"):
        return _draw_all(jobs)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the second half, in a child of the helper
        try:
            from ...processes import die_with_parent

            die_with_parent()  # Ctrl-C ignored and SIGTERM ending it, as in the helper
            os.close(read)
            try:
                payload = pickle.dumps((True, _draw_all(second)))
            except BaseException as exc:  # hand any failure to the parent, which raises it
                try:
                    payload = pickle.dumps((False, exc))
                except Exception:
                    payload = pickle.dumps((False, RuntimeError(repr(exc))))
            with os.fdopen(write, "wb") as stream:
                stream.write(payload)
        finally:
            os._exit(0)
    os.close(write)
    try:
        mine = _draw_all(first)
    finally:
        with os.fdopen(read, "rb") as stream:
            data = stream.read()
        os.waitpid(pid, 0)
    if not data:
        raise RuntimeError("the chart drawing process ended without a result")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    drawn = {chart.name: chart for chart in (*mine, *value)}
    return [drawn[job.name] for job in jobs]


_warm: list[_Helper] = []
"""A helper started by :func:`warm_up` and not yet used (at most one)."""


def _fork_available() -> bool:
    import multiprocessing

    return (not os.environ.get("SMARTCITY_ASSESS_SERIAL")
            and "fork" in multiprocessing.get_all_start_methods()
            and "matplotlib.figure" not in sys.modules)


STOP_WAIT = 5.0
"""Seconds the helper gets to end before it is killed."""


class _Helper:
    """A forked process that imports matplotlib and then draws the charts it is sent.

    No threads in this process (so nothing is left to fail at interpreter shutdown after
    Ctrl-C): the helper is started in a held-back block (see :mod:`smartcity_assess.processes`)
    and takes Ctrl-C and SIGTERM only once its own handlers are in place; it ignores Ctrl-C
    (this process handles it, and stops the helper) and ends at once on SIGTERM. It dies with
    this process, ``kill -9`` included.
    """

    def __init__(self, process: Any, connection: Any) -> None:
        self.process = process
        self.connection = connection

    @staticmethod
    def start() -> _Helper | None:
        """A new helper, or None when no process can be started."""
        import multiprocessing

        from ...processes import forking, held_back

        context: Any = multiprocessing.get_context("fork")
        with held_back():
            try:
                mine, theirs = context.Pipe(duplex=True)
            except OSError:
                return None
            process = context.Process(target=_helper_main, args=(theirs, mine), daemon=True,
                                      name="smartcity-assess charts")
            try:
                with forking():  # it takes the signals once its own handlers are set
                    process.start()
            except OSError:
                mine.close()
                return None
            finally:
                theirs.close()
            return _Helper(process, mine)

    def submit(self, jobs: Sequence[ChartJob]) -> bool:
        """Send the jobs; False when the helper is gone (it is stopped then)."""
        try:
            self.connection.send(list(jobs))
            return True
        except OSError:
            self.stop()
            return False

    def collect(self) -> list[Chart]:
        """Wait for the charts. Ctrl-C or SIGTERM while waiting — or one that came before,
        while the templates rendered — stops the helper at once instead."""
        from ...processes import (
            ended_by_signal,
            held_back,
            interruptible,
            stop_now,
            stopping,
        )

        with held_back():
            try:
                if stopping() is not None:
                    raise stop_now()
                with interruptible():
                    answer: tuple[str, Any] = self.connection.recv()
            except (EOFError, OSError):
                self.stop()
                signum = ended_by_signal(self.process.exitcode)
                if stopping() is not None or signum is not None:
                    raise stop_now(signum) from None
                raise RuntimeError("the chart drawing process ended without a result") from None
            except BaseException:
                self.stop()
                raise
            self.stop(finished=True)
        kind, value = answer
        if kind == "error":
            raise value
        charts: list[Chart] = value
        return charts

    def stop(self, finished: bool = False) -> None:
        """End the helper (it ends by itself once it has sent the charts) and wait for it;
        again does nothing."""
        from ...processes import held_back

        with held_back():
            self.connection.close()
            if not finished and self.process.is_alive():
                self.process.terminate()
            self.process.join(STOP_WAIT)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()


def _helper_main(connection: Any, other: Any) -> None:
    """The helper process: import matplotlib, draw the jobs it is sent, send the charts."""
    from ...processes import child_signals

    other.close()  # the parent's end: only the parent holds it
    child_signals()
    import matplotlib.figure  # noqa: F401  imported while the caller reads and scores

    try:
        jobs = connection.recv()
    except (EOFError, OSError):
        return
    try:
        answer: tuple[str, Any] = ("ok", _draw_in_two(jobs))
    except Exception as exc:  # handed to the parent, which raises it
        answer = ("error", exc)
    try:
        connection.send(answer)
    except (OSError, EOFError):
        return
    except Exception:  # an error that cannot be pickled: its text still goes back
        connection.send(("error", RuntimeError(f"{type(answer[1]).__name__}: {answer[1]}")))


def warm_up() -> None:
    """Start the chart helper now, so that it imports matplotlib while the caller reads and
    scores the survey. Optional: :func:`write_reports` starts it itself when needed.

    Call it first thing in a command that will write reports; it does nothing where the charts
    are drawn in-process (no ``fork``, or ``SMARTCITY_ASSESS_SERIAL``).
    """
    if _warm or not _fork_available():
        return
    helper = _Helper.start()
    if helper is not None:
        _warm.append(helper)


def background_charts(jobs: Sequence[ChartJob]) -> Callable[[], list[Chart]]:
    """Start drawing the charts in a forked helper; returns a function that waits for them.

    matplotlib's import and the drawing take most of a report's time; a helper does them while
    this process renders the templates (which never imports matplotlib), and splits the
    drawing over two processes once matplotlib is imported. Where ``fork`` is not available
    (or ``SMARTCITY_ASSESS_SERIAL`` is set) the charts are drawn here when they are needed.
    The result is the same either way: each chart is drawn by the same code from the same job.
    """
    helper = _warm.pop() if _warm else None
    if helper is None and (not _fork_available() or len(jobs) < 2):
        return _once(lambda: _draw_all(jobs))
    helper = helper or _Helper.start()
    if helper is None or not helper.submit(jobs):
        return _once(lambda: _draw_all(jobs))
    return _once(helper.collect, cleanup=helper.stop)


def _once(function: Callable[[], list[Chart]],
          cleanup: Callable[[], None] | None = None) -> Callable[[], list[Chart]]:
    """``function`` called at most once; later calls return (or raise) the same. When it
    raises, ``cleanup`` runs first, every time (the helper is stopped whatever cut the wait
    short)."""
    done: list[list[Chart]] = []
    failed: list[BaseException] = []

    def call() -> list[Chart]:
        if not done and not failed:
            try:
                done.append(function())
            except BaseException as exc:
                failed.append(exc)
        if failed:
            if cleanup is not None:
                cleanup()
            raise failed[0]
        return done[0]

    return call
