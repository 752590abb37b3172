"""Parquet (optional: needs pyarrow, ``pip install 'smartcity-assess[parquet]'``).

For data teams whose survey answers already live in a data warehouse: one row per respondent
(wide) or per answer (long), the same columns as a CSV file. Cells keep their column's type
(strings as text, numbers as numbers, booleans as ``true``/``false``, nulls as empty); dates,
times and nested values are problems where a value is read. A problem names the record
(``row``, counting from 1) and the column.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal
from itertools import chain
from typing import Any

from ...errors import shorten
from ..table import Block, Cell, RecordLocator, RowInfo, Table

EXACT_WHOLE = 1e15
BATCH_ROWS = 4096


def available() -> bool:
    """True when pyarrow can be imported."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def read_parquet(data: bytes, table: Table, sheet: str | None = None) -> None:
    """Fill ``table`` from Parquet bytes (``sheet`` is not used)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        table.fail("reading Parquet files needs the pyarrow package: install it with "
                   "pip install 'smartcity-assess[parquet]', or save the data as CSV",
                   expected="pyarrow installed")
        return
    table.locator = RecordLocator()
    try:
        source = pq.ParquetFile(io.BytesIO(data))
        metadata = source.metadata
        names = [str(name) for name in source.schema_arrow.names]
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError … on damaged files
        table.fail(f"the Parquet file cannot be read: {type(exc).__name__}: "
                   f"{shorten(str(exc), 120)}", expected="a Parquet file")
        return
    rows, width = metadata.num_rows, len(names)
    if rows * max(width, 1) > table.limits.max_cells:
        table.too_many_cells(rows, width, more=False)
        return
    unpacked = sum(metadata.row_group(g).total_byte_size for g in range(metadata.num_row_groups))
    if unpacked > table.limits.max_xlsx_uncompressed:
        table.fail(f"the Parquet file unpacks to {unpacked // 2**20} MB, more than the limit of "
                   f"{table.limits.max_xlsx_uncompressed // 2**20} MB",
                   expected="a smaller file", found=f"{unpacked} bytes unpacked")
        return
    table.header = [name.strip() for name in names]
    limit = table.limits.max_cell_chars
    for col, name in enumerate(table.header):
        if len(name) > limit:
            table.too_long(len(name), column=col + 1)
            table.header[col] = ""
            table.skip_columns.add(col)
    table.check_header()
    table.blocks = _blocks(source, table)


def _blocks(source: Any, table: Table) -> Iterator[Block]:
    width = len(table.header)
    row = 0
    try:
        for batch in source.iter_batches(batch_size=BATCH_ROWS):
            size = batch.num_rows
            columns: list[list[Cell]] = []
            kinds: dict[int, dict[int, str]] = {}
            dropped: set[int] = set()
            for col in range(width):
                cells, found, long = _column(batch.column(col).to_pylist(), table, row, col)
                columns.append(cells)
                dropped |= long
                for i, kind in found.items():
                    kinds.setdefault(i, {})[col] = kind
            numbers = list(range(row + 1, row + 1 + size))
            table.data_rows += size
            row += size
            if dropped:  # a cell too long to read: reported, its record is not read
                kept = [i for i in range(size) if i not in dropped]
                columns = [[cells[i] for i in kept] for cells in columns]
                numbers = [numbers[i] for i in kept]
                kinds = {kept.index(i): k for i, k in kinds.items() if i not in dropped}
                size = len(kept)
            if not size:
                continue
            infos = None
            if kinds:
                infos = [RowInfo(kinds[i]) if i in kinds else None for i in range(size)]
            flat = list(chain.from_iterable(zip(*columns, strict=True))) if width else []
            yield Block(width, flat, [None] * size, numbers, infos, typed=True)
    except Exception as exc:  # a damaged page
        table.fail(f"the Parquet file cannot be read after record {row:,}: "
                   f"{type(exc).__name__}: {shorten(str(exc), 120)}", expected="a Parquet file")


def _column(values: list[Any], table: Table, row: int, col: int
            ) -> tuple[list[Cell], dict[int, str], set[int]]:
    """Typed cells of one column of a batch, the rows whose value is not text or a number,
    and the rows whose text is too long (reported)."""
    cells: list[Cell] = []
    kinds: dict[int, str] = {}
    long: set[int] = set()
    limit = table.limits.max_cell_chars
    for i, value in enumerate(values):
        if value is None:
            cells.append("")
        elif isinstance(value, str):
            if len(value) > limit:
                table.too_long(len(value), **table.locate(None, row + i + 1, col))
                long.add(i)
                value = ""
            cells.append(value)
        elif isinstance(value, bool):
            cells.append("true" if value else "false")
        elif isinstance(value, float):
            cells.append(value)
        elif isinstance(value, int):
            cells.append(float(value) if -EXACT_WHOLE < value < EXACT_WHOLE else str(value))
        elif isinstance(value, Decimal):
            cells.append(str(value) if not value.is_finite() or abs(value) >= EXACT_WHOLE
                         else float(value))
        else:
            text, kind = _other(value)
            cells.append(text)
            kinds[i] = kind
    return cells, kinds, long


def _other(value: object) -> tuple[str, str]:
    """A value that is neither text nor a number: its text and what it is."""
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
    if isinstance(value, (list, tuple)):
        return shorten(repr(value), 200), "a list"
    if isinstance(value, dict):
        return shorten(repr(value), 200), "an object"
    if isinstance(value, (bytes, bytearray)):
        return "", "binary data"
    return shorten(str(value), 200), f"a {type(value).__name__} value"
