"""Fixed bounds without clipping (``clip: false``) and geometric means at zero (issue 10,
items 1 and 4) — every number worked by hand in the comments.

The EU's Digital Economy and Society Index normalises with fixed minima and maxima and does
not clip: "the values of one or another indicator may surpass the indicator's normalisation
maximum or fall below its minimum ... The score for such values will become, respectively,
higher than 1 or lower than 0" (European Commission, DESI methodological note, section
"Normalisation"; in 2016 Belgium's fast-broadband take-up of 77.6 % against a maximum of 75 %
scored 1.03). The set below is a small index of that kind.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from scoring_helpers import one_row, set_from, survey_of

from smartcity_assess.errors import InputError
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.sensitivity import SensitivityOptions, sensitivity

DESI_LIKE = """\
id: desi-like
version: "1"
title: A fixed-bounds index
clip: false
bands:
  - {from: 0, label: Low}
  - {from: 50, label: High}
pillars:
  - id: conn
    title: Connectivity
    weight: 3
    indicators:
      - {id: fbb, title: Fast broadband take-up, type: number, goalposts: [0, 75], weight: 2}
      - {id: price, title: Price index, type: number, goalposts: [1, 5], direction: lower}
  - id: hc
    title: Human capital
    clip: true
    indicators:
      - {id: skills, title: Basic skills, type: number, goalposts: [10, 60]}
      - {id: spec, title: ICT specialists, type: number, goalposts: [0, 5], clip: false}
