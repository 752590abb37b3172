"""Low-level survey readers: a file → a header and rows of cell strings, with positions.

Readers know nothing about indicators. Each one fills a :class:`Table`: the header, an iterator
over data rows (``(line, row, cells, info)``), and the problems found on the way. They never
raise for bad content: every problem becomes a :class:`~smartcity_assess.errors.Problem`.

The format comes from the file's extension (``.csv``/``.txt``/``.tsv``, ``.xlsx``/``.xlsm``,
``.json``; a file without one is sniffed) and the content is checked against it, so that a
workbook renamed to ``.csv`` gets a clear message instead of garbage.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import re
import stat
import warnings
import zipfile
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from ..errors import Problem, shorten
from ..filekinds import OLE_MAGIC, ZIP_MAGIC, binary_kind, ole_kind

# ---------------------------------------------------------------------------------------------
# Limits (module constants so that tests and embedders can lower them)

MAX_TEXT_BYTES = 512 * 1024 * 1024
"""Largest CSV file read (bytes)."""
MAX_JSON_BYTES = 256 * 1024 * 1024
"""Largest JSON file read (bytes); JSON is held in memory as Python objects."""
MAX_XLSX_BYTES = 256 * 1024 * 1024
"""Largest XLSX file read (compressed bytes)."""
MAX_XLSX_UNCOMPRESSED = 1024 * 1024 * 1024
"""Largest total size of the parts inside an XLSX file once unpacked (guards zip bombs)."""
MAX_XLSX_SHARED_STRINGS = 256 * 1024 * 1024
"""Largest shared-strings part once unpacked: openpyxl holds it in memory as Python text."""
MAX_CELLS = 50_000_000
"""Most cells (data rows × columns) read from one file. 100,000 respondents answering 50
questions are 5 million; the limit bounds memory (about 25 bytes an answer) and time."""
MAX_LINE_ERRORS = 100
"""CSV lines that cannot be parsed before the reader gives up on the file."""
MAX_PROBLEMS = 1000
"""Problems listed per file; the rest are counted. A file that is wrong on every row would
otherwise print a million lines (and take a minute to do it)."""

EXTENSIONS: dict[str, str] = {
    ".csv": "csv", ".txt": "csv", ".tsv": "csv",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".json": "json",
}
"""File extension → format name."""

UNSUPPORTED: dict[str, str] = {
    ".xls": "an old Excel workbook (.xls): save it as .xlsx (Excel Workbook) or CSV UTF-8",
    ".ods": "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV UTF-8",
    ".numbers": "a Numbers spreadsheet: export it as .xlsx or CSV",
    ".yaml": "a YAML file: survey data must be CSV, XLSX or JSON",
    ".yml": "a YAML file: survey data must be CSV, XLSX or JSON",
}

DELIMITERS = (",", ";", "\t")


# ---------------------------------------------------------------------------------------------
# The table a reader produces


@dataclass
class RowInfo:
    """What a row carries beyond its cell strings; only created when there is something."""

    kinds: dict[int, str] = field(default_factory=dict)
    """Column → what the cell really held when it is not text or a number (``a date``)."""
    source: JsonMap | None = None
    """Where the JSON record of this row is, found on demand (JSON)."""


class Problems(list[Problem]):
    """The problems of one file: the first :data:`MAX_PROBLEMS` are kept, the rest counted."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0
        """Problems found beyond the limit (not kept)."""

    @property
    def full(self) -> bool:
        """True once no more problems are kept: callers may skip building them."""
        return len(self) >= MAX_PROBLEMS

    def append(self, problem: Problem, /) -> None:
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.dropped += 1

    def extend(self, problems: Iterable[Problem], /) -> None:
        for problem in problems:
            self.append(problem)

    def keep(self, problem: Problem) -> None:
        """Add a problem even when the list is full (one that stops reading the file)."""
        super().append(problem)

    def note(self, path: str) -> Problem | None:
        """A problem saying how many were not listed, or None when none were dropped."""
        if not self.dropped:
            return None
        return Problem(path, f"{self.dropped:,} more problems are not listed (only the first "
                       f"{MAX_PROBLEMS:,} of a file are): fix these and check again")


RawRow = tuple[int | None, int, Sequence[str], RowInfo | None]
"""``(line, row, cells, info)``: 1-based line (None for XLSX), row number, one string per
header column, and extra information (None for an ordinary row)."""


