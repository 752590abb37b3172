"""Assertions: min_score and max_drop at levels off, warn and error; skips with reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.assessment.assertions import describe, evaluate, failures, in_scope
from smartcity_assess.assessment.config import Assertion, Check
from smartcity_assess.history import Criteria, NodeScore, Snapshot
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet

IPM_SET = Path(__file__).parents[2] / "examples" / "bps-ipm" / "ipm.yaml"
SET = Criteria("bps-ipm", "2010")


@pytest.fixture(scope="module")
def ipm() -> IndicatorSet:
    return load_indicator_set(IPM_SET)


def snap(region: str, year: int | None, index: float | None, health: float | None = 70.0,
         criteria: Criteria = SET, uhh: float | None = 70.0) -> Snapshot:
    nodes = (NodeScore("health", "pillar", "health", health),
             NodeScore("uhh", "indicator", "health", uhh),
             NodeScore("education", "pillar", "education", 60.0),
             NodeScore("living", "pillar", "living", 65.0))
    return Snapshot(region, year, index, None, 1.0, criteria, nodes, "test")


def assertion(kind: str, node: str, *checks: Check) -> Assertion:
    return Assertion(kind, node, checks, f"assertions.{kind}")


def test_min_score_passes_fails_and_not_assessed_fails(ipm: IndicatorSet) -> None:
    rules = [assertion("index", "index", Check("min_score", 60, "error"))]
    current = [snap("A", 2024, 65.0), snap("B", 2024, 59.5), snap("C", 2024, None),
               snap("D", 2024, 60.0 - 1e-12)]
    outcomes = evaluate(rules, ipm, current, current)
    assert [(o.region, o.status, o.code) for o in outcomes] == [
        ("A", "pass", "pass"), ("B", "fail", "below"), ("C", "fail", "not-assessed"),
        ("D", "pass", "pass")]
    assert outcomes[1].is_error and outcomes[1].found == 59.5
    assert outcomes[1].message() == "B 2024: index 59.50 is below min_score 60"
    assert describe(outcomes[1], "id") == "indeks 59,50 di bawah min_score 60"
    assert describe(outcomes[2]) == "index is not assessed (min_score 60)"


def test_max_drop_against_the_latest_earlier_year(ipm: IndicatorSet) -> None:
    rules = [assertion("index", "index", Check("max_drop", 2, "error"))]
    earlier = [snap("A", 2021, 80.0), snap("A", 2023, 70.0), snap("B", 2023, 70.0)]
    current = [snap("A", 2024, 67.5), snap("B", 2024, 68.0)]
    outcomes = evaluate(rules, ipm, current, [*earlier, *current])
    a, b = outcomes
    assert (a.status, a.previous, a.previous_year, a.drop) == ("fail", 70.0, 2023, 2.5)
    assert describe(a) == ("index fell 2.50 points since 2023 (70.00 → 67.50), more than "
                        "max_drop 2")
    assert (b.status, b.drop) == ("pass", 2.0)


def test_max_drop_is_skipped_without_an_earlier_year_or_across_a_break(
        ipm: IndicatorSet) -> None:
    rules = [assertion("index", "index", Check("max_drop", 1, "error"))]
    old_set = Criteria("bps-ipm", "2000")
    current = [snap("A", 2024, 50.0), snap("B", 2024, 50.0), snap("C", None, 50.0)]
    earlier = [snap("B", 2023, 90.0, criteria=old_set)]
    outcomes = evaluate(rules, ipm, current, earlier)
    assert [(o.region, o.status, o.code) for o in outcomes] == [
        ("A", "skip", "no-earlier-year"), ("B", "skip", "break"), ("C", "skip",
                                                                  "no-earlier-year")]
    assert describe(outcomes[1]) == ("index max_drop 1: not compared across a break (2023 was "
                                  "scored with bps-ipm 2000, 2024 with bps-ipm 2010)")
    assert not failures(outcomes)


def test_max_drop_is_skipped_when_a_year_is_not_assessed(ipm: IndicatorSet) -> None:
    rules = [assertion("pillar", "health", Check("max_drop", 1, "error"))]
    outcomes = evaluate(rules, ipm, [snap("A", 2024, 50.0, health=None),
                                     snap("B", 2024, 50.0)],
                        [snap("A", 2023, 50.0), snap("B", 2023, 50.0, health=None)])
    assert [o.code for o in outcomes] == ["not-assessed-now", "earlier-missing"]


def test_levels_off_warn_error_and_wildcards(ipm: IndicatorSet) -> None:
    rules = [
        assertion("pillar", "*", Check("min_score", 62, "warn")),
        assertion("pillar", "living", Check("min_score", 66, "error")),
        assertion("indicator", "uhh", Check("min_score", 99, "off")),
    ]
    outcomes = evaluate(rules, ipm, [snap("A", 2024, 60.0)], [])
    assert [(o.node, o.level, o.status) for o in outcomes] == [
        ("health", "warn", "pass"), ("education", "warn", "fail"), ("living", "error", "fail")]
    assert [o.node for o in failures(outcomes, "error")] == ["living"]


def test_scope_latest_or_all() -> None:
    snaps = [snap("A", 2023, 1.0), snap("A", 2024, 2.0), snap("B", 2023, 3.0),
             snap("C", None, 4.0)]
    assert [(s.region, s.year) for s in in_scope(snaps, "latest")] == [
        ("A", 2024), ("B", 2023), ("C", None)]
    assert in_scope(snaps, "all") == snaps
