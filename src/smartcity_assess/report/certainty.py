"""What the "How sure are we?" section of the masterplan shows: typed data, computed once.

Built from the assessment's bootstrap intervals, the sensitivity analysis (when one was run),
the internal consistency of Likert items, and the methods recorded with the result. The
templates ``_certainty.html`` and ``_certainty.md`` render it from the facts' ``certainty``
(docs/reports.md lists the fields). Numbers stay numbers; texts are in the report's language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..indicators.model import Band, Indicator, IndicatorSet
from ..messages import text
from ..messages.keys import AGGREGATION_KEYS, BASIS_KEYS
from ..scoring.results import Assessment, GroupResult, Interval, RegionResult
from .views import IntervalView

if TYPE_CHECKING:
    from ..scoring.sensitivity import RegionSensitivity, ScoreRange, SensitivityResult

DRIVERS_SHOWN = 3
"""Indicators named as adding most to the index's interval."""
RANKS_LISTED = 20
"""Up to this many region-years of the report's year are listed with their rank interval."""
ROBUST = 0.95
"""The grade is called solid when it holds in at least this share of the scenarios."""
LIKELY = 2 / 3
"""... likely when it holds in at least this share; borderline below."""
ALPHA_READINGS = ((0.9, "excellent"), (0.8, "good"), (0.7, "acceptable"),
                  (0.6, "questionable"), (-math.inf, "poor"))
"""George & Mallery's (2003) rule of thumb for Cronbach's alpha, highest first."""
FACTORS = ("weights", "aggregation", "imputation", "normalisation", "goalposts", "bands")

ALPHA_KEYS = {"excellent": "cert_alpha_excellent", "good": "cert_alpha_good",
              "acceptable": "cert_alpha_acceptable", "questionable": "cert_alpha_questionable",
              "poor": "cert_alpha_poor"}
FACTOR_KEYS = {"weights": "cert_factor_weights", "aggregation": "cert_factor_aggregation",
               "imputation": "cert_factor_imputation",
               "normalisation": "cert_factor_normalisation",
               "goalposts": "cert_factor_goalposts", "bands": "cert_factor_bands"}
NORMALISATION_KEYS = {"set": "cert_norm_set", "goalposts": "cert_norm_goalposts",
                      "distance-to-target": "cert_norm_distance-to-target",
                      "minmax": "cert_norm_minmax", "zscore": "cert_norm_zscore"}
IMPUTATION_KEYS = {"none": "cert_imp_none", "group-mean": "cert_imp_group-mean",
                   "group-median": "cert_imp_group-median",
                   "previous-year": "cert_imp_previous-year"}
OVER_KEYS = {"regions": "cert_over_regions", "answers": "cert_over_answers"}


def _named(keys: dict[str, str], name: str, lang: str) -> str:
    """The name of a method in ``lang`` (the name itself for one the catalogue lacks)."""
    return text(keys[name], lang) if name in keys else name


# --- the data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpreadRange:
    """Low, median and high score over the scenarios of the sensitivity analysis."""

    low: float | None
    median: float | None
    high: float | None


@dataclass(frozen=True)
class CertaintyRow:
    """The index or a pillar: its score, sampling interval, scenario range and the grades
    either of them reaches."""

    kind: str
    id: str
    title: str
    score: float | None
    band: str | None
    interval: IntervalView | None
    range: SpreadRange | None
    reach: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    """How solid the index's grade is: ``kind`` is ``solid``, ``sampling``, ``likely`` or
    ``borderline``."""

    kind: str
    band: str
    lower: float
    upper: float
    probability: float | None = None
    p: str | None = None
    other: str | None = None
    other_p: str | None = None
    boundary: float | None = None


@dataclass(frozen=True)
class BootstrapView:
    draws: int
    seed: int
    confidence: float
    level: str
    basis: str


@dataclass(frozen=True)
class Driver:
    """An indicator that adds much to the index's interval."""

    id: str
    title: str
    pillar: str
    margin: float | None
    n: int
    sd: float | None


