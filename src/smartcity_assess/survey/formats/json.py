"""JSON: a list of row objects, or ``{"responses": [...]}``; wide or long records.

Cells keep their JSON type: a string is text, a number is a number (whole numbers under
10^15 as floats, larger ones as their digits), ``true``/``false`` are the words, ``null`` is
empty, and a list or an object is a problem where a value is read. Positions (line and column
of each record, key and value) are found only when a problem needs them: the text is walked
once, on first use (:class:`JsonMap`).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from ...errors import Problem, shorten
from ..table import Cell, RawRow, RowInfo, Table, blocks_of
from .detect import decode_text, not_encoded, what_is

SHAPE = ('a list of objects (one per row), or an object with key "responses" holding that '
         'list')
EXACT_WHOLE = 1e15
"""Whole numbers below this are read as floats (they are exact, and shown as written)."""

_WS = re.compile(r"[ \t\n\r]*")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _skip(text: str, index: int) -> int:
    """Index of the first non-whitespace character at or after ``index``."""
    match = _WS.match(text, index)
    return match.end() if match else index


def json_kind(value: object) -> str:
    """What a JSON value is, in words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def json_cell(value: object) -> tuple[Cell, str | None]:
    """A JSON value as a typed cell, and what it was when it cannot be a cell's value."""
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, int):
        return (float(value) if -EXACT_WHOLE < value < EXACT_WHOLE else str(value)), None
    if isinstance(value, float):
        return value, None
    try:
        text = json.dumps(value, ensure_ascii=False)[:200]
    except (RecursionError, ValueError):
        text = ""
    return text, json_kind(value)


class _Positions:
    """Offsets → (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", text))

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _walk_members(text: str, start: int) -> Iterator[tuple[str, int, int, int]]:
    """(key, key offset, value offset, value end) of each member of the object at ``start``."""
    decoder = json.JSONDecoder()
    i = _skip(text, start + 1)
    if text[i] == "}":
        return
    while True:
        key, after = decoder.raw_decode(text, i)
        colon = _skip(text, after)
        value_at = _skip(text, colon + 1)
        _, end = decoder.raw_decode(text, value_at)
        yield key, i, value_at, end
        i = _skip(text, end)
        if text[i] == "}":
            return
        i = _skip(text, i + 1)


def _walk_items(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(offset, end) of each element of the array at ``start``."""
    decoder = json.JSONDecoder()
    i = _skip(text, start + 1)
    if text[i] == "]":
        return
    while True:
        _, end = decoder.raw_decode(text, i)
        yield i, end
        i = _skip(text, end)
        if text[i] == "]":
            return
        i = _skip(text, i + 1)


class _Pairs(dict[str, Any]):
    """A JSON object that had repeated keys (``repeated`` lists them, in order)."""

    repeated: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """object_pairs_hook: a plain dict, or a _Pairs when a key repeats."""
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    flagged = _Pairs(result)
    seen: set[str] = set()
    flagged.repeated = []
    for key, _ in pairs:
        if key in seen:
            flagged.repeated.append(key)
        seen.add(key)
    return flagged


