"""Cell → raw number: one memoised converter per kind of indicator.

A cell is text, or a number where the file stores numbers as numbers (XLSX, JSON, Parquet); a
number is checked as the number it is, never turned into text and parsed again (only a choice,
whose keys are text, is matched by the number's text). A survey column holds few distinct
cells (``"1"``–``"5"``, ``"ya"``/``"tidak"``, empty), so each converter is a ``dict``
subclass: a hit costs one hash lookup, a miss runs the careful parser once and remembers the
answer. The memo is capped so that a column of all-distinct numbers does not grow it without
bound.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import is_, ne
from typing import TYPE_CHECKING, cast

from ..indicators.model import Indicator
from .table import Cell, text_of

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SKIP: float = float("nan")
"""Sentinel (compared by identity) for a cell that is not answered: empty, ``NA``, ``N/A``.
NaN: in a numpy column of answers, "not answered" is NaN."""

BAD: float = float("-inf")
"""Sentinel (compared by identity) for a cell that is not a valid answer.

Both sentinels are float objects so that converted cells stay plain ``list[float]`` (and
numpy columns) and C-level ``in`` / ``count`` can find them; real answers are never NaN or
infinite (such input is rejected).
"""


class Bad:
    """Why a cell is not a valid answer."""

    __slots__ = ("message", "expected")

    def __init__(self, message: str, expected: str) -> None:
        self.message = message
        self.expected = expected

    def __repr__(self) -> str:
        return f"Bad({self.message!r}, {self.expected!r})"


Converted = float | Bad
"""A parser's answer: a value, :data:`SKIP`, or a :class:`Bad` explanation."""

NOT_ANSWERED: frozenset[str] = frozenset({"", "na", "n/a"})
"""Cell texts (stripped, lower-cased) that mean "not answered"."""

BOOLEAN_WORDS: dict[str, float] = {
    "yes": 1.0, "no": 0.0,
    "ya": 1.0, "tidak": 0.0,
    "y": 1.0, "n": 0.0,
    "true": 1.0, "false": 0.0,
    "benar": 1.0, "salah": 0.0,
    "1": 1.0, "0": 0.0,
}
"""Accepted boolean answers (compared lower-cased and stripped)."""

MEMO_LIMIT = 4096
"""Distinct cell texts remembered per indicator."""

_MISS: float = float("inf")
"""Sentinel (compared by identity) for a cell not in a converter's memo."""


def parse_number(text: str) -> float | None:
    """A number as people write it: ``72.5``, ``72,5`` (decimal comma), ``1e3``, spaces around.

    Returns None when the text is not a number. ``nan`` and ``inf`` parse (the caller decides).
    A comma is a decimal comma only when there is no point; ``1.234,5`` is not a number.
    """
    s = text.strip()
    if not s or "_" in s:
        return None
    if "," in s:
        if "." in s or s.count(",") > 1:
            return None
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def describe_range(low: float, high: float) -> str:
    """``from 0 to 100`` with integers shown without ``.0``."""
    return f"from {_fmt(low)} to {_fmt(high)}"


def _number_bounds(ind: Indicator) -> tuple[float, float] | None:
    """Valid range of a number or percent indicator (a percentage: 0–100 unless set)."""
    bounds = ind.valid_range
    if ind.type == "percent" and bounds is None:
        bounds = (0.0, 100.0)
    return bounds


def _number_parser(ind: Indicator) -> tuple[Callable[[Cell], Converted], str]:
    percent = ind.type == "percent"
    bounds = _number_bounds(ind)
    kind = "a percentage" if percent else "a number"
    expected = kind + (" " + describe_range(*bounds) if bounds else "")

    def convert(cell: Cell) -> Converted:
        if isinstance(cell, float):
            value: float | None = cell
        else:
            s = cell.strip()
            if s.lower() in NOT_ANSWERED:
                return SKIP
            if percent and s.endswith("%"):
                s = s[:-1]
            value = parse_number(s)
        if value is None:
            return Bad(f"not {kind}", expected)
        if not math.isfinite(value):
            return Bad("not a finite number", expected)
        if bounds is not None and not bounds[0] <= value <= bounds[1]:
            return Bad("value outside the valid range", expected)
        return value + 0.0

    return convert, expected


def _likert_parser(ind: Indicator) -> tuple[Callable[[Cell], Converted], str]:
    levels = ind.level_values() or (1, 2, 3, 4, 5)
    allowed = frozenset(levels)
    expected = "one of the levels " + ", ".join(str(level) for level in levels)

    def convert(cell: Cell) -> Converted:
        if isinstance(cell, float):
            value: float | None = cell
        else:
            s = cell.strip()
            if s.lower() in NOT_ANSWERED:
                return SKIP
            value = parse_number(s)
        if value is None or not math.isfinite(value):
            return Bad("not a level of the scale", expected)
        if not value.is_integer() or int(value) not in allowed:
            return Bad("not a level of the scale", expected)
        return float(int(value))

    return convert, expected


