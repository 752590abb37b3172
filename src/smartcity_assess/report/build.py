"""Write the masterplan and roadmap of one region-year: HTML, Markdown, charts, scores, PDF.

Orchestration only: the facts (:mod:`.facts`), the chapters of each document
(:mod:`.chapters`), the chart jobs (:mod:`.charts.jobs`) drawn in the background
(:mod:`.charts.workers`) while the templates render (:mod:`.render`). Everything is rendered
in memory first; only when every document rendered are the files written, each through a
temporary file in the output folder and an atomic rename. A rendering error therefore leaves
the folder as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..errors import UsageError
from ..planning.plan import Plan
from ..planning.planner import build_roadmap
from ..scoring.results import Assessment
from ..text import LANGUAGES
from .chapters import Chapter, Document
from .chapters.masterplan import MASTERPLAN
from .chapters.roadmap import ROADMAP
from .chapters.warga import WARGA
from .charts.common import Chart
from .charts.job import ChartJob, ChartSpec
from .charts.jobs import document_jobs
from .charts.workers import background_charts
from .charts.workers import warm_up as warm_up
from .environment import check_templates_dir, make_environment
from .facts import ReportFacts, ReportSources, build_facts, report_date, select_result
from .render import render_template, script_json, template_context, tidy_markdown
from .trends import HistoryLike
from .views import ChartRef

if TYPE_CHECKING:
    from ..geo.inputs import GeoContext
    from ..scoring.sensitivity import SensitivityResult
    from .maps import MapsFacts

FORMATS = ("html", "md", "pdf")
"""Report formats ``write_reports`` knows."""
DOCUMENTS: tuple[Document[ReportFacts, ReportSources], ...] = (MASTERPLAN, ROADMAP, WARGA)
"""The documents of a region-year, in order (``warga``: the citizens' scorecard)."""
CHART_DIR = "charts"
LOCK_WAIT = 30.0
"""Seconds to wait for another process that is writing into the same folder."""


@dataclass(frozen=True)
class DocumentContext:
    """What one document's templates see, besides the facts: its chapters, the charts by
    name and the scores embedded in the HTML."""

    chapters: tuple[Chapter, ...]
    charts: Mapping[str, ChartRef]
    scores_json: Markup
    maps: MapsFacts | None = None
    """The breakdown by area, its maps and the complaint figures (None: no areas)."""


def write_reports(
    assessment: Assessment,
    out_dir: Path,
    *,
    plan: Plan,
    formats: Sequence[str] = ("html", "md"),
    lang: str = "id",
    templates_dir: Path | None = None,
    region: str | None = None,
    year: int | None = None,
    history: HistoryLike | None = None,
    sensitivity: SensitivityResult | None = None,
    geo: GeoContext | None = None,
) -> list[Path]:
    """Render the documents of one region-year and write them into ``out_dir``.

    Returns the paths written, documents first. Raises :class:`UsageError` for an unknown
    format or language, several region-years without a choice, or a missing PDF extra;
    :class:`OutputError` when the folder cannot be written. ``history`` (earlier scores)
    adds their years to the masterplan's trends (see :mod:`.trends`); ``sensitivity`` (the
    Monte Carlo over judgement calls of the same data) fills the "How sure are we?" section
    together with the assessment's bootstrap intervals (see :mod:`.certainty`). ``geo`` (the
    run's boundaries, problem layers and complaints) adds the maps, ``scores.geojson`` and
    the boundary file's licence notice (see :mod:`.maps`).
    """
    files = render_reports(assessment, plan=plan, formats=formats, lang=lang,
                           templates_dir=templates_dir, region=region, year=year,
                           history=history, sensitivity=sensitivity, geo=geo)
    return _commit(Path(out_dir), files)


def write_reports_languages(
    assessment: Assessment,
    targets: Sequence[tuple[str, Path]],
    *,
    plan: Plan,
    formats: Sequence[str] = ("html", "md"),
    templates_dir: Path | None = None,
    region: str | None = None,
    year: int | None = None,
    history: HistoryLike | None = None,
    sensitivity: SensitivityResult | None = None,
    geo: GeoContext | None = None,
) -> list[Path]:
    """:func:`write_reports` in several languages, each ``(lang, folder)`` of ``targets``
    written in turn; returns the paths written.

    The charts of every language are handed to one background worker at once, which
    imports matplotlib once and draws them while the templates render (where one call of
    :func:`write_reports` per language would start a worker, and import matplotlib, per
    language). The files are the same either way.
    """
    if len(targets) < 2:
        return [path for lang, folder in targets for path in write_reports(
            assessment, folder, plan=plan, formats=formats, lang=lang,
            templates_dir=templates_dir, region=region, year=year, history=history,
            sensitivity=sensitivity, geo=geo)]
    chosen = [_checked(formats, lang, templates_dir) for lang, _ in targets]
    parts = [_prepare(assessment, plan, lang, region, year, history, sensitivity, geo)
             for lang, _ in targets]
    # Chart names repeat from one language to the next: the batch names them apart.
    everything = background_charts([
        ChartJob(f"{number}/{job.name}", job.title, job.description, _Renamed(job.spec, job.name))
        for number, (_, jobs) in enumerate(parts) for job in jobs])
    written: list[Path] = []
    try:
        start = 0
        for (_, folder), formats_of, ((facts, sources), jobs) in zip(
                targets, chosen, parts, strict=True):
            mine = slice(start, start + len(jobs))
            start += len(jobs)

            def drawn(expected: Sequence[ChartJob] = jobs, mine: slice = mine) -> list[Chart]:
                return [replace(chart, name=job.name) for chart, job in
                        zip(everything()[mine], expected, strict=True)]

            files = _finish(assessment, facts, sources, jobs, drawn, formats_of,
                            templates_dir, sensitivity, geo)
            written += _commit(Path(folder), files)
    finally:
        everything()  # collect the worker even when a template failed
    return written


@dataclass(frozen=True)
class _Renamed:
    """A chart spec drawn under its own ``name`` whatever name its job has (for a batch of
    several documents' charts, whose names repeat)."""

    spec: ChartSpec
    name: str

    @property
    def size(self) -> int:
        return self.spec.size

    def draw(self, name: str, title: str, description: str) -> Chart:
        return replace(self.spec.draw(self.name, title, description), name=name)


def render_reports(
    assessment: Assessment,
    *,
    plan: Plan,
    formats: Sequence[str] = ("html", "md"),
    lang: str = "id",
    templates_dir: Path | None = None,
    region: str | None = None,
    year: int | None = None,
    history: HistoryLike | None = None,
    sensitivity: SensitivityResult | None = None,
    geo: GeoContext | None = None,
    charts: Callable[[Sequence[ChartJob]], Callable[[], list[Chart]]] = background_charts,
) -> dict[str, bytes]:
    """Every output file as bytes, keyed by its path relative to the output folder.

    The region's other years in ``assessment`` and in ``history`` (earlier scores) make the
    masterplan's trends section (none with a single year). ``charts`` starts drawing the
    chart jobs and returns a function that waits for them (by default in the background,
    :func:`.charts.workers.background_charts`).
    """
    chosen = _checked(formats, lang, templates_dir)
    (facts, sources), jobs = _prepare(assessment, plan, lang, region, year, history,
                                      sensitivity, geo)
    return _finish(assessment, facts, sources, jobs, charts(jobs), chosen, templates_dir,
                   sensitivity, geo)


def _checked(formats: Sequence[str], lang: str, templates_dir: Path | None
             ) -> tuple[str, ...]:
    """The formats asked for, once each; a usage error for an unknown format or language
    or a template folder that cannot be used."""
    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"unknown report format {', '.join(unknown) or '(none)'}: "
                         f"use {', '.join(FORMATS)}")
    if lang not in LANGUAGES:
        raise UsageError(f"unknown report language {lang!r}: use {' or '.join(LANGUAGES)}")
    if templates_dir is not None:
        check_templates_dir(templates_dir)
    return chosen


