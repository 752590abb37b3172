"""Internal consistency (issue 6, item 5): Cronbach's alpha and corrected item–total
correlations, worked by hand on five respondents and three Likert items.

        item1 item2 item3 | total | item2+item3
    R1    2     3     3   |   8   |    6
    R2    3     3     4   |  10   |    7
    R3    3     4     4   |  11   |    8
    R4    4     4     5   |  13   |    9
    R5    5     5     5   |  15   |   10

Sample variances (n − 1 = 4): item1 5.2/4 = 1.3, item2 2.8/4 = 0.7, item3 2.8/4 = 0.7,
total 29.2/4 = 7.3.
    α = k/(k − 1) · (1 − Σ var_i / var_total) = 3/2 · (1 − 2.7/7.3) = 6.9/7.3 = 0.945205…
Corrected item–total r of item1 with item2+item3 (deviations −1.4 −0.4 −0.4 0.6 1.6 and
−2 −1 0 1 2): Σxy = 7.0, Σx² = 5.2, Σy² = 10 → r = 7 / √52 = 0.970725…
Alpha without item1: 2 · (1 − (0.7 + 0.7) / 2.5) = 0.88.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.render.scores_json import assessment_to_dict
from smartcity_assess.scoring.consistency import cronbach_alpha, item_totals
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.survey.data import SurveyData

MATRIX = [[2.0, 3.0, 3.0], [3.0, 3.0, 4.0], [3.0, 4.0, 4.0], [4.0, 4.0, 5.0], [5.0, 5.0, 5.0]]


def test_alpha_by_hand() -> None:
    assert cronbach_alpha(MATRIX) == pytest.approx(6.9 / 7.3)
    first = item_totals(MATRIX)[0]
    assert first[0] == pytest.approx(7 / math.sqrt(52))
    assert first[1] == pytest.approx(0.88)
    assert cronbach_alpha([[1.0, 1.0], [1.0, 1.0]]) is None      # no variance
    assert cronbach_alpha([[1.0], [2.0]]) is None                 # one item


SET = """\
id: c
version: "1"
title: C
pillars:
  - id: p
    title: P
    indicators:
      - {id: i1, title: I1, type: likert}
      - {id: i2, title: I2, type: likert}
      - {id: i3, title: I3, type: likert}
      - {id: i4, title: I4, type: likert, direction: DIRECTION}
      - {id: n, title: N, type: percent}
"""


def survey(ids: bool = True) -> SurveyData:
    rows = []
    for k, (a, b, c) in enumerate(MATRIX):
        rows.append((f"r{k}", None, {"i1": a, "i2": b, "i3": c, "i4": 6 - a, "n": 50.0}))
    rows.append(("late", None, {"i1": 5.0}))          # not every item: left out
    return survey_of({("R", 2025): rows}, ids=ids)


def test_in_the_engine_with_a_reversed_item(tmp_path: Path) -> None:
    iset = set_from(tmp_path, SET.replace("DIRECTION", "higher"))
    assessment = assess(iset, survey())
    found = assessment.results[0].pillar("p").consistency
    assert found is not None and found.n == 5
    assert [i.id for i in found.negative_items] == ["i4"]
    assert len(assessment.warnings) == 1 and "'i4' correlates negatively" in str(
        assessment.warnings[0])
    # reverse-coded (direction: lower), item 4 = item 1: it agrees with the rest
    iset = set_from(tmp_path, SET.replace("DIRECTION", "lower"))
    assessment = assess(iset, survey())
    found = assessment.results[0].pillar("p").consistency
    assert found is not None and not found.negative_items and assessment.warnings == ()
    # four items, i4 ≡ i1: var_total = var(8,10,11,13,15 + 2,3,3,4,5) = var(10,13,14,17,20)
    # = 58.8/4 = 14.7; Σ var_i = 1.3 + 0.7 + 0.7 + 1.3 = 4.0 → α = 4/3 · (1 − 4/14.7)
    assert found.alpha == pytest.approx(4 / 3 * (1 - 4 / 14.7))
    item = assessment_to_dict(assessment)["results"][0]["pillars"][0]["consistency"]["items"][0]
    assert set(item) == {"id", "item_total", "alpha_if_deleted"}


def test_needs_respondent_ids_and_can_be_switched_off(
        tmp_path: Path) -> None:
    iset = set_from(tmp_path, SET.replace("DIRECTION", "higher"))
    without_ids = assess(iset, survey(ids=False))
    assert without_ids.results[0].pillar("p").consistency is None
    off = assess(iset, survey(), ScoringOptions(consistency=False))
    assert off.results[0].pillar("p").consistency is None and off.warnings == ()
