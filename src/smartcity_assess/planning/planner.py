"""From scores, the action catalogue and the plan to a costed, phased roadmap. Pure: no I/O.

The rules (docs/methods.md, "The roadmap", gives the formulas; docs/plan-file.md the keys):

1. **Candidates.** An action is proposed when its indicator is assessed and scores below the
   action's ``applies_below`` (else the indicator's target score, else the top of the
   scale). The plan adds its ``mandatory`` and ``pin`` actions whether or not a gap calls for
   them. An action realised by an ``existing`` program is never proposed. Prerequisites
   (``depends_on`` actions, and the providers of ``requires`` artefacts) that are neither
   existing nor shown in place by a ``kind: fact`` indicator are added as programs of their
   own; an artefact nothing provides is reported as a missing prerequisite.
2. **Priority** = boost × (index term + citizen term) ÷ effort points. The index term is the
   action's impact in index points (the weight its indicator carries in this region-year's
   index, weights renormalised over assessed siblings, × min(gain, headroom)) divided by the
   largest impact among the candidates (0–1); the citizen term is 0, ⅓, ⅔ or 1 for
   ``citizen_impact`` none, low, medium, high. Prerequisites inherit the priority of what
   waits for them. Ties: priority, then impact, then id.
3. **Scheduling**, year by year from the first plan year to the end of the masterplan: first
   the pinned actions of that year, then the mandatory ones (with their prerequisites, in
   the order they must come), then quick wins (first
   ``quick_wins.years`` years only), then the rest by priority. An action starts when its
   prerequisites have ended, the year's capacity (``capacity.per_year``) and its agency's
   (``capacity.per_owner``, quick wins included) allow, it ends by the masterplan's last year,
   and its cost per year fits what is left of the budget envelopes of its funding sources.
   What never fits is ``unfunded`` (money was what stopped it) or ``beyond_horizon``.
4. **Duration** follows the catalogue horizon: quick win and short 1 year, medium 2, long 3;
   the cost is spread evenly over those years.
5. **Projection** and **targets** as before: a scheduled action adds its gain over its
   duration; the engine's own tree evaluation gives index and pillars; KPI targets run in a
   straight line from the baseline to the target.
"""

from __future__ import annotations

import statistics
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..errors import InputError, Problem
from ..indicators.model import Action, Effort, Horizon, Indicator, IndicatorSet
from ..indicators.vocabulary import KOMINFO_TITLES, CitizenImpact, CostClass
from ..messages import text, tr
from ..messages.keys import FUNDING_KEYS
from ..scoring.results import IndicatorResult, RegionResult
from ..text import Text
from .plan import (
    COST_CLASSES,
    DEFAULT_COST_CLASS,
    DEFAULT_FUNDING,
    DIMENSIONS,
    Existing,
    Plan,
    check_plan,
    regulation_of,
)

Phase = Literal["quick-win", "short", "medium", "long", "deferred"]
PHASES: tuple[Phase, ...] = ("quick-win", "short", "medium", "long", "deferred")
Status = Literal["scheduled", "unfunded", "beyond_horizon", "existing"]
STATUSES: tuple[Status, ...] = ("scheduled", "unfunded", "beyond_horizon", "existing")
DependencyStatus = Literal["scheduled", "in-place", "unverified", "deferred"]
DependencyBasis = Literal["scheduled", "existing", "fact", "unfunded", "beyond_horizon",
                          "missing"]
CostSource = Literal["plan", "plan-class", "set-class", "default-class"]
StageKind = Literal["baseline", "year", "phase"]
Why = Literal["pin", "mandatory", "quick-win", "prerequisite", "priority"]

EFFORT_POINTS: dict[Effort, int] = {"low": 1, "medium": 2, "high": 3}
"""Effort in points: the divisor of the benefit in the priority."""
CITIZEN_TERM: dict[CitizenImpact, float] = {"none": 0.0, "low": 1 / 3, "medium": 2 / 3,
                                            "high": 1.0}
"""The citizen term of the priority by the action's declared ``citizen_impact``."""
DEFAULT_CITIZEN_IMPACT: CitizenImpact = "low"
DURATION: dict[Horizon, int] = {"quick-win": 1, "short": 1, "medium": 2, "long": 3}
"""Years an action takes, by its catalogue horizon."""
SHORT_UNTIL = 2
"""Last year (1-based) of the short phase (the legacy phase view)."""
MEDIUM_UNTIL = 5
"""Last year (1-based) of the medium phase; later years are the long phase."""
_EPS = 1e-9


# --- results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One line explaining a placement, in Indonesian and English."""

    id: str
    en: str

    def get(self, lang: str = "id") -> str:
        """The line in ``lang`` (Indonesian unless ``en``)."""
        return self.en if lang == "en" else self.id


def _in_both(line: Callable[[str], str]) -> Reason:
    """A line of the catalogue in Indonesian and English: ``line(lang)`` for each."""
    return Reason(line("id"), line("en"))


@dataclass(frozen=True)
class Money:
    """A cost range in rupiah."""

    low: int
    high: int

    def __add__(self, other: Money) -> Money:
        return Money(self.low + other.low, self.high + other.high)


ZERO = Money(0, 0)


@dataclass(frozen=True)
class Cost:
    """What one action costs over all its years, and where the figure comes from."""

    low: int
    high: int
    source: CostSource
    """``plan`` (the plan's ``cost``), ``plan-class``/``set-class`` (a cost class of the plan
    or of the set), ``default-class`` (neither gives one: class S is assumed)."""
    cost_class: str | None = None

    @property
    def money(self) -> Money:
        """The range as :class:`Money`."""
        return Money(self.low, self.high)


@dataclass(frozen=True)
class Allocation:
    """The part of an action's cost one funding source carries in one year."""

    year: int
    source: str
    money: Money


@dataclass(frozen=True)
class Gap:
    """The shortfall that called for an action (score None: indicator not assessed)."""

    indicator: str
    pillar: str
    score: float | None
    """Score of the indicator in the assessment."""
    target_score: float | None
    """The indicator's target as a score (None: no target)."""
    threshold: float
    """Score under which the action applies (``applies_below``, else target, else top)."""
    gap: float
    """Headroom in score points: target score (or top of the scale) minus score, at least 0."""
    effective_weight: float
    """Weight the indicator carries in this region-year's index (renormalised)."""
    value: float | None = None
    """The combined raw value, for the reader."""
    target: float | None = None
    """The raw target, for the reader."""

    @property
    def open(self) -> bool:
        """True when the score is below the threshold (a measured gap calls for the action)."""
        return self.score is not None and self.score < self.threshold - _EPS


