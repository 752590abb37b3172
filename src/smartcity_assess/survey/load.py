"""Read survey files, check every cell against an indicator set, and merge them.

:func:`read_survey` is the one entry point. It reads each file with :mod:`.readers`, works out
the layout from the header (long when there are ``indicator`` and ``value`` columns, wide
otherwise), converts each cell with the indicator's :class:`~.values.Converter`, and files the
answers under their region-year. Every problem of every file is collected; if there is any, one
:class:`~smartcity_assess.errors.InputError` lists them all.

Speed: a wide file is handled a block of rows at a time. Each indicator column of a block is
converted in one C-level pass over a memoised converter (shared by indicators with the same
rules, so that lookups stay in cache); the block's region-year, respondent and role become one
code per row. The values go into columns (:mod:`.collect`) that become each region-year's
:class:`~.data.Answers` at the end of the file. Answers keep the file's row order. A
respondent id that occurs twice in a region-year triggers a second, slower pass that finds
any indicator answered twice.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import eq, itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import InputError, Problem, UsageError, shorten
from ..geo.model import AreaRef
from ..geo.read import clean_text
from ..indicators.model import Indicator, IndicatorSet
from ..scoring.results import InputFile
from . import readers
from .collect import LongAnswers, Part, WideAnswers
from .data import Answers, Labels, RegionData, RegionYear, SurveyData
from .readers import open_table
from .table import Block, Cell, Problems, RowInfo, Table, text_of
from .values import BAD, SKIP, Bad, Converter, parse_number, semantics

RESERVED: dict[str, str] = {
    "region": "region", "wilayah": "region", "daerah": "region",
    "year": "year", "tahun": "year",
    "respondent": "respondent", "responden": "respondent",
    "role": "role", "peran": "role",
    "indicator": "indicator", "indikator": "indicator",
    "value": "value", "nilai": "value",
    # the area inside the region a row is about (docs/survey-data.md, "Areas")
    "kecamatan": "kecamatan",
    "desa": "desa", "kelurahan": "desa",
    "area": "area",
    "kode": "kode", "kode_wilayah": "kode",
}
"""Reserved column names (compared case-insensitively, stripped) → their meaning."""
AREA_COLUMNS = ("kecamatan", "desa", "area", "kode")
"""Reserved meanings that name an area inside the region (all optional): a kecamatan, a desa
(or kelurahan), any other area, and the area's official code."""

YEAR_RANGE = (1900, 2100)
"""Valid years, inclusive."""
UNSPECIFIED_ROLE = "unspecified"
"""Key in :attr:`RegionData.roles` for respondents without a role."""
NUMERIC = ("number", "percent")
"""Indicator types whose cells are numbers written by people (decimal comma or point)."""

_ALIASES = {canonical: [a for a, c in RESERVED.items() if c == canonical and a != canonical]
            for canonical in sorted(set(RESERVED.values()))}
_EXPECTED_REGION = "a region name"
_EXPECTED_YEAR = f"a year from {YEAR_RANGE[0]} to {YEAR_RANGE[1]} (a whole number)"
_EXPECTED_RESERVED = {
    "region": _EXPECTED_REGION, "year": _EXPECTED_YEAR,
    "respondent": "a respondent id (text)", "role": "a role (text)",
    "indicator": "an indicator id", "value": "a value of the indicator's type",
    "kecamatan": "a kecamatan name", "desa": "a desa or kelurahan name",
    "area": "an area name", "kode": "an area code (text)",
}

