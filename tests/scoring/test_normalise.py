"""Normalisation by name (issue 6, item 6): distance to target, min–max and z-scores across
the region-years of a run, chosen per set, group or indicator — numbers worked by hand."""

from __future__ import annotations

import math
import typing
from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.errors import InputError
from smartcity_assess.indicators.model import Indicator, Normalisation
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.scoring.normalise import (
    NORMALISERS,
    distance_to_target,
    minmax,
    reference,
    zscore,
)
from smartcity_assess.text import Text

SCALE = (0.0, 100.0)


def indicator(**kwargs: object) -> Indicator:
    base: dict[str, object] = {"id": "x", "title": Text.of("X"), "type": "number",
                               "goalposts": (0.0, 100.0)}
    base.update(kwargs)
    return Indicator(**base)  # type: ignore[arg-type]


def test_registry_names_match_the_file_format() -> None:
    assert set(NORMALISERS) == set(typing.get_args(Normalisation))


@pytest.mark.parametrize(("value", "expected"), [
    (60.0, 75.0),      # 60 / 80
    (80.0, 100.0),     # at the target
    (95.0, 100.0),     # beyond the target: capped
    (-5.0, 0.0),       # below the lower goalpost: 0
])
def test_distance_to_target_higher(value: float, expected: float) -> None:
    ind = indicator(type="percent", target=80.0)
    assert distance_to_target(value, ind, SCALE) == pytest.approx(expected)


def test_distance_to_target_other_cases() -> None:
    # lower is better, goalposts 0–40, target 10: (40 − 25) / (40 − 10) = 0.5
    ind = indicator(goalposts=(0.0, 40.0), direction="lower", target=10.0)
    assert distance_to_target(25.0, ind, SCALE) == pytest.approx(50.0)
    assert distance_to_target(5.0, ind, SCALE) == pytest.approx(100.0)
    # likert 1–5, target 4: (2.5 − 1) / (4 − 1) = 0.5 (not 2.5 / 4: the worst level is 1)
    likert = indicator(type="likert", goalposts=(1.0, 5.0), target=4.0)
    assert distance_to_target(2.5, likert, SCALE) == pytest.approx(50.0)
    # log transform, goalposts 1–1000, target 100: ln 10 / ln 100 = 0.5
    logged = indicator(goalposts=(1.0, 1000.0), transform="log", target=100.0)
    assert distance_to_target(10.0, logged, SCALE) == pytest.approx(50.0)


def test_minmax_and_zscore_against_a_reference() -> None:
    ind = indicator()
    ref = reference([10.0, 20.0, 40.0], ind)
    assert ref is not None
    # (x − 10) / (40 − 10)
    assert [minmax(v, ind, SCALE, ref) for v in (10.0, 20.0, 40.0)] == pytest.approx(
        [0.0, 100 / 3, 100.0])
    lower = indicator(direction="lower")
    assert minmax(20.0, lower, SCALE, ref) == pytest.approx(200 / 3)
    # 2, 4, 6: mean 4, sample sd 2 → z = −1, 0, 1 → 50 + 10 z
    ref = reference([2.0, 4.0, 6.0], ind)
    assert [zscore(v, ind, SCALE, ref) for v in (2.0, 4.0, 6.0)] == pytest.approx(
        [40.0, 50.0, 60.0])
    # on a 1–5 scale: middle 3, one sd = 0.4
    assert zscore(6.0, ind, (1.0, 5.0), ref) == pytest.approx(3.4)
    assert zscore(2.0, lower, SCALE, ref) == pytest.approx(60.0)
    # far out: clipped to the scale (z = 48 → 530 → 100)
    assert zscore(100.0, ind, SCALE, ref) == 100.0


def test_flat_reference_scores_the_middle() -> None:
    ind = indicator()
    ref = reference([7.0], ind)
    assert ref is not None and ref.sd is None
    assert minmax(7.0, ind, SCALE, ref) == 50.0
    assert zscore(7.0, ind, SCALE, ref) == 50.0