@dataclass(frozen=True)
class PlannedAction:
    """An action of the roadmap: ranked, costed and placed on the calendar (or not)."""

    action: Action
    gap: Gap
    impact: float
    """Index points it is expected to add: carried weight × min(gain, headroom)."""
    benefit: float
    """Index term (impact ÷ the largest impact, 0–1) + citizen term (0–1)."""
    effort_points: int
    priority: float
    """Boost × benefit ÷ effort points."""
    rank: int
    """1 = highest priority among the actions of the roadmap."""
    quick_win: bool
    start_year: int | None
    """Calendar year it starts (None: not scheduled)."""
    duration: int
    phase: Phase
    status: Status
    reason: Reason
    """Why it stands where it stands, one line."""
    owner: str
    """The agency responsible, under its one name (plan aliases resolved)."""
    dimension: str
    """Kominfo dimension of its indicator (crosswalk ``kominfo``), else its pillar id."""
    cost: Cost
    funding: tuple[str, ...]
    nomenclature: str | None = None
    allocations: tuple[Allocation, ...] = ()
    """Cost per year and funding source (empty unless scheduled)."""
    citizen_impact: CitizenImpact = DEFAULT_CITIZEN_IMPACT
    boost: float = 1.0
    mandatory: str | None = None
    """The regulation that makes it mandatory (None: not mandatory)."""
    pinned: int | None = None
    """The year the plan pins it to (None: not pinned)."""
    why: Why = "priority"
    """What placed it first: the plan's pin, a regulation, the quick-win pass, a dependent
    program (prerequisite) or its priority."""
    required_by: tuple[str, ...] = ()
    """Actions of the roadmap that wait for this one."""
    prerequisites: tuple[str, ...] = ()
    """Actions of the roadmap this one waits for (``depends_on`` and ``requires``)."""

    @property
    def id(self) -> str:
        """The action's id."""
        return self.action.id

    @property
    def title(self) -> Text:
        """The action's title."""
        return self.action.title

    @property
    def pillar(self) -> str:
        """Pillar of the indicator the action serves."""
        return self.gap.pillar

    @property
    def end_year(self) -> int | None:
        """Last calendar year of work (None when not scheduled)."""
        return None if self.start_year is None else self.start_year + self.duration - 1

    @property
    def scheduled(self) -> bool:
        """True when the action starts within the horizon."""
        return self.start_year is not None

    def cost_in(self, year: int) -> Money:
        """What it costs in one calendar year (all sources)."""
        total = ZERO
        for allocation in self.allocations:
            if allocation.year == year:
                total = total + allocation.money
        return total


@dataclass(frozen=True)
class Dependency:
    """One prerequisite edge of an action, and how the roadmap treats it."""

    action: str
    depends_on: str
    """The prerequisite action's id (for an artefact nobody provides: the artefact)."""
    status: DependencyStatus
    """Legacy view: ``scheduled``, ``in-place`` (existing or shown by a fact), ``unverified``
    (missing), ``deferred`` (the prerequisite is unfunded or beyond the horizon)."""
    basis: DependencyBasis = "scheduled"
    artefact: str | None = None
    """The ``requires`` artefact the edge stands for (None: a ``depends_on`` edge)."""


@dataclass(frozen=True)
class MissingPrerequisite:
    """An artefact an action requires that no existing program and no action provides."""

    action: str
    artefact: str


@dataclass(frozen=True)
class Series:
    """Scores by year for the index, each pillar and each indicator with actions."""

    index: tuple[float | None, ...]
    pillars: tuple[tuple[str, tuple[float | None, ...]], ...]
    indicators: tuple[tuple[str, tuple[float | None, ...]], ...] = ()

    def pillar(self, pillar_id: str) -> tuple[float | None, ...]:
        """The series of one pillar."""
        return dict(self.pillars)[pillar_id]

    def indicator(self, indicator_id: str) -> tuple[float | None, ...]:
        """The series of one indicator."""
        return dict(self.indicators)[indicator_id]


@dataclass(frozen=True)
class Stage:
    """A stretch of the masterplan: the baseline before the first plan year, one year of the
    current RPJMD (yearly detail), or a later RPJMD cycle as one phase."""

    kind: StageKind
    start: int
    end: int
    rpjmd: tuple[int, int]
    """The RPJMD cycle the stage lies in (cycles repeat the plan's RPJMD length)."""

    @property
    def years(self) -> tuple[int, ...]:
        """Calendar years of the stage."""
        return tuple(range(self.start, self.end + 1))

    def label(self, lang: str = "id") -> str:
        """``2027 (RPJMD 2025–2029)``, ``2030–2033 (RPJMD 2030–2034)``,
        ``2024–2025 (kondisi awal)``."""
        span = str(self.start) if self.start == self.end else f"{self.start}–{self.end}"
        if self.kind == "baseline":
            return tr("stage_label_baseline", lang, span=span)
        return tr("stage_label_rpjmd", lang, span=span, start=self.rpjmd[0],
                  end=self.rpjmd[1])


@dataclass(frozen=True)
class YearCost:
    """Scheduled cost of one calendar year by funding source, against its envelope."""

    year: int
    by_source: tuple[tuple[str, Money], ...]
    envelope: tuple[tuple[str, int], ...] | None
    """The plan's budget for the year by source (None: the plan sets no budget)."""

    @property
    def total(self) -> Money:
        """All sources."""
        total = ZERO
        for _, money in self.by_source:
            total = total + money
        return total

    @property
    def envelope_total(self) -> int | None:
        """The year's whole envelope (None: no budget)."""
        return None if self.envelope is None else sum(v for _, v in self.envelope)


@dataclass(frozen=True)
class Kpi:
    """A monitoring row: baseline, yearly targets and projection, with its data source."""

    kind: Literal["index", "pillar", "indicator"]
    id: str
    baseline: float | None
    """Score in the assessment year (None: not assessed)."""
    baseline_year: int
    targets: tuple[tuple[int, float | None], ...]
    """(year, target score) for each plan year."""
    projection: tuple[tuple[int, float | None], ...]
    """(year, projected score) for each plan year."""
    roles: tuple[str, ...] = ()
    """Respondent roles whose answers measure it (empty: every role, or a composite)."""
    references: tuple[str, ...] = ()
    """The indicator's sources (for a statistic: where the figure is published)."""
    value: float | None = None
    """Baseline raw value of an indicator (None for index and pillars)."""


@dataclass(frozen=True)
class DimensionLead:
    """The agency leading one Kominfo dimension: named by the plan, else the agency with the
    most scheduled programs there (``from_plan`` False)."""

    dimension: str
    owner: str | None
    from_plan: bool


@dataclass(frozen=True)
class MandateResult:
    """A mandatory action and where it landed."""

    action: str
    regulation: str
    start_year: int | None
    """Start year (for an existing program: since when it runs, None when not published)."""
    deadline: int
    """Last year of the current RPJMD."""
    status: Status

    @property
    def on_time(self) -> bool:
        """True when it starts by the deadline (or already exists)."""
        return self.status == "existing" or (self.start_year is not None
                                             and self.start_year <= self.deadline)


