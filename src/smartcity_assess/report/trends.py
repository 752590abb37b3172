"""Trends of one region over the years: what the reports' "Trends" section shows.

A region's trend is built from two sources: the other years of the same region in the
assessment being reported on, and an optional *history* (earlier ``scores.json`` files, see
:mod:`smartcity_assess.history`). When a region-year is in both, this run wins: it was scored
from the data with today's indicator set. Only years up to the report's year count, and a
trend needs two of them; with fewer, :func:`trend_context` returns None and the section is
not shown.

Each year is compared with the year before it (:func:`smartcity_assess.compare.trend`). When
the indicator set's id or version differs between two years, the later year starts a *break*:
its deltas are still computed (same node ids) but marked, and the chart does not join the
lines across it.

Numbers stay numbers, as in the rest of the context; the signed deltas also come as text
(``+1,2`` / ``−0,4`` with a real minus sign), already safe for HTML and Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import messages as i18n
from ..compare import Pair, TrendPoint, signed, trend
from ..history import History, Snapshot, Timeline, from_assessment
from ..scoring.results import Assessment, RegionResult

if TYPE_CHECKING:
    from .build import ChartJob

HistoryLike = Timeline | History | Sequence[Snapshot]
"""What the reports accept as history: a timeline, a history folder read, or snapshots."""

TOP = 5
"""Indicators listed among the largest rises and among the largest falls."""
CHART = "trends"
"""File stem of the trend chart."""
CURRENT = "<this run>"
"""``Snapshot.source`` of the years scored in this run."""


def earlier_snapshots(history: HistoryLike | None, region: str) -> list[Snapshot]:
    """The snapshots of ``region`` in ``history`` (none without a history)."""
    if history is None:
        return []
    if isinstance(history, Timeline):
        return history.series(region)
    snapshots = history.snapshots if isinstance(history, History) else history
    return [s for s in snapshots if s.region == region]


def report_timeline(assessment: Assessment, history: HistoryLike | None) -> Timeline | None:
    """Every year of every region, from ``history`` and then ``assessment`` (which wins),
    for reports made one region-year at a time. None when there is nothing to show as a
    trend: no history, and no region with two years in the assessment."""
    if history is None:
        seen: set[str] = set()
        several = False
        for result in assessment.results:
            if result.year is None:
                continue
            if result.region in seen:
                several = True
                break
            seen.add(result.region)
        if not several:
            return None
    earlier = (history.snapshots if isinstance(history, History)
               else [s for series in history.regions.values() for s in series]
               if isinstance(history, Timeline) else list(history or ()))
    return Timeline([*earlier, *from_assessment(assessment, source=CURRENT)])


def region_trend(assessment: Assessment, region: str, year: int | None,
                 history: HistoryLike | None = None) -> list[TrendPoint]:
    """Every year of ``region`` up to ``year``, oldest first, each compared with the year
    before it: from ``history`` and from ``assessment`` (which wins for the same year).
    Empty when ``year`` is None (a region-year without a year has no place in a series)."""
    if year is None:
        return []
    own = replace(assessment, results=tuple(r for r in assessment.results if r.region == region))
    timeline = Timeline([*earlier_snapshots(history, region),
                         *from_assessment(own, source=CURRENT)])
    return trend(timeline, region, until=year)


def _delta_text(value: float | None, lang: str) -> Markup:
    return Markup(signed(value, lang))


def _direction(value: float | None) -> str:
    """``up``, ``down`` or ``flat`` as the delta reads at one decimal."""
    if value is None or round(value, 1) == 0:
        return "flat"
    return "up" if value > 0 else "down"


def _cell(year: int, score: float | None, before: float | None, is_break: bool,
          first: bool, lang: str) -> dict[str, Any]:
    delta = None if first or score is None or before is None else score - before
    return {"year": year, "score": score, "delta": delta, "delta_text": _delta_text(delta, lang),
            "direction": _direction(delta), "is_break": is_break and not first}


def _row(kind: str, node_id: str, title: str, scores: Sequence[float | None],
         points: Sequence[TrendPoint], lang: str) -> dict[str, Any]:
    """One series: a score per year, each with its change from the year before."""
    cells = [_cell(p.snapshot.year or 0, score, scores[i - 1] if i else None, p.is_break,
                   i == 0, lang) for i, (p, score) in enumerate(zip(points, scores, strict=True))]
    first, last = scores[0], scores[-1]
    change = None if first is None or last is None else last - first
    return {"kind": kind, "id": node_id, "title": title, "cells": cells,
            "first": first, "last": last, "change": change,
            "change_text": _delta_text(change, lang), "direction": _direction(change),
            "change_break": any(p.is_break for p in points[1:])}


def _node_score(snapshot: Snapshot, node_id: str) -> float | None:
    node = snapshot.node(node_id)
    return None if node is None else node.score


def trend_context(assessment: Assessment, result: RegionResult,
                  history: HistoryLike | None, lang: str) -> dict[str, Any] | None:
    """The ``trends`` key of the report context: None with fewer than two years.

    Keys (docs/reports.md): ``first``, ``last``, ``previous`` (the year before the report's),
    ``count``, ``years`` (one entry per year: ``year``, ``set``, ``from_history``,
    ``is_break``, ``break_reason``), ``years_text``, ``history_years``, ``data_years``,
    ``series`` (pillars, then the index: ``kind``, ``id``, ``title``, ``cells`` with
    ``year``/``score``/``delta``/``delta_text``/``direction``/``is_break``, ``first``,
    ``last``, ``change``, ``change_text``, ``change_break``), ``index`` (the index row),
    ``breaks`` (``year``, ``previous``, ``old``, ``new``, ``short``, ``reason``),
    ``latest_break``,
    ``rises`` and ``falls`` (indicators by their change since the year before, largest first,
    at most :data:`TOP`), ``indicators`` (every indicator: a row as in ``series`` plus
    ``pillar``, ``pillar_title``, ``in_set``, ``latest``), ``chart`` (the chart's name).
    """
    points = region_trend(assessment, result.region, result.year, history)
    if len(points) < 2:
        return None
    iset = assessment.indicator_set
    indicator_titles = {i.id: i.title.get(lang) or i.id for i in iset.indicators()}
    pillar_titles = {p.id: p.title.get(lang) or p.id for p in iset.pillars}
    snapshots = [p.snapshot for p in points]
    years = [s.year for s in snapshots if s.year is not None]

    breaks = []
    for point in points:
        change = point.change
        if change is not None and point.is_break:
            before, after = change.base.criteria, change.other.criteria
            old, new = before.label, after.label
            breaks.append({
                "year": point.snapshot.year, "previous": change.base.year, "old": old,
                "new": new,
                "short": (f"{old} → {after.version}" if before.id == after.id
                          else f"{old} → {new}"),
                "reason": i18n.text("trend_break_reason", lang).format(old=old, new=new)})
    reasons = {b["year"]: b["reason"] for b in breaks}

    series = [_row("pillar", pillar.id, pillar_titles[pillar.id],
                   [_node_score(s, pillar.id) for s in snapshots], points, lang)
              for pillar in iset.pillars]
    index = _row("index", "index", i18n.text("index_row", lang),
                 [s.score for s in snapshots], points, lang)
    series.append(index)

    latest: Pair | None = points[-1].change
    assert latest is not None  # two points or more: the last has a year before it
    latest_delta = {d.id: d for d in latest.indicators}
    ids = list(indicator_titles)
    ids += sorted({n.id for s in snapshots for n in s.of_kind("indicator")} - set(ids))
    pillar_of = {n.id: n.pillar for s in snapshots for n in s.of_kind("indicator")}
    for pillar in iset.pillars:
        pillar_of.update({i.id: pillar.id for i in pillar.indicators()})
    indicators = []
    for indicator_id in ids:
        row = _row("indicator", indicator_id, indicator_titles.get(indicator_id, indicator_id),
                   [_node_score(s, indicator_id) for s in snapshots], points, lang)
        pillar_id = pillar_of.get(indicator_id, "")
        delta = latest_delta.get(indicator_id)
        moved_by = None if delta is None else delta.delta
        row.update({
            "pillar": pillar_id, "pillar_title": pillar_titles.get(pillar_id, pillar_id),
            "in_set": indicator_id in indicator_titles,
            "latest": {"from": None if delta is None else delta.base,
                       "to": None if delta is None else delta.other, "delta": moved_by,
                       "delta_text": _delta_text(moved_by, lang),
                       "direction": _direction(moved_by), "is_break": latest.is_break}})
        if any(c["score"] is not None for c in row["cells"]):
            indicators.append(row)
    moved = [r for r in indicators if r["latest"]["direction"] != "flat"]
    rises = sorted((r for r in moved if r["latest"]["direction"] == "up"),
                   key=lambda r: (-r["latest"]["delta"], r["id"]))[:TOP]
    falls = sorted((r for r in moved if r["latest"]["direction"] == "down"),
                   key=lambda r: (r["latest"]["delta"], r["id"]))[:TOP]

    return {
        "first": years[0],
        "last": years[-1],
        "previous": years[-2],
        "count": len(years),
        "years": [{"year": s.year, "set": s.criteria.label,
                   "from_history": s.source != CURRENT, "is_break": p.is_break,
                   "break_reason": reasons.get(s.year)} for s, p in zip(snapshots, points,
                                                                         strict=True)],
        "years_text": ", ".join(str(y) for y in years),
        "history_years": ", ".join(str(s.year) for s in snapshots if s.source != CURRENT),
        "data_years": ", ".join(str(s.year) for s in snapshots if s.source == CURRENT),
        "series": series,
        "index": index,
        "breaks": breaks,
        "latest_break": points[-1].is_break,
        "rises": rises,
        "falls": falls,
        "indicators": indicators,
        "chart": CHART,
    }


def chart_job(context: dict[str, Any], lang: str) -> ChartJob | None:
    """The trend chart of a report context (None when the report has no trend)."""
    trends = context.get("trends")
    if not trends:
        return None
    from ..numbers import format_number
    from .build import ChartJob
    from .charts import OKABE_ITO, SCORE, TARGET, BandZone
    from .trend_charts import Series, SeriesBreak

    def t(key: str, **values: Any) -> str:
        return i18n.text(key, lang).format(**values)

    years = [y["year"] for y in trends["years"]]
    palette = [c for c in OKABE_ITO if c not in (SCORE, TARGET)]
    pillars = [r for r in trends["series"] if r["kind"] == "pillar"]
    index = trends["index"]
    lines = [Series(index["title"], [c["score"] for c in index["cells"]], SCORE, 2.4, True)]
    lines += [Series(r["title"], [c["score"] for c in r["cells"]], palette[i % len(palette)],
                     1.2) for i, r in enumerate(pillars)]
    breaks = [SeriesBreak(b["previous"], b["year"], t("trend_break_chart"),
                          b["short"]) for b in trends["breaks"]]
    zones = [BandZone(b["lower"], b["label"], b["color"]) for b in context["bands"]]
    scale = (context["scale"]["low"], context["scale"]["high"])
    items = "; ".join(f"{c['year']} {format_number(c['score'], lang, 1)}"
                      for c in index["cells"])
    description = t("trend_chart_desc", items=items)
    for b in trends["breaks"]:
        description += " " + t("trend_chart_desc_break", year=b["year"], reason=b["reason"])
    texts = {"score_axis": t("score_axis", scale=context["scale"]["text"])}
    return ChartJob(CHART, t("trend_chart_title", first=trends["first"], last=trends["last"]),
                    description, "trend_charts.trend_chart",
                    (years, lines, breaks, scale, zones, lang, texts))
