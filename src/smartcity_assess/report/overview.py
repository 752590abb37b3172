"""The overview of many region-years: ``index.html`` and ``index.md`` above their folders.

When a run writes reports for several region-years, each goes into its own folder (names from
:func:`smartcity_assess.paths.region_folders`) and the overview sits above them: key figures
per year, the distribution of the index over the bands, a pillar-by-region heatmap and the
ranking table with links to every region's masterplan and roadmap.

Everything is rendered in memory (``render_overview`` returns the files as bytes); it reads
only the results, never the per-region documents, so its cost grows with the number of rows
and not with the size of the reports. Same input → same bytes.

Files, relative to the folder of the region folders (none of these names can be a region
folder: folder names never hold a dot)::

    index.html                  self-contained: inline CSS and SVG, the ranking as JSON
    index.md                    links the charts below
    index-distribution.svg      (with md) histogram of the index over the band zones
    index-heatmap[-YEAR].svg    (with md) one heatmap per year

Ranks are competition ranks (1, 2, 2, 4) among the assessed region-years of the same year,
1 = highest index, as in ``compare``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..errors import UsageError
from ..freshness import MaxAge
from ..messages import text, tr
from ..numbers import format_number
from ..scoring.results import Assessment, RegionResult
from ..text import LANGUAGES
from .chapters import Chapter
from .chapters.overview import OVERVIEW
from .charts.common import BandZone, Chart
from .charts.overview import (
    EDGE_ROWS,
    MAX_ROWS,
    Gap,
    HeatRow,
    Series,
    bin_edges,
    class_edges,
    distribution_chart,
    heatmap_chart,
)
from .environment import check_templates_dir, make_environment
from .facts import report_date
from .maps import SourcesFacts, build_sources, source_dates
from .overview_facts import OverviewFacts, RankedRow, YearSummary, build_overview_facts
from .overview_facts import ranking_json as ranking_json
from .render import render_template, script_json, template_context, tidy_markdown
from .views import ChartRef

INDEX = "index"
"""Stem of the overview files."""


@dataclass(frozen=True)
class HeatmapRef(ChartRef):
    """A heatmap of one year, with the note a truncated one carries."""

    year: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class OverviewContext:
    """What the overview's templates see, besides the facts."""

    chapters: tuple[Chapter, ...]
    charts: Mapping[str, ChartRef]
    heatmaps: tuple[HeatmapRef, ...]
    ranking_json: Markup
    doc_ext: Markup
    """The extension of the region documents the ranking links: html, pdf or md."""
    sources: SourcesFacts | None = None
    """The data sources with their dates (report/maps.py); None when no file was read."""


# --- charts ----------------------------------------------------------------------------------


def overview_charts(facts: OverviewFacts) -> list[Chart]:
    """The distribution chart, then one heatmap per year (latest first)."""
    lang = facts.lang

    def num(value: float | None, digits: int = 1) -> str:
        return format_number(value, lang, digits)

    scale = (float(facts.scale.low), float(facts.scale.high))
    zones = [BandZone(b.lower, b.label, b.color) for b in facts.bands]
    texts = {"median": text("ov_median_mark", lang),
             "score_axis": tr("score_axis", lang, scale=facts.scale.text),
             "count_axis": text("ov_count_axis", lang), "na": "–",
             "key": text("ov_heat_key", lang)}
    rows = facts.rows
    years = list(reversed(facts.years))  # oldest first: the latest is drawn on top
    series = [Series("–" if y.year is None else str(y.year),
                     tuple(r.score for r in rows if r.year == y.year and r.score is not None))
              for y in years]
    every = [v for s in series for v in s.values]
    edges = bin_edges(every, scale)
    latest = facts.latest
    charts = [distribution_chart(
        "distribution", series, edges, scale, zones, lang, texts,
        title=text("ov_dist_title", lang),
        description=tr("ov_dist_desc", lang, n=num(len(every), 0),
                       width=num(edges[1] - edges[0], 1),
                       median=num(latest.median) if latest else "–",
                       counts="; ".join(f"{b.label} {n}" for b, n in
                                        zip(facts.bands, latest.bands, strict=True))
                       if latest else "–"))]

    scored = [v for r in rows for v in (r.score, *(p.score for p in r.pillars))
              if v is not None]
    classes = class_edges(scored, scale)
    columns = [text("ov_col_index", lang), *(p.title for p in facts.pillars)]
    for year in facts.years:
        members = [r for r in rows if r.year == year.year]
        shown, gap = _heat_rows(members, lang)
        heat = [HeatRow(f"{'–' if r.rank is None else r.rank}. {r.region}",
                        (r.score, *(p.score for p in r.pillars)))
                for r in shown]
        name = "heatmap" if year.year is None else f"heatmap-{year.year}"
        title = (text("ov_heat_title", lang) if year.year is None
                 else tr("ov_heat_title_year", lang, year=year.year))
        items = "; ".join(f"{r.region} {num(r.score)}" for r in shown[:5])
        description = tr("ov_heat_desc", lang, n=num(len(members), 0), items=items,
                         low=num(classes[0], 0), high=num(classes[-1], 0))
        charts.append(heatmap_chart(name, heat, columns, classes, gap, lang, texts,
                                    title=title, description=description))
    return charts