RUN_SET = """\
id: n
version: "1"
title: N
normalisation: minmax
pillars:
  - id: a
    title: A
    indicators:
      - {id: x, title: X, type: number, goalposts: [0, 100]}
      - {id: y, title: Y, type: number, goalposts: [0, 100], normalisation: zscore}
  - id: b
    title: B
    normalisation: distance-to-target
    indicators:
      - {id: t, title: T, type: percent, target: 80}
      - {id: g, title: G, type: percent, normalisation: goalposts}
"""


def test_methods_by_set_group_and_indicator_in_a_run(
        tmp_path: Path) -> None:
    iset = set_from(tmp_path, RUN_SET)
    methods = {i.id: i.normalisation for i in iset.indicators()}
    assert methods == {"x": "minmax", "y": "zscore", "t": "distance-to-target",
                       "g": "goalposts"}
    rows = {("A", 2025): {"x": 10.0, "y": 2.0, "t": 40.0, "g": 30.0},
            ("B", 2025): {"x": 20.0, "y": 4.0, "t": 80.0, "g": 60.0},
            ("C", 2025): {"x": 40.0, "y": 6.0, "t": 100.0, "g": 90.0}}
    survey = survey_of({k: [(f"{k[0]}", None, v)] for k, v in rows.items()})
    assessment = assess(iset, survey)
    a, b, c = assessment.results
    assert [r.indicator("x").score for r in (a, b, c)] == pytest.approx([0.0, 100 / 3, 100.0])
    assert [r.indicator("y").score for r in (a, b, c)] == pytest.approx([40.0, 50.0, 60.0])
    assert [r.indicator("t").score for r in (a, b, c)] == pytest.approx([50.0, 100.0, 100.0])
    assert [r.indicator("g").score for r in (a, b, c)] == pytest.approx([30.0, 60.0, 90.0])
    assert a.indicator("x").normalisation == "minmax"
    # targets are normalised like the values: t's target scores the top of the scale
    assert a.indicator("t").target_score == 100.0 and a.indicator("t").score_gap == 50.0
    assert "minmax (1 indicators)" in assessment.methods.normalisation
    assert "zscore (1 indicators)" in assessment.methods.normalisation


def test_run_time_override_and_single_region_warning(
        tmp_path: Path) -> None:
    iset = set_from(tmp_path, RUN_SET.replace("normalisation: minmax\n", "", 1))
    survey = survey_of({("A", 2025): [("a", None, {"x": 10.0, "y": 2.0, "t": 1.0, "g": 5.0})]})
    assessment = assess(iset, survey, ScoringOptions(normalisation="minmax"))
    assert {i.normalisation for i in assessment.results[0].indicators()} == {"minmax"}
    assert assessment.results[0].score == 50.0
    assert len(assessment.warnings) == 4
    assert "all equal" in str(assessment.warnings[0])
    with pytest.raises(ValueError, match="unknown normalisation"):
        assess(iset, survey, ScoringOptions(normalisation="rank"))


def test_distance_to_target_needs_a_usable_target(
        tmp_path: Path) -> None:
    text = """\
id: bad
version: "1"
title: Bad
normalisation: distance-to-target
pillars:
  - id: a
    title: A
    indicators:
      - {id: none, title: No target, type: percent}
      - {id: low, title: Target at the bottom, type: percent, target: 0}
      - {id: lower, title: Lower, type: percent, direction: lower, target: 100}
"""
    with pytest.raises(InputError) as caught:
        set_from(tmp_path, text)
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 3
    assert "has no target" in messages[0]
    assert "above the lower goalpost" in messages[1]
    assert "below the upper goalpost" in messages[2]


def test_goalposts_default_is_unchanged() -> None:
    # the default normaliser ignores a reference and still matches the first engine
    ind = indicator(goalposts=(20.0, 85.0))
    assert NORMALISERS["goalposts"](52.5, ind, SCALE, None) == pytest.approx(50.0)
    assert math.isclose(NORMALISERS["goalposts"](72.0, ind, SCALE, None), 80.0)