@dataclass(frozen=True)
class Roadmap:
    """A costed, phased roadmap for one region-year."""

    region: str
    baseline_year: int
    """Year of the assessment (the projection's first point)."""
    start_year: int
    """First year programs may start (the first plan year)."""
    years: int
    """Plan years from ``start_year`` to the end of the masterplan."""
    actions: tuple[PlannedAction, ...]
    """Every action of the roadmap (scheduled, unfunded, beyond the horizon), by rank."""
    dependencies: tuple[Dependency, ...]
    projection: Series
    """Projected scores at the end of each year, baseline first (``years + 1`` points)."""
    target_path: Series
    """Yearly KPI targets: linear from the baseline to the target, baseline first."""
    index_target: float | None
    pillar_targets: tuple[tuple[str, float | None], ...]
    not_assessed: tuple[str, ...]
    """Indicators without a score (no gap can be measured for them)."""
    median_impact: float
    """Median impact (index points) of the actions a gap calls for (the matrix's split)."""
    capacity_per_year: int
    masterplan: tuple[int, int] = (0, 0)
    rpjmd: tuple[int, int] = (0, 0)
    """The current RPJMD (the cycle holding the first plan year)."""
    stages: tuple[Stage, ...] = ()
    existing: tuple[Existing, ...] = ()
    """Programs already running or done (the baseline), as the plan lists them."""
    mandates: tuple[MandateResult, ...] = ()
    pins: tuple[tuple[str, int], ...] = ()
    boosts: tuple[tuple[str, float, Text], ...] = ()
    """(action, factor, reason) of the plan's political priorities (method notes)."""
    costs: tuple[YearCost, ...] = ()
    """Scheduled cost of each plan year by funding source."""
    budget_given: bool = False
    per_owner: tuple[tuple[str, int], ...] = ()
    """The plan's per-agency start limits under the agencies' one names."""
    missing: tuple[MissingPrerequisite, ...] = ()
    warnings: tuple[Reason, ...] = ()
    """What a planner must know: a mandatory action late, a pin moved, years without budget."""
    median_benefit: float = 0.0
    """Median benefit of the candidates: quick wins are never below it."""
    max_impact: float = 0.0
    """The largest impact among the candidates (the index term's divisor)."""
    quick_win_max: int = 0
    quick_win_years: int = 0
    kpis: tuple[Kpi, ...] = ()
    leads: tuple[DimensionLead, ...] = ()

    @property
    def quick_wins_per_year(self) -> int:
        """Legacy name: the most quick wins of the roadmap."""
        return self.quick_win_max

    @property
    def end_year(self) -> int:
        """Last plan year (the end of the masterplan)."""
        return self.start_year + self.years - 1

    @property
    def calendar(self) -> tuple[int, ...]:
        """Years of the projection: the baseline year, then each plan year."""
        return (self.baseline_year, *range(self.start_year, self.start_year + self.years))

    @property
    def plan_years(self) -> tuple[int, ...]:
        """The plan's years."""
        return tuple(range(self.start_year, self.start_year + self.years))

    def scheduled(self) -> tuple[PlannedAction, ...]:
        """Actions that start within the horizon, by start year then rank."""
        chosen = [a for a in self.actions if a.start_year is not None]
        return tuple(sorted(chosen, key=lambda a: (a.start_year or 0, a.rank)))

    def deferred(self) -> tuple[PlannedAction, ...]:
        """Actions not scheduled (unfunded or beyond the horizon), by rank."""
        return tuple(a for a in self.actions if a.start_year is None)

    def unfunded(self) -> tuple[PlannedAction, ...]:
        """Actions that did not fit the budget envelopes, by rank."""
        return tuple(a for a in self.actions if a.status == "unfunded")

    def beyond_horizon(self) -> tuple[PlannedAction, ...]:
        """Actions that did not fit the masterplan for another reason, by rank."""
        return tuple(a for a in self.actions if a.status == "beyond_horizon")

    def quick_wins(self) -> tuple[PlannedAction, ...]:
        """Quick wins, by year then rank."""
        return tuple(a for a in self.scheduled() if a.quick_win)

    def starting_in(self, year: int) -> tuple[PlannedAction, ...]:
        """Actions starting in a calendar year, by rank."""
        return tuple(a for a in self.scheduled() if a.start_year == year)

    def running_in(self, year: int) -> tuple[PlannedAction, ...]:
        """Actions under way in a calendar year, by start year then rank."""
        return tuple(a for a in self.scheduled()
                     if a.start_year is not None and a.end_year is not None
                     and a.start_year <= year <= a.end_year)

    def in_phase(self, phase: Phase) -> tuple[PlannedAction, ...]:
        """Actions of one legacy phase, by start year then rank (deferred ones by rank)."""
        if phase == "deferred":
            return self.deferred()
        return tuple(a for a in self.scheduled() if a.phase == phase)

    def in_stage(self, stage: Stage) -> tuple[PlannedAction, ...]:
        """Actions starting in a stage, by start year then rank."""
        return tuple(a for a in self.scheduled()
                     if a.start_year is not None and stage.start <= a.start_year <= stage.end)

    def stage_of(self, year: int) -> Stage | None:
        """The stage holding a calendar year (None: outside the masterplan)."""
        for stage in self.stages:
            if stage.start <= year <= stage.end:
                return stage
        return None

    def owners(self) -> tuple[str, ...]:
        """Agencies with at least one action, sorted."""
        return tuple(sorted({a.owner for a in self.actions}))

    def for_owner(self, owner: str) -> tuple[PlannedAction, ...]:
        """Actions of one agency: scheduled by start year, then the others."""
        return tuple(a for a in (*self.scheduled(), *self.deferred()) if a.owner == owner)

    def for_pillar(self, pillar_id: str) -> tuple[PlannedAction, ...]:
        """Actions serving one pillar: scheduled by start year, then the others."""
        return tuple(a for a in (*self.scheduled(), *self.deferred()) if a.pillar == pillar_id)

    def for_dimension(self, dimension: str) -> tuple[PlannedAction, ...]:
        """Actions of one Kominfo dimension: scheduled by start year, then the others."""
        return tuple(a for a in (*self.scheduled(), *self.deferred())
                     if a.dimension == dimension)

    def dimensions(self) -> tuple[str, ...]:
        """Dimensions with at least one action: the Kominfo order, then pillar ids."""
        present = {a.dimension for a in self.actions}
        ordered = [d for d in DIMENSIONS if d in present]
        return (*ordered, *sorted(present - set(DIMENSIONS)))

    def action(self, action_id: str) -> PlannedAction:
        """An action of the roadmap by id."""
        for planned in self.actions:
            if planned.id == action_id:
                return planned
        raise KeyError(action_id)

    def pillar_target(self, pillar_id: str) -> float | None:
        """Target of one pillar at the end of the horizon."""
        return dict(self.pillar_targets).get(pillar_id)

    def cost_by_owner(self) -> tuple[tuple[str, Money], ...]:
        """Scheduled cost per agency over the plan, sorted by agency."""
        return _totals((a.owner, a) for a in self.scheduled())

    def cost_by_dimension(self) -> tuple[tuple[str, Money], ...]:
        """Scheduled cost per Kominfo dimension (or pillar), in :meth:`dimensions` order."""
        totals = dict(_totals((a.dimension, a) for a in self.scheduled()))
        return tuple((d, totals[d]) for d in self.dimensions() if d in totals)

    def cost_by_source(self) -> tuple[tuple[str, Money], ...]:
        """Scheduled cost per funding source over the plan, sorted by source."""
        totals: dict[str, Money] = {}
        for year in self.costs:
            for source, money in year.by_source:
                totals[source] = totals.get(source, ZERO) + money
        return tuple(sorted(totals.items()))

    def total_cost(self) -> Money:
        """Scheduled cost of the whole plan."""
        total = ZERO
        for year in self.costs:
            total = total + year.total
        return total


def _totals(pairs: Iterable[tuple[str, PlannedAction]]) -> tuple[tuple[str, Money], ...]:
    totals: dict[str, Money] = {}
    for key, planned in pairs:
        for allocation in planned.allocations:
            totals[key] = totals.get(key, ZERO) + allocation.money
    return tuple(sorted(totals.items()))


def phase_of(offset: int) -> Phase:
    """Legacy phase of a 1-based plan year."""
    if offset <= SHORT_UNTIL:
        return "short"
    if offset <= MEDIUM_UNTIL:
        return "medium"
    return "long"


# --- the vocabulary of actions and indicators ------------------------------------------------


def indicator_dimension(indicator: Indicator, pillar_id: str) -> str:
    """Kominfo dimension of an indicator (crosswalk ``kominfo``), else its pillar id."""
    return indicator.crosswalk_value("kominfo") or pillar_id


# --- building the roadmap ----------------------------------------------------------------------


