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

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import messages as i18n
from ..errors import UsageError
from ..numbers import format_number
from ..scoring.results import Assessment, RegionResult
from ..text import LANGUAGES

if TYPE_CHECKING:
    from .charts import Chart
    from .overview_charts import Gap

INDEX = "index"
"""Stem of the overview files."""
TINT = 0.3
"""Share of a band's colour in the tint of a table cell (the rest is white)."""


@dataclass(frozen=True)
class Ranked:
    """A region-year with its rank among the assessed ones of its year."""

    result: RegionResult
    rank: int | None
    """None when the index is not assessed."""
    of: int
    """Assessed region-years of the same year."""
    folder: str


def rank_results(results: Sequence[RegionResult],
                 folders: Mapping[tuple[str, int | None], str]) -> list[Ranked]:
    """The region-years in the order of the ranking table: latest year first (no year
    last), then by rank (not assessed last), then by name."""
    by_year: dict[int | None, list[RegionResult]] = {}
    for result in results:
        by_year.setdefault(result.year, []).append(result)
    ranked: list[Ranked] = []
    for year in sorted(by_year, key=lambda y: (y is None, -(y or 0))):
        members = by_year[year]
        scores = sorted((r.score for r in members if r.score is not None), reverse=True)
        first: dict[float, int] = {}
        for position, score in enumerate(scores, start=1):
            first.setdefault(score, position)
        rows = [Ranked(r, None if r.score is None else first[r.score], len(scores),
                       folders[(r.region, r.year)]) for r in members]
        rows.sort(key=lambda x: (x.rank is None, x.rank or 0, x.result.region))
        ranked.extend(rows)
    return ranked


