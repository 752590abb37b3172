"""Survey design (issue 10, item 6): design weights, post-stratification by role and by a
stratum column, per-role estimates, the finite-population correction and the bootstrap that
respects them — every number worked by hand in the comments."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from scoring_helpers import set_from, survey_of

from smartcity_assess.scoring.design import (
    RoleDesign,
    SurveyDesign,
    effective_n,
    fpc_scale,
    poststratify,
)
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.survey.data import SurveyData

SET = """\
id: d
version: "1"
title: Design
pillars:
  - id: p
    title: P
    indicators:
      - {id: q, title: Q, type: likert}
      - {id: own, title: Own, type: likert, roles: [opd]}
"""

KEY = ("Tegal", 2025)


def citizens_and_msmes() -> SurveyData:
    # warga answer 2 and 4 (mean 3), umkm answer 5 four times (mean 5)
    rows = [("W1", "warga", {"q": 2.0}), ("W2", "warga", {"q": 4.0})]
    rows += [(f"U{k}", "umkm", {"q": 5.0}) for k in range(4)]
    return survey_of({KEY: rows})


BY_ROLE = SurveyDesign(post_stratify="role", population=(("umkm", 100.0), ("warga", 900.0)))


def test_design_weights_weigh_each_respondent(tmp_path: Path) -> None:
    survey = survey_of({KEY: [("W1", "warga", {"q": 2.0}), ("W2", "warga", {"q": 4.0})]})
    survey.regions[KEY].weights.update({"W1": 3.0, "W2": 1.0})
    result = assess(set_from(tmp_path, SET), survey)
    q = result.results[0].indicator("q")
    # (3 · 2 + 1 · 4) / (3 + 1) = 2.5 → (2.5 − 1)/4 · 100 = 37.5 (unweighted: 3 → 50)
    assert q.value == pytest.approx(2.5) and q.score == pytest.approx(37.5)
    assert result.design is not None and result.design.weighted
    region = result.design.regions[0]
    assert region.unweighted == pytest.approx(50.0)
    (warga,) = region.roles
    # Kish: (3 + 1)² / (9 + 1) = 1.6 effective respondents out of 2
    assert (warga.n, warga.effective_n) == (2, pytest.approx(1.6))


def test_post_stratification_by_role(tmp_path: Path) -> None:
    iset = set_from(tmp_path, SET)
    pooled = assess(iset, citizens_and_msmes()).results[0].indicator("q")
    # pooled, one answer one vote: (2 + 4 + 4 · 5) / 6 = 4.3333 → 83.33
    assert pooled.value == pytest.approx(26 / 6)
    found = assess(iset, citizens_and_msmes(), ScoringOptions(design=BY_ROLE))
    q = found.results[0].indicator("q")
    # the population is 90 % warga and 10 % umkm: 0.9 · 3 + 0.1 · 5 = 3.2 → 55
    assert q.value == pytest.approx(3.2) and q.score == pytest.approx(55.0)
    region = found.design.regions[0] if found.design else None
    assert region is not None and region.poststratified == ("q",)
    assert region.unweighted == pytest.approx(100 * (26 / 6 - 1) / 4)
    shares = {r.role: (r.sample_share, r.population_share) for r in region.roles}
    # 2 of 6 respondents are warga (33 %) against 90 % of the population
    assert shares["warga"] == (pytest.approx(2 / 6), pytest.approx(0.9))
    assert shares["umkm"] == (pytest.approx(4 / 6), pytest.approx(0.1))
    # the index as each role sees it: q takes warga's 3 (→ 50) or umkm's 5 (→ 100); own is
    # not answered, so the index is q alone
    index = {r.role: r.index for r in region.roles}
    assert index == {"umkm": pytest.approx(100.0), "warga": pytest.approx(50.0)}


def test_roles_that_disagree_are_flagged(tmp_path: Path) -> None:
    found = assess(set_from(tmp_path, SET), citizens_and_msmes(),
                   ScoringOptions(design=BY_ROLE))
    assert found.design is not None
    (comparison,) = found.design.regions[0].comparisons
    umkm, warga = comparison.roles
    # warga: sd of 2, 4 = √2, n 2: standard error 1 raw point = 25 score points, margin
    # 1.96 · 25 = 49; umkm: sd 0 → margin 0. |100 − 50| = 50 > √(49² + 0²) = 49: they differ
    assert (warga.score, warga.margin) == (pytest.approx(50.0), pytest.approx(49.0))
    assert (umkm.score, umkm.margin) == (pytest.approx(100.0), pytest.approx(0.0))
    assert comparison.pooled == pytest.approx(55.0) and comparison.differ


def test_a_role_without_a_population_is_not_post_stratified(tmp_path: Path) -> None:
    design = SurveyDesign(post_stratify="role", population=(("warga", 900.0),
                                                            ("asn", 10.0)))
    found = assess(set_from(tmp_path, SET), citizens_and_msmes(), ScoringOptions(design=design))
    assert found.results[0].indicator("q").value == pytest.approx(26 / 6)
    (notice,) = [n for n in found.warnings if n.code == "poststratification-skipped"]
    assert dict(notice.params) == {"indicator": "q", "roles": "umkm"}


def test_post_stratification_by_a_stratum_column(tmp_path: Path) -> None:
    # two kecamatan: A holds 3 of 4 people. Answers: A 2 (weight 2) and 4 (weight 1) → A's
    # weighted mean (4 + 4)/3 = 8/3; B: 5 → 0.75 · 8/3 + 0.25 · 5 = 2 + 1.25 = 3.25 → 56.25
    survey = survey_of({KEY: [("r1", "warga", {"q": 2.0}), ("r2", "warga", {"q": 4.0}),
                              ("r3", "warga", {"q": 5.0})]})
    survey.regions[KEY].weights.update({"r1": 2.0})
    survey.regions[KEY].strata.update({"r1": "A", "r2": "A", "r3": "B"})
    design = SurveyDesign(post_stratify="stratum", population=(("A", 3000.0), ("B", 1000.0)))
    q = assess(set_from(tmp_path, SET), survey, ScoringOptions(design=design)
               ).results[0].indicator("q")
    assert q.value == pytest.approx(3.25) and q.score == pytest.approx(56.25)


def test_poststratify_by_hand() -> None:
    import numpy as np

    # one group: strata 0, 0, 1 with weights 1, 3, 2 and population 1 : 1 → stratum 0 holds
    # weight 4 → each weight × 0.5 / 4; stratum 1 → 2 × 0.5 / 2
    weights, applied = poststratify(np.array([1.0, 3.0, 2.0]), np.array([0, 0, 1]),
                                    np.array([0, 3]), np.array([10.0, 10.0]))
    assert weights.tolist() == pytest.approx([0.125, 0.375, 0.5]) and applied.tolist() == [True]
    # an answer with no stratum (−1): the group keeps its weights
    weights, applied = poststratify(np.array([1.0, 3.0]), np.array([0, -1]),
                                    np.array([0, 2]), np.array([10.0]))
    assert weights.tolist() == [1.0, 3.0] and applied.tolist() == [False]
    assert effective_n([1.0, 1.0, 1.0]) == 3.0
    assert fpc_scale(9, 36) == pytest.approx(math.sqrt(0.75))
    assert fpc_scale(18, 18) == 0.0 and fpc_scale(18, None) == 1.0


def opd_survey() -> SurveyData:
    rows = [(f"O{k}", "opd", {"own": float(v)}) for k, v in enumerate([1, 2, 3, 4, 5, 2, 3, 4])]
    return survey_of({KEY: rows})


def test_a_census_has_no_sampling_error(tmp_path: Path) -> None:
    iset = set_from(tmp_path, SET)
    plain = assess(iset, opd_survey(), ScoringOptions(bootstrap=400)).results[0]
    assert plain.indicator("own").interval is not None
    assert plain.indicator("own").interval.margin > 5  # type: ignore[union-attr]
    census = SurveyDesign(roles=(RoleDesign("opd", 8, "census"),))
    every = assess(iset, opd_survey(), ScoringOptions(bootstrap=400, design=census)).results[0]
    interval = every.indicator("own").interval
    assert interval is not None and interval.margin == pytest.approx(0.0, abs=1e-9)


def test_the_finite_population_correction_shrinks_the_interval(tmp_path: Path) -> None:
    # 8 of 32 OPD answered: f = 1/4, λ = √(1 − 1/4) = 0.866. A mean's bootstrap deviation
    # from the data's mean shrinks by exactly λ in every draw (the same draws: same seed), so
    # each end of the percentile interval moves towards the score by that factor.
    iset = set_from(tmp_path, SET)
    options = ScoringOptions(bootstrap=400)
    plain = assess(iset, opd_survey(), options).results[0].indicator("own")
    design = SurveyDesign(roles=(RoleDesign("opd", 32, "random"),))
    corrected = assess(iset, opd_survey(), ScoringOptions(bootstrap=400, design=design)
                       ).results[0].indicator("own")
    assert plain.interval is not None and corrected.interval is not None
    score = plain.score or 0.0
    shrink = math.sqrt(0.75)
    assert corrected.interval.low == pytest.approx(score + shrink * (plain.interval.low - score))
    assert corrected.interval.high == pytest.approx(score + shrink
                                                    * (plain.interval.high - score))


def test_the_bootstrap_keeps_the_population_shares(tmp_path: Path) -> None:
    # Resampled within each role: warga's mean in a draw is 2, 3 or 4; umkm's is always 5.
    # Post-stratified: 0.9 · {2, 3, 4} + 0.5 = {2.3, 3.2, 4.1} → scores {32.5, 55, 77.5}.
    # The population sizes also correct for the sampling fraction: 2 of 900 warga, so each
    # deviation from 55 shrinks by λ = √(1 − 2/900) = 0.998888: 55 ∓ 22.5 λ = 32.525 and
    # 77.475 are the ends of the 95 % interval over 1000 draws (each end is reached by about
    # a quarter of the draws). Pooled without the design the draws would instead mix 2 warga
    # with 4 umkm answers.
    found = assess(set_from(tmp_path, SET), citizens_and_msmes(),
                   ScoringOptions(bootstrap=1000, design=BY_ROLE)).results[0].indicator("q")
    assert found.interval is not None
    shrink = math.sqrt(1 - 2 / 900)
    assert (found.interval.low, found.interval.high) == (
        pytest.approx(55 - 22.5 * shrink), pytest.approx(55 + 22.5 * shrink))
    # without the finite-population correction (a role's population given as very large)
    # the ends are 32.5 and 77.5
    large = SurveyDesign(post_stratify="role", population=BY_ROLE.population,
                         roles=(RoleDesign("warga", 10**9), RoleDesign("umkm", 10**9)))
    wide = assess(set_from(tmp_path, SET), citizens_and_msmes(),
                  ScoringOptions(bootstrap=1000, design=large)).results[0].indicator("q")
    assert wide.interval is not None and wide.score == pytest.approx(55.0)
    assert (wide.interval.low, wide.interval.high) == (pytest.approx(32.5, abs=1e-6),
                                                      pytest.approx(77.5, abs=1e-6))
