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
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..history import Timeline
from ..outputs import OutputFolder, commit_files
from ..planning.plan import Plan, RegionProfile
from ..report.trends import HistoryLike, report_timeline
from ..scoring.results import Assessment, RegionResult
from ..text import Text

if TYPE_CHECKING:
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
                templates_dir: Path | None, out: Path, job: ReportJob,
                owned: Collection[str] | None = None, clean: bool = False,
                history: Timeline | None = None,
                sensitivity: SensitivityResult | None = None) -> list[Written]:
    """Render one region-year and write its files together (staged, then renamed), so an
    interruption leaves each report folder as it was or complete. ``history`` holds the
    region's other years (for the masterplan's trends); ``sensitivity`` the analysis of every
    region-year (its region's part and rank go into the masterplan)."""
    from ..report.build import render_reports

    result = assessment.results[job.index]
    single = replace(assessment, results=(result,))
    files = render_reports(single, plan=plan_for(plan, result.region), formats=formats,
                           lang=job.lang, templates_dir=templates_dir, history=history,
                           sensitivity=sensitivity)
    paths = {(f"{job.folder}/{relative}" if job.folder else relative): data
             for relative, data in sorted(files.items())}
    commit_files(out, paths, owns=None if owned is None else owned.__contains__, clean=clean)
    return [Written(path, hashlib.sha256(data).hexdigest(), len(data))
            for path, data in paths.items()]


_STATE: dict[str, Any] = {}
"""What every job of a worker process shares (set once per worker by :func:`_start`)."""


def _start(state: dict[str, Any]) -> None:
    import signal

    signal.signal(signal.SIGINT, _interrupted)
    os.environ["SMARTCITY_ASSESS_SERIAL"] = "1"  # no chart workers inside a worker
    _STATE.clear()
    _STATE.update(state)


def _interrupted(signum: int, frame: Any) -> None:
    """Ctrl-C in a worker: stop the report being written (its temporary files are removed
    and the error goes back to the main process, which reports the interruption); an idle
    worker ends quietly (``SystemExit`` releases the pool's locks and prints no traceback)."""
    if _STATE.get("busy"):
        raise KeyboardInterrupt
    raise SystemExit(130)


def _work(job: ReportJob) -> list[Written]:
    _STATE["busy"] = True
    try:
        return _work_on(job)
    finally:
        _STATE["busy"] = False


def _work_on(job: ReportJob) -> list[Written]:
    return _render_one(_STATE["assessment"], _STATE["plan"], _STATE["formats"],
                       _STATE["templates_dir"], _STATE["out"], job, _STATE["owned"],
                       _STATE["clean"], _STATE.get("history"), _STATE.get("sensitivity"))


def write_reports_many(assessment: Assessment, out: Path, jobs: Sequence[ReportJob], *,
                       plan: Plan, formats: Sequence[str], templates_dir: Path | None = None,
                       processes: int = 1, progress: Progress | None = None,
                       folder: OutputFolder | None = None,
                       history: HistoryLike | None = None,
                       sensitivity: SensitivityResult | None = None) -> list[Written]:
    """Render and write every job; return what was written, in job order.

    Each masterplan shows its region's trend over the years in ``assessment`` and in
    ``history`` (earlier scores; the assessment wins for the same region-year).

    With ``folder`` (the caller's :class:`~smartcity_assess.outputs.OutputFolder` on
    ``out``, entered) an existing file is replaced only when the folder owns it, and the
    files written are recorded in it.

    Several jobs are shared among ``processes`` worker processes (``fork`` where the platform
    has it), even when that is one: a worker imports the chart library once and draws every
    chart itself, where a report rendered alone draws its charts in helper processes that
    each import it again. The first error stops the batch and is raised here.
    """
    total = len(jobs)
    if total == 0:
        return []
    owned = None if folder is None else frozenset(folder.owned) | frozenset(folder.written)
    clean = folder is not None and folder.locked

    def sink(written: list[Written]) -> None:  # each report as it is done: an interrupted
        if folder is not None:                 # batch still records what it wrote
            folder.record({w.path: w.sha256 for w in written})

    found = _write_many(assessment, out, jobs, plan=plan, formats=formats, sink=sink,
                        templates_dir=templates_dir, processes=processes, progress=progress,
                        owned=owned, clean=clean, history=report_timeline(assessment, history),
                        sensitivity=sensitivity)
    return found


def _write_many(assessment: Assessment, out: Path, jobs: Sequence[ReportJob], *,
                plan: Plan, formats: Sequence[str], templates_dir: Path | None,
                processes: int, progress: Progress | None, owned: frozenset[str] | None,
                sink: Callable[[list[Written]], None],
                clean: bool, history: Timeline | None = None,
                sensitivity: SensitivityResult | None = None) -> list[Written]:
    total = len(jobs)

    def label(job: ReportJob) -> str:
        result = assessment.results[job.index]
        year = "" if result.year is None else f" {result.year}"
        return f"{result.region}{year} ({job.lang})"

    if total == 1:  # one report: render here (its charts are drawn by helper processes)
        found: list[Written] = []
        for done, job in enumerate(jobs, start=1):
            done_here = _render_one(assessment, plan, formats, templates_dir, out, job, owned,
                                    clean, history, sensitivity)
            sink(done_here)
            found += done_here
            if progress is not None:
                progress(done, total, label(job))
        return found

    import multiprocessing
    from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    state = {"assessment": assessment, "plan": plan, "formats": tuple(formats),
             "templates_dir": templates_dir, "out": out, "owned": owned, "clean": clean,
             "history": history, "sensitivity": sensitivity}
    results: dict[int, list[Written]] = {}
    pool = ProcessPoolExecutor(max_workers=max(1, min(processes, total)), mp_context=context,
                               initializer=_start, initargs=(state,))
    futures: dict[Future[list[Written]], int] = {}
    try:
        futures.update({pool.submit(_work, job): position for position, job in enumerate(jobs)})
        pending = set(futures)
        done_count = 0
        while pending:
            finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in finished:
                position = futures[future]
                results[position] = future.result()  # raises the worker's error
                sink(results[position])
                done_count += 1
                if progress is not None:
                    progress(done_count, total, label(jobs[position]))
    except BaseException:
        _stop(pool)
        for future, position in futures.items():  # reports finished meanwhile are written
            if position not in results and future.done() and not future.cancelled() \
                    and future.exception() is None:
                sink(future.result())
        raise
    pool.shutdown(wait=True)
    return [written for position in range(total) for written in results[position]]


STOP_WAIT = 60.0
"""Seconds a worker gets to finish its report after an error or Ctrl-C before it is ended."""


def _stop(pool: Any) -> None:
    """Cancel the jobs not started and let the workers finish the report they are writing
    (after Ctrl-C they stop at once, cleaning up): every report folder stays whole. A
    worker still alive after :data:`STOP_WAIT` is ended, so that Ctrl-C never hangs (a
    pool interrupted at the wrong moment can lose the messages that end its workers)."""
    import multiprocessing

    pool.shutdown(wait=False, cancel_futures=True)
    for child in multiprocessing.active_children():
        child.join(STOP_WAIT)
        if child.is_alive():
            child.terminate()
            child.join(5)


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
