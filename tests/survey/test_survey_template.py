"""Survey templates: CSV header, the XLSX workbook of one sheet per role, determinism, and a
fill-in round trip."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from survey_helpers import answers, make_set, pairs, problems

from smartcity_assess.indicators.model import Group, IndicatorSet
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.template import (
    csv_template,
    fixed_date,
    template_header,
    write_template,
    xlsx_template,
)
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


def test_csv_template_of_one_role(iset: IndicatorSet) -> None:
    # the opd form: every question that asks everybody, and 'online' (opd only)
    assert csv_template(iset, "opd") == (",".join(HEADER) + "\r\n").encode()
    assert template_header(iset, "opd") == HEADER


def test_xlsx_template_sheets(tmp_path: Path, iset: IndicatorSet) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "form.xlsx"
    write_template(iset, path, fmt="xlsx", lang="id")
    workbook = load_workbook(path)
    # a sheet per role (opd, and everybody else), then the questions and the instructions
    assert workbook.sheetnames == ["opd", "semua", "Pertanyaan", "Petunjuk"]
    opd = workbook["opd"]
    assert opd["A1"].value == "peran: opd" and opd["A1"].font.b is True
    assert opd["B1"].value.startswith("Perangkat Daerah (OPD): Diisi oleh pejabat")
    assert [c.value for c in opd[4]] == [h for h in HEADER if h != "role"]
    assert opd["A4"].font.b is True
    assert opd.freeze_panes == "D5"
    # the question and what it accepts, above each column
    assert opd["D2"].value == "Persen rumah tangga online?"
    assert opd["D3"].value == "angka dari 0 sampai 100 (%)"
    assert opd["E3"].value == "angka dari 0 sampai 50 (per 10k)"
    assert opd["G3"].value == ("pilih satu: 1 — level 1; 2 — level 2; 3 — level 3; 4 — level 4; "
                               "5 — level 5")
    assert opd["H3"].value == "ya / tidak"
    assert opd["I3"].value == "pilih satu: none (None); partial (Partial); full (Full)"
    rules = {str(rule.sqref): rule for rule in opd.data_validations.dataValidation}
    assert rules["G5:G1048576"].formula1 == '"1,2,3,4,5"'
    assert rules["H5:H1048576"].formula1 == '"ya,tidak"'
    assert rules["I5:I1048576"].formula1 == '"none,partial,full"'
    assert (rules["D5:D1048576"].type, rules["D5:D1048576"].formula1,
            rules["D5:D1048576"].formula2) == ("decimal", "0.0", "100.0")
    assert (rules["B5:B1048576"].type, rules["B5:B1048576"].formula1) == ("whole", "1900")
    assert "F5:F1048576" not in rules  # a number without a valid range takes anything
    everybody = workbook["semua"]
    assert everybody["A1"].value is None  # no role: the rows say theirs, or have none
    assert [c.value for c in everybody[4]] == ["region", "year", "respondent", "net", "wifi",
                                               "speed", "plan", "open"]
    questions = workbook["Pertanyaan"]
    assert [c.value for c in questions[1]] == ["id", "pilar", "pertanyaan", "jenis", "satuan",
                                               "nilai yang diterima", "rubrik tingkat",
                                               "diisi oleh"]
    online = [c.value for c in questions[5]]
    assert online == ["online", "Pemerintahan", "Services online", "skala", None,
                      "1, 2, 3, 4, 5", "1: level 1\n2: level 2\n3: level 3\n4: level 4\n"
                      "5: level 5", "opd"]
    assert [c.value for c in questions[6]][5:] == ["ya, tidak", None, "semua responden"]
    assert workbook["Petunjuk"]["A1"].value == "Cara mengisi formulir survei ini"


def test_xlsx_template_in_english(tmp_path: Path, iset: IndicatorSet) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "form.xlsx"
    write_template(iset, path, fmt="xlsx", lang="en")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["opd", "all", "Questions", "Instructions"]
    assert workbook["opd"]["A1"].value == "role: opd"
    assert workbook["opd"]["D2"].value == "Share of households online?"
    assert workbook["Questions"]["B2"].value == "Infrastructure"
    assert workbook["Instructions"]["A1"].value == "How to fill in this survey form"
    rules = {str(r.sqref): r for r in workbook["opd"].data_validations.dataValidation}
    assert rules["H5:H1048576"].formula1 == '"yes,no"'


def test_bundled_workbook_names_and_units_in_indonesian(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from smartcity_assess.indicators.loader import load_indicator_set

    workbook = load_workbook(io.BytesIO(xlsx_template(load_indicator_set(None), "id")))
    assert workbook.sheetnames == ["warga", "umkm", "opd", "asn", "statistik", "Pertanyaan",
                                   "Petunjuk"]
    statistik = workbook["statistik"]
    header = [c.value for c in statistik[4]]
    wifi = header.index("infra.public_wifi") + 1
    assert statistik.cell(row=3, column=wifi).value == (
        "angka dari 0 sampai 1000 (titik per 10.000 penduduk)")
    # a sheet holds only its role's questions
    warga = [c.value for c in workbook["warga"][4]]
    assert "infra.signal_quality" in warga and "infra.desa_4g" not in warga


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
    workbook = load_workbook(path)
    questions = workbook["Questions"]
    assert questions["B2"].value == '=HYPERLINK("http://x")'
    assert questions["B2"].data_type == "s"
    assert questions["C2"].value == "=1+1" and questions["C2"].data_type == "s"
    form = workbook[workbook.sheetnames[0]]
    assert form["D2"].value == "=1+1" and form["D2"].data_type == "s"


def test_round_trip(tmp_path: Path, iset: IndicatorSet) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "form.xlsx"
    write_template(iset, path, fmt="xlsx", lang="id")
    workbook = load_workbook(path)
    # the opd sheet says its role: its rows need no role column
    workbook["opd"].append(["Tegal", 2025, "R1", 72.5, 3, None, 4, "ya", "partial"])
    workbook["semua"].append(["Tegal", 2025, "W1", 40, None, None, "tidak", None])
    workbook.save(path)
    data = read_survey([path], iset)
    assert answers(data, "net") == [40.0, 72.5]
    assert pairs(data, "online") == [(4.0, "opd")]
    assert pairs(data, "plan") == [(0.0, None), (1.0, "opd")]
    assert answers(data, "open") == [50.0]
    assert "speed" not in data.regions[("Tegal", 2025)].answers
    assert [(f.path, f.rows) for f in data.files] == [(f"{path}[opd]", 1),
                                                      (f"{path}[semua]", 1)]
    # a sheet nobody filled in is left out; one sheet read alone with --sheet
    only = read_survey([path], iset, sheet="opd")
    assert pairs(only, "online") == [(4.0, "opd")] and only.files[0].path == str(path)

    csv_path = tmp_path / "form.csv"
    write_template(iset, csv_path, fmt="csv", lang="en")
    with csv_path.open("a", encoding="utf-8", newline="") as stream:
        stream.write("Tegal,2025,R1,opd,72.5,3,,4,yes,partial\r\n")
    assert answers(read_survey([csv_path], iset), "online") == [4.0]


def test_a_form_workbook_nobody_filled_in(tmp_path: Path, iset: IndicatorSet) -> None:
    path = tmp_path / "form.xlsx"
    write_template(iset, path, fmt="xlsx", lang="id")
    (problem,) = problems([path], iset)
    assert (problem.file, problem.message) == (str(path), "the file has no data rows")


def test_a_sheet_with_a_role_the_set_does_not_ask(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from smartcity_assess.indicators.loader import load_indicator_set

    v2 = load_indicator_set(None)
    path = tmp_path / "form.xlsx"
    path.write_bytes(xlsx_template(v2, "id"))
    workbook = load_workbook(path)
    workbook["warga"]["A1"] = "peran: warg"
    workbook["warga"].append(["Kabupaten Tegal", 2025, "W1", 4])
    workbook.save(path)
    (problem,) = problems([path], v2)
    assert problem.message == ("the sheet's role 'warg' is not asked by any indicator of "
                               "'smartcity-id' (did you mean 'warga'?)")
    assert (problem.file, problem.cell) == (f"{path}[warga]", "A1")


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
    rules = {str(r.sqref) for r in load_workbook(path)["opd"].data_validations.dataValidation}
    assert "I5:I1048576" not in rules and "G5:G1048576" in rules
