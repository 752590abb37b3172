"""Sensitivity analysis (issue 6, item 3): a Monte Carlo over weights, index aggregation and
imputation, with intervals, band probabilities, rank intervals and first-order effects."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.render.scores_json import assessment_to_dict
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.sensitivity import SensitivityOptions, sensitivity
from smartcity_assess.scoring.tree import Tree, evaluate_draws, normalised, weight_arrays

SET = """\
id: s
version: "1"
title: S
bands:
  - {from: 0, label: Low}
  - {from: 58, label: High}
pillars:
  - id: a
    title: A
    indicators:
      - {id: a1, title: A1, type: percent}
  - id: b
    title: B
    indicators:
      - {id: b1, title: B1, type: percent}
"""


@pytest.fixture()
def iset(tmp_path: Path) -> IndicatorSet:
    return set_from(tmp_path, SET)


def rows(a: float, b: float) -> list[tuple[str, str | None, dict[str, float]]]:
    return [("r", None, {"a1": a, "b1": b})]


def test_aggregation_only_by_hand(iset: IndicatorSet) -> None:
    survey = survey_of({("R", 2025): rows(40.0, 80.0)})
    result = sensitivity(iset, survey, SensitivityOptions(weight_range=0.0, goalpost_shift=0.0,
                                                          band_shift=0.0))
    assert result.factors == ("aggregation", "imputation") and result.scenarios == 4
    reg = result.regions[0]
    geo = math.sqrt(40 * 80)                      # 56.5685…
    # scenarios: arithmetic 60 and geometric 56.57, each under both imputations
    assert reg.index.nominal == pytest.approx(60.0)
    # 5th percentile of [56.57, 56.57, 60, 60]: h = 3 · 0.05 = 0.15 → 56.57
    assert reg.index.low == pytest.approx(geo)
    assert reg.index.high == pytest.approx(60.0)
    assert reg.index.median == pytest.approx((geo + 60) / 2)
    # half the scenarios fall below 58
    assert [(b.band.label.get() if b.band else None, b.probability) for b in reg.bands] == [
        ("Low", 0.5), ("High", 0.5)]
    effects = {e.factor: e for e in reg.effects}
    assert effects["aggregation"].first_order == pytest.approx(1.0)
    assert effects["imputation"].first_order == 0.0
    assert (effects["aggregation"].low, effects["aggregation"].high) == pytest.approx((geo, 60))
    assert reg.most_influential is effects["aggregation"]
    assert reg.rank is None                        # alone in its year


def test_weights_stay_within_their_range(iset: IndicatorSet) -> None:
    survey = survey_of({("R", 2025): rows(40.0, 80.0)})
    options = SensitivityOptions(draws=400, aggregations=("arithmetic",), imputations=("none",),
                                 goalpost_shift=0.0, band_shift=0.0)
    reg = sensitivity(iset, survey, options).regions[0]
    # w_a = f_a / (f_a + f_b) with f in [0.75, 1.25] → w_a in [0.375, 0.625]
    # → index = 80 − 40 w_a in [55, 65]
    assert reg.index.low is not None and reg.index.high is not None
    assert 55.0 <= reg.index.low < 58.0 and 62.0 < reg.index.high <= 65.0
    assert [e.factor for e in reg.effects] == ["weights"]
    assert reg.effects[0].first_order == pytest.approx(1.0)
    # the pillars hold one indicator each: weights cannot move them
    assert dict(reg.pillars)["a"].low == dict(reg.pillars)["a"].high == 40.0


def test_imputation_alone(tmp_path: Path) -> None:
    iset = set_from(tmp_path, """\
id: m
version: "1"
title: M
pillars:
  - id: p
    title: P
    indicators:
      - {id: a, title: A, type: percent}
      - {id: b, title: B, type: percent}
      - {id: c, title: C, type: percent, weight: 2}
