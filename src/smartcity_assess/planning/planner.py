"""From scores and the action catalogue to a ranked, phased roadmap. Pure: no I/O.

The rules, in the order they apply (docs/plan-file.md explains them for users):

1. **Gaps.** An action of indicator *i* is proposed when *i* is assessed and its score is
   below the action's ``applies_below`` (or, when that is None, below *i*'s target score, or
   the top of the scale when *i* has no target). Not-assessed indicators get no actions: the
   report lists them as data to collect.
2. **Impact** = effective weight of *i* in the index × min(gain, headroom), where the headroom
   is the target score minus the score (the top of the scale when there is no target). The
   **priority** is impact ÷ effort points (low 1, medium 2, high 3); rank 1 is the highest.
3. **Quick wins** are actions whose catalogue horizon is ``quick-win``, and low-effort actions
   whose impact is at least the median impact of all proposed actions. Up to
   ``quick_wins_per_year`` start in year one; catalogue quick wins left over wait for the next
   year's quick-win slots, promoted ones become ordinary programs.
4. **Programs** are scheduled year by year in priority order, at most ``capacity.per_year``
   starts a year (and ``per_owner`` for an owner that has a limit). An action starts only once
   every proposed action it depends on has finished. A dependency that is *not* proposed is
   taken as already in place when its indicator is assessed (its score says it is not
   needed), and marked "to verify" when its indicator is not assessed; neither blocks.
   Prerequisites inherit the priority of what waits for them, so they are not starved.
   Actions that do not fit in the horizon are *deferred* (listed, not dropped).
5. **Duration** follows the catalogue horizon: quick win and short 1 year, medium 2, long 3.
   The **phase** follows the start year: years 1–2 short, 3–5 medium, 6–10 long.
6. **Projection.** A scheduled action adds its gain to its indicator's score spread evenly over
   its duration (capped at the top of the scale); the indicator scores are re-aggregated
   through the tree with the engine's own aggregation, giving index and pillar scores by year.
7. **Targets** for the end of the horizon: the plan's, else the score the tree would have if
   every indicator reached its target (the index from the pillar targets when the plan sets
   only those). Yearly KPI targets go linearly from the baseline to the target.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..errors import InputError
from ..indicators.model import Action, Effort, Horizon, IndicatorSet
from ..scoring.results import IndicatorResult, RegionResult
from .plan import Plan, check_plan

Phase = Literal["quick-win", "short", "medium", "long", "deferred"]
PHASES: tuple[Phase, ...] = ("quick-win", "short", "medium", "long", "deferred")
DependencyStatus = Literal["scheduled", "in-place", "unverified", "deferred"]

EFFORT_POINTS: dict[Effort, int] = {"low": 1, "medium": 2, "high": 3}
"""Effort in points: the divisor of impact in the priority."""
DURATION: dict[Horizon, int] = {"quick-win": 1, "short": 1, "medium": 2, "long": 3}
"""Years an action takes, by its catalogue horizon."""
SHORT_UNTIL = 2
"""Last year (1-based) of the short phase."""
MEDIUM_UNTIL = 5
"""Last year (1-based) of the medium phase; later years are the long phase."""


@dataclass(frozen=True)
class Gap:
    """The shortfall that called for an action."""

    indicator: str
    pillar: str
    score: float
    """Score of the indicator in the assessment."""
    target_score: float | None
    """The indicator's target as a score (None: no target)."""
    threshold: float
    """Score under which the action applies (``applies_below``, else target, else top)."""
    gap: float
    """Headroom in score points: target score (or top of the scale) minus score, at least 0."""
    effective_weight: float
    """Weight of the indicator in the index."""
    value: float | None = None
    """The combined raw value, for the reader."""
    target: float | None = None
    """The raw target, for the reader."""


