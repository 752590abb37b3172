"""The charts of the masterplan and the roadmap as jobs, made from the documents' facts.

Cheap: nothing is drawn here (see :mod:`.workers`). One function per chart family, in the
order the charts appear; :func:`document_jobs` lists them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...messages import text, tr
from ...numbers import format_number
from ..facts import ReportFacts
from ..views import IndicatorRow, IntervalView, PillarView
from .certainty import CertaintyChart, Row
from .common import OKABE_ITO, SCORE, TARGET, BandZone
from .dimensions import DimensionBar, DimensionBars
from .job import ChartJob
from .money import CostBars, CostYear
from .plan import Gantt, Line, Matrix, Point, Task, Trajectory
from .scores import Bar, IndicatorBars, PillarChart
from .trends import Series, SeriesBreak, TrendChart

PILLARS = "pillars"
MATRIX = "matrix"
GANTT = "gantt"
TRAJECTORY = "trajectory"
CERTAINTY = "certainty"
DIMENSIONS = "dimensions"
COSTS = "costs"
"""File stems of the documents' charts (the pillars' bar charts are named by the facts, the
trend chart by :mod:`..trends`)."""

NO_BAND = "#9aa5b1"
"""Colour of a bar whose score has no grade."""


def document_jobs(facts: ReportFacts, median_impact: float, start: int, end: int,
                  plan_years: Sequence[int]) -> list[ChartJob]:
    """Every chart of both documents, in a fixed order."""
    jobs = [pillars_job(facts), *(bars_job(facts, p) for p in facts.pillars)]
    dimensions = dimensions_job(facts)
    if dimensions is not None:
        jobs.append(dimensions)
    # The matrix plots the planner's benefit (the quick-win rule's measure), so the quick
    # wins it marks sit above its line; ``median_impact`` is kept for older callers.
    jobs += [matrix_job(facts, facts.planning.median_benefit),
             gantt_job(facts, start, end, plan_years), costs_job(facts),
             trajectory_job(facts, end)]
    trend = trend_job(facts)
    if trend is not None:
        jobs.append(trend)
    certainty = certainty_job(facts)
    if certainty is not None:
        jobs.append(certainty)
    return jobs


def _num(value: float | None, lang: str, digits: int = 1) -> str:
    return format_number(value, lang, digits)


def _zones(facts: ReportFacts) -> tuple[BandZone, ...]:
    return tuple(BandZone(b.lower, b.label, b.color) for b in facts.bands)


def _scale(facts: ReportFacts) -> tuple[float, float]:
    return (facts.scale.low, facts.scale.high)


def _texts(facts: ReportFacts) -> dict[str, str]:
    """The labels the charts of the scores and the plan share."""
    lang = facts.lang
    texts = {key: text(key, lang) for key in (
        "target", "score", "not_assessed", "q_quick", "q_major", "q_fill", "q_review",
        "low", "medium", "high", "effort_axis", "impact_axis", "program")}
    texts["quick_win"] = text("phase_quick-win", lang)
    texts["score_axis"] = tr("score_axis", lang, scale=facts.scale.text)
    texts["interval"] = tr("col_interval", lang, level=format_number(
        100 * (facts.certainty.confidence or 0.95), lang, 0) + "%")
    return texts


def _bounds(interval: IntervalView | None) -> tuple[float, float] | None:
    return None if interval is None else (interval.low, interval.high)


def _margin(interval: IntervalView | None, score: float | None, lang: str) -> str:
    """`` ± 3.3`` for a score with an interval (chart descriptions), else nothing."""
    if interval is None or score is None:
        return ""
    return " ± " + format_number(interval.margin, lang, 1)


def pillars_job(facts: ReportFacts) -> ChartJob:
    """The pillars against their targets."""
    lang, pillars = facts.lang, facts.pillars
    items = "; ".join(f"{p.title} {_num(p.score, lang)}{_margin(p.interval, p.score, lang)} "
                      f"(target {_num(p.target, lang)})" for p in pillars)
    return ChartJob(PILLARS, text("radar_title", lang), tr("radar_desc", lang, items=items),
                    PillarChart(tuple(p.title for p in pillars), tuple(p.score for p in pillars),
                                tuple(p.target for p in pillars),
                                tuple(_bounds(p.interval) for p in pillars), _scale(facts),
                                lang, _texts(facts)))


def bars_job(facts: ReportFacts, pillar: PillarView) -> ChartJob:
    """One pillar's indicators against their targets."""
    lang = facts.lang

    def bar(row: IndicatorRow) -> Bar:
        low, high = _bounds(row.interval) or (None, None)
        return Bar(row.title, row.score, row.target_score,
                   row.band.color if row.band else NO_BAND, low, high)

    items = "; ".join(f"{r.title} {_num(r.score, lang)} → {_num(r.target_score, lang)}"
                      for r in pillar.indicators)
    return ChartJob(pillar.chart, tr("bars_title", lang, pillar=pillar.title),
                    tr("bars_desc", lang, items=items),
                    IndicatorBars(tuple(bar(r) for r in pillar.indicators), _scale(facts),
                                  _zones(facts), lang, _texts(facts)))