@dataclass(frozen=True)
class Grade:
    """A grade with its range of scores and its colour."""

    label: str
    lower: float
    upper: float
    color: str


@dataclass(frozen=True)
class BandChance:
    """A grade (or "not assessed", ``lower`` None) with its probability over the scenarios."""

    label: str
    lower: float | None
    upper: float | None
    color: str
    probability: float
    percent: int
    shown: str
    """``percent`` as shown: ``<1`` or ``>99`` where rounding would mislead."""


@dataclass(frozen=True)
class Effect:
    """What one judgement call does to the index."""

    factor: str
    label: str
    first_order: float | None
    low: float | None
    high: float | None
    most: bool
    grade_change: float | None = None
    """Band thresholds: the share of their draws that give the index another grade."""


@dataclass(frozen=True)
class Percentiles:
    low: float
    high: float
    share: float


@dataclass(frozen=True)
class IndexRange:
    nominal: float | None
    low: float | None
    median: float | None
    high: float | None


@dataclass(frozen=True)
class RankRange:
    nominal: int | None
    low: int | None
    high: int | None
    median: float | None
    of: int


@dataclass(frozen=True)
class PeerRank:
    """Another region-year of the same year with its rank interval."""

    region: str
    score: float | None
    low: float | None
    high: float | None
    rank: int | None
    rank_low: int | None
    rank_high: int | None
    current: bool


@dataclass(frozen=True)
class SensitivityView:
    """The Monte Carlo over the judgement calls, for one region-year."""

    draws: int
    scenarios: int
    seed: int
    weight_range: float
    weight_low: float
    weight_high: float
    aggregations: str
    imputations: str
    factors: tuple[str, ...]
    normalisations: str
    goalpost_shift: float
    """Each goalpost moved within ± this share of its span (0: not varied)."""
    goalpost_draws: int
    """Random sets of goalposts tried besides the set's."""
    band_shift: float
    """Points on the scale each band threshold moved within (0: not varied)."""
    percentiles: Percentiles
    index: IndexRange
    bands: tuple[BandChance, ...]
    effects: tuple[Effect, ...]
    most: Effect | None
    interaction: float | None
    rank: RankRange | None
    ranks: tuple[PeerRank, ...]


@dataclass(frozen=True)
class ConsistencyItem:
    id: str
    title: str
    r: float | None
    alpha_if_deleted: float | None
    negative: bool


@dataclass(frozen=True)
class ConsistencyGroup:
    """Cronbach's alpha of the Likert items of a pillar or dimension."""

    id: str
    title: str
    kind: str
    depth: int
    pillar: str | None
    alpha: float | None
    n: int
    count: int
    reading: str | None
    weak: bool
    items: tuple[ConsistencyItem, ...]
    weakest: ConsistencyItem | None


@dataclass(frozen=True)
class NegativeItem:
    group: str
    item: str
    r: float | None


@dataclass(frozen=True)
class MethodCount:
    method: str
    label: str
    count: int


@dataclass(frozen=True)
class Imputed:
    title: str
    method: str
    from_year: int | None


@dataclass(frozen=True)
class OutlierTreatment:
    method: str
    low: float
    high: float
    over: str
    count: int


@dataclass(frozen=True)
class TitleCount:
    title: str
    count: int


@dataclass(frozen=True)
class TitleMethod:
    title: str
    method: str


@dataclass(frozen=True)
class RoleWeight:
    role: str
    weight: float


@dataclass(frozen=True)
class MinAnswers:
    """Indicators that need ``min`` answers or more."""

    min: int
    count: int
    titles: tuple[str, ...]


@dataclass(frozen=True)
class RoleValue:
    role: str | None
    n: int
    value: float | None


@dataclass(frozen=True)
class AnswerRow:
    """The spread of the answers to one indicator."""

    id: str
    title: str
    pillar: str
    roles: tuple[str, ...]
    n: int
    min_answers: int
    sd: float | None
    share: float | None
    minimum: float | None
    maximum: float | None
    by_role: tuple[RoleValue, ...]
    interval: IntervalView | None
    score: float | None
    note: str | None
    imputed: str | None


