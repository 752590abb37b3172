"""The masterplan's chapter on the survey design (issue 10, item 6): the design-weighted
index with its interval next to the unweighted one, the roles, where they disagree, and the
notes on purposive and census roles — numbers worked by hand (see tests/scoring/
test_design.py for the same survey)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.planning.plan import Plan
from smartcity_assess.report.build import render_reports
from smartcity_assess.report.chapters.design import DesignChapter
from smartcity_assess.scoring.design import RoleDesign, SurveyDesign
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.scoring.results import Assessment
from smartcity_assess.survey.data import Answers, RegionData, SurveyData

SET = """\
id: d
version: "1"
title: Design
bands:
  - {from: 0, label: Low}
  - {from: 50, label: High}
pillars:
  - id: p
    title: People
    indicators:
      - {id: q, title: Services are good, type: likert, roles: [warga, umkm]}
"""


def survey() -> SurveyData:
    region = RegionData()
    answers = region.answers.setdefault("q", Answers())
    rows = [("W1", "warga", 2.0), ("W2", "warga", 4.0)]
    rows += [(f"U{k}", "umkm", 5.0) for k in range(4)]
    for respondent, role, value in rows:
        answers.add(value, role, respondent)
        region.respondents.add(respondent)
    region.roles = {"umkm": 4, "warga": 2}
    return SurveyData(regions={("Kab A", 2025): region})


DESIGN = SurveyDesign(post_stratify="role", population=(("umkm", 100.0), ("warga", 900.0)),
                      roles=(RoleDesign("umkm", None, "purposive"),), source="illustrative")


@pytest.fixture()
def designed(tmp_path: Path) -> Assessment:
    path = tmp_path / "d.yaml"
    path.write_text(SET, encoding="utf-8")
    return assess(replace(load_indicator_set(path), source="d.yaml"), survey(),
                  ScoringOptions(bootstrap=200, design=DESIGN))


def chapter(files: dict[str, bytes]) -> str:
    text = files["masterplan.md"].decode()
    found = re.search(r"^## \d+ Survey design.*?(?=^## )", text, re.S | re.M)
    assert found, "no design chapter"
    return found.group(0)


def test_the_chapter_by_hand(designed: Assessment, plan: Plan) -> None:
    md = chapter(render_reports(designed, plan=plan, lang="en", formats=("md",)))
    # post-stratified: 0.9 · 3 + 0.1 · 5 = 3.2 → 55; unweighted (2 + 4 + 20)/6 = 4.333 → 83.3
    assert "Design-weighted index: 55.0 (± " in md
    # the shift is worded with its direction, never a bare "-28.33": 55.0 − 83.33 = −28.33
    assert ("Unweighted (every answer counting once): 83.3; weighting lowers the index by "
            "28.33 points.") in md
    assert "-28" not in md and "−28" not in md
    # roles: umkm 4 of 6 (66.7 %) against 10 % of the population; the index as each sees it:
    # umkm's 5 → 100, warga's 3 → 50
    assert "| MSME owners | 4 | 4.0 | purposive | 100 | 66.7% | 10.0% | 100.0 |" in md
    assert "| Residents | 2 | 2.0 | random | 900 | 33.3% | 90.0% | 50.0 |" in md
    # warga 50 ± 49 (sd √2, n 2: 1.96 · 25), umkm 100 ± 0: |50| > 49, they differ clearly
    assert "1 of 1 questions differ clearly" in md
    assert ("| Services are good | 100.0 ± 0.0 (n 4) | 50.0 ± 49.0 (n 2) | 55.0 | yes |"
            in md)
    assert "The respondents among MSME owners were chosen purposively" in md
    assert "Source of the population figures: illustrative" in md


def test_no_design_no_chapter(make_assessment: Callable[..., Assessment], plan: Plan) -> None:
    files = render_reports(make_assessment(), plan=plan, lang="en", formats=("md",))
    assert "Survey design" not in files["masterplan.md"].decode()


def test_both_languages_and_html(designed: Assessment, plan: Plan) -> None:
    files = render_reports(designed, plan=plan, lang="id", formats=("html", "md"))
    html = files["masterplan.html"].decode()
    assert 'id="desain-survei"' in html and "Desain survei: siapa yang menjawab" in html
    md = files["masterplan.md"].decode()
    assert "Indeks tertimbang desain: 55,0" in md
    assert "83,3; pembobotan menurunkan indeks sebesar 28,33 poin." in md
    assert "83,3; pembobotan menurunkan indeks sebesar 28,33 poin." in html
    # roles by who answers, in the document's language
    assert "| Pelaku UMKM | 4 | 4,0 | purposif |" in md
    assert "Responden kelompok Pelaku UMKM dipilih secara purposif" in md


@pytest.mark.parametrize(("index", "unweighted", "key"), [
    (46.72, 46.70, "design_shift_up"),      # +0.02: raises
    (46.68, 46.70, "design_shift_down"),    # −0.02: lowers
    (46.702, 46.70, "design_shift_none"),   # +0.002 shows as 0,00: unchanged
    (46.7, None, None),                     # no unweighted index: no sentence
])
def test_the_shift_is_a_direction_in_words(index: float, unweighted: float | None,
                                           key: str | None) -> None:
    found = DesignChapter(index=index, interval=None, unweighted=unweighted,
                          post_stratify=None, weighted=True, roles=(), compared=(),
                          comparisons=(), differing=0, purposive=(), census=(), source="")
    assert found.shift_key == key
    if unweighted is not None:
        assert found.shift == pytest.approx(index - unweighted)