def matrix_job(facts: ReportFacts, median_benefit: float) -> ChartJob:
    """The proposed actions by benefit and effort, split at the median benefit."""
    lang = facts.lang
    points = tuple(Point(a.rank, a.effort_points, a.benefit, a.quick_win)
                   for a in facts.actions)
    texts = _texts(facts) | {"impact_axis": text("benefit_axis", lang)}
    return ChartJob(MATRIX, text("matrix_title", lang),
                    tr("matrix_desc", lang, median=_num(median_benefit, lang, 2)),
                    Matrix(points, median_benefit, lang, texts))


def gantt_job(facts: ReportFacts, start: int, end: int, plan_years: Sequence[int]
              ) -> ChartJob:
    """The scheduled actions on the plan's years, coloured by Kominfo dimension (else
    pillar), with the RPJMD cycles shaded."""
    lang = facts.lang
    groups = list(dict.fromkeys(a.dimension_title for a in facts.scheduled))
    order = {g: i for i, g in enumerate(groups)}
    tasks = tuple(Task(f"{a.rank}. {a.title}", a.start, a.end, order[a.dimension_title],
                       a.quick_win)
                  for a in facts.scheduled if a.start is not None and a.end is not None)
    cycles: dict[str, list[int]] = {}
    for cost in facts.year_costs:
        cycles.setdefault(cost.stage, []).append(cost.year)
    phases = tuple((label, years[0], years[-1]) for label, years in cycles.items() if label)
    return ChartJob(GANTT, tr("gantt_title", lang, start=start, end=end),
                    tr("gantt_desc", lang, count=len(tasks)),
                    Gantt(tasks, tuple(groups), tuple(plan_years), phases, _texts(facts)))


def dimensions_job(facts: ReportFacts) -> ChartJob | None:
    """The scores by Kominfo's six dimensions (None when the set maps none)."""
    if not facts.dimension_scores:
        return None
    lang = facts.lang
    bars = tuple(DimensionBar(d.title, d.score, d.band.color if d.band else NO_BAND,
                              d.coverage) for d in facts.dimension_scores)
    items = "; ".join(f"{d.title} {_num(d.score, lang)}" for d in facts.dimension_scores)
    texts = {"score_axis": tr("score_axis", lang, scale=facts.scale.text),
             "not_assessed": text("not_assessed", lang)}
    return ChartJob(DIMENSIONS, text("dimensions_chart_title", lang),
                    tr("dimensions_chart_desc", lang, items=items),
                    DimensionBars(bars, _scale(facts), _zones(facts), lang, texts))


def costs_job(facts: ReportFacts) -> ChartJob:
    """The indicative cost per year stacked by funding source, with the envelopes."""
    lang = facts.lang
    years = facts.year_costs
    sources = tuple(s for s, _ in years[0].by_source) if years else ()
    bars = tuple(CostYear(y.year, tuple(float(m.high) for _, m in y.by_source),
                          None if y.envelope_total is None else float(y.envelope_total))
                 for y in years)
    items = "; ".join(
        f"{y.year} {_num(y.total.high / 1e9, lang, 2)}"
        + ("" if y.envelope_total is None
           else " / " + _num(y.envelope_total / 1e9, lang, 2)) for y in years)
    texts = {"cost_axis": text("cost_axis", lang), "envelope": text("col_envelope", lang),
             # each source's name in the legend, by the source's id (its colour's key)
             **{f"source:{s}": label for s, label in
                zip(sources, years[0].labels if years else (), strict=True)}}
    budget = any(y.envelope_total is not None for y in years)
    return ChartJob(COSTS, text("costs_chart_title", lang),
                    tr("costs_chart_desc" if budget else "costs_chart_desc_free", lang,
                       items=items),
                    CostBars(bars, sources, lang, texts))


