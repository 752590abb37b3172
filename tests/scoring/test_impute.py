"""Imputation by name (issue 6, item 4): none, group-mean, group-median, previous-year.

Hand-worked on a pillar of three indicators with weights 1, 1, 2 (normalised ¼, ¼, ½).
"""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.indicators.model import Imputation, IndicatorSet
from smartcity_assess.render.scores_json import assessment_to_dict
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.scoring.impute import IMPUTATION_METHODS

SET = """\
id: i
version: "1"
title: I
imputation: {method}
pillars:
  - id: p
    title: P
    aggregation: {aggregation}
    indicators:
      - {{id: a, title: A, type: percent}}
      - {{id: b, title: B, type: percent}}
      - {{id: c, title: C, type: percent, weight: 2}}
"""


def make(tmp_path: Path, method: str,
         aggregation: str = "arithmetic") -> IndicatorSet:
    return set_from(tmp_path, SET.format(method=method, aggregation=aggregation))


def test_registry_names_match_the_file_format() -> None:
    assert IMPUTATION_METHODS == set(typing.get_args(Imputation))


def test_none_renormalises(tmp_path: Path) -> None:
    result = assess(make(tmp_path, "none"),
                    survey_of({("R", 2025): [("r", None, {"a": 20.0, "c": 80.0})]})).results[0]
    # b missing: (¼·20 + ½·80) / ¾ = 45 / 0.75 = 60
    assert result.pillar("p").score == pytest.approx(60.0)
    assert result.indicator("b").score is None and result.indicator("b").imputed is None


def test_group_mean_fills_from_siblings_without_adding_coverage(
        tmp_path: Path) -> None:
    result = assess(make(tmp_path, "group-mean"),
                    survey_of({("R", 2025): [("r", None, {"a": 20.0, "c": 80.0})]})).results[0]
    b = result.indicator("b")
    # unweighted mean of the measured siblings: (20 + 80) / 2 = 50
    assert b.score == pytest.approx(50.0) and b.imputed == "group-mean"
    assert b.value is None and b.coverage == 0.0 and b.note == "no answers"
    pillar = result.pillar("p")
    # ¼·20 + ¼·50 + ½·80 = 57.5 (differs from 60 because the weights are unequal)
    assert pillar.score == pytest.approx(57.5)
    assert pillar.coverage == pytest.approx(0.75)     # measured data only
    assert pillar.imputed == pytest.approx(0.25)
    assert result.imputed == pytest.approx(0.25)


def test_group_mean_equals_renormalising_with_equal_weights(
        tmp_path: Path) -> None:
    text = SET.replace(", weight: 2", "")
    answers = {("R", 2025): [("r", None, {"a": 20.0, "c": 80.0})]}
    mean = assess(set_from(tmp_path, text.format(method="group-mean", aggregation="arithmetic")),
                  survey_of(answers)).results[0]
    none = assess(set_from(tmp_path, text.format(method="none", aggregation="arithmetic")),
                  survey_of(answers)).results[0]
    assert mean.score == pytest.approx(none.score)   # the Handbook's remark, exactly 50


def test_group_median_and_geometric(tmp_path: Path) -> None:
    rows = {("R", 2025): [("r", None, {"b": 10.0, "c": 90.0})]}
    result = assess(make(tmp_path, "group-median", "geometric"), survey_of(rows)).results[0]
    # a = median(10, 90) = 50; geometric: 50^¼ · 10^¼ · 90^½
    assert result.indicator("a").score == pytest.approx(50.0)
    assert result.pillar("p").score == pytest.approx(50 ** 0.25 * 10 ** 0.25 * 90 ** 0.5)


def test_a_group_below_coverage_is_not_rescued(tmp_path: Path) -> None:
    # only a (¼ of the pillar) measured: coverage 0.25 < 0.5 → not assessed even if imputed
    result = assess(make(tmp_path, "group-mean"),
                    survey_of({("R", 2025): [("r", None, {"a": 20.0})]})).results[0]
    assert result.pillar("p").score is None
    assert result.indicator("b").score == pytest.approx(20.0)


def test_previous_year(tmp_path: Path) -> None:
    iset = make(tmp_path, "previous-year")
    survey = survey_of({
        ("R", 2022): [("r", None, {"a": 10.0, "b": 30.0, "c": 50.0})],
        ("R", 2023): [("r", None, {"a": 20.0, "c": 60.0})],          # b: from 2022
        ("R", 2024): [("r", None, {"a": 30.0})],                      # b: 2022, c: 2023
        ("S", 2024): [("s", None, {"a": 90.0, "c": 90.0})],           # no earlier S year
    })
    results = {(r.region, r.year): r for r in assess(iset, survey).results}
    b23 = results[("R", 2023)].indicator("b")
    assert (b23.value, b23.score, b23.imputed, b23.imputed_from) == (
        30.0, 30.0, "previous-year", 2022)
    assert b23.coverage == 1.0 and b23.spread is None and b23.n == 0
    r24 = results[("R", 2024)]
    assert r24.indicator("b").imputed_from == 2022          # the latest *measured* year
    assert r24.indicator("c").imputed_from == 2023
    # carried-forward values count as coverage: ¼·30 + ¼·30 + ½·60 = 45
    assert r24.pillar("p").coverage == pytest.approx(1.0)
    assert r24.pillar("p").score == pytest.approx(45.0)
    assert results[("S", 2024)].indicator("b").score is None   # other regions never lend


def test_run_time_override_and_record(tmp_path: Path) -> None:
    iset = make(tmp_path, "none")
    survey = survey_of({("R", 2025): [("r", None, {"a": 20.0, "c": 80.0})]})
    assessment = assess(iset, survey, ScoringOptions(imputation="group-mean"))
    assert assessment.results[0].indicator("b").imputed == "group-mean"
    extra = dict(assessment.methods.extra)
    assert extra["imputation"].startswith("group-mean (3 indicators)")
    data = assessment_to_dict(assessment)
    b = data["results"][0]["pillars"][0]["children"][1]
    assert (b["id"], b["imputed"], b["score"]) == ("b", "group-mean", 50.0)
    assert data["results"][0]["pillars"][0]["imputed"] == 0.25
    assert data["methods"]["imputation"] == extra["imputation"]
