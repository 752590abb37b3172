"""Bootstrap confidence intervals (issue 6, item 2): seeded, stratified, whole tree."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.render.scores_json import assessment_to_dict, to_json
from smartcity_assess.scoring.bootstrap import Resampler
from smartcity_assess.scoring.columns import Lineup
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.scoring.tree import Tree
from smartcity_assess.survey.data import SurveyData

SET = """\
id: b
version: "1"
title: B
pillars:
  - id: survey
    title: Survey
    indicators:
      - {id: x, title: X, type: percent, roles: [citizen]}
      - {id: y, title: Y, type: percent, roles: [citizen]}
  - id: stats
    title: Statistics
    indicators:
      - {id: s, title: S, type: percent, roles: [official]}
"""


@pytest.fixture()
def iset(tmp_path: Path) -> IndicatorSet:
    return set_from(tmp_path, SET)


def citizens(n: int, seed: int = 1) -> list[tuple[str, str | None, dict[str, float]]]:
    rng = random.Random(seed)
    rows: list[tuple[str, str | None, dict[str, float]]] = []
    for k in range(n):
        value = float(rng.randint(0, 100))
        rows.append((f"c{k}", "citizen", {"x": value, "y": value}))
    return rows


def test_single_rows_have_zero_width(iset: IndicatorSet) -> None:
    survey = survey_of({("R", 2025): [("stat", "official", {"s": 70.0}),
                                      ("c0", "citizen", {"x": 40.0, "y": 60.0})]})
    assessment = assess(iset, survey, ScoringOptions(bootstrap=50))
    result = assessment.results[0]
    for node in (result, result.pillar("stats"), result.indicator("s"), result.indicator("x")):
        assert node.interval is not None
        assert node.interval.low == node.interval.high == node.score
        assert node.interval.draws == 50 and node.interval.margin == 0.0


def test_two_answers_by_hand(iset: IndicatorSet) -> None:
    # x answered 0 and 100: a draw gives 0 (p ¼), 50 (½) or 100 (¼); the 95% interval is
    # the 2.5th and 97.5th percentile of 1000 draws: 0 and 100
    rows = [("c0", "citizen", {"x": 0.0}), ("c1", "citizen", {"x": 100.0})]
    result = assess(iset, survey_of({("R", 2025): rows}),
                    ScoringOptions(bootstrap=1000)).results[0]
    x = result.indicator("x")
    assert x.score == 50.0 and x.interval is not None
    assert (x.interval.low, x.interval.high, x.interval.draws) == (0.0, 100.0, 1000)


def test_seeded_and_reproducible(iset: IndicatorSet) -> None:
    survey = survey_of({("R", 2025): [*citizens(60), ("stat", "official", {"s": 70.0})]})
    first = assess(iset, survey, ScoringOptions(bootstrap=200))
    again = assess(iset, survey, ScoringOptions(bootstrap=200))
    other = assess(iset, survey, ScoringOptions(bootstrap=200, seed=7))
    assert to_json(first) == to_json(again)
    assert first.results[0].interval != other.results[0].interval
    interval = first.results[0].interval
    assert interval is not None and first.results[0].score is not None
    assert interval.low < first.results[0].score < interval.high
    # a wider confidence gives a wider interval
    wide = assess(iset, survey, ScoringOptions(bootstrap=200, confidence=0.99))
    assert wide.results[0].interval is not None
    assert wide.results[0].interval.margin >= interval.margin


def resampler_of(tree: Tree, survey: SurveyData, by_respondent: bool) -> Resampler:
    lineup = Lineup(survey, survey.region_years(), {})
    return Resampler(tree, [lineup.column(ind) for ind in tree.indicators], 0, by_respondent)


def test_respondents_move_together_and_strata_are_kept(iset: IndicatorSet) -> None:
    rows = [*citizens(30), ("stat", "official", {"s": 70.0})]
    tree = Tree(iset)
    rng = random.Random(3)
    resampler = resampler_of(tree, survey_of({("R", 2025): rows}), by_respondent=True)
    assert sorted(len(s) for s in resampler.strata) == [1, 30]   # citizens | statistics row
    for _ in range(100):
        x, y, s = resampler.draw(rng)
        assert x == y            # a citizen's two answers are drawn together
        assert s == 70.0         # the statistics row is in every draw
    loose = resampler_of(tree, survey_of({("R", 2025): rows}, ids=False), by_respondent=False)
    draws = [loose.draw(rng) for _ in range(100)]
    assert any(x != y for x, y, _ in draws)   # answers resampled per indicator


def test_level_is_recorded_and_json_keys(iset: IndicatorSet) -> None:
    rows = [*citizens(20), ("stat", "official", {"s": 70.0})]
    by_respondent = assess(iset, survey_of({("R", 2025): rows}), ScoringOptions(bootstrap=20))
    by_answer = assess(iset, survey_of({("R", 2025): rows}, ids=False),
                       ScoringOptions(bootstrap=20))
    assert by_respondent.bootstrap is not None and by_respondent.bootstrap.level == "respondents"
    assert by_answer.bootstrap is not None and by_answer.bootstrap.level == "answers"
    data = assessment_to_dict(by_respondent)
    assert data["bootstrap"] == {"draws": 20, "seed": 20250101, "confidence": 0.95,
                                 "level": "respondents", "method": "percentile"}
    region = data["results"][0]
    assert set(region["interval"]) == {"low", "high", "margin", "draws"}
    assert "interval" in region["pillars"][0] and "interval" in region["pillars"][0]["children"][0]
    assert "bootstrap" in dict(by_respondent.methods.extra)
    # without a bootstrap nothing of it appears
    plain = assessment_to_dict(assess(iset, survey_of({("R", 2025): rows})))
    assert "bootstrap" not in plain and "interval" not in plain["results"][0]
    assert "bootstrap" not in plain["methods"]


def test_intervals_follow_cross_region_methods(tmp_path: Path) -> None:
    # minmax links region-years: a constant region's score moves when another one's does
    iset = set_from(tmp_path, SET.replace("type: percent, roles: [official]",
                                "type: percent, roles: [official], normalisation: minmax"))
    survey = survey_of({
        ("A", 2025): [("a", "official", {"s": 50.0})],
        ("B", 2025): [("b", "official", {"s": 60.0}), ("b2", "official", {"s": 100.0})],
        ("C", 2025): [("c", "official", {"s": 0.0})],
    })
    results = assess(iset, survey, ScoringOptions(bootstrap=300)).results
    a = results[0].indicator("s")
    # A = 50 / max(50, B, 0) with B = 80 → 62.5; B's draws are 60, 80 or 100 (p ¼, ½, ¼),
    # so A is 83.3, 62.5 or 50: the 95% interval is [50, 83.3]
    assert a.score == 62.5 and a.interval is not None
    assert a.interval.low == pytest.approx(50.0)
    assert a.interval.high == pytest.approx(250 / 3)


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="confidence"):
        ScoringOptions(bootstrap=10, confidence=1.5).check()
    with pytest.raises(ValueError, match="bootstrap"):
        ScoringOptions(bootstrap=-1).check()


def test_many_draws_at_once_are_the_draws_one_by_one(iset: IndicatorSet) -> None:
    """The counts of 40 draws made at once from numpy's Mersenne Twister, put in the state
    random.Random(seed) starts from, are those of 40 draws made one unit at a time."""
    from smartcity_assess.scoring.bootstrap import _random_state

    rows = [*citizens(25), *[(f"o{k}", "official", {"s": 60.0 + k}) for k in range(4)]]
    resampler = resampler_of(Tree(iset), survey_of({("R", 2025): rows}), by_respondent=True)
    assert sorted(len(s) for s in resampler.strata) == [4, 25]
    rng = random.Random(11)
    expected = []
    for _ in range(40):
        counts = [0.0] * resampler.size
        for stratum in resampler.varying:
            members = stratum.tolist()
            for _ in members:
                counts[members[int(rng.random() * len(members))]] += 1
        expected.append(counts)
    drawn = resampler.counts(_random_state(11).random_sample((40, resampler.randoms)))
    assert drawn.tolist() == expected
    assert drawn.sum(axis=1).tolist() == [29.0] * 40