Where = tuple[int | None, int, RowInfo | None]
"""(line, row, info) of a row, enough to locate any of its cells."""
RespondentKey = tuple[str, int | None, str]
"""(region, year, respondent)."""
PoolKey = tuple[RegionYear, str]
"""(region-year, indicator id)."""
RoleChunk = list[str | None] | str | None
"""Roles of a block's rows: one per row, or one role for all."""


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
        self.pool: dict[PoolKey, list[Answers]] = {}
        """(region-year, indicator) → answers of each file, filed into the regions at the end."""
        self.keys = Labels()
        """Region-years, numbered (the code of a row's region-year)."""
        self.role_labels = Labels()
        """Roles (and None), numbered; shared by every answer."""
        self.respondent_labels = Labels()
        """Respondent ids, numbered; shared by every answer."""
        self.area_labels = Labels()
        """Areas inside a region (:class:`~smartcity_assess.geo.model.AreaRef`), numbered;
        shared by every answer of files that name areas."""
        self.area_members: dict[RegionYear, defaultdict[int, set[str]]] = {}
        """Region-year → area code → its respondents."""
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
            candidates.update({n: n for n in ("region", "year", "respondent", "role",
                                              *AREA_COLUMNS)})
        found = difflib.get_close_matches(name.casefold(), list(candidates), n=1, cutoff=0.6)
        return candidates[found[0]] if found else None

    def region(self, key: RegionYear) -> tuple[RegionData, defaultdict[str, set[str]]]:
        """The region-year's data and its role → respondents map, created on first use."""
        data = self.survey.regions.get(key)
        if data is None:
            data = self.survey.regions[key] = RegionData()
            self.members[key] = defaultdict(set)
        return data, self.members[key]

    def file(self, parts: Iterator[Part]) -> None:
        """Take over the answers of a file, per region-year and indicator."""
        names = self.keys.names
        for code, ind_id, answers in parts:
            self.pool.setdefault((names[code], ind_id), []).append(answers)

    # -- one file -----------------------------------------------------------------------------

    def load(self, path: str | Path, sheet: str | None) -> None:
        table = open_table(path, sheet=sheet)
        if table.usable and table.sha256 in self.hashes:
            table.fail(f"this file has the same content as {self.hashes[table.sha256]!r} "
                       "(given twice?)", expected="each survey file once")
        if not table.usable:
            table.close()
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
        if table.usable and not self.problems and not table.problems:
            self.file(rows.answers.parts())
        if table.usable and table.data_rows <= 0:
            table.problems.append(Problem(
                table.path, "the file has no data rows", expected="at least one row of answers "
                "below the header", **table.locate_header(None)))
        self.collect(table.path, table.problems)
        years = [y for y in rows.years.values() if isinstance(y, int)]
        self.survey.files.append(InputFile(
            path=table.path, sha256=table.sha256, format=table.format, layout=plan.layout,
            rows=max(table.data_rows, 0), date=f"{max(years):04d}" if years else None,
            **_input_file_extras(table)))

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
        if "desa" in reserved and "area" in reserved:
            col = reserved.pop("area")
            first = reserved["desa"]
            table.problems.append(Problem(
                table.path, f"an area column beside the desa column {header[first]!r} "
                f"(column {first + 1}): both name the area of a row", field=header[col],
                expected="one of desa (or kelurahan) and area, with kecamatan and kode if "
                "wanted", found=shorten(header[col]), **table.locate_header(col)))
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
        first: dict[tuple[RespondentKey, int, str], tuple[str, int | None, int]] = {}
        for path, digest in self.tracked:
            table = open_table(path, sheet=sheet)
            if not table.usable or table.sha256 != digest:
                table.close()
                continue
            problems = Problems(readers.MAX_PROBLEMS)  # the first pass reported these already
            repeats = Problems(readers.MAX_PROBLEMS)
            plan = self.plan(table)
            rows = _Rows(self, table, plan, problems)
            for key, area, where, answered in rows.respondent_rows(self.repeated):
                line, row, _ = where
                for col, ind_id in answered:
                    # a source (BPS, a complaints export) answers once for each area
                    earlier = first.get((key, area, ind_id))
                    if earlier is None:
                        first[(key, area, ind_id)] = (table.path, line, row)
                        continue
                    region, year, respondent = key
                    place = region if year is None else f"{region} {year}"
                    at = (f"{earlier[0]} line {earlier[1]}" if earlier[1] is not None
                          else f"{earlier[0]} row {earlier[2]}")
                    repeats.append(Problem(
                        table.path, f"respondent {respondent!r} answers {ind_id!r} for {place} "
                        f"a second time (first in {at})", field=ind_id,
                        expected="one answer per respondent, indicator and region-year",
                        found="a second answer", **table.locate(line, row, col)))
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
        for (key, ind_id), parts in self.pool.items():
            regions[key].answers[ind_id] = Answers.concat(parts)
        self.pool.clear()
        names = self.area_labels.names
        for key, by_area in self.area_members.items():
            regions[key].areas = {names[code]: len(ids) for code, ids in sorted(by_area.items())}
        for data in regions.values():
            separate_area_facts(data, self.indicators)
        for key, members in self.members.items():
            data = regions[key]
            data.roles = {role: len(ids) for role, ids in sorted(members.items())}
            order = self.indicators
            data.answers = {ind_id: data.answers[ind_id] for ind_id in order
                            if ind_id in data.answers}
        return self.survey