@dataclass(frozen=True)
class PlannedAction:
    """An action proposed for a gap, ranked and placed on the calendar."""

    action: Action
    gap: Gap
    impact: float
    """Effective weight × min(gain, gap): index points the action is expected to add."""
    effort_points: int
    priority: float
    """Impact ÷ effort points."""
    rank: int
    """1 = highest priority among the proposed actions."""
    quick_win: bool
    start_year: int | None
    """Calendar year it starts (None: deferred beyond the horizon)."""
    duration: int
    phase: Phase
    required_by: tuple[str, ...] = ()
    """Proposed actions that wait for this one."""

    @property
    def id(self) -> str:
        """The action's id."""
        return self.action.id

    @property
    def owner(self) -> str:
        """Short name of the agency responsible."""
        return self.action.owner

    @property
    def pillar(self) -> str:
        """Pillar of the indicator the action serves."""
        return self.gap.pillar

    @property
    def end_year(self) -> int | None:
        """Last calendar year of work (None when deferred)."""
        return None if self.start_year is None else self.start_year + self.duration - 1

    @property
    def scheduled(self) -> bool:
        """True when the action starts within the horizon."""
        return self.start_year is not None


@dataclass(frozen=True)
class Dependency:
    """One ``depends_on`` edge of a proposed action, and how the roadmap treats it."""

    action: str
    depends_on: str
    status: DependencyStatus
    """``scheduled`` (proposed and placed before), ``in-place`` (not needed: its indicator is at
    or above the threshold), ``unverified`` (its indicator was not assessed), ``deferred``."""


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
class Roadmap:
    """A phased roadmap for one region-year."""

    region: str
    baseline_year: int
    """Year of the assessment (the projection's first point)."""
    start_year: int
    """First year of the plan."""
    years: int
    """Length of the horizon in years."""
    actions: tuple[PlannedAction, ...]
    """Every proposed action, by rank."""
    dependencies: tuple[Dependency, ...]
    projection: Series
    """Projected scores at the end of each year, baseline first (``years + 1`` points)."""
    target_path: Series
    """Yearly KPI targets: linear from the baseline to the target, baseline first."""
    index_target: float | None
    pillar_targets: tuple[tuple[str, float | None], ...]
    not_assessed: tuple[str, ...]
    """Indicators without a score (no actions can be proposed for them)."""
    median_impact: float
    """The impact threshold for a "high impact" quick win and the impact–effort matrix."""
    capacity_per_year: int
    quick_wins_per_year: int

    @property
    def end_year(self) -> int:
        """Last year of the plan."""
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
        """Actions that do not fit in the horizon, by rank."""
        return tuple(a for a in self.actions if a.start_year is None)

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
        """Actions of one phase, by start year then rank (deferred ones by rank)."""
        if phase == "deferred":
            return self.deferred()
        return tuple(a for a in self.scheduled() if a.phase == phase)

    def owners(self) -> tuple[str, ...]:
        """Agencies with at least one proposed action, sorted."""
        return tuple(sorted({a.owner for a in self.actions}))

    def for_owner(self, owner: str) -> tuple[PlannedAction, ...]:
        """Actions of one agency: scheduled by start year, then deferred."""
        return tuple(a for a in (*self.scheduled(), *self.deferred()) if a.owner == owner)

    def for_pillar(self, pillar_id: str) -> tuple[PlannedAction, ...]:
        """Actions serving one pillar: scheduled by start year, then deferred."""
        return tuple(a for a in (*self.scheduled(), *self.deferred()) if a.pillar == pillar_id)

    def action(self, action_id: str) -> PlannedAction:
        """A proposed action by id."""
        for planned in self.actions:
            if planned.id == action_id:
                return planned
        raise KeyError(action_id)

    def pillar_target(self, pillar_id: str) -> float | None:
        """Target of one pillar at the end of the horizon."""
        return dict(self.pillar_targets).get(pillar_id)


def phase_of(offset: int) -> Phase:
    """Phase of a 1-based plan year."""
    if offset <= SHORT_UNTIL:
        return "short"
    if offset <= MEDIUM_UNTIL:
        return "medium"
    return "long"


