"""Parquet input (the optional ``parquet`` extra): typed columns, located problems, limits.

The tests that write Parquet files need pyarrow and are skipped without it; the message for
a missing pyarrow is tested either way.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from survey_helpers import answers, make_set, only_problem, pairs, problems

from smartcity_assess.errors import Problem
from smartcity_assess.survey import readers
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.readers import open_table


def write_parquet(path: Path, columns: dict[str, list[object]]) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table(columns), path)
    return path


def test_without_pyarrow_the_message_says_how_to_get_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.parquet"
    path.write_bytes(b"PAR1" + b"\0" * 64 + b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    table = open_table(path)
    assert not table.usable and table.problems == [Problem(
        str(path), "reading Parquet files needs the pyarrow package: install it with pip "
        "install 'smartcity-assess[parquet]', or save the data as CSV",
        expected="pyarrow installed")]


def test_a_csv_file_named_parquet(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    path.write_text("region,net\nTegal,50\n", encoding="utf-8")
    assert open_table(path).problems == [Problem(
        str(path), "this is text starting 'region,net\\nTegal,50\\n', not a Parquet file",
        expected="a Parquet file", found="text starting 'region,net\\nTegal,50\\n'")]


def test_wide_file_with_typed_columns(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "s.parquet", {
        "region": ["Tegal", "Tegal", "Brebes"],
        "year": [2025, 2025, 2025],
        "respondent": ["r1", "r2", "r3"],
        "role": ["opd", "warga", "opd"],
        "net": [72.5, None, 40.0],                 # float, null = not answered
        "online": [4, 5, 3],                       # integers
        "plan": [True, False, None],               # booleans
        "open": ["full", "none", "partial"],       # text
    })
    table = open_table(path)
    assert (table.format, table.header[:3]) == ("parquet", ["region", "year", "respondent"])
    data = read_survey([path], make_set())
    assert sorted(data.regions) == [("Brebes", 2025), ("Tegal", 2025)]
    assert answers(data, "net") == [72.5]
    assert pairs(data, "online") == [(4.0, "opd"), (5.0, "warga")]
    assert answers(data, "plan") == [0.0, 1.0]
    assert answers(data, "open") == [0.0, 100.0]
    assert answers(data, "open", region="Brebes") == [50.0]
    assert data.files[0].format == "parquet" and data.files[0].rows == 3


def test_long_file(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "s.parquet", {
        "region": ["Tegal"] * 3, "indicator": ["net", "net", "open"],
        "value": ["72.5", "60", "full"]})
    data = read_survey([path], make_set())
    assert answers(data, "net", year=None) == [60.0, 72.5]
    assert answers(data, "open", year=None) == [100.0]


def test_problems_name_the_record_and_the_column(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "s.parquet", {
        "region": ["Tegal", "Tegal"],
        "net": [50.0, 150.0],
        "wifi": [dt.date(2025, 1, 3), None],
    })
    found = problems([path], make_set())
    assert [str(p) for p in found] == [
        f"{path} (row 1, field wifi): the cell holds a date; expected a number from 0 to 50, "
        "found a date '2025-01-03'",
        f"{path} (row 2, field net): value outside the valid range; expected a percentage "
        "from 0 to 100, found '150'",
    ]
    assert [p.column for p in found] == [3, 2]


def test_cell_limit_and_long_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_parquet(tmp_path / "s.parquet", {"region": ["Tegal"] * 11, "net": [50.0] * 11})
    monkeypatch.setattr(readers, "MAX_CELLS", 20)
    problem = only_problem([path], make_set())
    assert problem.message.startswith("the file has more than 20 cells")
    assert problem.found == "11 data rows of 2 columns"
    monkeypatch.undo()
    long = write_parquet(tmp_path / "long.parquet", {"region": ["T" * 200_000], "net": [50.0]})
    problem = only_problem([long], make_set())
    assert (problem.row, problem.column, problem.found) == (1, 1, "200,000 characters")
    assert problem.message == ("the cell holds more than 131,072 characters of text: "
                               "shorten it")


def test_a_damaged_file(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "s.parquet"
    path.write_bytes(b"PAR1" + b"\x15\x04" * 40 + b"PAR1")
    problem = only_problem([path], make_set())
    assert problem.message.startswith("the Parquet file cannot be read: ")
    assert problem.expected == "a Parquet file"
