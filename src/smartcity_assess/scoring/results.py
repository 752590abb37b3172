"""Results of an assessment: frozen, typed, and read-only for every renderer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..indicators.model import Band, IndicatorSet
from ..notices import Notice


@dataclass(frozen=True)
class Spread:
    """How far the answers to one indicator agree."""

    sd: float | None
    """Sample standard deviation of the raw answers (None with fewer than two)."""
    minimum: float
    maximum: float
    share_positive: float | None
    """Share (0–1) of answers at or above the indicator's positive threshold, when it has one."""


@dataclass(frozen=True)
class Interval:
    """A bootstrap percentile interval of one score (see docs/methods.md, "Confidence")."""

    low: float
    high: float
    draws: int
    """Bootstrap draws in which the node was assessed (the interval is over these)."""

    @property
    def margin(self) -> float:
        """Half the width of the interval: the "± x" shown next to a score."""
        return (self.high - self.low) / 2


@dataclass(frozen=True)
class RoleValue:
    """The combined value of one indicator from one role's answers only."""

    role: str | None
    n: int
    value: float
    sd: float | None = None
    """Sample standard deviation of the role's answers as the rule combines them (each
    answer 0 or 100 for a share), unweighted; None with fewer than two."""


@dataclass(frozen=True)
class ItemTotal:
    """How one Likert item agrees with the other items of its group."""

    id: str
    correlation: float | None
    """Corrected item–total correlation: Pearson r of the item with the sum of the other items
    (None when either has no variance). Negative: the item works against its group."""
    alpha_if_deleted: float | None
    """Cronbach's alpha of the group without this item (None with fewer than 3 items)."""


@dataclass(frozen=True)
class Consistency:
    """Internal consistency of the Likert items of one group, from the same respondents."""

    alpha: float | None
    """Cronbach's alpha (None when the total score has no variance)."""
    n: int
    """Respondents who answered every item (listwise deletion)."""
    items: tuple[ItemTotal, ...]

    @property
    def negative_items(self) -> tuple[ItemTotal, ...]:
        """Items that correlate negatively with the rest of their group."""
        return tuple(i for i in self.items if i.correlation is not None and i.correlation < 0)


@dataclass(frozen=True)
class IndicatorResult:
    """Score of one indicator for one region-year."""

    id: str
    value: float | None
    """The combined raw value (None when nobody answered)."""
    n: int
    """Number of answers that were combined."""
    score: float | None
    """Normalised score on the set's scale (None: not assessed)."""
    target: float | None
    """Raw-value planning target from the indicator set (or the plan)."""
    gap: float | None
    """Shortfall to the target in raw units (0 when reached; None without target or value)."""
    target_score: float | None
    """The target expressed as a score on the scale."""
    score_gap: float | None
    """Shortfall to the target in score points (0 when reached)."""
    weight: float
    """Weight among its siblings, normalised to sum 1 over all siblings."""
    effective_weight: float
    """Weight in the index: the product of normalised weights along the path."""
    coverage: float
    """1 when assessed, else 0."""
    spread: Spread | None = None
    note: str | None = None
    """Why it is not assessed (``no answers``, ``fewer than 3 answers`` …)."""
    normalisation: str = "goalposts"
    """Normalisation method used for this indicator."""
    imputed: str | None = None
    """Imputation method that filled the score (None: measured, or not assessed)."""
    imputed_from: int | None = None
    """For ``previous-year``: the year whose value was carried forward."""
    winsorised: int = 0
    """Raw values capped by outlier treatment (answers, or 1 for this region-year's value)."""
    by_role: tuple[RoleValue, ...] = ()
    """The value from each role's answers alone, when more than one role answered."""
    interval: Interval | None = None
    """Bootstrap interval of the score (None unless a bootstrap was asked for)."""
    carried_weight: float = 0.0
    """The weight the indicator actually carries in this region-year's index: the product
    down its path of each node's weight renormalised over its *assessed* siblings; 0 when
    it, or a group above it, is not assessed (docs/methods.md §3)."""

    @property
    def assessed(self) -> bool:
        """True when the indicator has a score."""
        return self.score is not None


@dataclass(frozen=True)
class GroupResult:
    """Score of a pillar or dimension for one region-year."""

    id: str
    kind: str
    score: float | None
    """Weighted mean of the assessed children (None: not assessed)."""
    coverage: float
    """Weighted share (0–1) of the group that has data."""
    weight: float
    effective_weight: float
    children: tuple[GroupResult | IndicatorResult, ...]
    aggregation: str = "arithmetic"
    imputed: float = 0.0
    """Weighted share (0–1) of the group whose scores are imputed."""
    consistency: Consistency | None = None
    """Cronbach's alpha of the Likert items below the group (None: not computable)."""
    interval: Interval | None = None
    carried_weight: float = 0.0
    """The weight the group actually carries in this region-year's index (as for an
    indicator: renormalised over assessed siblings; 0 when not assessed)."""

    def indicators(self) -> Iterator[IndicatorResult]:
        """All indicator results below this group."""
        for child in self.children:
            if isinstance(child, IndicatorResult):
                yield child
            else:
                yield from child.indicators()


