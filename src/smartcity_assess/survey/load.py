"""Read survey files, check every cell against an indicator set, and merge them.

:func:`read_survey` is the one entry point. It reads each file with :mod:`.readers`, works out
the layout from the header (long when there are ``indicator`` and ``value`` columns, wide
otherwise), converts each cell with the indicator's :class:`~.values.Converter`, and files the
answers under their region-year. Every problem of every file is collected; if there is any, one
:class:`~smartcity_assess.errors.InputError` lists them all.

Speed: a wide file is handled a block of rows at a time. The reader splits a block of CSV
text in one ``str.split`` where that is exactly what CSV means; the loader converts all the
block's indicator cells in one C-level ``map`` over memoised converters (shared by indicators
with the same rules, so that lookups stay in cache), slices the result per indicator, drops
"not answered" markers and extends the answer lists. Answers keep the file's row order.
A respondent id that occurs twice in a region-year triggers a second, slower pass that finds
any indicator answered twice.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from math import isfinite
from operator import eq, is_not, itemgetter
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem, UsageError, shorten
from ..indicators.model import IndicatorSet
from ..scoring.results import InputFile
from . import readers
from .data import Answers, RegionData, RegionYear, SurveyData
from .readers import Block, Problems, RawRow, RowInfo, Table, open_table
from .values import BAD, SKIP, Bad, Converter, parse_number, semantics

RESERVED: dict[str, str] = {
    "region": "region", "wilayah": "region", "daerah": "region",
    "year": "year", "tahun": "year",
    "respondent": "respondent", "responden": "respondent",
    "role": "role", "peran": "role",
    "indicator": "indicator", "indikator": "indicator",
    "value": "value", "nilai": "value",
}
"""Reserved column names (compared case-insensitively, stripped) → their meaning."""

YEAR_RANGE = (1900, 2100)
"""Valid years, inclusive."""
UNSPECIFIED_ROLE = "unspecified"
"""Key in :attr:`RegionData.roles` for respondents without a role."""
NUMERIC = ("number", "percent")
"""Indicator types whose cells are numbers written by people (decimal comma or point)."""
CHUNK_ROWS = 256
"""Rows per block when blocks are built from rows (XLSX, JSON, CSV with quotes)."""

_ALIASES = {canonical: [a for a, c in RESERVED.items() if c == canonical and a != canonical]
            for canonical in sorted(set(RESERVED.values()))}
_EXPECTED_REGION = "a region name"
_EXPECTED_YEAR = f"a year from {YEAR_RANGE[0]} to {YEAR_RANGE[1]} (a whole number)"
_EXPECTED_RESERVED = {
    "region": _EXPECTED_REGION, "year": _EXPECTED_YEAR,
    "respondent": "a respondent id (text)", "role": "a role (text)",
    "indicator": "an indicator id", "value": "a value of the indicator's type",
}

Where = tuple[int | None, int, RowInfo | None]
"""(line, row, info) of a row, enough to locate any of its cells."""
RespondentKey = tuple[str, int | None, str]
"""(region, year, respondent)."""
PoolKey = tuple[RegionYear, str]
"""(region-year, indicator id)."""
RoleChunk = list[str | None] | str | None
"""Roles of a chunk of answers: one per answer, or one role for all."""


def read_survey(paths: Sequence[str | Path], indicator_set: IndicatorSet, *,
                sheet: str | None = None, ignore_columns: Sequence[str] = ()) -> SurveyData:
    """Read, check and merge survey files (CSV, XLSX, JSON; wide or long layout).

    ``sheet`` names the XLSX sheet to read (default: the first). ``ignore_columns`` are extra
    columns that may appear and are skipped (added to the set's own ``ignore_columns``).
    Raises :class:`InputError` listing every problem of every file, and nothing else for bad
    content.
    """
    if not paths:
        raise UsageError("no survey files given")
    loader = _Loader(indicator_set, ignore_columns)
    for path in paths:
        loader.load(path, sheet)
    if loader.repeated:
        loader.check_repeats(sheet)
    return loader.finish()


@dataclass
class _Plan:
    """What each column of one file means."""

    layout: str
    reserved: dict[str, int] = field(default_factory=dict)
    """Reserved meaning (``region`` …) → column."""
    indicators: list[tuple[int, str]] = field(default_factory=list)
    """(column, indicator id) of a wide file."""

    def used(self) -> dict[int, str]:
        """Column → what it holds (reserved meaning or indicator id), for every read column."""
        columns = {col: name for name, col in self.reserved.items()}
        columns.update(self.indicators)
        return columns


class _Loader:
    """Merges files into one SurveyData, collecting problems."""

    def __init__(self, indicator_set: IndicatorSet, ignore_columns: Sequence[str]) -> None:
        self.set = indicator_set
        self.indicators = indicator_set.indicator_map()
        folded: dict[str, list[str]] = defaultdict(list)
        for ind_id in self.indicators:
            folded[ind_id.casefold()].append(ind_id)
        self.folded = {key: ids[0] for key, ids in folded.items() if len(ids) == 1}
        own = getattr(indicator_set, "ignore_columns", ())
        self.ignore = {name.strip().casefold() for name in (*own, *ignore_columns)}
        self.converters: dict[str, Converter] = {}
        self.shared: dict[tuple[object, ...], Converter] = {}
        self.survey = SurveyData()
        self.problems: list[Problem] = []
        self.dropped = 0
        """Problems found but not listed (beyond :data:`~.readers.MAX_PROBLEMS` in a file)."""
        self.notes = 0
        """Problems in the list that only say how many others were not listed."""
        self.members: dict[RegionYear, defaultdict[str, set[str]]] = {}
        self.pool: dict[PoolKey, Answers] = {}
        """(region-year, indicator) → answers, filed into the regions at the end."""
        self.hashes: dict[str, str] = {}
        self.repeated: set[RespondentKey] = set()
        """Respondents seen in more than one row of a region-year (checked in a second pass)."""
        self.tracked: list[tuple[str | Path, str]] = []
        """(path, sha256) of files with a respondent column."""

    # -- helpers ------------------------------------------------------------------------------

    def converter(self, ind_id: str) -> Converter:
        """The converter of an indicator, shared by indicators with the same semantics."""
        conv = self.converters.get(ind_id)
        if conv is None:
            indicator = self.indicators[ind_id]
            kind = semantics(indicator)
            conv = self.shared.get(kind)
            if conv is None:
                conv = self.shared[kind] = Converter(indicator)
            self.converters[ind_id] = conv
        return conv

    def match_indicator(self, name: str) -> str | None:
        """Indicator id for a column name or an ``indicator`` cell (exact, then any case)."""
        if name in self.indicators:
            return name
        return self.folded.get(name.casefold())

    def suggest(self, name: str, reserved: bool) -> str | None:
        """The closest indicator id (or reserved column name) to a misspelt one."""
        candidates = {ind_id.casefold(): ind_id for ind_id in self.indicators}
        if reserved:
            candidates.update({n: n for n in ("region", "year", "respondent", "role")})
        found = difflib.get_close_matches(name.casefold(), list(candidates), n=1, cutoff=0.6)
        return candidates[found[0]] if found else None

    def region(self, key: RegionYear) -> tuple[RegionData, defaultdict[str, set[str]]]:
        """The region-year's data and its role → respondents map, created on first use."""
        data = self.survey.regions.get(key)
        if data is None:
            data = self.survey.regions[key] = RegionData()
            self.members[key] = defaultdict(set)
        return data, self.members[key]

    def answers(self, key: RegionYear, ind_id: str) -> Answers:
        """The answers of a region-year to an indicator, created on first use."""
        answers = self.pool.get((key, ind_id))
        if answers is None:
            answers = self.pool[(key, ind_id)] = Answers()
        return answers

    # -- one file -----------------------------------------------------------------------------

    def load(self, path: str | Path, sheet: str | None) -> None:
        table = open_table(path, sheet=sheet)
        if table.usable and table.sha256 in self.hashes:
            table.fail(f"this file has the same content as {self.hashes[table.sha256]!r} "
                       "(given twice?)", expected="each survey file once")
        if not table.usable:
            _close(table)
            self.collect(table.path, table.problems)
            return
        self.hashes[table.sha256] = table.path
        plan = self.plan(table)
        rows = _Rows(self, table, plan)
        if "respondent" in plan.reserved:
            self.tracked.append((path, table.sha256))
        if plan.layout == "long":
            rows.long()
        else:
            rows.wide()
        if table.usable and table.data_rows <= 0:
            table.problems.append(Problem(
                table.path, "the file has no data rows", expected="at least one row of answers "
                "below the header", **table.locate_header(None)))
        self.collect(table.path, table.problems)
        self.survey.files.append(InputFile(
            path=table.path, sha256=table.sha256, format=table.format, layout=plan.layout,
            rows=max(table.data_rows, 0), **_input_file_extras(table)))

    def collect(self, path: str, problems: Problems) -> None:
        """Take over a file's problems, with a note when some were not listed."""
        self.problems.extend(problems)
        note = problems.note(path)
        if note is not None:
            self.problems.append(note)
            self.notes += 1
            self.dropped += problems.dropped

    def plan(self, table: Table) -> _Plan:
        """Work out the layout and what each column means; header problems go to the table."""
        reserved: dict[str, int] = {}
        indicators: list[tuple[int, str]] = []
        by_indicator: dict[str, int] = {}
        unknown: list[int] = []
        header = table.header
        for col, name in enumerate(header):
            if col in table.skip_columns:
                continue
            key = name.casefold()
            if key in self.ignore:
                continue
            canonical = RESERVED.get(key)
            if canonical is not None:
                if canonical in reserved:
                    first = reserved[canonical]
                    table.problems.append(Problem(
                        table.path, f"a second {canonical} column (the first is "
                        f"{header[first]!r}, column {first + 1})", field=name,
                        expected=f"one {canonical} column", found=shorten(name),
                        **table.locate_header(col)))
                    continue
                reserved[canonical] = col
                continue
            ind_id = self.match_indicator(name)
            if ind_id is not None:
                if ind_id in by_indicator:
                    first = by_indicator[ind_id]
                    table.problems.append(Problem(
                        table.path, f"a second column for indicator {ind_id!r} (the first is "
                        f"{header[first]!r}, column {first + 1})", field=name,
                        expected="one column per indicator", found=shorten(name),
                        **table.locate_header(col)))
                    continue
                by_indicator[ind_id] = col
                indicators.append((col, ind_id))
                continue
            unknown.append(col)
        long = "indicator" in reserved and "value" in reserved
        for name in ("indicator", "value"):
            if name in reserved and not long:
                other = "value" if name == "indicator" else "indicator"
                col = reserved.pop(name)
                article = "an" if other == "indicator" else "a"
                table.problems.append(Problem(
                    table.path, f"a {name} column without {article} {other} column: the long "
                    "layout needs both", field=header[col],
                    expected="both an indicator and a value column (long layout), or one "
                    "column per indicator (wide layout)", found=shorten(header[col]),
                    **table.locate_header(col)))
        if long:
            for col, _ in indicators:
                table.problems.append(Problem(
                    table.path, f"column {header[col]!r} is an indicator, but this file has the "
                    "long layout (indicator ids go in the indicator column)", field=header[col],
                    expected="region, year, respondent, role, indicator and value columns only",
                    found=shorten(header[col]), **table.locate_header(col)))
        for col in unknown:
            name = header[col]
            if long:
                message = f"unknown column {name!r}"
                expected = ("region, year, respondent, role, indicator and value columns, or a "
                            "column named in ignore_columns / --ignore-column")
            else:
                guess = None if table.problems.full else self.suggest(name, reserved=True)
                message = f"unknown column {name!r}" + (f" (did you mean {guess!r}?)"
                                                        if guess else "")
                expected = (f"an indicator id of {self.set.id!r}, a reserved column (region, "
                            "year, respondent, role), or a column named in ignore_columns / "
                            "--ignore-column")
            table.problems.append(Problem(
                table.path, message, field=name, expected=expected, found=shorten(name),
                **table.locate_header(col)))
        if "region" not in reserved and table.header:
            table.problems.append(Problem(
                table.path, "there is no region column", field="region",
                expected="a column named region (or " + ", ".join(_ALIASES["region"]) + ")",
                found="columns " + shorten(", ".join(header), 100),
                **table.locate_header(None)))
        return _Plan("long" if long else "wide", reserved, [] if long else indicators)

    # -- respondents answering twice ------------------------------------------------------------

    def check_repeats(self, sheet: str | None) -> None:
        """Second pass over files with a respondent column, only when some respondent id
        occurs in more than one row of a region-year: the same indicator answered twice is a
        problem (wherever the two answers are, across files too)."""
        first: dict[tuple[RespondentKey, str], tuple[str, int | None, int]] = {}
        for path, digest in self.tracked:
            table = open_table(path, sheet=sheet)
            if not table.usable or table.sha256 != digest:
                _close(table)
                continue
            problems = Problems()  # the first pass reported these already
            repeats = Problems()
            plan = self.plan(table)
            rows = _Rows(self, table, plan, problems)
            for key, where, answered in rows.respondent_rows(self.repeated):
                line, row, _ = where
                for col, ind_id in answered:
                    earlier = first.get((key, ind_id))
                    if earlier is None:
                        first[(key, ind_id)] = (table.path, line, row)
                        continue
                    region, year, respondent = key
                    place = region if year is None else f"{region} {year}"
                    at = (f"{earlier[0]} line {earlier[1]}" if earlier[1] is not None
                          else f"{earlier[0]} row {earlier[2]}")
                    repeats.append(Problem(
                        table.path, f"respondent {respondent!r} answers {ind_id!r} for {place} "
                        f"a second time (first in {at})", field=ind_id,
                        expected="one answer per respondent, indicator and region-year",
                        found="a second answer", **table.locate(line, row, where[2], col)))
            self.collect(table.path, repeats)

    # -- the end ------------------------------------------------------------------------------

    def finish(self) -> SurveyData:
        if self.problems:
            summary = None
            if self.dropped:
                files = sorted({p.file for p in self.problems})
                total = len(self.problems) - self.notes + self.dropped
                summary = (f"{total} problems in {', '.join(files)} (only the first "
                           f"{readers.MAX_PROBLEMS:,} of each file are listed)")
            raise InputError(self.problems, summary)
        regions = self.survey.regions
        for (key, ind_id), answers in self.pool.items():
            if answers.values:
                regions[key].answers[ind_id] = answers
        self.pool.clear()
        for key, members in self.members.items():
            data = regions[key]
            data.roles = {role: len(ids) for role, ids in sorted(members.items())}
            order = self.indicators
            data.answers = {ind_id: data.answers[ind_id] for ind_id in order
                            if ind_id in data.answers}
        return self.survey


def _taker(rows: Sequence[int] | None) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """A C-level function picking ``rows`` out of a column (None: the whole column)."""
    if rows is None:
        return lambda column: column
    if len(rows) == 1:
        only = rows[0]
        return lambda column: (column[only],)
    if not rows:
        return lambda column: ()
    return itemgetter(*rows)


def _close(table: Table) -> None:
    close = getattr(table.rows, "close", None)
    if close is not None:
        close()


def _input_file_extras(table: Table) -> dict[str, Any]:
    """Fields of InputFile beyond the first five, when the dataclass has them."""
    fields = getattr(InputFile, "__dataclass_fields__", {})
    return {name: value for name, value in (("encoding", table.encoding),
                                            ("sheet", table.sheet),
                                            ("delimiter", table.delimiter))
            if name in fields}


class _Rows:
    """The row loops of one file: wide, long, and the respondent re-check."""

    def __init__(self, loader: _Loader, table: Table, plan: _Plan,
                 problems: Problems | None = None) -> None:
        self.loader = loader
        self.table = table
        self.plan = plan
        self.problems = table.problems if problems is None else problems
        self.header = table.header
        reserved = plan.reserved
        self.region_col = reserved.get("region")
        self.year_col = reserved.get("year")
        self.respondent_col = reserved.get("respondent")
        self.role_col = reserved.get("role")
        self.years: dict[str, int | Bad | None] = {"": None}
        self.roles: dict[str, str | None] = {"": None}
        self.targets: dict[Sequence[str], RegionYear | None] = {}
        self.specs = [(col, ind_id, loader.converter(ind_id)) for col, ind_id in plan.indicators]
        # CSV numbers are text: "1.234" next to "72,5" in one column could be 1234 or 1.234.
        self.text_numbers = table.format == "csv"
        self.decimal_specs = [spec for spec in self.specs if spec[2].indicator.type in NUMERIC
                              ] if self.text_numbers else []
        self.decimals: dict[int | str, tuple[str, Where, str]] = {}
        """Column (wide) or indicator id (long) → (separator, where, cell) of its first
        number with a decimal separator."""
        self.distinct = [False] * len(self.specs)
        """Per indicator: whether its last cells were mostly distinct numbers."""
        self.used = plan.used()
        self.indicator_expected = {col: loader.converter(ind_id).expected
                                   for col, ind_id in plan.indicators}

    # -- cells common to both layouts ---------------------------------------------------------

    def problem(self, message: str, where: Where, col: int | None, *, field: str | None,
                expected: str | None, found: str | None) -> None:
        line, row, info = where
        self.problems.append(Problem(self.table.path, message, field=field, expected=expected,
                                     found=found, **self.table.locate(line, row, info, col)))

    def kinds(self, cells: Sequence[str], where: Where, info: RowInfo) -> list[str]:
        """Cells that held a date, a list … in a column that is read are problems; blank them."""
        out = list(cells)
        for col, kind in info.kinds.items():
            meaning = self.used.get(col)
            if meaning is None:
                continue
            expected = self.indicator_expected.get(col) or _EXPECTED_RESERVED.get(meaning, "")
            found = f"{kind} {shorten(out[col])}" if out[col] else kind
            self.problem(f"the cell holds {kind}", where, col, field=self.header[col],
                         expected=expected, found=found)
            out[col] = ""
        return out

    def _year(self, cell: str) -> int | Bad | None:
        text = cell.strip()
        if not text:
            return None
        value = parse_number(text)
        if value is None or not value.is_integer() or \
                not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            return Bad("not a year", _EXPECTED_YEAR)
        return int(value)

    def meta(self, cells: Sequence[str], where: Where
             ) -> tuple[RegionYear, str | None, str | None] | None:
        """(region-year, respondent or None, role) of a row; None for an all-blank row."""
        region = ""
        if self.region_col is not None:
            region = unicodedata.normalize("NFC", cells[self.region_col].strip())
            if not region:
                if not any(cell.strip() for cell in cells):
                    self.table.data_rows -= 1
                    return None
                self.problem("the region is empty", where, self.region_col,
                             field=self.header[self.region_col], expected=_EXPECTED_REGION,
                             found=shorten(cells[self.region_col]))
        year: int | None = None
        if self.year_col is not None:
            cell = cells[self.year_col]
            if cell in self.years:
                parsed = self.years[cell]
            else:
                parsed = self.years[cell] = self._year(cell)
            if isinstance(parsed, Bad):
                self.problem(parsed.message, where, self.year_col,
                             field=self.header[self.year_col], expected=parsed.expected,
                             found=shorten(cell))
            else:
                year = parsed
        respondent = None
        if self.respondent_col is not None:
            respondent = cells[self.respondent_col].strip() or None
        role = None
        if self.role_col is not None:
            cell = cells[self.role_col]
            if cell in self.roles:
                role = self.roles[cell]
            else:
                role = self.roles[cell] = cell.strip().lower() or None
        return (region, year), respondent, role

    # -- wide ---------------------------------------------------------------------------------

    def wide(self) -> None:
        """Convert the file a block of rows at a time (see :meth:`block`)."""
        blocks = self.table.blocks
        if blocks is None:
            blocks = self._blocks_from_rows()
        for block in blocks:
            self.block(block)

    def _blocks_from_rows(self) -> Iterator[Block]:
        width = len(self.header)
        chunk: list[RawRow] = []
        for item in self.table.rows:
            info = item[3]
            if info is not None and info.kinds:
                line, row, cells, _ = item
                item = (line, row, self.kinds(cells, (line, row, info), info), info)
            chunk.append(item)
            if len(chunk) >= CHUNK_ROWS:
                yield Block.of(chunk, width)
                chunk = []
        if chunk:
            yield Block.of(chunk, width)

    def block(self, block: Block) -> None:
        """Check and file the answers of a block of wide rows.

        Each indicator column of the block is converted in C-level passes over its memoised
        converter (or ``float``, for columns of distinct numbers: :meth:`.Converter.answers`).
        In the usual block (one region-year, no bad cell) only the answered cells are
        converted and each indicator's answers, respondents and roles are filed a whole
        column at a time. Otherwise the converted columns keep "not answered" markers, bad
        cells are reported in row order, and the answers are split by region-year.
        """
        loader = self.loader
        width, cells, size = block.width, block.cells, len(block)
        region_col, year_col = self.region_col, self.year_col
        regions = cells[region_col::width] if region_col is not None else None
        years = cells[year_col::width] if year_col is not None else None
        groups: list[tuple[tuple[str, str], list[int] | None]] | None = None
        if (regions is None or len(set(regions)) == 1) and (years is None or
                                                            len(set(years)) == 1):
            groups = [((regions[0] if regions else "", years[0] if years else ""), None)]
            target = self._target(groups[0][0])
            filed = self._answered(cells, width) if target is not None else None
            if target is not None and filed is not None:
                if self.decimal_specs:
                    self._block_decimals(block)
                roles = self._block_roles(block)
                ids = self._respondents(target, block, None, roles)
                for (_, ind_id, _), (values, selector) in zip(self.specs, filed, strict=True):
                    _file(loader.answers(target, ind_id), values, ids, roles, selector)
                return
        columns = [self._convert(j, conv, cells[col::width])
                   for j, (col, _, conv) in enumerate(self.specs)]
        if any(BAD in column for column in columns):
            self._block_bad(block, list(chain.from_iterable(zip(*columns, strict=True))))
        if self.decimal_specs:
            self._block_decimals(block)
        roles = self._block_roles(block)
        if groups is None:
            members: dict[tuple[str, str], list[int]] = {}
            keys = zip(regions if regions is not None else repeat(""),
                       years if years is not None else repeat(""), strict=False)
            for i, key in enumerate(keys):
                found = members.get(key)
                if found is None:
                    members[key] = [i]
                else:
                    found.append(i)
            groups = list(members.items())
        for raw, rows in groups:
            target = self._target(raw)
            if target is None:
                self._bad_rows(block, raw, range(size) if rows is None else rows)
                continue
            take = _taker(rows)
            group_roles: RoleChunk = list(take(roles)) if isinstance(roles, list) else roles
            ids = self._respondents(target, block, rows, group_roles)
            for (_, ind_id, _), column in zip(self.specs, columns, strict=True):
                given = take(column)
                if SKIP not in given:
                    _file(loader.answers(target, ind_id), given, ids, group_roles, None)
                else:
                    flags = list(map(is_not, given, repeat(SKIP)))
                    _file(loader.answers(target, ind_id), list(compress(given, flags)), ids,
                          group_roles, flags)

    def _convert(self, j: int, conv: Converter, cells: Sequence[str]) -> list[float]:
        """``[conv[cell] for cell in cells]`` for the cells of indicator ``j`` (remembering
        whether its numbers are mostly distinct)."""
        values, self.distinct[j] = conv.answers(cells, self.distinct[j])
        return values

    def _answered(self, cells: list[str], width: int
                  ) -> list[tuple[list[float], Sequence[object] | None]] | None:
        """Per indicator of a block: its answers and a selector of the rows that gave them
        (for ``compress``; None: every row); None when a cell is bad."""
        filed: list[tuple[list[float], Sequence[object] | None]] = []
        for j, (col, _, conv) in enumerate(self.specs):
            column = cells[col::width]
            answered = list(filter(None, column)) if "" in column else column
            values = self._convert(j, conv, answered)
            if isfinite(sum(values)):  # no SKIP or BAD marker among them (both are NaN)
                filed.append((values, None if answered is column else column))
                continue
            full = self._convert(j, conv, column)
            if BAD in full:
                return None
            flags = list(map(is_not, full, repeat(SKIP)))
            filed.append((list(compress(full, flags)), flags))
        return filed

    def _target(self, raw: tuple[str, str]) -> RegionYear | None:
        """The region-year of raw (region, year) cells (remembered)."""
        if raw in self.targets:
            return self.targets[raw]
        target = self.targets[raw] = self._region_year(raw)
        return target

    def _block_roles(self, block: Block) -> RoleChunk:
        """Normalised roles of a block's rows: a list, or one role for all rows."""
        if self.role_col is None:
            return None
        raw = block.cells[self.role_col::block.width]
        distinct = set(raw)
        for cell in distinct:
            if cell not in self.roles:
                self.roles[cell] = cell.strip().lower() or None
        if len(distinct) == 1:
            return self.roles[raw[0]]
        return list(map(self.roles.__getitem__, raw))

    def _region_year(self, raw: Sequence[str]) -> RegionYear | None:
        """Normalised region-year of raw (region, year) cells; None when the region is empty
        or the year is bad (such rows are reported one by one)."""
        region_raw, year_raw = raw
        # One region however its accents were typed ("Bogotá" from a Mac or from Windows).
        region = unicodedata.normalize("NFC", region_raw.strip())
        if not region and self.region_col is not None:
            return None
        if year_raw in self.years:
            year = self.years[year_raw]
        else:
            year = self.years[year_raw] = self._year(year_raw)
        if isinstance(year, Bad):
            return None
        return region, year

    def _block_bad(self, block: Block, values: Sequence[float]) -> None:
        count = len(self.specs)
        problems = self.problems
        for index, value in enumerate(values):
            if value is BAD:
                if problems.full:  # none of the rest would be listed: only count them
                    problems.dropped += values[index:].count(BAD)
                    return
                row, j = divmod(index, count)
                col, _, conv = self.specs[j]
                cell = block.cells[row * block.width + col]
                bad = conv.explain(cell)
                if bad is not None:
                    self.problem(bad.message, block.where(row), col, field=self.header[col],
                                 expected=bad.expected, found=shorten(cell))

    def _block_decimals(self, block: Block) -> None:
        """Numbers of one column must all use the same decimal separator (CSV)."""
        width = block.width
        for col, _, conv in self.decimal_specs:
            column = block.cells[col::width]
            joined = "\x1f".join(column)
            comma, point = "," in joined, "." in joined
            if not comma and not point:
                continue
            first = self.decimals.get(col)
            if first is not None and comma != point and first[0] == ("," if comma else "."):
                continue
            for i, cell in enumerate(column):
                self._decimal(col, cell, block.where(i), conv, col, self.header[col])

    def _decimal(self, key: int | str, cell: str, where: Where, conv: Converter,
                 col: int, field: str) -> None:
        """Remember the first decimal separator of ``key``; report a number using the other."""
        if "," in cell:
            separator = ","
        elif "." in cell:
            separator = "."
        else:
            return
        value = conv[cell]
        if value is BAD or value is SKIP:
            return
        first = self.decimals.get(key)
        if first is None:
            self.decimals[key] = (separator, where, cell)
            return
        if separator == first[0]:
            return
        names = {",": "comma", ".": "point"}
        line, row, _ = first[1]
        at = f"line {line}" if line is not None else f"row {row}"
        ind_id = conv.indicator.id
        self.problem(f"this number has a decimal {names[separator]}, but {ind_id!r} uses a "
                     f"decimal {names[first[0]]} earlier in this file ({at}: "
                     f"{first[2].strip()!r}): use one decimal separator (1.234 could mean "
                     "1234 or 1.234)", where, col, field=field,
                     expected=f"a decimal {names[first[0]]}, as on {at}", found=shorten(cell))

    def _bad_rows(self, block: Block, raw: Sequence[str], rows: Sequence[int]) -> None:
        """Report an empty region or a bad year on each row (blank rows are skipped)."""
        for i in rows:
            self._bad_row(raw, block.row_cells(i), block.where(i))

    def _respondents(self, key: RegionYear, block: Block, rows: Sequence[int] | None,
                     roles: RoleChunk) -> list[str]:
        """Register a group's respondents, per role, and return their ids row by row; a
        respondent id seen before in the region-year is noted for the second pass."""
        data, members = self.loader.region(key)
        path = self.table.path
        numbers = block.rows if rows is None else [block.rows[i] for i in rows]
        if self.respondent_col is None:
            ids = [f"{path}#{row}" for row in numbers]
        else:
            column = _taker(rows)(block.cells[self.respondent_col::block.width])
            ids = list(map(str.strip, column))
            if "" in ids:
                ids = [rid or f"{path}#{row}" for rid, row in zip(ids, numbers, strict=True)]
            if len(set(ids)) != len(ids) or not data.respondents.isdisjoint(ids):
                seen: set[str] = set()
                for rid in ids:
                    if rid in seen or rid in data.respondents:
                        self.loader.repeated.add((key[0], key[1], rid))
                    seen.add(rid)
        data.respondents.update(ids)
        if isinstance(roles, list):
            for role in set(roles):
                members[role or UNSPECIFIED_ROLE].update(
                    compress(ids, map(eq, roles, repeat(role))))
        else:
            members[roles or UNSPECIFIED_ROLE].update(ids)
        return ids

    def _bad_row(self, raw: Sequence[str], cells: Sequence[str], where: Where) -> bool:
        """Report an empty region or a bad year on this row; False for an all-blank row."""
        region_raw, year_raw = raw[0], raw[1]
        if not region_raw.strip() and self.region_col is not None:
            if not any(cell.strip() for cell in cells):
                self.table.data_rows -= 1
                return False
            self.problem("the region is empty", where, self.region_col,
                         field=self.header[self.region_col], expected=_EXPECTED_REGION,
                         found=shorten(region_raw))
        year = self.years.get(year_raw)
        if isinstance(year, Bad) and self.year_col is not None:
            self.problem(year.message, where, self.year_col, field=self.header[self.year_col],
                         expected=year.expected, found=shorten(year_raw))
        return True

    # -- long ---------------------------------------------------------------------------------

    def indicator_of(self, cells: Sequence[str], where: Where, resolved: dict[str, str | None],
                     ) -> str | None:
        """The indicator id of a long row (problems for an unknown or missing one)."""
        ind_col = self.plan.reserved["indicator"]
        text = cells[ind_col].strip()
        if text in resolved:
            ind_id = resolved[text]
        else:
            ind_id = resolved[text] = self.loader.match_indicator(text) if text else None
        if ind_id is None:
            value = cells[self.plan.reserved["value"]]
            expected = f"an indicator id of {self.loader.set.id!r}"
            if text:
                guess = self.loader.suggest(text, reserved=False)
                hint = f" (did you mean {guess!r}?)" if guess else ""
                self.problem(f"unknown indicator {text!r}{hint}", where, ind_col,
                             field=self.header[ind_col], expected=expected,
                             found=shorten(cells[ind_col]))
            elif value.strip():
                self.problem("the indicator is empty", where, ind_col,
                             field=self.header[ind_col], expected=expected,
                             found=shorten(cells[ind_col]))
        return ind_id

    def long(self) -> None:
        loader, table = self.loader, self.table
        path = table.path
        value_col = self.plan.reserved["value"]
        resolved: dict[str, str | None] = {}
        track = self.respondent_col is not None
        in_file: set[RespondentKey] = set()
        pairs: set[tuple[RespondentKey, str]] = set()
        for line, row, cells, info in table.rows:
            where = (line, row, info)
            if info is not None and info.kinds:
                cells = self.kinds(cells, where, info)
            meta = self.meta(cells, where)
            if meta is None:
                continue
            key, respondent, role = meta
            data, members = loader.region(key)
            ind_id = self.indicator_of(cells, where, resolved)
            rkey: RespondentKey | None = None
            if respondent is None:
                respondent = f"{path}#{row}"
            elif track:
                rkey = (key[0], key[1], respondent)
                if rkey not in in_file:
                    in_file.add(rkey)
                    if respondent in data.respondents:  # also in an earlier file
                        loader.repeated.add(rkey)
            data.respondents.add(respondent)
            members[role or UNSPECIFIED_ROLE].add(respondent)
            if ind_id is None:
                continue
            value = loader.converter(ind_id)[cells[value_col]]
            if value is BAD:
                bad = loader.converter(ind_id).explain(cells[value_col])
                if bad is not None:
                    self.problem(bad.message, where, value_col, field=ind_id,
                                 expected=bad.expected, found=shorten(cells[value_col]))
                continue
            if value is SKIP:
                continue
            if self.text_numbers and loader.converter(ind_id).indicator.type in NUMERIC:
                self._decimal(ind_id, cells[value_col], where, loader.converter(ind_id),
                              value_col, ind_id)
            if rkey is not None:
                if (rkey, ind_id) in pairs:
                    loader.repeated.add(rkey)
                pairs.add((rkey, ind_id))
            loader.answers(key, ind_id).add(value, role, respondent)

    # -- second pass: which indicators each repeated respondent answered -------------------------

    def respondent_rows(self, repeated: set[RespondentKey]
                        ) -> Iterator[tuple[RespondentKey, Where, list[tuple[int, str]]]]:
        """(respondent, where, answered (column, indicator id)) of rows of repeated respondents."""
        long = self.plan.layout == "long"
        resolved: dict[str, str | None] = {}
        for line, row, cells, info in self.table.rows:
            where = (line, row, info)
            if info is not None and info.kinds:
                cells = self.kinds(cells, where, info)
            meta = self.meta(cells, where)
            if meta is None or meta[1] is None:
                continue
            (region, year), respondent, _ = meta
            key = (region, year, respondent)
            if key not in repeated:
                continue
            answered: list[tuple[int, str]] = []
            if long:
                ind_id = self.indicator_of(cells, where, resolved)
                value_col = self.plan.reserved["value"]
                if ind_id is not None:
                    value = self.loader.converter(ind_id)[cells[value_col]]
                    if value is not SKIP and value is not BAD:
                        answered.append((value_col, ind_id))
            else:
                for col, ind_id in self.plan.indicators:
                    value = self.loader.converter(ind_id)[cells[col]]
                    if value is not SKIP and value is not BAD:
                        answered.append((col, ind_id))
            yield key, where, answered


def _file(answers: Answers, values: Sequence[float], ids: Sequence[str],
          roles: RoleChunk, selector: Sequence[object] | None) -> None:
    """Add a block's answered ``values`` of one indicator with their respondents and roles.

    ``ids`` and ``roles`` (a list per row, or one role for every row) cover all the block's
    rows; ``selector`` marks the rows that answered (None: every row did).
    """
    answers.values.extend(values)
    if selector is None:
        answers.respondents.extend(ids)
        if isinstance(roles, list):
            answers.roles.extend(roles)
            return
    else:
        answers.respondents.extend(compress(ids, selector))
        if isinstance(roles, list):
            answers.roles.extend(compress(roles, selector))
            return
    answers.roles.extend(repeat(roles, len(values)))
