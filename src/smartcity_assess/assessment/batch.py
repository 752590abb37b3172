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
from typing import Any

from ..outputs import write_bytes_atomic
from ..planning.plan import Plan, RegionProfile
from ..scoring.results import Assessment, RegionResult
from ..text import Text

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
                templates_dir: Path | None, out: Path, job: ReportJob) -> list[Written]:
    from ..report.build import render_reports

    result = assessment.results[job.index]
    single = replace(assessment, results=(result,))
    files = render_reports(single, plan=plan_for(plan, result.region), formats=formats,
                           lang=job.lang, templates_dir=templates_dir)
    written = []
    for relative, data in sorted(files.items()):
        path = f"{job.folder}/{relative}" if job.folder else relative
        write_bytes_atomic(out / path, data)
        written.append(Written(path, hashlib.sha256(data).hexdigest(), len(data)))
    return written


_STATE: dict[str, Any] = {}
"""What every job of a worker process shares (set once per worker by :func:`_start`)."""


def _start(state: dict[str, Any]) -> None:
    os.environ["SMARTCITY_ASSESS_SERIAL"] = "1"  # no chart workers inside a worker
    _STATE.clear()
    _STATE.update(state)


def _work(job: ReportJob) -> list[Written]:
    return _render_one(_STATE["assessment"], _STATE["plan"], _STATE["formats"],
                       _STATE["templates_dir"], _STATE["out"], job)


def write_reports_many(assessment: Assessment, out: Path, jobs: Sequence[ReportJob], *,
                       plan: Plan, formats: Sequence[str], templates_dir: Path | None = None,
                       processes: int = 1, progress: Progress | None = None) -> list[Written]:
    """Render and write every job; return what was written, in job order.

    Several jobs are shared among ``processes`` worker processes (``fork`` where the platform
    has it), even when that is one: a worker imports the chart library once and draws every
    chart itself, where a report rendered alone draws its charts in helper processes that
    each import it again. The first error stops the batch and is raised here.
    """
    total = len(jobs)
    if total == 0:
        return []

    def label(job: ReportJob) -> str:
        result = assessment.results[job.index]
        year = "" if result.year is None else f" {result.year}"
        return f"{result.region}{year} ({job.lang})"

    if total == 1:  # one report: render here (its charts are drawn by helper processes)
        found: list[Written] = []
        for done, job in enumerate(jobs, start=1):
            found += _render_one(assessment, plan, formats, templates_dir, out, job)
            if progress is not None:
                progress(done, total, label(job))
        return found

    import multiprocessing
    from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    state = {"assessment": assessment, "plan": plan, "formats": tuple(formats),
             "templates_dir": templates_dir, "out": out}
    results: dict[int, list[Written]] = {}
    pool = ProcessPoolExecutor(max_workers=max(1, min(processes, total)), mp_context=context,
                               initializer=_start, initargs=(state,))
    try:
        futures: dict[Future[list[Written]], int] = {
            pool.submit(_work, job): position for position, job in enumerate(jobs)}
        pending = set(futures)
        done_count = 0
        while pending:
            finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in finished:
                position = futures[future]
                results[position] = future.result()  # raises the worker's error
                done_count += 1
                if progress is not None:
                    progress(done_count, total, label(jobs[position]))
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [written for position in range(total) for written in results[position]]


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