class JsonMap:
    """Positions of records, keys and values in a JSON survey file, and the locator of its
    problems.

    Reading does not need the positions; a problem does. The text is walked once, on first use.
    """

    def __init__(self, text: str, list_at: int, table: Table) -> None:
        self.text = text
        self.list_at = list_at
        self.table = table
        self._where: _Positions | None = None
        self._items: list[tuple[int, dict[str, tuple[int, int]], dict[str, list[int]]]] = []
        self._keys: dict[str, int] = {}

    def _walk(self) -> _Positions:
        if self._where is None:
            text = self.text
            self._where = _Positions(text)
            if self.list_at >= 0 and text[self.list_at] == "[":
                for item_at, _ in _walk_items(text, self.list_at):
                    values: dict[str, tuple[int, int]] = {}
                    keys: dict[str, list[int]] = {}
                    if text[item_at] == "{":
                        for key, key_at, value_at, end in _walk_members(text, item_at):
                            name = key.strip()
                            values[name] = (value_at, end)
                            keys.setdefault(name, []).append(key_at)
                            self._keys.setdefault(name, key_at)
                    self._items.append((item_at, values, keys))
        return self._where

    def start(self) -> tuple[int, int]:
        """(line, column) of the list of records."""
        return self._walk()(max(self.list_at, 0))

    def record(self, number: int) -> tuple[int, int]:
        """(line, column) of record ``number`` (1-based)."""
        where = self._walk()
        if 1 <= number <= len(self._items):
            return where(self._items[number - 1][0])
        return where(max(self.list_at, 0))

    def value(self, number: int, name: str) -> tuple[int, int] | None:
        """(line, column) of the value of key ``name`` in record ``number``."""
        where = self._walk()
        if 1 <= number <= len(self._items):
            found = self._items[number - 1][1].get(name)
            if found is not None:
                return where(found[0])
        return None

    def repeated_key(self, number: int, name: str) -> tuple[int, int] | None:
        """(line, column) of the second occurrence of key ``name`` in record ``number``."""
        where = self._walk()
        if 1 <= number <= len(self._items):
            found = self._items[number - 1][2].get(name, [])
            if len(found) > 1:
                return where(found[1])
        return None

    def key(self, name: str) -> tuple[int, int] | None:
        """(line, column) of the first occurrence of key ``name`` in any record."""
        where = self._walk()
        found = self._keys.get(name)
        return where(found) if found is not None else None

    # -- the locator ------------------------------------------------------------------------

    def cell(self, line: int | None, row: int, col: int | None) -> dict[str, Any]:
        found = self.value(row, self.table.header[col]) if col is not None else None
        if found is None:
            found = self.record(row)
        return {"line": found[0], "column": found[1], "row": row}

    def header(self, col: int | None) -> dict[str, Any]:
        found = self.key(self.table.header[col]) if col is not None else None
        if found is None:
            found = self.start()
        return {"line": found[0], "column": found[1]}


def read_json(data: bytes, table: Table, sheet: str | None = None) -> None:
    """Fill ``table`` from JSON bytes (``sheet`` is not used)."""
    try:
        text, table.encoding = decode_text(data, fallback=False)
    except UnicodeDecodeError as exc:
        not_encoded(table, data, exc, "the file is not UTF-8 text (JSON must be UTF-8)")
        return
    try:
        document = json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        if exc.pos == _skip(text, 0) and text[exc.pos:exc.pos + 1] not in ("", "[", "{"):
            table.fail("this is not JSON (JSON survey data starts with [ or {): if it is CSV "
                       "text, rename it to .csv", line=exc.lineno, column=exc.colno,
                       expected="JSON text", found=what_is(data))
            return
        table.fail(f"not valid JSON: {exc.msg}", line=exc.lineno, column=exc.colno,
                   expected="valid JSON")
        return
    except RecursionError:
        table.fail("the JSON is nested too deeply", expected=SHAPE)
        return
    except ValueError as exc:  # e.g. integers longer than Python's digit limit
        table.fail(f"not valid JSON: {shorten(str(exc), 120)}", expected="valid JSON")
        return
    start = _skip(text, 0)
    records: list[Any]
    if type(document) is _Pairs and _repeated_top_level(text, start, document, table):
        return
    if isinstance(document, list):
        records, list_at = document, start
    elif isinstance(document, dict) and isinstance(document.get("responses"), list):
        records = document["responses"]
        list_at = -1
        for key, _, value_at, _ in _walk_members(text, start):
            if key == "responses":
                list_at = value_at
    else:
        if isinstance(document, dict):
            keys = ", ".join(repr(k) for k in list(document)[:5])
            if "responses" in document:
                found = f'"responses" holding {json_kind(document["responses"])}'
            else:
                found = f"an object with keys {keys}" if keys else "an empty object"
        else:
            found = json_kind(document)
        line, column = _Positions(text)(start)
        table.fail("the JSON does not have the shape of survey data", line=line,
                   column=column, expected=SHAPE, found=shorten(found, 80))
        return
    source = JsonMap(text, list_at, table)
    table.locator = source
    columns: dict[str, int] = {}
    for record in records:
        if isinstance(record, dict):
            for key in record:
                name = key.strip()
                if name not in columns:
                    columns[name] = len(columns)
    if len(records) * max(len(columns), 1) > table.limits.max_cells:
        line, column = _Positions(text)(start)
        table.too_many_cells(len(records), len(columns), more=False, line=line,
                             column=column)
        return
    table.header = list(columns)
    limit = table.limits.max_cell_chars
    for col, name in enumerate(table.header):
        if len(name) > limit:
            table.too_long(len(name), **table.locate_header(col))
            table.header[col] = ""
            table.skip_columns.add(col)
    table.check_header()
    if records:
        table.blocks = blocks_of(_json_rows(records, columns, source, table), len(columns),
                                 typed=True)


