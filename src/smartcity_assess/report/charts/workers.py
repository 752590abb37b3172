"""Drawing a document's charts in the background while its templates render.

matplotlib's import and the drawing take most of a report's time. :func:`background_charts`
hands the chart jobs to a forked worker process, which imports matplotlib once and then forks
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
from typing import TYPE_CHECKING

from .common import Chart
from .job import ChartJob

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


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
    """In the worker: import matplotlib once, then fork, and draw half the charts in each
    process. Two cores draw while matplotlib is imported only once (the import costs about
    as much as drawing all the charts)."""
    import pickle

    import matplotlib.figure  # noqa: F401  imported before the fork: both halves share it

    first, second = _split(jobs, 2)
    if not second or not hasattr(os, "fork"):
        return _draw_all(jobs)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the second half, in a child of the worker
        try:
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


WORKERS = 1
"""Worker processes in the pool (the worker forks once more to draw on two cores)."""


_warm: list[ProcessPoolExecutor] = []
"""A pool started by :func:`warm_up` and not yet used (at most one)."""


def _fork_available() -> bool:
    import multiprocessing

    return (not os.environ.get("SMARTCITY_ASSESS_SERIAL")
            and "fork" in multiprocessing.get_all_start_methods()
            and "matplotlib.figure" not in sys.modules)


def _new_pool() -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("fork"),
                               initializer=_quiet_worker)


def _quiet_worker() -> None:
    """Ctrl-C is the main process's to handle: a worker ignores it instead of printing a
    traceback of its own. It never outlives the main process (``kill -9`` included)."""
    import signal

    from ...processes import die_with_parent

    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _import_matplotlib() -> None:
    import matplotlib.figure  # noqa: F401


def warm_up() -> None:
    """Start the chart workers now, so that they import matplotlib while the caller reads and
    scores the survey. Optional: :func:`write_reports` starts them itself when needed.

    Call it first thing in a command that will write reports; it does nothing where the charts
    are drawn in-process (no ``fork``, or ``SMARTCITY_ASSESS_SERIAL``).
    """
    if _warm or not _fork_available():
        return
    try:
        pool = _new_pool()
        pool.submit(_import_matplotlib)
    except OSError:
        return
    _warm.append(pool)


def background_charts(jobs: Sequence[ChartJob]) -> Callable[[], list[Chart]]:
    """Start drawing the charts in a forked worker; returns a function that waits for them.

    matplotlib's import and the drawing take most of a report's time; a worker does them while
    this process renders the templates (which never imports matplotlib), and splits the
    drawing over two processes once matplotlib is imported. Where ``fork`` is not available
    (or ``SMARTCITY_ASSESS_SERIAL`` is set) the charts are drawn here when they are needed.
    The result is the same either way: each chart is drawn by the same code from the same job.
    """
    pool = _warm.pop() if _warm else None
    if pool is None and (not _fork_available() or len(jobs) < 2):
        return _once(lambda: _draw_all(jobs))
    try:
        pool = pool or _new_pool()
        future = pool.submit(_draw_in_two, list(jobs))
    except OSError:
        return _once(lambda: _draw_all(jobs))

    def wait() -> list[Chart]:
        try:
            charts: list[Chart] = future.result()
            return charts
        finally:
            pool.shutdown(wait=True)

    return _once(wait)


def _once(function: Callable[[], list[Chart]]) -> Callable[[], list[Chart]]:
    """``function`` called at most once; later calls return (or raise) the same."""
    done: list[list[Chart]] = []
    failed: list[BaseException] = []

    def call() -> list[Chart]:
        if failed:
            raise failed[0]
        if not done:
            try:
                done.append(function())
            except BaseException as exc:
                failed.append(exc)
                raise
        return done[0]

    return call
