"""Reports for many region-years at once: one folder each, and the overview above them.

``smartcity-assess report`` with data on several region-years (and ``run``) writes::

    OUT/
      index.html, index.md        the overview (report/overview.py): ranking, heatmap,
      index-*.svg                 distribution, links to every region's documents
      scores.json                 (report only) every region-year chosen
      <region>-<year>/            masterplan and roadmap (html, md), charts/, scores.json
      ...

Folder names come from :func:`smartcity_assess.paths.region_folders` (the names ``run``
uses). The overview is rendered first (a template error stops the run before any file is
written) and written last (its links never point at a folder not yet written). The region
reports are rendered by :func:`.batch.write_reports_many` in worker processes that return
only what they wrote, so memory does not grow with the number of regions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..paths import region_folders, region_slug
from ..planning.plan import Plan
from ..scoring.results import Assessment, RegionResult
from .batch import Progress, Written

if TYPE_CHECKING:
    from ..geo.inputs import GeoContext
    from ..report.trends import HistoryLike
    from ..scoring.sensitivity import SensitivityResult

SCORES = "scores.json"
LOCK_WAIT = 30.0
"""Seconds to wait for another process writing into the same folder (as ``report`` does for
one region-year)."""
SHOWN = 10
"""Region names listed in an error before ``… and N more``."""


def choose(assessment: Assessment, regions: Sequence[str] = (), years: Sequence[int] = ()
           ) -> list[RegionResult]:
    """The region-years that ``--region`` and ``--year`` select (all when both are empty),
    in the assessment's order.

    A region is named exactly as in the data, or in another letter case, or by its folder
    name (``kabupaten-tegal``). Raises :class:`UsageError` naming what is available when a
    region or a year is not in the data, or when no region-year matches both.
    """
    results = list(assessment.results)
    if not results:
        raise UsageError("the data hold no region: there is nothing to report on")
    names = list(dict.fromkeys(r.region for r in results))
    wanted: set[str] = set()
    unknown: list[str] = []
    for given in regions:
        found = [n for n in names if n == given] or [
            n for n in names if n.casefold() == given.casefold() or region_slug(n) == given]
        if found:
            wanted.update(found)
        else:
            unknown.append(given)
    if unknown:
        raise UsageError(f"no region {', '.join(repr(u) for u in unknown)} in the data; "
                         f"it holds {_listing(names)}")
    available_years = sorted({r.year for r in results if r.year is not None})
    missing = [y for y in years if y not in available_years]
    if missing:
        held = ", ".join(str(y) for y in available_years) or "no years"
        raise UsageError(f"no data for the year {', '.join(str(y) for y in missing)}; "
                         f"the data hold {held}")
    chosen = [r for r in results if (not wanted or r.region in wanted)
              and (not years or r.year in years)]
    if not chosen:
        raise UsageError("no region-year matches both --region and --year; the data hold "
                         + _listing([_label(r) for r in results]))
    return chosen


def _label(result: RegionResult) -> str:
    return result.region if result.year is None else f"{result.region} {result.year}"


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:SHOWN])
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    return shown + more


def render_overviews(assessment: Assessment, chosen: Sequence[RegionResult], *,
                     languages: Sequence[str], formats: Sequence[str], plan: Plan,
                     prefix: Callable[[str], str], templates_dir: Path | None = None
                     ) -> dict[str, bytes]:
    """The overview files of every language, keyed by their path in the output folder."""
    from ..report.overview import render_overview

    folders = region_folders((r.region, r.year) for r in chosen)
    files: dict[str, bytes] = {}
    for lang in languages:
        base = prefix(lang)
        for relative, data in render_overview(assessment, chosen, folders, lang=lang,
                                              formats=formats, sample=plan.sample,
                                              templates_dir=templates_dir,
                                              max_age=plan.max_age).items():
            files[f"{base}/{relative}" if base else relative] = data
    return files


def write_report_set(assessment: Assessment, out: Path, chosen: Sequence[RegionResult], *,
                     plan: Plan, formats: Sequence[str], lang: str,
                     templates_dir: Path | None = None, processes: int = 1,
                     progress: Progress | None = None, history: HistoryLike | None = None,
                     sensitivity: SensitivityResult | None = None,
                     geo: GeoContext | None = None) -> list[Written]:
    """``report`` for several region-years: each in its folder under ``out``, the overview
    and a ``scores.json`` of them all at the top. Returns what was written (region files
    in the order of ``chosen``, then the overview and the scores). ``history`` (earlier
    scores) goes to each region's masterplan (its trends)."""
    import hashlib

    from ..outputs import OutputFolder
    from ..render.scores_json import to_json
    from ..report.trends import report_timeline
    from .batch import report_jobs, write_reports_many

    if not chosen:
        raise UsageError("no region-year to report on")
    subset = replace(assessment, results=tuple(chosen))
    top = render_overviews(subset, chosen, languages=[lang], formats=formats, plan=plan,
                           prefix=lambda _: "", templates_dir=templates_dir)
    top[SCORES] = to_json(subset, lang, sensitivity).encode("utf-8")
    folders = region_folders((r.region, r.year) for r in chosen)
    jobs = report_jobs(subset, chosen, [lang], folders, lambda _: "")
    with OutputFolder(out, wait=LOCK_WAIT) as folder:
        folder.check(top)
        written = write_reports_many(subset, out, jobs, plan=plan, formats=formats,
                                     templates_dir=templates_dir, processes=processes,
                                     progress=progress, folder=folder,
                                     # the data's other years too, filtered out above
                                     history=report_timeline(assessment, history),
                                     sensitivity=sensitivity, geo=geo)
        folder.commit(top)
    return [*written, *(Written(path, hashlib.sha256(data).hexdigest(), len(data))
                        for path, data in top.items())]
