"""What a survey reader produces: a :class:`Table` of a header and blocks of typed cells.

Readers (:mod:`.formats`) know nothing about indicators. Each one fills a table: the header,
an iterator of :class:`Block` (consecutive data rows as one flat list of cells), the problems
found on the way, and a *locator* that turns a cell's position into the words of a problem
(line and column of a CSV or JSON file, row and cell of a worksheet). They never raise for bad
content: every problem becomes a :class:`~smartcity_assess.errors.Problem`.

Cells are typed: text (``str``, empty for an empty cell) or a number (``float``) where the
format stores numbers as numbers (XLSX, JSON, Parquet). :func:`text_of` gives the text a
number is shown as in problems (``3.0`` → ``3``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Protocol, cast

from ..errors import Problem, shorten

Cell = str | float
"""A typed cell: text, or a number read as a number."""


def fmt_number(value: float) -> str:
    """``3.0`` → ``3``; other floats as ``repr`` (shortest round-trip form)."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def text_of(cell: Cell) -> str:
    """The text of a cell (a number as it is shown: ``3.0`` → ``3``)."""
    return cell if isinstance(cell, str) else fmt_number(cell)


def column_letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index (0 → ``A``, 26 → ``AA``)."""
    index += 1
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


REGION_COLUMNS = frozenset({"region", "wilayah", "daerah"})
"""Names of the region column (case-insensitive): a worksheet's header is the first row with
one (rows above it are a form's preamble)."""
PREAMBLE_ROWS = 10
"""Rows a worksheet may have above its header."""


@dataclass(frozen=True)
class Limits:
    """The reading limits in force (:mod:`.readers` holds the values; tests lower them)."""

    max_cells: int
    max_problems: int
    max_cell_chars: int
    max_xlsx_uncompressed: int
    max_xlsx_shared_strings: int


class Problems(list[Problem]):
    """The problems of one file: the first ``limit`` are kept, the rest counted."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.dropped = 0
        """Problems found beyond the limit (not kept)."""

    @property
    def full(self) -> bool:
        """True once no more problems are kept: callers may skip building them."""
        return len(self) >= self.limit

    def append(self, problem: Problem, /) -> None:
        if len(self) < self.limit:
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
                       f"{self.limit:,} of a file are): fix these and check again")


@dataclass
class RowInfo:
    """What a row carries beyond its cells; only created when there is something."""

    kinds: dict[int, str] = field(default_factory=dict)
    """Column → what the cell really held when it is not text or a number (``a date``)."""


RawRow = tuple[int | None, int, Sequence[Cell], RowInfo | None]
"""``(line, row, cells, info)``: 1-based line (None for XLSX), row number, one cell per
header column, and extra information (None for an ordinary row)."""


@dataclass
class Block:
    """Consecutive data rows as one flat list of cells: row ``i`` is
    ``cells[i * width:(i + 1) * width]`` and column ``j`` is ``cells[j::width]``."""

    width: int
    cells: list[Cell]
    lines: Sequence[int | None]
    rows: Sequence[int]
    infos: Sequence[RowInfo | None] | None
    typed: bool = False
    """Some cells may be numbers (else every cell is text)."""

    def __len__(self) -> int:
        return len(self.rows)

    @classmethod
    def of(cls, chunk: Sequence[RawRow], width: int, typed: bool = False) -> Block:
        """A block from row tuples (all of ``width`` cells)."""
        lines, rows, cells, infos = zip(*chunk, strict=True)
        flat = list(chain.from_iterable(cells))
        return cls(width, flat, lines, rows,
                   None if infos.count(None) == len(infos) else infos, typed)

    def where(self, i: int) -> tuple[int | None, int, RowInfo | None]:
        """(line, row, info) of row ``i``."""
        return self.lines[i], self.rows[i], self.infos[i] if self.infos is not None else None

    def row_cells(self, i: int) -> list[Cell]:
        """The cells of row ``i``."""
        return self.cells[i * self.width:(i + 1) * self.width]

    def row_texts(self, i: int) -> list[str]:
        """The cells of row ``i`` as text."""
        cells = self.row_cells(i)
        return list(map(text_of, cells)) if self.typed else cast("list[str]", cells)

    def column(self, col: int) -> list[Cell]:
        """The cells of column ``col``."""
        return self.cells[col::self.width]

    def texts(self, col: int) -> list[str]:
        """The cells of column ``col`` as text."""
        cells = self.cells[col::self.width]
        return list(map(text_of, cells)) if self.typed else cast("list[str]", cells)


def blocks_of(rows: Iterable[RawRow], width: int, typed: bool = False,
              size: int = 256) -> Iterator[Block]:
    """Rows grouped into blocks of at most ``size`` rows (the one block builder)."""
    chunk: list[RawRow] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            yield Block.of(chunk, width, typed)
            chunk = []
    if chunk:
        yield Block.of(chunk, width, typed)


def rows_of(blocks: Iterable[Block]) -> Iterator[RawRow]:
    """The rows of blocks, one by one."""
    for block in blocks:
        for i in range(len(block)):
            line, row, info = block.where(i)
            yield line, row, block.row_cells(i), info


class Locator(Protocol):
    """Turns positions into the location keywords of a problem, the way a format can."""

    def cell(self, line: int | None, row: int, col: int | None) -> dict[str, Any]:
        """A data cell (``col`` None: the whole row)."""
        ...

    def header(self, col: int | None) -> dict[str, Any]:
        """A header cell (``col`` None: the header as a whole)."""
        ...


class TextLocator:
    """Line, row and column of a text file read as rows (CSV)."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def cell(self, line: int | None, row: int, col: int | None) -> dict[str, Any]:
        where: dict[str, Any] = {"line": line, "row": row}
        if col is not None:
            where["column"] = col + 1
        return where

    def header(self, col: int | None) -> dict[str, Any]:
        where: dict[str, Any] = {"line": self.table.header_line, "row": self.table.header_row}
        if col is not None:
            where["column"] = col + 1
        return where


class SheetLocator:
    """Row, column and cell reference (``B7``) of a worksheet."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def cell(self, line: int | None, row: int, col: int | None) -> dict[str, Any]:
        if col is None:
            return {"row": row}
        return {"row": row, "column": col + 1, "cell": f"{column_letter(col)}{row}"}

    def header(self, col: int | None) -> dict[str, Any]:
        return self.cell(None, self.table.header_row, col)


class RecordLocator:
    """Row and column of a table without lines (a Parquet file): record number and column."""

    def cell(self, line: int | None, row: int, col: int | None) -> dict[str, Any]:
        return {"row": row} if col is None else {"row": row, "column": col + 1}

    def header(self, col: int | None) -> dict[str, Any]:
        return {} if col is None else {"column": col + 1}


@dataclass(frozen=True)
class PlainText:
    """The data lines of a CSV file as bytes, for the columnar path of the survey loader
    (:mod:`.formats.csv_columns`), which reads them only when they are plain."""

    data: bytes
    """UTF-8 text with ``\\n`` line ends; the data lines start at ``start``."""
    start: int
    line: int
    """The lines up to the header's end: the first data line is line ``line + 1``."""
    row: int
    """The row number of the header: the first data line is row ``row + 1``."""
    delimiter: str


@dataclass
class Table:
    """A file read into a header and blocks of rows. ``blocks`` is consumed once; problems
    accumulate as it is."""

    path: str
    """The path as the user gave it (used in every Problem)."""
    format: str
    """``csv``, ``xlsx``, ``json`` or ``parquet`` (``?`` when it could not be told)."""
    limits: Limits
    header: list[str] = field(default_factory=list)
    """Column names as written, stripped of surrounding whitespace."""
    blocks: Iterator[Block] = field(default_factory=lambda: iter(()))
    problems: Problems = field(default_factory=lambda: Problems(1000))
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
    """Non-blank data rows seen so far (complete once ``blocks`` is exhausted)."""
    header_line: int | None = None
    header_row: int = 1
    skip_columns: set[int] = field(default_factory=set)
    """Columns whose header is blank or repeated (already reported): their cells are ignored."""
    locator: Locator | None = None
    """How positions are put in words; a text locator unless the reader sets another."""
    plain: PlainText | None = None
    """A CSV file's data lines as UTF-8 bytes (None for other formats and encodings): the
    loader may read them column by column instead of :attr:`blocks`."""
    role: str | None = None
    """The role a worksheet declares above its header (``peran: warga``), for every row
    without one."""
    role_cell: tuple[int, int] | None = None
    """(row, 0-based column) of that declaration."""
    sheets: list[str] = field(default_factory=list)
    """The workbook's visible worksheets, in order (XLSX)."""

    def __post_init__(self) -> None:
        if self.locator is None:
            self.locator = TextLocator(self)

    @property
    def rows(self) -> Iterator[RawRow]:
        """The data rows one by one (consumes :attr:`blocks`)."""
        return rows_of(self.blocks)

    def close(self) -> None:
        """Stop reading (releases a workbook held open by an unfinished iterator)."""
        close = getattr(self.blocks, "close", None)
        if close is not None:
            close()

    # -- problems located the way the format allows -------------------------------------------

    def fail(self, message: str, **where: Any) -> None:
        """Record a problem that makes the file unreadable (always kept)."""
        self.problems.keep(Problem(self.path, message, **where))
        self.usable = False

    def too_many_cells(self, rows: int, width: int, *, more: bool = True,
                       **where: Any) -> None:
        """Stop reading: the file holds more than ``max_cells`` cells (``more``: there are
        more than ``rows`` rows, not exactly ``rows``)."""
        limit = self.limits.max_cells
        self.fail(f"the file has more than {limit:,} cells (rows × columns): split it "
                  "into several files", expected=f"at most {limit:,} cells",
                  found=f"{'more than ' if more else ''}{rows:,} data rows of {width:,} "
                  "columns", **where)

    def locate(self, line: int | None, row: int, col: int | None) -> dict[str, Any]:
        """Problem location keywords for a cell (``col`` None: the whole row)."""
        assert self.locator is not None
        return self.locator.cell(line, row, col)

    def locate_header(self, col: int | None) -> dict[str, Any]:
        """Problem location keywords for a header cell (``col`` None: the header as a whole)."""
        assert self.locator is not None
        return self.locator.header(col)

    def too_long(self, length: int, **where: Any) -> None:
        """A text cell longer than the limit (its text is not used)."""
        limit = self.limits.max_cell_chars
        self.problems.append(Problem(
            self.path, f"the cell holds more than {limit:,} characters of text: shorten it",
            expected=f"at most {limit:,} characters", found=f"{length:,} characters", **where))

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