# --- areas inside a region (scoring/areas.py) -------------------------------------------

AreaStatus = Literal["ok", "not_enough"]
"""``ok``, or ``not_enough``: too few survey respondents in the area for a score."""
AreaSource = Literal["area", "region", "none"]
"""Where an area's value of an indicator comes from: the area's own answers, the region's
value (the indicator is answered for the whole region only), or nowhere (not assessed)."""


@dataclass(frozen=True)
class AreaIndicator:
    """One indicator in one area."""

    id: str
    value: float | None
    """Combined raw value (None: not assessed here, or withheld for too few respondents)."""
    score: float | None
    n: int
    """Answers combined (0 for a value taken from the region)."""
    source: AreaSource
    imputed: bool = False
    """The score was filled from sibling indicators (``group-mean``/``group-median``)."""


@dataclass(frozen=True)
class AreaGroup:
    """A pillar in one area."""

    id: str
    score: float | None
    coverage: float
    """Weighted share (0–1) of the pillar with a value, the region's included."""
    local: float
    """Weighted share (0–1) of the pillar measured in the area itself."""


@dataclass(frozen=True)
class AreaResult:
    """The breakdown of one area of a region-year (:attr:`RegionResult.areas`)."""

    key: str
    name: str
    code: str | None
    parent: str | None
    status: AreaStatus
    """``ok``, or ``not_enough``: fewer than ``min_respondents`` survey respondents."""
    respondents: int
    """Survey respondents who named this area (answers to ``measure`` indicators)."""
    score: float | None
    band: Band | None
    coverage: float
    """Weighted share (0–1) of the index with a value, the region's values included."""
    local: float
    """Weighted share (0–1) of the index measured in the area itself."""
    pillars: tuple[AreaGroup, ...]
    indicators: tuple[AreaIndicator, ...]
    """Every indicator in the set's order."""
    data_areas: tuple[str, ...] = ()
    """Labels of the data's areas counted here (several when desa make a kecamatan)."""

    def indicator(self, indicator_id: str) -> AreaIndicator:
        """One indicator by id."""
        for found in self.indicators:
            if found.id == indicator_id:
                return found
        raise KeyError(indicator_id)

    def pillar(self, pillar_id: str) -> AreaGroup:
        """One pillar by id."""
        for found in self.pillars:
            if found.id == pillar_id:
                return found
        raise KeyError(pillar_id)



@dataclass(frozen=True)
class RegionResult:
    """The assessment of one region in one year."""

    region: str
    year: int | None
    score: float | None
    band: Band | None
    coverage: float
    pillars: tuple[GroupResult, ...]
    respondents: int
    """Number of distinct respondents (rows for wide data) for this region-year."""
    roles: tuple[tuple[str, int], ...] = ()
    """Respondents per role, sorted by role."""
    imputed: float = 0.0
    """Weighted share (0–1) of the index whose scores are imputed."""
    interval: Interval | None = None
    """Bootstrap interval of the index score."""
    areas: tuple[AreaResult, ...] = ()
    """The breakdown by area inside the region (kecamatan, desa) when the data names areas
    (scoring/areas.py); empty otherwise. The region's own scores never depend on it."""

    def indicators(self) -> Iterator[IndicatorResult]:
        """All indicator results, in set order."""
        for pillar in self.pillars:
            yield from pillar.indicators()

    def indicator(self, indicator_id: str) -> IndicatorResult:
        """Result of one indicator by id."""
        for result in self.indicators():
            if result.id == indicator_id:
                return result
        raise KeyError(indicator_id)

    def pillar(self, pillar_id: str) -> GroupResult:
        """Result of one pillar by id."""
        for result in self.pillars:
            if result.id == pillar_id:
                return result
        raise KeyError(pillar_id)


@dataclass(frozen=True)
class Unused:
    """Answers of one file that were read but do not count, for one reason (a key of
    :data:`smartcity_assess.survey.usage.REASONS`) and, where it applies, one indicator,
    role or column."""

    reason: str
    count: int
    indicator: str | None = None
    role: str | None = None
    column: str | None = None