@dataclass(frozen=True)
class AnnexSensitivity:
    draws: int
    scenarios: int
    seed: int
    weight_range: float
    aggregations: str
    imputations: str
    low: float
    high: float
    normalisations: str = ""
    goalposts: int = 1
    """Goalposts tried (1: only the set's)."""
    goalpost_shift: float = 0.0
    band_shift: float = 0.0
    """Points on the scale each band threshold moved within (0: not varied)."""


@dataclass(frozen=True)
class Annex:
    """The methodology annex: data treatment, resampling and the answers per indicator."""

    imputation: tuple[MethodCount, ...]
    imputed: tuple[Imputed, ...]
    outliers: tuple[OutlierTreatment, ...]
    winsorised: tuple[TitleCount, ...]
    normalisation: tuple[TitleMethod, ...]
    role_weights: tuple[RoleWeight, ...]
    min_answers: tuple[MinAnswers, ...]
    answers: tuple[AnswerRow, ...]
    sensitivity: AnnexSensitivity | None


@dataclass(frozen=True)
class Certainty:
    """Everything the "How sure are we?" section and the uncertainty annex show."""

    computed: bool
    """A bootstrap or a sensitivity analysis was run."""
    confidence: float | None
    bootstrap: BootstrapView | None
    index: CertaintyRow
    rows: tuple[CertaintyRow, ...]
    """The index, then each pillar."""
    bands: tuple[Grade, ...]
    verdict: Verdict | None
    drivers: tuple[Driver, ...]
    exact: int
    """Indicators with an interval of zero width."""
    widest: CertaintyRow | None
    sensitivity: SensitivityView | None
    consistency: tuple[ConsistencyGroup, ...]
    negative: tuple[NegativeItem, ...]
    annex: Annex


# --- building ------------------------------------------------------------------------------


def build_certainty(assessment: Assessment, result: RegionResult,
                    sensitivity: SensitivityResult | None, lang: str,
                    colors: Sequence[str]) -> Certainty:
    """The facts' ``certainty`` (see docs/reports.md)."""
    iset = assessment.indicator_set
    titles = {g.id: g.title.get(lang) or g.id for g in iset.groups()}
    titles |= {i.id: i.title.get(lang) or i.id for i in iset.indicators()}
    pillar_of = {ind.id: pillar.id for pillar in iset.pillars for ind in pillar.indicators()}
    regional = (None if sensitivity is None
                else _find(sensitivity.regions, result.region, result.year))
    grades = _grades(iset, colors, lang)

    rows = [_row("index", "index", text("index_row", lang), result.score,
                 result.interval, regional.index if regional else None, iset, lang)]
    pillar_ranges = dict(regional.pillars) if regional else {}
    for pillar in result.pillars:
        rows.append(_row("pillar", pillar.id, titles[pillar.id], pillar.score, pillar.interval,
                         pillar_ranges.get(pillar.id), iset, lang))

    indicators = list(result.indicators())
    with_interval = [r for r in indicators if r.interval is not None and r.score is not None]
    drivers = sorted((r for r in with_interval if r.interval and r.interval.margin > 1e-9),
                     key=lambda r: (-(r.interval.margin if r.interval else 0.0)
                                    * r.carried_weight, r.id))[:DRIVERS_SHOWN]
    pillar_rows = [r for r in rows if r.kind == "pillar" and r.interval]
    widest = max(pillar_rows, key=lambda r: (r.interval.margin if r.interval else 0.0, r.id),
                 default=None)
    boot = assessment.bootstrap
    index_row = rows[0]
    consistency = _consistency(result, titles, lang)
    negative = tuple(NegativeItem(group.title, item.title, item.r)
                     for group in consistency for item in group.items if item.negative)
    return Certainty(
        computed=boot is not None or regional is not None,
        confidence=boot.confidence if boot else None,
        bootstrap=None if boot is None else BootstrapView(
            boot.draws, boot.seed, boot.confidence, boot.level,
            _named(BASIS_KEYS, boot.level, lang)),
        index=index_row,
        rows=tuple(rows),
        bands=tuple(grades),
        verdict=_verdict(index_row, regional, iset, lang),
        drivers=tuple(Driver(r.id, titles[r.id], titles[pillar_of[r.id]],
                             r.interval.margin if r.interval else None, r.n,
                             r.spread.sd if r.spread else None) for r in drivers),
        exact=sum(1 for r in with_interval if r.interval and r.interval.margin <= 1e-9),
        widest=widest,
        sensitivity=(None if sensitivity is None or regional is None
                     else _sensitivity(sensitivity, regional, grades, lang, iset.scale)),
        consistency=consistency,
        negative=negative,
        annex=_annex(assessment, result, sensitivity, titles, pillar_of, lang),
    )