@dataclass
class _Node:
    """A candidate while the roadmap is built (mutable inside this module only)."""

    action: Action
    gap: Gap
    owner: str
    dimension: str
    impact: float
    citizen: CitizenImpact
    boost: float
    mandatory: str | None
    pinned: int | None
    cost: Cost
    funding: tuple[str, ...]
    nomenclature: str | None
    duration: int
    quick_eligible: bool
    pulled_by: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    benefit: float = 0.0
    priority: float = 0.0
    inherited: float = 0.0
    start: int | None = None
    quick: bool = False
    why: Why = "priority"
    allocations: tuple[Allocation, ...] = ()
    first_block: Reason | None = None
    """What stopped it in the first year it was tried (``2026: …``)."""
    money_block: Reason | None = None
    """The last time money stopped it."""
    other_block: Reason | None = None
    """The last time something else stopped it (a prerequisite, the calendar, capacity)."""
    cycle: bool = False
    for_mandate: bool = False
    """A prerequisite of a mandatory action: scheduled with the mandatory ones."""


def build_roadmap(result: RegionResult, indicator_set: IndicatorSet, plan: Plan, *,
                  reference_year: int | None = None) -> Roadmap:
    """Propose, rank, cost, schedule and project the actions for one region-year.

    ``reference_year`` is used for the first plan year when the result has no year and the
    plan no period (the report passes the year of its date); failing that, year 1.
    """
    problems = check_plan(plan, indicator_set)
    if problems:
        raise InputError(problems)
    first, masterplan, rpjmd = _calendar(result, plan, reference_year)
    years = masterplan[1] - first + 1
    baseline_year = result.year if result.year is not None else first - 1

    pillar_of = _pillar_of(indicator_set)
    indicators = indicator_set.indicator_map()
    results = {r.id: r for r in result.indicators()}
    weights = {r.id: r.carried_weight for r in result.indicators()}
    top = indicator_set.scale[1]
    catalogue = {a.id: a for a in indicator_set.actions()}
    order = {a.id: n for n, a in enumerate(indicator_set.actions())}

    realised = {e.action: e for e in plan.existing if e.action}
    in_place = _in_place_by_fact(catalogue, indicators, results, top)
    gaps = {a.id: _gap(a, results.get(a.indicator), pillar_of[a.indicator],
                       weights.get(a.indicator, 0.0), top) for a in catalogue.values()}
    mandates = {m.action: m.regulation or regulation_of(catalogue[m.action]) or ""
                for m in plan.mandatory}
    pins = dict(plan.pin)
    boosts = {b.action: b.factor for b in plan.boost}

    def node(action: Action) -> _Node:
        indicator = indicators[action.indicator]
        gap = gaps[action.id]
        terms = plan.terms_for(action.id)
        quick = action.horizon == "quick-win" or (action.effort == "low"
                                                  and DURATION[action.horizon] == 1)
        return _Node(
            action=action, gap=gap, owner=plan.owner(action.owner),
            dimension=indicator_dimension(indicator, pillar_of[action.indicator]),
            impact=gap.effective_weight * min(action.gain, gap.gap) if gap.open else 0.0,
            citizen=action.citizen_impact, boost=boosts.get(action.id, 1.0),
            mandatory=mandates.get(action.id), pinned=pins.get(action.id),
            cost=_cost(action, terms.cost if terms else None,
                       terms.cost_class if terms else None),
            funding=_funding(action, terms.funding if terms else ()),
            nomenclature=(terms.nomenclature if terms and terms.nomenclature
                          else action.nomenclature),
            duration=DURATION[action.horizon], quick_eligible=quick)

    nodes: dict[str, _Node] = {}
    for action in catalogue.values():
        if action.id in realised:
            continue
        if gaps[action.id].open or action.id in mandates or action.id in pins:
            nodes[action.id] = node(action)

    providers: dict[str, list[str]] = {}
    for action in catalogue.values():
        for artefact in action.provides:
            providers.setdefault(artefact, []).append(action.id)
    provided_by_existing = {a for e in plan.existing for a in e.provides}
    provided_by_existing |= {a for e in plan.existing if e.action in catalogue
                             for a in catalogue[e.action or ""].provides}
    provided_by_existing |= {a for action_id in in_place for a in
                             catalogue[action_id].provides}

    edges: list[Dependency] = []
    missing: list[MissingPrerequisite] = []
    queue = deque(sorted(nodes, key=lambda i: order[i]))
    examined: set[str] = set()
    while queue:  # the closure of prerequisites, breadth first (no recursion)
        action_id = queue.popleft()
        if action_id in examined:
            continue
        examined.add(action_id)
        current = nodes[action_id]
        wanted: list[tuple[str, str | None]] = [(d, None) for d in current.action.depends_on]
        for needed in current.action.requires:
            artefact = needed
            if artefact in provided_by_existing:
                edges.append(Dependency(action_id, _existing_provider(plan, catalogue,
                                                                      artefact, in_place),
                                        "in-place", _basis_of_artefact(plan, catalogue, artefact),
                                        artefact))
                continue
            choices = [p for p in providers.get(artefact, []) if p != action_id]
            if not choices:
                missing.append(MissingPrerequisite(action_id, artefact))
                edges.append(Dependency(action_id, artefact, "unverified", "missing",
                                        artefact))
                continue
            proposed = [p for p in choices if p in nodes]
            wanted.append(((proposed or choices)[0], artefact))
        for dep, via in wanted:
            if dep in realised:
                edges.append(Dependency(action_id, dep, "in-place", "existing", via))
            elif dep in in_place:
                edges.append(Dependency(action_id, dep, "in-place", "fact", via))
            elif dep not in catalogue:
                edges.append(Dependency(action_id, dep, "unverified", "missing", via))
            else:
                if dep not in nodes:
                    nodes[dep] = node(catalogue[dep])
                    queue.append(dep)
                nodes[dep].pulled_by.append(action_id)
                if dep not in current.prerequisites:
                    current.prerequisites.append(dep)
                edges.append(Dependency(action_id, dep, "scheduled", "scheduled", via))

    ranked = _rank(nodes, order)
    topo = _topological(ranked, nodes)
    _inherit(topo, nodes)
    index_impacts = [n.impact for n in nodes.values() if n.gap.open]
    median_impact = statistics.median(index_impacts) if index_impacts else 0.0
    benefits = [n.benefit for n in nodes.values()]
    median_benefit = statistics.median(benefits) if benefits else 0.0
    max_impact = max((n.impact for n in nodes.values()), default=0.0)

    deadline = min(rpjmd[1], masterplan[1])
    warnings = _schedule(ranked, nodes, plan, first, masterplan[1], deadline, median_benefit)
    rank_of = {n.action.id: k for k, n in enumerate(ranked, start=1)}
    actions = tuple(_planned(n, rank_of[n.action.id], first, len(ranked), plan)
                    for n in ranked)
    by_id = {a.id: a for a in actions}
    dependencies = tuple(_resolve(edge, by_id) for edge in edges)

    projection = _project(result, indicator_set, actions, first, years)
    index_target, pillar_targets = _targets(result, indicator_set, plan)
    target_path = _target_path(result, projection, index_target, pillar_targets, years)
    mandate_results = tuple(_mandate(m.action, mandates[m.action], by_id, realised, deadline)
                            for m in plan.mandatory)
    warnings += [_late(m, deadline) for m in mandate_results if not m.on_time]
    costs = tuple(_year_cost(year, actions, plan) for year in range(first, masterplan[1] + 1))
    if plan.budget is not None:
        unbudgeted = [y for y in range(first, masterplan[1] + 1) if not plan.envelope(y)]
        if unbudgeted:
            span = _span(unbudgeted)
            warnings.append(_in_both(lambda lang: tr("warn_no_envelope", lang, span=span)))
    kpis = _kpis(result, indicator_set, projection, target_path, baseline_year, first)
    return Roadmap(
        region=plan.region.name or result.region,
        baseline_year=baseline_year,
        start_year=first,
        years=years,
        actions=actions,
        dependencies=dependencies,
        projection=projection,
        target_path=target_path,
        index_target=index_target,
        pillar_targets=pillar_targets,
        not_assessed=tuple(r.id for r in result.indicators() if r.score is None),
        median_impact=median_impact,
        capacity_per_year=plan.capacity.per_year,
        masterplan=masterplan,
        rpjmd=rpjmd,
        stages=_stages(masterplan, rpjmd, first, plan),
        existing=plan.existing,
        mandates=mandate_results,
        pins=plan.pin,
        boosts=tuple((b.action, b.factor, b.reason) for b in plan.boost),
        costs=costs,
        budget_given=plan.budget is not None,
        per_owner=tuple(sorted((plan.owner(o), n) for o, n in plan.capacity.per_owner)),
        missing=tuple(missing),
        warnings=tuple(warnings),
        median_benefit=median_benefit,
        max_impact=max_impact,
        quick_win_max=plan.quick_wins.max,
        quick_win_years=plan.quick_wins.years,
        kpis=kpis,
        leads=_leads(plan, actions),
    )