LINE_PALETTE = tuple(c for c in OKABE_ITO if c not in (SCORE, TARGET, "#F0E442"))
"""Colours of the pillars' lines: Okabe–Ito without the index's, the target's and the yellow,
which is for fills (a thin yellow line on white has a contrast of about 1.2:1)."""


def trajectory_job(facts: ReportFacts, end: int) -> ChartJob:
    """The projected index and pillars against the target path."""
    lang, index = facts.lang, facts.index
    lines = [Line(text("index_projected", lang), index.projection, SCORE, 2.4, markers=True),
             Line(text("index_target_path", lang), index.target_path, TARGET, 1.6,
                  dashed=True)]
    palette = LINE_PALETTE
    for i, pillar in enumerate(facts.pillars):
        lines.append(Line(pillar.title, pillar.projection, palette[i % len(palette)], 1.1))
    items = "; ".join(f"{y} {_num(v, lang)}"
                      for y, v in zip(facts.calendar, index.projection, strict=True))
    return ChartJob(TRAJECTORY, text("trajectory_title", lang),
                    tr("trajectory_desc", lang, items=items, target=_num(index.target, lang),
                       year=end),
                    Trajectory(facts.calendar, tuple(lines), _scale(facts), _zones(facts), lang,
                               _texts(facts)))


def trend_job(facts: ReportFacts) -> ChartJob | None:
    """The index and the pillars over the years (None without a trend)."""
    trends = facts.trends
    if trends is None:
        return None
    lang = facts.lang
    years = tuple(y.year for y in trends.years if y.year is not None)
    palette = LINE_PALETTE
    pillars = [r for r in trends.series if r.kind == "pillar"]
    index = trends.index
    lines = [Series(index.title, [c.score for c in index.cells], SCORE, 2.4, True)]
    lines += [Series(r.title, [c.score for c in r.cells], palette[i % len(palette)], 1.2)
              for i, r in enumerate(pillars)]
    breaks = tuple(SeriesBreak(b.previous, b.year, text("trend_break_chart", lang), b.short)
                   for b in trends.breaks if b.previous is not None and b.year is not None)
    items = "; ".join(f"{c.year} {_num(c.score, lang)}" for c in index.cells)
    description = tr("trend_chart_desc", lang, items=items)
    for b in trends.breaks:
        description += " " + tr("trend_chart_desc_break", lang, year=b.year, reason=b.reason)
    texts = {"score_axis": tr("score_axis", lang, scale=facts.scale.text)}
    return ChartJob(trends.chart,
                    tr("trend_chart_title", lang, first=trends.first, last=trends.last),
                    description, TrendChart(years, tuple(lines), breaks, _scale(facts),
                                            _zones(facts), lang, texts))


def certainty_job(facts: ReportFacts) -> ChartJob | None:
    """The index and pillars with their intervals and ranges (None when neither was
    computed)."""
    found = facts.certainty
    rows = [r for r in found.rows if r.score is not None
            and (r.interval is not None or r.range is not None)]
    if not found.computed or not rows:
        return None
    lang = facts.lang
    sens = found.sensitivity
    plow = format_number(100 * sens.percentiles.low, lang, 0) if sens else "5"
    phigh = format_number(100 * sens.percentiles.high, lang, 0) if sens else "95"
    level = format_number(100 * (found.confidence or 0.95), lang, 0) + "%"
    chart_rows = []
    items = []
    for r in rows:
        assert r.score is not None
        interval, spread = r.interval, r.range
        chart_rows.append(Row(r.title, r.score, interval.low if interval else None,
                              interval.high if interval else None,
                              spread.low if spread else None, spread.high if spread else None,
                              r.kind == "index"))
        parts = [f"{r.title} {_num(r.score, lang)}"]
        if interval:
            parts.append(f"{level} {_num(interval.low, lang)}–{_num(interval.high, lang)}")
        if spread:
            parts.append(f"{plow}–{phigh}% {_num(spread.low, lang)}–{_num(spread.high, lang)}")
        items.append(", ".join(parts))
    texts = {"score": text("cert_chart_score", lang),
             "interval": tr("cert_chart_interval", lang, level=level),
             "range": tr("cert_chart_range", lang, plow=plow, phigh=phigh),
             "axis": tr("cert_chart_axis", lang, scale=facts.scale.text)}
    return ChartJob(CERTAINTY, text("cert_chart_title", lang),
                    tr("cert_chart_desc", lang, plow=plow, phigh=phigh, items="; ".join(items)),
                    CertaintyChart(tuple(chart_rows), _zones(facts), _scale(facts), lang, texts))
