"""Normalisation, aggregation and respondent rules, with numbers worked by hand."""

from __future__ import annotations

import math

import pytest

from smartcity_assess.indicators.model import Indicator
from smartcity_assess.scoring.aggregate import AGGREGATORS, arithmetic, geometric
from smartcity_assess.scoring.normalise import goalposts
from smartcity_assess.scoring.respondents import COMBINERS, sample_sd
from smartcity_assess.text import Text


def indicator(**kwargs: object) -> Indicator:
    base: dict[str, object] = {"id": "x", "title": Text.of("X"), "type": "number",
                               "goalposts": (20.0, 85.0)}
    base.update(kwargs)
    return Indicator(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(20.0, 0.0), (85.0, 100.0), (52.5, 50.0), (10.0, 0.0), (99.0, 100.0), (72.0, 80.0)],
)
def test_goalposts_linear_and_clipped(value: float, expected: float) -> None:
    assert goalposts(value, indicator(), (0.0, 100.0)) == pytest.approx(expected)


def test_goalposts_lower_is_better_and_other_scale() -> None:
    ind = indicator(goalposts=(0.0, 40.0), direction="lower")
    assert goalposts(10.0, ind, (0.0, 100.0)) == pytest.approx(75.0)
    # on a 1–5 scale the same position is 1 + 0.75 × 4 = 4
    assert goalposts(10.0, ind, (1.0, 5.0)) == pytest.approx(4.0)


def test_goalposts_log_matches_bps_expenditure_index() -> None:
    # BPS: Kabupaten Tegal 2021 expenditure index 0.692053 (shared/data/README.md)
    ind = indicator(goalposts=(1007.436, 26572.352), transform="log")
    value = math.exp(math.log(1007.436) + 0.692053 * (math.log(26572.352) - math.log(1007.436)))
    assert goalposts(value, ind, (0.0, 100.0)) == pytest.approx(69.2053)


def test_aggregators() -> None:
    assert arithmetic([40.0, 80.0], [0.25, 0.75]) == pytest.approx(70.0)
    # weighted geometric: 40^0.25 × 80^0.75 = 67.27
    assert geometric([40.0, 80.0], [0.25, 0.75]) == pytest.approx(40 ** 0.25 * 80 ** 0.75)
    assert geometric([0.0, 80.0], [0.5, 0.5]) == 0.0
    assert set(AGGREGATORS) == {"arithmetic", "geometric"}


def test_respondent_rules() -> None:
    values, ones = [1.0, 2.0, 4.0, 5.0], [1.0] * 4
    assert COMBINERS["mean"](values, ones, None) == 3.0
    assert COMBINERS["median"](values, ones, None) == 3.0
    assert COMBINERS["median"]([1.0, 2.0, 9.0], [1.0] * 3, None) == 2.0
    assert COMBINERS["share"](values, ones, 4.0) == 50.0
    assert COMBINERS["min"](values, ones, None) == 1.0
    assert COMBINERS["max"](values, ones, None) == 5.0
    # role weights: an answer of weight 3 counts three times
    assert COMBINERS["mean"]([2.0, 4.0], [3.0, 1.0], None) == 2.5
    assert COMBINERS["share"]([5.0, 1.0], [3.0, 1.0], 4.0) == 75.0
    assert COMBINERS["median"]([1.0, 5.0, 3.0], [1.0, 1.0, 5.0], None) == 3.0


def test_sample_sd() -> None:
    assert sample_sd([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]) == pytest.approx(2.13809, 1e-5)
    assert sample_sd([3.0]) is None
