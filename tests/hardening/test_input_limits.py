"""The mechanisms behind the corpus cases: how limits are enforced, not only their messages."""

from __future__ import annotations

import os
import sys
import threading
import zipfile
import zlib
from pathlib import Path

import pytest

from smartcity_assess import yamlio
from smartcity_assess.errors import InputError
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.survey import readers
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.readers import open_table
from smartcity_assess.yamlio import MAX_NODES, parse_yaml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

ISET = load_indicator_set(HERE / "corpus" / "set.yaml")


def problems_of(paths: list[Path]) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_survey(paths, ISET)
    return [str(p) for p in caught.value.problems]


# -- the zip bomb ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_zip_bomb_is_real() -> None:
    """4 GiB declared, about 4 MB stored, and the data really unpacks (checked on the first
    64 MiB; the CRC was checked once by unpacking it all, see generate.py)."""
    data = generate.zip_bomb()
    assert len(data) < 5 * 2**20
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sizes = {i.filename: i.file_size for i in archive.infolist()}
        assert sum(sizes.values()) > 4 * 2**30 - 2**25
        with archive.open("xl/worksheets/sheet1.xml") as part:
            head = part.read(64 * 2**20)
    assert head.startswith(b'<?xml version="1.0"')
    assert head[-2**20:] == b" " * 2**20


def test_crc32_combine_matches_zlib() -> None:
    a, b = b"region,year\n" * 1000, b"Tegal,2025\n" * 777
    assert generate.crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


@pytest.mark.slow
def test_a_zip_bomb_is_refused_before_anything_is_unpacked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(generate.zip_bomb())

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a part of the bomb was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    table = open_table(path)
    assert not table.usable
    assert table.problems[0].message.startswith("the workbook unpacks to 4092 MB")