"""


def test_fixed_bounds_without_clipping_by_hand(tmp_path: Path) -> None:
    iset = set_from(tmp_path, DESI_LIKE)
    result = assess(iset, survey_of(one_row(("EU", 2022), {
        "fbb": 77.6, "price": 5.4, "skills": 5.0, "spec": 6.0}))).results[0]
    scores = {r.id: r.score for r in result.indicators()}
    # fbb: 77.6 / 75 = 1.034667 → 103.466667 (above the maximum: above the scale)
    # price (lower is better): (5.4 − 1) / 4 = 1.1 → 1 − 1.1 = −0.1 → −10 (below the scale)
    # skills: its group says clip: true → 5 is raised to the minimum 10 → 0
    # spec: clip: false on the indicator overrides its group → 6 / 5 = 1.2 → 120
    assert scores["fbb"] == pytest.approx(103.466667, abs=1e-6)
    assert scores["price"] == pytest.approx(-10.0, abs=1e-6)
    assert scores["skills"] == 0.0
    assert scores["spec"] == pytest.approx(120.0, abs=1e-6)
    conn, hc = result.pillars
    # conn = (2 · 103.466667 − 10) / 3 = 196.933333 / 3 = 65.644444
    assert conn.score == pytest.approx(65.644444, abs=1e-6)
    # hc = (0 + 120) / 2 = 60
    assert hc.score == pytest.approx(60.0, abs=1e-6)
    # index = (3 · 65.644444 + 60) / 4 = 256.933333 / 4 = 64.233333
    assert result.score == pytest.approx(64.233333, abs=1e-6)
    assert result.band is not None and result.band.label.get() == "High"
    model = iset.indicator_map()
    assert (model["fbb"].clip, model["skills"].clip, model["spec"].clip) == (False, True, False)


def test_clipped_by_default(tmp_path: Path) -> None:
    iset = set_from(tmp_path, DESI_LIKE.replace("clip: false\nbands", "bands"))
    result = assess(iset, survey_of(one_row(("EU", 2022), {
        "fbb": 77.6, "price": 5.4, "skills": 5.0, "spec": 6.0}))).results[0]
    # fbb 100, price 0 → conn (200 + 0) / 3 = 66.666667; hc (0 + 120) / 2 = 60 (spec keeps
    # its own clip: false); index (3 · 66.666667 + 60) / 4 = 65
    assert result.pillars[0].score == pytest.approx(200 / 3)
    assert result.score == pytest.approx(65.0)


def test_below_the_lowest_band_is_the_lowest_band(tmp_path: Path) -> None:
    iset = set_from(tmp_path, DESI_LIKE)
    result = assess(iset, survey_of(one_row(("EU", 2022), {
        "fbb": 0.0, "price": 7.0, "skills": 5.0, "spec": 0.0}))).results[0]
    # price: (7 − 1)/4 = 1.5 → −50; conn = (0 − 50)/3 = −16.666667; hc = 0;
    # index = (3 · −16.666667 + 0)/4 = −12.5: below the scale, in the lowest band
    assert result.score == pytest.approx(-12.5)
    assert result.band is not None and result.band.label.get() == "Low"
    assert iset.band_for(-1000.0) is iset.bands[0]
    assert iset.band_for(None) is None
    # the sensitivity analysis counts such scenarios in the lowest band, not as unassessed
    data = survey_of(one_row(("EU", 2022), {"fbb": 0.0, "price": 7.0, "skills": 5.0,
                                            "spec": 0.0}))
    found = sensitivity(iset, data, SensitivityOptions(
        draws=20, aggregations=("arithmetic",), goalpost_shift=0.0, band_shift=0.0)).regions[0]
    chances = {c.band.label.get() if c.band else None: c.probability for c in found.bands}
    assert chances == {"Low": 1.0, "High": 0.0}
    # a geometric mean of the pillars is undefined with conn below 0: those scenarios are
    # not assessed (half of them when both aggregations are tried)
    both = sensitivity(iset, data, SensitivityOptions(draws=20, goalpost_shift=0.0,
                                                      band_shift=0.0)).regions[0]
    chances = {c.band.label.get() if c.band else None: c.probability for c in both.bands}
    assert chances == {"Low": 0.5, "High": 0.0, None: 0.5}


def test_targets_beyond_the_goalposts_score_beyond_the_scale(tmp_path: Path) -> None:
    text = DESI_LIKE.replace("goalposts: [0, 75], weight: 2}",
                             "goalposts: [0, 75], weight: 2, target: 90}")
    result = assess(set_from(tmp_path, text), survey_of(one_row(("EU", 2022), {
        "fbb": 77.6, "price": 3.0, "skills": 20.0, "spec": 1.0}))).results[0]
    fbb = result.indicator("fbb")
    # target 90 / 75 = 1.2 → 120; the gap 120 − 103.466667 = 16.533333 points, 12.4 raw
    assert fbb.target_score == pytest.approx(120.0)
    assert fbb.score_gap == pytest.approx(16.533333, abs=1e-6)
    assert fbb.gap == pytest.approx(12.4)


LOG_SET = """\
id: log
version: "1"
title: Income
pillars:
  - id: p
    title: P
    indicators:
      - id: gni
        title: GNI per capita
        type: number
        goalposts: [100, 75000]
        range: [1, 1000000]
        transform: log
"""


def test_log_transform_without_clipping(tmp_path: Path) -> None:
    # UNDP's HDI caps income at 75,000 (clipped): ln(80000 / 100) / ln(75000 / 100) would be
    # 6.6846117 / 6.6200732 = 1.0097489 → 100.974891 without the cap.
    data = survey_of(one_row(("X", 2022), {"gni": 80000.0}))
    clipped = assess(set_from(tmp_path, LOG_SET), data).results[0]
    assert clipped.indicator("gni").score == 100.0
    free = assess(set_from(tmp_path, LOG_SET.replace("pillars:", "clip: false\npillars:")),
                  data).results[0]
    expected = 100 * math.log(800) / math.log(750)
    assert free.indicator("gni").score == pytest.approx(100.974891, abs=1e-6)
    assert free.indicator("gni").score == pytest.approx(expected, rel=1e-12)
    # below the lower goalpost: ln(50 / 100) / 6.620073 = −0.104704 → −10.470
    low = assess(set_from(tmp_path, LOG_SET.replace("pillars:", "clip: false\npillars:")),
                 survey_of(one_row(("X", 2022), {"gni": 50.0}))).results[0]
    assert low.indicator("gni").score == pytest.approx(100 * math.log(0.5) / math.log(750))


def test_clip_false_with_a_log_needs_a_positive_range(tmp_path: Path) -> None:
    text = LOG_SET.replace("        range: [1, 1000000]\n", "").replace(
        "pillars:", "clip: false\npillars:")
    with pytest.raises(InputError) as caught:
        set_from(tmp_path, text)
    (problem,) = caught.value.problems
    assert "clip: false and transform: log" in problem.message
    assert problem.field == "pillars[0].indicators[0].range"


# --- geometric means at zero ---------------------------------------------------------------

GEOMETRIC = """\
id: geo
version: "1"
title: Geometric
aggregation: geometric
{floor}
pillars:
  - id: a
    title: A
    indicators: [{{id: xa, title: A, type: percent}}]
  - id: b
    title: B
    indicators: [{{id: xb, title: B, type: percent}}]
  - id: c
    title: C
    indicators: [{{id: xc, title: C, type: percent}}]
