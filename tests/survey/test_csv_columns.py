"""The columnar path of plain CSV files: cells found and read with numpy over the bytes.

Its numbers must be exactly what ``float`` (and the careful parser) makes of the text, its
distinct texts numbered in the order they first appear, and a survey read through it must be
the survey the per-cell path reads — with every problem left to that path.
"""

from __future__ import annotations

import csv
import random
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from survey_helpers import make_set

from smartcity_assess.errors import InputError
from smartcity_assess.survey import load
from smartcity_assess.survey.data import SurveyData
from smartcity_assess.survey.formats import csv as csv_text
from smartcity_assess.survey.formats.csv_columns import COMMA, POINT, Fields, split
from smartcity_assess.survey.values import parse_number

LIMIT = csv.field_size_limit()
ISET = make_set()


def fields_of(cells: list[str], delimiter: str = ";") -> Fields:
    """A two-column plain text whose second column holds ``cells``."""
    text = "".join(f"r{i}{delimiter}{cell}\n" for i, cell in enumerate(cells))
    found = split(text.encode(), delimiter, 2, LIMIT)
    assert found is not None
    return found


PLAIN = ["0", "7", "-3", "72.5", "72,5", "-0", "-0.0", "007", "100.00", "0.1", "1234567",
         "12345678", "123456789012345", "-12345678901.25", "9999999.9999999"]
NOT_PLAIN = ["", "5.", ".5", "-.5", "-", "1-", "--1", "+5", " 5", "5 ", "1e3", "1_000", "0x10",
             "1.2.3", "1,2.3", "nan", "inf", "1234567890123456", "12345678901234.5", "٣",
             "99999999.9999999", "55%", "ya", "１"]


@pytest.mark.parametrize("short", [True, False])  # cells of at most 8 bytes (one word each)
def test_numbers_are_exactly_what_float_reads(short: bool) -> None:
    cells = [cell for cell in PLAIN + NOT_PLAIN if len(cell.encode()) <= 8 or not short]
    values, plain, marks = fields_of(cells).numbers(1)
    for cell, value, is_plain, mark in zip(cells, values, plain, marks, strict=True):
        assert is_plain == (cell in PLAIN), cell
        if is_plain:
            expected = float(cell.replace(",", ".")) + 0.0
            assert repr(float(value)) == repr(expected), cell  # the same double; -0 is 0.0
            assert parse_number(cell) == expected
            assert mark == (COMMA if "," in cell else POINT if "." in cell else 0), cell
        else:
            assert np.isnan(value) and mark == 0, cell


@pytest.mark.parametrize("longest", [8, 17])
def test_numbers_of_many_random_texts(longest: int) -> None:
    rng = random.Random(14 + longest)
    alphabet = "0123456789-.,e +"
    cells = []
    for _ in range(20_000):
        if rng.random() < 0.5:
            cells.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))))
        else:
            cells.append(f"{rng.uniform(-1e7, 1e7):.{rng.randint(0, 6)}f}"[:longest])
    values, plain, _ = fields_of(cells).numbers(1)
    for cell, value, is_plain in zip(cells, values, plain, strict=True):
        if is_plain:
            assert repr(float(value)) == repr(float(cell.replace(",", ".")) + 0.0), cell
    assert plain.sum() > 5_000  # most of the formatted numbers are plain


def test_factorize_numbers_texts_in_the_order_they_first_appear() -> None:
    cells = ["ya", "tidak", "", "ya", "Ya", "tidak", "ya", "ĳssel", ""]
    texts, codes = fields_of(cells).factorize(1)
    assert texts == ["ya", "tidak", "", "Ya", "ĳssel"]
    assert codes.tolist() == [0, 1, 2, 0, 3, 1, 0, 4, 2]
    rows = np.array([1, 4, 5, 8])
    texts, codes = fields_of(cells).factorize(1, rows)
    assert texts == ["tidak", "Ya", ""] and codes.tolist() == [0, 1, 0, 2]


@pytest.mark.parametrize("shuffled", [False, True])
def test_factorize_long_texts(shuffled: bool) -> None:
    names = ["Kabupaten Tegal", "Kota Tegal", "Kabupaten Brebes", "Kabupaten Bogor" + "x" * 60]
    cells = [name for name in names for _ in range(50)]
    if shuffled:
        random.Random(3).shuffle(cells)
    texts, codes = fields_of(cells).factorize(1)
    assert texts == list(dict.fromkeys(cells))
    assert [texts[c] for c in codes.tolist()] == cells


