"""CSV (``,`` ``;`` or TAB; UTF-8 with or without BOM, UTF-16 with BOM, cp1252).

Every cell is text. Data rows come as blocks: a block of whole lines with no quote character
in which every line has as many fields as the header is split in one ``str.split`` (exactly
what CSV means there); anything else goes through ``csv.reader``, which also locates every
malformed line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from itertools import repeat
from typing import Any, cast

from ...errors import Problem
from ..table import Block, Cell, PlainText, RawRow, Table, blocks_of
from .detect import decode_text, not_encoded

DELIMITERS = (",", ";", "\t")
MAX_LINE_ERRORS = 100
"""CSV lines that cannot be parsed before the reader gives up on the file."""
BLOCK_CHARS = 256 * 1024
"""Characters of CSV text split at once by the fast path."""
SPLIT = True
"""Use the ``str.split`` fast path where it applies (False: every line through csv.reader;
the tests compare both)."""

_SEP_LINE = re.compile(r"sep=(.)\r?\n?$", re.IGNORECASE)
_LINE_END = re.compile(r"\r\n|\r|\n")


def lines_of(text: str, start: int = 0) -> Iterator[str]:
    """The lines of ``text`` from ``start``, with their ends, split as a file opened with
    ``newline=""`` splits them (at ``\r\n``, ``\r`` or ``\n``) — for ``csv.reader``, without
    the copy of the whole text that ``io.StringIO`` makes (four bytes a character)."""
    search = _LINE_END.search
    end = len(text)
    while start < end:
        found = search(text, start)
        if found is None:
            yield text[start:]
            return
        yield text[start:found.end()]
        start = found.end()


def sniff_delimiter(line: str) -> str:
    """The most frequent of ``,`` ``;`` TAB outside quotes in the header line (ties: ``,``)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] else ","


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def read_csv(data: bytes, table: Table, sheet: str | None = None) -> None:
    """Fill ``table`` from CSV bytes (``sheet`` is not used)."""
    try:
        text, table.encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        bom = "UTF-8" if data.startswith(b"\xef\xbb\xbf") else "UTF-16"
        not_encoded(table, data, exc, f"the file starts with a {bom} byte-order mark but is "
                    f"not {bom} text: it is damaged, or was joined from files in different "
                    "encodings; save it again as CSV UTF-8")
        return
    nul = text.find("\x00")
    if nul >= 0:
        table.fail("the file contains NUL characters: it is binary, or UTF-16 text without a "
                   "byte-order mark; save it as CSV UTF-8",
                   line=_line_of(text, nul), expected="text", found=f"{text.count(chr(0))} NULs")
        return
    lines = text[:65536].splitlines(keepends=True)
    match = _SEP_LINE.match(lines[0]) if lines else None
    skip_sep = bool(match and match.group(1) in (*DELIMITERS, "|"))
    if match and skip_sep:
        delimiter = match.group(1)
    else:
        delimiter = sniff_delimiter(next((line for line in lines if line.strip()), ""))
    table.delimiter = delimiter
    reader = csv.reader(lines_of(text), delimiter=delimiter, strict=True)
    if skip_sep:
        next(reader, None)
    state = _CsvState(reader, table, reader.line_num)
    header = state.next_record()
    if header is None:
        if table.usable:
            table.fail("the file has no header row", expected="a header row and data rows")
        return
    line, row, cells = header
    table.header = [name.strip() for name in cells]
    table.header_line = line
    table.header_row = row
    table.check_header()
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if SPLIT and "\r" not in text:
        start = _after_line(text, reader.line_num)
        table.blocks = _flat_blocks(text, start, state, len(cells))
        if table.encoding in ("utf-8", "utf-8-sig"):
            raw = data.replace(b"\r\n", b"\n") if b"\r" in data else data
            offset = 0
            for _ in range(reader.line_num):  # the lines up to the header's end
                offset = raw.find(b"\n", offset) + 1 or len(raw)
            table.plain = PlainText(raw, offset, state.line, state.row, delimiter)
    else:
        table.blocks = blocks_of(state.data_rows(len(cells)), len(cells))


def _after_line(text: str, lines: int) -> int:
    """Offset just after the first ``lines`` lines of ``text`` (``\n`` line ends)."""
    offset = 0
    for _ in range(lines):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset


def _flat_blocks(text: str, start: int, state: _CsvState, width: int) -> Iterator[Block]:
    """Data rows as flat blocks, split with ``str.split`` where that is exactly what CSV means.

    A block of whole lines with no quote character, in which every line has ``width``
    fields, is split in one go. A block with ragged or blank lines goes through csv.reader
    (it has no quotes, so no field spans blocks). From the first block with a quote on, the
    rest of the file goes through csv.reader.
    """
    table = state.table
    delimiter = table.delimiter or ","
    line, row = state.line, state.row
    end = len(text)
    pos = start
    separators = width - 1
    limit = csv.field_size_limit()  # a longer line may hold a longer field: csv.reader decides
    seen = 0
    last = _last_row(table, width)
    try:
        while pos < end:
            stop = text.find("\n", pos + BLOCK_CHARS)
            stop = end if stop < 0 else stop + 1
            block = text[pos:stop]
            if '"' in block:
                rest = csv.reader(lines_of(text, pos), delimiter=delimiter, strict=True)
                tail = _CsvState(rest, table, line, base=line)
                tail.row = row
                yield from blocks_of(tail.data_rows(width), width)
                return
            body = block[:-1] if block.endswith("\n") else block
            lines = body.split("\n")
            count = len(lines)
            if row + count > last:  # the first row past the limit is in this block
                over = last + 1 - row
                table.too_many_cells(last - table.header_row, width, line=line + over,
                                     row=last + 1)
                return
            if set(map(str.count, lines, repeat(delimiter))) == {separators} and \
                    max(map(len, lines)) <= limit:
                fields = (body.replace("\n", delimiter) if count > 1 else body).split(delimiter)
                seen += count
                yield Block(width, cast("list[Cell]", fields), range(line + 1, line + 1 + count),
                            range(row + 1, row + 1 + count), None)
            else:
                part = csv.reader(io.StringIO(block, newline=""), delimiter=delimiter,
                                  strict=True)
                piece = _CsvState(part, table, line, base=line)
                piece.row = row
                yield from blocks_of(piece.data_rows(width), width)
            line += count
            row += count
            pos = stop
    finally:
        table.data_rows += seen


_CSV_ERRORS = (
    ("field larger than field limit",
     "a cell is longer than {limit:,} characters (is a quote not closed?)"),
    ("unexpected end of data", "the file ends inside a quoted cell (a quote is not closed)"),
    ("expected after", "text follows the closing quote of a cell"),
)


def _csv_error(exc: csv.Error) -> str:
    """A csv.Error in words people can act on."""
    text = str(exc)
    for marker, message in _CSV_ERRORS:
        if marker in text:
            return "this line cannot be read as CSV: " + message.format(
                limit=csv.field_size_limit())
    return f"this line cannot be read as CSV: {text}"


def _last_row(table: Table, width: int) -> int:
    """The last data row that keeps the file within the cell limit."""
    return table.header_row + max(table.limits.max_cells // max(width, 1), 1)


class _CsvState:
    """Walks csv.reader records, tracking the first line and the spreadsheet row of each."""

    def __init__(self, reader: Any, table: Table, line: int, base: int = 0) -> None:
        self.reader = reader
        self.table = table
        self.line = line
        """Lines consumed so far (absolute)."""
        self.base = base
        """Lines before the text this reader reads (when it reads a slice of the file)."""
        self.row = 0
        self.errors = 0

    def _next(self) -> tuple[int, int, list[str]] | None:
        """Next record (possibly blank) or None at the end; parse errors become problems."""
        while True:
            try:
                cells: list[str] = next(self.reader)
            except StopIteration:
                return None
            except csv.Error as exc:
                start = self.line + 1
                self.line = self.base + self.reader.line_num
                self.row += 1
                self.errors += 1
                self.table.problems.append(Problem(
                    self.table.path, _csv_error(exc), line=start,
                    row=self.row, expected="well-formed CSV (quotes closed, fields separated by "
                    f"{self.table.delimiter!r})"))
                if self.errors >= MAX_LINE_ERRORS:
                    self.table.fail(f"more than {MAX_LINE_ERRORS} lines cannot be read; "
                                    "stopped reading this file")
                    return None
                continue
            start = self.line + 1
            self.line = self.base + self.reader.line_num
            self.row += 1
            return start, self.row, cells

    def next_record(self) -> tuple[int, int, list[str]] | None:
        """Next non-blank record."""
        while True:
            record = self._next()
            if record is None or any(cell.strip() for cell in record[2]):
                return record

    def data_rows(self, width: int) -> Iterator[RawRow]:
        """Data rows of ``width`` fields; ragged rows are problems, blank rows are skipped.

        The hot path is a plain ``for`` over the csv reader (no per-row ``try``).
        """
        table, reader, base = self.table, self.reader, self.base
        line, row, seen = self.line, self.row, 0
        last = _last_row(table, width)
        try:
            while True:
                try:
                    for cells in reader:
                        start = line + 1
                        line = base + reader.line_num
                        row += 1
                        if row > last:
                            table.too_many_cells(row - 1 - table.header_row, width,
                                                 line=start, row=row)
                            return
                        if len(cells) != width:
                            if any(cell.strip() for cell in cells):
                                seen += 1
                                table.problems.append(Problem(
                                    table.path, f"this row has {len(cells)} fields but the "
                                    f"header has {width}", line=start, row=row,
                                    expected=f"{width} fields, one per header column",
                                    found=f"{len(cells)} fields"))
                            continue
                        seen += 1
                        yield start, row, cells, None
                    return
                except csv.Error as exc:
                    start = line + 1
                    line = base + reader.line_num
                    row += 1
                    seen += 1
                    self.errors += 1
                    table.problems.append(Problem(
                        table.path, _csv_error(exc), line=start,
                        row=row, expected="well-formed CSV (quotes closed, fields separated "
                        f"by {table.delimiter!r})"))
                    if self.errors >= MAX_LINE_ERRORS:
                        table.fail(f"more than {MAX_LINE_ERRORS} lines cannot be read; "
                                   "stopped reading this file")
                        return
        finally:
            table.data_rows += seen
