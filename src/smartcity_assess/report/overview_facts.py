"""What the overview of many region-years shows: typed facts, computed once.

Key figures per year, the distribution of the index over the grades, the pillars by region
and the ranking with the folder of every region's documents. Ranks are competition ranks
(1, 2, 2, 4) among the assessed region-years of the same year, 1 = highest index, as in
``compare``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..messages import tr
from ..numbers import format_number
from ..scoring.results import Assessment, RegionResult
from .facts import band_colors, scale_of
from .views import Scale, Tool

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


@dataclass(frozen=True)
class OverviewSet:
    id: str
    version: str
    title: str
    description: str


@dataclass(frozen=True)
class TintedBand:
    """A grade as a table cell shows it: label, colour, a light tint, its position."""

    label: str
    color: str
    tint: str
    index: int


@dataclass(frozen=True)
class OverviewBand:
    label: str
    lower: float
    upper: float
    color: str
    tint: str


@dataclass(frozen=True)
class PillarName:
    id: str
    title: str


@dataclass(frozen=True)
class PillarCell:
    id: str
    score: float | None
    band: TintedBand | None


@dataclass(frozen=True)
class RankedRow:
    """A line of the ranking table."""

    rank: int | None
    of: int
    region: str
    year: int | None
    score: float | None
    band: TintedBand | None
    coverage: float
    pillars: tuple[PillarCell, ...]
    folder: Markup
    """The region-year's folder (a safe name, see :func:`smartcity_assess.paths.region_folders`)."""


@dataclass(frozen=True)
class YearSummary:
    """The region-years of one year at a glance."""

    year: int | None
    count: int
    assessed: int
    not_assessed: int
    median: float | None
    mean: float | None
    best: RankedRow | None
    worst: RankedRow | None
    bands: tuple[int, ...]
    """Region-years per grade, lowest grade first."""


@dataclass(frozen=True)
class OverviewFacts:
    """Everything the overview's chapters show (the templates see every field by name)."""

    lang: str
    date: dt.date
    sample: bool
    tool: Tool
    set: OverviewSet
    scale: Scale
    bands: tuple[OverviewBand, ...]
    pillars: tuple[PillarName, ...]
    rows: tuple[RankedRow, ...]
    """In ranking order: latest year first, then by rank."""
    count: int
    scope: str
    """``3 wilayah`` or ``6 wilayah-tahun``."""
    years: tuple[YearSummary, ...]
    """Latest first."""
    latest: YearSummary | None
    has_years: bool
    several_years: bool
    year_span: str
    """``2024``, ``2020–2024`` or ``2020, 2022``."""


def tint(colour: str, share: float = TINT) -> str:
    """``colour`` mixed with white: a light background that keeps dark text readable."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


def _median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def build_overview_facts(assessment: Assessment, chosen: Sequence[RegionResult],
                         folders: Mapping[tuple[str, int | None], str], *, lang: str,
                         date: dt.date, sample: bool = False) -> OverviewFacts:
    """The facts of the overview of ``chosen``."""
    iset = assessment.indicator_set
    high = iset.scale[1]
    colours = band_colors(iset)
    pillars = tuple(PillarName(p.id, p.title.get(lang) or p.id) for p in iset.pillars)

    def band_of(score: float | None) -> TintedBand | None:
        band = iset.band_for(score)
        if band is None:
            return None
        index = iset.bands.index(band)
        return TintedBand(band.label.get(lang), colours[index], tint(colours[index]), index)

    rows: list[RankedRow] = []
    for item in rank_results(chosen, folders):
        result = item.result
        scores = {p.id: p.score for p in result.pillars}
        rows.append(RankedRow(
            rank=item.rank, of=item.of, region=result.region, year=result.year,
            score=result.score, band=band_of(result.score), coverage=result.coverage,
            pillars=tuple(PillarCell(p.id, scores.get(p.id), band_of(scores.get(p.id)))
                          for p in pillars),
            folder=Markup(item.folder)))
    years: list[YearSummary] = []
    for year in dict.fromkeys(row.year for row in rows):
        members = [row for row in rows if row.year == year]
        assessed = [row for row in members if row.score is not None]
        values = [row.score for row in assessed if row.score is not None]
        counts = [0] * len(iset.bands)
        for row in assessed:
            if row.band is not None:
                counts[row.band.index] += 1
        years.append(YearSummary(
            year=year, count=len(members), assessed=len(assessed),
            not_assessed=len(members) - len(assessed), median=_median(values),
            mean=sum(values) / len(values) if values else None,
            best=assessed[0] if assessed else None, worst=assessed[-1] if assessed else None,
            bands=tuple(counts)))
    labelled = [y.year for y in years if y.year is not None]
    scope_key = "ov_region_years" if len(years) > 1 else "ov_regions"
    return OverviewFacts(
        lang=lang,
        date=date,
        sample=sample,
        tool=Tool("smartcity-assess", assessment.tool_version),
        set=OverviewSet(iset.id, iset.version, iset.title.get(lang),
                        iset.description.get(lang)),
        scale=scale_of(iset, lang),
        bands=tuple(OverviewBand(b.label.get(lang), b.lower,
                                 iset.bands[i + 1].lower if i + 1 < len(iset.bands) else high,
                                 colours[i], tint(colours[i]))
                    for i, b in enumerate(iset.bands)),
        pillars=pillars,
        rows=tuple(rows),
        count=len(rows),
        scope=tr(scope_key, lang, n=format_number(len(rows), lang, 0)),
        years=tuple(years),
        latest=years[0] if years else None,
        has_years=bool(labelled),
        several_years=len(years) > 1,
        year_span=_span(labelled),
    )


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


def ranking_json(assessment: Assessment, facts: OverviewFacts) -> str:
    """The ranking for machines (embedded in ``index.html``): one entry per row, in order."""
    iset = assessment.indicator_set
    results = [{
        "rank": row.rank, "region": row.region, "year": row.year,
        "score": row.score, "band": None if row.band is None else row.band.label,
        "coverage": row.coverage,
        "pillars": {p.id: p.score for p in row.pillars},
        "folder": str(row.folder),
    } for row in facts.rows]
    return json.dumps({"criteria": {"id": iset.id, "version": iset.version},
                       "results": results}, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
