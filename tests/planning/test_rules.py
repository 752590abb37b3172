"""Planner v2 rules on the vocabulary fixture, one test per rule, numbers by hand.

fixtures/vocab.yaml, scores spbe 40, data 30, aduan 50, umkm 40 (percentages, goalposts
0–100): every indicator carries ¼ of the index (two pillars of two, all assessed).

| action          | impact       | index term | citizen | benefit | effort | priority |
|-----------------|--------------|------------|---------|---------|--------|----------|
| aduan-lapor     | ¼·10 = 2.5   | 0.5        | high 1  | 1.5     | 1      | 1.5      |
| umkm-dolan      | ¼·10 = 2.5   | 0.5        | high 1  | 1.5     | 1      | 1.5      |
| data-portal     | ¼·10 = 2.5   | 0.5        | low ⅓   | 0.8333  | 1      | 0.8333   |
| aduan-sla       | ¼·10 = 2.5   | 0.5        | high 1  | 1.5     | 2      | 0.75     |
| spbe-arsitektur | ¼·20 = 5     | 1          | low ⅓   | 1.3333  | 2      | 0.6667   |
| spbe-perbup     | ¼·10 = 2.5   | 0.5        | none 0  | 0.5     | 1      | 0.5      |
| umkm-academy    | ¼·20 = 5     | 1          | low ⅓   | 1.3333  | 3      | 0.4444   |
| data-list       | 0 (no gap)   | 0          | low ⅓   | 0.3333  | 1      | 0.3333   |

data-list applies below 20 (data scores 30) but provides the priority-data list data-portal
requires: it is added as a prerequisite. Median benefit (8 values) = (1.3333 + 1.3333)/2.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import Action, Group, Indicator, IndicatorSet
from smartcity_assess.planning.plan import (
    ActionTerms,
    Boost,
    Capacity,
    Existing,
    Mandate,
    Period,
    Plan,
    QuickWinRule,
)
from smartcity_assess.planning.planner import Money, build_roadmap
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.results import RegionResult
from smartcity_assess.survey.data import SurveyData
from smartcity_assess.text import Text

VOCAB = Path(__file__).parent / "fixtures" / "vocab.yaml"
SCORES = {"spbe": [40.0], "data": [30.0], "aduan": [50.0], "umkm": [40.0]}
PERIOD = Period(masterplan=(2026, 2030), rpjmd=(2025, 2029))


@pytest.fixture()
def vocab() -> IndicatorSet:
    return load_indicator_set(VOCAB)


@pytest.fixture()
def survey(survey_of: Callable[..., SurveyData]) -> Callable[..., SurveyData]:
    return survey_of


@pytest.fixture()
def result(vocab: IndicatorSet, survey: Callable[..., SurveyData]) -> RegionResult:
    return assess(vocab, survey(SCORES)).results[0]


def plan(**changes: object) -> Plan:
    base: dict[str, object] = {"period": PERIOD}
    base.update(changes)
    return Plan(**base)  # type: ignore[arg-type]  # keyword fields of the dataclass


def test_priority_formula(vocab: IndicatorSet, result: RegionResult) -> None:
    roadmap = build_roadmap(result, vocab, plan())
    assert [a.id for a in roadmap.actions] == [
        "aduan-lapor", "umkm-dolan", "data-portal", "aduan-sla", "spbe-arsitektur",
        "spbe-perbup", "umkm-academy", "data-list"]
    priority = {a.id: a.priority for a in roadmap.actions}
    assert priority == pytest.approx({
        "aduan-lapor": 1.5, "umkm-dolan": 1.5, "data-portal": 0.5 + 1 / 3, "aduan-sla": 0.75,
        "spbe-arsitektur": (1 + 1 / 3) / 2, "spbe-perbup": 0.5, "umkm-academy": (4 / 3) / 3,
        "data-list": 1 / 3})
    assert roadmap.median_benefit == pytest.approx(4 / 3)


def test_citizen_term_keeps_feedback_programs_first(vocab: IndicatorSet,
                                                    result: RegionResult) -> None:
    # Index weight alone would put "you report, we act" (impact 2.5) below the SPBE
    # architecture (impact 5); its declared citizen impact lifts it to rank 1.
    roadmap = build_roadmap(result, vocab, plan())
    lapor, arsitektur = roadmap.action("aduan-lapor"), roadmap.action("spbe-arsitektur")
    assert lapor.impact < arsitektur.impact
    assert (lapor.rank, lapor.citizen_impact, lapor.benefit) == (1, "high", 1.5)


def test_carried_weight_is_renormalised_over_assessed_siblings(
        survey: Callable[..., SurveyData], vocab: IndicatorSet) -> None:
    # Without an answer for data, spbe carries the whole gov pillar: ½ instead of ¼.
    partial = assess(vocab, survey({"spbe": [40.0], "aduan": [50.0], "umkm": [40.0]}))
    weights = {r.id: r.carried_weight for r in partial.results[0].indicators()}
    assert weights == pytest.approx({"spbe": 0.5, "data": 0.0, "aduan": 0.25, "umkm": 0.25})
    roadmap = build_roadmap(partial.results[0], vocab, plan())
    assert roadmap.action("spbe-arsitektur").impact == pytest.approx(0.5 * 20)


def test_boost_multiplies_priority_and_is_recorded(vocab: IndicatorSet,
                                                   result: RegionResult) -> None:
    boosted = plan(boost=(Boost("umkm-academy", 4.0, Text.of("Janji Bupati")),))
    roadmap = build_roadmap(result, vocab, boosted)
    academy = roadmap.action("umkm-academy")
    assert academy.priority == pytest.approx(4 * 4 / 9)  # 1.778: now rank 1
    assert academy.rank == 1
    assert roadmap.boosts == (("umkm-academy", 4.0, Text.of("Janji Bupati")),)
    assert "(boosted ×4)" in academy.reason.en


def test_schedule_by_hand(vocab: IndicatorSet, result: RegionResult) -> None:
    roadmap = build_roadmap(result, vocab, plan())
    starts = {a.id: (a.start_year, a.quick_win) for a in roadmap.actions}
    assert starts == {
        "aduan-lapor": (2026, True), "umkm-dolan": (2026, True),  # one per dimension
        "data-list": (2026, False), "aduan-sla": (2026, False), "spbe-perbup": (2026, False),
        "umkm-academy": (2026, False),
        "data-portal": (2027, False),       # after the priority-data list it requires
        "spbe-arsitektur": (2027, False),   # after the Perbup SPBE it requires
    }
    assert roadmap.action("data-list").reason.en == (
        "2026: prerequisite of data-portal; no budget limit set")
    assert roadmap.action("aduan-lapor").reason.id == (
        "2026: quick win dimensi Smart Society (Masyarakat); tanpa batas pagu")
    assert [(d.action, d.depends_on, d.artefact) for d in roadmap.dependencies] == [
        ("spbe-arsitektur", "spbe-perbup", "dokumen:perbup-spbe"),
        ("data-portal", "data-list", "data:daftar-data-prioritas")]


def test_quick_wins_one_per_dimension_never_low_impact(vocab: IndicatorSet,
                                                       result: RegionResult) -> None:
    roadmap = build_roadmap(result, vocab, plan())
    wins = roadmap.quick_wins()
    assert [(a.id, a.dimension) for a in wins] == [("aduan-lapor", "society"),
                                                   ("umkm-dolan", "economy")]
    assert all(a.benefit >= roadmap.median_benefit for a in wins)
    # data-portal is a catalogue quick win, but its benefit 0.83 is below the median 1.33.
    assert not roadmap.action("data-portal").quick_win
    one = build_roadmap(result, vocab, plan(quick_wins=QuickWinRule(max=1)))
    assert [a.id for a in one.quick_wins()] == ["aduan-lapor"]


def test_owner_limit_counts_quick_wins_and_aliases(vocab: IndicatorSet,
                                                   result: RegionResult) -> None:
    merged = plan(aliases=(("Dinas Koperasi UKM", "Dinas Dagkop UKM"),
                           ("Dinas Perdagangan", "Dinas Dagkop UKM")),
                  capacity=Capacity(per_owner=(("Dinas Dagkop UKM", 1), ("Diskominfo", 0))))
    roadmap = build_roadmap(result, vocab, merged)
    # One agency under one name: the quick win umkm-dolan uses its one start of 2026.
    assert roadmap.action("umkm-dolan").owner == "Dinas Dagkop UKM"
    assert (roadmap.action("umkm-dolan").start_year, roadmap.action("umkm-academy").start_year
            ) == (2026, 2027)
    assert [a.id for a in roadmap.quick_wins()] == ["umkm-dolan"]
    assert {a.id for a in roadmap.actions if a.owner == "Diskominfo"} == {
        "aduan-lapor", "data-portal", "spbe-arsitektur"}
    assert all(a.status == "beyond_horizon" for a in roadmap.actions
               if a.owner == "Diskominfo")
    for year in roadmap.plan_years:
        assert sum(1 for a in roadmap.starting_in(year) if a.owner == "Dinas Dagkop UKM") <= 1


def test_mandatory_goes_first_with_its_regulation(survey: Callable[..., SurveyData],
                                                  vocab: IndicatorSet,
                                                  result: RegionResult) -> None:
    one_a_year = plan(capacity=Capacity(per_year=1), mandatory=(Mandate("spbe-perbup"),))
    roadmap = build_roadmap(result, vocab, one_a_year)
    perbup = roadmap.action("spbe-perbup")
    assert (perbup.start_year, perbup.mandatory, perbup.why) == (
        2026, "PermenPANRB 59/2020", "mandatory")
    assert perbup.reason.en == "2026: mandatory under PermenPANRB 59/2020; no budget limit set"
    assert perbup.reason.id == "2026: wajib menurut PermenPANRB 59/2020; tanpa batas pagu"
    (mandate,) = roadmap.mandates
    assert (mandate.deadline, mandate.on_time) == (2029, True)
    # A mandatory action without a gap is still planned: the plan's word counts.
    met = assess(vocab, survey({**SCORES, "spbe": [90.0]})).results[0]
    assert build_roadmap(met, vocab, one_a_year).action("spbe-perbup").start_year == 2026


def test_mandatory_that_cannot_be_funded_is_a_warning(vocab: IndicatorSet,
                                                      result: RegionResult) -> None:
    poor = plan(mandatory=(Mandate("spbe-perbup", "PP 71/2019"),),
                budget=tuple((y, (("APBD", 100_000_000),)) for y in range(2026, 2031)))
    roadmap = build_roadmap(result, vocab, poor)
    assert roadmap.action("spbe-perbup").status == "unfunded"  # class S: up to Rp500 million
    assert not roadmap.mandates[0].on_time
    assert roadmap.warnings[0].en == (
        "spbe-perbup is mandatory under PP 71/2019 but cannot start by 2029")


def test_pin_holds_a_year_and_moves_after_prerequisites(vocab: IndicatorSet,
                                                        result: RegionResult) -> None:
    roadmap = build_roadmap(result, vocab, plan(pin=(("umkm-academy", 2028),
                                                     ("spbe-arsitektur", 2026))))
    academy = roadmap.action("umkm-academy")
    assert (academy.start_year, academy.why) == (2028, "pin")
    assert academy.reason.en == "2028: pinned to 2028 by the plan; no budget limit set"
    arsitektur = roadmap.action("spbe-arsitektur")
    assert arsitektur.start_year == 2027  # its Perbup starts in 2026
    assert arsitektur.reason.en == ("2027: pinned to 2026 by the plan; no budget limit set; "
                                    "held back from 2026: waits for spbe-perbup")
    assert [w.en for w in roadmap.warnings] == [
        "spbe-arsitektur is pinned to 2026 but can only start in 2027"]


def test_existing_is_never_proposed_and_satisfies_requirements(vocab: IndicatorSet,
                                                               result: RegionResult) -> None:
    existing = (Existing("lapor-bupati", Text.of("Lapor Bupati"), 2016, "running",
                         ("https://example.org/lapor",), action="aduan-lapor"),
                Existing("sdi", Text.of("Satu Data"), 2022, "running",
                         ("https://example.org/sdi",), provides=("data:daftar-data-prioritas",)))
    roadmap = build_roadmap(result, vocab, plan(existing=existing))
    ids = {a.id for a in roadmap.actions}
    assert "aduan-lapor" not in ids and "data-list" not in ids
    assert roadmap.existing == existing
    assert roadmap.action("data-portal").start_year == 2026
    assert [(d.action, d.depends_on, d.status, d.basis) for d in roadmap.dependencies
            if d.action == "data-portal"] == [("data-portal", "sdi", "in-place", "existing")]


def test_missing_prerequisite_is_reported(tmp_path: Path, result: RegionResult) -> None:
    text = VOCAB.read_text(encoding="utf-8").replace(
        '            provides: ["data:daftar-data-prioritas"]\n', "")
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    iset = load_indicator_set(path)
    roadmap = build_roadmap(result, iset, plan())
    assert [(m.action, m.artefact) for m in roadmap.missing] == [
        ("data-portal", "data:daftar-data-prioritas")]
    assert ("data-portal", "data:daftar-data-prioritas", "unverified", "missing") in [
        (d.action, d.depends_on, d.status, d.basis) for d in roadmap.dependencies]


def test_budget_envelopes_and_unfunded(vocab: IndicatorSet, result: RegionResult) -> None:
    # Rp1 billion APBD a year and Rp3 billion DAK from 2027; costs from the classes:
    # XS ≤ 100 million, S ≤ 500 million, M ≤ 2 billion (over 2 years), L ≤ 10 billion
    # (over 3 years: 3,333,333,333 + 3,333,333,333 + 3,333,333,334).
    budget = tuple((y, (("APBD", 1_000_000_000),) + ((("DAK", 3_000_000_000),)
                                                      if y >= 2027 else ()))
                   for y in range(2026, 2031))
    roadmap = build_roadmap(result, vocab, plan(budget=budget))
    starts = {a.id: (a.start_year, a.status) for a in roadmap.actions}
    # 2026: lapor 0.1 + dolan 0.1 + data-list 0.5 (S by default) = 0.7 of 1.0; aduan-sla
    # (0.5) does not fit, nor spbe-perbup (0.5), nor the academy (3.33 a year).
    # 2027: data-portal 0.1 + aduan-sla 0.5 = 0.6; perbup (0.5) does not fit the 0.4 left;
    # the academy takes 0.4 APBD + 2.93 DAK in 2027, but 2028–2029 need DAK the same way.
    assert starts["aduan-lapor"] == (2026, "scheduled")
    assert starts["data-list"] == (2026, "scheduled")
    assert starts["aduan-sla"] == (2027, "scheduled")
    for year in roadmap.costs:
        assert year.envelope_total is not None
        assert year.total.high <= year.envelope_total
        for source, money in year.by_source:
            assert money.high <= dict(year.envelope or ())[source]
    for planned in roadmap.unfunded():
        assert planned.start_year is None and planned.reason.en.startswith("unfunded: ")
    total = sum((a.cost.high for a in roadmap.scheduled()), 0)
    assert roadmap.total_cost().high == total
    assert roadmap.cost_by_source() == tuple(sorted(
        (s, m) for s, m in _sum_sources(roadmap).items()))


def _sum_sources(roadmap: object) -> dict[str, Money]:
    totals: dict[str, Money] = {}
    for planned in roadmap.scheduled():  # type: ignore[attr-defined]
        for allocation in planned.allocations:
            totals[allocation.source] = totals.get(allocation.source, Money(0, 0)) + \
                allocation.money
    return totals


def test_a_program_too_dear_for_every_year_is_unfunded(vocab: IndicatorSet,
                                                       result: RegionResult) -> None:
    dear = plan(terms=(ActionTerms("umkm-academy", cost=(30_000_000_000, 45_000_000_000),
                                   funding=("APBD", "DAK")),),
                budget=tuple((y, (("APBD", 10_000_000_000), ("DAK", 2_000_000_000)))
                             for y in range(2026, 2031)))
    roadmap = build_roadmap(result, vocab, dear)
    academy = roadmap.action("umkm-academy")
    assert (academy.status, academy.cost.source) == ("unfunded", "plan")
    # The last year it could start is 2028 (3 years to 2030): 15 billion a year against
    # 12 billion of APBD and DAK, less what the others took that year.
    assert academy.reason.en.startswith("unfunded: its cost of Rp15 billion exceeds what is "
                                        "left of APBD/DAK in 2028")
    assert academy.reason.id.startswith("tidak terdanai: biaya Rp15 miliar melebihi sisa "
                                        "pagu APBD/DAK 2028")


def test_cost_split_over_sources_and_years(vocab: IndicatorSet, result: RegionResult) -> None:
    costed = plan(terms=(ActionTerms("umkm-academy", cost=(3_000_000_000, 6_000_000_000),
                                     funding=("DAK", "APBD")),),
                  budget=tuple((y, (("APBD", 5_000_000_000), ("DAK", 1_500_000_000)))
                               for y in range(2026, 2031)))
    roadmap = build_roadmap(result, vocab, costed)
    academy = roadmap.action("umkm-academy")
    assert academy.start_year == 2026
    # 2 billion a year (high), 1 billion (low): DAK first up to its 1.5 billion, then APBD;
    # the low bound in the same proportions (¾ and ¼).
    assert [(a.year, a.source, a.money) for a in academy.allocations if a.year == 2026] == [
        (2026, "DAK", Money(750_000_000, 1_500_000_000)),
        (2026, "APBD", Money(250_000_000, 500_000_000))]
    assert academy.cost_in(2027) == Money(1_000_000_000, 2_000_000_000)
    assert sum(a.money.high for a in academy.allocations) == 6_000_000_000


def test_costs_per_owner_and_dimension(vocab: IndicatorSet, result: RegionResult) -> None:
    roadmap = build_roadmap(result, vocab, plan())
    by_dimension = dict(roadmap.cost_by_dimension())
    # economy: dolan XS (0–0.1 bn) + academy L (2–10 bn); society: lapor XS + sla S.
    assert by_dimension["economy"] == Money(2_000_000_000, 10_100_000_000)
    assert by_dimension["society"] == Money(100_000_000, 600_000_000)
    assert [d for d, _ in roadmap.cost_by_dimension()] == ["governance", "economy", "society"]
    assert dict(roadmap.cost_by_owner())["Bagian Organisasi"] == Money(200_000_000,
                                                                         1_000_000_000)
    leads = {lead.dimension: (lead.owner, lead.from_plan) for lead in roadmap.leads}
    assert leads == {"governance": ("Diskominfo", False), "economy": ("Dinas Koperasi UKM",
                                                                      False),
                     "society": ("Bagian Organisasi", False)}


def test_stages_follow_the_rpjmd(vocab: IndicatorSet, result: RegionResult) -> None:
    roadmap = build_roadmap(result, vocab, plan(period=Period(masterplan=(2024, 2033),
                                                              rpjmd=(2025, 2029))))
    assert (roadmap.start_year, roadmap.end_year, roadmap.rpjmd) == (2026, 2033, (2025, 2029))
    assert [(s.kind, s.start, s.end, s.rpjmd) for s in roadmap.stages] == [
        ("baseline", 2024, 2025, (2025, 2029)),
        ("year", 2026, 2026, (2025, 2029)), ("year", 2027, 2027, (2025, 2029)),
        ("year", 2028, 2028, (2025, 2029)), ("year", 2029, 2029, (2025, 2029)),
        ("phase", 2030, 2033, (2030, 2034))]
    assert roadmap.stages[-1].label("id") == "2030–2033 (RPJMD 2030–2034)"
    assert roadmap.stages[0].label("en") == "2024–2025 (baseline)"


def test_kpis_have_baseline_and_yearly_targets(vocab: IndicatorSet,
                                               result: RegionResult) -> None:
    roadmap = build_roadmap(result, vocab, plan())
    spbe = next(k for k in roadmap.kpis if k.id == "spbe")
    assert (spbe.baseline, spbe.baseline_year, spbe.value) == (40.0, 2025, 40.0)
    # Straight line from 40 to the target 80 over 5 years: 8 points a year.
    assert [y for y, _ in spbe.targets] == [2026, 2027, 2028, 2029, 2030]
    assert [v for _, v in spbe.targets] == pytest.approx([48.0, 56.0, 64.0, 72.0, 80.0])
    assert [k.kind for k in roadmap.kpis[:3]] == ["index", "pillar", "pillar"]


def _chain(length: int) -> IndicatorSet:
    actions = tuple(Action(id=f"a{k:04d}", title=Text.of(f"A{k}"), indicator="x",
                           applies_below=None, effort="low", horizon="short",
                           owner="Diskominfo", gain=0.01,
                           depends_on=(f"a{k - 1:04d}",) if k else ())
                    for k in range(length))
    indicator = Indicator(id="x", title=Text.of("X"), type="percent", goalposts=(0.0, 100.0),
                          target=90.0, actions=actions)
    return IndicatorSet(id="chain", version="1", title=Text.of("Chain"), pillars=(
        Group(id="p", title=Text.of("P"), kind="pillar", children=(indicator,)),))


def test_a_chain_of_a_thousand_prerequisites(survey: Callable[..., SurveyData]) -> None:
    iset = _chain(1000)
    chained = assess(iset, survey({"x": [10.0]})).results[0]
    began = time.perf_counter()
    roadmap = build_roadmap(chained, iset, Plan(period=Period(masterplan=(2026, 2045))))
    assert time.perf_counter() - began < 30  # generous: it is about 0.5 s; only no hang
    assert [a.start_year for a in roadmap.scheduled()] == list(range(2026, 2046))
    assert roadmap.action("a0020").status == "beyond_horizon"
    assert roadmap.action("a0020").reason.en == "beyond the horizon: waits for a0019 (2045–2045)"
    assert len(roadmap.actions) == 1000