def column_letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index (0 → ``A``, 26 → ``AA``)."""
    index += 1
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Block:
    """Consecutive data rows as one flat list of cells: row ``i`` is
    ``cells[i * width:(i + 1) * width]`` and column ``j`` is ``cells[j::width]``."""

    width: int
    cells: list[str]
    lines: Sequence[int | None]
    rows: Sequence[int]
    infos: Sequence[RowInfo | None] | None

    def __len__(self) -> int:
        return len(self.rows)

    @classmethod
    def of(cls, chunk: Sequence[RawRow], width: int) -> Block:
        """A block from row tuples (all of ``width`` cells)."""
        lines, rows, cells, infos = zip(*chunk, strict=True)
        flat = list(chain.from_iterable(cells))
        return cls(width, flat, lines, rows,
                   None if infos.count(None) == len(infos) else infos)

    def where(self, i: int) -> tuple[int | None, int, RowInfo | None]:
        """(line, row, info) of row ``i``."""
        return self.lines[i], self.rows[i], self.infos[i] if self.infos is not None else None

    def row_cells(self, i: int) -> list[str]:
        """The cells of row ``i``."""
        return self.cells[i * self.width:(i + 1) * self.width]


@dataclass
class Table:
    """A file read into header and rows. ``rows`` is consumed once; problems accumulate."""

    path: str
    """The path as the user gave it (used in every Problem)."""
    format: str
    """``csv``, ``xlsx`` or ``json`` (``?`` when it could not be told)."""
    header: list[str] = field(default_factory=list)
    """Column names as written, stripped of surrounding whitespace."""
    rows: Iterator[RawRow] = field(default_factory=lambda: iter(()))
    blocks: Iterator[Block] | None = None
    """The same data rows as flat blocks (CSV fast path); None: build blocks from ``rows``.
    Read ``rows`` or ``blocks``, not both."""
    problems: Problems = field(default_factory=Problems)
    usable: bool = True
    """False when the file cannot be read at all (the problems say why)."""
    sha256: str = ""
    encoding: str | None = None
    """Text encoding used (CSV, JSON): ``utf-8``, ``utf-8-sig`` (BOM), ``utf-16``, ``cp1252``."""
    delimiter: str | None = None
    """CSV field separator."""
    sheet: str | None = None
    """XLSX sheet read."""
    data_rows: int = 0
    """Non-blank data rows seen so far (complete once ``rows`` is exhausted)."""
    header_line: int | None = None
    header_row: int = 1
    json_map: JsonMap | None = None
    """Positions in a JSON file, found on demand (only problems need them)."""
    skip_columns: set[int] = field(default_factory=set)
    """Columns whose header is blank or repeated (already reported): their cells are ignored."""

    # -- problems located the way the format allows -------------------------------------------

    def fail(self, message: str, **where: Any) -> None:
        """Record a problem that makes the file unreadable (always kept)."""
        self.problems.keep(Problem(self.path, message, **where))
        self.usable = False

    def too_many_cells(self, rows: int, width: int, *, more: bool = True,
                       **where: Any) -> None:
        """Stop reading: the file holds more than :data:`MAX_CELLS` cells (``more``: there
        are more than ``rows`` rows, not exactly ``rows``)."""
        self.fail(f"the file has more than {MAX_CELLS:,} cells (rows × columns): split it "
                  "into several files", expected=f"at most {MAX_CELLS:,} cells",
                  found=f"{'more than ' if more else ''}{rows:,} data rows of {width:,} "
                  "columns", **where)

    def locate(self, line: int | None, row: int, info: RowInfo | None,
               col: int | None) -> dict[str, Any]:
        """Problem location keywords for a cell (``col`` None: the whole row)."""
        if self.format == "xlsx":
            if col is None:
                return {"row": row}
            return {"row": row, "column": col + 1, "cell": f"{column_letter(col)}{row}"}
        if self.format == "json":
            source = info.source if info is not None else self.json_map
            if source is None:
                return {"line": line, "row": row}
            found = source.value(row, self.header[col]) if col is not None else None
            if found is None:
                found = source.record(row)
            return {"line": found[0], "column": found[1], "row": row}
        where: dict[str, Any] = {"line": line, "row": row}
        if col is not None:
            where["column"] = col + 1
        return where

    def locate_header(self, col: int | None) -> dict[str, Any]:
        """Problem location keywords for a header cell (``col`` None: the header as a whole)."""
        if self.format == "xlsx":
            if col is None:
                return {"row": self.header_row}
            return {"row": self.header_row, "column": col + 1,
                    "cell": f"{column_letter(col)}{self.header_row}"}
        if self.format == "json":
            if self.json_map is None:
                return {}
            found = self.json_map.key(self.header[col]) if col is not None else None
            if found is None:
                found = self.json_map.start()
            return {"line": found[0], "column": found[1]}
        where: dict[str, Any] = {"line": self.header_line, "row": self.header_row}
        if col is not None:
            where["column"] = col + 1
        return where

    def check_header(self) -> None:
        """Blank and repeated column names are problems; their columns are skipped."""
        seen: dict[str, int] = {}
        for col, name in enumerate(self.header):
            if not name:
                self.problems.append(Problem(
                    self.path, "a column without a name", field=f"column {col + 1}",
                    expected="a column name in the header", found=shorten(name),
                    **self.locate_header(col)))
                self.skip_columns.add(col)
                continue
            if name in seen:
                self.problems.append(Problem(
                    self.path, f"column {name!r} appears more than once "
                    f"(first as column {seen[name] + 1})", field=name,
                    expected="each column name once", found=shorten(name),
                    **self.locate_header(col)))
                self.skip_columns.add(col)
                continue
            seen[name] = col


Reader = Callable[[bytes, Table, str | None], None]
"""A reader fills ``table`` from the file's bytes; the third argument is the XLSX sheet."""