def test_texts_of_a_column_and_blank_rows() -> None:
    found = split("a,b\n,\nc,ĳ\n\n\n".encode(), ",", 2, LIMIT)
    assert found is not None
    assert found.rows == 3  # blank lines at the end are no rows
    assert found.texts(0) == ["a", "", "c"] and found.texts(1) == ["b", "", "ĳ"]
    assert found.blank().tolist() == [False, True, False]
    assert found.select(~found.blank()).texts(1) == ["b", "ĳ"]


@pytest.mark.parametrize("ending", ["", "\n", "\n\n"])
def test_the_lines_after_a_header_read_in_place_or_copied(ending: str) -> None:
    data = ("region,value\nKabupaten Tegal,72.5\nKota Tegal,-3" + ending).encode()
    found = split(data, ",", 2, LIMIT, start=len("region,value\n"))
    assert found is not None and found.rows == 2
    assert found.texts(0) == ["Kabupaten Tegal", "Kota Tegal"]
    assert found.numbers(1)[0].tolist() == [72.5, -3.0]
    texts, codes = found.factorize(0)
    assert texts == ["Kabupaten Tegal", "Kota Tegal"] and codes.tolist() == [0, 1]


@pytest.mark.parametrize("text", [
    'a,"b"\n', "a,b\r\n", "a,b\n\nc,d\n", "a,b,c\n", "a\n", "a,b\nc\n", "",
])
def test_text_that_is_not_plain_is_left_to_the_reader(text: str) -> None:
    assert split(text.encode(), ",", 2, LIMIT) is None


def test_a_cell_longer_than_the_csv_limit_is_left_to_the_reader() -> None:
    assert split(b"a," + b"x" * 20 + b"\n", ",", 2, 10) is None


# -- the loader: the same survey either way ---------------------------------------------------


def _strict(data: SurveyData) -> object:
    """Everything of a survey, in order (region-years, answers, roles, respondents, the
    files read and what the checks noted)."""
    return ([(key, sorted(region.respondents), region.roles, region.weights, region.strata,
              region.areas, [(ind, a.values.tolist(), a.roles, a.respondents)
                             for ind, a in region.answers.items()])
             for key, region in data.regions.items()], data.files, data.notices)


