"""Item 1 of issue 6: role weights, questions asked of some roles only, minimum answers,
spread, and the value per role — every number worked by hand in the comments."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.engine import assess

SET = """\
id: r
version: "1"
title: R
role_weights: {citizen: 1, opd: 3, asn: 0}
pillars:
  - id: p
    title: P
    indicators:
      - {id: q, title: Q, type: likert, roles: [citizen, opd]}
      - {id: m, title: M, type: likert, respondents: median}
      - {id: s, title: S, type: likert, respondents: share}
      - {id: few, title: Few, type: likert, min_answers: 3}
"""

ROWS = [
    ("c1", "citizen", {"q": 2.0, "m": 1.0, "s": 5.0, "few": 4.0}),
    ("c2", "citizen", {"q": 4.0, "m": 2.0, "s": 2.0, "few": 4.0}),
    ("o1", "opd", {"q": 5.0, "m": 5.0, "s": 4.0}),
    ("a1", "asn", {"q": 1.0, "m": 1.0, "s": 1.0}),   # role weight 0: never counts
    ("x1", "stranger", {"q": 1.0}),                   # not asked q; no weight for its role
]


@pytest.fixture()
def iset(tmp_path: Path) -> IndicatorSet:
    return set_from(tmp_path, SET)


def test_role_weights_and_asked_roles(iset: IndicatorSet) -> None:
    result = assess(iset, survey_of({("R", 2025): ROWS})).results[0]
    q = result.indicator("q")
    # asked of citizen and opd only: answers 2, 4 (weight 1 each) and 5 (weight 3)
    # mean = (2 + 4 + 3·5) / (1 + 1 + 3) = 21 / 5 = 4.2 → (4.2 − 1) / 4 × 100 = 80
    assert q.value == pytest.approx(4.2)
    assert q.score == pytest.approx(80.0)
    assert q.n == 3
    # spread is of the answers as given (one answer, one vote): 2, 4, 5
    # mean 11/3; squared deviations 25/9 + 1/9 + 16/9 = 42/9; / (n − 1) = 7/3
    assert q.spread is not None
    assert q.spread.sd == pytest.approx(math.sqrt(7 / 3))
    assert (q.spread.minimum, q.spread.maximum) == (2.0, 5.0)
    assert q.spread.share_positive == pytest.approx(2 / 3)   # 4 and 5 are ≥ 4
    # value per role, each with the indicator's own rule
    assert [(r.role, r.n, r.value) for r in q.by_role] == [
        ("citizen", 2, 3.0), ("opd", 1, 5.0)]


def test_weighted_median_and_share(iset: IndicatorSet) -> None:
    result = assess(iset, survey_of({("R", 2025): ROWS})).results[0]
    # median over c1 1 (w1), c2 2 (w1), o1 5 (w3); a1 dropped (weight 0).
    # ordered weights 1, 1, 3 of total 5: half (2.5) is first reached at 5
    assert result.indicator("m").value == 5.0
    # share of answers ≥ 4: c1 5 (w1) and o1 4 (w3) of total weight 5 → 80 %
    assert result.indicator("s").value == pytest.approx(80.0)
    assert result.indicator("s").score == pytest.approx(80.0)


def test_minimum_answers(iset: IndicatorSet) -> None:
    result = assess(iset, survey_of({("R", 2025): ROWS})).results[0]
    few = result.indicator("few")
    assert few.score is None and few.n == 2 and few.note == "fewer than 3 answers"
    # the pillar renormalises over the three assessed indicators (coverage 3/4)
    pillar = result.pillar("p")
    assert pillar.coverage == pytest.approx(0.75)
    assert pillar.score == pytest.approx((80.0 + 100.0 + 80.0) / 3)


def test_single_role_has_no_breakdown(iset: IndicatorSet) -> None:
    rows = [("c1", "citizen", {"q": 2.0}), ("c2", "citizen", {"q": 3.0})]
    result = assess(iset, survey_of({("R", 2025): rows})).results[0]
    assert result.indicator("q").by_role == ()
    assert result.indicator("q").value == 2.5