""")
    survey = survey_of({("R", 2025): [("r", None, {"a": 20.0, "c": 80.0})]})
    reg = sensitivity(iset, survey, SensitivityOptions(weight_range=0.0, goalpost_shift=0.0)
                      ).regions[0]
    imputation = {e.factor: e for e in reg.effects}["imputation"]
    # none: (¼·20 + ½·80)/¾ = 60; group-mean: b = 50 → ¼·20 + ¼·50 + ½·80 = 57.5
    assert (imputation.low, imputation.high) == pytest.approx((57.5, 60.0))
    assert imputation.first_order == pytest.approx(1.0)    # one pillar: aggregation is moot


def test_ranks_and_reproducibility(iset: IndicatorSet) -> None:
    survey = survey_of({
        ("A", 2025): rows(90.0, 10.0),      # arithmetic 50, geometric 30
        ("B", 2025): rows(45.0, 45.0),      # 45 either way
        ("C", 2025): rows(20.0, 20.0),      # always last
        ("D", 2024): rows(50.0, 50.0),      # another year: not ranked with them
    })
    result = sensitivity(iset, survey, SensitivityOptions(draws=50, goalpost_shift=0.0))
    ranks = {r.region: r.rank for r in result.regions}
    assert ranks["D"] is None
    a, b, c = ranks["A"], ranks["B"], ranks["C"]
    assert a is not None and b is not None and c is not None
    assert (a.nominal, b.nominal, c.nominal) == (1, 2, 3) and a.of == 3
    assert (a.low, a.high) == (1, 2) and (b.low, b.high) == (1, 2) and (c.low, c.high) == (3, 3)
    again = sensitivity(iset, survey, SensitivityOptions(draws=50, goalpost_shift=0.0))
    assert again == result
    other = sensitivity(iset, survey, SensitivityOptions(draws=50, seed=1, goalpost_shift=0.0))
    assert other.regions[0].index != result.regions[0].index


def test_nominal_is_the_assessment_and_json(iset: IndicatorSet) -> None:
    survey = survey_of({("A", 2025): rows(70.0, 30.0), ("B", 2025): rows(35.0, 65.0)})
    assessment = assess(iset, survey)
    result = sensitivity(iset, survey, SensitivityOptions(draws=20))
    for reg, res in zip(result.regions, assessment.results, strict=True):
        assert reg.index.nominal == res.score
    data = assessment_to_dict(assessment, "en", result)["sensitivity"]
    # the defaults: 20 weight draws × 2 aggregations × 2 imputations × 5 goalposts (the set's
    # and 4 random sets); no targets, so no second normalisation; band thresholds vary
    assert data["draws"] == 20 and data["scenarios"] == 400
    assert data["factors"] == ["weights", "aggregation", "imputation", "goalposts", "bands"]
    first = data["results"][0]
    assert set(first) == {"region", "year", "index", "pillars", "bands", "rank", "effects",
                          "most_influential"}
    assert first["bands"][0]["band"] == "Low"
    assert abs(sum(b["probability"] for b in first["bands"]) - 1) < 1e-12


def test_bad_options(iset: IndicatorSet) -> None:
    survey = survey_of({("R", 2025): rows(40.0, 80.0)})
    for options in (SensitivityOptions(draws=0), SensitivityOptions(weight_range=1.5),
                    SensitivityOptions(aggregations=("harmonic",)),
                    SensitivityOptions(interval=(0.9, 0.1))):
        with pytest.raises(ValueError):
            sensitivity(iset, survey, options)


def test_the_sets_own_imputation_is_among_the_options(
        tmp_path: Path) -> None:
    iset = set_from(tmp_path, SET.replace("pillars:", "imputation: previous-year\npillars:", 1))
    survey = survey_of({("R", 2024): rows(40.0, 80.0),
                        ("R", 2025): [("r", None, {"a1": 50.0})]})
    result = sensitivity(iset, survey, SensitivityOptions(weight_range=0.0,
                                                          aggregations=("arithmetic",)))
    assert result.imputations == ("none", "group-mean", "previous-year")
    reg = result.for_region("R", 2025)
    # none: b missing → pillar b not assessed → index = a = 50 (coverage ½ is enough);
    # group-mean: no sibling in b's pillar → the same 50; previous-year: b = 80 → 65
    imputation = {e.factor: e for e in reg.effects}["imputation"]
    assert reg.index.nominal == pytest.approx(65.0)
    assert (imputation.low, imputation.high) == pytest.approx((50.0, 65.0))


def test_fast_evaluation_agrees_with_the_engine(tmp_path: Path) -> None:
    iset = set_from(tmp_path, """\