def _calendar(result: RegionResult, plan: Plan, reference_year: int | None
              ) -> tuple[int, tuple[int, int], tuple[int, int]]:
    """First plan year, masterplan span and the current RPJMD cycle."""
    period = plan.period
    if period.first_year is not None:
        first = period.first_year
    elif result.year is not None:
        first = result.year + 1
    elif reference_year is not None:
        first = reference_year + 1
    elif period.masterplan is not None:
        first = period.masterplan[0]
    else:
        first = 1
    masterplan = period.masterplan
    if masterplan is None:
        masterplan = (first, first + period.years - 1)
    first = max(first, masterplan[0])
    if first > masterplan[1]:
        label = plan.source or "<plan>"
        raise InputError([Problem(
            label, f"the masterplan {masterplan[0]}–{masterplan[1]} has ended before the "
            f"first plan year {first}", field="period.masterplan",
            expected=f"a masterplan that runs into {first} or later", found=str(masterplan))])
    cycle = period.rpjmd or masterplan
    length = cycle[1] - cycle[0] + 1
    k = (first - cycle[0]) // length
    rpjmd = (cycle[0] + k * length, cycle[0] + k * length + length - 1)
    return first, masterplan, rpjmd


def _stages(masterplan: tuple[int, int], rpjmd: tuple[int, int], first: int, plan: Plan
            ) -> tuple[Stage, ...]:
    cycle = plan.period.rpjmd or masterplan
    length = cycle[1] - cycle[0] + 1

    def cycle_of(year: int) -> tuple[int, int]:
        k = (year - cycle[0]) // length
        return (cycle[0] + k * length, cycle[0] + k * length + length - 1)

    stages: list[Stage] = []
    if masterplan[0] < first:
        stages.append(Stage("baseline", masterplan[0], first - 1, cycle_of(first - 1)))
    year = first
    while year <= masterplan[1]:
        own = cycle_of(year)
        if own == rpjmd:
            stages.append(Stage("year", year, year, own))
            year += 1
        else:
            end = min(own[1], masterplan[1])
            stages.append(Stage("phase", year, end, own))
            year = end + 1
    return tuple(stages)


def _pillar_of(indicator_set: IndicatorSet) -> dict[str, str]:
    return {ind.id: pillar.id for pillar in indicator_set.pillars
            for ind in pillar.indicators()}


def _threshold(action: Action, result: IndicatorResult | None, top: float) -> float:
    if action.applies_below is not None:
        return action.applies_below
    if result is not None and result.target_score is not None:
        return result.target_score
    return top


def _gap(action: Action, result: IndicatorResult | None, pillar: str, weight: float,
         top: float) -> Gap:
    threshold = _threshold(action, result, top)
    if result is None or result.score is None:
        return Gap(indicator=action.indicator, pillar=pillar, score=None,
                   target_score=result.target_score if result else None,
                   threshold=threshold, gap=0.0, effective_weight=weight,
                   value=None, target=result.target if result else None)
    ceiling = result.target_score if result.target_score is not None else top
    return Gap(indicator=result.id, pillar=pillar, score=result.score,
               target_score=result.target_score, threshold=threshold,
               gap=max(0.0, ceiling - result.score), effective_weight=weight,
               value=result.value, target=result.target)


def _in_place_by_fact(catalogue: Mapping[str, Action], indicators: Mapping[str, Indicator],
                      results: Mapping[str, IndicatorResult], top: float) -> set[str]:
    """Actions a ``kind: fact`` indicator shows in place (its score at or above the
    action's threshold)."""
    found: set[str] = set()
    for action in catalogue.values():
        indicator = indicators[action.indicator]
        result = results.get(action.indicator)
        if indicator.kind == "fact" and result is not None and result.score is not None \
                and result.score >= _threshold(action, result, top) - _EPS:
            found.add(action.id)
    return found


def _existing_provider(plan: Plan, catalogue: Mapping[str, Action], artefact: str,
                       in_place: set[str]) -> str:
    for entry in plan.existing:
        if artefact in entry.provides or (entry.action in catalogue and artefact in
                                          catalogue[entry.action or ""].provides):
            return entry.id
    for action_id in sorted(in_place):
        if artefact in catalogue[action_id].provides:
            return action_id
    return artefact


def _basis_of_artefact(plan: Plan, catalogue: Mapping[str, Action], artefact: str
                       ) -> DependencyBasis:
    for entry in plan.existing:
        if artefact in entry.provides or (entry.action in catalogue and artefact in
                                          catalogue[entry.action or ""].provides):
            return "existing"
    return "fact"


def _cost(action: Action, cost: tuple[int, int] | None, cost_class: CostClass | None
          ) -> Cost:
    if cost is not None:
        return Cost(cost[0], cost[1], "plan")
    if cost_class is not None:
        low, high = COST_CLASSES[cost_class]
        return Cost(low, high, "plan-class", cost_class)
    if action.cost_class is not None:
        low, high = COST_CLASSES[action.cost_class]
        return Cost(low, high, "set-class", action.cost_class)
    low, high = COST_CLASSES[DEFAULT_COST_CLASS]
    return Cost(low, high, "default-class", DEFAULT_COST_CLASS)


def _funding(action: Action, plan_funding: Sequence[str]) -> tuple[str, ...]:
    if plan_funding:
        return tuple(plan_funding)
    return action.funding or DEFAULT_FUNDING


def _rank(nodes: dict[str, _Node], order: Mapping[str, int]) -> list[_Node]:
    """Benefit and priority of every candidate (rule 2), ranked."""
    max_impact = max((n.impact for n in nodes.values()), default=0.0)
    for n in nodes.values():
        index_term = n.impact / max_impact if max_impact > 0 else 0.0
        n.benefit = index_term + CITIZEN_TERM[n.citizen]
        n.priority = n.boost * n.benefit / EFFORT_POINTS[n.action.effort]
    return sorted(nodes.values(), key=lambda n: (-n.priority, -n.impact, n.action.id))