"""


def test_a_geometric_mean_with_a_zero_is_refused_without_a_floor(tmp_path: Path) -> None:
    iset = set_from(tmp_path, GEOMETRIC.format(floor=""))
    found = assess(iset, survey_of(one_row(("R", 2025), {"xa": 0.0, "xb": 50.0, "xc": 50.0})))
    result = found.results[0]
    # ln 0 is undefined: the index is not assessed (it used to be 0), and a notice says why
    assert result.score is None and result.coverage == pytest.approx(1.0)
    (notice,) = [n for n in found.warnings if n.code == "geometric-zero"]
    assert dict(notice.params) == {"group": "geo", "item": "a"}  # pillar a
    assert "geometric_floor" in notice.text("en")
    # just above zero the formula holds: (0.01 · 50 · 50)^(1/3) = 25^(1/3) = 2.924018
    near = assess(iset, survey_of(one_row(("R", 2025), {"xa": 0.01, "xb": 50.0, "xc": 50.0})))
    assert near.results[0].score == pytest.approx(2.924018, abs=1e-6)


def test_a_geometric_floor_shifts_low_scores_continuously(tmp_path: Path) -> None:
    iset = set_from(tmp_path, GEOMETRIC.format(floor="geometric_floor: 1"))
    # a at 0 and at 0.01 are both raised to the floor 1: (1 · 50 · 50)^(1/3) = 2500^(1/3)
    # = 13.572088, the same value for both (no jump between 0 and 0.01)
    for a in (0.0, 0.01, 1.0):
        result = assess(iset, survey_of(one_row(("R", 2025), {"xa": a, "xb": 50.0, "xc": 50.0})))
        assert result.results[0].score == pytest.approx(13.572088, abs=1e-6)
        assert not result.warnings
    # above the floor nothing changes: (8 · 50 · 50)^(1/3) = 20000^(1/3) = 27.144176
    result = assess(iset, survey_of(one_row(("R", 2025), {"xa": 8.0, "xb": 50.0, "xc": 50.0})))
    assert result.results[0].score == pytest.approx(27.144176, abs=1e-6)


def test_the_floor_is_inherited_and_checked(tmp_path: Path) -> None:
    iset = set_from(tmp_path, GEOMETRIC.format(floor="geometric_floor: 1"))
    assert iset.geometric_floor == 1.0
    assert [p.geometric_floor for p in iset.pillars] == [1.0, 1.0, 1.0]
    with pytest.raises(InputError) as caught:
        set_from(tmp_path, GEOMETRIC.format(floor="geometric_floor: 0"))
    (problem,) = caught.value.problems
    assert problem.field == "geometric_floor" and "above 0" in problem.message


def test_the_monte_carlo_follows_the_same_rule(tmp_path: Path) -> None:
    iset = set_from(tmp_path, GEOMETRIC.format(floor=""))
    tested = sensitivity(iset, survey_of(one_row(("R", 2025), {"xa": 0.0, "xb": 50.0,
                                                                "xc": 50.0})),
                         SensitivityOptions(draws=10, aggregations=("geometric",),
                                            imputations=("none",), goalpost_shift=0.0))
    index = tested.regions[0].index
    assert index.nominal is None and index.assessed == 0.0