id: f
version: "1"
title: F
aggregation: geometric
pillars:
  - id: p
    title: P
    weight: 2
    aggregation: geometric
    indicators:
      - {id: a, title: A, type: percent}
      - {id: b, title: B, type: percent, weight: 3}
  - id: q
    title: Q
    min_coverage: 0.6
    dimensions:
      - id: q1
        title: Q1
        indicators:
          - {id: c, title: C, type: percent}
          - {id: d, title: D, type: percent}
      - id: q2
        title: Q2
        indicators:
          - {id: e, title: E, type: percent}
""")
    tree = Tree(iset)
    rng = random.Random(4)
    for _ in range(200):
        scores = [None if rng.random() < 0.3 else rng.uniform(0, 100) for _ in range(5)]
        coverage = [0.0 if s is None else 1.0 for s in scores]
        weights = [normalised([w * rng.uniform(0.5, 1.5) for w in node.raw_weights])
                   for node in tree.groups]
        # a draw with a score at 0 exercises the refusal of a geometric mean
        if rng.random() < 0.1:
            scores[0] = 0.0
        pillars, roots = evaluate_draws(tree, scores, coverage, weight_arrays(tree, [weights]),
                                        ("geometric", "arithmetic"))
        for method in ("geometric", "arithmetic"):
            fast = float(roots[method][0])
            exact, _ = tree.evaluate(scores, coverage, weights, method)
            assert math.isnan(fast) == (exact[tree.root] is None)
            if exact[tree.root] is not None:
                assert fast == pytest.approx(exact[tree.root], rel=1e-12)
        exact, _ = tree.evaluate(scores, coverage, weights)
        expected = [math.nan if (v := exact[c]) is None else v
                    for c in tree.groups[-1].children]
        assert pillars[0].tolist() == pytest.approx(expected, nan_ok=True)


ONE = """\
id: one
version: "1"
title: One
bands:
  - {{from: 0, label: Low}}
  - {{from: 58, label: High}}
pillars:
  - id: p
    title: P
    indicators:
      - {{id: a1, title: A1, type: percent{target}}}