def _find(regions: Sequence[RegionSensitivity], region: str, year: int | None
          ) -> RegionSensitivity | None:
    for found in regions:
        if found.region == region and found.year == year:
            return found
    return None


def _grades(iset: IndicatorSet, colors: Sequence[str], lang: str) -> list[Grade]:
    high = iset.scale[1]
    return [Grade(b.label.get(lang), b.lower,
                   iset.bands[i + 1].lower if i + 1 < len(iset.bands) else high, colors[i])
            for i, b in enumerate(iset.bands)]


def _interval(interval: Interval | None) -> IntervalView | None:
    if interval is None:
        return None
    return IntervalView(interval.low, interval.high, interval.margin)


def _span_labels(iset: IndicatorSet, low: float | None, high: float | None, lang: str
                 ) -> tuple[str, ...]:
    """Labels of the bands a range of scores touches, lowest first."""
    if low is None or high is None:
        return ()
    first, last = iset.band_for(low), iset.band_for(high)
    if first is None or last is None:
        return ()
    chosen = iset.bands[iset.bands.index(first):iset.bands.index(last) + 1]
    return tuple(b.label.get(lang) for b in chosen)


def _row(kind: str, node_id: str, title: str, score: float | None, interval: Interval | None,
         spread: ScoreRange | None, iset: IndicatorSet, lang: str) -> CertaintyRow:
    found = _interval(interval)
    lows = [v for v in (found.low if found else None,
                        spread.low if spread else None, score) if v is not None]
    highs = [v for v in (found.high if found else None,
                         spread.high if spread else None, score) if v is not None]
    band = iset.band_for(score)
    return CertaintyRow(
        kind=kind, id=node_id, title=title, score=score,
        band=band.label.get(lang) if band else None, interval=found,
        range=None if spread is None or spread.low is None else SpreadRange(
            spread.low, spread.median, spread.high),
        reach=_span_labels(iset, min(lows) if lows else None, max(highs) if highs else None,
                           lang))


def _crossing(iset: IndicatorSet, band: Band, low: float, high: float
              ) -> tuple[float, Band] | None:
    """The nearest band boundary the range [low, high] crosses, and the band beyond it."""
    position = iset.bands.index(band)
    below = iset.bands[position - 1] if position > 0 else None
    above = iset.bands[position + 1] if position + 1 < len(iset.bands) else None
    crossings = []
    if below is not None and low < band.lower - 1e-9:
        crossings.append((band.lower - low, band.lower, below))
    if above is not None and high >= above.lower - 1e-9:
        crossings.append((high - above.lower, above.lower, above))
    if not crossings:
        return None
    _, boundary, other = max(crossings, key=lambda c: c[0])
    return boundary, other