def build_roadmap(result: RegionResult, indicator_set: IndicatorSet, plan: Plan, *,
                  reference_year: int | None = None) -> Roadmap:
    """Propose, rank, schedule and project the actions for one region-year.

    ``reference_year`` is used for the baseline when the result has no year and the plan no
    start year (the report passes the year of its date); failing that the plan starts in
    year 1.
    """
    problems = check_plan(plan, indicator_set)
    if problems:
        raise InputError(problems)
    years = plan.horizon.years
    if plan.horizon.start_year is not None:
        start = plan.horizon.start_year
    elif result.year is not None:
        start = result.year + 1
    elif reference_year is not None:
        start = reference_year + 1
    else:
        start = 1
    baseline_year = result.year if result.year is not None else start - 1

    pillar_of = _pillar_of(indicator_set)
    results = {r.id: r for r in result.indicators()}
    top = indicator_set.scale[1]

    candidates = _propose(indicator_set, results, pillar_of, top)
    impacts = [c.impact for c in candidates]
    median_impact = statistics.median(impacts) if impacts else 0.0
    ranked = sorted(candidates, key=lambda c: (-c.priority, -c.impact, c.action.id))
    proposed = {c.action.id: c for c in ranked}
    required_by = _required_by(ranked, proposed)
    schedule = _schedule(ranked, proposed, required_by, plan, years, median_impact)

    actions = tuple(_planned(c, rank, schedule[c.action.id], start,
                             tuple(sorted(required_by.get(c.action.id, ()))))
                    for rank, c in enumerate(ranked, start=1))
    dependencies = tuple(_dependencies(actions, indicator_set, results))

    projection = _project(result, indicator_set, actions, start, years)
    index_target, pillar_targets = _targets(result, indicator_set, plan)
    target_path = _target_path(result, projection, index_target, pillar_targets, years)
    return Roadmap(
        region=plan.region.name or result.region,
        baseline_year=baseline_year,
        start_year=start,
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
        quick_wins_per_year=plan.quick_wins_per_year,
    )


# --- proposing and ranking ---------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    action: Action
    gap: Gap
    impact: float
    effort_points: int
    priority: float


def _pillar_of(indicator_set: IndicatorSet) -> dict[str, str]:
    return {ind.id: pillar.id for pillar in indicator_set.pillars
            for ind in pillar.indicators()}


def _threshold(action: Action, result: IndicatorResult, top: float) -> float:
    if action.applies_below is not None:
        return action.applies_below
    if result.target_score is not None:
        return result.target_score
    return top


def _propose(indicator_set: IndicatorSet, results: dict[str, IndicatorResult],
             pillar_of: dict[str, str], top: float) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for action in indicator_set.actions():
        result = results.get(action.indicator)
        if result is None or result.score is None:
            continue
        threshold = _threshold(action, result, top)
        if not result.score < threshold - 1e-9:
            continue
        ceiling = result.target_score if result.target_score is not None else top
        headroom = max(0.0, ceiling - result.score)
        gap = Gap(indicator=result.id, pillar=pillar_of[result.id], score=result.score,
                  target_score=result.target_score, threshold=threshold, gap=headroom,
                  effective_weight=result.effective_weight, value=result.value,
                  target=result.target)
        impact = result.effective_weight * min(action.gain, headroom)
        points = EFFORT_POINTS[action.effort]
        candidates.append(_Candidate(action, gap, impact, points, impact / points))
    return candidates


def _required_by(ranked: Sequence[_Candidate], proposed: dict[str, _Candidate]
                 ) -> dict[str, set[str]]:
    waiting: dict[str, set[str]] = {}
    for candidate in ranked:
        for dep in candidate.action.depends_on:
            if dep in proposed:
                waiting.setdefault(dep, set()).add(candidate.action.id)
    return waiting


# --- scheduling --------------------------------------------------------------------------

_Slot = tuple[int | None, bool, int]
"""(1-based start year or None, quick win?, duration)."""


def _inherited_priority(ranked: Sequence[_Candidate], required_by: dict[str, set[str]]
                        ) -> dict[str, float]:
    """Each action's priority raised to the highest priority of anything waiting for it."""
    own = {c.action.id: c.priority for c in ranked}
    memo: dict[str, float] = {}

    def visit(action_id: str, trail: frozenset[str]) -> float:
        if action_id in memo:
            return memo[action_id]
        best = own[action_id]
        for waiter in required_by.get(action_id, ()):
            if waiter not in trail:  # the loader rejects cycles; stay safe anyway
                best = max(best, visit(waiter, trail | {waiter}))
        memo[action_id] = best
        return best

    return {c.action.id: visit(c.action.id, frozenset({c.action.id})) for c in ranked}


