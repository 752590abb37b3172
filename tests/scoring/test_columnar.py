"""The vectorised stage 1 agrees with the definitions, region-year by region-year.

:func:`combine_column` and :func:`consistency_by_region` compute every region-year of a run at
once with numpy; here random surveys (several regions, roles with weights, missing answers,
whole and fractional values) are scored both ways: the column at once, and each region-year's
answers through the plain definitions (:data:`COMBINERS`, :func:`sample_sd`,
:func:`cronbach_alpha`, :func:`item_totals`). Values, spreads and per-role values are equal to
the last bit; alpha and correlations to 1e-12 (whole-number answers are summed exactly, the
definitions sum rounded squares).
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.columns import Lineup
from smartcity_assess.scoring.combine import combine_column
from smartcity_assess.scoring.consistency import (
    consistency_by_region,
    cronbach_alpha,
    item_totals,
    likert_items,
)
from smartcity_assess.scoring.grouped import exact_dot, squared_deviations, sums
from smartcity_assess.scoring.respondents import COMBINERS, sample_sd
from smartcity_assess.scoring.tree import Tree
from smartcity_assess.survey.data import SurveyData

SET = """\
id: v
version: "1"
title: V
role_weights: {warga: 2, opd: 1, asn: 0.5}
pillars:
  - id: p
    title: P
    dimensions:
      - id: d1
        title: D1
        indicators:
          - {id: l1, title: L1, type: likert}
          - {id: l2, title: L2, type: likert, direction: lower}
          - {id: l3, title: L3, type: likert, roles: [warga, opd]}
      - id: d2
        title: D2
        indicators:
          - {id: pc, title: PC, type: percent, min_answers: 3}
          - {id: md, title: MD, type: percent, respondents: median}
          - {id: yn, title: YN, type: boolean, respondents: share}
          - {id: lo, title: LO, type: percent, respondents: min}
          - {id: hi, title: HI, type: percent, respondents: max}
