"""The indicator set as the engine sees it: frozen, validated, with defaults filled in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..text import Text
from .vocabulary import CitizenImpact, CostClass, IndicatorKind

IndicatorType = Literal["number", "percent", "likert", "boolean", "choice"]
Direction = Literal["higher", "lower"]
Aggregation = Literal["arithmetic", "geometric"]
RespondentRule = Literal["mean", "median", "share", "min", "max"]
Normalisation = Literal["goalposts", "distance-to-target", "minmax", "zscore"]
Imputation = Literal["none", "group-mean", "group-median", "previous-year"]
OutlierMethod = Literal["none", "winsorise"]
OutlierScope = Literal["answers", "regions"]
Effort = Literal["low", "medium", "high"]
Horizon = Literal["quick-win", "short", "medium", "long"]
Transform = Literal["log"]
GroupKind = Literal["pillar", "dimension"]


@dataclass(frozen=True)
class Outliers:
    """Outlier treatment of an indicator's raw values, applied before normalisation."""

    method: OutlierMethod = "winsorise"
    limits: tuple[float, float] = (0.05, 0.95)
    """Lower and upper percentile (as fractions 0–1) at which values are capped."""
    over: OutlierScope = "regions"
    """``regions``: the combined values of all region-years in the run (the Handbook's
    treatment of an indicator's distribution); ``answers``: the raw answers of each
    region-year before they are combined."""


@dataclass(frozen=True)
class Band:
    """A named grade that applies from ``lower`` upward (to the next band)."""

    lower: float
    label: Text
    color: str | None = None
    description: Text = field(default_factory=lambda: Text(()))


@dataclass(frozen=True)
class Action:
    """A program or measure the roadmap may propose when an indicator is short."""

    id: str
    title: Text
    indicator: str
    """Id of the indicator whose catalogue holds this action."""
    applies_below: float | None
    """Indicator score under which the action is proposed (None: whenever there is a gap)."""
    effort: Effort
    horizon: Horizon
    owner: str
    gain: float
    """Expected gain in indicator score points when the action is done."""
    depends_on: tuple[str, ...] = ()
    description: Text = field(default_factory=lambda: Text(()))
    references: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    """Named data or documents (``data:…``, ``dokumen:…``) needed before the action starts."""
    provides: tuple[str, ...] = ()
    """Named data or documents the action produces."""
    regulation: str | None = None
    """Legal basis when a regulation obliges the action (short citation)."""
    citizen_impact: CitizenImpact = "low"
    """How directly citizens feel the action or get feedback from it."""
    cost_class: CostClass | None = None
    """Order of magnitude of the cost (see ``vocabulary.COST_CLASS_RANGES``); None: not given."""
    funding: tuple[str, ...] = ()
    """Funding sources (``vocabulary.FUNDING_SOURCES``); empty: not given."""
    nomenclature: str | None = None
    """Permendagri 90/2019 programme or activity code."""


@dataclass(frozen=True)
class Indicator:
    """A leaf of the tree: one survey question or one statistic."""

    id: str
    title: Text
    type: IndicatorType
    goalposts: tuple[float, float]
    """Raw values mapped linearly onto the scale; values outside are clipped unless
    ``clip`` is False."""
    direction: Direction = "higher"
    weight: float = 1.0
    question: Text = field(default_factory=lambda: Text(()))
    description: Text = field(default_factory=lambda: Text(()))
    unit: str | None = None
    """Unit as one string (a plain ``unit:``, or its English text); see ``unit_text``."""
    unit_text: Text = field(default_factory=lambda: Text(()))
    """The unit in every language the set gives (``unit_text.get(lang)``)."""
    valid_range: tuple[float, float] | None = None
    """Valid raw values; outside is a data error."""
    transform: Transform | None = None
    target: float | None = None
    respondents: RespondentRule = "mean"
    share_from: float | None = None
    """For ``respondents: share``: an answer at or above this raw value counts as positive."""
    levels: tuple[tuple[int, Text], ...] = ()
    choices: tuple[tuple[str, float], ...] = ()
    actions: tuple[Action, ...] = ()
    references: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    """Roles asked this question; empty means everybody."""
    min_answers: int = 1
    normalisation: Normalisation = "goalposts"
    """How the combined value becomes a score (set, group or indicator ``normalisation:``)."""
    imputation: Imputation = "none"
    """How a missing value is filled (set, group or indicator ``imputation:``)."""
    outliers: Outliers | None = None
    """Outlier treatment (set, group or indicator ``outliers:``); None: none."""
    kind: IndicatorKind = "measure"
    """``measure`` (answers combined) or ``fact`` (one authoritative pemda-wide answer)."""
    clip: bool = True
    """Scores stay on the scale (values beyond the goalposts score its ends). False: fixed
    bounds without clipping, as the EU's DESI: a value beyond a goalpost scores beyond the
    scale (set, group or indicator ``clip:``)."""
    crosswalk: tuple[tuple[str, str], ...] = ()
    """Where the indicator sits in other frameworks: (key, value) pairs sorted by key, keys
    from ``vocabulary.CROSSWALK_KEYS`` (e.g. ``("kominfo", "governance")``)."""

    def crosswalk_value(self, key: str) -> str | None:
        """The indicator's value in crosswalk ``key`` (None when not mapped)."""
        for name, value in self.crosswalk:
            if name == key:
                return value
        return None

    def level_values(self) -> tuple[int, ...]:
        """Valid Likert levels, ascending."""
        return tuple(level for level, _ in self.levels)

    def choice_value(self, key: str) -> float | None:
        """Raw value of a choice key, or None when it is not a known choice."""
        for name, value in self.choices:
            if name == key:
                return value
        return None


