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

Numbers stay numbers, as in the rest of the facts; the signed deltas also come as text
(``+1,2`` / ``−0,4`` with a real minus sign), already safe for HTML and Markdown. The chart is
drawn by :mod:`.charts.trends`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup

from ..compare import Pair, TrendPoint, signed, trend
from ..history import History, Snapshot, Timeline, from_assessment
from ..messages import text, tr
from ..scoring.results import Assessment, RegionResult

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


@dataclass(frozen=True)
class TrendCell:
    """One year of a series: the score and its change from the year before."""

    year: int
    score: float | None
    delta: float | None
    delta_text: Markup
    direction: str
    """``up``, ``down`` or ``flat`` as the delta reads at one decimal."""
    is_break: bool


@dataclass(frozen=True)
class LatestChange:
    """An indicator's change from the year before the report's year to that year."""

    before: float | None
    after: float | None
    delta: float | None
    delta_text: Markup
    direction: str
    is_break: bool


@dataclass(frozen=True)
class TrendRow:
    """A series (the index, a pillar or an indicator): a score per year, each with its
    change from the year before. Indicator rows also say their pillar and latest change."""

    kind: str
    id: str
    title: str
    cells: tuple[TrendCell, ...]
    first: float | None
    last: float | None
    change: float | None
    change_text: Markup
    direction: str
    change_break: bool
    pillar: str = ""
    pillar_title: str = ""
    in_set: bool = True
    latest: LatestChange | None = None


@dataclass(frozen=True)
class TrendYear:
    year: int | None
    set: str
    """The indicator set it was scored with (id and version)."""
    from_history: bool
    is_break: bool
    break_reason: str | None


@dataclass(frozen=True)
class TrendBreak:
    """A year scored with another indicator set than the year before."""

    year: int | None
    previous: int | None
    old: str
    new: str
    short: str
    reason: str


@dataclass(frozen=True)
class Trends:
    """The region's trend over the years (docs/reports.md)."""

    first: int
    last: int
    previous: int
    """The year before the report's."""
    count: int
    years: tuple[TrendYear, ...]
    years_text: str
    history_years: str
    data_years: str
    series: tuple[TrendRow, ...]
    """The pillars, then the index."""
    index: TrendRow
    breaks: tuple[TrendBreak, ...]
    latest_break: bool
    rises: tuple[TrendRow, ...]
    falls: tuple[TrendRow, ...]
    indicators: tuple[TrendRow, ...]
    chart: str


def _delta_text(value: float | None, lang: str) -> Markup:
    return Markup(signed(value, lang))


def _direction(value: float | None) -> str:
    """``up``, ``down`` or ``flat`` as the delta reads at one decimal."""
    if value is None or round(value, 1) == 0:
        return "flat"
    return "up" if value > 0 else "down"


def _cell(year: int, score: float | None, before: float | None, is_break: bool,
          first: bool, lang: str) -> TrendCell:
    delta = None if first or score is None or before is None else score - before
    return TrendCell(year, score, delta, _delta_text(delta, lang), _direction(delta),
                     is_break and not first)


def _row(kind: str, node_id: str, title: str, scores: Sequence[float | None],
         points: Sequence[TrendPoint], lang: str) -> TrendRow:
    """One series: a score per year, each with its change from the year before."""
    cells = tuple(_cell(p.snapshot.year or 0, score, scores[i - 1] if i else None, p.is_break,
                        i == 0, lang)
                  for i, (p, score) in enumerate(zip(points, scores, strict=True)))
    first, last = scores[0], scores[-1]
    change = None if first is None or last is None else last - first
    return TrendRow(kind, node_id, title, cells, first, last, change,
                    _delta_text(change, lang), _direction(change),
                    any(p.is_break for p in points[1:]))


def _node_score(snapshot: Snapshot, node_id: str) -> float | None:
    node = snapshot.node(node_id)
    return None if node is None else node.score


def trend_context(assessment: Assessment, result: RegionResult,
                  history: HistoryLike | None, lang: str) -> Trends | None:
    """The trend of the report's region up to its year: None with fewer than two years."""
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
            breaks.append(TrendBreak(
                year=point.snapshot.year, previous=change.base.year, old=old, new=new,
                short=(f"{old} → {after.version}" if before.id == after.id
                       else f"{old} → {new}"),
                reason=tr("trend_break_reason", lang, old=old, new=new)))
    reasons = {b.year: b.reason for b in breaks}

    series = [_row("pillar", pillar.id, pillar_titles[pillar.id],
                   [_node_score(s, pillar.id) for s in snapshots], points, lang)
              for pillar in iset.pillars]
    index = _row("index", "index", text("index_row", lang),
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
        row = replace(
            row, pillar=pillar_id, pillar_title=pillar_titles.get(pillar_id, pillar_id),
            in_set=indicator_id in indicator_titles,
            latest=LatestChange(None if delta is None else delta.base,
                                None if delta is None else delta.other, moved_by,
                                _delta_text(moved_by, lang), _direction(moved_by),
                                latest.is_break))
        if any(c.score is not None for c in row.cells):
            indicators.append(row)

    def moved(row: TrendRow) -> float:
        return (row.latest.delta or 0.0) if row.latest else 0.0

    def direction(row: TrendRow) -> str:
        return row.latest.direction if row.latest else "flat"

    rises = sorted((r for r in indicators if direction(r) == "up"),
                   key=lambda r: (-moved(r), r.id))[:TOP]
    falls = sorted((r for r in indicators if direction(r) == "down"),
                   key=lambda r: (moved(r), r.id))[:TOP]

    return Trends(
        first=years[0],
        last=years[-1],
        previous=years[-2],
        count=len(years),
        years=tuple(TrendYear(s.year, s.criteria.label, s.source != CURRENT, p.is_break,
                              reasons.get(s.year))
                    for s, p in zip(snapshots, points, strict=True)),
        years_text=", ".join(str(y) for y in years),
        history_years=", ".join(str(s.year) for s in snapshots if s.source != CURRENT),
        data_years=", ".join(str(s.year) for s in snapshots if s.source == CURRENT),
        series=tuple(series),
        index=index,
        breaks=tuple(breaks),
        latest_break=points[-1].is_break,
        rises=tuple(rises),
        falls=tuple(falls),
        indicators=tuple(indicators),
        chart=CHART,
    )