def _both(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> tuple[object, object, int]:
    """(columnar, per-cell) results of reading ``paths`` — the survey or the problems —
    and how many files the columnar path read."""
    taken = 0
    original = load._Rows.fast_wide

    def spy(rows: load._Rows) -> bool:
        nonlocal taken
        done = original(rows)
        taken += done
        return done

    def run() -> object:
        try:
            return _strict(load.read_survey(paths, ISET))
        except InputError as error:
            return [str(problem) for problem in error.problems]

    with monkeypatch.context() as patch:
        patch.setattr(load._Rows, "fast_wide", spy)
        fast = run()
    with monkeypatch.context() as patch:
        patch.setattr(load, "FAST_CSV", False)
        slow = run()
    return fast, slow, taken


def _write(folder: Path, text: str, name: str = "s.csv") -> Path:
    path = folder / name
    path.write_bytes(text.encode())
    return path


def test_a_plain_file_is_read_by_columns_into_the_same_survey(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("sep=;\nregion;year;respondent;role;net;wifi;speed;online;plan;open\n"
            "Tegal;2025;r1;OPD;72,5;3;10;4;ya;full\n"
            "Brebes;2025;r2;warga;50;;1,5;;tidak;none\n"
            ";;;;;;;;;\n"
            "Tegal;2024;;opd;-0;0;99;5;1;partial\n"
            "Tegal;2025;r3;;100;50;7;2;Tidak;NA\n"
            "Tegal ;2025;r5;opd;10%;1;2;3;y;full\n")
    fast, slow, taken = _both([_write(tmp_path, text)], monkeypatch)
    assert taken == 1
    assert fast == slow
    assert isinstance(fast, tuple)
    regions = fast[0]
    assert regions[0][0] == ("Tegal", 2025)
    assert regions[0][1] == ["r1", "r3", "r5"]  # " Tegal" is Tegal
    assert regions[0][6][0] == ("net", [72.5, 100.0, 10.0], ["opd", None, "opd"],
                                ["r1", "r3", "r5"])


def test_a_respondent_twice_is_found_by_the_second_pass(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("region,year,respondent,role,net,plan\n"
            "Tegal,2025,r1,opd,72,ya\nTegal,2025,r2,opd,50,\nTegal,2025,r1,opd,,tidak\n"
            "Tegal,2025,r2,opd,40,ya\n")
    fast, slow, taken = _both([_write(tmp_path, text)], monkeypatch)
    assert taken == 1 and fast == slow
    assert isinstance(fast, list) and len(fast) == 2
    assert "respondent 'r2' answers 'net' for Tegal 2025 a second time" in fast[1]


@pytest.mark.parametrize("change", [
    ("72,5", "72.5"),          # both decimal marks in one column
    ("Brebes", ""),            # an empty region on a row that is not blank
    (";2024;", ";20x4;"),      # not a year
    (";ya;", ";maybe;"),       # not a yes/no answer
    (";4;", ";6;"),            # not a level of the scale
    (";99;", ";120;"),         # no problem: speed has no valid range
    (";3;", ";3.0;"),          # no problem: a plain number with a point
    (";50;", ";150;"),         # outside the valid range of wifi
])
def test_problems_are_found_and_worded_by_the_per_cell_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: tuple[str, str]) -> None:
    text = ("region;year;respondent;role;net;wifi;speed;online;plan;open\n"
            "Tegal;2025;r1;opd;72,5;3;10;4;ya;full\n"
            "Brebes;2025;r2;warga;50.5;;1;;tidak;none\n"
            "Tegal;2024;r4;opd;0;0;99;5;1;partial\n"
            "Tegal;2025;r3;opd;100;50;7;2;ya;NA\n")
    fast, slow, _ = _both([_write(tmp_path, text.replace(*change, 1))], monkeypatch)
    assert fast == slow


def test_several_files_share_their_tables(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    header = "region,year,respondent,role,net,online,plan\n"
    first = _write(tmp_path, header + "Tegal,2025,r1,opd,1,4,ya\nTegal,2025,r2,,2,3,\n", "a.csv")
    second = _write(tmp_path, header + "Tegal,2025,r2,opd,3,,tidak\nBrebes,,r9,opd,4,1,ya\n",
                    "b.csv")
    fast, slow, taken = _both([first, second], monkeypatch)
    assert taken == 2
    assert fast == slow  # r2 in both files: the second pass compares their answers


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(
    st.sampled_from(["Tegal", "Brebes", "Kabupaten Tegal Selatan", " Tegal", "Bogotá", ""]),
    st.sampled_from(["2025", "", "2024", "2025.0"]),
    st.sampled_from(["", "r1", "r2", "r3", "r4"]),
    st.sampled_from(["", "opd", "OPD", "warga"]),
    st.lists(st.sampled_from(["", "1", "4", "0", "-0", "NA", "72,5", "72.5", "50%", "7.25",
                              "x", "ya", "tidak", "full", "100", "1e1", "3,0", "-1", "0.5",
                              "0.25", "0,5"]),
             min_size=6, max_size=6)), min_size=1, max_size=30),
    delimiter=st.sampled_from([",", ";", "\t"]), block_chars=st.sampled_from([40, 100_000]))
def test_columns_agree_with_cells(rows: list[tuple[str, str, str, str, list[str]]],
                                  delimiter: str, block_chars: int) -> None:
    lines = [delimiter.join(["region", "year", "respondent", "role", "net", "wifi", "speed",
                             "online", "plan", "open"])]
    for region, year, respondent, role, cells in rows:
        if delimiter == ",":
            cells = [cell for cell in cells if "," not in cell] + [""] * 6
        lines.append(delimiter.join([region, year, respondent, role, *cells[:6]]))
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_text, "BLOCK_CHARS", block_chars)  # blocks of a few lines or one
        fast, slow, _ = _both([_write(Path(name), "\n".join(lines) + "\n")], patch)
    assert fast == slow


def test_what_the_checks_note_is_noted_either_way(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # percentages typed as fractions (0.5 beside 50) over several blocks, one respondent id
    # in two regions: the same findings, at the same lines, in the same order
    lines = ["region,year,respondent,role,net,plan"]
    for i in range(40):
        region = "Tegal" if i % 3 else "Brebes"
        respondent = "r1" if i == 39 else f"r{i}"  # r1 of Tegal again in Brebes
        lines.append(f"{region},2025,{respondent},opd,{'0.5' if i % 4 == 0 else 50 + i},ya")
    path = _write(tmp_path, "\n".join(lines) + "\n")
    monkeypatch.setattr(csv_text, "BLOCK_CHARS", 100)
    fast, slow, taken = _both([path], monkeypatch)
    assert taken == 1 and fast == slow
    assert isinstance(fast, tuple)
    codes = [notice.code for notice in fast[2]]
    assert "percent-fraction" in codes and "respondent-regions" in codes
