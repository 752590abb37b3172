"""read_survey: reserved columns, layouts, cell rules, merging, and every problem located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from survey_helpers import answers, make_set, only_problem, pairs, problems, write, write_xlsx

from smartcity_assess.errors import InputError, Problem, UsageError
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.results import InputFile, Unused
from smartcity_assess.survey.load import read_survey

WIDE = "region,year,respondent,role,net,wifi,speed,online,plan,open\n"


@pytest.fixture()
def iset() -> IndicatorSet:
    """The survey tests' six-indicator set."""
    return make_set()


def test_wide_csv_all_types(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", WIDE
                 + "Tegal,2025,r1,OPD,72.5,3,12.5,4,ya,Full\n"
                 + "Tegal,2025,r2, citizen ,50%,,1e3,5,tidak,none\n"
                 + "Tegal,2025,r3,,NA,n/a, ,, ,\n")
    data = read_survey([path], iset)
    assert list(data.regions) == [("Tegal", 2025)]
    assert answers(data, "net") == [50.0, 72.5]
    assert answers(data, "wifi") == [3.0]
    assert answers(data, "speed") == [12.5, 1000.0]
    # roles in any case, English names read as the Indonesian ones (citizen → warga)
    assert pairs(data, "online") == [(4.0, "opd"), (5.0, "warga")]
    assert pairs(data, "plan") == [(0.0, "warga"), (1.0, "opd")]
    assert answers(data, "open") == [0.0, 100.0]
    region = data.regions[("Tegal", 2025)]
    assert region.respondents == {"r1", "r2", "r3"}
    assert region.roles == {"opd": 1, "unspecified": 1, "warga": 1}
    assert list(region.answers) == ["net", "wifi", "speed", "online", "plan", "open"]
    digest = data.files[0].sha256
    assert len(digest) == 64
    # 6 answers on r1, 5 on r2, none on r3; 'online' asks opd only, so r2's (warga) answer
    # is read but not used
    assert data.files == [InputFile(
        path=str(path), sha256=digest, format="csv", layout="wide", rows=3, date="2025", answers=11,
        used=10, unused=(Unused("role-not-asked", 1, indicator="online", role="warga"),))]


def test_semicolon_decimal_comma_bom(tmp_path: Path, iset: IndicatorSet) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes("\ufeffwilayah;tahun;net;speed\nTegal;2025;72,5;1,25\n".encode())
    data = read_survey([path], iset)
    assert answers(data, "net") == [72.5]
    assert answers(data, "speed") == [1.25]


def test_cp1252_region_names(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,net\nKabupaten Tegal – Slawi,40\n",
                 encoding="cp1252")
    data = read_survey([path], iset)
    assert list(data.regions) == [("Kabupaten Tegal – Slawi", None)]


def test_indonesian_aliases_and_case(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv",
                 " Daerah ,TAHUN,Responden,Peran,NET\nTegal,2025,a,ASN,10\n")
    data = read_survey([path], iset)
    assert pairs(data, "net") == [(10.0, "asn")]
    assert data.regions[("Tegal", 2025)].respondents == {"a"}