@dataclass(frozen=True)
class Group:
    """A pillar or a dimension: a weighted group of groups or indicators."""

    id: str
    title: Text
    kind: GroupKind
    children: tuple[Group | Indicator, ...]
    weight: float = 1.0
    aggregation: Aggregation = "arithmetic"
    min_coverage: float = 0.5
    description: Text = field(default_factory=lambda: Text(()))
    geometric_floor: float | None = None
    """With ``aggregation: geometric``: child scores below this are raised to it before the
    geometric mean (None: a child scoring 0 or less leaves the group not assessed). Set or
    group ``geometric_floor:``, inherited."""

    def groups(self) -> Iterator[Group]:
        """This group and every group below it, depth first."""
        yield self
        for child in self.children:
            if isinstance(child, Group):
                yield from child.groups()

    def indicators(self) -> Iterator[Indicator]:
        """All indicators below this group, depth first, in file order."""
        for child in self.children:
            if isinstance(child, Indicator):
                yield child
            else:
                yield from child.indicators()


@dataclass(frozen=True)
class IndicatorSet:
    """A whole indicator set: the tree, the scale, the bands and where it came from."""

    id: str
    version: str
    title: Text
    pillars: tuple[Group, ...]
    scale: tuple[float, float] = (0.0, 100.0)
    aggregation: Aggregation = "arithmetic"
    min_coverage: float = 0.5
    bands: tuple[Band, ...] = ()
    description: Text = field(default_factory=lambda: Text(()))
    references: tuple[str, ...] = ()
    based_on: str = ""
    """Short citation of what the set follows (``criteria list``); empty when not given."""
    role_weights: tuple[tuple[str, float], ...] = ()
    """Relative weight of each respondent role when answers are combined (default 1)."""
    ignore_columns: tuple[str, ...] = ()
    """Survey columns that may appear in data but are not scored (e.g. a published total)."""
    geometric_floor: float | None = None
    """The floor of a geometric mean of the pillars into the index (see ``Group``)."""
    default_role: str | None = None
    """Role of a survey answer whose row has no role (None: the one role its indicator
    asks; see :mod:`smartcity_assess.survey.roles`)."""
    source: str = "<memory>"
    """Path the set was read from, or ``bundled:<id>``."""
    sha256: str = ""
    """Hash of the file's bytes, for provenance."""

    def indicators(self) -> Iterator[Indicator]:
        """All indicators, in file order."""
        for pillar in self.pillars:
            yield from pillar.indicators()

    def groups(self) -> Iterator[Group]:
        """Every pillar and dimension, depth first."""
        for pillar in self.pillars:
            yield from pillar.groups()

    def indicator_map(self) -> dict[str, Indicator]:
        """Indicators by id."""
        return {ind.id: ind for ind in self.indicators()}

    def actions(self) -> Iterator[Action]:
        """All actions of all indicators, in file order."""
        for ind in self.indicators():
            yield from ind.actions

    def band_for(self, score: float | None) -> Band | None:
        """The highest band whose lower bound is at or below ``score``; the lowest band for a
        score below every band (possible only with ``clip: false``)."""
        if score is None:
            return None
        if not self.bands:
            return None
        chosen = self.bands[0]  # below the lowest band (clip: false): still the lowest grade
        for band in self.bands:
            if score >= band.lower - 1e-9:
                chosen = band
        return chosen
