"""Converter.answers (whole columns, ``float`` fast path) agrees with the cell-by-cell parser."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from survey_helpers import make_set

from smartcity_assess.errors import InputError
from smartcity_assess.indicators.model import Indicator
from smartcity_assess.survey.data import SurveyData
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.values import BAD, SKIP, Converter

INDICATORS = make_set().indicator_map()
TRICKY = ["72.5", " 72.5 ", "72,5", "50%", "50 %", "-0", "-0.0", "+0", "+5", "-1", "1_0",
          "1__0", "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e400", "-1e400", "1e-400",
          "1e2", "5.", ".5", "0x10", "abc", "1.234,5", "1,5,0", "NA", "n/a", "N/A", "", " ",
          "\u00a05", "\u0661\u0662", "100", "100.0000001", "50", "49.99", "0", "7\r", "١"]


def reference(conv: Converter, cells: list[str]) -> list[float]:
    """What the careful parser gives cell by cell (through a fresh memo)."""
    fresh = Converter(conv.indicator)
    return [fresh[cell] for cell in cells]


def same(got: list[float], want: list[float]) -> bool:
    if len(got) != len(want):
        return False
    for a, b in zip(got, want, strict=True):
        if b is SKIP or b is BAD or a is SKIP or a is BAD:
            if a is not b:
                return False
        elif not (a == b and math.copysign(1.0, a) == math.copysign(1.0, b)):
            return False
    return True


@pytest.mark.parametrize("ind_id", sorted(INDICATORS))
@pytest.mark.parametrize("distinct", [False, True])
def test_tricky_cells_one_by_one_and_together(ind_id: str, distinct: bool) -> None:
    conv = Converter(INDICATORS[ind_id])
    for cell in TRICKY:
        got, _ = conv.answers([cell], distinct)
        assert same(got, reference(conv, [cell])), cell
    got, _ = Converter(INDICATORS[ind_id]).answers(TRICKY, distinct)
    assert same(got, reference(conv, TRICKY))


def test_negative_zero_becomes_zero() -> None:
    conv = Converter(INDICATORS["wifi"])
    for distinct in (False, True):
        got, _ = Converter(conv.indicator).answers(["-0", "-0.0", "3"], distinct)
        assert got == [0.0, 0.0, 3.0]
        assert all(math.copysign(1.0, value) == 1.0 for value in got)


def test_distinct_numbers_are_reported_as_such() -> None:
    ind: Indicator = INDICATORS["net"]
    conv = Converter(ind)
    cells = [f"{i / 100:.2f}" for i in range(10_000)]
    values, distinct = conv.answers(cells)
    assert values == [float(cell) for cell in cells]
    assert not distinct  # the memo had room for them
    cells = [f"{i / 1000:.3f}" for i in range(1, 100_000, 10)]
    values, distinct = conv.answers(cells)
    assert values == [float(cell) for cell in cells]
    assert distinct  # the memo is full: most cells will be new to it
    assert conv.answers([], distinct=True) == ([], True)
    values, _ = conv.answers(["12.5", "NA", "x"], distinct=True)
    assert values[0] == 12.5 and values[1] is SKIP and values[2] is BAD


NUMBERISH = st.text(alphabet="0123456789.,-+e_% naif", max_size=7)


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(NUMBERISH, max_size=12), ind_id=st.sampled_from(sorted(INDICATORS)),
       distinct=st.booleans())
def test_columns_agree_with_cells(cells: list[str], ind_id: str, distinct: bool) -> None:
    conv = Converter(INDICATORS[ind_id])
    got, _ = conv.answers(cells, distinct)
    assert same(got, reference(conv, cells))
    again, _ = conv.answers(cells, distinct)  # now partly from the memo
    assert same(again, reference(conv, cells))


def _big_csv(path: Path, spoil: dict[int, str]) -> Path:
    """20,000 rows (many CSV blocks) of mostly distinct numbers; net empty on rows 8,000 to
    11,999 (whole blocks of an empty column), two regions mixed from row 15,000 on,
    ``spoil``: row → net."""
    lines = ["region,year,respondent,net,wifi,online"]
    for i in range(20_000):
        net = "" if 8_000 <= i < 12_000 else f"{(i * 37) % 10_000 / 100:.2f}"
        net = spoil.get(i, net)
        region = "Tegal" if i < 15_000 or i % 3 else "Brebes"
        lines.append(f"{region},2025,r{i},{net},{i % 5000 / 100:.2f},{i % 5 + 1}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _careful(conv: Converter, cells: Sequence[str], typed: bool = True) -> list[float] | None:
    return None


@pytest.mark.parametrize("spoil", [
    {},
    {12_500: "NA", 12_501: " ", 13_000: "-0", 16_001: "-0"},
    {12_500: "101", 13_000: '"12,5"', 14_000: "nan", 16_000: "1e400", 18_000: "1_0"},
    {12_500: "1e400", 13_000: "12,5%", 14_000: "inf"},
])
def test_read_survey_same_with_and_without_fast_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoil: dict[int, str]) -> None:
    path = _big_csv(tmp_path / "big.csv", spoil)
    iset = make_set()

    def outcome() -> object:
        try:
            return read_survey([path], iset)
        except InputError as exc:
            return [str(exc), *exc.problems]

    fast = outcome()
    monkeypatch.setattr(Converter, "_plain_numbers", _careful)
    assert outcome() == fast
    if not spoil:
        assert isinstance(fast, SurveyData)
        net = fast.regions[("Tegal", 2025)].answers["net"]
        assert net.values[:3].tolist() == [0.0, 0.37, 0.74]
        assert net.respondents[:3] == ["r0", "r1", "r2"]


def as_column(values: list[float]) -> tuple[list[float], list[int]]:
    """The reference cells as Converter.column gives them: NaN where not answered or bad,
    and the positions of the bad cells."""
    return ([math.nan if v is SKIP or v is BAD else v for v in values],
            [i for i, v in enumerate(values) if v is BAD])


def same_column(got: Iterable[float], want: list[float]) -> bool:
    values = list(got)
    return len(values) == len(want) and all(
        (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1.0, a)
                                               == math.copysign(1.0, b))
        for a, b in zip(values, want, strict=True))


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(NUMBERISH | st.sampled_from(TRICKY), max_size=14),
       ind_id=st.sampled_from(sorted(INDICATORS)), distinct=st.booleans())
def test_numpy_columns_agree_with_cells(cells: list[str], ind_id: str, distinct: bool) -> None:
    conv = Converter(INDICATORS[ind_id])
    want, bad = as_column(reference(conv, cells))
    for _ in range(2):  # the second time partly from the memo
        values, found, _ = conv.column(cells, distinct)
        assert same_column(values, want) and found == bad


def test_numpy_columns_of_typed_cells() -> None:
    """Numbers from a workbook or JSON are checked as numbers, with the text path's result."""
    cells: list[float | str] = [72.5, 0.0, -0.0, 150.0, math.inf, "", "60", 1e400, 3.0]
    for ind_id in sorted(INDICATORS):
        conv = Converter(INDICATORS[ind_id])
        text = [c if isinstance(c, str) else (str(int(c)) if math.isfinite(c) and
                                                c.is_integer() else repr(c)) for c in cells]
        want, bad = as_column(reference(conv, text))
        for distinct in (False, True):
            values, found, _ = Converter(conv.indicator).column(cells, distinct)
            assert same_column(values, want) and found == bad, ind_id