@dataclass(frozen=True)
class InputFile:
    """A data file that went into an assessment, for provenance."""

    path: str
    sha256: str
    format: str
    layout: str
    rows: int
    answers: int = 0
    """Answers read: cells with a value in the indicator columns (or long rows), in ignored
    columns, and in duplicate submissions."""
    used: int = 0
    """Of those, the answers that count in a score."""
    unused: tuple[Unused, ...] = ()
    """The rest, by reason (their counts add up to ``answers - used``)."""
    date: str | None = None
    """The date of the data (``YYYY``: the latest year of its rows; ``YYYY-MM-DD``: the latest
    complaint or event), never the file's modification time (see :mod:`..freshness`)."""


@dataclass(frozen=True)
class Methods:
    """The methods used, recorded so that a result says how it was made."""

    normalisation: str = "goalposts"
    aggregation: str = "arithmetic"
    respondents: str = "per indicator"
    missing: str = "renormalise weights over assessed siblings"
    min_coverage: float = 0.5
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Bootstrap:
    """How the confidence intervals were made, recorded with them."""

    draws: int
    seed: int
    confidence: float
    level: str
    """``respondents`` (a respondent's answers move together) or ``answers`` (each indicator's
    answers resampled independently, when the data has no respondent ids)."""
    method: str = "percentile"


@dataclass(frozen=True)
class RoleSample:
    """Who answered in one role of one region-year, and how they were chosen."""

    role: str | None
    n: int
    """Respondents of the role."""
    effective_n: float
    """Kish's effective sample size (Σw)²/Σw² of their design weights (n when unweighted)."""
    population: int | None
    """Units of the role in the population (the design's), None when not given."""
    selection: str
    """``random``, ``census`` or ``purposive``; empty when the design does not say."""
    sample_share: float | None = None
    """The role's share of the respondents of the post-strata (post-stratifying by role)."""
    population_share: float | None = None
    """The role's population share (post-stratifying by role)."""
    index: float | None = None
    """The index when every indicator this role answers together with other roles takes
    this role's value alone (the index "as this role sees it"); None when the role shares
    no indicator with another role."""


@dataclass(frozen=True)
class RoleEstimate:
    """One role's value of an indicator that several roles answer, as a score."""

    role: str | None
    n: int
    value: float
    score: float | None
    margin: float | None
    """1.96 standard errors of the score (sd/√n, in score points); None with one answer."""


@dataclass(frozen=True)
class RoleComparison:
    """An indicator answered by several roles: each role's score next to the pooled one."""

    id: str
    pooled: float | None
    """The indicator's score (all roles, design-weighted)."""
    roles: tuple[RoleEstimate, ...]
    differ: bool
    """Two roles differ by more than 1.96 standard errors of their difference."""


@dataclass(frozen=True)
class RegionDesign:
    """The survey design of one region-year: the roles, the unweighted and per-role index."""

    region: str
    year: int | None
    roles: tuple[RoleSample, ...]
    unweighted: float | None
    """The index with every answer counting once (no design weights, no post-strata)."""
    comparisons: tuple[RoleComparison, ...]
    poststratified: tuple[str, ...]
    """Indicators whose answers were reweighted to the population shares."""


@dataclass(frozen=True)
class DesignResult:
    """The survey design of a run (present when a design or design weights were used)."""

    post_stratify: str | None
    weighted: bool
    """Some respondent had a design weight (the survey's ``weight`` column)."""
    population: tuple[tuple[str, float], ...]
    source: str
    purposive: tuple[str, ...]
    """Roles whose respondents were chosen, not drawn: their intervals are not a sampling
    error."""
    census: tuple[str, ...]
    """Roles whose whole population answered (finite-population correction to zero)."""
    regions: tuple[RegionDesign, ...]

    def for_region(self, region: str, year: int | None) -> RegionDesign | None:
        for found in self.regions:
            if found.region == region and found.year == year:
                return found
        return None


@dataclass(frozen=True)
class Assessment:
    """Every region-year of one run, with the set and inputs it came from."""

    indicator_set: IndicatorSet
    results: tuple[RegionResult, ...]
    methods: Methods
    inputs: tuple[InputFile, ...] = ()
    tool_version: str = field(default="")
    bootstrap: Bootstrap | None = None
    """Set when confidence intervals were computed."""
    warnings: tuple[Notice, ...] = ()
    """Things a reader should know (an item against its group, min–max on one region …),
    as data: each output words them in its language (:meth:`Notice.text`)."""
    design: DesignResult | None = None
    """The survey design (per-role estimates, the unweighted index); None when the run had
    no design and no design weights."""
    area_min_respondents: int | None = None
    """Fewest survey respondents an area needed for a score, when results have areas."""

    def result_for(self, region: str, year: int | None) -> RegionResult:
        """The result of one region-year."""
        for result in self.results:
            if result.region == region and result.year == year:
                return result
        raise KeyError((region, year))