def _topological(ranked: Sequence[_Node], nodes: dict[str, _Node]) -> list[_Node]:
    """Kahn's algorithm over the prerequisite edges; nodes on a cycle are marked."""
    waiting = {n.action.id: len(n.prerequisites) for n in ranked}
    dependents: dict[str, list[str]] = {}
    for n in ranked:
        for dep in n.prerequisites:
            dependents.setdefault(dep, []).append(n.action.id)
    ready = deque(n.action.id for n in ranked if waiting[n.action.id] == 0)
    out: list[_Node] = []
    while ready:
        action_id = ready.popleft()
        out.append(nodes[action_id])
        for waiter in dependents.get(action_id, ()):
            waiting[waiter] -= 1
            if waiting[waiter] == 0:
                ready.append(waiter)
    for n in ranked:
        if waiting[n.action.id] > 0:
            n.cycle = True
            out.append(n)
    return out


def _inherit(topo: Sequence[_Node], nodes: dict[str, _Node]) -> None:
    """Each prerequisite takes the highest priority of what waits for it (reverse order)."""
    for n in topo:
        n.inherited = n.priority
    for n in reversed(topo):
        for dep in n.prerequisites:
            target = nodes[dep]
            target.inherited = max(target.inherited, n.inherited)
            if n.mandatory is not None or n.for_mandate:
                target.for_mandate = True


@dataclass
class _Ledger:
    """Starts and money left, per year (mutable inside the scheduler only)."""

    plan: Plan
    starts: dict[int, int] = field(default_factory=dict)
    owner_starts: dict[tuple[int, str], int] = field(default_factory=dict)
    left: dict[int, dict[str, int]] = field(default_factory=dict)

    def money_left(self, year: int) -> dict[str, int] | None:
        if self.plan.budget is None:
            return None
        if year not in self.left:
            self.left[year] = self.plan.envelope(year) or {}
        return self.left[year]


def _schedule(ranked: Sequence[_Node], nodes: dict[str, _Node], plan: Plan, first: int,
              last: int, deadline: int, median_benefit: float) -> list[Reason]:
    """Place the candidates year by year (rule 3); return the warnings."""
    ledger = _Ledger(plan)
    quick_total = 0
    quick_by_dimension: dict[str, int] = {}
    warnings: list[Reason] = []

    def by_inherited(items: Iterable[_Node]) -> list[_Node]:
        return sorted(items, key=lambda n: (-n.inherited, -n.priority, -n.impact,
                                            n.action.id))

    ordered = by_inherited(n for n in ranked if not n.cycle)
    for year in range(first, last + 1):
        pinned = [n for n in ordered if n.pinned is not None and n.pinned <= year]
        mandatory = [n for n in ordered if (n.mandatory is not None or n.for_mandate)
                     and n.pinned is None]
        quick: list[_Node] = []
        if year < first + plan.quick_wins.years and plan.quick_wins.max > 0:
            quick = [n for n in ordered if n.quick_eligible and n.pinned is None
                     and n.mandatory is None and n.benefit >= median_benefit - _EPS]
        rest = [n for n in ordered if n.pinned is None]
        for group, kind in ((pinned, "pin"), (mandatory, "mandatory"), (quick, "quick-win"),
                            (rest, "priority")):
            for n in group:
                if n.start is not None:
                    continue
                if kind == "quick-win":
                    if quick_total >= plan.quick_wins.max or quick_by_dimension.get(
                            n.dimension, 0) >= plan.quick_wins.per_dimension:
                        continue
                if _try(n, year, nodes, ledger, plan, last):
                    if kind == "quick-win":
                        n.quick = True
                        quick_total += 1
                        quick_by_dimension[n.dimension] = quick_by_dimension.get(
                            n.dimension, 0) + 1
                    n.why = _why(n, kind)
    warnings += [w for w in map(_pin_warning, ordered) if w is not None]
    return warnings


def _pin_warning(n: _Node) -> Reason | None:
    """A pinned action that starts late or never (None: no pin, or on time)."""
    if n.pinned is None or n.start == n.pinned:
        return None
    if n.start is None:
        return _in_both(lambda lang: tr("warn_pin_unscheduled", lang, action=n.action.id,
                                        pinned=n.pinned))
    return _in_both(lambda lang: tr("warn_pin_moved", lang, action=n.action.id,
                                    pinned=n.pinned, start=n.start))


def _late(mandate: MandateResult, deadline: int) -> Reason:
    """The warning of a mandatory action that cannot start by the deadline."""
    return _in_both(lambda lang: tr("warn_mandatory_late", lang, action=mandate.action,
                                    regulation=mandate.regulation, deadline=deadline))


def _why(n: _Node, kind: str) -> Why:
    if kind == "pin":
        return "pin"
    if kind == "mandatory":
        return "mandatory" if n.mandatory is not None else "prerequisite"
    if kind == "quick-win":
        return "quick-win"
    if n.pulled_by and not n.gap.open:
        return "prerequisite"
    return "priority"


def _block(n: _Node, year: int, block: Reason, *, money: bool = False) -> bool:
    """Record what stopped ``n`` in ``year``; False (it was not placed)."""
    if n.first_block is None:
        n.first_block = _in_both(lambda lang: tr("reason_blocked_in", lang, year=year,
                                                 block=block.get(lang)))
    if money:
        n.money_block = block
    else:
        n.other_block = block
    return False


def _try(n: _Node, year: int, nodes: dict[str, _Node], ledger: _Ledger, plan: Plan,
         last: int) -> bool:
    """Place ``n`` in ``year`` when every rule allows; record what stopped it otherwise."""
    for dep in n.prerequisites:
        other = nodes[dep]
        if other.start is None or other.start + other.duration - 1 >= year:
            return _block(n, year, _waits(dep, other))
    end = year + n.duration - 1
    if end > last:
        return _block(n, year, _in_both(lambda lang: tr("block_past_end", lang, end=end,
                                                        last=last)))
    if ledger.starts.get(year, 0) >= plan.capacity.per_year:
        return _block(n, year, _in_both(lambda lang: tr("block_capacity", lang,
                                                        limit=plan.capacity.per_year)))
    limit = _owner_limit(plan, n.owner)
    if limit is not None and ledger.owner_starts.get((year, n.owner), 0) >= limit:
        return _block(n, year, _in_both(lambda lang: tr("block_owner_limit", lang,
                                                        owner=n.owner, limit=limit)))
    allocations, short = _allocate(n, year, ledger)
    if short is not None:
        return _block(n, year, short, money=True)
    n.start = year
    n.allocations = allocations
    for allocation in n.allocations:
        left = ledger.money_left(allocation.year)
        if left is not None:
            left[allocation.source] = left.get(allocation.source, 0) - allocation.money.high
    ledger.starts[year] = ledger.starts.get(year, 0) + 1
    ledger.owner_starts[(year, n.owner)] = ledger.owner_starts.get((year, n.owner), 0) + 1
    return True


def _waits(dep: str, other: _Node) -> Reason:
    """``n`` waits for its prerequisite ``dep`` (with its years when it is scheduled)."""
    if other.start is None:
        return _in_both(lambda lang: tr("block_waits", lang, action=dep))
    start, end = other.start, other.start + other.duration - 1
    return _in_both(lambda lang: tr("block_waits_until", lang, action=dep, start=start,
                                    end=end))


def _owner_limit(plan: Plan, owner: str) -> int | None:
    for name, limit in plan.capacity.per_owner:
        if plan.owner(name) == owner:
            return limit
    return None


def _split(total: int, parts: int) -> list[int]:
    """``total`` in ``parts`` whole-rupiah shares; the last takes the remainder."""
    share = total // parts
    return [share] * (parts - 1) + [total - share * (parts - 1)]