def _schedule(ranked: Sequence[_Candidate], proposed: dict[str, _Candidate],
              required_by: dict[str, set[str]], plan: Plan, years: int,
              median_impact: float) -> dict[str, _Slot]:
    inherited = _inherited_priority(ranked, required_by)
    order = sorted(ranked, key=lambda c: (-inherited[c.action.id], -c.priority, -c.impact,
                                          c.action.id))
    qw_limit = plan.quick_wins_per_year
    catalogue_qw = {c.action.id for c in ranked if c.action.horizon == "quick-win"
                    and qw_limit > 0}
    promoted = {c.action.id for c in ranked if c.action.horizon != "quick-win"
                and c.action.effort == "low" and c.impact > 0
                and c.impact >= median_impact - 1e-12 and qw_limit > 0}
    slots: dict[str, _Slot] = {}

    def finished_before(action_id: str, year: int) -> bool:
        slot = slots.get(action_id)
        return slot is not None and slot[0] is not None and slot[0] + slot[2] - 1 < year

    def ready(candidate: _Candidate, year: int) -> bool:
        return all(finished_before(dep, year) for dep in candidate.action.depends_on
                   if dep in proposed)

    for year in range(1, years + 1):
        quick_left = qw_limit
        for candidate in order:
            action_id = candidate.action.id
            if action_id in slots or quick_left == 0:
                continue
            eligible = action_id in catalogue_qw or (year == 1 and action_id in promoted)
            if eligible and ready(candidate, year):
                slots[action_id] = (year, True, DURATION["quick-win"])
                quick_left -= 1
        starts = 0
        per_owner: dict[str, int] = {}
        for candidate in order:
            action_id = candidate.action.id
            if action_id in slots or action_id in catalogue_qw:
                continue
            if starts >= plan.capacity.per_year:
                break
            owner = candidate.action.owner
            limit = plan.capacity.owner_limit(owner)
            if limit is not None and per_owner.get(owner, 0) >= limit:
                continue
            if ready(candidate, year):
                slots[action_id] = (year, False, DURATION[candidate.action.horizon])
                starts += 1
                per_owner[owner] = per_owner.get(owner, 0) + 1
    for candidate in ranked:
        action_id = candidate.action.id
        if action_id not in slots:
            quick = action_id in catalogue_qw
            slots[action_id] = (None, quick, DURATION[candidate.action.horizon])
    return slots


def _planned(candidate: _Candidate, rank: int, slot: _Slot, start: int,
             required_by: tuple[str, ...]) -> PlannedAction:
    offset, quick, duration = slot
    return PlannedAction(
        action=candidate.action, gap=candidate.gap, impact=candidate.impact,
        effort_points=candidate.effort_points, priority=candidate.priority, rank=rank,
        quick_win=quick, start_year=None if offset is None else start + offset - 1,
        duration=duration, phase=_phase(slot), required_by=required_by)


def _phase(slot: _Slot) -> Phase:
    start, quick, _ = slot
    if start is None:
        return "deferred"
    if quick:
        return "quick-win"
    return phase_of(start)


def _dependencies(actions: Sequence[PlannedAction], indicator_set: IndicatorSet,
                  results: dict[str, IndicatorResult]) -> Iterator[Dependency]:
    by_id = {a.id: a for a in actions}
    catalogue = {a.id: a for a in indicator_set.actions()}
    for planned in actions:
        for dep in planned.action.depends_on:
            status: DependencyStatus
            if dep in by_id:
                status = "scheduled" if by_id[dep].scheduled else "deferred"
            else:
                source = catalogue.get(dep)
                result = results.get(source.indicator) if source else None
                status = "in-place" if result is not None and result.score is not None \
                    else "unverified"
            yield Dependency(action=planned.id, depends_on=dep, status=status)


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
    touched = [r.id for r in result.indicators() if r.id in with_actions]
    index_series: list[float | None] = []
    pillar_series: dict[str, list[float | None]] = {p.id: [] for p in result.pillars}
    indicator_series: dict[str, list[float | None]] = {i: [] for i in touched}
    for offset in range(0, years + 1):
        year_end = start + offset - 1  # offset 0: the baseline, before the plan starts
        scores: dict[str, float | None] = {}
        for indicator_id in touched:
            score = base[indicator_id]
            assert score is not None  # actions are only proposed for assessed indicators
            added = 0.0
            for planned in actions:
                if planned.gap.indicator != indicator_id or planned.start_year is None:
                    continue
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
    """Targets at the end of the horizon (see rule 7 in the module docstring)."""
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