# ---------------------------------------------------------------------------------------------
# Opening a file: checks common to all formats


def format_for(path: Path) -> str | None:
    """Format name from the extension, or None when there is none."""
    return EXTENSIONS.get(path.suffix.lower())


def _what_is(data: bytes) -> str:
    """A few words on what the bytes look like, for mismatch messages."""
    if data.startswith(ZIP_MAGIC):
        return "ZIP data (an XLSX workbook or another Office file)"
    kind = binary_kind(data)
    if kind is not None:
        return kind
    head = data[:40].decode("utf-8", errors="replace")
    return "text starting " + shorten(head, 50)


def _size(count: int) -> str:
    """``536870912`` → ``512 MB``; sizes under a megabyte in bytes."""
    return f"{count // 2**20} MB" if count >= 2**20 else f"{count:,} bytes"


def _looks_like_json(data: bytes) -> bool:
    """True when text starts as a JSON list of objects or an object with a quoted key."""
    head = data[:256].lstrip(b"\xef\xbb\xbf").lstrip()
    if head[:1] == b"{":
        return head[1:].lstrip()[:1] in (b'"', b"}")
    if head[:1] == b"[":
        return head[1:].lstrip()[:1] in (b"{", b"]", b"[")
    return False


def _sniff(data: bytes) -> str:
    """``xlsx``, ``ole``, ``json`` or ``csv`` by content alone."""
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return "ole"
    head = data[:64].lstrip(b"\xef\xbb\xbf").lstrip()
    if head[:1] in (b"[", b"{"):
        return "json"
    return "csv"


