"""The methodology annex counts the answers read and says which do not count, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.planning.plan import Plan
from smartcity_assess.report.build import render_reports
from smartcity_assess.scoring.engine import assess
from smartcity_assess.survey.load import read_survey


@pytest.mark.slow
def test_the_annex_lists_unused_answers(tmp_path: Path) -> None:
    iset = load_indicator_set("smartcity-id")
    path = tmp_path / "survei.csv"
    path.write_text("region,year,respondent,role,eco.umkm_online_sales,soc.internet_users\n"
                    "Kabupaten Tegal,2025,U1,umkm,ya,\nKabupaten Tegal,2025,W1,warga,ya,\n"
                    "Kabupaten Tegal,2025,BPS,statistik,,70\n", encoding="utf-8")
    assessment = assess(iset, read_survey([path], iset))
    files = render_reports(assessment, plan=Plan(), lang="en")
    markdown = files["masterplan.md"].decode()
    assert ("3 answers were read from the survey files; 2 of them count in a score.\n\n"
            "- 1 answer to “MSMEs selling online” from role warga: the question is for "
            "umkm only\n") in markdown
    html = files["masterplan.html"].decode()
    assert "<li>1 answer to “MSMEs selling online” from role warga" in html
    indonesian = render_reports(assessment, plan=Plan(), lang="id")["masterplan.md"].decode()
    assert "Dari berkas survei dibaca 3 jawaban; 2 di antaranya dipakai dalam skor." in indonesian
