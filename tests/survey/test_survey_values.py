"""Cell conversion per indicator type: what is accepted, what is not, and why."""

from __future__ import annotations

import pytest
from survey_helpers import make_set

from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.survey.values import (
    BAD,
    MEMO_LIMIT,
    SKIP,
    Converter,
    parse_number,
    semantics,
)


@pytest.fixture()
def iset() -> IndicatorSet:
    """The survey tests' six-indicator set."""
    return make_set()


def conv(iset: IndicatorSet, ind_id: str) -> Converter:
    return Converter(iset.indicator_map()[ind_id])


@pytest.mark.parametrize(("text", "value"), [
    ("72.5", 72.5), ("72,5", 72.5), (" 72.5 ", 72.5), ("1e3", 1000.0), ("-3", -3.0),
    ("0", 0.0), ("5.", 5.0), (".5", 0.5),
])
def test_parse_number_accepts(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1.234,5", "1,2,3", "1_000", "72.5%", "0x10",
                                  "1 000"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("cell", ["", "   ", "NA", "na", "N/A", "n/a", " n/a "])
def test_not_answered_in_every_type(iset: IndicatorSet, cell: str) -> None:
    for ind in iset.indicators():
        assert Converter(ind)[cell] is SKIP, ind.id


@pytest.mark.parametrize(("cell", "value"), [
    ("72.5", 72.5), ("72,5", 72.5), ("72.5%", 72.5), ("72,5 %", 72.5), ("0", 0.0),
    ("100", 100.0), ("1e1", 10.0),
])
def test_percent_values(iset: IndicatorSet, cell: str, value: float) -> None:
    assert conv(iset, "net")[cell] == value


@pytest.mark.parametrize(("cell", "message", "expected"), [
    ("abc", "not a percentage", "a percentage from 0 to 100"),
    ("100.5", "value outside the valid range", "a percentage from 0 to 100"),
    ("-1", "value outside the valid range", "a percentage from 0 to 100"),
    ("nan", "not a finite number", "a percentage from 0 to 100"),
    ("1.234,5", "not a percentage", "a percentage from 0 to 100"),
])
def test_percent_rejects(iset: IndicatorSet, cell: str, message: str, expected: str) -> None:
    converter = conv(iset, "net")
    assert converter[cell] is BAD
    bad = converter.explain(cell)
    assert bad is not None
    assert (bad.message, bad.expected) == (message, expected)


def test_number_with_and_without_range(iset: IndicatorSet) -> None:
    wifi = conv(iset, "wifi")
    assert wifi["50"] == 50.0
    assert wifi["51"] is BAD
    assert wifi.expected == "a number from 0 to 50"
    assert wifi["5%"] is BAD
    speed = conv(iset, "speed")
    assert speed["123456"] == 123456.0
    assert speed["-7.25"] == -7.25
    assert speed["inf"] is BAD
    assert speed.expected == "a number"
    bad = speed.explain("inf")
    assert bad is not None and bad.message == "not a finite number"


@pytest.mark.parametrize(("cell", "value"), [("1", 1.0), ("5", 5.0), ("4.0", 4.0), (" 3 ", 3.0),
                                             ("4,0", 4.0)])
def test_likert_levels(iset: IndicatorSet, cell: str, value: float) -> None:
    assert conv(iset, "online")[cell] == value


@pytest.mark.parametrize("cell", ["0", "6", "3.5", "three", "inf"])
def test_likert_rejects(iset: IndicatorSet, cell: str) -> None:
    converter = conv(iset, "online")
    assert converter[cell] is BAD
    bad = converter.explain(cell)
    assert bad is not None
    assert bad.message == "not a level of the scale"
    assert bad.expected == "one of the levels 1, 2, 3, 4, 5"


@pytest.mark.parametrize(("cell", "value"), [
    ("yes", 1.0), ("No", 0.0), ("YA", 1.0), ("tidak", 0.0), ("y", 1.0), ("n", 0.0),
    ("true", 1.0), ("FALSE", 0.0), ("benar", 1.0), ("Salah", 0.0), ("1", 1.0), ("0", 0.0),
    (" ya ", 1.0), ("1.0", 1.0),
])
def test_boolean_words(iset: IndicatorSet, cell: str, value: float) -> None:
    assert conv(iset, "plan")[cell] == value


def test_boolean_rejects(iset: IndicatorSet) -> None:
    converter = conv(iset, "plan")
    assert converter["maybe"] is BAD
    assert converter["2"] is BAD
    bad = converter.explain("maybe")
    assert bad is not None
    assert bad.expected == "yes or no (ya/tidak, y/n, true/false, benar/salah, 1/0)"


@pytest.mark.parametrize(("cell", "value"), [("none", 0.0), ("Partial", 50.0), (" FULL ", 100.0)])
def test_choice_keys(iset: IndicatorSet, cell: str, value: float) -> None:
    assert conv(iset, "open")[cell] == value


def test_choice_rejects_with_allowed_keys(iset: IndicatorSet) -> None:
    converter = conv(iset, "open")
    assert converter["50"] is BAD
    bad = converter.explain("half")
    assert bad is not None
    assert bad.message == "not one of the choices"
    assert bad.expected == "one of 'none', 'partial', 'full'"


def test_memo_is_capped(iset: IndicatorSet) -> None:
    speed = conv(iset, "speed")
    for i in range(MEMO_LIMIT + 100):
        assert speed[str(i)] == float(i)
    assert len(speed) == MEMO_LIMIT


def test_semantics_shared_by_alike_indicators(iset: IndicatorSet) -> None:
    by_id = iset.indicator_map()
    assert semantics(by_id["net"]) == ("percent", (0.0, 100.0))
    assert semantics(by_id["wifi"]) != semantics(by_id["speed"])
    assert semantics(by_id["plan"]) == ("boolean",)
