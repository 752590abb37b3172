"""Scores by area inside a region, worked by hand: own answers, region-wide values, too few."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.geo.model import AreaRef
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.areas import AreaOptions, AreaSpec
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.survey.load import read_survey

SET = """\
id: t
version: "1"
title: T
min_coverage: 0.5
bands:
  - {from: 0, label: Low}
  - {from: 50, label: High}
pillars:
  - id: p1
    title: P1
    indicators:
      - {id: q, title: Q, type: likert, roles: [warga], min_answers: 20}
      - {id: s, title: S, type: percent, roles: [statistik], kind: fact}
  - id: p2
    title: P2
    indicators:
      - {id: o, title: O, type: likert, roles: [opd]}
"""


@pytest.fixture()
def iset(tmp_path: Path) -> IndicatorSet:
    path = tmp_path / "t.yaml"
    path.write_text(SET, encoding="utf-8")
    return load_indicator_set(path)


def files(tmp_path: Path, areas: bool = True) -> list[Path]:
    """10 citizens in A answer 5, 10 in B answer 1, 3 in C and 2 without an area answer 3;
    BPS gives s = 40 for the regency and 80 for A; one OPD answers o = 3."""
    rows = ([("a", "A", 5)] * 10 + [("b", "B", 1)] * 10 + [("c", "C", 3)] * 3
            + [("n", "", 3)] * 2)
    head = "region,year,respondent,role," + ("kecamatan," if areas else "") + "q\n"
    lines = [f"R,2025,{p}{i},warga," + (f"{area}," if areas else "") + f"{q}"
             for i, (p, area, q) in enumerate(rows)]
    citizens = tmp_path / "warga.csv"
    citizens.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    stats = tmp_path / "bps.csv"
    stats.write_text("region,year,respondent,role,kecamatan,indicator,value\n"
                     "R,2025,BPS,statistik,,s,40\n"
                     + ("R,2025,BPS,statistik,A,s,80\n" if areas else "")
                     + "R,2025,Dinas,opd,,o,3\n", encoding="utf-8")
    return [citizens, stats]


def test_areas_by_hand(tmp_path: Path, iset: IndicatorSet) -> None:
    survey = read_survey(files(tmp_path), iset)
    result = assess(iset, survey).results[0]
    # region: q mean of 25 answers (50 + 10 + 9 + 6) / 25 = 3 → 50; s the regency's 40;
    # o 3 → 50; p1 = 45, p2 = 50, index 47.5 (A's 80 describes A, not the regency)
    assert result.score == pytest.approx(47.5)
    assert result.indicator("s").value == 40.0
    a, b, c = result.areas
    assert (a.key, a.status, a.respondents) == ("A", "ok", 10)
    # A: q 5 → 100 (own), s 80 (own), o 50 (region): p1 90, p2 50, index 70
    assert a.score == pytest.approx(70.0) and a.band is not None
    assert a.band.label.get() == "High"
    assert a.pillar("p1").score == pytest.approx(90.0)
    assert a.indicator("q").source == "area" and a.indicator("q").n == 10
    assert a.indicator("s").value == 80.0 and a.indicator("s").source == "area"
    assert a.indicator("o").source == "region" and a.indicator("o").score == pytest.approx(50)
    # q and s carry 0.25 each of the index: half of it measured in A itself
    assert a.local == pytest.approx(0.5) and a.coverage == pytest.approx(1.0)
    # B: q 1 → 0; s is given by area and B has none: not assessed, never the regency's 40
    assert b.indicator("s").source == "none" and b.indicator("s").score is None
    assert b.pillar("p1").score == pytest.approx(0.0)
    assert b.pillar("p1").coverage == pytest.approx(0.5)
    assert b.score == pytest.approx(25.0) and b.coverage == pytest.approx(0.75)
    assert b.local == pytest.approx(0.25)
    # C: 3 respondents < 10: nothing shown but the region-wide values behind it
    assert (c.status, c.respondents, c.score, c.band) == ("not_enough", 3, None, None)
    assert c.indicator("q").value is None and c.indicator("q").source == "none"
    assert all(p.score is None for p in c.pillars)


def test_the_region_does_not_move_with_areas(tmp_path: Path, iset: IndicatorSet) -> None:
    (tmp_path / "plain").mkdir()
    with_areas = assess(iset, read_survey(files(tmp_path), iset)).results[0]
    plain = assess(iset, read_survey(files(tmp_path / "plain", areas=False), iset)).results[0]
    assert plain.areas == ()
    assert with_areas.score == plain.score == pytest.approx(47.5)
    assert [p.score for p in with_areas.pillars] == [p.score for p in plain.pillars]


def test_areas_grouped_by_a_boundary_file(tmp_path: Path, iset: IndicatorSet) -> None:
    options = ScoringOptions(areas=AreaOptions(
        areas=(AreaSpec("33.01", "One", "33.01"), AreaSpec("33.02", "Two", "33.02")),
        members=((AreaRef("A", level="kecamatan"), "33.01"),
                 (AreaRef("B", level="kecamatan"), "33.01"))))
    one, two = assess(iset, read_survey(files(tmp_path), iset), options).results[0].areas
    # A and B are one area: 20 answers, mean 3 → 50; s 80 (A's); index (50+80)/2 and 50
    assert (one.key, one.respondents, one.data_areas) == ("33.01", 20, ("A", "B"))
    assert one.score == pytest.approx(57.5)
    # the file's second area has no respondent: listed as not enough; C counts nowhere
    assert (two.key, two.status, two.respondents) == ("33.02", "not_enough", 0)


def test_fewer_respondents_needed_when_asked(tmp_path: Path, iset: IndicatorSet) -> None:
    options = ScoringOptions(areas=AreaOptions(min_respondents=3))
    c = assess(iset, read_survey(files(tmp_path), iset), options).results[0].areas[2]
    # C's three answers of 3 → 50; s none; o 50: p1 50 (coverage 0.5), index 50
    assert (c.status, c.score) == ("ok", pytest.approx(50.0))


def test_methods_record_the_breakdown(tmp_path: Path, iset: IndicatorSet) -> None:
    extra = dict(assess(iset, read_survey(files(tmp_path), iset)).methods.extra)
    assert "fewer than 10 survey respondents" in extra["areas"]