def _allocate(n: _Node, year: int, ledger: _Ledger
              ) -> tuple[tuple[Allocation, ...], Reason | None]:
    """Allocations of each year's share over the funding sources in order (greedy on the
    high bound), or the reason it does not fit."""
    highs = _split(n.cost.high, n.duration)
    lows = _split(n.cost.low, n.duration)
    out: list[Allocation] = []
    for k in range(n.duration):
        when = year + k
        left = ledger.money_left(when)
        if left is None:
            out.append(Allocation(when, n.funding[0], Money(lows[k], highs[k])))
            continue
        need = highs[k]
        available = sum(max(0, left.get(s, 0)) for s in n.funding)
        if available < need:
            return (), _short(n.funding, need, available, when)
        parts: list[tuple[str, int]] = []
        for source in n.funding:
            take = min(need, max(0, left.get(source, 0)))
            if take > 0:
                parts.append((source, take))
                need -= take
            if need == 0:
                break
        if not parts:  # a zero-cost year: book it on the first source
            parts = [(n.funding[0], 0)]
        high_total = sum(p for _, p in parts)
        low_left = lows[k]
        for number, (source, high) in enumerate(parts):
            if number == len(parts) - 1:
                low = low_left
            else:
                low = lows[k] * high // high_total if high_total else 0
            low_left -= low
            out.append(Allocation(when, source, Money(low, high)))
    return tuple(out), None


def _short(funding: Sequence[str], need: int, available: int, year: int) -> Reason:
    """A year's share of the cost that the envelopes of ``funding`` cannot carry."""
    return _in_both(lambda lang: tr("block_money", lang, cost=_rupiah(need, lang),
                                    sources=_sources(funding, lang), year=year,
                                    left=_rupiah(available, lang)))


def _rupiah(amount: int, lang: str) -> str:
    """``Rp1,2 miliar`` / ``Rp1.2 billion`` (juta/million below a billion), in the words of
    the reports (``rp_*``) but with one decimal at most: the reasons' own rounding, which
    differs from the reports' :func:`smartcity_assess.report.money.rupiah` (two decimals
    under 10, whole millions)."""
    if amount == 0:
        return "Rp0"
    if amount >= 1_000_000_000_000:
        value, key = amount / 1e12, "rp_trillion"
    elif amount >= 1_000_000_000:
        value, key = amount / 1e9, "rp_billion"
    else:
        value, key = amount / 1e6, "rp_million"
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    return tr(key, lang, value=shown if lang == "en" else shown.replace(".", ","))


