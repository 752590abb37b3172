"""Opening a survey file: the checks common to all formats, the limits, and the readers.

:func:`open_table` reads one file into a :class:`~.table.Table` (header, blocks of typed
cells, problems) with the reader of its format (:mod:`.formats`). It never raises for a bad
or missing file: every problem becomes a :class:`~smartcity_assess.errors.Problem`.

The limits are module constants so that tests and embedders can lower them; they are read
each time a file is opened.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable
from pathlib import Path

from ..errors import shorten
from ..filekinds import OLE_MAGIC, ZIP_MAGIC
from .formats.csv import read_csv, sniff_delimiter
from .formats.detect import (
    EXTENSIONS,
    UNSUPPORTED,
    decode_text,
    format_for,
    mismatch,
    size_text,
    sniff,
)
from .formats.json import read_json
from .formats.parquet import read_parquet
from .formats.xlsx import read_xlsx
from .table import Block, Limits, Problems, RawRow, RowInfo, Table, column_letter

__all__ = ["Block", "EXTENSIONS", "OLE_MAGIC", "READERS", "RawRow", "RowInfo", "Problems",
           "Table", "UNSUPPORTED", "ZIP_MAGIC", "column_letter", "decode_text", "format_for",
           "open_table", "sniff_delimiter", "current_limits"]

# ---------------------------------------------------------------------------------------------
# Limits

MAX_TEXT_BYTES = 512 * 1024 * 1024
"""Largest CSV file read (bytes)."""
MAX_JSON_BYTES = 256 * 1024 * 1024
"""Largest JSON file read (bytes); JSON is held in memory as Python objects."""
MAX_XLSX_BYTES = 256 * 1024 * 1024
"""Largest XLSX (and Parquet) file read (compressed bytes)."""
MAX_XLSX_UNCOMPRESSED = 1024 * 1024 * 1024
"""Largest total size of the parts inside an XLSX file (or of the data in a Parquet file)
once unpacked (guards zip bombs)."""
MAX_XLSX_SHARED_STRINGS = 256 * 1024 * 1024
"""Largest shared-strings part once unpacked: openpyxl holds it in memory as Python text."""
MAX_CELLS = 50_000_000
"""Most cells (data rows × columns) read from one file. 100,000 respondents answering 50
questions are 5 million; the limit bounds memory and time."""
MAX_CELL_CHARS = 128 * 1024
"""Longest text in one XLSX, JSON or Parquet cell (CSV: the csv module's field limit, the
same 131,072 characters). A region name of 20 MB would otherwise be copied into every
report."""
MAX_PROBLEMS = 1000
"""Problems listed per file; the rest are counted. A file that is wrong on every row would
otherwise print a million lines (and take a minute to do it)."""

Reader = Callable[[bytes, Table, str | None], None]
"""A reader fills ``table`` from the file's bytes; the third argument is the XLSX sheet."""

READERS: dict[str, Reader] = {"csv": read_csv, "xlsx": read_xlsx, "json": read_json,
                              "parquet": read_parquet}
"""Format name → reader."""


def current_limits() -> Limits:
    """The limits in force now."""
    return Limits(max_cells=MAX_CELLS, max_problems=MAX_PROBLEMS,
                  max_cell_chars=MAX_CELL_CHARS, max_xlsx_uncompressed=MAX_XLSX_UNCOMPRESSED,
                  max_xlsx_shared_strings=MAX_XLSX_SHARED_STRINGS)


def open_table(path: str | Path, *, sheet: str | None = None, label: str | None = None
               ) -> Table:
    """Read one survey file into a :class:`Table`. Never raises for a bad or missing file.
    ``label`` names the file in problems (default: the path as given)."""
    label = str(path) if label is None else label
    file = Path(path)
    fmt = format_for(file)
    table = Table(path=label, format=fmt or "?", limits=current_limits(),
                  problems=Problems(MAX_PROBLEMS))
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
    limit = {"json": MAX_JSON_BYTES, "xlsx": MAX_XLSX_BYTES,
             "parquet": MAX_XLSX_BYTES}.get(fmt or "", MAX_TEXT_BYTES)
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        table.fail(f"the file is too large ({size_text(info.st_size)}; the limit is "
                   f"{size_text(limit)}): split it into several files",
                   expected=f"at most {size_text(limit)}", found=f"{info.st_size} bytes")
        return table
    try:
        with open(file, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        table.fail(f"cannot read the file: {exc.strerror or exc}")
        return table
    if len(data) > limit:
        table.fail(f"the file is too large (the limit is {size_text(limit)})",
                   expected=f"at most {size_text(limit)}")
        return table
    table.sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        table.fail("the file is empty", expected="a header row and data rows")
        return table
    if fmt is None:
        sniffed = sniff(data)
        fmt = table.format = "xlsx" if sniffed == "ole" else sniffed
    problem = mismatch(fmt, data)
    if problem:
        table.fail(problem[0], expected=problem[1], found=problem[2])
        return table
    READERS[fmt](data, table, sheet)
    return table