"""


def test_goalposts_by_hand(tmp_path: Path) -> None:
    iset = set_from(tmp_path, ONE.format(target=""))
    survey = survey_of({("R", 2025): [("r", None, {"a1": 40.0})]})
    result = sensitivity(iset, survey, SensitivityOptions(
        weight_range=0.0, aggregations=("arithmetic",), imputations=("none",),
        band_shift=0.0, seed=7))
    assert result.goalposts == ("set", "1", "2", "3", "4") and result.scenarios == 5
    (effect,) = result.regions[0].effects
    # each random set moves the goalposts [0, 100] by u · 10 (u uniform in −1…1, the low one
    # first) from the stream random.Random(seed + 2): the score is (40 − L')/(U' − L')
    rng = random.Random(7 + 2)
    scores = [40.0]
    for _ in range(4):
        low, high = rng.uniform(-0.1, 0.1) * 100, 100 + rng.uniform(-0.1, 0.1) * 100
        scores.append(100 * (40 - low) / (high - low))
    assert effect.factor == "goalposts" and effect.first_order == pytest.approx(1.0)
    assert (effect.low, effect.high) == pytest.approx((min(scores), max(scores)))
    assert result.regions[0].index.nominal == 40.0
    # within ±10 % of the span each way, a score of 40 moves by at most 10 / 0.8 = 12.5
    assert 27.5 <= min(scores) and max(scores) <= 52.5


def test_normalisation_by_hand(tmp_path: Path) -> None:
    iset = set_from(tmp_path, ONE.format(target=", target: 80"))
    survey = survey_of({("R", 2025): [("r", None, {"a1": 40.0})]})
    result = sensitivity(iset, survey, SensitivityOptions(
        weight_range=0.0, aggregations=("arithmetic",), imputations=("none",),
        goalpost_shift=0.0, band_shift=0.0))
    assert result.normalisations == ("set", "distance-to-target")
    assert result.scenarios == 2 and result.factors == ("normalisation",)
    (effect,) = result.regions[0].effects
    # distance to the target 80 from the worst goalpost 0: 40/80 = 50 (the set's 40)
    assert (effect.low, effect.high) == pytest.approx((40.0, 50.0))
    assert effect.first_order == pytest.approx(1.0)
    # crossed with the goalposts: 2 normalisations × 5 goalposts, and the two shares come
    # from the same grid (their means over the other choice), worked here from the scenarios
    both = sensitivity(iset, survey, SensitivityOptions(
        weight_range=0.0, aggregations=("arithmetic",), imputations=("none",),
        band_shift=0.0, seed=7))
    rng = random.Random(7 + 2)
    posts = [(0.0, 100.0)] + [(rng.uniform(-0.1, 0.1) * 100, 100 + rng.uniform(-0.1, 0.1) * 100)
                              for _ in range(4)]
    plain = [100 * (40 - low) / (high - low) for low, high in posts]
    target = [100 * (40 - low) / (80 - low) for low, _ in posts]   # dtt: worst goalpost
    ys = plain + target
    mean = sum(ys) / len(ys)
    total = sum((y - mean) ** 2 for y in ys) / len(ys)

    def between(means: list[float]) -> float:
        centre = sum(means) / len(means)
        return sum((m - centre) ** 2 for m in means) / len(means)

    effects = {e.factor: e for e in both.regions[0].effects}
    assert effects["normalisation"].first_order == pytest.approx(
        between([sum(plain) / 5, sum(target) / 5]) / total)
    assert effects["goalposts"].first_order == pytest.approx(
        between([(a + b) / 2 for a, b in zip(plain, target, strict=True)]) / total)
    # () asks for the set's normalisation only
    only = sensitivity(iset, survey, SensitivityOptions(
        weight_range=0.0, aggregations=("arithmetic",), imputations=("none",),
        normalisations=(), goalpost_shift=0.0, band_shift=0.0))
    assert only.factors == () and only.normalisations == ("set",)


def test_band_thresholds_move_the_grade_not_the_index(tmp_path: Path) -> None:
    iset = set_from(tmp_path, ONE.format(target=""))
    survey = survey_of({("R", 2025): [("r", None, {"a1": 57.0})]})
    # one indicator in one pillar: the weights cannot move the index (57); 2000 scenarios.
    # The "High" threshold 58 moves uniformly within 56–60: 57 is High when the threshold
    # falls below 57, a chance of (57 − 56)/4 = 1/4
    result = sensitivity(iset, survey, SensitivityOptions(
        draws=2000, aggregations=("arithmetic",), imputations=("none",), goalpost_shift=0.0))
    reg = result.regions[0]
    assert result.factors == ("weights", "bands") and result.band_shift == 0.02
    (effect,) = [e for e in reg.effects if e.factor == "bands"]
    assert effect.first_order is None and effect.grade_change == pytest.approx(0.25, abs=0.03)
    chances = {c.band.label.get() if c.band else None: c.probability for c in reg.bands}
    assert chances["High"] == pytest.approx(0.25, abs=0.03)
    assert (reg.index.low, reg.index.high) == pytest.approx((57.0, 57.0))
