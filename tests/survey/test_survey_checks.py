"""The analyst's checks: warnings with file and row, worded through the catalogue."""

from __future__ import annotations

import csv
from pathlib import Path

from survey_helpers import write
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.survey.checks import distance, region_parts, similar_regions
from smartcity_assess.survey.load import read_survey

ROOT = Path(__file__).parents[2]
BPS = ROOT / "examples" / "bps-ipm" / "bps-ipm-kabkota-2020-2024.csv"
V2 = load_indicator_set("smartcity-id")


def test_edit_distance() -> None:
    assert distance("tegal", "tegal", 1) == 0
    assert distance("tegal", "tgeal", 1) == 1  # a swap counts one
    assert distance("tegal", "tegl", 1) == 1
    assert distance("bandung", "badung", 1) == 1
    assert distance("maluku", "mamuju", 3) == 2
    assert distance("tegal", "kediri", 1) == 2  # beyond the limit: limit + 1


def test_region_parts() -> None:
    assert region_parts("Kab. Maluku Tengah") == ("kabupaten", frozenset({"tengah"}),
                                                  "malukutengah", "maluku")
    assert region_parts("KABUPATEN  Tegal")[0] == region_parts("Kab Tegal")[0] == "kabupaten"
    assert region_parts("Kota Tegal")[0] == region_parts("Kot. Tegal")[0] == "kota"
    assert region_parts("Kabupten Tegal")[0] == "kabupaten"  # a typo in the prefix
    assert region_parts("Tegal")[0] is None
    assert region_parts("Kotabaru")[2] == "kotabaru"  # a regency, not "Kota Baru"


def test_similar_region_names() -> None:
    names = ["Kabupaten Tegal", "Kab. Tegal", "Kota Tegal", "Kabupaten Tgeal", "Tegal",
             "Kabupaten Maluku Tengah", "Kabupaten Maluku Tenggara", "Kabupaten Aceh Tenah",
             "Kabupaten Aceh Tengah", "Kabupaten Aceh Barat", "Kabupaten Aceh Barat Daya"]
    found = {(names[i], names[j]) for i, j in similar_regions(names)}
    assert ("Kabupaten Tegal", "Kab. Tegal") in found
    assert ("Kabupaten Tegal", "Kabupaten Tgeal") in found
    assert ("Kabupaten Tegal", "Tegal") in found and ("Kota Tegal", "Tegal") in found
    assert ("Kabupaten Aceh Tenah", "Kabupaten Aceh Tengah") in found
    # two regions each: the prefix differs, the direction differs, a word is added
    assert ("Kabupaten Tegal", "Kota Tegal") not in found
    assert ("Kabupaten Maluku Tengah", "Kabupaten Maluku Tenggara") not in found
    assert ("Kabupaten Aceh Barat", "Kabupaten Aceh Barat Daya") not in found


def test_no_false_alarm_on_the_514_regions_of_bps() -> None:
    with BPS.open(encoding="utf-8") as stream:
        names = sorted({row["region"] for row in csv.DictReader(stream)})
    assert len(names) == 514
    assert similar_regions(names) == []


def test_checks_with_file_and_row(tmp_path: Path) -> None:
    path = write(tmp_path / "bps.csv",
                 "region,year,soc.internet_users,gov.ict_budget_share,eco.startups\n"
                 "Kabupaten Tegal,2023,27.5,1.2,3\n"       # line 2
                 "Kabupaten Tegal,2024,0.275,0.8,45\n"     # line 3: a fraction; 15× startups
                 "Kab. Tegal,2025,30,1,40\n")              # line 4: the same region?
    survey = read_survey([path], V2)
    texts = [n.text("en") for n in survey.notices]
    assert texts == [
        f"{path}:4: region Kab. Tegal looks like Kabupaten Tegal ({path}:2); one region "
        "written two ways is scored as two regions: write it the same way",
        f"{path}:3: 'soc.internet_users' = 0.275 next to answers such as 27.5: a fraction "
        "typed into a percent column? (27.5 %)",
        f"{path}:3: 'eco.startups' in Kabupaten Tegal changes 15× from 3 (2023) to 45 (2024); "
        "check the value and its unit"]
    # 0.8 % of the budget beside 1.2 %: a small percentage, not a fraction; and the jump of
    # internet users (27.5 → 0.275) is the fraction already said, not said twice
    names = {"eco.startups": "Startup digital", "soc.internet_users": "Pengguna internet"}
    assert survey.notices[2].text("id", names) == (
        f"{path}:3: “Startup digital” di Kabupaten Tegal berubah 15× dari 3 (2023) ke 45 "
        "(2024); periksa satuan dan angkanya")
    assert survey.notices[1].text("id", names).startswith(
        f"{path}:3: “Pengguna internet” = 0,275 sedangkan jawaban lain seperti 27,5")


def test_one_respondent_in_two_regions(tmp_path: Path) -> None:
    path = write(tmp_path / "w.csv", "region,year,respondent,role,gov.eservice_use\n"
                 "Kabupaten Tegal,2025,R1,warga,ya\nKabupaten Tegal,2025,R2,warga,ya\n"
                 "Kota Tegal,2025,R1,warga,tidak\n")
    (notice,) = read_survey([path], V2).notices
    assert notice.code == "respondent-regions" and notice.region == "Kota Tegal"
    assert notice.text("en") == (f"{path}:4: respondent R1 also answers for Kabupaten Tegal; "
                                 "one id for two people? Give everyone an id of their own")


def test_many_findings_are_counted_not_listed(tmp_path: Path) -> None:
    rows = "".join(f"Region {i},2025,R1,warga,ya\n" for i in range(30))
    path = write(tmp_path / "w.csv", "region,year,respondent,role,gov.eservice_use\n" + rows)
    found = read_survey([path], V2).notices
    clashes = [n for n in found if n.code == "respondent-regions"]
    assert len(clashes) == 20  # MAX_PER_CHECK
    # ("Region 1" and "Region 11" also look alike: that check has findings of its own)
    (more,) = [n for n in found if n.code == "more-checks"
               and dict(n.params)["check"] == "respondent-regions"]
    assert more.text("en") == "… and 9 more findings of the respondent-regions check"


def test_validate_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "w.csv", "region,year,respondent,role,gov.eservice_use\n"
                 "Kabupaten Tegal,2025,R1,warga,ya\nKota Tegal,2025,R1,warga,tidak\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0 and "warning: " in result.stderr
    result = CliRunner().invoke(app, ["validate", str(path), "--strict"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-2:] == [
        f"error: 1 problem in {path}",
        f"  {path}:3: respondent R1 also answers for Kabupaten Tegal; one id for two people? "
        "Give everyone an id of their own; expected data that passes the checks (or no "
        "--strict)"]


def test_the_sample_passes_every_check() -> None:
    sample = ROOT / "src" / "smartcity_assess" / "sample"
    survey = read_survey(sorted(sample.glob("tegal-*.*")), V2)
    assert survey.notices == []