def _finish(assessment: Assessment, facts: ReportFacts, sources: ReportSources,
            jobs: Sequence[ChartJob], charts_done: Callable[[], list[Chart]],
            chosen: tuple[str, ...], templates_dir: Path | None,
            sensitivity: SensitivityResult | None, geo: GeoContext | None
            ) -> dict[str, bytes]:
    """The files of prepared documents, while their charts are drawn (``charts_done``
    waits for them)."""
    try:
        files = _render_all(assessment, facts, sources, jobs, charts_done, chosen,
                            templates_dir, sensitivity)
    finally:
        charts_done()  # collect the worker even when a template failed (returns at once if done)
    if geo is not None and geo.data.boundaries is not None:
        from .maps import geo_files

        files.update(geo_files(assessment, sources.result, geo, facts))
    return files


def _prepare(assessment: Assessment, plan: Plan, lang: str, region: str | None,
             year: int | None, history: HistoryLike | None,
             sensitivity: SensitivityResult | None, geo: GeoContext | None
             ) -> tuple[tuple[ReportFacts, ReportSources], list[ChartJob]]:
    """The facts of a region-year's documents in ``lang`` (with their maps), and the jobs
    of their charts and maps."""
    result = select_result(assessment, region, year)
    date = report_date()
    roadmap = build_roadmap(result, assessment.indicator_set, plan, reference_year=date.year)
    sources = ReportSources(assessment, result, roadmap, plan, lang, date, history,
                            sensitivity, geo)
    facts = build_facts(sources)
    from ..scoring.areas import MIN_RESPONDENTS
    from .maps import build_maps, build_sources, map_jobs, source_dates

    maps, drawn_maps = build_maps(facts, result, geo,
                                  assessment.area_min_respondents or MIN_RESPONDENTS)
    sources = replace(sources, maps=maps, sources=build_sources(
        source_dates(assessment.inputs, geo), plan.max_age, date, lang))
    jobs = [*document_jobs(facts, roadmap.median_impact, roadmap.start_year,
                           roadmap.end_year, roadmap.plan_years), *map_jobs(drawn_maps)]
    return (facts, sources), jobs