def separate_area_facts(data: RegionData, indicators: Mapping[str, Indicator]) -> None:
    """Statistics given both for the whole region and per area: the per-area answers describe
    their areas, not the region (the regency's share of complaints closed is its own figure,
    not the mean of the kecamatan's). They move to :attr:`RegionData.area_answers`; statistics
    given per area only, and every survey answer, count for the region as before."""
    for ind_id, answers in list(data.answers.items()):
        codes = answers.area_codes
        indicator = indicators.get(ind_id)
        if codes is None or indicator is None or indicator.kind != "fact":
            continue
        tagged = codes >= 0
        if not tagged.any() or tagged.all():
            continue
        data.answers[ind_id] = _subset(answers, ~tagged)
        data.area_answers[ind_id] = _subset(answers, tagged)


def _subset(answers: Answers, keep: npt.NDArray[np.bool_]) -> Answers:
    respondents = answers.respondent_codes
    areas = answers.area_codes
    return Answers.of(answers.values[keep], answers.role_codes[keep], answers.role_labels,
                      respondents[keep] if respondents is not None else None,
                      answers.respondent_labels, areas[keep] if areas is not None else None,
                      answers.area_labels)


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
        self.area_cols = (reserved.get("kecamatan"), reserved.get("desa", reserved.get("area")),
                          reserved.get("kode"))
        """Columns of the kecamatan, the desa (or area) and the code; None where absent."""
        self.named_areas = any(col is not None for col in self.area_cols)
        self.area_codes: dict[tuple[str, ...], int] = {}
        """Raw (kecamatan, desa or area, code) cells → area code (−1: none)."""
        self.years: dict[Cell, int | Bad | None] = {"": None}
        self.roles: dict[str, str | None] = {"": None}
        self.targets: dict[tuple[str, Cell], RegionYear | None] = {}
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
        areas = loader.area_labels if self.named_areas else None
        self.answers: WideAnswers | LongAnswers = (
            LongAnswers(loader.role_labels, loader.respondent_labels, areas)
            if plan.layout == "long"
            else WideAnswers([ind_id for _, ind_id in plan.indicators], loader.role_labels,
                             loader.respondent_labels, areas))

    # -- cells common to both layouts ---------------------------------------------------------

    def problem(self, message: str, where: Where, col: int | None, *, field: str | None,
                expected: str | None, found: str | None) -> None:
        line, row, _ = where
        self.problems.append(Problem(self.table.path, message, field=field, expected=expected,
                                     found=found, **self.table.locate(line, row, col)))

    def kinds(self, cells: Sequence[Cell], where: Where, info: RowInfo) -> list[Cell]:
        """Cells that held a date, a list … in a column that is read are problems; blank them."""
        out = list(cells)
        for col, kind in info.kinds.items():
            meaning = self.used.get(col)
            if meaning is None:
                continue
            expected = self.indicator_expected.get(col) or _EXPECTED_RESERVED.get(meaning, "")
            text = text_of(out[col])
            found = f"{kind} {shorten(text)}" if text else kind
            self.problem(f"the cell holds {kind}", where, col, field=self.header[col],
                         expected=expected, found=found)
            out[col] = ""
        return out

    def _year(self, cell: Cell) -> int | Bad | None:
        text = text_of(cell).strip()
        if not text:
            return None
        value = parse_number(text)
        if value is None or not value.is_integer() or \
                not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            return Bad("not a year", _EXPECTED_YEAR)
        return int(value)

    def area_code(self, raw: tuple[str, ...]) -> int:
        """The area code of raw (kecamatan, desa or area, code) cells (−1: no area)."""
        found = self.area_codes.get(raw)
        if found is None:
            kecamatan, name, code = (clean_text(cell) for cell in raw)
            if not (kecamatan or name or code):
                found = -1
            else:
                ref = AreaRef(name or kecamatan, kecamatan if name and kecamatan else None,
                              code or None)
                found = self.loader.area_labels.code(ref)
            self.area_codes[raw] = found
        return found

    def row_area(self, cells: Sequence[Cell]) -> int:
        """The area code of a row (−1: the row is about the whole region)."""
        if not self.named_areas:
            return -1
        return self.area_code(tuple("" if col is None else text_of(cells[col])
                                    for col in self.area_cols))

    def _block_areas(self, block: Block) -> npt.NDArray[np.int32] | None:
        """The area code of each row of a block (None when the file names no area)."""
        if not self.named_areas:
            return None
        empty = [""] * len(block)
        columns = [block.texts(col) if col is not None else empty for col in self.area_cols]
        return np.array([self.area_code(raw) for raw in zip(*columns, strict=True)],
                        dtype=np.int32)

    def place(self, key: RegionYear, ids: Sequence[str], codes: Sequence[int]) -> None:
        """Count respondents per area (a source such as BPS may answer for several)."""
        members = self.loader.area_members.setdefault(key, defaultdict(set))
        for rid, code in zip(ids, codes, strict=True):
            if code >= 0:
                members[code].add(rid)

    def meta(self, cells: Sequence[Cell], where: Where
             ) -> tuple[RegionYear, str | None, str | None] | None:
        """(region-year, respondent or None, role) of a row; None for an all-blank row."""
        region = ""
        if self.region_col is not None:
            raw = text_of(cells[self.region_col])
            region = unicodedata.normalize("NFC", raw.strip())
            if not region:
                if not any(text_of(cell).strip() for cell in cells):
                    self.table.data_rows -= 1
                    return None
                self.problem("the region is empty", where, self.region_col,
                             field=self.header[self.region_col], expected=_EXPECTED_REGION,
                             found=shorten(raw))
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
                             found=shorten(text_of(cell)))
            else:
                year = parsed
        respondent = None
        if self.respondent_col is not None:
            respondent = text_of(cells[self.respondent_col]).strip() or None
        role = None
        if self.role_col is not None:
            text = text_of(cells[self.role_col])
            if text in self.roles:
                role = self.roles[text]
            else:
                role = self.roles[text] = text.strip().lower() or None
        return (region, year), respondent, role

    # -- wide ---------------------------------------------------------------------------------

    def wide(self) -> None:
        """Convert the file a block of rows at a time (see :meth:`block`)."""
        for block in self.table.blocks:
            if block.infos is not None:
                self._block_kinds(block)
            self.block(block)

    def _block_kinds(self, block: Block) -> None:
        """Report and blank the cells of a block that held a date, a list …"""
        assert block.infos is not None
        width = block.width
        for i, info in enumerate(block.infos):
            if info is not None and info.kinds:
                cells = self.kinds(block.row_cells(i), block.where(i), info)
                block.cells[i * width:(i + 1) * width] = cells

    def block(self, block: Block) -> None:
        """Check and file the answers of a block of wide rows.

        Each indicator column of the block is converted in C-level passes over its memoised
        converter (or ``float``, for columns of distinct numbers: :meth:`.Converter.answers`);
        "not answered" cells become NaN. Bad cells are reported in row order. The rows of the
        usual block share one region-year; otherwise they are grouped by region-year, and rows
        with an empty region or a bad year are reported and not filed.
        """
        loader = self.loader
        width, cells, size = block.width, block.cells, len(block)
        region_col, year_col = self.region_col, self.year_col
        regions = block.texts(region_col) if region_col is not None else None
        years = block.column(year_col) if year_col is not None else None
        columns = []
        bad: list[tuple[int, list[int]]] = []
        for j, (col, _, conv) in enumerate(self.specs):
            values, wrong, self.distinct[j] = conv.column(cells[col::width], self.distinct[j],
                                                          block.typed)
            columns.append(values)
            if wrong:
                bad.append((j, wrong))
        if bad:
            self._block_bad(block, bad)
        if self.decimal_specs:
            self._block_decimals(block)
        roles = self._block_roles(block)
        areas = self._block_areas(block)
        groups: list[tuple[tuple[str, Cell], list[int] | None]]
        if (regions is None or len(set(regions)) == 1) and (years is None or
                                                            len(set(years)) == 1):
            groups = [((regions[0] if regions else "", years[0] if years else ""), None)]
        else:
            members: dict[tuple[str, Cell], list[int]] = {}
            keys = zip(regions if regions is not None else repeat(""),
                       years if years is not None else repeat(""), strict=False)
            for i, key in enumerate(keys):
                found = members.get(key)
                if found is None:
                    members[key] = [i]
                else:
                    found.append(i)
            groups = list(members.items())
        role_labels = loader.role_labels
        if isinstance(roles, list):
            role_codes = np.array(role_labels.codes(roles), dtype=np.int32)
        else:
            role_codes = np.full(size, role_labels.code(roles), dtype=np.int32)
        if len(groups) == 1 and groups[0][1] is None:
            target = self._target(groups[0][0])
            if target is None:
                self._bad_rows(block, groups[0][0], range(size))
                group_codes = np.full(size, -1, dtype=np.int32)
                respondents = np.full(size, -1, dtype=np.int32)
            else:
                ids = self._respondents(target, block, None, roles)
                if areas is not None:
                    self.place(target, ids, areas.tolist())
                group_codes = np.full(size, loader.keys.code(target), dtype=np.int32)
                respondents = np.array(loader.respondent_labels.codes(ids), dtype=np.int32)
        else:
            group_codes = np.full(size, -1, dtype=np.int32)
            respondents = np.full(size, -1, dtype=np.int32)
            for raw, rows in groups:
                target = self._target(raw)
                if target is None:
                    self._bad_rows(block, raw, range(size) if rows is None else rows)
                    continue
                group_roles: RoleChunk = list(_taker(rows)(roles)) if isinstance(
                    roles, list) else roles
                ids = self._respondents(target, block, rows, group_roles)
                if areas is not None:
                    chosen = range(size) if rows is None else rows
                    self.place(target, ids, [int(areas[i]) for i in chosen])
                group_codes[rows] = loader.keys.code(target)
                respondents[rows] = loader.respondent_labels.codes(ids)
        answers = self.answers
        assert isinstance(answers, WideAnswers)
        answers.add(group_codes, respondents, role_codes, columns, areas)

    def _target(self, raw: tuple[str, Cell]) -> RegionYear | None:
        """The region-year of raw (region, year) cells (remembered)."""
        if raw in self.targets:
            return self.targets[raw]
        target = self.targets[raw] = self._region_year(raw)
        return target

    def _block_roles(self, block: Block) -> RoleChunk:
        """Normalised roles of a block's rows: a list, or one role for all rows."""
        if self.role_col is None:
            return None
        raw = block.texts(self.role_col)
        distinct = set(raw)
        for cell in distinct:
            if cell not in self.roles:
                self.roles[cell] = cell.strip().lower() or None
        if len(distinct) == 1:
            return self.roles[raw[0]]
        return list(map(self.roles.__getitem__, raw))

    def _region_year(self, raw: tuple[str, Cell]) -> RegionYear | None:
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

    def _block_bad(self, block: Block, found: Sequence[tuple[int, list[int]]]) -> None:
        """Report the bad cells of a block (per indicator, its bad rows), in row order."""
        problems = self.problems
        bad = sorted((row, j) for j, rows in found for row in rows)
        for index, (row, j) in enumerate(bad):
            if problems.full:  # none of the rest would be listed: only count them
                problems.dropped += len(bad) - index
                return
            col, _, conv = self.specs[j]
            cell = block.cells[row * block.width + col]
            explained = conv.explain(cell)
            if explained is not None:
                self.problem(explained.message, block.where(row), col, field=self.header[col],
                             expected=explained.expected, found=shorten(text_of(cell)))

    def _block_decimals(self, block: Block) -> None:
        """Numbers of one column must all use the same decimal separator (CSV)."""
        for col, _, conv in self.decimal_specs:
            column = block.texts(col)
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

    def _bad_rows(self, block: Block, raw: tuple[str, Cell], rows: Sequence[int]) -> None:
        """Report an empty region or a bad year on each row (blank rows are skipped)."""
        for i in rows:
            self._bad_row(raw, block.row_texts(i), block.where(i))

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
            column = _taker(rows)(block.texts(self.respondent_col))
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

    def _bad_row(self, raw: tuple[str, Cell], cells: Sequence[str], where: Where) -> bool:
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
                         expected=year.expected, found=shorten(text_of(year_raw)))
        return True

    # -- long ---------------------------------------------------------------------------------

    def indicator_of(self, cells: Sequence[Cell], where: Where,
                     resolved: dict[str, str | None]) -> str | None:
        """The indicator id of a long row (problems for an unknown or missing one)."""
        ind_col = self.plan.reserved["indicator"]
        raw = text_of(cells[ind_col])
        text = raw.strip()
        if text in resolved:
            ind_id = resolved[text]
        else:
            ind_id = resolved[text] = self.loader.match_indicator(text) if text else None
        if ind_id is None:
            value = text_of(cells[self.plan.reserved["value"]])
            expected = f"an indicator id of {self.loader.set.id!r}"
            if text:
                guess = self.loader.suggest(text, reserved=False)
                hint = f" (did you mean {guess!r}?)" if guess else ""
                self.problem(f"unknown indicator {text!r}{hint}", where, ind_col,
                             field=self.header[ind_col], expected=expected,
                             found=shorten(raw))
            elif value.strip():
                self.problem("the indicator is empty", where, ind_col,
                             field=self.header[ind_col], expected=expected,
                             found=shorten(raw))
        return ind_id

    def long(self) -> None:
        loader, table = self.loader, self.table
        path = table.path
        value_col = self.plan.reserved["value"]
        resolved: dict[str, str | None] = {}
        track = self.respondent_col is not None
        in_file: set[RespondentKey] = set()
        pairs: set[tuple[RespondentKey, str]] = set()
        answers = self.answers
        assert isinstance(answers, LongAnswers)
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
            area = self.row_area(cells)
            if area >= 0:
                self.place(key, (respondent,), (area,))
            if ind_id is None:
                continue
            cell = cells[value_col]
            value = loader.converter(ind_id)[cell]
            if value is BAD:
                bad = loader.converter(ind_id).explain(cell)
                if bad is not None:
                    self.problem(bad.message, where, value_col, field=ind_id,
                                 expected=bad.expected, found=shorten(text_of(cell)))
                continue
            if value is SKIP:
                continue
            if self.text_numbers and loader.converter(ind_id).indicator.type in NUMERIC:
                self._decimal(ind_id, text_of(cell), where, loader.converter(ind_id),
                              value_col, ind_id)
            if rkey is not None:
                if (rkey, ind_id) in pairs:
                    loader.repeated.add(rkey)
                pairs.add((rkey, ind_id))
            answers.add(loader.keys.code(key), loader.respondent_labels.code(respondent),
                        loader.role_labels.code(role), ind_id, value, area)

    # -- second pass: which indicators each repeated respondent answered -------------------------

    def respondent_rows(self, repeated: set[RespondentKey]
                        ) -> Iterator[tuple[RespondentKey, int, Where, list[tuple[int, str]]]]:
        """(respondent, area code, where, answered (column, indicator id)) of rows of
        repeated respondents."""
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
            yield key, self.row_area(cells), where, answered