def _span(years: Sequence[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _planned(n: _Node, rank: int, first: int, count: int, plan: Plan) -> PlannedAction:
    status: Status
    if n.start is not None:
        status = "scheduled"
        phase: Phase = "quick-win" if n.quick else phase_of(n.start - first + 1)
    else:
        status = "unfunded" if n.money_block is not None and not n.cycle else "beyond_horizon"
        phase = "deferred"
    return PlannedAction(
        action=n.action, gap=n.gap, impact=n.impact, benefit=n.benefit,
        effort_points=EFFORT_POINTS[n.action.effort], priority=n.priority, rank=rank,
        quick_win=n.quick, start_year=n.start, duration=n.duration, phase=phase,
        status=status, reason=_reason(n, status, rank, count, plan), owner=n.owner,
        dimension=n.dimension, cost=n.cost, funding=n.funding, nomenclature=n.nomenclature,
        allocations=n.allocations, citizen_impact=n.citizen, boost=n.boost,
        mandatory=n.mandatory, pinned=n.pinned, why=n.why,
        required_by=tuple(sorted(set(n.pulled_by))), prerequisites=tuple(n.prerequisites))


def _reason(n: _Node, status: Status, rank: int, count: int, plan: Plan) -> Reason:
    """The one line of rule 3 for a placement, or for its absence."""
    return _in_both(lambda lang: _reason_in(n, status, rank, count, plan, lang))


def _reason_in(n: _Node, status: Status, rank: int, count: int, plan: Plan,
               lang: str) -> str:
    """:func:`_reason` in one language."""
    if n.cycle:
        return tr("reason_beyond", lang, block=text("block_cycle", lang))
    if n.start is None:
        block = n.money_block if status == "unfunded" else n.other_block
        stopped = block.get(lang) if block is not None else text("block_does_not_fit", lang)
        if status == "unfunded":
            return tr("reason_unfunded", lang, block=stopped)
        return tr("reason_beyond", lang, block=stopped)
    year = n.start
    if n.why == "pin":
        why = tr("reason_pinned", lang, year=n.pinned)
    elif n.why == "mandatory":
        why = tr("reason_mandatory", lang, regulation=n.mandatory)
    elif n.why == "quick-win":
        name = KOMINFO_TITLES.get(n.dimension)
        why = tr("reason_quick_win", lang, dimension=name.get(lang) if name else n.dimension)
    elif n.why == "prerequisite":
        why = tr("reason_prerequisite", lang, waiting=", ".join(sorted(set(n.pulled_by))))
    else:
        why = tr("reason_priority", lang, rank=rank, count=count)
    if n.boost != 1.0:
        factor = f"{n.boost:g}"
        why = tr("reason_boosted", lang, why=why,
                 factor=factor if lang == "en" else factor.replace(".", ","))
    end = year + n.duration - 1
    years = str(year) if end == year else f"{year}–{end}"
    if plan.budget is None:
        money = text("reason_no_budget", lang)
    else:
        used = sorted({a.source for a in n.allocations}, key=n.funding.index)
        money = tr("reason_budget_allows", lang, sources=_sources(used, lang), years=years)
    line = tr("reason_scheduled", lang, year=year, why=why, money=money)
    if n.first_block is not None:
        line = tr("reason_held_back", lang, reason=line, block=n.first_block.get(lang))
    return line


def _sources(sources: Sequence[str], lang: str) -> str:
    """``APBD/Dana Desa``: funding sources as a reader writes them."""
    return "/".join(text(FUNDING_KEYS[s], lang) if s in FUNDING_KEYS else s for s in sources)


def _resolve(edge: Dependency, by_id: Mapping[str, PlannedAction]) -> Dependency:
    if edge.basis != "scheduled":
        return edge
    target = by_id[edge.depends_on]
    if target.status == "scheduled":
        return edge
    basis: DependencyBasis = "unfunded" if target.status == "unfunded" else "beyond_horizon"
    return Dependency(edge.action, edge.depends_on, "deferred", basis, edge.artefact)


def _mandate(action_id: str, regulation: str, by_id: Mapping[str, PlannedAction],
             realised: Mapping[str, Existing], deadline: int) -> MandateResult:
    if action_id in realised:
        return MandateResult(action_id, regulation, realised[action_id].since, deadline,
                             "existing")
    planned = by_id[action_id]
    return MandateResult(action_id, regulation, planned.start_year, deadline, planned.status)


def _year_cost(year: int, actions: Sequence[PlannedAction], plan: Plan) -> YearCost:
    totals: dict[str, Money] = {}
    for planned in actions:
        for allocation in planned.allocations:
            if allocation.year == year:
                totals[allocation.source] = totals.get(allocation.source, ZERO) + \
                    allocation.money
    envelope = plan.envelope(year)
    return YearCost(year, tuple(sorted(totals.items())),
                    None if envelope is None else tuple(sorted(envelope.items())))


def _leads(plan: Plan, actions: Sequence[PlannedAction]) -> tuple[DimensionLead, ...]:
    named = {d: plan.owner(o) for d, o in plan.institutions.leads}
    present = {a.dimension for a in actions} | set(named)
    ordered = [d for d in DIMENSIONS if d in present] + sorted(present - set(DIMENSIONS))
    leads: list[DimensionLead] = []
    for dimension in ordered:
        if dimension in named:
            leads.append(DimensionLead(dimension, named[dimension], True))
            continue
        counts: dict[str, tuple[int, int]] = {}
        for planned in actions:
            if planned.dimension == dimension and planned.scheduled:
                count, money = counts.get(planned.owner, (0, 0))
                counts[planned.owner] = (count + 1, money + planned.cost.high)
        owner = min(counts, key=lambda o: (-counts[o][0], -counts[o][1], o)) if counts \
            else None
        leads.append(DimensionLead(dimension, owner, False))
    return tuple(leads)


# --- projection ----------------------------------------------------------------------------


def reaggregate(result: RegionResult, indicator_set: IndicatorSet,
                scores: Mapping[str, float | None], *,
                pillar_scores: Mapping[str, float | None] | None = None
                ) -> tuple[float | None, dict[str, float | None]]:
    """Index and pillar scores when indicators take the given scores (others unchanged).

    Runs the engine's own tree evaluation (:meth:`smartcity_assess.scoring.tree.Tree.evaluate`:
    weights renormalised over assessed children, minimum coverage, the set's aggregators), so
    that a projection with no change reproduces the assessment exactly. ``pillar_scores``
    replaces whole pillars before the index is formed (plan targets for some pillars).
    """
    from ..scoring.tree import Tree

    tree = Tree(indicator_set)
    results = {r.id: r for r in result.indicators()}
    base: list[float | None] = []
    coverage: list[float] = []
    for indicator in tree.indicators:
        found = results.get(indicator.id)
        score = found.score if found is not None else None
        if found is not None and score is not None and indicator.id in scores:
            score = scores[indicator.id]
        base.append(score)
        coverage.append(found.coverage if found is not None else 0.0)
    out, cov = tree.evaluate(base, coverage)
    pillars = {p.id: out[tree.node_of_group[p.id]] for p in indicator_set.pillars}
    index = out[tree.root]
    if pillar_scores:
        for pillar_id, value in pillar_scores.items():
            out[tree.node_of_group[pillar_id]] = value
            pillars[pillar_id] = value
        root = tree.groups[-1]
        index, _ = tree.node_score(len(tree.groups) - 1, out, cov, root.weights,
                                   root.aggregation)
    return index, pillars


def _project(result: RegionResult, indicator_set: IndicatorSet,
             actions: Sequence[PlannedAction], start: int, years: int) -> Series:
    top = indicator_set.scale[1]
    base = {r.id: r.score for r in result.indicators()}
    with_actions = {a.gap.indicator for a in actions if a.scheduled}
    touched = [r.id for r in result.indicators()
               if r.id in with_actions and r.score is not None]
    gains: dict[str, list[PlannedAction]] = {}
    for planned in actions:
        if planned.scheduled:
            gains.setdefault(planned.gap.indicator, []).append(planned)
    index_series: list[float | None] = []
    pillar_series: dict[str, list[float | None]] = {p.id: [] for p in result.pillars}
    indicator_series: dict[str, list[float | None]] = {i: [] for i in touched}
    for offset in range(0, years + 1):
        year_end = start + offset - 1  # offset 0: the baseline, before the plan starts
        scores: dict[str, float | None] = {}
        for indicator_id in touched:
            score = base[indicator_id]
            assert score is not None  # only assessed indicators are projected
            added = 0.0
            for planned in gains.get(indicator_id, ()):
                assert planned.start_year is not None
                done = (year_end - planned.start_year + 1) / planned.duration
                added += planned.action.gain * min(1.0, max(0.0, done))
            scores[indicator_id] = min(top, score + added)
            indicator_series[indicator_id].append(scores[indicator_id])
        index, pillars = reaggregate(result, indicator_set, scores)
        index_series.append(index)
        for pillar_id, value in pillars.items():
            pillar_series[pillar_id].append(value)
    return Series(
        index=tuple(index_series),
        pillars=tuple((k, tuple(v)) for k, v in pillar_series.items()),
        indicators=tuple((k, tuple(v)) for k, v in indicator_series.items()),
    )


def _targets(result: RegionResult, indicator_set: IndicatorSet, plan: Plan
             ) -> tuple[float | None, tuple[tuple[str, float | None], ...]]:
    """Targets at the end of the horizon (see rule 5 in the module docstring)."""
    at_target = {r.id: max(r.score, r.target_score) for r in result.indicators()
                 if r.score is not None and r.target_score is not None}
    derived_index, derived_pillars = reaggregate(result, indicator_set, at_target)
    pillar_targets: list[tuple[str, float | None]] = []
    for pillar in result.pillars:
        own = plan.targets.pillar(pillar.id)
        value = own if own is not None and pillar.score is not None else \
            derived_pillars[pillar.id]
        pillar_targets.append((pillar.id, value))
    if plan.targets.index is not None:
        return plan.targets.index, tuple(pillar_targets)
    if plan.targets.pillars:
        index, _ = reaggregate(result, indicator_set, at_target,
                               pillar_scores=dict(pillar_targets))
        return index, tuple(pillar_targets)
    return derived_index, tuple(pillar_targets)


def _line(start: float | None, end: float | None, years: int) -> tuple[float | None, ...]:
    if start is None or end is None:
        return (None,) * (years + 1)
    return tuple(start + (end - start) * k / years for k in range(years + 1))


def _target_path(result: RegionResult, projection: Series, index_target: float | None,
                 pillar_targets: tuple[tuple[str, float | None], ...], years: int
                 ) -> Series:
    targets = dict(pillar_targets)
    indicators = {r.id: r for r in result.indicators()}
    touched = [i for i, _ in projection.indicators]
    indicator_paths = []
    for indicator_id in touched:
        current = indicators[indicator_id]
        end = current.target_score
        if end is not None and current.score is not None:
            end = max(end, current.score)
        indicator_paths.append((indicator_id, _line(current.score, end, years)))
    return Series(
        index=_line(result.score, index_target, years),
        pillars=tuple((p.id, _line(p.score, targets.get(p.id), years))
                      for p in result.pillars),
        indicators=tuple(indicator_paths),
    )


def _kpis(result: RegionResult, indicator_set: IndicatorSet, projection: Series,
          target_path: Series, baseline_year: int, first: int) -> tuple[Kpi, ...]:
    def by_year(values: Sequence[float | None]) -> tuple[tuple[int, float | None], ...]:
        return tuple((first + k, v) for k, v in enumerate(values[1:]))

    rows = [Kpi("index", "index", result.score, baseline_year, by_year(target_path.index),
                by_year(projection.index))]
    for pillar in result.pillars:
        rows.append(Kpi("pillar", pillar.id, pillar.score, baseline_year,
                        by_year(target_path.pillar(pillar.id)),
                        by_year(projection.pillar(pillar.id))))
    indicators = indicator_set.indicator_map()
    results = {r.id: r for r in result.indicators()}
    for indicator_id, path in target_path.indicators:
        indicator = indicators[indicator_id]
        rows.append(Kpi("indicator", indicator_id, results[indicator_id].score, baseline_year,
                        by_year(path), by_year(projection.indicator(indicator_id)),
                        roles=indicator.roles, references=indicator.references,
                        value=results[indicator_id].value))
    return tuple(rows)