def _render_all(assessment: Assessment, facts: ReportFacts, sources: ReportSources,
                jobs: Sequence[ChartJob], charts_done: Callable[[], list[Chart]],
                chosen: tuple[str, ...], templates_dir: Path | None,
                sensitivity: SensitivityResult | None) -> dict[str, bytes]:
    from ..render.scores_json import to_json

    lang = facts.lang
    # The documents of a region hold its own results and sensitivity only (the overview
    # holds every region's): their size does not grow with the number of regions run.
    own = {(r.region, r.year) for r in assessment.results}
    scores = to_json(assessment, lang, None if sensitivity is None
                     else sensitivity.restricted(own))
    # The templates render while the charts are drawn; each SVG replaces its placeholder.
    placeholders = {job.name: f"<!--smartcity-assess:chart:{job.name}-->" for job in jobs}
    from .maps import MAP_DIR, MapSpec

    maps = {job.name for job in jobs if isinstance(job.spec, MapSpec)}
    charts = {job.name: ChartRef(job.name, job.title, job.description,
                                 Markup(placeholders[job.name]),
                                 Markup(f"{MAP_DIR if job.name in maps else CHART_DIR}/"
                                        f"{job.name}.svg")) for job in jobs}
    contexts = {doc.name: template_context(facts, DocumentContext(
        doc.chapters(facts, sources), charts, Markup(script_json(scores)), sources.maps))
        for doc in DOCUMENTS}
    html: dict[str, str] = {}
    if "html" in chosen or "pdf" in chosen:
        env = make_environment("html", lang, user_dir=templates_dir)
        for name, context in contexts.items():
            html[name] = render_template(env, f"{name}.html", templates_dir, context)
    markdown: dict[str, str] = {}
    if "md" in chosen:
        env = make_environment("md", lang, user_dir=templates_dir)
        for name, context in contexts.items():
            markdown[name] = tidy_markdown(render_template(env, f"{name}.md", templates_dir,
                                                           context))
    drawn = dict(zip([job.name for job in jobs], charts_done(), strict=True))
    for name, text in html.items():
        for chart_name, chart in drawn.items():
            text = text.replace(placeholders[chart_name], chart.svg)
        html[name] = text
    files: dict[str, bytes] = {}
    if "html" in chosen:
        for name, text in html.items():
            files[f"{name}.html"] = text.encode("utf-8")
    for name, text in markdown.items():
        files[f"{name}.md"] = text.encode("utf-8")
    files["scores.json"] = scores.encode("utf-8")
    files.update(_roadmap_file(sources))
    for chart_name, chart in drawn.items():
        if chart_name in maps:  # maps are files in every format (SVG and PNG)
            files[f"{MAP_DIR}/{chart_name}.svg"] = chart.file_text().encode("utf-8")
            files[f"{MAP_DIR}/{chart_name}.png"] = getattr(chart, "png", b"")
        elif "md" in chosen:
            files[f"{CHART_DIR}/{chart_name}.svg"] = chart.file_text().encode("utf-8")
    if "pdf" in chosen:
        from .pdf import html_to_pdf

        for name, text in html.items():
            files[f"{name}.pdf"] = html_to_pdf(text)
    return files


def _roadmap_file(sources: ReportSources) -> dict[str, bytes]:
    """``roadmap.json`` beside the documents: the roadmap as data for CI and other tools
    (docs/roadmap-json.md), in the documents' language."""
    from ..planning.roadmap_json import roadmap_json

    return {"roadmap.json": roadmap_json(sources.roadmap, sources.plan,
                                         sources.lang).encode("utf-8")}


def _commit(out_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file through a temporary file in its folder, then rename them all
    (:class:`~smartcity_assess.outputs.OutputFolder`: locked, and never over a file the
    tool did not write)."""
    from ..outputs import OutputFolder

    with OutputFolder(out_dir, wait=LOCK_WAIT) as folder:
        return folder.commit(files)
