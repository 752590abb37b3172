"""XLSX via openpyxl: read-only, streaming, with the saved results of formulas.

The sheet read is ``sheet`` when given, else the first *visible* worksheet (a hidden sheet of
lookup values or old answers in front of the data is not what anybody means). The header is
the first row that names a region column, when one of the first ten rows does: a form made by
``survey template`` has the questions and its role (``peran: warga``) above the header. Rows are
streamed from openpyxl's sheet parser as they are in the file: only the rows present are read
(no padding rows, so a row numbered 1,000,000,000 costs nothing), and row numbers must stay
within the 1,048,576 rows of a worksheet and come in order.

Cells are typed: text, or a number (a whole number under 10^15 or a float as a float, a larger
whole number as its digits); ``TRUE``/``FALSE`` become the words ``true``/``false``; a number
formatted as a percentage is read as shown (``0.725`` in a ``0.0%`` cell is ``72.5%``). Dates,
times, durations, error values and formulas without a saved result are problems where a value
is read (:class:`~..table.RowInfo`). Before anything is unpacked, the sizes the ZIP directory
declares are checked (zip bombs); text longer than the cell limit is a problem.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

from ...errors import Problem, shorten
from ..table import (
    PREAMBLE_ROWS,
    REGION_COLUMNS,
    Cell,
    RawRow,
    RowInfo,
    SheetLocator,
    Table,
    blocks_of,
    column_letter,
    fmt_number,
    text_of,
)
from .detect import what_is

MAX_ROW = 1_048_576
"""The last row of a worksheet (Excel 2007 and later)."""
EXACT_WHOLE = 1e15

_NS = rb"(?:[A-Za-z_][\w.\-]*:)?"
_MERGE = re.compile(
    rb"<" + _NS + rb"mergeCell\b[^>]*\bref=\"([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)\"")
_FORMULA_NO_VALUE = re.compile(
    rb"<" + _NS + rb"c\b([^>]*)>\s*<" + _NS + rb"f\b[^>]*(?:/>|>[^<]*</" + _NS + rb"f>)\s*"
    rb"(?:<" + _NS + rb"v\s*/>|<" + _NS + rb"v>\s*</" + _NS + rb"v>)?\s*</" + _NS + rb"c>")
_REF_ATTR = re.compile(rb"\br=\"([A-Za-z]+[0-9]+)\"")
_CELL_REF = re.compile(r"([A-Za-z]+)([0-9]+)")
_ROLE_LINE = re.compile(r"^\s*(?:peran|role)\s*:\s*(\S(?:.*\S)?)\s*$", re.IGNORECASE)
"""A worksheet's declaration of the role of its rows, above the header: ``peran: warga``."""
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 64 * 1024


def ref_to_index(ref: str) -> tuple[int, int]:
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
                    formulas.add(ref_to_index(ref.group(1).decode("ascii")))
            tail = buf[-_OVERLAP:]
    return [m.decode("ascii") for m in merges], formulas


def open_error(exc: Exception, what: str = "the workbook cannot be opened") -> str:
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


def _undefused(exc: Exception, archive: zipfile.ZipFile) -> Exception:
    """The error the standard library's XML parser gives for the workbook, when openpyxl
    failed through defusedxml (installed alongside by other packages, pyxform among them):
    so that a workbook is explained the same way whether defusedxml is there or not."""
    found: BaseException | None = exc
    while found is not None and not type(found).__module__.startswith("defusedxml"):
        found = found.__cause__ or found.__context__
    if found is None:
        return exc
    from xml.etree.ElementTree import ParseError, XMLParser

    for info in archive.infolist():
        if not info.filename.lower().endswith((".xml", ".rels")):
            continue
        parser = XMLParser()
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    parser.feed(chunk)
            parser.close()
        except ParseError as error:
            return error
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            break
    return exc


class _SharedStrings:
    """The workbook's shared strings, refusing an index outside them (``-1`` would otherwise
    read the last string)."""

    def __init__(self, strings: Sequence[Any]) -> None:
        self.strings = strings

    def __getitem__(self, index: int) -> Any:
        if not 0 <= index < len(self.strings):
            raise IndexError(f"shared string {index} does not exist (the workbook has "
                             f"{len(self.strings)})")
        return self.strings[index]

    def __len__(self) -> int:
        return len(self.strings)


class _Damaged(Exception):
    """A row the sheet parser gave that no worksheet can have."""

    def __init__(self, message: str, row: int) -> None:
        super().__init__(message)
        self.row = row


