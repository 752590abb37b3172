"""The planner on the two-pillar fixture, every number worked out by hand.

Scores (see fixtures/two-pillar.yaml): net 50 (target 80), dc 25 (likert 2 of 1–5; target 4 →
75), svc 40 (target 90), data 30 (target 60). Pillars are arithmetic means: infra = (50 + 25)/2
= 37.5; gov = 2/3·40 + 1/3·30 = 36.667; the index is their geometric mean, √(37.5·36.667) =
37.081. Carried weights (all assessed): net ¼, dc ¼, svc ⅓, data ⅙.

Impact = carried weight × min(gain, headroom); the index term is impact ÷ the largest impact
(6.25); every action has the default citizen impact "low" (term ⅓); priority = benefit ÷
effort points:

| action      | impact      | index term | benefit | effort | priority |
|-------------|-------------|------------|---------|--------|----------|
| svc-portal  | ⅓·15 = 5    | 0.8        | 1.1333  | low 1  | 1.1333   |
| dc-build    | ¼·25 = 6.25 | 1          | 1.3333  | med 2  | 0.6667   |
| data-portal | ⅙·10 = 1.67 | 0.2667     | 0.6     | low 1  | 0.6      |
| net-wifi    | ¼·5 = 1.25  | 0.2        | 0.5333  | low 1  | 0.5333   |
| svc-mpp     | ⅓·10 = 3.33 | 0.5333     | 0.8667  | med 2  | 0.4333   |
| net-fiber   | ¼·20 = 5    | 0.8        | 1.1333  | high 3 | 0.3778   |

Median benefit = (0.8667 + 1.1333)/2 = 1.0: the catalogue quick wins net-wifi and data-portal
lie below it (the low-impact quadrant) and are ordinary programs; svc-portal (low effort, one
year) would be a quick win but waits for dc-build.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

import pytest

from smartcity_assess.errors import InputError
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.planning.plan import Capacity, Period, Plan, QuickWinRule, Targets
from smartcity_assess.planning.planner import build_roadmap, reaggregate
from smartcity_assess.scoring.results import RegionResult

Score = Callable[..., RegionResult]


def test_ranking_and_impact_by_hand(iset: IndicatorSet, result_of: Score) -> None:
    roadmap = build_roadmap(result_of(iset), iset, Plan())
    ranked = [(a.id, a.rank) for a in roadmap.actions]
    assert ranked == [("svc-portal", 1), ("dc-build", 2), ("data-portal", 3), ("net-wifi", 4),
                      ("svc-mpp", 5), ("net-fiber", 6)]
    impacts = {a.id: a.impact for a in roadmap.actions}
    assert impacts == pytest.approx({"svc-portal": 5.0, "dc-build": 6.25, "net-fiber": 5.0,
                                     "svc-mpp": 10 / 3, "data-portal": 10 / 6,
                                     "net-wifi": 1.25})
    priorities = {a.id: a.priority for a in roadmap.actions}
    assert priorities == pytest.approx({
        "svc-portal": 0.8 + 1 / 3, "dc-build": (1 + 1 / 3) / 2, "data-portal": 0.6,
        "net-wifi": 0.2 + 1 / 3, "svc-mpp": (10 / 3 / 6.25 + 1 / 3) / 2,
        "net-fiber": (0.8 + 1 / 3) / 3})
    assert roadmap.max_impact == pytest.approx(6.25)
    assert roadmap.median_benefit == pytest.approx(1.0)
    assert roadmap.median_impact == pytest.approx((10 / 3 + 5) / 2)


def test_every_action_carries_its_gap(iset: IndicatorSet, result_of: Score) -> None:
    roadmap = build_roadmap(result_of(iset), iset, Plan())
    fiber = roadmap.action("net-fiber")
    assert fiber.gap.indicator == "net"
    assert fiber.gap.pillar == "infra"
    assert fiber.gap.score == pytest.approx(50.0)
    assert fiber.gap.target_score == pytest.approx(80.0)
    assert fiber.gap.threshold == 70.0  # applies_below
    assert fiber.gap.gap == pytest.approx(30.0)
    wifi = roadmap.action("net-wifi")
    assert wifi.gap.threshold == pytest.approx(80.0)  # no applies_below: the target score
    dc = roadmap.action("dc-build")
    assert (dc.gap.score, dc.gap.target_score, dc.gap.gap) == pytest.approx((25.0, 75.0, 50.0))


def test_schedule_by_hand(iset: IndicatorSet, result_of: Score) -> None:
    roadmap = build_roadmap(result_of(iset), iset, Plan())
    assert (roadmap.baseline_year, roadmap.start_year, roadmap.end_year) == (2025, 2026, 2030)
    slots = {a.id: (a.start_year, a.end_year, a.phase, a.quick_win) for a in roadmap.actions}
    assert slots == {
        "dc-build": (2026, 2027, "short", False),      # medium horizon: 2 years
        "data-portal": (2026, 2026, "short", False),   # below the median benefit: no quick win
        "net-wifi": (2026, 2026, "short", False),
        "svc-mpp": (2026, 2026, "short", False),
        "net-fiber": (2026, 2028, "short", False),     # long horizon: 3 years
        # Rank 1 but it waits for its prerequisite dc-build (2026–2027).
        "svc-portal": (2028, 2028, "medium", False),
    }
    assert [(d.action, d.depends_on, d.status) for d in roadmap.dependencies] == [
        ("svc-portal", "dc-build", "scheduled")]
    assert roadmap.action("dc-build").required_by == ("svc-portal",)
    assert roadmap.action("svc-portal").prerequisites == ("dc-build",)
    assert roadmap.deferred() == ()
    assert roadmap.action("svc-portal").reason.en == (
        "2028: priority 1 of 6; no budget limit set; held back from 2026: waits for dc-build")
    assert roadmap.action("svc-portal").reason.id == (
        "2028: prioritas 1 dari 6; tanpa batas pagu; tertunda dari 2026: menunggu dc-build")


def test_dependencies_are_always_respected(iset: IndicatorSet, result_of: Score) -> None:
    for per_year in (1, 2, 6):
        plan = Plan(capacity=Capacity(per_year=per_year), quick_wins=QuickWinRule(max=1))
        roadmap = build_roadmap(result_of(iset), iset, plan)
        for dep in roadmap.dependencies:
            after, before = roadmap.action(dep.action), roadmap.action(dep.depends_on)
            if after.start_year is not None:
                assert before.end_year is not None and after.start_year > before.end_year


def test_yearly_capacity(iset: IndicatorSet, result_of: Score) -> None:
    roadmap = build_roadmap(result_of(iset), iset, Plan(capacity=Capacity(per_year=1)))
    starts = {a.id: a.start_year for a in roadmap.actions}
    # One start a year in inherited-priority order: dc-build carries svc-portal's 1.133 and
    # goes first; svc-portal waits until dc-build ends (2027); then data, wifi, mpp.
    assert starts == {"dc-build": 2026, "data-portal": 2027, "svc-portal": 2028,
                      "net-wifi": 2029, "svc-mpp": 2030, "net-fiber": None}
    fiber = roadmap.action("net-fiber")
    assert (fiber.status, fiber.phase) == ("beyond_horizon", "deferred")
    # The last year it tried: 2030, and a 3-year program would end in 2032.
    assert fiber.reason.en == ("beyond the horizon: would end in 2032, after the masterplan "
                               "ends in 2030")


def test_capacity_per_owner_counts_quick_wins(iset: IndicatorSet, result_of: Score) -> None:
    plan = Plan(capacity=Capacity(per_year=6, per_owner=(("Diskominfo", 0),)))
    roadmap = build_roadmap(result_of(iset), iset, plan)
    diskominfo = [a for a in roadmap.actions if a.owner == "Diskominfo"]
    assert {a.id for a in diskominfo} == {"dc-build", "net-fiber", "net-wifi", "data-portal"}
    assert all(a.status == "beyond_horizon" and not a.quick_win for a in diskominfo)
    assert roadmap.action("svc-portal").status == "beyond_horizon"  # waits for dc-build
    assert roadmap.action("net-wifi").reason.en == (
        "beyond the horizon: Diskominfo may start 0 a year")
    assert ("svc-portal", "dc-build", "deferred") in [
        (d.action, d.depends_on, d.status) for d in roadmap.dependencies]


def test_no_quick_wins(iset: IndicatorSet, result_of: Score) -> None:
    # dc at likert 4 (75 ≥ 60): dc-build is not called for by a gap, but svc-portal depends on
    # it and nothing says it exists, so it is added as svc-portal's prerequisite.
    result = result_of(iset, {"net": [50.0], "dc": [4.0], "svc": [40.0], "data": [30.0]})
    roadmap = build_roadmap(result, iset, Plan(quick_wins=QuickWinRule(max=0)))
    assert roadmap.quick_wins() == ()
    dc = roadmap.action("dc-build")
    assert (dc.impact, dc.gap.open, dc.why) == (0.0, False, "prerequisite")
    assert dc.reason.en.startswith("2026: prerequisite of svc-portal; ")
    assert roadmap.action("svc-portal").start_year == 2028


def test_unassessed_dependency_is_planned_not_assumed(iset: IndicatorSet,
                                                      result_of: Score) -> None:
    result = result_of(iset, {"net": [50.0], "svc": [40.0], "data": [30.0]})
    roadmap = build_roadmap(result, iset, Plan())
    assert roadmap.not_assessed == ("dc",)
    dc = roadmap.action("dc-build")
    assert (dc.gap.score, dc.why, dc.start_year) == (None, "prerequisite", 2026)
    assert roadmap.action("svc-portal").start_year == 2028


def test_projection_through_geometric_index(iset: IndicatorSet, result_of: Score) -> None:
    result = result_of(iset)
    roadmap = build_roadmap(result, iset, Plan())
    assert roadmap.calendar == (2025, 2026, 2027, 2028, 2029, 2030)
    # net: fiber adds 20 over 2026–2028 (⅓ a year), wifi 5 in 2026.
    assert roadmap.projection.indicator("net") == pytest.approx(
        (50.0, 50 + 20 / 3 + 5, 50 + 40 / 3 + 5, 75.0, 75.0, 75.0))
    assert roadmap.projection.indicator("dc") == pytest.approx((25, 37.5, 50, 50, 50, 50))
    assert roadmap.projection.indicator("svc") == pytest.approx((40, 50, 50, 65, 65, 65))
    assert roadmap.projection.indicator("data") == pytest.approx((30, 40, 40, 40, 40, 40))
    infra_2026 = (50 + 20 / 3 + 5 + 37.5) / 2
    gov_2026 = 2 / 3 * 50 + 1 / 3 * 40
    assert roadmap.projection.pillar("infra")[1] == pytest.approx(infra_2026)
    assert roadmap.projection.pillar("gov")[1] == pytest.approx(gov_2026)
    assert roadmap.projection.index[0] == pytest.approx(result.score)
    assert roadmap.projection.index[1] == pytest.approx(math.sqrt(infra_2026 * gov_2026))
    assert roadmap.projection.index[3] == pytest.approx(math.sqrt(62.5 * (2 / 3 * 65 + 1 / 3 * 40)))


def test_projection_through_arithmetic_index(load_set: Callable[[str], IndicatorSet],
                                             result_of: Score) -> None:
    iset = load_set("aggregation: geometric => aggregation: arithmetic")
    roadmap = build_roadmap(result_of(iset), iset, Plan())
    infra_2026 = (50 + 20 / 3 + 5 + 37.5) / 2
    gov_2026 = 2 / 3 * 50 + 1 / 3 * 40
    assert roadmap.projection.index[0] == pytest.approx((37.5 + 110 / 3) / 2)
    assert roadmap.projection.index[1] == pytest.approx((infra_2026 + gov_2026) / 2)


def test_gains_are_capped_at_the_top_of_the_scale(iset: IndicatorSet,
                                                  result_of: Score) -> None:
    # net at 69: fiber (applies below 70) adds 20 and wifi 5, but a score stops at 100...
    result = result_of(iset, {"net": [69.0], "dc": [2.0], "svc": [40.0], "data": [30.0]})
    roadmap = build_roadmap(result, iset, Plan())
    assert roadmap.projection.indicator("net")[-1] == pytest.approx(94.0)
    # ...and impact counts only the gain up to the target (80 − 69 = 11).
    assert roadmap.action("net-fiber").impact == pytest.approx(0.25 * 11)
    result = result_of(iset, {"net": [95.0], "dc": [2.0], "svc": [40.0], "data": [30.0]})
    assert "net-wifi" not in {a.id for a in build_roadmap(result, iset, Plan()).actions}


def test_unchanged_scores_reproduce_the_assessment(iset: IndicatorSet,
                                                   result_of: Score) -> None:
    result = result_of(iset, {"net": [50.0], "svc": [40.0, 70.0], "data": [30.0]})
    index, pillars = reaggregate(result, iset, {})
    assert index == result.score
    assert pillars == {p.id: p.score for p in result.pillars}


def test_targets_derived_from_indicator_targets(iset: IndicatorSet, result_of: Score) -> None:
    roadmap = build_roadmap(result_of(iset), iset, Plan())
    assert dict(roadmap.pillar_targets) == pytest.approx({"infra": 77.5, "gov": 80.0})
    assert roadmap.index_target == pytest.approx(math.sqrt(77.5 * 80.0))
    # Yearly KPI targets: a straight line from the baseline to the target.
    path = roadmap.target_path.pillar("gov")
    assert path == pytest.approx(tuple(110 / 3 + (80 - 110 / 3) * k / 5 for k in range(6)))
    assert roadmap.target_path.indicator("svc") == pytest.approx((40, 50, 60, 70, 80, 90))


def test_plan_targets_override(iset: IndicatorSet, result_of: Score) -> None:
    roadmap = build_roadmap(result_of(iset), iset,
                            Plan(targets=Targets(pillars=(("infra", 60.0),))))
    assert roadmap.pillar_target("infra") == 60.0
    assert roadmap.pillar_target("gov") == pytest.approx(80.0)
    assert roadmap.index_target == pytest.approx(math.sqrt(60 * 80))
    roadmap = build_roadmap(result_of(iset), iset, Plan(targets=Targets(index=55.0)))
    assert roadmap.index_target == 55.0
    assert roadmap.target_path.index[-1] == 55.0


def test_plan_errors_against_the_set(iset: IndicatorSet, result_of: Score) -> None:
    plan = Plan(targets=Targets(index=140.0, pillars=(("health", 50.0), ("gov", -1.0))),
                source="plan.yaml", positions=(("targets.pillars.health", 7, 5),))
    with pytest.raises(InputError) as caught:
        build_roadmap(result_of(iset), iset, plan)
    messages = sorted(p.message for p in caught.value.problems)
    assert messages == ["index target is outside the scale",
                        "pillar target is outside the scale",
                        "unknown pillar 'health' in targets"]
    health = next(p for p in caught.value.problems if "health" in p.message)
    assert (health.file, health.line, health.column) == ("plan.yaml", 7, 5)


def test_start_year_defaults(iset: IndicatorSet, result_of: Score) -> None:
    assert build_roadmap(result_of(iset), iset, Plan()).start_year == 2026
    plan = Plan(period=Period(first_year=2030, years=10))
    roadmap = build_roadmap(result_of(iset), iset, plan)
    assert (roadmap.start_year, roadmap.end_year, roadmap.baseline_year) == (2030, 2039, 2025)
    assert len(roadmap.projection.index) == 11
    undated = result_of(iset, year=None)
    assert build_roadmap(undated, iset, Plan(), reference_year=2031).start_year == 2032
    assert build_roadmap(undated, iset, Plan()).start_year == 1


def test_a_finished_masterplan_is_an_error(iset: IndicatorSet, result_of: Score) -> None:
    plan = Plan(period=Period(masterplan=(2018, 2022)), source="plan.yaml")
    with pytest.raises(InputError) as caught:
        build_roadmap(result_of(iset), iset, plan)
    assert caught.value.problems[0].message == (
        "the masterplan 2018–2022 has ended before the first plan year 2026")


def test_long_horizon_has_a_long_phase(iset: IndicatorSet, result_of: Score) -> None:
    plan = Plan(period=Period(years=10), capacity=Capacity(per_year=1))
    roadmap = build_roadmap(result_of(iset), iset, plan)
    assert roadmap.action("net-fiber").start_year == 2031
    assert roadmap.action("net-fiber").phase == "long"


def test_roadmap_is_pure_and_repeatable(iset: IndicatorSet, result_of: Score) -> None:
    result = result_of(iset)
    assert build_roadmap(result, iset, Plan()) == build_roadmap(result, iset, Plan())
    # A different region name in the plan is what the roadmap shows.
    named = replace(Plan(), region=replace(Plan().region, name="Kota Uji"))
    assert build_roadmap(result, iset, named).region == "Kota Uji"
    assert build_roadmap(result, iset, Plan()).region == "Kabupaten Uji"