def _verdict(index: CertaintyRow, regional: RegionSensitivity | None, iset: IndicatorSet,
             lang: str) -> Verdict | None:
    """How solid the index's grade is: ``solid``, ``likely``, ``borderline`` or ``sampling``
    (solid under the judgement calls, but the sampling interval crosses a boundary)."""
    score = index.score
    band = iset.band_for(score)
    if score is None or band is None or (index.interval is None and regional is None):
        return None
    position = iset.bands.index(band)
    upper = (iset.bands[position + 1].lower if position + 1 < len(iset.bands)
             else iset.scale[1])
    out = Verdict("solid", band.label.get(lang), band.lower, upper)
    crossing = None
    if index.interval is not None:
        crossing = _crossing(iset, band, index.interval.low, index.interval.high)
    if regional is not None:
        chances = {c.band.lower: c.probability for c in regional.bands if c.band is not None}
        held = chances.get(band.lower, 0.0)
        others = sorted(((p, b) for b in iset.bands if b.lower != band.lower
                         and (p := chances.get(b.lower, 0.0)) > 0),
                        key=lambda e: (-e[0], iset.bands.index(e[1])))
        whole = dict(zip((c.band.lower if c.band else None for c in regional.bands),
                         whole_percents([c.probability for c in regional.bands]), strict=True))
        out = replace(out, probability=held,
                      p=_shown_percent(held, whole.get(band.lower, 0)) + "%")
        if others:
            out = replace(out, other=others[0][1].label.get(lang),
                          other_p=_shown_percent(others[0][0],
                                                 whole.get(others[0][1].lower, 0)) + "%")
        elif held < 1:
            out = replace(out, other=text("not_assessed", lang),
                          other_p=_shown_percent(1 - held, whole.get(None, 0)) + "%")
        if held < LIKELY:
            return replace(out, kind="borderline")
        if held < ROBUST:
            return replace(out, kind="likely")
    if crossing is not None:
        return replace(out, kind="sampling", boundary=crossing[0],
                       other=crossing[1].label.get(lang))
    return out


def whole_percents(shares: Sequence[float]) -> list[int]:
    """Shares (summing to 1) as whole percentages that sum to exactly 100 (largest
    remainder); a share of zero stays zero."""
    total = math.fsum(shares)
    if total <= 0:
        return [0] * len(shares)
    raw = [100.0 * s / total for s in shares]
    floors = [math.floor(r) for r in raw]
    left = 100 - sum(floors)
    order = sorted(range(len(raw)), key=lambda k: (-(raw[k] - floors[k]), k))
    for k in order[:left]:
        floors[k] += 1
    return floors


def _sensitivity(result: SensitivityResult, regional: RegionSensitivity,
                 grades: Sequence[Grade], lang: str,
                 scale: tuple[float, float] = (0.0, 100.0)) -> SensitivityView:
    chances = [c.probability for c in regional.bands]
    whole = whole_percents(chances)
    by_band = {c.band.lower if c.band else None: (c.probability, w)
               for c, w in zip(regional.bands, whole, strict=True)}
    rows = []
    for grade in grades:
        probability, percent = by_band.get(grade.lower, (0.0, 0))
        rows.append(BandChance(grade.label, grade.lower, grade.upper, grade.color, probability,
                               percent, _shown_percent(probability, percent)))
    missing = by_band.get(None)
    if missing is not None:
        rows.append(BandChance(text("not_assessed", lang), None, None, "#9aa5b1", missing[0],
                               missing[1], _shown_percent(missing[0], missing[1])))
    top = regional.most_influential
    effects = tuple(Effect(
        factor=effect.factor, label=text(FACTOR_KEYS[effect.factor], lang),
        first_order=effect.first_order, low=effect.low, high=effect.high,
        most=top is not None and effect.factor == top.factor and bool(top.first_order),
        grade_change=effect.grade_change)
        for effect in sorted(regional.effects, key=lambda e: FACTORS.index(e.factor)))
    explained = math.fsum(e.first_order or 0.0 for e in regional.effects)
    low_p, high_p = result.interval
    rank = regional.rank
    ranks = []
    peers = [r for r in result.regions if r.year == regional.year and r.rank is not None]
    if rank is not None and len(peers) <= RANKS_LISTED:
        for peer in sorted(peers, key=lambda r: (r.rank.nominal if r.rank and r.rank.nominal
                                                 else math.inf, r.region)):
            assert peer.rank is not None
            ranks.append(PeerRank(peer.region, peer.index.nominal, peer.index.low,
                                  peer.index.high, peer.rank.nominal, peer.rank.low,
                                  peer.rank.high, peer.region == regional.region))
    return SensitivityView(
        draws=result.draws,
        scenarios=result.scenarios,
        seed=result.seed,
        weight_range=result.weight_range,
        weight_low=1 - result.weight_range,
        weight_high=1 + result.weight_range,
        aggregations=_either([_named(AGGREGATION_KEYS, a, lang) for a in result.aggregations],
                             lang),
        imputations=_either([_named(IMPUTATION_KEYS, m, lang) for m in result.imputations],
                            lang),
        factors=tuple(result.factors),
        normalisations=_either([_named(NORMALISATION_KEYS, n, lang)
                                for n in result.normalisations], lang),
        goalpost_shift=result.goalpost_shift,
        goalpost_draws=len(result.goalposts) - 1,
        band_shift=result.band_shift * (scale[1] - scale[0]),
        percentiles=Percentiles(low_p, high_p, high_p - low_p),
        index=IndexRange(regional.index.nominal, regional.index.low, regional.index.median,
                         regional.index.high),
        bands=tuple(rows),
        effects=effects,
        most=next((e for e in effects if e.most), None),
        interaction=max(0.0, 1.0 - explained) if top is not None else None,
        rank=None if rank is None else RankRange(rank.nominal, rank.low, rank.high,
                                                 rank.median, rank.of),
        ranks=tuple(ranks),
    )