def open_table(path: str | Path, *, sheet: str | None = None) -> Table:
    """Read one survey file into a :class:`Table`. Never raises for a bad or missing file."""
    label = str(path)
    file = Path(path)
    fmt = format_for(file)
    table = Table(path=label, format=fmt or "?")
    try:
        info = file.stat()
    except FileNotFoundError:
        table.fail("no such file", expected="an existing survey file")
        return table
    except OSError as exc:
        table.fail(f"cannot read the file: {exc.strerror or exc}")
        return table
    if stat.S_ISDIR(info.st_mode):
        table.fail("this is a folder, not a file", expected="a survey file (CSV, XLSX or JSON)")
        return table
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISFIFO(info.st_mode):
        table.fail("this is a device or other special file, not a regular file",
                   expected="a survey file (CSV, XLSX or JSON)")
        return table
    suffix = file.suffix.lower()
    if fmt is None and suffix in UNSUPPORTED:
        table.fail(f"this is {UNSUPPORTED[suffix]}", expected="a .csv, .xlsx or .json file",
                   found=shorten(suffix))
        return table
    if fmt is None and suffix:
        table.fail(f"unknown kind of file {suffix!r}",
                   expected="a .csv, .tsv, .txt, .xlsx, .xlsm or .json file",
                   found=shorten(file.name))
        return table
    limit = {"json": MAX_JSON_BYTES, "xlsx": MAX_XLSX_BYTES}.get(fmt or "", MAX_TEXT_BYTES)
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        table.fail(f"the file is too large ({_size(info.st_size)}; the limit is "
                   f"{_size(limit)}): split it into several files",
                   expected=f"at most {_size(limit)}", found=f"{info.st_size} bytes")
        return table
    try:
        with open(file, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        table.fail(f"cannot read the file: {exc.strerror or exc}")
        return table
    if len(data) > limit:
        table.fail(f"the file is too large (the limit is {_size(limit)})",
                   expected=f"at most {_size(limit)}")
        return table
    table.sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        table.fail("the file is empty", expected="a header row and data rows")
        return table
    if fmt is None:
        sniffed = _sniff(data)
        fmt = table.format = "xlsx" if sniffed == "ole" else sniffed
    problem = _mismatch(fmt, data)
    if problem:
        table.fail(problem[0], expected=problem[1], found=problem[2])
        return table
    READERS[fmt](data, table, sheet)
    return table


def _mismatch(fmt: str, data: bytes) -> tuple[str, str, str] | None:
    """(message, expected, found) when the content is not what the format says."""
    found = _what_is(data)
    if data.startswith(OLE_MAGIC):
        kind = ole_kind(data)
        if "password" in kind:
            return ("the workbook is password-protected: open it, remove the password (Excel: "
                    "File › Info › Protect Workbook › Encrypt with Password) and save it again",
                    "a file without a password", kind)
        if kind.startswith("an OLE2"):  # no stream names found: say what it usually is
            if fmt == "xlsx":
                return ("the workbook is password-protected or in the old .xls format: save "
                        "it as .xlsx without a password", "an XLSX workbook (a ZIP file)", kind)
            return (f"this is an old Excel .xls file or a password-protected workbook, not "
                    f"{fmt.upper()} text: save it as CSV UTF-8 or .xlsx", f"{fmt.upper()} text",
                    kind)
        target = "CSV UTF-8 or .xlsx" if fmt != "xlsx" else ".xlsx (Excel Workbook)"
        return (f"this is {kind}, not {_FORMAT_NAMES[fmt]}: open it in Excel or LibreOffice "
                f"and save it as {target}", _FORMAT_NAMES[fmt], kind)
    if fmt == "xlsx":
        if data.startswith(ZIP_MAGIC):
            return None
        if binary_kind(data) is None:
            rename = ".json" if _looks_like_json(data) else ".csv"
            what = "JSON" if rename == ".json" else "CSV"
            return ("this is not an XLSX workbook (it is not a ZIP file): if it is "
                    f"{what} text, rename it to {rename}", "an XLSX workbook (a ZIP file)", found)
        return (f"this is {found}, not an XLSX workbook", "an XLSX workbook (a ZIP file)",
                found)
    if data.startswith(ZIP_MAGIC):
        return (f"this is a ZIP file (probably an Excel workbook), not {fmt.upper()} text: "
                "rename it to .xlsx", f"{fmt.upper()} text", found)
    binary = binary_kind(data)
    if binary is not None:
        return f"this is {binary}, not {fmt.upper()} text", f"{fmt.upper()} text", binary
    if fmt == "csv" and _looks_like_json(data):
        return ("this is JSON, not CSV text: rename it to .json", "CSV text", found)
    return None


_FORMAT_NAMES = {"csv": "CSV text", "json": "JSON text", "xlsx": "an XLSX workbook"}


# ---------------------------------------------------------------------------------------------
# Text decoding (CSV, JSON)


def decode_text(data: bytes, *, fallback: bool = True) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252.

    cp1252 leaves five byte values undefined; a file using them is read as Latin-1.
    A file that starts with a byte-order mark says what it is: when it is not that, this
    raises UnicodeDecodeError whatever ``fallback`` says (reading it as cp1252 would turn
    damaged text into wrong region names without a word). Otherwise raises
    UnicodeDecodeError only when ``fallback`` is False and the text is not UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if not fallback:
            raise
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _not_encoded(table: Table, data: bytes, exc: UnicodeDecodeError, what: str) -> None:
    """Fail a file whose bytes are not the encoding it declares (or must have)."""
    offset = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
    bad = data[offset:offset + 1]
    table.fail(what, line=data.count(b"\n", 0, offset) + 1,
               expected=f"{exc.encoding.upper().replace('-SIG', '')} text",
               found=f"byte 0x{bad.hex() or '??'} at offset {offset}")


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


# ---------------------------------------------------------------------------------------------
# CSV

_SEP_LINE = re.compile(r"sep=(.)\r?\n?$", re.IGNORECASE)


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


def read_csv(data: bytes, table: Table, sheet: str | None = None) -> None:
    """CSV (``,`` ``;`` or TAB; UTF-8 with or without BOM, UTF-16 with BOM, cp1252)."""
    try:
        text, table.encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        bom = "UTF-8" if data.startswith(codecs.BOM_UTF8) else "UTF-16"
        _not_encoded(table, data, exc, f"the file starts with a {bom} byte-order mark but is "
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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
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
    table.rows = state.data_rows(len(cells))
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if "\r" not in text:
        start = _after_line(text, reader.line_num)
        table.blocks = _flat_blocks(text, start, state, len(cells))


def _after_line(text: str, lines: int) -> int:
    """Offset just after the first ``lines`` lines of ``text`` (``\n`` line ends)."""
    offset = 0
    for _ in range(lines):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset


BLOCK_CHARS = 32 * 1024
"""Characters of CSV text split at once by the fast path."""


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
                rest = csv.reader(io.StringIO(text[pos:], newline=""), delimiter=delimiter,
                                  strict=True)
                tail = _CsvState(rest, table, line, base=line)
                tail.row = row
                yield from _row_blocks(tail.data_rows(width), width)
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
                yield Block(width, fields, range(line + 1, line + 1 + count),
                            range(row + 1, row + 1 + count), None)
            else:
                part = csv.reader(io.StringIO(block, newline=""), delimiter=delimiter,
                                  strict=True)
                piece = _CsvState(part, table, line, base=line)
                piece.row = row
                yield from _row_blocks(piece.data_rows(width), width)
            line += count
            row += count
            pos = stop
    finally:
        table.data_rows += seen


def _row_blocks(rows: Iterator[RawRow], width: int, size: int = 256) -> Iterator[Block]:
    """Group rows into blocks of at most ``size`` rows."""
    chunk: list[RawRow] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            yield Block.of(chunk, width)
            chunk = []
    if chunk:
        yield Block.of(chunk, width)


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
    """The last data row that keeps the file within :data:`MAX_CELLS`."""
    return table.header_row + max(MAX_CELLS // max(width, 1), 1)


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


# ---------------------------------------------------------------------------------------------
# XLSX

_NS = rb"(?:[A-Za-z_][\w.\-]*:)?"
_MERGE = re.compile(
    rb"<" + _NS + rb"mergeCell\b[^>]*\bref=\"([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)\"")
_FORMULA_NO_VALUE = re.compile(
    rb"<" + _NS + rb"c\b([^>]*)>\s*<" + _NS + rb"f\b[^>]*(?:/>|>[^<]*</" + _NS + rb"f>)\s*"
    rb"(?:<" + _NS + rb"v\s*/>|<" + _NS + rb"v>\s*</" + _NS + rb"v>)?\s*</" + _NS + rb"c>")
_REF_ATTR = re.compile(rb"\br=\"([A-Za-z]+[0-9]+)\"")
_CELL_REF = re.compile(r"([A-Za-z]+)([0-9]+)")
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 64 * 1024


def _ref_to_index(ref: str) -> tuple[int, int]:
    """``C7`` → (7, 2): 1-based row, 0-based column."""
    match = _CELL_REF.fullmatch(ref)
    if not match:
        return (0, 0)
    col = 0
    for char in match.group(1).upper():
        col = col * 26 + ord(char) - 64
    return int(match.group(2)), col - 1


def _scan_sheet_xml(archive: zipfile.ZipFile, part: str) -> tuple[list[str], set[tuple[int, int]]]:
    """Merged ranges and formula cells without a saved result, by streaming the sheet's XML."""
    merges: dict[bytes, None] = {}
    formulas: set[tuple[int, int]] = set()
    with archive.open(part) as stream:
        tail = b""
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            buf = tail + chunk
            for match in _MERGE.finditer(buf):
                merges[match.group(1)] = None
            for match in _FORMULA_NO_VALUE.finditer(buf):
                ref = _REF_ATTR.search(match.group(1))
                if ref:
                    formulas.add(_ref_to_index(ref.group(1).decode("ascii")))
            tail = buf[-_OVERLAP:]
    return [m.decode("ascii") for m in merges], formulas


def _fmt_number(value: float) -> str:
    """``3.0`` → ``3``; other floats as ``repr`` (shortest round-trip form)."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _xlsx_text(value: object, cell: Any) -> tuple[str, str | None]:
    """A cell value as text, and what it was when not text or number."""
    if value is None:
        return "", None
    kind = type(value)
    if kind is str:
        if cell.data_type == "e":  # #DIV/0!, #N/A, #REF! … : a formula that failed
            return value, "an error value"  # type: ignore[return-value]
        return value, None  # type: ignore[return-value]
    if kind is bool:
        return ("true" if value else "false"), None
    if kind is int or kind is float:
        number = float(value)  # type: ignore[arg-type]
        if cell.has_style and "%" in str(cell.number_format):
            return _fmt_number(round(number * 100, 10)) + "%", None
        return (str(value) if kind is int else _fmt_number(number)), None
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat(), "a date"
        return value.isoformat(sep=" "), "a date and time"
    if isinstance(value, dt.date):
        return value.isoformat(), "a date"
    if isinstance(value, dt.time):
        return value.isoformat(), "a time"
    if isinstance(value, dt.timedelta):
        return str(value), "a duration"
    return str(value), None


def read_xlsx(data: bytes, table: Table, sheet: str | None = None) -> None:
    """XLSX via openpyxl (read-only, cached formula results); first sheet or ``sheet``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        table.fail(f"the workbook is damaged (not a readable ZIP file: {exc})",
                   expected="an XLSX workbook")
        return
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        what = ("an OpenDocument file" if "content.xml" in names else
                "a Word document" if "word/document.xml" in names else
                "a ZIP file that is not an Excel workbook")
        table.fail(f"this is {what}", expected="an XLSX workbook", found=_what_is(data))
        return
    # Sizes as the ZIP directory declares them: Python's zipfile never unpacks more than the
    # declared size of a part (and checks its CRC), so checking them here, before anything
    # is unpacked, refuses a zip bomb in microseconds.
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_XLSX_UNCOMPRESSED:
        table.fail(f"the workbook unpacks to {unpacked // 2**20} MB, more than the limit of "
                   f"{MAX_XLSX_UNCOMPRESSED // 2**20} MB", expected="a smaller workbook",
                   found=f"{unpacked} bytes unpacked")
        return
    strings = sum(info.file_size for info in infos
                  if info.filename.lower() == "xl/sharedstrings.xml")
    if strings > MAX_XLSX_SHARED_STRINGS:
        table.fail(f"the workbook's shared text (xl/sharedStrings.xml) unpacks to "
                   f"{strings // 2**20} MB, more than the limit of "
                   f"{MAX_XLSX_SHARED_STRINGS // 2**20} MB (it is held in memory)",
                   expected="a smaller workbook", found=f"{strings} bytes unpacked")
        return
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        table.fail("reading XLSX needs the openpyxl package")
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        table.fail(_open_error(exc),
                   expected="an XLSX workbook saved by Excel, LibreOffice or Google Sheets")
        return
    if sheet is not None:
        if sheet not in workbook.sheetnames:
            table.fail(f"the workbook has no sheet named {sheet!r}",
                       expected="one of " + ", ".join(repr(n) for n in workbook.sheetnames),
                       found=shorten(sheet))
            workbook.close()
            return
        worksheet = workbook[sheet]
    else:
        sheets = workbook.worksheets
        if not sheets:
            table.fail("the workbook has no worksheet", expected="a worksheet with survey data")
            workbook.close()
            return
        worksheet = sheets[0]
    table.sheet = str(worksheet.title)
    if not hasattr(worksheet, "iter_rows"):
        table.fail(f"sheet {table.sheet!r} is a chart, not a worksheet",
                   expected="a worksheet with survey data", found=shorten(table.sheet))
        workbook.close()
        return
    # The <dimension> a file declares is not to be trusted: "A1:XFD1048576" in a tiny file
    # would make openpyxl pad every row to 16,384 cells and invent a million empty rows.
    reset = getattr(worksheet, "reset_dimensions", None)
    if reset is not None:
        reset()
    merges: list[str] = []
    formulas: set[tuple[int, int]] = set()
    part = getattr(worksheet, "_worksheet_path", None)
    if isinstance(part, str) and part in names:
        try:
            merges, formulas = _scan_sheet_xml(archive, part)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            table.fail(f"the workbook is damaged: {exc}", expected="an XLSX workbook")
            workbook.close()
            return
    for ref in merges:
        first = ref.split(":")[0]
        row, col = _ref_to_index(first)
        table.problems.append(Problem(
            table.path, f"merged cells {ref}: unmerge them and fill in every cell",
            row=row, column=col + 1, cell=first.upper(), expected="one value per cell",
            found="merged cells"))
    rows = _xlsx_rows(workbook, worksheet, table, formulas)
    try:
        header = next(rows, None)
    except Exception as exc:
        table.fail(f"the worksheet cannot be read: {type(exc).__name__}: "
                   f"{shorten(str(exc), 120)}")
        workbook.close()
        return
    if header is None:
        if table.usable:
            table.fail(f"sheet {table.sheet!r} is empty", expected="a header row and data rows")
        return
    _, row, cells, _ = header
    table.header = [cell.strip() for cell in cells]
    while table.header and not table.header[-1]:
        table.header.pop()
    table.header_row = row
    table.check_header()
    table.rows = _xlsx_data(rows, table)


def _xlsx_rows(workbook: Any, worksheet: Any, table: Table,
               formulas: set[tuple[int, int]]) -> Iterator[RawRow]:
    """Every non-blank row of the sheet as cell strings (header first). Closes the workbook."""
    seen = widest = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for row, cells in enumerate(worksheet.iter_rows(min_row=1, min_col=1), start=1):
                seen += len(cells)
                widest = max(widest, len(cells))
                if seen > MAX_CELLS:
                    table.too_many_cells(max(row - 2, 0), widest, row=row)
                    return
                texts: list[str] = []
                info: RowInfo | None = None
                for col, cell in enumerate(cells):
                    value = cell.value
                    if value is None:
                        texts.append("")
                        if formulas and (row, col) in formulas:
                            info = info or RowInfo()
                            info.kinds[col] = "a formula without a saved result"
                        continue
                    text, kind = _xlsx_text(value, cell)
                    texts.append(text)
                    if kind is not None:
                        info = info or RowInfo()
                        info.kinds[col] = kind
                if info is None and not any(t.strip() for t in texts):
                    continue
                yield None, row, texts, info
    except Exception as exc:  # damaged XML inside the workbook
        table.fail(_open_error(exc, "the worksheet cannot be read"))
    finally:
        workbook.close()


def _open_error(exc: Exception, what: str = "the workbook cannot be opened") -> str:
    """Why openpyxl could not read a workbook, in words."""
    from xml.etree.ElementTree import ParseError

    text = shorten(str(exc), 120).strip("'\"")
    if isinstance(exc, ParseError):
        if "amplification" in text:
            return (f"{what}: its XML defines entities that expand far beyond the file's "
                    "size (an XML bomb)")
        if "undefined entity" in text:
            return (f"{what}: its XML refers to an entity that is not defined ({text}); "
                    "external entities are never loaded")
        return f"{what}: its XML is damaged ({text})"
    return f"{what}: {type(exc).__name__}: {text}"


def _xlsx_data(rows: Iterator[RawRow], table: Table) -> Iterator[RawRow]:
    width = len(table.header)
    for line, row, cells, info in rows:
        table.data_rows += 1
        if len(cells) > width:
            for col in range(width, len(cells)):
                if cells[col].strip():
                    table.problems.append(Problem(
                        table.path, "a value in a column without a header",
                        expected="a column name in the header row", found=shorten(cells[col]),
                        **table.locate(line, row, info, col)))
            cells = cells[:width]
        elif len(cells) < width:
            cells = [*cells, *([""] * (width - len(cells)))]
        yield line, row, cells, info


# ---------------------------------------------------------------------------------------------
# JSON

_WS = re.compile(r"[ \t\n\r]*")


def _skip(text: str, index: int) -> int:
    """Index of the first non-whitespace character at or after ``index``."""
    match = _WS.match(text, index)
    return match.end() if match else index


def _json_kind(value: object) -> str:
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


def _json_text(value: object) -> tuple[str, str | None]:
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        return _fmt_number(value), None
    return json.dumps(value, ensure_ascii=False)[:200], _json_kind(value)


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
        key, after = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
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


SHAPE = ('a list of objects (one per row), or an object with key "responses" holding that '
         'list')


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
    """Positions of records, keys and values in a JSON survey file.

    Reading does not need them; a problem does. The text is walked once, on first use.
    """

    def __init__(self, text: str, list_at: int) -> None:
        self.text = text
        self.list_at = list_at
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


def read_json(data: bytes, table: Table, sheet: str | None = None) -> None:
    """JSON: a list of row objects, or ``{"responses": [...]}``; wide or long records."""
    try:
        text, table.encoding = decode_text(data, fallback=False)
    except UnicodeDecodeError as exc:
        _not_encoded(table, data, exc, "the file is not UTF-8 text (JSON must be UTF-8)")
        return
    try:
        document = json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        if exc.pos == _skip(text, 0) and text[exc.pos:exc.pos + 1] not in ("", "[", "{"):
            table.fail("this is not JSON (JSON survey data starts with [ or {): if it is CSV "
                       "text, rename it to .csv", line=exc.lineno, column=exc.colno,
                       expected="JSON text", found=_what_is(data))
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
    if isinstance(document, list):
        records, list_at = document, start
    elif isinstance(document, dict) and isinstance(document.get("responses"), list):
        records = document["responses"]
        list_at = -1
        for key, _, value_at, _ in _walk_members(text, start):
            if key == "responses":
                list_at = value_at  # the last one wins, as in json.loads
    else:
        if isinstance(document, dict):
            keys = ", ".join(repr(k) for k in list(document)[:5])
            if "responses" in document:
                found = f'"responses" holding {_json_kind(document["responses"])}'
            else:
                found = f"an object with keys {keys}" if keys else "an empty object"
        else:
            found = _json_kind(document)
        line, column = _Positions(text)(start)
        table.fail("the JSON does not have the shape of survey data", line=line,
                   column=column, expected=SHAPE, found=shorten(found, 80))
        return
    source = table.json_map = JsonMap(text, list_at)
    columns: dict[str, int] = {}
    for record in records:
        if isinstance(record, dict):
            for key in record:
                name = key.strip()
                if name not in columns:
                    columns[name] = len(columns)
    if len(records) * max(len(columns), 1) > MAX_CELLS:
        line, column = _Positions(text)(start)
        table.too_many_cells(len(records), len(columns), more=False, line=line,
                             column=column)
        return
    table.header = list(columns)
    table.check_header()
    if records:
        table.rows = _json_rows(records, columns, source, table)


def _json_rows(records: list[Any], columns: dict[str, int], source: JsonMap,
               table: Table) -> Iterator[RawRow]:
    width = len(columns)
    for number, record in enumerate(records, start=1):
        table.data_rows += 1
        if not isinstance(record, dict):
            line, column = source.record(number)
            table.problems.append(Problem(
                table.path, f"record {number} is not an object", line=line, column=column,
                row=number, expected="an object such as {\"region\": ..., \"<indicator>\": ...}",
                found=_json_kind(record)))
            continue
        texts = [""] * width
        info = RowInfo(source=source)
        repeated = list(record.repeated) if type(record) is _Pairs else []
        filled: set[int] = set()
        for key, value in record.items():
            col = columns[key.strip()]
            if col in filled:  # keys that differ only in surrounding spaces
                repeated.append(key)
            filled.add(col)
            text, kind = _json_text(value)
            half = _LONE_SURROGATE.search(key + text)
            if half is not None:  # "\ud800": half a character, which no output can hold
                line, column = source.record(number)
                table.problems.append(Problem(
                    table.path, "the text holds half of a character (a lone surrogate)",
                    line=line, column=column, row=number, field=key.strip(),
                    expected="whole characters", found=f"U+{ord(half.group()):04X}"))
                text = _LONE_SURROGATE.sub("\ufffd", text)  # reported: no second problem
            texts[col] = text
            if kind is not None:
                info.kinds[col] = kind
        if repeated:
            for name in repeated:
                found = source.repeated_key(number, name.strip()) or source.record(number)
                table.problems.append(Problem(
                    table.path, f"key {name.strip()!r} appears more than once in this record",
                    line=found[0], column=found[1], row=number, field=name.strip(),
                    expected="each key once per record", found=shorten(name)))
        yield None, number, texts, info


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

READERS: dict[str, Reader] = {"csv": read_csv, "xlsx": read_xlsx, "json": read_json}
"""Format name → reader."""
