"""Outlier treatment by name (issue 6, item 4): winsorisation of answers or of region-years."""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.errors import InputError
from smartcity_assess.indicators.model import Outliers
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.outliers import winsorise
from smartcity_assess.scoring.stats import quantile


def test_quantile_is_linear_interpolation() -> None:
    # Hyndman & Fan 7 (R's and numpy's default): h = (n − 1) p
    values = [1.0, 2.0, 3.0, 4.0, 100.0]
    assert quantile(values, 0.1) == pytest.approx(1.4)     # h = 0.4: 1 + 0.4 · 1
    assert quantile(values, 0.9) == pytest.approx(61.6)    # h = 3.6: 4 + 0.6 · 96
    assert quantile(values, 0.5) == 3.0
    assert quantile([7.0], 0.3) == 7.0


def test_winsorise_by_hand() -> None:
    treated, changed = winsorise([4.0, 100.0, 1.0, 2.0, 3.0], (0.1, 0.9))
    assert treated == pytest.approx([4.0, 61.6, 1.4, 2.0, 3.0]) and changed == 2
    assert winsorise([1.0, 100.0], (0.1, 0.9)) == ([1.0, 100.0], 0)   # too few to judge


SET = """\
id: o
version: "1"
title: O
outliers: {{method: winsorise, limits: [0.1, 0.9], over: {over}}}
pillars:
  - id: p
    title: P
    indicators:
      - {{id: apps, title: Apps, type: number, goalposts: [0, 100]}}
      - {{id: kept, title: Kept, type: number, goalposts: [0, 100], outliers: {{method: none}}}}
"""


def test_over_answers(tmp_path: Path) -> None:
    iset = set_from(tmp_path, SET.format(over="answers"))
    assert iset.indicator_map()["apps"].outliers == Outliers("winsorise", (0.1, 0.9), "answers")
    assert iset.indicator_map()["kept"].outliers is None
    rows = [(f"r{v}", None, {"apps": v, "kept": v}) for v in (1.0, 2.0, 3.0, 4.0, 100.0)]
    assessment = assess(iset, survey_of({("R", 2025): rows}))
    apps = assessment.results[0].indicator("apps")
    # mean of 1.4, 2, 3, 4, 61.6 = 72 / 5 = 14.4 (untreated: 22)
    assert apps.value == pytest.approx(14.4) and apps.winsorised == 2
    assert apps.spread is not None and apps.spread.maximum == 100.0   # spread shows the data
    assert assessment.results[0].indicator("kept").value == pytest.approx(22.0)
    assert "answers of each region-year (1 indicators)" in dict(
        assessment.methods.extra)["outliers"]


def test_over_regions(tmp_path: Path) -> None:
    iset = set_from(tmp_path, SET.format(over="regions"))
    regions = {(f"R{v:g}", 2025): [("x", None, {"apps": v})]
               for v in (1.0, 2.0, 3.0, 4.0, 100.0)}
    results = {r.region: r for r in assess(iset, survey_of(regions)).results}
    assert results["R100"].indicator("apps").value == pytest.approx(61.6)
    assert results["R100"].indicator("apps").winsorised == 1
    assert results["R1"].indicator("apps").value == pytest.approx(1.4)
    assert results["R3"].indicator("apps").winsorised == 0


def test_limits_are_checked(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        set_from(tmp_path, SET.format(over="regions").replace("[0.1, 0.9]", "[0.9, 0.1]"))
    assert caught.value.problems[0].field == "outliers.limits"