def _shown_percent(probability: float, percent: int) -> str:
    """``<1`` or ``>99`` when rounding would hide that a grade is possible or not certain."""
    if probability > 0 and percent == 0:
        return "<1"
    if probability < 1 and percent == 100:
        return ">99"
    return str(percent)


def _either(names: Sequence[str], lang: str) -> str:
    """``a``, ``a or b``, ``a, b or c`` in the report's language."""
    word = text("word_or", lang)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {word} " + names[-1]


def _consistency(result: RegionResult, titles: dict[str, str], lang: str
                 ) -> tuple[ConsistencyGroup, ...]:
    out: list[ConsistencyGroup] = []

    def walk(group: GroupResult, depth: int, pillar: str | None) -> None:
        found = group.consistency
        if found is not None:
            reading = None
            if found.alpha is not None:
                reading = next(name for limit, name in ALPHA_READINGS if found.alpha >= limit)
            items = tuple(ConsistencyItem(
                item.id, titles.get(item.id, item.id), item.correlation, item.alpha_if_deleted,
                item.correlation is not None and item.correlation < 0) for item in found.items)
            # The item whose removal raises alpha most (when removing one raises it at all).
            alpha = found.alpha
            better = [i for item, i in zip(found.items, items, strict=True)
                      if item.alpha_if_deleted is not None and alpha is not None
                      and item.alpha_if_deleted > alpha + 1e-9]
            out.append(ConsistencyGroup(
                id=group.id, title=titles.get(group.id, group.id), kind=group.kind,
                depth=depth, pillar=pillar, alpha=found.alpha, n=found.n,
                count=len(found.items),
                reading=text(ALPHA_KEYS[reading], lang) if reading else None,
                weak=found.alpha is None or found.alpha < 0.7, items=items,
                weakest=max(better, key=lambda i: (i.alpha_if_deleted or 0.0, i.id))
                if better else None))
        for child in group.children:
            if isinstance(child, GroupResult):
                walk(child, depth + 1, pillar or titles.get(group.id, group.id))

    for pillar in result.pillars:
        walk(pillar, 0, None)
    # A group whose Likert items are exactly those of a group below it says nothing more.
    return tuple(g for g in out if not any(
        other.depth > g.depth and [i.id for i in other.items] == [i.id for i in g.items]
        for other in out))


_COUNTED = re.compile(r"([a-z][a-z\-]*) \((\d+) indicators\)")


