"""Survey templates: CSV header, XLSX form, determinism, and a fill-in round trip."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from survey_helpers import answers, make_set, pairs

from smartcity_assess.indicators.model import Group, IndicatorSet
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.template import fixed_date, template_header, write_template
from smartcity_assess.text import Text

HEADER = ["region", "year", "respondent", "role", "net", "wifi", "speed", "online", "plan", "open"]


@pytest.fixture()
def iset() -> IndicatorSet:
    """The survey tests' six-indicator set."""
    return make_set()


def test_csv_template_is_the_header(tmp_path: Path, iset: IndicatorSet) -> None:
    path = tmp_path / "form.csv"
    write_template(iset, path, fmt="csv", lang="id")
    assert path.read_bytes() == (",".join(HEADER) + "\r\n").encode()
    assert template_header(iset) == HEADER


def test_xlsx_template_sheets(tmp_path: Path, iset: IndicatorSet) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "form.xlsx"
    write_template(iset, path, fmt="xlsx", lang="id")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Survey", "Questions", "Instructions"]
    survey = workbook["Survey"]
    assert [c.value for c in survey[1]] == HEADER
    assert survey["A1"].font.b is True
    assert survey.freeze_panes == "E2"
    assert survey["E1"].comment.text == ("Persen rumah tangga online?\n\n"
                                        "nilai yang diterima: dari 0 sampai 100")
    assert survey["F1"].comment.text == ("Public wifi spots\n\nnilai yang diterima: dari 0 sampai "
                                        "50 (per 10k)")
    rules = {str(rule.sqref): rule for rule in survey.data_validations.dataValidation}
    assert rules["H2:H1048576"].formula1 == '"1,2,3,4,5"'
    assert rules["I2:I1048576"].formula1 == '"ya,tidak"'
    assert rules["J2:J1048576"].formula1 == '"none,partial,full"'
    assert (rules["E2:E1048576"].type, rules["E2:E1048576"].formula1,
            rules["E2:E1048576"].formula2) == ("decimal", "0.0", "100.0")
    assert (rules["B2:B1048576"].type, rules["B2:B1048576"].formula1) == ("whole", "1900")
    assert rules["D2:D1048576"].formula1 == '"opd"'
    assert "G2:G1048576" not in rules  # a number without a valid range takes anything
    questions = workbook["Questions"]
    assert [c.value for c in questions[1]] == ["id", "pilar", "pertanyaan", "jenis", "satuan",
                                               "nilai yang diterima", "rubrik tingkat",
                                               "diisi oleh"]
    online = [c.value for c in questions[5]]
    assert online == ["online", "Pemerintahan", "Services online", "skala", None,
                      "1, 2, 3, 4, 5", "1: level 1\n2: level 2\n3: level 3\n4: level 4\n"
                      "5: level 5", "opd"]
    assert [c.value for c in questions[6]][5:] == ["ya, tidak", None, "semua responden"]
    assert workbook["Instructions"]["A1"].value == "Cara mengisi formulir survei ini"


def test_xlsx_template_in_english(tmp_path: Path, iset: IndicatorSet) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "form.xlsx"
    write_template(iset, path, fmt="xlsx", lang="en")
    workbook = load_workbook(path)
    assert workbook["Survey"]["E1"].comment.text.startswith("Share of households online?")
    assert workbook["Questions"]["B2"].value == "Infrastructure"
    assert workbook["Instructions"]["A1"].value == "How to fill in this survey form"
    rules = {str(r.sqref): r for r in workbook["Survey"].data_validations.dataValidation}
    assert rules["I2:I1048576"].formula1 == '"yes,no"'


def test_xlsx_template_is_byte_identical(tmp_path: Path, iset: IndicatorSet,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_template(iset, first, fmt="xlsx", lang="id")
    write_template(iset, second, fmt="xlsx", lang="id")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2026-01-01T00:00:00Z" in core
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert fixed_date().year == 2000


@pytest.mark.slow
def test_xlsx_template_identical_across_processes(tmp_path: Path) -> None:
    code = ("import sys; sys.path.insert(0, {tests!r}); from survey_helpers import make_set; "
            "from smartcity_assess.survey.template import write_template; "
            "write_template(make_set(), sys.argv[1], fmt='xlsx', lang='en')")
    tests = str(Path(__file__).parent)
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.xlsx"
        subprocess.run([sys.executable, "-c", code.format(tests=tests), str(out)], check=True,
                       env={"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1767225600",
                            "PATH": "/usr/bin:/bin"})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_formula_like_text_stays_text(tmp_path: Path, iset: IndicatorSet) -> None:
    from openpyxl import load_workbook

    hostile = dataclasses.replace(
        iset.pillars[0], title=Text.of("=HYPERLINK(\"http://x\")"),
        children=(dataclasses.replace(iset.pillars[0].children[0],  # type: ignore[type-var]
                                      question=Text.of("=1+1"), unit="@SUM(A1)"),))
    hostile_set = dataclasses.replace(iset, pillars=(hostile,))
    path = tmp_path / "form.xlsx"
    write_template(hostile_set, path, fmt="xlsx", lang="en")
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist()
                  if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets)
    questions = load_workbook(path)["Questions"]
    assert questions["B2"].value == '=HYPERLINK("http://x")'
    assert questions["B2"].data_type == "s"
    assert questions["C2"].value == "=1+1" and questions["C2"].data_type == "s"


def test_round_trip(tmp_path: Path, iset: IndicatorSet) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "form.xlsx"
    write_template(iset, path, fmt="xlsx", lang="id")
    workbook = load_workbook(path)
    workbook["Survey"].append(["Tegal", 2025, "R1", "OPD", 72.5, 3, None, 4, "ya", "partial"])
    workbook.save(path)
    data = read_survey([path], iset)
    assert answers(data, "net") == [72.5]
    assert pairs(data, "online") == [(4.0, "opd")]
    assert answers(data, "plan") == [1.0]
    assert answers(data, "open") == [50.0]
    assert "speed" not in data.regions[("Tegal", 2025)].answers
    assert data.files[0].rows == 1

    csv_path = tmp_path / "form.csv"
    write_template(iset, csv_path, fmt="csv", lang="en")
    with csv_path.open("a", encoding="utf-8", newline="") as stream:
        stream.write("Tegal,2025,R1,opd,72.5,3,,4,yes,partial\r\n")
    assert answers(read_survey([csv_path], iset), "online") == [4.0]


def test_choice_list_that_cannot_be_inline(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    iset = make_set()
    gov = iset.pillars[1]
    choice = dataclasses.replace(gov.children[2],  # type: ignore[type-var]
                                 choices=(("yes, fully", 100.0), ("no", 0.0)))
    changed = dataclasses.replace(iset, pillars=(iset.pillars[0], dataclasses.replace(
        gov, children=(*gov.children[:2], choice))))
    assert isinstance(changed.pillars[1], Group)
    path = tmp_path / "form.xlsx"
    write_template(changed, path, fmt="xlsx", lang="en")
    rules = {str(r.sqref) for r in load_workbook(path)["Survey"].data_validations.dataValidation}
    assert "J2:J1048576" not in rules