def _boolean_parser(ind: Indicator) -> tuple[Callable[[Cell], Converted], str]:
    expected = "yes or no (ya/tidak, y/n, true/false, benar/salah, 1/0)"

    def convert(cell: Cell) -> Converted:
        if isinstance(cell, float):
            if cell == 1.0 or cell == 0.0:
                return cell + 0.0
            return Bad("not a yes/no answer", expected)
        s = cell.strip().lower()
        if s in NOT_ANSWERED:
            return SKIP
        value = BOOLEAN_WORDS.get(s)
        if value is None:
            number = parse_number(s)
            if number == 1.0 or number == 0.0:
                return number + 0.0
            return Bad("not a yes/no answer", expected)
        return value

    return convert, expected


def _choice_parser(ind: Indicator) -> tuple[Callable[[Cell], Converted], str]:
    exact = {key.strip(): float(value) for key, value in ind.choices}
    folded: dict[str, float] = {}
    for key, value in ind.choices:
        folded.setdefault(key.strip().casefold(), float(value))
    expected = "one of " + ", ".join(repr(key) for key, _ in ind.choices)

    def convert(cell: Cell) -> Converted:
        s = text_of(cell).strip()  # a number matches a choice by the text it is shown as
        if s.lower() in NOT_ANSWERED and s.casefold() not in folded:
            return SKIP
        value = exact.get(s)
        if value is None:
            value = folded.get(s.casefold())
        if value is None:
            return Bad("not one of the choices", expected)
        return value

    return convert, expected


_PARSERS: dict[str, Callable[[Indicator], tuple[Callable[[Cell], Converted], str]]] = {
    "number": _number_parser,
    "percent": _number_parser,
    "likert": _likert_parser,
    "boolean": _boolean_parser,
    "choice": _choice_parser,
}