def _annex(assessment: Assessment, result: RegionResult,
           sensitivity: SensitivityResult | None, titles: dict[str, str],
           pillar_of: dict[str, str], lang: str) -> Annex:
    """The methodology annex: data treatment, resampling and the answers per indicator."""
    iset = assessment.indicator_set
    indicators = iset.indicator_map()
    results = list(result.indicators())
    extra = dict(assessment.methods.extra)
    # The engine records the imputation it applied (set's choice or a run-time override).
    imputation = tuple(MethodCount(m, text(IMPUTATION_KEYS[m], lang), int(n))
                       for m, n in _COUNTED.findall(extra.get("imputation", ""))
                       if m in IMPUTATION_KEYS)
    treatments: dict[tuple[str, float, float, str], int] = {}
    for ind in indicators.values():
        if ind.outliers is not None and ind.outliers.method != "none":
            key = (ind.outliers.method, *ind.outliers.limits, ind.outliers.over)
            treatments[key] = treatments.get(key, 0) + 1
    role_weights = dict(iset.role_weights)
    answers = []
    for res in results:
        ind = indicators[res.id]
        spread = res.spread
        answers.append(AnswerRow(
            id=res.id, title=titles[res.id], pillar=titles[pillar_of[res.id]],
            roles=ind.roles, n=res.n, min_answers=ind.min_answers,
            # One answer (a row of official statistics) has no spread worth showing.
            sd=spread.sd if spread and res.n > 1 else None,
            # "Agree / yes" means something for rated and yes/no questions only.
            share=spread.share_positive if spread and res.n > 1 and (
                ind.type in ("likert", "boolean") or ind.respondents == "share") else None,
            minimum=spread.minimum if spread and res.n > 1 else None,
            maximum=spread.maximum if spread and res.n > 1 else None,
            by_role=tuple(RoleValue(r.role, r.n, r.value) for r in res.by_role),
            interval=_interval(res.interval), score=res.score, note=res.note,
            imputed=res.imputed))
    return Annex(
        imputation=imputation,
        imputed=tuple(Imputed(titles[r.id], _named(IMPUTATION_KEYS, r.imputed, lang),
                              r.imputed_from) for r in results if r.imputed),
        outliers=tuple(OutlierTreatment(m, low, high, text(OVER_KEYS[over], lang), n)
                       for (m, low, high, over), n in sorted(treatments.items())),
        winsorised=tuple(TitleCount(titles[r.id], r.winsorised)
                         for r in results if r.winsorised),
        normalisation=tuple(TitleMethod(titles[r.id], r.normalisation)
                            for r in results if r.normalisation != "goalposts"),
        role_weights=tuple(RoleWeight(role, weight)
                           for role, weight in sorted(role_weights.items())),
        min_answers=_min_answer_groups(indicators.values(), titles),
        answers=tuple(answers),
        sensitivity=None if sensitivity is None else AnnexSensitivity(
            draws=sensitivity.draws, scenarios=sensitivity.scenarios, seed=sensitivity.seed,
            weight_range=sensitivity.weight_range,
            aggregations=" / ".join(_named(AGGREGATION_KEYS, a, lang)
                                    for a in sensitivity.aggregations),
            imputations=" / ".join(_named(IMPUTATION_KEYS, i, lang)
                                   for i in sensitivity.imputations),
            low=sensitivity.interval[0], high=sensitivity.interval[1],
            normalisations=" / ".join(_named(NORMALISATION_KEYS, n, lang)
                                      for n in sensitivity.normalisations),
            goalposts=len(sensitivity.goalposts), goalpost_shift=sensitivity.goalpost_shift,
            band_shift=sensitivity.band_shift * (iset.scale[1] - iset.scale[0])),
    )


def _min_answer_groups(indicators: Iterable[Indicator], titles: dict[str, str]
                       ) -> tuple[MinAnswers, ...]:
    """Indicators that need more than one answer, grouped by the minimum they need."""
    grouped: dict[int, list[str]] = {}
    for ind in indicators:
        if ind.min_answers > 1:
            grouped.setdefault(ind.min_answers, []).append(titles[ind.id])
    return tuple(MinAnswers(n, len(names), tuple(names)) for n, names in sorted(grouped.items()))