def test_shared_strings_have_their_own_limit(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    book = generate.package({
        "[Content_Types].xml": generate.CONTENT_TYPES, "xl/workbook.xml": generate.WORKBOOK,
        "xl/sharedStrings.xml": " " * 5000})
    path = tmp_path / "s.xlsx"
    path.write_bytes(book)
    monkeypatch.setattr(readers, "MAX_XLSX_SHARED_STRINGS", 4000)
    assert open_table(path).problems[0].message.startswith(
        "the workbook's shared text (xl/sharedStrings.xml) unpacks to 0 MB")


# -- cells and problems ---------------------------------------------------------------------------


def test_cell_limit_in_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_CELLS", 20)
    rows = "".join(f"Tegal,2025,r{i},opd,50,3,4,ya,full\n" for i in range(5))
    csv_path = tmp_path / "s.csv"
    csv_path.write_text("region,year,respondent,role,net,wifi,online,plan,open\n" + rows)
    quoted = tmp_path / "q.csv"  # the csv.reader path (a quote in the data)
    quoted.write_text("region,year,respondent,role,net,wifi,online,plan,open\n"
                      + rows.replace("opd", '"opd"'))
    json_path = tmp_path / "s.json"
    json_path.write_text("[" + ",".join('{"region": "Tegal", "net": 50}' for _ in range(11))
                         + "]")
    xlsx_path = tmp_path / "s.xlsx"
    xlsx_path.write_bytes(generate.workbook(generate.sheet(
        [generate.HEADER] + [generate.answers(f"r{i}", generate.number(50)) for i in range(5)])))
    found = {path.suffix + path.stem: [p for p in problems_of([path]) if "cells" in p]
             for path in (csv_path, quoted, json_path, xlsx_path)}
    limit = "the file has more than 20 cells (rows × columns): split it into several files"
    assert found == {
        ".csvs": [f"{csv_path}:4: {limit}; expected at most 20 cells, found more than 2 data "
                  "rows of 9 columns"],
        ".csvq": [f"{quoted}:4: {limit}; expected at most 20 cells, found more than 2 data "
                  "rows of 9 columns"],
        ".jsons": [f"{json_path}:1:1: {limit}; expected at most 20 cells, found 11 data rows "
                   "of 2 columns"],
        ".xlsxs": [f"{xlsx_path} (row 4): {limit}; expected at most 20 cells, found more than "
                   "2 data rows of 9 columns"],
    }


def test_problems_beyond_the_limit_are_counted_not_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_PROBLEMS", 5)
    path = tmp_path / "s.csv"
    path.write_text("region,net,wifi\n" + "Tegal,x,y\n" * 1000)
    explained = 0
    original = readers.Problems.append

    def counting(self: readers.Problems, problem: object, /) -> None:
        nonlocal explained
        explained += 1
        original(self, problem)  # type: ignore[arg-type]

    monkeypatch.setattr(readers.Problems, "append", counting)
    with pytest.raises(InputError) as caught:
        read_survey([path], ISET)
    error = caught.value
    assert error.summary == f"2000 problems in {path} (only the first 5 of each file are listed)"
    assert len(error.problems) == 6
    assert error.problems[0].message == ("1,995 more problems are not listed (only the first 5 "
                                         "of a file are): fix these and check again")
    assert explained < 300, "problems past the limit must not be built one by one"


def test_repeated_respondents_are_capped_too(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_PROBLEMS", 3)
    path = tmp_path / "s.csv"
    path.write_text("region,year,respondent,net,wifi\n" + "Tegal,2025,r1,50,3\n" * 10)
    with pytest.raises(InputError) as caught:
        read_survey([path], ISET)
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 4 and messages[0].startswith("15 more problems are not listed")


# -- YAML -----------------------------------------------------------------------------------------


def test_many_values_without_aliases_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    assert MAX_NODES == 200_000
    monkeypatch.setattr(yamlio, "MAX_NODES", 1000)  # composing 200,000 values takes seconds
    raw = ("items: [" + ", ".join(["1"] * 1001) + "]\n").encode()
    with pytest.raises(InputError) as caught:
        parse_yaml(raw, "f.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "f.yaml:1:3000: the document has too many values; expected at most 1,000 values"]


def test_a_deep_document_within_the_limit_is_read() -> None:
    raw = b"a: " + b"[" * 90 + b"1" + b"]" * 90 + b"\n"
    assert parse_yaml(raw, "f.yaml").data["a"][0][0][0]


def test_control_characters_are_located() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(b"id: x\ntitle: a\x07b\n", "f.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "f.yaml:2:9: the file holds a control character that YAML does not allow; expected "
        "printable text, found character U+0007"]


# -- what must still be accepted ------------------------------------------------------------------


def test_a_pipe_is_read(tmp_path: Path) -> None:
    """Process substitution (``validate <(curl ...)``) gives a FIFO: it is read."""
    fifo = tmp_path / "survey.csv"
    os.mkfifo(fifo)
    text = (HERE / "corpus" / "survey" / "good.csv").read_bytes()
    writer = threading.Thread(target=lambda: fifo.write_bytes(text))
    writer.start()
    try:
        data = read_survey([fifo], ISET)
    finally:
        writer.join(timeout=10)
    assert sorted(data.regions[("Tegal", 2025)].answers["net"].values) == [60.0, 72.5]


def test_decimal_separators_are_only_checked_where_numbers_are_text(tmp_path: Path) -> None:
    """XLSX and JSON numbers are typed (72.5 is a number, "72,5" a text): mixing is fine."""
    path = tmp_path / "s.json"
    path.write_text('[{"region": "T", "net": 72.5}, {"region": "T", "net": "60,5"}]')
    data = read_survey([path], ISET)
    assert sorted(data.regions[("T", None)].answers["net"].values) == [60.5, 72.5]
    long = tmp_path / "long.csv"
    long.write_text("region,indicator,value\nT,net,\"72,5\"\nT,net,60.5\nT,wifi,2.5\n"
                    "T,wifi,3\n")
    assert problems_of([long]) == [
        f"{long}:3:3 (field net): this number has a decimal point, but 'net' uses a decimal "
        "comma earlier in this file (line 2: '72,5'): use one decimal separator (1.234 could "
        "mean 1234 or 1.234); expected a decimal comma, as on line 2, found '60.5'"]


@pytest.mark.slow
def test_the_huge_dimension_workbook_reads_only_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    path.write_bytes(generate.GENERATED["survey/xlsx-huge-dimension.xlsx"]())
    table = open_table(path)
    rows = list(table.rows)
    assert table.header[-1] == "open" and len(table.header) == 9
    assert [(row, len(cells)) for _, row, cells, _ in rows] == [(2, 9)]