def test_no_year_and_no_respondent(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,net\nTegal,10\nTegal,20\n\n,\nBrebes,30\n")
    data = read_survey([path], iset)
    assert data.region_years() == [("Brebes", None), ("Tegal", None)]
    tegal = data.regions[("Tegal", None)]
    assert tegal.respondents == {f"{path}#2", f"{path}#3"}
    assert tegal.roles == {"unspecified": 2}
    assert data.files[0].rows == 3


def test_empty_respondent_cell_is_its_own_respondent(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,respondent,net\nTegal,,10\nTegal, ,20\n")
    data = read_survey([path], iset)
    assert data.regions[("Tegal", None)].respondents == {f"{path}#2", f"{path}#3"}


def test_roles_count_distinct_respondents(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,respondent,role,net,wifi\n"
                 "Tegal,a,opd,10,\nTegal,a,opd,,3\nTegal,b,OPD,5,\nTegal,c,warga,1,\n")
    data = read_survey([path], iset)
    assert data.regions[("Tegal", None)].roles == {"opd": 2, "warga": 1}


def test_several_region_years_in_one_file(tmp_path: Path, iset: IndicatorSet) -> None:
    lines = ["region,year,role,speed"]
    lines += [f"{'Tegal' if i % 2 else 'Brebes'},{2024 + i % 3},{'ab'[i % 2]},{i}"
              for i in range(600)]
    path = write(tmp_path / "s.csv", "\n".join(lines) + "\n")
    data = read_survey([path], iset)
    assert len(data.regions) == 6
    total = sum(len(r.answers["speed"].values) for r in data.regions.values())
    assert total == 600
    tegal = data.regions[("Tegal", 2025)].answers["speed"]
    assert sorted(tegal.values) == [float(i) for i in range(600) if i % 2 and i % 3 == 1]
    assert set(tegal.roles) == {"b"}


# -- problems ----------------------------------------------------------------------------------


def test_missing_region_column(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "kota,net\nTegal,10\n")
    found = problems([path], iset)
    assert found == [
        Problem(str(path), "there is no region column", line=1, row=1, field="region",
                expected="a column named region (or wilayah, daerah)", found="columns 'kota, net'"),
        Problem(str(path), "unknown column 'kota'", line=1, row=1, column=1, field="kota",
                expected="an indicator id of 't', a reserved column (region, year, respondent, "
                "role), or a column named in ignore_columns / --ignore-column", found="'kota'"),
    ]


def test_unknown_column_suggests(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,onlin,yaer\nTegal,3,2025\n")
    found = problems([path], iset)
    assert [(p.message, p.column) for p in found] == [
        ("unknown column 'onlin' (did you mean 'online'?)", 2),
        ("unknown column 'yaer' (did you mean 'year'?)", 3),
    ]


def test_ignore_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region,Total,note,net\nTegal,99,x,10\n")
    data = read_survey([path], make_set(ignore_columns=("total",)), ignore_columns=[" NOTE "])
    assert answers(data, "net", year=None) == [10.0]


def test_empty_region(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,net\nTegal,10\n  ,20\n")
    assert only_problem([path], iset) == Problem(
        str(path), "the region is empty", line=3, column=1, row=3, field="region",
        expected="a region name", found="'  '")


@pytest.mark.parametrize("year", ["20x5", "1850", "2025.5", "3000"])
def test_bad_year(tmp_path: Path, iset: IndicatorSet, year: str) -> None:
    path = write(tmp_path / "s.csv", f"region,tahun,net\nTegal,{year},10\n")
    assert only_problem([path], iset) == Problem(
        str(path), "not a year", line=2, column=2, row=2, field="tahun",
        expected="a year from 1900 to 2100 (a whole number)", found=repr(year))


def test_year_as_float_text_is_accepted(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,year,net\nTegal,2025.0,10\nTegal,,20\n")
    data = read_survey([path], iset)
    assert sorted(data.regions, key=str) == [("Tegal", 2025), ("Tegal", None)]


@pytest.mark.parametrize(("column", "cell", "message", "expected"), [
    ("net", "abc", "not a percentage", "a percentage from 0 to 100"),
    ("net", "101", "value outside the valid range", "a percentage from 0 to 100"),
    ("wifi", "60", "value outside the valid range", "a number from 0 to 50"),
    ("speed", "inf", "not a finite number", "a number"),
    ("speed", "1.234,5", "not a number", "a number"),
    ("online", "6", "not a level of the scale", "one of the levels 1, 2, 3, 4, 5"),
    ("plan", "maybe", "not a yes/no answer",
     "yes or no (ya/tidak, y/n, true/false, benar/salah, 1/0)"),
    ("open", "half", "not one of the choices", "one of 'none', 'partial', 'full'"),
])
def test_bad_cells(tmp_path: Path, iset: IndicatorSet, column: str, cell: str, message: str,
                   expected: str) -> None:
    quoted = f'"{cell}"' if "," in cell else cell
    path = write(tmp_path / "s.csv", f"region,year,{column}\nTegal,2025,\nTegal,2025,{quoted}\n")
    assert only_problem([path], iset) == Problem(
        str(path), message, line=3, column=3, row=3, field=column, expected=expected,
        found=repr(cell))


def test_all_problems_of_all_files_at_once(tmp_path: Path, iset: IndicatorSet) -> None:
    first = write(tmp_path / "a.csv", "region,net,online\nTegal,abc,9\n,5,\n")
    second = write(tmp_path / "b.csv", "region,nett\nTegal,1\n")
    with pytest.raises(InputError) as caught:
        read_survey([first, second, tmp_path / "missing.csv"], iset)
    found = caught.value.problems
    assert [(Path(p.file).name, p.line, p.column, p.field) for p in found] == [
        ("a.csv", 2, 2, "net"), ("a.csv", 2, 3, "online"), ("a.csv", 3, 1, "region"),
        ("b.csv", 1, 2, "nett"), ("missing.csv", None, None, None)]
    assert caught.value.summary.startswith("5 problems in ")


def test_header_only_file(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,net\n")
    assert only_problem([path], iset) == Problem(
        str(path), "the file has no data rows", line=1, row=1,
        expected="at least one row of answers below the header")


def test_no_files_is_a_usage_error(iset: IndicatorSet) -> None:
    with pytest.raises(UsageError):
        read_survey([], iset)


def test_second_region_column_and_indicator_column(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,wilayah,net,NET\nTegal,Tegal,1,2\n")
    found = problems([path], iset)
    assert [(p.message, p.column, p.field) for p in found] == [
        ("a second region column (the first is 'region', column 1)", 2, "wilayah"),
        ("a second column for indicator 'net' (the first is 'net', column 3)", 4, "NET"),
    ]


def test_value_column_alone(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,value\nTegal,1\n")
    assert only_problem([path], iset).message == (
        "a value column without an indicator column: the long layout needs both")


# -- long layout --------------------------------------------------------------------------------


def test_long_layout(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,year,respondent,role,indicator,value\n"
                 "Tegal,2025,a,opd,online,4\nTegal,2025,a,opd,net,55,5\n".replace("55,5", '"55,5"')
                 + "Tegal,2025,b,warga,online,\nTegal,2025,b,warga,plan,ya\n")
    data = read_survey([path], iset)
    assert pairs(data, "online") == [(4.0, "opd")]
    assert answers(data, "net") == [55.5]
    assert pairs(data, "plan") == [(1.0, "warga")]
    assert data.files[0].layout == "long"
    assert data.regions[("Tegal", 2025)].roles == {"opd": 1, "warga": 1}


def test_long_layout_problems(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,indikator,nilai,net\n"
                 "Tegal,onlne,4,\nTegal,,4,\nTegal,,,\nTegal,plan,maybe,\n")
    found = problems([path], iset)
    assert found == [
        Problem(str(path), "column 'net' is an indicator, but this file has the long layout "
                "(indicator ids go in the indicator column)", line=1, row=1, column=4,
                field="net", expected="region, year, respondent, role, indicator and value "
                "columns only", found="'net'"),
        Problem(str(path), "unknown indicator 'onlne' (did you mean 'online'?)", line=2,
                column=2, row=2, field="indikator", expected="an indicator id of 't'",
                found="'onlne'"),
        Problem(str(path), "the indicator is empty", line=3, column=2, row=3,
                field="indikator", expected="an indicator id of 't'", found="''"),
        Problem(str(path), "not a yes/no answer", line=5, column=3, row=5, field="plan",
                expected="yes or no (ya/tidak, y/n, true/false, benar/salah, 1/0)",
                found="'maybe'"),
    ]


# -- JSON and XLSX --------------------------------------------------------------------------------


def test_json_wide_and_long(tmp_path: Path, iset: IndicatorSet) -> None:
    wide = write(tmp_path / "w.json", json.dumps([
        {"region": "Tegal", "year": 2025, "respondent": "a", "net": 70, "plan": True},
        {"region": "Tegal", "year": 2025, "respondent": "b", "net": 80.5, "plan": "tidak"}]))
    long = write(tmp_path / "l.json", json.dumps({"responses": [
        {"region": "Tegal", "year": 2025, "indicator": "online", "value": 3},
        {"region": "Tegal", "year": 2025, "indicator": "online", "value": None}]}))
    data = read_survey([wide, long], iset)
    assert answers(data, "net") == [70.0, 80.5]
    assert answers(data, "plan") == [0.0, 1.0]
    assert answers(data, "online") == [3.0]
    assert [(f.format, f.layout, f.rows) for f in data.files] == [("json", "wide", 2),
                                                                  ("json", "long", 2)]


def test_json_cell_problem_has_its_line_and_column(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.json", '[\n {"region": "Tegal",\n  "net": "lots"}\n]\n')
    assert only_problem([path], iset) == Problem(
        str(path), "not a percentage", line=3, column=10, row=1, field="net",
        expected="a percentage from 0 to 100", found="'lots'")


def test_json_nested_value(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.json", '[{"region": "Tegal", "net": [1]}]')
    assert only_problem([path], iset) == Problem(
        str(path), "the cell holds a list", line=1, column=29, row=1, field="net",
        expected="a percentage from 0 to 100", found="a list '[1]'")


def test_xlsx_wide(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [
        ["region", "year", "respondent", "role", "net", "online", "plan"],
        ["Tegal", 2025, 1, "OPD", 72.5, 4, "ya"],
        ["Tegal", 2025, 2, "opd", 60, 9, "no"],
    ])
    with pytest.raises(InputError) as caught:
        read_survey([path], iset)
    assert caught.value.problems == (Problem(
        str(path), "not a level of the scale", row=3, column=6, cell="F3", field="online",
        expected="one of the levels 1, 2, 3, 4, 5", found="'9'"),)


def test_xlsx_date_in_indicator_cell(tmp_path: Path, iset: IndicatorSet) -> None:
    import datetime as dt

    path = write_xlsx(tmp_path / "s.xlsx", [["region", "year", "net"],
                                            ["Tegal", dt.date(2025, 1, 1), dt.date(2025, 3, 1)]])
    found = problems([path], iset)
    assert found == [
        Problem(str(path), "the cell holds a date", row=2, column=2, cell="B2", field="year",
                expected="a year from 1900 to 2100 (a whole number)", found="a date '2025-01-01'"),
        Problem(str(path), "the cell holds a date", row=2, column=3, cell="C2", field="net",
                expected="a percentage from 0 to 100", found="a date '2025-03-01'"),
    ]


def test_xlsx_sheet_option(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["read me"]], title="Readme",
                      extra={"Data": [["region", "net"], ["Tegal", 5]]})
    data = read_survey([path], iset, sheet="Data")
    assert answers(data, "net", year=None) == [5.0]
    assert only_problem([path], iset, sheet="Nope").expected == "one of 'Readme', 'Data'"


# -- merging -----------------------------------------------------------------------------------


def test_merge_three_files(tmp_path: Path, iset: IndicatorSet) -> None:
    citizens = write(tmp_path / "citizens.csv", "region,year,respondent,role,net,plan\n"
                     "Tegal,2025,w1,warga,60,ya\nTegal,2025,w2,warga,70,tidak\n")
    opd = write_xlsx(tmp_path / "opd.xlsx", [
        ["wilayah", "tahun", "responden", "peran", "online", "open"],
        ["Tegal", 2025, "d1", "opd", 3, "partial"],
        ["Tegal", 2025, "w1", "opd", 4, "full"]])
    stats = write(tmp_path / "stats.json", json.dumps([
        {"region": "Tegal", "year": 2025, "indicator": "wifi", "value": 4.5},
        {"region": "Brebes", "year": 2025, "indicator": "wifi", "value": 2}]))
    data = read_survey([citizens, opd, stats], iset)
    assert data.region_years() == [("Brebes", 2025), ("Tegal", 2025)]
    assert answers(data, "net") == [60.0, 70.0]
    assert pairs(data, "online") == [(3.0, "opd"), (4.0, "opd")]
    assert answers(data, "open") == [50.0, 100.0]
    assert answers(data, "wifi") == [4.5]
    assert answers(data, "wifi", region="Brebes") == [2.0]
    tegal = data.regions[("Tegal", 2025)]
    assert tegal.respondents == {"w1", "w2", "d1", f"{stats}#1"}
    assert tegal.roles == {"opd": 2, "unspecified": 1, "warga": 2}
    assert [(Path(f.path).name, f.format, f.layout, f.rows) for f in data.files] == [
        ("citizens.csv", "csv", "wide", 2), ("opd.xlsx", "xlsx", "wide", 2),
        ("stats.json", "json", "long", 2)]


def test_duplicate_answer_in_one_file(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,year,respondent,net,wifi\n"
                 "Tegal,2025,r1,10,\nTegal,2025,r1,,3\nTegal,2025,r1,20,\n")
    assert only_problem([path], iset) == Problem(
        str(path), "respondent 'r1' answers 'net' for Tegal 2025 a second time (first in "
        f"{path} line 2)", line=4, column=4, row=4, field="net",
        expected="one answer per respondent, indicator and region-year",
        found="a second answer")


def test_duplicate_answer_across_files(tmp_path: Path, iset: IndicatorSet) -> None:
    first = write(tmp_path / "a.csv", "region,respondent,net\nTegal,r1,10\nTegal,r2,20\n")
    second = write_xlsx(tmp_path / "b.xlsx", [["region", "respondent", "net", "wifi"],
                                              ["Tegal", "r2", None, 4],
                                              ["Tegal", "r1", 11, None]])
    third = write(tmp_path / "c.json", json.dumps([
        {"region": "Tegal", "respondent": "r2", "indicator": "wifi", "value": 5}]))
    found = problems([first, second, third], iset)
    assert found == [
        Problem(str(second), f"respondent 'r1' answers 'net' for Tegal a second time (first in "
                f"{first} line 2)", row=3, column=3, cell="C3", field="net",
                expected="one answer per respondent, indicator and region-year",
                found="a second answer"),
        Problem(str(third), f"respondent 'r2' answers 'wifi' for Tegal a second time (first in "
                f"{second} row 2)", line=1, column=72, row=1, field="wifi",
                expected="one answer per respondent, indicator and region-year",
                found="a second answer"),
    ]


def test_same_respondent_other_indicators_is_fine(tmp_path: Path, iset: IndicatorSet) -> None:
    first = write(tmp_path / "a.csv", "region,respondent,net\nTegal,r1,10\n")
    second = write(tmp_path / "b.csv", "region,respondent,indicator,value\n"
                   "Tegal,r1,wifi,3\nTegal,r1,online,4\n")
    data = read_survey([first, second], iset)
    assert data.regions[("Tegal", None)].respondents == {"r1"}


def test_same_respondent_other_year_is_fine(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,year,respondent,net\nTegal,2024,r1,1\n"
                 "Tegal,2025,r1,2\n")
    assert len(read_survey([path], iset).regions) == 2


def test_same_file_twice(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path / "s.csv", "region,net\nTegal,1\n")
    copy = write(tmp_path / "copy.csv", "region,net\nTegal,1\n")
    assert only_problem([path, copy], iset) == Problem(
        str(copy), f"this file has the same content as {str(path)!r} (given twice?)",
        expected="each survey file once")


def test_many_rows_many_blocks(tmp_path: Path, iset: IndicatorSet) -> None:
    lines = [WIDE.strip()]
    for i in range(5000):
        role = ("opd", "warga", "")[i % 3]
        lines.append(f"Tegal,2025,r{i},{role},{i % 101},{i % 51},,{i % 5 + 1},"
                     f"{'ya' if i % 2 else ''},{('none', 'partial', 'full')[i % 3]}")
    lines.append("Tegal,2025,bad,opd,101,,,,,")
    path = write(tmp_path / "s.csv", "\n".join(lines) + "\n")
    found = only_problem([path], iset)
    assert (found.line, found.row, found.column, found.field) == (5002, 5002, 5, "net")
    good = write(tmp_path / "g.csv", "\n".join(lines[:-1]) + "\n")
    data = read_survey([good], iset)
    region = data.regions[("Tegal", 2025)]
    assert len(region.respondents) == 5000
    assert region.roles == {"opd": 1667, "unspecified": 1666, "warga": 1667}
    online = region.answers["online"]
    assert len(online.values) == 5000
    # 'online' asks opd alone, so the rows without a role count as opd's (roles rule 3)
    expected = sorted(float(i % 5 + 1) for i in range(5000) if i % 3 != 1)
    assert sorted(v for v, r in zip(online.values, online.roles, strict=True)
                  if r == "opd") == expected
    assert len(region.answers["plan"].values) == 2500
    assert "speed" not in region.answers


def test_answers_carry_their_respondent_ids(tmp_path: Path) -> None:
    from smartcity_assess.indicators.loader import load_indicator_set

    path = tmp_path / "ids.csv"
    path.write_text("region,respondent,infra.household_internet\nR,a,50\nR,b,\nR,c,70\n",
                    encoding="utf-8")
    data = read_survey([path], load_indicator_set())
    answers = data.regions[("R", None)].answers["infra.household_internet"]
    assert answers.values.tolist() == [50.0, 70.0] and answers.respondents == ["a", "c"]


def test_region_names_are_one_region_however_accents_were_typed(tmp_path: Path,
                                                                iset: IndicatorSet) -> None:
    composed, decomposed = "Bogot\u00e1", "Bogota\u0301"  # Windows/Linux vs macOS input
    wide = write(tmp_path / "w.csv", WIDE + f"{composed},2025,r1,,60,,,,,\n"
                 + f"{decomposed},2025,r2,,80,,,,,\n")
    long = write(tmp_path / "l.json", json.dumps(
        [{"region": decomposed, "year": 2025, "indicator": "wifi", "value": 4}]))
    data = read_survey([wide, long], iset)
    assert list(data.regions) == [(composed, 2025)]
    assert answers(data, "net", composed) == [60.0, 80.0]
    assert answers(data, "wifi", composed) == [4.0]