def _repeated_top_level(text: str, start: int, document: _Pairs, table: Table) -> bool:
    """A key given twice in the top-level object: ``json.loads`` keeps the last and would drop
    the first (a first list of responses, say) without a word. True: the file failed."""
    where = _Positions(text)
    seen: set[str] = set()
    for key, key_at, _, _ in _walk_members(text, start):
        if key in seen:
            line, column = where(key_at)
            table.fail(f"key {key!r} appears more than once in the top-level object: only "
                       "the last would be read", line=line, column=column,
                       expected="each key once (put every response in one list)",
                       found=f"{key!r} a second time")
        seen.add(key)
    return not table.usable


def _json_rows(records: list[Any], columns: dict[str, int], source: JsonMap,
               table: Table) -> Iterator[RawRow]:
    width = len(columns)
    limit = table.limits.max_cell_chars
    for number, record in enumerate(records, start=1):
        table.data_rows += 1
        if not isinstance(record, dict):
            line, column = source.record(number)
            table.problems.append(Problem(
                table.path, f"record {number} is not an object", line=line, column=column,
                row=number, expected="an object such as {\"region\": ..., \"<indicator>\": ...}",
                found=json_kind(record)))
            continue
        cells: list[Cell] = [""] * width
        info: RowInfo | None = None
        repeated = list(record.repeated) if type(record) is _Pairs else []
        filled: set[int] = set()
        long = False
        for key, value in record.items():
            col = columns[key.strip()]
            if col in filled:  # keys that differ only in surrounding spaces
                repeated.append(key)
            filled.add(col)
            cell, kind = json_cell(value)
            half = _LONE_SURROGATE.search(key if not isinstance(cell, str) else key + cell)
            if half is not None:  # "\ud800": half a character, which no output can hold
                line, column = source.record(number)
                table.problems.append(Problem(
                    table.path, "the text holds half of a character (a lone surrogate)",
                    line=line, column=column, row=number, field=key.strip(),
                    expected="whole characters", found=f"U+{ord(half.group()):04X}"))
                if isinstance(cell, str):  # reported: no second problem
                    cell = _LONE_SURROGATE.sub("\ufffd", cell)
            if kind is not None:
                info = info or RowInfo()
                info.kinds[col] = kind
            elif isinstance(cell, str) and len(cell) > limit:
                table.too_long(len(cell), **source.cell(None, number, col))
                long = True
            cells[col] = cell
        if repeated:
            for name in repeated:
                found = source.repeated_key(number, name.strip()) or source.record(number)
                table.problems.append(Problem(
                    table.path, f"key {name.strip()!r} appears more than once in this record",
                    line=found[0], column=found[1], row=number, field=name.strip(),
                    expected="each key once per record", found=shorten(name)))
        if not long:  # a cell too long to read: reported, the record is not read
            yield None, number, cells, info