def _tint(colour: str, share: float = TINT) -> str:
    """``colour`` mixed with white: a light background that keeps dark text readable."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


def _median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def overview_context(assessment: Assessment, chosen: Sequence[RegionResult],
                     folders: Mapping[tuple[str, int | None], str], *, lang: str,
                     date: dt.date, sample: bool = False) -> dict[str, Any]:
    """Everything the overview templates show (charts are added by :func:`render_overview`)."""
    from markupsafe import Markup

    from .context import band_colors

    iset = assessment.indicator_set
    low, high = iset.scale
    colours = band_colors(iset)
    pillars = [{"id": p.id, "title": p.title.get(lang) or p.id} for p in iset.pillars]

    def band_of(score: float | None) -> dict[str, Any] | None:
        band = iset.band_for(score)
        if band is None:
            return None
        index = iset.bands.index(band)
        return {"label": band.label.get(lang), "color": colours[index],
                "tint": _tint(colours[index]), "index": index}

    ranked = rank_results(chosen, folders)
    rows: list[dict[str, Any]] = []
    for item in ranked:
        result = item.result
        scores = {p.id: p.score for p in result.pillars}
        rows.append({
            "rank": item.rank, "of": item.of, "region": result.region, "year": result.year,
            "score": result.score, "band": band_of(result.score), "coverage": result.coverage,
            "pillars": [{"id": p["id"], "score": scores.get(p["id"]),
                         "band": band_of(scores.get(p["id"]))} for p in pillars],
            "folder": Markup(item.folder),
        })
    years: list[dict[str, Any]] = []
    for year in dict.fromkeys(row["year"] for row in rows):
        members = [row for row in rows if row["year"] == year]
        assessed = [row for row in members if row["score"] is not None]
        values = [row["score"] for row in assessed]
        counts = [0] * len(iset.bands)
        for row in assessed:
            if row["band"] is not None:
                counts[row["band"]["index"]] += 1
        years.append({
            "year": year, "count": len(members), "assessed": len(assessed),
            "not_assessed": len(members) - len(assessed),
            "median": _median(values), "mean": sum(values) / len(values) if values else None,
            "best": assessed[0] if assessed else None,
            "worst": assessed[-1] if assessed else None,
            "bands": counts,
        })
    labelled = [y["year"] for y in years if y["year"] is not None]
    scope_key = "ov_region_years" if len(years) > 1 else "ov_regions"
    return {
        "overview": True,
        "lang": lang,
        "date": date,
        "sample": sample,
        "tool": {"name": "smartcity-assess", "version": assessment.tool_version},
        "set": {"id": iset.id, "version": iset.version, "title": iset.title.get(lang),
                "description": iset.description.get(lang)},
        "scale": {"low": low, "high": high,
                  "text": f"{format_number(low, lang, 0)}–{format_number(high, lang, 0)}"},
        "bands": [{"label": b.label.get(lang), "lower": b.lower, "color": colours[i],
                   "tint": _tint(colours[i]),
                   "upper": iset.bands[i + 1].lower if i + 1 < len(iset.bands) else high}
                  for i, b in enumerate(iset.bands)],
        "pillars": pillars,
        "rows": rows,
        "count": len(rows),
        "scope": i18n.text(scope_key, lang).format(n=format_number(len(rows), lang, 0)),
        "years": years,
        "latest": years[0] if years else None,
        "has_years": bool(labelled),
        "several_years": len(years) > 1,
        "year_span": _span(labelled),
    }


def _span(years: Sequence[int]) -> str:
    """``2024`` or ``2020–2024`` or ``2020, 2022``."""
    ordered = sorted(set(years))
    if not ordered:
        return ""
    if len(ordered) == 1:
        return str(ordered[0])
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(y) for y in ordered)


def ranking_json(assessment: Assessment, context: Mapping[str, Any]) -> str:
    """The ranking for machines (embedded in ``index.html``): one entry per row, in order."""
    iset = assessment.indicator_set
    results = [{
        "rank": row["rank"], "region": row["region"], "year": row["year"],
        "score": row["score"], "band": None if row["band"] is None else row["band"]["label"],
        "coverage": row["coverage"],
        "pillars": {p["id"]: p["score"] for p in row["pillars"]},
        "folder": str(row["folder"]),
    } for row in context["rows"]]
    return json.dumps({"criteria": {"id": iset.id, "version": iset.version},
                       "results": results}, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)


# --- charts ----------------------------------------------------------------------------------


def overview_charts(context: Mapping[str, Any], lang: str) -> list[Chart]:
    """The distribution chart, then one heatmap per year (latest first)."""
    from . import overview_charts as oc
    from .charts import BandZone

    def t(key: str, **values: Any) -> str:
        text = i18n.text(key, lang)
        return text.format(**values) if values else text

    def num(value: float | None, digits: int = 1) -> str:
        return format_number(value, lang, digits)

    scale = (float(context["scale"]["low"]), float(context["scale"]["high"]))
    zones = [BandZone(b["lower"], b["label"], b["color"]) for b in context["bands"]]
    texts = {"median": t("ov_median_mark"), "score_axis": t("score_axis",
                                                             scale=context["scale"]["text"]),
             "count_axis": t("ov_count_axis"), "na": "–", "key": t("ov_heat_key")}
    rows = context["rows"]
    years = list(reversed(context["years"]))  # oldest first: the latest is drawn on top
    series = [oc.Series("–" if y["year"] is None else str(y["year"]),
                        tuple(r["score"] for r in rows
                              if r["year"] == y["year"] and r["score"] is not None))
              for y in years]
    every = [v for s in series for v in s.values]
    edges = oc.bin_edges(every, scale)
    latest = context["latest"]
    charts = [oc.distribution_chart(
        "distribution", series, edges, scale, zones, lang, texts,
        title=t("ov_dist_title"),
        description=t("ov_dist_desc", n=num(len(every), 0), width=num(edges[1] - edges[0], 1),
                      median=num(latest["median"]) if latest else "–",
                      counts="; ".join(f"{b['label']} {n}" for b, n in
                                       zip(context["bands"], latest["bands"], strict=True))
                      if latest else "–"))]

    scored = [v for r in rows for v in (r["score"], *(p["score"] for p in r["pillars"]))
              if v is not None]
    classes = oc.class_edges(scored, scale)
    columns = [t("ov_col_index"), *(p["title"] for p in context["pillars"])]
    for year in context["years"]:
        members = [r for r in rows if r["year"] == year["year"]]
        shown, gap = _heat_rows(members, lang)
        heat = [oc.HeatRow(f"{'–' if r['rank'] is None else r['rank']}. {r['region']}",
                           (r["score"], *(p["score"] for p in r["pillars"])))
                for r in shown]
        name = "heatmap" if year["year"] is None else f"heatmap-{year['year']}"
        title = (t("ov_heat_title") if year["year"] is None
                 else t("ov_heat_title_year", year=year["year"]))
        items = "; ".join(f"{r['region']} {num(r['score'])}" for r in shown[:5])
        description = t("ov_heat_desc", n=num(len(members), 0), items=items,
                        low=num(classes[0], 0), high=num(classes[-1], 0))
        charts.append(oc.heatmap_chart(name, heat, columns, classes, gap, lang, texts,
                                       title=title, description=description))
    return charts


def _heat_rows(members: Sequence[dict[str, Any]], lang: str
               ) -> tuple[list[dict[str, Any]], Gap | None]:
    """The rows a heatmap draws: all of them, or the top and bottom with a gap row."""
    from .overview_charts import EDGE_ROWS, MAX_ROWS, Gap

    if len(members) <= MAX_ROWS:
        return list(members), None
    left_out = len(members) - 2 * EDGE_ROWS
    text = i18n.text("ov_heat_gap", lang).format(n=format_number(left_out, lang, 0))
    return [*members[:EDGE_ROWS], *members[-EDGE_ROWS:]], Gap(EDGE_ROWS, text)


def heat_note(year: Mapping[str, Any], lang: str) -> str | None:
    """Caption text of a truncated heatmap (None when it shows every row)."""
    from .overview_charts import EDGE_ROWS, MAX_ROWS

    if year["count"] <= MAX_ROWS:
        return None
    return i18n.text("ov_heat_truncated", lang).format(
        top=EDGE_ROWS, bottom=EDGE_ROWS, total=format_number(year["count"], lang, 0))


# --- rendering -------------------------------------------------------------------------------


def overview_files(formats: Sequence[str], years: Sequence[int | None]) -> list[str]:
    """Names of the files :func:`render_overview` writes for ``formats`` (html or pdf →
    ``index.html``; md → ``index.md`` and its charts)."""
    names = []
    if "html" in formats or "pdf" in formats:
        names.append(f"{INDEX}.html")
    if "md" in formats:
        names.append(f"{INDEX}.md")
        names.append(f"{INDEX}-distribution.svg")
        names += [f"{INDEX}-heatmap.svg" if y is None else f"{INDEX}-heatmap-{y}.svg"
                  for y in dict.fromkeys(years)]
    return names


def render_overview(assessment: Assessment, chosen: Sequence[RegionResult],
                    folders: Mapping[tuple[str, int | None], str], *, lang: str = "id",
                    formats: Sequence[str] = ("html", "md"), sample: bool = False,
                    templates_dir: Path | None = None) -> dict[str, bytes]:
    """Every overview file as bytes, keyed by its path relative to the folder above the
    region folders. ``formats`` are those of the region documents: ``index.html`` links
    their HTML (or PDF) files, ``index.md`` their Markdown files."""
    from markupsafe import Markup

    from .build import _render, _tidy_markdown, script_json
    from .context import report_date
    from .environment import make_environment

    if lang not in LANGUAGES:
        raise UsageError(f"unknown report language {lang!r}: use {' or '.join(LANGUAGES)}")
    if not chosen:
        raise UsageError("the overview needs at least one region-year")
    context = overview_context(assessment, chosen, folders, lang=lang, date=report_date(),
                               sample=sample)
    charts = overview_charts(context, lang)
    distribution, heatmaps = charts[0], charts[1:]

    def entry(chart: Chart) -> dict[str, Any]:
        return {"name": chart.name, "title": chart.title, "description": chart.description,
                "svg": Markup(chart.svg), "file": Markup(f"{INDEX}-{chart.name}.svg")}

    context["charts"] = {"distribution": entry(distribution)}
    context["heatmaps"] = [{**entry(chart), "year": year["year"],
                            "note": heat_note(year, lang)}
                           for chart, year in zip(heatmaps, context["years"], strict=True)]
    context["ranking_json"] = Markup(script_json(ranking_json(assessment, context)))
    files: dict[str, bytes] = {}
    html_ext = "html" if "html" in formats else "pdf" if "pdf" in formats else None
    if html_ext is not None:
        env = make_environment("html", lang, user_dir=templates_dir)
        text = _render(env, f"{INDEX}.html", templates_dir,
                       {**context, "doc_ext": Markup(html_ext)})
        files[f"{INDEX}.html"] = text.encode("utf-8")
    if "md" in formats:
        env = make_environment("md", lang, user_dir=templates_dir)
        text = _tidy_markdown(_render(env, f"{INDEX}.md", templates_dir,
                                      {**context, "doc_ext": Markup("md")}))
        files[f"{INDEX}.md"] = text.encode("utf-8")
        for chart in charts:
            files[f"{INDEX}-{chart.name}.svg"] = chart.file_text().encode("utf-8")
    return files