def _heat_rows(members: Sequence[RankedRow], lang: str) -> tuple[list[RankedRow], Gap | None]:
    """The rows a heatmap draws: all of them, or the top and bottom with a gap row."""
    if len(members) <= MAX_ROWS:
        return list(members), None
    left_out = len(members) - 2 * EDGE_ROWS
    note = tr("ov_heat_gap", lang, n=format_number(left_out, lang, 0))
    return [*members[:EDGE_ROWS], *members[-EDGE_ROWS:]], Gap(EDGE_ROWS, note)


def heat_note(year: YearSummary, lang: str) -> str | None:
    """Caption text of a truncated heatmap (None when it shows every row)."""
    if year.count <= MAX_ROWS:
        return None
    return tr("ov_heat_truncated", lang, top=EDGE_ROWS, bottom=EDGE_ROWS,
              total=format_number(year.count, lang, 0))


# --- rendering -------------------------------------------------------------------------------


def render_overview(assessment: Assessment, chosen: Sequence[RegionResult],
                    folders: Mapping[tuple[str, int | None], str], *, lang: str = "id",
                    formats: Sequence[str] = ("html", "md"), sample: bool = False,
                    templates_dir: Path | None = None, max_age: MaxAge | None = None
                    ) -> dict[str, bytes]:
    """Every overview file as bytes, keyed by its path relative to the folder above the
    region folders. ``formats`` are those of the region documents: ``index.html`` links
    their HTML (or PDF) files, ``index.md`` their Markdown files."""
    if lang not in LANGUAGES:
        raise UsageError(f"unknown report language {lang!r}: use {' or '.join(LANGUAGES)}")
    if not chosen:
        raise UsageError("the overview needs at least one region-year")
    if templates_dir is not None:
        check_templates_dir(templates_dir)
    facts = build_overview_facts(assessment, chosen, folders, lang=lang, date=report_date(),
                                 sample=sample)
    charts = overview_charts(facts)
    distribution, heatmaps = charts[0], charts[1:]

    def ref(chart: Chart) -> ChartRef:
        return ChartRef(chart.name, chart.title, chart.description, Markup(chart.svg),
                        Markup(f"{INDEX}-{chart.name}.svg"))

    chapters = OVERVIEW.chapters(facts, None)
    refs = tuple(HeatmapRef(chart.name, chart.title, chart.description, Markup(chart.svg),
                            Markup(f"{INDEX}-{chart.name}.svg"), year=year.year,
                            note=heat_note(year, lang))
                 for chart, year in zip(heatmaps, facts.years, strict=True))
    ranking = Markup(script_json(ranking_json(assessment, facts)))
    sources = build_sources(source_dates(assessment.inputs, None), max_age, facts.date, lang)

    def context(ext: str) -> dict[str, object]:
        return template_context(facts, OverviewContext(
            chapters, {"distribution": ref(distribution)}, refs, ranking, Markup(ext),
            sources))

    files: dict[str, bytes] = {}
    html_ext = "html" if "html" in formats else "pdf" if "pdf" in formats else None
    if html_ext is not None:
        env = make_environment("html", lang, user_dir=templates_dir)
        page = render_template(env, f"{INDEX}.html", templates_dir, context(html_ext))
        files[f"{INDEX}.html"] = page.encode("utf-8")
    if "md" in formats:
        env = make_environment("md", lang, user_dir=templates_dir)
        page = tidy_markdown(render_template(env, f"{INDEX}.md", templates_dir, context("md")))
        files[f"{INDEX}.md"] = page.encode("utf-8")
        for chart in charts:
            files[f"{INDEX}-{chart.name}.svg"] = chart.file_text().encode("utf-8")
    return files