class Converter(dict[Cell, float]):
    """Memoised cell converter of one indicator.

    ``converter[cell]`` is the raw value, :data:`SKIP` or :data:`BAD`; :meth:`explain` says
    what is wrong with a bad cell.
    """

    __slots__ = ("indicator", "expected", "_convert", "_numeric", "_bounds")

    def __init__(self, indicator: Indicator) -> None:
        super().__init__()
        self.indicator = indicator
        self._convert, self.expected = _PARSERS[indicator.type](indicator)
        self[""] = SKIP
        self._numeric = indicator.type in ("number", "percent")
        self._bounds = _number_bounds(indicator)

    def __missing__(self, cell: Cell) -> float:
        result = self._convert(cell)
        value = BAD if isinstance(result, Bad) else result
        if len(self) < MEMO_LIMIT:
            self[cell] = value
        return value

    def answers(self, cells: Sequence[Cell], distinct: bool = False
                ) -> tuple[list[float], bool]:
        """``[self[cell] for cell in cells]`` in C-level passes, and whether most cells were
        new to the memo (pass that as ``distinct`` for the next cells of the same column).

        A number or percent column of mostly distinct values would miss the memo cell after
        cell; there the cells go through ``float`` at once (:meth:`_plain_numbers`: all of
        them when ``distinct``, else those not in the memo), and only when one of them is not
        a plain valid number through the careful parser.
        """
        if not self._numeric:
            got = list(map(self.get, cells, repeat(_MISS)))
            if _MISS in got:
                return list(map(self.__getitem__, cells)), False
            return got, False
        if distinct and "" not in cells:
            values = self._plain_numbers(cells)
            if values is not None:
                return values, True
        got = list(map(self.get, cells, repeat(_MISS)))
        if _MISS not in got:
            return got, False
        missing = list(compress(cells, map(is_, got, repeat(_MISS))))
        many = 2 * len(missing) > len(got) and len(self) >= MEMO_LIMIT
        values = self._plain_numbers(missing)
        if values is None:
            return list(map(self.__getitem__, cells)), many
        found = dict(zip(missing, values, strict=True))
        if len(self) < MEMO_LIMIT:
            self.update(found)
        return list(map(found.get, cells, got)), many

    def column(self, cells: Sequence[Cell], distinct: bool = False, typed: bool = True
               ) -> tuple[npt.NDArray[np.float64], list[int], bool]:
        """The values of a column of cells as a numpy array (NaN: not answered, or not a
        valid answer), the positions of the cells that are not valid answers, and whether
        most cells were new to the memo (as :meth:`answers`).

        One C-level pass through the memo (``map`` of ``dict.get`` into ``numpy.fromiter``);
        only cells the memo does not know go through :meth:`_plain_numbers` or the careful
        parser. A column of mostly distinct numbers (``distinct``) goes through ``float`` at
        once. ``typed``: some cells may be numbers (False: all are text, as in CSV).
        """
        import numpy as np

        size = len(cells)
        if self._numeric and distinct:
            found = self._plain_column(cells, typed)
            if found is not None:
                return found, [], True
        values = np.fromiter(map(self.get, cells, repeat(_MISS)), np.float64, size)
        many = False
        missed = np.flatnonzero(values == math.inf)
        if len(missed):
            where = missed.tolist()
            missing = [cells[i] for i in where]
            plain = None
            if self._numeric:
                many = 2 * len(where) > size and len(self) >= MEMO_LIMIT
                plain = self._plain_numbers(missing, typed)
            if plain is not None:
                values[missed] = plain
                if len(self) < MEMO_LIMIT:
                    self.update(zip(missing, plain, strict=True))
            else:
                values[missed] = [self[cell] for cell in missing]
        bad = np.flatnonzero(values == -math.inf)
        if len(bad):
            values[bad] = math.nan
        return values, bad.tolist(), many

    def _plain_column(self, cells: Sequence[Cell], typed: bool = True
                      ) -> npt.NDArray[np.float64] | None:
        """:meth:`_plain_numbers` of the cells that are not empty, as a numpy column (NaN for
        the empty ones); None when a cell needs the careful parser."""
        import numpy as np

        if "" not in cells:
            values = self._plain_numbers(cells, typed)
            return None if values is None else np.array(values, dtype=np.float64)
        answered = np.fromiter(map(ne, cells, repeat("")), bool, len(cells))
        values = self._plain_numbers(list(compress(cells, answered)), typed)
        if values is None:
            return None
        out = np.full(len(cells), math.nan)
        out[answered] = values
        return out

    def _plain_numbers(self, cells: Sequence[Cell], typed: bool = True
                       ) -> list[float] | None:
        """The values of ``cells`` (none of them empty) when every one is a plain number that
        ``float`` reads and a valid answer; None when any needs the careful parser.

        The values are then exactly what the parser gives: ``float`` strips the same
        whitespace as ``str.strip`` and reads the same texts as :func:`parse_number`, except
        texts with an underscore (refused here) and texts with a comma, a ``%``, ``NA`` or only
        whitespace (``float`` fails on them). A NaN, an infinity or a value out of range sends
        the cells to the parser; ``-0`` becomes ``0.0`` as there. Cells that are numbers
        already (all of them, or none) are taken as they are.
        """
        kinds = set(map(type, cells)) if typed else {str}
        if kinds == {float}:
            joined = "-"  # -0.0 may be among them
        elif kinds <= {str}:
            joined = "".join(cast("Sequence[str]", cells))
        else:
            return None
        if "_" in joined:
            return None
        try:
            values = list(map(float, cells))
        except ValueError:
            return None
        if not values:
            return values
        if not math.isfinite(sum(values)):  # a NaN or an infinity (or a huge sum)
            return None
        bounds = self._bounds
        if bounds is not None and (min(values) < bounds[0] or max(values) > bounds[1]):
            return None
        if "-" in joined and 0.0 in values:
            values = [value + 0.0 for value in values]
        return values

    def accepts(self, numbers: npt.NDArray[np.float64], plain: npt.NDArray[np.bool_]
                ) -> npt.NDArray[np.bool_]:
        """Of a number or percent column's cells read as plain numbers (``plain``: digits,
        a sign, a decimal mark; see :meth:`.formats.csv_columns.Fields.numbers`), those that
        are valid answers worth ``numbers``, as the careful parser gives them: the numbers
        within the valid range. The others need the parser."""
        bounds = self._bounds
        if bounds is None:
            return plain.copy()
        accepted: npt.NDArray[np.bool_] = plain & (numbers >= bounds[0]) & (
            numbers <= bounds[1])
        return accepted

    def explain(self, cell: Cell) -> Bad | None:
        """What is wrong with ``cell`` (None when it is a valid answer or not answered)."""
        result = self._convert(cell)
        return result if isinstance(result, Bad) else None


def semantics(indicator: Indicator) -> tuple[object, ...]:
    """What decides how a cell of this indicator converts; indicators that agree can share
    one :class:`Converter` (and its memo, which keeps lookups in cache)."""
    bounds = indicator.valid_range
    if indicator.type == "percent" and bounds is None:
        bounds = (0.0, 100.0)
    if indicator.type in ("number", "percent"):
        return (indicator.type, bounds)
    if indicator.type == "likert":
        return ("likert", indicator.level_values())
    if indicator.type == "choice":
        return ("choice", indicator.choices)
    return (indicator.type,)


def allowed_values(indicator: Indicator, lang: str = "en") -> list[str]:
    """What a cell of this indicator may hold, for forms and documentation."""
    if indicator.type == "likert":
        return [str(level) for level in indicator.level_values() or (1, 2, 3, 4, 5)]
    if indicator.type == "boolean":
        return ["ya", "tidak"] if lang == "id" else ["yes", "no"]
    if indicator.type == "choice":
        return [key for key, _ in indicator.choices]
    return []
