"""Pemda-wide facts (``kind: fact``, issue 10 item 7): one authoritative answer; respondents
who disagree are an error listing who said what, never an average."""

from __future__ import annotations

from pathlib import Path

from survey_helpers import problems, write

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.engine import assess
from smartcity_assess.survey.load import read_survey

SET = """\
id: f
version: "1"
title: Facts
pillars:
  - id: gov
    title: Government
    indicators:
      - {id: perbup, title: Perbup SPBE, type: boolean, kind: fact, roles: [statistik, opd]}
      - {id: csirt, title: CSIRT registered, type: boolean, kind: fact}
      - {id: apps, title: Apps in use, type: number, goalposts: [0, 50], kind: fact,
         roles: [statistik]}
      - {id: rating, title: Rating, type: likert, roles: [opd, warga]}
"""


def fact_set(tmp_path: Path) -> IndicatorSet:
    path = tmp_path / "f.yaml"
    path.write_text(SET, encoding="utf-8")
    return load_indicator_set(path)


def test_agreeing_answers_are_the_fact(tmp_path: Path) -> None:
    iset = fact_set(tmp_path)
    survey = write(tmp_path / "s.csv", (
        "region,year,respondent,role,perbup,csirt,apps,rating\n"
        "Tegal,2025,BPS,statistik,ya,ya,12,\n"
        "Tegal,2025,Diskominfo,opd,ya,ya,,4\n"
        "Tegal,2025,W-1,warga,,ya,,2\n"
        # a citizen's word on the number of apps is not the authority's: not used
        "Tegal,2025,W-2,warga,,,30,3\n"))
    result = assess(iset, read_survey([survey], iset)).results[0]
    # perbup: two authoritative "ya" → 100 (share of yes); apps: BPS alone → 12 of 0–50 = 24
    assert result.indicator("perbup").score == 100.0
    assert result.indicator("perbup").n == 2
    assert result.indicator("csirt").score == 100.0 and result.indicator("csirt").n == 3
    assert result.indicator("apps").value == 12.0 and result.indicator("apps").n == 1
    # a measure is still combined: (4 + 2 + 3) / 3 = 3 → 50
    assert result.indicator("rating").score == 50.0


def test_disagreement_is_an_error_listing_who_said_what(tmp_path: Path) -> None:
    iset = fact_set(tmp_path)
    survey = write(tmp_path / "s.csv", (
        "region,year,respondent,role,perbup,csirt,apps,rating\n"
        "Tegal,2025,BPS,statistik,ya,ya,12,\n"
        "Tegal,2025,Diskominfo,opd,tidak,ya,,4\n"
        "Tegal,2025,W-1,warga,ya,tidak,,2\n"))
    found = problems([survey], iset)
    messages = [(p.line, p.field, p.found, p.message) for p in found]
    # perbup: BPS says ya, Diskominfo tidak (the citizen is not an authority for it);
    # csirt (everybody is asked): BPS and Diskominfo ya, W-1 tidak — all three are listed
    assert [(line, field, shown) for line, field, shown, _ in messages] == [
        (2, "perbup", "'ya'"), (2, "csirt", "'ya'"), (3, "perbup", "'tidak'"),
        (3, "csirt", "'ya'"), (4, "csirt", "'tidak'")]
    first = found[0]
    assert first.file.endswith("s.csv") and first.column == 5
    # the distinct values are the raw answers (no = 0, yes = 1), not scores
    assert "respondents disagree on the fact 'perbup' for Tegal 2025 (0 and 1)" in first.message
    assert "respondent 'BPS' (role statistik) answers 'ya'" in first.message
    assert "respondent 'W-1' (role warga) answers 'tidak'" in found[4].message


def test_disagreement_across_files(tmp_path: Path) -> None:
    iset = fact_set(tmp_path)
    one = write(tmp_path / "stat.csv", "region,year,respondent,role,apps\n"
                                       "Tegal,2025,BPS,statistik,12\n")
    two = write(tmp_path / "long.csv", "region,year,respondent,role,indicator,value\n"
                                       "Tegal,2025,Pemda,statistik,apps,14\n")
    found = problems([one, two], iset)
    assert sorted((Path(p.file).name, p.line, p.found) for p in found) == [
        ("long.csv", 2, "'14'"), ("stat.csv", 2, "'12'")]
    assert all("(12 and 14)" in p.message for p in found)


def test_a_fact_per_area_is_one_fact_per_area(tmp_path: Path) -> None:
    """Figures per kecamatan differ from each other and from the regency's: one fact per
    area. Two answers for the same area that differ are still an error."""
    iset = fact_set(tmp_path)
    survey = write(tmp_path / "s.csv", (
        "region,year,respondent,role,kecamatan,apps\n"
        "Tegal,2025,BPS,statistik,,12\n"
        "Tegal,2025,BPS-A,statistik,Slawi,20\n"
        "Tegal,2025,BPS-B,statistik,Adiwerna,30\n"))
    result = assess(iset, read_survey([survey], iset)).results[0]
    # the regency's own figure (the kecamatan's describe their areas): 12 of 0–50 = 24
    assert result.indicator("apps").value == 12.0
    clash = write(tmp_path / "t.csv", (
        "region,year,respondent,role,kecamatan,apps\n"
        "Tegal,2025,BPS-A,statistik,Slawi,20\n"
        "Tegal,2025,BPS-B,statistik,Slawi,30\n"))
    found = problems([clash], iset)
    assert len(found) == 2
    assert "respondents disagree on the fact 'apps' for Tegal 2025 (20 and 30)" \
        in found[0].message
