"""Low-level readers: formats, sniffing, encodings, positions, and what breaks a file."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from survey_helpers import write, write_xlsx

from smartcity_assess.errors import Problem
from smartcity_assess.survey import readers
from smartcity_assess.survey.formats import csv as csvformat
from smartcity_assess.survey.readers import Table, column_letter, open_table, sniff_delimiter
from smartcity_assess.survey.table import Cell


def rows_of(table: Table) -> list[tuple[int | None, int, list[Cell]]]:
    return [(line, row, list(cells)) for line, row, cells, _ in table.rows]


def blocks_of(table: Table) -> list[tuple[int | None, int, list[Cell]]]:
    found = []
    for block in table.blocks:
        for i in range(len(block)):
            line, row, _ = block.where(i)
            found.append((line, row, block.row_cells(i)))
    return found


def csv_reader_rows(path: Path, monkeypatch: pytest.MonkeyPatch
                    ) -> list[tuple[int | None, int, list[Cell]]]:
    """The rows of a CSV file read by csv.reader alone (no str.split fast path)."""
    with monkeypatch.context() as patch:
        patch.setattr(csvformat, "SPLIT", False)
        return rows_of(open_table(path))


def test_registry_and_extensions() -> None:
    assert set(readers.READERS) == {"csv", "xlsx", "json", "parquet"}
    assert readers.EXTENSIONS[".tsv"] == "csv"
    assert readers.EXTENSIONS[".xlsm"] == "xlsx"
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


@pytest.mark.parametrize(("line", "delimiter"), [
    ("region,year,a", ","), ("region;year;a", ";"), ("region\tyear\ta", "\t"),
    ('"a;b",c,d', ","), ("region", ","), ("a;b,c;d", ";"),
])
def test_sniff_delimiter(line: str, delimiter: str) -> None:
    assert sniff_delimiter(line) == delimiter


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_rows_with_lines_and_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", 'region,note\nA,"two\nlines"\n\nB,x\n')
    table = open_table(path)
    assert table.format == "csv" and table.encoding == "utf-8" and table.delimiter == ","
    assert table.header == ["region", "note"]
    assert rows_of(table) == [(2, 2, ["A", "two\nlines"]), (5, 4, ["B", "x"])]
    assert table.data_rows == 2


def test_csv_blocks_equal_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "region,a,b\n" + "".join(f"R{i},{i},{i % 3}\n" for i in range(3000))
    path = write(tmp_path / "s.csv", text)
    assert blocks_of(open_table(path)) == csv_reader_rows(path, monkeypatch)


def test_csv_blocks_fall_back_for_quotes_and_blank_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "".join(f"R{i},{i},x\n" for i in range(2000))
    text = "region,a,b\n" + body + "\n" + 'Q,"1",\n' + 'M,"multi\nline",y\n' + body
    path = write(tmp_path / "s.csv", text)
    from_blocks = blocks_of(open_table(path))
    assert from_blocks == csv_reader_rows(path, monkeypatch)
    assert from_blocks[2000] == (2003, 2003, ["Q", "1", ""])
    assert from_blocks[2001] == (2004, 2004, ["M", "multi\nline", "y"])
    assert from_blocks[2002][:2] == (2006, 2005)


def test_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(b"\xef\xbb\xbfregion;x\r\nA;1,5\r\n")
    table = open_table(path)
    assert table.encoding == "utf-8-sig" and table.delimiter == ";"
    assert table.header == ["region", "x"]
    assert blocks_of(table) == [(2, 2, ["A", "1,5"])]


def test_cp1252_fallback(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region,x\nBanyumas Selatan – é,1\n", encoding="cp1252")
    table = open_table(path)
    assert table.encoding == "cp1252"
    assert rows_of(table) == [(2, 2, ["Banyumas Selatan – é", "1"])]


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes("region\tx\nA\t1\n".encode("utf-16"))
    table = open_table(path)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert rows_of(table) == [(2, 2, ["A", "1"])]


def test_sep_line(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "sep=;\nregion;x\nA;1\n")
    table = open_table(path)
    assert table.delimiter == ";" and table.header == ["region", "x"]
    assert (table.header_line, table.header_row) == (2, 1)
    assert rows_of(table) == [(3, 2, ["A", "1"])]


def test_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(b"region,x\nA,1\nB\x00,2\n")
    table = open_table(path)
    assert not table.usable
    assert table.problems == [Problem(
        str(path), "the file contains NUL characters: it is binary, or UTF-16 text without a "
        "byte-order mark; save it as CSV UTF-8", line=3, expected="text", found="1 NULs")]


def test_ragged_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region,a,b\nA,1,2\nB,1\nC,1,2,3\n,,\n")
    table = open_table(path)
    assert [r for _, r, _ in rows_of(table)] == [2, 5]
    assert table.problems == [
        Problem(str(path), "this row has 2 fields but the header has 3", line=3, row=3,
                expected="3 fields, one per header column", found="2 fields"),
        Problem(str(path), "this row has 4 fields but the header has 3", line=4, row=4,
                expected="3 fields, one per header column", found="4 fields"),
    ]


def test_ragged_rows_in_blocks(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region,a,b\nA,1,2\nB,1\nC,1,2\n")
    table = open_table(path)
    assert [row for _, row, _ in blocks_of(table)] == [2, 4]
    assert [p.line for p in table.problems] == [3]
    assert table.data_rows == 3


def test_blank_and_duplicate_headers(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "region, ,a,a\nA,1,2,3\n")
    table = open_table(path)
    assert table.skip_columns == {1, 3}
    assert table.problems == [
        Problem(str(path), "a column without a name", line=1, row=1, column=2,
                field="column 2", expected="a column name in the header", found="''"),
        Problem(str(path), "column 'a' appears more than once (first as column 3)", line=1,
                row=1, column=4, field="a", expected="each column name once", found="'a'"),
    ]


def test_bad_quoting_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", 'region,a\nA,"1"x\nB,2\n')
    table = open_table(path)
    assert [r for _, r, _ in rows_of(table)] == [3]
    assert len(table.problems) == 1
    problem = table.problems[0]
    assert (problem.line, problem.row) == (2, 2)
    assert problem.message.startswith("this line cannot be read as CSV:")


@pytest.mark.parametrize("quote", ['"', ""])
def test_very_long_field(tmp_path: Path, quote: str) -> None:
    path = write(tmp_path / "s.csv", f"region,a\nA,{quote}" + "x" * 200_000 + f"{quote}\nB,1\n")
    for table, found in ((open_table(path), rows_of), (open_table(path), blocks_of)):
        assert [row for _, row, _ in found(table)] == [3]
        assert len(table.problems) == 1
        assert "a cell is longer than 131,072 characters" in table.problems[0].message
        assert (table.problems[0].line, table.problems[0].row) == (2, 2)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"\n\n  \n", "the file has no header row"),
])
def test_empty_csv(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(content)
    table = open_table(path)
    assert not table.usable
    assert [p.message for p in table.problems] == [message]


def test_zip_named_csv(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", [["region"]]).rename(tmp_path / "s.csv")
    table = open_table(path)
    assert not table.usable
    assert table.problems == [Problem(
        str(path), "this is a ZIP file (probably an Excel workbook), not CSV text: rename it "
        "to .xlsx", expected="CSV text",
        found="ZIP data (an XLSX workbook or another Office file)")]


def test_ole_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(readers.OLE_MAGIC + b"\x00" * 100)
    assert open_table(path).problems[0].message.startswith("this is an old Excel .xls file")


# -- files that are not there or not files --------------------------------------------------------


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = open_table(tmp_path / "nope.csv")
    assert missing.problems == [Problem(str(tmp_path / "nope.csv"), "no such file",
                                        expected="an existing survey file")]
    folder = open_table(tmp_path)
    assert folder.problems == [Problem(str(tmp_path), "this is a folder, not a file",
                                       expected="a survey file (CSV, XLSX or JSON)")]


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    path = write(tmp_path / "s.csv", "region\nA\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything")
        problem = open_table(path).problems[0]
        assert problem.message == "cannot read the file: Permission denied"
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(("name", "message"), [
    ("s.xls", "this is an old Excel workbook (.xls): save it as .xlsx (Excel Workbook) or "
              "CSV UTF-8"),
    ("s.ods", "this is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV UTF-8"),
    ("s.pdf", "unknown kind of file '.pdf'"),
])
def test_unsupported_extensions(tmp_path: Path, name: str, message: str) -> None:
    path = write(tmp_path / name, "region\nA\n")
    assert open_table(path).problems[0].message == message


def test_no_extension_is_sniffed(tmp_path: Path) -> None:
    assert open_table(write(tmp_path / "data", "region\nA\n")).format == "csv"
    assert open_table(write(tmp_path / "data2", '[{"region": "A"}]')).format == "json"
    book = write_xlsx(tmp_path / "b.xlsx", [["region"], ["A"]]).rename(tmp_path / "data3")
    assert open_table(book).format == "xlsx"


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 10)
    problem = open_table(write(tmp_path / "s.csv", "region\nKabupaten Tegal\n")).problems[0]
    assert problem.message == "the file is too large (23 bytes; the limit is 10 bytes): split " \
                              "it into several files"
    assert problem.found == "23 bytes"


# -- XLSX --------------------------------------------------------------------------------------


def test_xlsx_cells_keep_their_type(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [
        ["region", "a", "b", "c", "d", None, None],
        ["Tegal", 3, 72.5, 4.0, True, None, None],
        [None, None, None, None, None],
        ["Brebes", 2.5e-05, None, "x", False],
    ])
    table = open_table(path)
    assert (table.format, table.sheet) == ("xlsx", "Data")
    assert table.header == ["region", "a", "b", "c", "d"]
    # numbers stay numbers (a whole number too); TRUE/FALSE are the words
    assert rows_of(table) == [(None, 2, ["Tegal", 3.0, 72.5, 4.0, "true"]),
                              (None, 4, ["Brebes", 2.5e-05, "", "x", "false"])]
    assert [type(cell) for cell in rows_of(open_table(path))[0][2]] == [str, float, float,
                                                                         float, str]


def test_xlsx_percent_format_and_dates(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["region", "net", "when", "at"])
    sheet.append(["Tegal", 0.725, dt.date(2025, 1, 3), dt.datetime(2025, 1, 3, 10, 30)])
    sheet["B2"].number_format = "0.0%"
    path = tmp_path / "s.xlsx"
    workbook.save(path)
    table = open_table(path)
    ((_, row, cells, info),) = list(table.rows)
    assert cells == ["Tegal", "72.5%", "2025-01-03", "2025-01-03 10:30:00"]
    assert info is not None and info.kinds == {2: "a date", 3: "a date and time"}


def test_xlsx_named_and_unknown_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["notes"]], title="Readme",
                      extra={"Survey": [["region"], ["Tegal"]]})
    table = open_table(path, sheet="Survey")
    assert table.sheet == "Survey" and table.header == ["region"]
    bad = open_table(path, sheet="Data")
    assert bad.problems == [Problem(str(path), "the workbook has no sheet named 'Data'",
                                    expected="one of 'Readme', 'Survey'", found="'Data'")]


def test_xlsx_value_beyond_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["region", "a"], ["Tegal", 1, "stray"]])
    table = open_table(path)
    assert rows_of(table) == [(None, 2, ["Tegal", 1.0])]
    assert table.problems == [Problem(str(path), "a value in a column without a header", row=2,
                                      column=3, cell="C2", expected="a column name in the "
                                      "header row", found="'stray'")]


def test_xlsx_merged_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in (["region", "a"], ["Tegal", 1], [None, 2]):
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    path = tmp_path / "s.xlsx"
    workbook.save(path)
    table = open_table(path)
    assert table.problems == [Problem(
        str(path), "merged cells A2:A3: unmerge them and fill in every cell", row=2, column=1,
        cell="A2", expected="one value per cell", found="merged cells")]


def test_xlsx_formula_without_saved_result(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["region", "a", "b"], ["Tegal", "=1+1", 3]])
    ((_, _, cells, info),) = list(open_table(path).rows)
    assert cells == ["Tegal", "", 3.0]
    assert info is not None and info.kinds == {1: "a formula without a saved result"}


def test_xlsx_formula_with_saved_result(tmp_path: Path) -> None:
    """A formula Excel has calculated: the cached value is read."""
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        'region</t></is></c><c r="B1" t="inlineStr"><is><t>a</t></is></c></row><row r="2">'
        '<c r="A2" t="inlineStr"><is><t>Tegal</t></is></c><c r="B2"><f>1+1</f><v>2</v></c>'
        '</row></sheetData></worksheet>')
    path = write_xlsx(tmp_path / "s.xlsx", [["x"]])
    patched = tmp_path / "p.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            target.writestr(info, data)
    table = open_table(patched)
    assert table.header == ["region", "a"]
    assert rows_of(table) == [(None, 2, ["Tegal", 2.0])]
    assert table.problems == []


@pytest.mark.parametrize(("content", "start"), [
    (b"region,a\nA,1\n", "this is not an XLSX workbook (it is not a ZIP file)"),
    (readers.OLE_MAGIC + b"\x00" * 64, "the workbook is password-protected"),
])
def test_xlsx_that_is_not(tmp_path: Path, content: bytes, start: str) -> None:
    path = tmp_path / "s.xlsx"
    path.write_bytes(content)
    table = open_table(path)
    assert not table.usable and table.problems[0].message.startswith(start)


def test_xlsx_damaged_and_foreign_zips(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "g.xlsx", [["region"], ["A"]]).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good[: len(good) // 2])
    assert open_table(cut).problems[0].message.startswith("the workbook is damaged")
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert open_table(other).problems[0].message == "this is a Word document"


def test_xlsx_zip_bomb_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_XLSX_UNCOMPRESSED", 1000)
    path = write_xlsx(tmp_path / "s.xlsx", [["region"], ["A"]])
    problem = open_table(path).problems[0]
    assert problem.message.startswith("the workbook unpacks to 0 MB, more than the limit")


# -- JSON --------------------------------------------------------------------------------------


def test_json_list_of_objects_with_positions(tmp_path: Path) -> None:
    path = write(tmp_path / "s.json", '[\n  {"region": "Tegal", "a": 3, "b": 72.5},\n'
                                      '  {"region": "Brebes", "b": null, "c": true}\n]\n')
    table = open_table(path)
    assert table.header == ["region", "a", "b", "c"]
    rows = list(table.rows)
    assert [(line, row, list(cells)) for line, row, cells, _ in rows] == [
        (None, 1, ["Tegal", 3.0, 72.5, ""]), (None, 2, ["Brebes", "", "", "true"])]
    assert table.locate(None, 1, 1) == {"line": 2, "column": 28, "row": 1}
    assert table.locate(None, 2, None) == {"line": 3, "column": 3, "row": 2}
    assert table.locate(None, 2, 1) == {"line": 3, "column": 3, "row": 2}
    assert table.locate_header(3) == {"line": 3, "column": 35}


def test_json_responses_object(tmp_path: Path) -> None:
    path = write(tmp_path / "s.json", json.dumps({"survey": "x", "responses": [
        {"region": "Tegal", "indicator": "net", "value": "70"}]}))
    table = open_table(path)
    assert table.header == ["region", "indicator", "value"]
    assert [cells for _, _, cells, _ in table.rows] == [["Tegal", "net", "70"]]


@pytest.mark.parametrize(("text", "found"), [
    ('{"rows": []}', "an object with keys 'rows'"),
    ('"text"', "a string"),
    ('{"responses": 3}', '"responses" holding a number'),
    ("{}", "an empty object"),
])
def test_json_wrong_shape(tmp_path: Path, text: str, found: str) -> None:
    path = write(tmp_path / "s.json", text)
    assert open_table(path).problems == [Problem(
        str(path), "the JSON does not have the shape of survey data", line=1, column=1,
        expected='a list of objects (one per row), or an object with key "responses" holding '
        "that list", found=repr(found))]


def test_json_syntax_error_position(tmp_path: Path) -> None:
    path = write(tmp_path / "s.json", '[\n {"region": "A",}\n]')
    assert open_table(path).problems == [Problem(
        str(path), "not valid JSON: Expecting property name enclosed in double quotes", line=2,
        column=17, expected="valid JSON")]


def test_json_records_that_are_not_objects_and_nested_values(tmp_path: Path) -> None:
    path = write(tmp_path / "s.json", '[{"region": "A", "a": [1, 2]}, 5]')
    table = open_table(path)
    rows = list(table.rows)
    assert rows[0][3] is not None and rows[0][3].kinds == {1: "a list"}
    assert table.problems == [Problem(str(path), "record 2 is not an object", line=1,
                                      column=32, row=2, expected='an object such as '
                                      '{"region": ..., "<indicator>": ...}', found="a number")]


def test_json_duplicate_keys_and_deep_nesting(tmp_path: Path) -> None:
    path = write(tmp_path / "s.json", '[{"region": "A", "region": "B", " region ": "C"}]')
    table = open_table(path)
    assert [cells for _, _, cells, _ in table.rows] == [["C"]]
    assert table.problems == [
        Problem(str(path), "key 'region' appears more than once in this record", line=1,
                column=18, row=1, field="region", expected="each key once per record",
                found="'region'"),
        Problem(str(path), "key 'region' appears more than once in this record", line=1,
                column=18, row=1, field="region", expected="each key once per record",
                found="' region '"),
    ]
    deep = write(tmp_path / "d.json", "[" * 100_000 + "]" * 100_000)
    assert open_table(deep).problems[0].message == "the JSON is nested too deeply"


def test_json_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b'[{"region": "\xe9"}]')
    assert open_table(path).problems == [Problem(
        str(path), "the file is not UTF-8 text (JSON must be UTF-8)", line=1,
        expected="UTF-8 text", found="byte 0xe9 at offset 13")]


def test_json_empty_list(tmp_path: Path) -> None:
    table = open_table(write(tmp_path / "s.json", "[]"))
    assert table.usable and table.header == [] and list(table.rows) == []
