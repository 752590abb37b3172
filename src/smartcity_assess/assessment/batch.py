"""Reports for many region-years, in parallel worker processes, with bounded memory.

Each region-year's masterplan and roadmap are rendered from an assessment that holds that
region-year alone (so its ``scores.json`` and embedded data stay small), written into its own
folder, and forgotten: a worker holds one report at a time and returns only the paths,
hashes and sizes it wrote. Output does not depend on the number of processes: each report is
made by the same code from the same data.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..history import Timeline
from ..outputs import OutputFolder, write_tree
from ..planning.plan import Plan, RegionProfile
from ..report.trends import HistoryLike, report_timeline
from ..scoring.results import Assessment, RegionResult
from ..text import Text

if TYPE_CHECKING:
    from ..geo.inputs import GeoContext
    from ..scoring.sensitivity import SensitivityResult

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ReportJob:
    """One region-year in one language, and the folder (relative to the output) it goes to."""

    index: int
    """Position of the result in ``assessment.results``."""
    lang: str
    folder: str


@dataclass(frozen=True)
class Written:
    """A file a job wrote, relative to the output folder."""

    path: str
    sha256: str
    bytes: int


def plan_for(plan: Plan, region: str) -> Plan:
    """The plan as it applies to ``region``.

    A plan that names its region (``region.name``) describes that region: its profile,
    vision, mission and goals are left out of the other regions' reports, which keep only the
    general settings (horizon, targets, agencies, capacity, sample notice).
    """
    if plan.region.name is None or plan.region.name == region:
        return plan
    return replace(plan, region=RegionProfile(), vision=Text(()), mission=(), goals=())


def _render_one(assessment: Assessment, plan: Plan, formats: Sequence[str],
                templates_dir: Path | None, staging: Path, job: ReportJob,
                history: Timeline | None = None,
                sensitivity: SensitivityResult | None = None,
                geo: GeoContext | None = None) -> list[Written]:
    """Render one region-year and write its files into the staging folder of the output
    (they reach the output folder together with every other file of the command, or not at
    all). ``history`` holds the region's other years (for the masterplan's trends);
    ``sensitivity`` the analysis of every region-year (its region's part and rank go into the
    masterplan)."""
    from ..report.build import render_reports

    result = assessment.results[job.index]
    single = replace(assessment, results=(result,))
    files = render_reports(single, plan=plan_for(plan, result.region), formats=formats,
                           lang=job.lang, templates_dir=templates_dir, history=history,
                           sensitivity=sensitivity, geo=geo)
    paths = {(f"{job.folder}/{relative}" if job.folder else relative): data
             for relative, data in sorted(files.items())}
    write_tree(staging, paths)
    return [Written(path, hashlib.sha256(data).hexdigest(), len(data))
            for path, data in paths.items()]


def write_reports_many(assessment: Assessment, out: Path, jobs: Sequence[ReportJob], *,
                       plan: Plan, formats: Sequence[str], templates_dir: Path | None = None,
                       processes: int = 1, progress: Progress | None = None,
                       folder: OutputFolder | None = None,
                       history: HistoryLike | None = None,
                       sensitivity: SensitivityResult | None = None,
                       geo: GeoContext | None = None) -> list[Written]:
    """Render and write every job; return what was written, in job order.

    Each masterplan shows its region's trend over the years in ``assessment`` and in
    ``history`` (earlier scores; the assessment wins for the same region-year).

    ``folder`` is the caller's :class:`~smartcity_assess.outputs.OutputFolder` on ``out``,
    entered: the reports are staged in it and published with the rest of the caller's output
    (without one, they are published on their own, beside what ``out`` holds).

    Several jobs are shared among ``processes`` worker processes (``fork`` where the platform
    has it), even when that is one: a worker imports the chart library once and draws every
    chart itself, where a report rendered alone draws its charts in helper processes that
    each import it again. The first error stops the batch and is raised here.
    """
    if folder is None:
        with OutputFolder(out, replace=False) as own:
            return write_reports_many(assessment, out, jobs, plan=plan, formats=formats,
                                      templates_dir=templates_dir, processes=processes,
                                      progress=progress, folder=own, history=history,
                                      sensitivity=sensitivity, geo=geo)
    if not jobs:
        return []
    output = folder
    timeline = report_timeline(assessment, history)
    state = {"assessment": assessment, "plan": plan, "formats": tuple(formats),
             "templates_dir": templates_dir, "staging": output.staging, "history": timeline,
             "sensitivity": sensitivity, "geo": geo}

    def label(job: ReportJob) -> str:
        result = assessment.results[job.index]
        year = "" if result.year is None else f" {result.year}"
        return f"{result.region}{year} ({job.lang})"

    found: dict[int, list[Written]] = {}

    def done(position: int, written: list[Written]) -> None:
        output.record({w.path: w.sha256 for w in written})
        found[position] = written
        if progress is not None:
            progress(len(found), len(jobs), label(jobs[position]))

    if len(jobs) == 1:  # one report: render here (its charts are drawn by a helper process)
        done(0, _run_job(state, jobs[0]))
    else:
        _in_workers(state, jobs, max(1, min(processes, len(jobs))), done)
    return [written for position in range(len(jobs)) for written in found[position]]


def _run_job(state: dict[str, Any], job: ReportJob) -> list[Written]:
    return _render_one(state["assessment"], state["plan"], state["formats"],
                       state["templates_dir"], state["staging"], job, state["history"],
                       state["sensitivity"], state.get("geo"))


# --- worker processes ---------------------------------------------------------------------------
#
# A small pool of our own rather than concurrent.futures: no threads in the main process (so
# nothing is left to fail at interpreter shutdown after Ctrl-C), and every worker is tied to
# its parent by its connection and by processes.child_signals: it cannot outlive it.
#
# Ctrl-C and SIGTERM (smartcity_assess.processes): the parent handles them. Its workers are
# started, fed, collected and stopped in a held-back block, so that a signal never cuts one of
# these steps in half; it raises only while the parent waits for its workers, and the parent
# then stops every worker and waits for it before the staging folder is removed. A worker
# ignores Ctrl-C (the terminal sends it to every process of the command: the parent decides)
# and ends at once on SIGTERM (the parent's request to stop).

STOP_WAIT = 5.0
"""Seconds a worker gets to end after it was asked to before it is killed."""


def _worker(connection: Any, state: dict[str, Any], inherited: Sequence[Any]) -> None:
    """A worker process: render the jobs its connection brings until it brings ``None`` or
    closes (the parent ended)."""
    from ..processes import child_signals

    for other in inherited:  # the other ends this fork copied: only the parent holds them
        other.close()
    child_signals()  # started with the signals blocked: they are taken from here on
    os.environ["SMARTCITY_ASSESS_SERIAL"] = "1"  # no chart helpers inside a worker
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            answer: tuple[str, Any] = ("ok", _run_job(state, job))
        except Exception as exc:  # handed to the parent, which raises it
            answer = ("error", exc)
        try:
            connection.send(answer)
        except (OSError, EOFError):
            return
        except Exception:  # an error that cannot be pickled: its text still goes back
            connection.send(("error", RuntimeError(f"{type(answer[1]).__name__}: "
                                                   f"{answer[1]}")))


def _in_workers(state: dict[str, Any], jobs: Sequence[ReportJob], size: int,
                done: Callable[[int, list[Written]], None]) -> None:
    import multiprocessing
    from multiprocessing.connection import wait

    from ..processes import forking, held_back, interruptible

    fork = "fork" in multiprocessing.get_all_start_methods()
    context: Any = multiprocessing.get_context("fork" if fork else "spawn")
    workers: list[Any] = []
    mine: list[Any] = []
    pipes: list[tuple[Any, Any]] = []
    busy: dict[Any, int] = {}
    queue = iter(enumerate(jobs))

    def feed(connection: Any) -> None:
        position, job = next(queue, (None, None))
        connection.send(job)
        if position is not None:
            busy[connection] = position

    with held_back():
        finished = False
        try:
            pipes.extend(context.Pipe(duplex=True) for _ in range(size))
            mine.extend(pair[0] for pair in pipes)
            for index, (_, theirs) in enumerate(pipes):
                inherited = ([end for pair in pipes for end in pair
                              if end is not theirs and not end.closed] if fork else [])
                worker = context.Process(target=_worker, args=(theirs, state, inherited),
                                         daemon=True,
                                         name=f"smartcity-assess report {index + 1}")
                with forking():  # it takes the signals once its own handlers are set
                    worker.start()
                workers.append(worker)
                theirs.close()
            for connection in mine:
                feed(connection)
            while busy:
                with interruptible():  # Ctrl-C and SIGTERM act here, and only here
                    ready: list[Any] = wait(list(busy))
                for connection in ready:
                    position = busy.pop(connection)
                    try:
                        kind, value = connection.recv()
                    except (EOFError, OSError):
                        raise _lost(workers[mine.index(connection)]) from None
                    if kind == "error":
                        raise value
                    done(position, value)
                    feed(connection)
            finished = True
        finally:
            _stop(workers, mine, finished)
            for _, theirs in pipes:  # those of workers that never started
                theirs.close()


def _lost(worker: Any) -> BaseException:
    """The error for a worker that ended without its answer: the interruption that ended it
    (a signal this process noted, or one the worker ended on), else a plain error."""
    from ..processes import ended_by_signal, stop_now, stopping

    worker.join(STOP_WAIT)
    signum = ended_by_signal(worker.exitcode)
    if stopping() is not None or signum is not None:
        return stop_now(signum)
    code = worker.exitcode
    return RuntimeError("a report worker process ended unexpectedly"
                        + (f" (exit code {code})" if code else ""))


def _stop(workers: Sequence[Any], connections: Sequence[Any], finished: bool) -> None:
    """End the workers and wait for them, so that none writes after this returns. After the
    last job they end by themselves; after an error or an interruption they are asked to
    (SIGTERM), and killed if they do not."""
    for connection in connections:
        connection.close()
    for worker in workers:
        if not finished and worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(STOP_WAIT)
        if worker.is_alive():
            worker.kill()
            worker.join()


def report_jobs(assessment: Assessment, chosen: Sequence[RegionResult],
                languages: Sequence[str], folders: dict[tuple[str, int | None], str],
                prefix: Callable[[str], str]) -> list[ReportJob]:
    """A job per chosen region-year and language; ``prefix(lang)`` is the folder above the
    region-year folders (``reports/id``)."""
    position = {id(result): index for index, result in enumerate(assessment.results)}
    jobs = []
    for lang in languages:
        for result in chosen:
            base = prefix(lang)
            folder = folders[(result.region, result.year)]
            jobs.append(ReportJob(position[id(result)], lang,
                                  f"{base}/{folder}" if base else folder))
    return jobs