def read_xlsx(data: bytes, table: Table, sheet: str | None = None) -> None:
    """Fill ``table`` from an XLSX workbook: ``sheet``, or the first visible worksheet."""
    limits = table.limits
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
        table.fail(f"this is {what}", expected="an XLSX workbook", found=what_is(data))
        return
    # Sizes as the ZIP directory declares them: Python's zipfile never unpacks more than the
    # declared size of a part (and checks its CRC), so checking them here, before anything
    # is unpacked, refuses a zip bomb in microseconds.
    unpacked = sum(info.file_size for info in infos)
    if unpacked > limits.max_xlsx_uncompressed:
        table.fail(f"the workbook unpacks to {unpacked // 2**20} MB, more than the limit of "
                   f"{limits.max_xlsx_uncompressed // 2**20} MB", expected="a smaller workbook",
                   found=f"{unpacked} bytes unpacked")
        return
    strings = sum(info.file_size for info in infos
                  if info.filename.lower() == "xl/sharedstrings.xml")
    if strings > limits.max_xlsx_shared_strings:
        table.fail(f"the workbook's shared text (xl/sharedStrings.xml) unpacks to "
                   f"{strings // 2**20} MB, more than the limit of "
                   f"{limits.max_xlsx_shared_strings // 2**20} MB (it is held in memory)",
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
        table.fail(open_error(_undefused(exc, archive)),
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
        visible = [ws for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"]
        worksheet = (visible or sheets)[0]
        table.sheets = [str(ws.title) for ws in visible]
    table.sheet = str(worksheet.title)
    table.locator = SheetLocator(table)
    part = getattr(worksheet, "_worksheet_path", None)
    if not hasattr(worksheet, "iter_rows"):
        table.fail(f"sheet {table.sheet!r} is a chart, not a worksheet",
                   expected="a worksheet with survey data", found=shorten(table.sheet))
        workbook.close()
        return
    if not isinstance(part, str) or part not in names:
        table.fail(f"the workbook is damaged: sheet {table.sheet!r} has no data",
                   expected="an XLSX workbook")
        workbook.close()
        return
    try:
        merges, formulas = _scan_sheet_xml(archive, part)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        table.fail(f"the workbook is damaged: {exc}", expected="an XLSX workbook")
        workbook.close()
        return
    for ref in merges:
        first = ref.split(":")[0]
        row, col = ref_to_index(first)
        table.problems.append(Problem(
            table.path, f"merged cells {ref}: unmerge them and fill in every cell",
            row=row, column=col + 1, cell=first.upper(), expected="one value per cell",
            found="merged cells"))
    rows = _Sheet(workbook, worksheet, archive, part, table, formulas).rows()
    header, rows = _header(rows, table)
    if header is None:
        if table.usable:
            table.fail(f"sheet {table.sheet!r} is empty", expected="a header row and data rows")
        return
    _, row, cells, _ = header
    table.header = [text_of(cell).strip() for cell in cells]
    while table.header and not table.header[-1]:
        table.header.pop()
    table.header_row = row
    table.check_header()
    table.blocks = blocks_of(_data(rows, table), len(table.header), typed=True)


class _Sheet:
    """The rows of one worksheet as typed cells, streamed from openpyxl's sheet parser."""

    def __init__(self, workbook: Any, worksheet: Any, archive: zipfile.ZipFile, part: str,
                 table: Table, formulas: set[tuple[int, int]]) -> None:
        self.workbook = workbook
        self.worksheet = worksheet
        self.archive = archive
        self.part = part
        self.table = table
        self.formulas = formulas
        self.percent: dict[int, bool] = {}
        """Style id → the cell shows its number as a percentage."""

    def rows(self) -> Iterator[RawRow]:
        """Every non-blank row of the sheet (header first). Closes the workbook at the end."""
        from openpyxl.worksheet._reader import WorkSheetParser

        table = self.table
        workbook = self.workbook
        limit = table.limits.max_cells
        seen = widest = 0
        parser: Any = None
        try:
            with warnings.catch_warnings(), self.archive.open(self.part) as source:
                warnings.simplefilter("ignore")
                strings = getattr(self.worksheet, "_shared_strings", workbook.shared_strings)
                parser = WorkSheetParser(
                    source, _SharedStrings(strings), data_only=True,
                    epoch=workbook.epoch,
                    date_formats=getattr(workbook, "_date_formats", set()),
                    timedelta_formats=getattr(workbook, "_timedelta_formats", set()))
                last = 0
                header = True
                for row, found in parser.parse():
                    if not 1 <= row <= MAX_ROW:
                        raise _Damaged(f"row number {row:,} is outside the rows of a worksheet "
                                       f"(1 to {MAX_ROW:,})", row)
                    if row <= last:
                        raise _Damaged(f"row {row:,} comes after row {last:,} (rows must be "
                                       "in order)", row)
                    last = row
                    width = max((cell["column"] for cell in found), default=0)
                    seen += width
                    widest = max(widest, width)
                    if seen > limit:
                        table.too_many_cells(max(row - 2, 0), widest, row=row)
                        return
                    cells, info = self.cells(row, found, width)
                    if cells is None:  # a cell too long to read: reported, row left out
                        if header:
                            table.usable = False
                            return
                        table.data_rows += 1
                        continue
                    if info is None and not any(isinstance(c, float) or c.strip()
                                                for c in cells):
                        continue
                    header = False
                    yield None, row, cells, info
        except _Damaged as exc:
            table.fail(f"the worksheet is damaged: {exc}", row=exc.row,
                       expected="a worksheet saved by Excel, LibreOffice or Google Sheets")
        except Exception as exc:  # damaged XML, or a cell openpyxl cannot convert
            from xml.etree.ElementTree import ParseError

            if isinstance(exc, ParseError) or parser is None or parser.row_counter < 1:
                table.fail(open_error(exc, "the worksheet cannot be read"))
            else:
                row, col = parser.row_counter, max(parser.col_counter, 1)
                ref = f"{column_letter(col - 1)}{row}"
                text = str(exc) if len(str(exc)) <= 120 else str(exc)[:119] + "…"
                table.fail(f"cell {ref} of sheet {table.sheet!r} cannot be read: "
                           f"{type(exc).__name__}: {text}",
                           row=row, column=col, cell=ref,
                           expected="a cell saved by Excel, LibreOffice or Google Sheets")
        finally:
            workbook.close()

    def cells(self, row: int, found: Sequence[dict[str, Any]], width: int
              ) -> tuple[list[Cell] | None, RowInfo | None]:
        """The typed cells of one row (``width`` of them), and what some of them held; no
        cells when one holds more text than the limit (a problem: the row is not read)."""
        table = self.table
        cells: list[Cell] = [""] * width
        info: RowInfo | None = None
        limit = table.limits.max_cell_chars
        formulas = self.formulas
        for cell in found:
            col = cell["column"] - 1
            value = cell["value"]
            if value is None:
                if formulas and (row, col) in formulas:
                    info = info or RowInfo()
                    info.kinds[col] = "a formula without a saved result"
                cells[col] = ""
                continue
            typed, kind = self.typed(value, cell)
            if kind is not None:
                info = info or RowInfo()
                info.kinds[col] = kind
            elif isinstance(typed, str) and len(typed) > limit:
                table.too_long(len(typed), **table.locate(None, row, col))
                return None, None
            cells[col] = typed
        return cells, info

    def typed(self, value: object, cell: dict[str, Any]) -> tuple[Cell, str | None]:
        """A cell value as a typed cell, and what it was when not text or a number."""
        if isinstance(value, str):
            if cell["data_type"] == "e":  # #DIV/0!, #N/A, #REF! … : a formula that failed
                return value, "an error value"
            return value, None
        if isinstance(value, bool):
            return ("true" if value else "false"), None
        if isinstance(value, (int, float)):
            if cell["style_id"] and self.is_percent(cell):
                return fmt_number(round(float(value) * 100, 10)) + "%", None
            if isinstance(value, float):
                return value, None
            return (float(value) if -EXACT_WHOLE < value < EXACT_WHOLE else str(value)), None
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

    def is_percent(self, cell: dict[str, Any]) -> bool:
        """The cell's number format shows a percentage."""
        style = cell["style_id"]
        found = self.percent.get(style)
        if found is None:
            from openpyxl.cell.read_only import ReadOnlyCell

            shown = ReadOnlyCell(self.worksheet, cell["row"], cell["column"], None,
                                 style_id=style)
            found = self.percent[style] = "%" in str(shown.number_format)
        return found


def _header(rows: Iterator[RawRow], table: Table) -> tuple[RawRow | None, Iterator[RawRow]]:
    """The header row and the rows after it. The header is the first row that names a
    region column, when one of the first :data:`PREAMBLE_ROWS` rows does (a form's title,
    questions and ``peran: warga`` above it are its preamble); otherwise the first row."""
    buffered: list[RawRow] = []
    for item in rows:
        buffered.append(item)
        if any(text_of(cell).strip().casefold() in REGION_COLUMNS for cell in item[2]):
            for _, row, cells, _ in buffered[:-1]:
                for col, cell in enumerate(cells):
                    found = _ROLE_LINE.match(text_of(cell))
                    if found and table.role is None:
                        table.role, table.role_cell = found.group(1), (row, col)
            return item, rows
        if len(buffered) >= PREAMBLE_ROWS:
            break
    if not buffered:
        return None, rows
    return buffered[0], chain(buffered[1:], rows)


def _data(rows: Iterator[RawRow], table: Table) -> Iterator[RawRow]:
    width = len(table.header)
    for line, row, cells, info in rows:
        table.data_rows += 1
        if len(cells) > width:
            for col in range(width, len(cells)):
                if text_of(cells[col]).strip():
                    table.problems.append(Problem(
                        table.path, "a value in a column without a header",
                        expected="a column name in the header row",
                        found=shorten(text_of(cells[col])), **table.locate(line, row, col)))
            cells = cells[:width]
        elif len(cells) < width:
            cells = [*cells, *([""] * (width - len(cells)))]
        yield line, row, cells, info