"""
ROLES = ("warga", "opd", "asn", None)


@pytest.fixture(scope="module", params=["role weights", "every weight 1"])
def scored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[IndicatorSet, SurveyData, Tree]:
    text = SET if request.param == "role weights" else SET.replace(
        "role_weights: {warga: 2, opd: 1, asn: 0.5}\n", "")
    iset = set_from(tmp_path_factory.mktemp("v"), text)
    rng = random.Random(5)
    regions = {}
    for r, size in enumerate([0, 1, 2, 5, 40, 120, 60, 33]):
        rows = []
        for k in range(size):
            role = rng.choice(ROLES)
            answers: dict[str, float] = {}
            for ind in ("l1", "l2", "l3"):
                if rng.random() < 0.9:
                    answers[ind] = float(rng.randint(1, 5))
            for ind in ("pc", "md", "lo", "hi"):
                if rng.random() < 0.8:
                    answers[ind] = round(rng.uniform(0, 100), rng.choice([0, 1, 2, 7]))
            if rng.random() < 0.7:
                answers["yn"] = float(rng.random() < 0.4)
            rows.append((f"r{r}-{k}", role, answers))
        regions[(f"Region {r}", 2025)] = rows
    survey = survey_of(regions)
    return iset, survey, Tree(iset)


def test_combined_values_spreads_and_roles_equal_the_definitions(scored: tuple) -> None:
    iset, survey, tree = scored
    keys = survey.region_years()
    lineup = Lineup(survey, keys, dict(iset.role_weights))
    for ind in tree.indicators:
        column = lineup.column(ind)
        cells = combine_column(ind, column, lineup.roles.names)
        for g, key in enumerate(keys):
            answers = survey.regions[key].answers.get(ind.id)
            used = [] if answers is None else [
                (v, role) for v, role in zip(answers.values.tolist(), answers.roles,
                                             strict=True)
                if lineup.role_weight(ind, role) > 0]
            values = [v for v, _ in used]
            weights = [lineup.role_weight(ind, role) for _, role in used]
            cell = cells[g]
            assert cell.n == len(values)
            if len(values) < max(ind.min_answers, 1):
                assert cell.value is None
                continue
            rule = COMBINERS[ind.respondents]
            assert cell.value == rule(values, weights, ind.share_from), (ind.id, key)
            assert cell.spread is not None
            assert cell.spread.sd == sample_sd(values)
            assert (cell.spread.minimum, cell.spread.maximum) == (min(values), max(values))
            roles = sorted({role for _, role in used}, key=lambda r: (r is not None, r or ""))
            if len(roles) > 1:
                expected = []
                for role in roles:
                    mine = [(v, lineup.role_weight(ind, role)) for v, rr in used if rr == role]
                    expected.append((role, len(mine), rule([v for v, _ in mine],
                                                           [w for _, w in mine],
                                                           ind.share_from)))
                assert [(r.role, r.n, r.value) for r in cell.by_role] == expected
            else:
                assert cell.by_role == ()


def test_alpha_and_item_rest_correlations_equal_the_definitions(scored: tuple) -> None:
    iset, survey, tree = scored
    assert_alpha_as_defined(iset, survey, tree, 8)


def test_alpha_of_a_panel_with_the_same_respondents_every_year(scored: tuple) -> None:
    """Respondent ids repeat across region-years (a panel): each region-year's respondents
    are still its own."""
    iset, _, tree = scored
    rng = random.Random(3)
    rows = {(region, year): [(f"p{k}", "warga", {ind: float(rng.randint(1, 5))
                                                  for ind in ("l1", "l2", "l3")
                                                  if rng.random() < 0.9})
                             for k in range(30)]
            for region in ("A", "B") for year in (2024, 2025)}
    assert_alpha_as_defined(iset, survey_of(rows), tree, 8)


def assert_alpha_as_defined(iset: IndicatorSet, survey: SurveyData, tree: Tree,
                            least: int) -> None:
    keys = survey.region_years()
    lineup = Lineup(survey, keys, dict(iset.role_weights))
    columns = {i: lineup.column(ind) for i, ind in enumerate(tree.indicators)
               if ind.type == "likert"}
    found = consistency_by_region(tree, columns, len(keys), lineup.respondents)
    checked = 0
    for g, key in enumerate(keys):
        data = survey.regions[key]
        for group in iset.groups():
            items = likert_items(group)
            if len(items) < 2:
                continue
            per_item = []
            for ind in items:
                answers = data.answers.get(ind.id)
                pairs = {} if answers is None else {
                    rid: (6 - v if ind.direction == "lower" else v)
                    for rid, v, role in zip(answers.respondents, answers.values.tolist(),
                                            answers.roles, strict=True)
                    if lineup.role_weight(ind, role) > 0}
                per_item.append(pairs)
            complete = sorted(set.intersection(*(set(p) for p in per_item)))
            if len(complete) < 3:
                assert group.id not in found[g]
                continue
            rows = [[p[rid] for p in per_item] for rid in complete]
            result = found[g][group.id]
            assert result.n == len(rows)
            assert result.alpha == pytest.approx(cronbach_alpha(rows), rel=1e-12, abs=1e-12)
            for item, (r, deleted) in zip(result.items, item_totals(rows), strict=True):
                assert item.correlation == pytest.approx(r, rel=1e-12, abs=1e-12)
                assert item.alpha_if_deleted == pytest.approx(deleted, rel=1e-12, abs=1e-12)
            checked += 1
    assert checked >= least  # e.g. pillar and dimension in the four largest region-years


def test_grouped_sums_are_exactly_rounded() -> None:
    import numpy as np

    rng = random.Random(9)
    values = [rng.choice([0.1, 1e16, -1e16, 3.3, 2.0 ** -30, 7.0]) for _ in range(500)]
    starts = np.array([0, 0, 7, 200, 201, 500])
    bounds = list(zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True))
    got = sums(np.array(values), starts).tolist()
    assert got == [math.fsum(values[a:b]) for a, b in bounds]
    whole = np.array([float(rng.randint(-5, 5)) for _ in range(500)])
    assert sums(whole, starts).tolist() == [math.fsum(whole[a:b].tolist()) for a, b in bounds]
    centre = np.array([0.0, 1 / 3, 2.7, -1.1, 0.3])
    deviations = squared_deviations(whole, starts, centre, True).tolist()
    assert deviations == [math.fsum((v - c) * (v - c) for v in whole[a:b].tolist())
                          for (a, b), c in zip(bounds, centre.tolist(), strict=True)]
    assert exact_dot([3, 1], [0.1, 1e-20]) == math.fsum([0.1, 0.1, 0.1, 1e-20])


def test_hand_built_surveys_with_their_own_tables(tmp_path: Path) -> None:
    """Answers added one by one (each with its own role and respondent tables) line up on
    one table: the same respondent is recognised across indicators."""
    iset = set_from(tmp_path, SET)
    survey = survey_of({("R", 2025): [(f"x{k}", "warga", {"l1": float(1 + k % 5),
                                                          "l2": float(5 - k % 5)})
                                      for k in range(10)]})
    tree = Tree(iset)
    lineup = Lineup(survey, survey.region_years(), dict(iset.role_weights))
    one, two = (lineup.column(tree.indicators[i]) for i in (0, 1))
    assert one.respondents.tolist() == two.respondents.tolist()
    assert len(set(one.respondents.tolist())) == 10


def test_median_with_the_last_region_year_unanswered(tmp_path: Path) -> None:
    """A median indicator answered in the first region-year and not in the last one: the
    empty last group once pointed one past the end of the answers (IndexError)."""
    from smartcity_assess.scoring.engine import assess

    iset = set_from(tmp_path, """\
id: m
version: "1"
title: M
pillars:
  - id: p
    title: P
    indicators:
      - {id: md, title: MD, type: percent, respondents: median}
      - {id: other, title: Other, type: percent}
""")
    survey = survey_of({("A", 2025): [("a1", None, {"md": 10.0}), ("a2", None, {"md": 30.0}),
                                      ("a3", None, {"md": 20.0})],
                        ("B", 2025): [("b1", None, {"other": 50.0})]})
    a, b = assess(iset, survey).results
    assert a.indicator("md").value == 20.0  # the median of 10, 20, 30
    assert b.indicator("md").value is None and b.indicator("md").note == "no answers"
