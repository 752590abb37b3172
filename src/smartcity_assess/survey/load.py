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

import csv
import difflib
import math
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, repeat
from operator import eq, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from ..errors import InputError, Problem, UsageError, shorten
from ..geo.model import AreaRef
from ..geo.read import clean_text
from ..indicators.model import Indicator, IndicatorSet
from ..notices import Notice
from ..scoring.results import InputFile
from . import checks, kobo, readers
from .checks import MAX_CANDIDATES, Sightings
from .collect import LongAnswers, Part, WideAnswers
from .data import Answers, Labels, RegionData, RegionYear, SurveyData
from .formats import csv as csv_text
from .formats.csv_columns import COMMA, POINT, Fields, split
from .readers import open_table
from .roles import Roles
from .table import REGION_COLUMNS, Block, Cell, PlainText, Problems, RowInfo, Table, text_of
from .usage import FileUsage, role_weights, short_pairs, unused_of
from .values import BAD, SKIP, Bad, Converter, parse_number, semantics

RESERVED: dict[str, str] = {
    "region": "region", "wilayah": "region", "daerah": "region",
    "year": "year", "tahun": "year",
    "respondent": "respondent", "responden": "respondent",
    "role": "role", "peran": "role",
    "indicator": "indicator", "indikator": "indicator",
    "value": "value", "nilai": "value",
    "weight": "weight", "bobot": "weight",
    "stratum": "stratum", "strata": "stratum",
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

FAST_CSV = True
"""Read plain CSV files column by column where every cell is in order (False: every file
through the blocks of cells; the tests compare both)."""

_ALIASES = {canonical: [a for a, c in RESERVED.items() if c == canonical and a != canonical]
            for canonical in sorted(set(RESERVED.values()))}
_EXPECTED_REGION = "a region name"
_EXPECTED_YEAR = f"a year from {YEAR_RANGE[0]} to {YEAR_RANGE[1]} (a whole number)"
_EXPECTED_RESERVED = {
    "region": _EXPECTED_REGION, "year": _EXPECTED_YEAR,
    "respondent": "a respondent id (text)", "role": "a role (text)",
    "indicator": "an indicator id", "value": "a value of the indicator's type",
    "weight": "a positive number (the respondent's design weight)",
    "stratum": "a stratum name (text)",
    "kecamatan": "a kecamatan name", "desa": "a desa or kelurahan name",
    "area": "an area name", "kode": "an area code (text)",
}

if TYPE_CHECKING:
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.int64]

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
    if not loader.problems:
        loader.check_facts(sheet)
    return loader.finish()


@dataclass
class _Plan:
    """What each column of one file means."""

    layout: str
    reserved: dict[str, int] = field(default_factory=dict)
    """Reserved meaning (``region`` …) → column."""
    indicators: list[tuple[int, str]] = field(default_factory=list)
    """(column, indicator id) of a wide file."""
    ignored: list[int] = field(default_factory=list)
    """Columns skipped by ``ignore_columns`` / ``--ignore-column`` (their values are
    counted as unused)."""
    export: bool = False
    """The file is a form tool's export (:mod:`.kobo`)."""
    metadata: list[int] = field(default_factory=list)
    """The form tool's own columns, skipped."""
    relabel: dict[int, dict[str, str]] = field(default_factory=dict)
    """Column → option label → value, for answers exported as labels."""
    submission: int | None = None
    """The column identifying each submission (``_uuid``), in an export."""

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
        self.tracked: list[tuple[str | Path, str, str | None, str]] = []
        """(path, sha256, sheet of a form workbook, label) of files with a respondent
        column."""
        self.rules = Roles(indicator_set)
        self._labels: kobo.Labels | None = None
        self.submissions: dict[str, tuple[Cell, ...]] = {}
        """Submission id (``_uuid``) → the answers of its first row, over every file."""
        self.copies: set[tuple[str, int]] = set()
        """(file, row) of submissions left out as duplicates."""
        """Whose answer counts for which indicator (:mod:`.roles`)."""
        self.ambiguous = frozenset(ind_id for ind_id, ind in self.indicators.items()
                                   if self.rules.ambiguous(ind))
        """Indicators an answer without a role cannot go to (they ask several roles)."""
        self.usages: list[FileUsage] = []
        self.sightings = Sightings()
        """What the analyst's checks need (:mod:`.checks`)."""
        self.means: dict[tuple[int, str], list[float]] = {}
        """(region-year code, indicator id) → [sum, answers] of numbers and percentages."""
        """What each file of :attr:`SurveyData.files` gave, for the record of unused answers."""
        self._weights: dict[str, Any] = {}
        """Indicator id → weight of each role code (0: the answer does not count)."""
        self.read: list[tuple[str | Path, str, str | None, str]] = []
        """(path, sha256, sheet of a form workbook, label) of every file read (for the check
        of facts)."""

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

    def labels(self) -> kobo.Labels:
        """The labels of the set's forms (made on first use: only exports need them)."""
        if self._labels is None:
            self._labels = kobo.Labels(self.set)
        return self._labels

    def export_field(self, name: str) -> str | None:
        """What a column of a form tool's export holds: its name when the set knows it, the
        field after its group, the field whose label it is; None for the tool's own
        columns (``_uuid`` …)."""
        if name.casefold() in RESERVED or self.match_indicator(name) is not None:
            return name
        if kobo.is_metadata(name):
            return None
        known = {ind_id.casefold() for ind_id in self.indicators} | set(RESERVED)
        return kobo.ungrouped(name, known) or self.labels().field(name) or name

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

    def file(self, parts: Iterator[Part], usage: FileUsage, index: int) -> None:
        """Take over the answers of a file, per region-year and indicator: an answer without
        a role becomes the answer of the one role its indicator asks (:mod:`.roles`, rule
        3), and every answer is counted by role (:mod:`.usage`)."""
        names = self.keys.names
        labels = self.role_labels
        none = labels.index.get(None)
        for code, ind_id, answers in parts:
            indicator = self.indicators[ind_id]
            if none is not None:
                implied = self.rules.implied(indicator)
                if implied is not None:
                    answers = _with_role(answers, none, labels.code(implied))
            weights = self._weights.get(ind_id)
            if weights is None or len(weights) < len(labels):
                weights = self._weights[ind_id] = role_weights(self.rules, indicator,
                                                               labels.names)
            usage.add(code, indicator, answers, weights)
            self.pool.setdefault((names[code], ind_id), []).append(answers)
            origin = self.sightings.origin
            if (code, ind_id) not in origin:
                origin[(code, ind_id)] = index
            if indicator.type in NUMERIC:
                total = self.means.get((code, ind_id))
                if total is None:
                    self.means[(code, ind_id)] = [float(answers.values.sum()), len(answers)]
                else:
                    total[0] += float(answers.values.sum())
                    total[1] += len(answers)

    # -- one file -----------------------------------------------------------------------------

    def load(self, path: str | Path, sheet: str | None) -> None:
        table = open_table(path, sheet=sheet)
        if (sheet is None and table.usable and table.role is not None
                and len(table.sheets) > 1):
            table.close()
            self.load_form(path, table.sheets)
            return
        self.load_table(table, path, sheet)

    def load_form(self, path: str | Path, sheets: Sequence[str]) -> None:
        """A workbook whose first sheet declares its role (``peran: warga``, as the
        workbook of ``survey template`` does): every visible sheet with a region column is
        read, as ``file[sheet]``; a sheet nobody filled in is left out."""
        filled = 0
        for name in sheets:
            table = open_table(path, sheet=name, label=f"{path}[{name}]")
            if table.usable and not REGION_COLUMNS & {h.casefold() for h in table.header}:
                table.close()  # the questions or the instructions
                continue
            filled += self.load_table(table, path, name, form=True)
        if not filled:
            self.problems.append(Problem(
                str(path), "the file has no data rows", expected="at least one row of answers "
                "below the header of a role's sheet"))

    def load_table(self, table: Table, path: str | Path, sheet: str | None,
                   form: bool = False) -> int:
        """Read one opened table (a file, or a sheet of a form workbook); returns its data
        rows. An empty sheet of a form workbook is no problem (and no input file)."""
        digest = f"{table.sha256}[{sheet}]" if form else table.sha256
        if table.usable and digest in self.hashes:
            table.fail(f"this file has the same content as {self.hashes[digest]!r} "
                       "(given twice?)", expected="each survey file once")
        if not table.usable:
            table.close()
            self.collect(table.path, table.problems)
            return 0
        self.hashes[digest] = table.path
        self.read.append((path, table.sha256, sheet if form else None, table.path))
        plan = self.plan(table)
        usage = FileUsage()
        rows = _Rows(self, table, plan, usage=usage)
        if "respondent" in plan.reserved:
            self.tracked.append((path, table.sha256, sheet if form else None, table.path))
        if plan.layout == "long":
            rows.long()
        elif not rows.fast_wide():
            rows.wide()
        rows.role_problems()
        if table.usable and not self.problems and not table.problems:
            self.file(rows.answers.parts(), usage, rows.file_index)
        if table.usable and table.data_rows <= 0:
            if form:
                self.collect(table.path, table.problems)
                return 0
            table.problems.append(Problem(
                table.path, "the file has no data rows", expected="at least one row of answers "
                "below the header", **table.locate_header(None)))
        self.collect(table.path, table.problems)
        years = [y for y in rows.years.values() if isinstance(y, int)]
        self.survey.files.append(InputFile(
            path=table.path, sha256=table.sha256, format=table.format, layout=plan.layout,
            rows=max(table.data_rows, 0), date=f"{max(years):04d}" if years else None,
            **_input_file_extras(table)))
        self.usages.append(usage)
        return max(table.data_rows, 0)

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
        ignored: list[int] = []
        metadata: list[int] = []
        relabel: dict[int, dict[str, str]] = {}
        submission: int | None = None
        by_indicator: dict[str, int] = {}
        unknown: list[int] = []
        header = table.header
        export = kobo.is_export(header)
        for col, name in enumerate(header):
            if col in table.skip_columns:
                continue
            key = name.casefold()
            if key in self.ignore:
                ignored.append(col)
                continue
            written = name
            if export:
                found = self.export_field(name)
                if found is None:
                    metadata.append(col)
                    continue
                name, key = found, found.casefold()
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
            name = written
        if export:
            submission = kobo.submission_column(header)
            if "respondent" not in reserved and submission is not None:
                reserved["respondent"] = submission  # a submission is one respondent
            relabel = {col: labels for col, ind_id in indicators
                       if (labels := self.labels().values(ind_id))}
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
        return _Plan("long" if long else "wide", reserved, [] if long else indicators, ignored,
                     export, metadata, relabel, submission)

    # -- respondents answering twice ------------------------------------------------------------

    def check_repeats(self, sheet: str | None) -> None:
        """Second pass over files with a respondent column, only when some respondent id
        occurs in more than one row of a region-year: the same indicator answered twice is a
        problem (wherever the two answers are, across files too)."""
        first: dict[tuple[RespondentKey, int, str], tuple[str, int | None, int]] = {}
        for path, digest, form_sheet, label in self.tracked:
            table = open_table(path, sheet=form_sheet or sheet, label=label)
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

    # -- facts: one authoritative answer ---------------------------------------------------------

    def check_facts(self, sheet: str | None) -> None:
        """Respondents who disagree on a ``kind: fact`` indicator (docs/survey-data.md): every
        answer of the disagreeing region-years is a problem naming file, row, respondent and
        value (found in a second pass over the files, only when there is a disagreement)."""
        from .facts import disagreements

        found = disagreements(self.pool, self.indicators)
        if not found:
            return
        for path, digest, form_sheet, label in self.read:
            table = open_table(path, sheet=form_sheet or sheet, label=label)
            if not table.usable or table.sha256 != digest:
                table.close()
                continue
            problems = Problems(readers.MAX_PROBLEMS)
            plan = self.plan(table)
            rows = _Rows(self, table, plan, Problems(readers.MAX_PROBLEMS))
            for where, key, respondent, role, col, ind_id, cell in rows.answer_rows(found):
                region, year = key
                place = region if year is None else f"{region} {year}"
                problems.append(Problem(
                    table.path, f"respondents disagree on the fact {ind_id!r} for {place} "
                    f"({found[(key, ind_id)]}): respondent {respondent!r}"
                    + (f" (role {role})" if role else "") + f" answers {shorten(cell)}",
                    field=ind_id, expected="one answer that every authoritative respondent "
                    "gives (a fact is not averaged)", found=shorten(cell),
                    **table.locate(where[0], where[1], col)))
            self.collect(table.path, problems)

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
        short = self.account()
        self.survey.notices.extend(self.checks(short))
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


    def checks(self, short: dict[tuple[int, str], int]) -> list[Notice]:
        """The analyst's checks (:mod:`.checks`), as notices."""
        keys = self.keys.names
        sightings = self.sightings
        first: dict[str, str] = {}
        for (_, code), at in sightings.first.items():  # in reading order
            first.setdefault(keys[code][0], at)
        where = {key: sightings.first.get((index, key[0]), "")
                 for key, index in sightings.origin.items()}
        means = {key: (total / n, int(n)) for key, (total, n) in self.means.items() if n}
        wanted = {ind_id for _, ind_id, _, _ in sightings.fractions}
        values = {ind_id: np.concatenate([region.answers[ind_id].values
                                          for region in self.survey.regions.values()
                                          if ind_id in region.answers])
                  for ind_id in wanted}
        fractions, flagged = checks.percent_fractions(sightings.fractions, values, keys)
        return [*checks.region_spelling(first),
                *fractions,
                *checks.value_jumps(keys, means, self.indicators, where, flagged),
                *checks.respondent_regions(sightings),
                *checks.below_min_answers(short, keys, self.indicators)]

    def account(self) -> dict[tuple[int, str], int]:
        """Each file's answers read, used, and unused by reason (:mod:`.usage`); returns
        the (region-year, indicator) pairs below ``min_answers``."""
        usable: defaultdict[tuple[int, str], int] = defaultdict(int)
        for usage in self.usages:
            for key, n in usage.usable.items():
                usable[key] += n
        short = short_pairs(usable, self.indicators)
        files = self.survey.files
        for i, usage in enumerate(self.usages):
            read, used, unused = unused_of(usage, self.rules, self.indicators,
                                           self.role_labels.names, short)
            files[i] = replace(files[i], answers=read, used=used, unused=unused)
        return short


class _Places(Sequence[str]):
    """``file:line`` of the rows of a block, computed only for the rows asked for."""

    def __init__(self, rows: _Rows, block: Block, kept: np.ndarray[Any, Any] | None) -> None:
        self.rows, self.block, self.kept = rows, block, kept

    def __getitem__(self, i: Any) -> Any:
        row = int(self.kept[i]) if self.kept is not None else int(i)
        return self.rows.at(self.block.where(row))

    def __len__(self) -> int:
        return len(self.kept) if self.kept is not None else len(self.block)


class _FastPlaces(Sequence[str]):
    """``file:line`` of the rows :meth:`_Rows.fast_wide` read, computed only when asked."""

    def __init__(self, rows: _Rows, plain: PlainText, positions: IntArray) -> None:
        self.rows, self.plain, self.positions = rows, plain, positions

    def __getitem__(self, i: Any) -> Any:
        return self.rows.at(self.rows._fast_where(self.plain, self.positions, int(i)))

    def __len__(self) -> int:
        return len(self.positions)


def _with_role(answers: Answers, none: int, code: int) -> Answers:
    """``answers`` with the role code ``none`` (no role) replaced by ``code``."""
    codes = answers.role_codes
    missing = codes == none
    if not missing.any():
        return answers
    fitted = codes.astype(np.int32) if code > np.iinfo(codes.dtype).max else codes.copy()
    fitted[missing] = code
    return Answers.of(answers.values, fitted, answers.role_labels, answers.respondent_codes,
                      answers.respondent_labels)


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
                 problems: Problems | None = None, usage: FileUsage | None = None) -> None:
        self.loader = loader
        self.table = table
        self.plan = plan
        self.problems = table.problems if problems is None else problems
        self.usage = FileUsage() if usage is None else usage
        self.header = table.header
        reserved = plan.reserved
        self.region_col = reserved.get("region")
        self.year_col = reserved.get("year")
        self.respondent_col = reserved.get("respondent")
        self.role_col = reserved.get("role")
        self.weight_col = reserved.get("weight")
        self.stratum_col = reserved.get("stratum")
        self.area_cols = (reserved.get("kecamatan"), reserved.get("desa", reserved.get("area")),
                          reserved.get("kode"))
        """Columns of the kecamatan, the desa (or area) and the code; None where absent."""
        self.named_areas = any(col is not None for col in self.area_cols)
        self.area_codes: dict[tuple[str, ...], int] = {}
        """Raw (kecamatan, desa or area, code) cells → area code (−1: none)."""
        self.years: dict[Cell, int | Bad | None] = {"": None}
        self.default_role = loader.rules.default
        """The role of a row without one: the sheet's (``peran: warga`` above the header),
        else the set's ``default_role``, else None."""
        self.roles: dict[str, str | None] = {"": self.default_role}
        """Role cell as written → the role (:mod:`.roles`)."""
        self.bad_roles: dict[str, list[Any]] = {}
        """Role cell naming a role no indicator asks → [what to say, first row, rows]."""
        self.no_role: dict[str, list[Any]] = {}
        """Indicator asking several roles, answered without one → [first row, column, rows]."""
        self.targets: dict[tuple[str, Cell], RegionYear | None] = {}
        self.specs = [(col, ind_id, loader.converter(ind_id)) for col, ind_id in plan.indicators]
        self.ambiguous = [j for j, (_, ind_id, _) in enumerate(self.specs)
                          if ind_id in loader.ambiguous]
        if table.role is not None:
            self.sheet_role(table.role)
        self.percent_specs = [j for j, (_, ind_id, _) in enumerate(self.specs)
                              if loader.indicators[ind_id].type == "percent"]
        self.sightings = loader.sightings
        self.file_index = len(loader.survey.files)
        self.region_of: list[int] = []
        """Region-year code → region code of :attr:`.Sightings.regions`."""
        """Indicators (positions in :attr:`specs`) that an answer without a role cannot go to."""
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
                              code or None, None if name else "kecamatan")
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
        role = self.default_role
        if self.role_col is not None:
            text = text_of(cells[self.role_col])
            if text in self.roles:
                role = self.roles[text]
            else:
                role = self.roles[text] = self.resolve_role(text)
            if role in self.bad_roles:
                self.bad_role(role, where, 1)
        return (region, year), respondent, role

    # -- survey design: a respondent's weight and stratum ---------------------------------------

    def design_cells(self, data: RegionData, respondent: str, cells: Sequence[Cell],
                     where: Where) -> None:
        """Record a row's design weight and stratum for its respondent (docs/survey-data.md):
        a positive number and a text; one of each per respondent and region-year."""
        if self.weight_col is not None:
            col = self.weight_col
            raw = text_of(cells[col]).strip()
            weight = parse_number(raw)
            if weight is None or not math.isfinite(weight) or weight <= 0:
                self.problem("the weight is empty" if not raw else "not a design weight",
                             where, col, field=self.header[col],
                             expected=_EXPECTED_RESERVED["weight"], found=shorten(raw))
            else:
                self._one_per_respondent(data.weights, respondent, weight, "weight", where, col)
        if self.stratum_col is not None:
            col = self.stratum_col
            raw = text_of(cells[col]).strip()
            if not raw:
                self.problem("the stratum is empty", where, col, field=self.header[col],
                             expected=_EXPECTED_RESERVED["stratum"], found=shorten(raw))
            else:
                self._one_per_respondent(data.strata, respondent,
                                         unicodedata.normalize("NFC", raw), "stratum", where,
                                         col)

    def _one_per_respondent(self, store: dict[str, Any], respondent: str, value: object,
                            meaning: str, where: Where, col: int) -> None:
        earlier = store.get(respondent)
        if earlier is None:
            store[respondent] = value
        elif earlier != value:
            self.problem(f"respondent {respondent!r} has a second {meaning} ({earlier!r} "
                         "before)", where, col, field=self.header[col],
                         expected=f"one {meaning} per respondent and region-year",
                         found=shorten(text_of(value) if isinstance(value, str)
                                       else f"{value:g}"))

    # -- roles --------------------------------------------------------------------------------

    def sheet_role(self, written: str) -> None:
        """The role a worksheet declares for its rows; one no indicator asks is a problem at
        the declaration."""
        rules = self.loader.rules
        unknown = rules.unknown(written)
        if unknown is not None and self.table.role_cell is not None:
            row, col = self.table.role_cell
            hint = f" (did you mean {unknown.guess!r}?)" if unknown.guess else ""
            self.problem(f"the sheet's role {written!r} is not asked by any indicator of "
                         f"{self.loader.set.id!r}{hint}", (None, row, None), col,
                         field="role", expected=f"a role the set asks: {rules.listed()}",
                         found=shorten(written))
            self.ambiguous = []  # the rows' role is this one, said once
            return
        self.default_role = self.roles[""] = rules.resolve_name(written)

    def resolve_role(self, text: str) -> str | None:
        """The role of a role cell (:mod:`.roles`); a role no indicator asks is remembered
        for :meth:`role_problems`."""
        written = text.strip()
        if not written:
            return self.default_role
        rules = self.loader.rules
        role = rules.resolve_name(written)
        if role not in self.bad_roles:
            unknown = rules.unknown(written)
            if unknown is not None:
                self.bad_roles[role] = [unknown, None, 0]
        return role

    def bad_role(self, role: str, where: Where, rows: int) -> None:
        """Count rows with a role no indicator asks (the first one is where it is shown)."""
        entry = self.bad_roles[role]
        if entry[1] is None:
            entry[1] = where
        entry[2] += rows

    def no_role_answers(self, ind_id: str, where: Where, col: int, rows: int) -> None:
        """Count answers without a role to an indicator that asks several roles."""
        entry = self.no_role.get(ind_id)
        if entry is None:
            self.no_role[ind_id] = [where, col, rows]
        else:
            entry[2] += rows

    def role_problems(self) -> None:
        """One problem per role no indicator asks and per indicator answered without the
        role it needs, at the first row, with the number of rows."""
        loader = self.loader
        for unknown, where, rows in self.bad_roles.values():
            if where is None or self.role_col is None:
                continue
            hint = f" (did you mean {unknown.guess!r}?)" if unknown.guess else ""
            count = f" (on {rows:,} rows)" if rows > 1 else ""
            self.problem(f"role {unknown.written!r} is not asked by any indicator of "
                         f"{loader.set.id!r}{hint}{count}", where, self.role_col,
                         field=self.header[self.role_col],
                         expected=f"a role the set asks: {loader.rules.listed()}",
                         found=shorten(unknown.written))
        for ind_id, (where, col, rows) in self.no_role.items():
            asked = loader.indicators[ind_id].roles
            count = f" (on {rows:,} rows)" if rows > 1 else ""
            self.problem(f"{ind_id!r} is answered without a role, but it asks several roles "
                         f"({', '.join(asked)}): the role says whose answer it is{count}",
                         where, col, field=self.header[col],
                         expected="a role column (role or peran) naming one of "
                         f"{', '.join(asked)}, or a default_role in the set",
                         found="no role column" if self.role_col is None else "no role")

    # -- wide ---------------------------------------------------------------------------------

    def wide(self) -> None:
        """Convert the file a block of rows at a time (see :meth:`block`)."""
        for block in self.table.blocks:
            if block.infos is not None:
                self._block_kinds(block)
            self.block(block)

    def fast_wide(self) -> bool:
        """Read a plain CSV file column by column, without a Python object per cell
        (:mod:`.formats.csv_columns`), when every cell is in order; False, having changed
        nothing, when the file is not plain or any cell or row has a problem: then
        :meth:`wide` reads it and words every problem. The answers, and what the checks
        note (:mod:`.checks`), are those :meth:`wide` files.

        A plain number (``4``, ``72.5``) that is a valid answer as it is read is taken
        from the vectorised reading; every other cell (``ya``, an empty cell, ``55%``) goes
        through the indicator's converter once per distinct text. Files that name areas,
        carry design weights or strata, skip columns by name or are a form tool's export go
        through :meth:`wide`.
        """
        table, loader, plan = self.table, self.loader, self.plan
        plain = table.plain
        if (plain is None or not FAST_CSV or table.problems or self.region_col is None
                or not table.usable or plan.export or plan.ignored or self.named_areas
                or self.weight_col is not None or self.stratum_col is not None):
            return False
        width = len(self.header)
        fields = split(plain.data, plain.delimiter, width, csv.field_size_limit(), plain.start)
        if fields is None or not fields.rows:
            return False
        if plain.row + fields.rows > table.header_row + max(
                table.limits.max_cells // max(width, 1), 1):
            return False  # too many cells: the reader's path stops there and says so
        index = np.arange(fields.rows)  # position among the data lines
        line_ends = fields.ends[:, -1].astype(np.int64)
        roles = self._fast_roles(fields)
        if roles is None and self.role_col is not None:
            return False  # a role no indicator asks: the reader's path counts its rows
        blank = fields.blank()
        if blank.any():  # rows of empty cells (a spreadsheet's trailing rows) are skipped
            fields, index = fields.select(~blank), index[~blank]
            roles = (roles[0], roles[1][~blank]) if roles is not None else None
            if not fields.rows:
                return False  # no data rows: the reader's path says so
        if self.ambiguous and (None in roles[0] if roles is not None
                               else self.default_role is None):
            return False  # answers without a role: the reader's path counts them
        groups = self._fast_groups(fields)
        if groups is None:
            return False
        targets, group_codes = groups
        columns = []
        for col, _, conv in self.specs:
            values = self._fast_column(fields, col, conv)
            if values is None:
                return False
            columns.append(values)
        fractions = self._fast_fractions(fields, index, line_ends, group_codes, columns, plain)
        if fractions is None:
            return False
        # Every cell is in order: file the answers (nothing was changed before this point).
        role_labels = loader.role_labels
        if roles is None:
            role_codes = np.full(fields.rows, role_labels.code(self.default_role),
                                 dtype=np.int32)
        else:
            role_codes = np.array(role_labels.codes(roles[0]), dtype=np.int32)[roles[1]]
        path = table.path
        numbers = (plain.row + 1 + index).tolist()
        if self.respondent_col is None:
            ids = [f"{path}#{row}" for row in numbers]
        else:
            ids = list(map(str.strip, fields.texts(self.respondent_col)))
            if "" in ids:
                ids = [rid or f"{path}#{row}" for rid, row in zip(ids, numbers, strict=True)]
        names = role_labels.names
        order = np.argsort(group_codes, kind="stable")
        edges = np.flatnonzero(np.diff(group_codes[order])) + 1
        respondents = np.empty(fields.rows, dtype=np.int32)
        codes = np.empty(len(targets), dtype=np.int32)
        for rows in np.split(order, edges):
            group = int(group_codes[rows[0]])
            target = targets[group]
            codes[group] = loader.keys.code(target)
            mine = [ids[i] for i in rows.tolist()]
            group_roles = role_codes[rows]
            distinct = np.unique(group_roles)
            chunk: RoleChunk = (names[int(distinct[0])] if len(distinct) == 1
                                else [names[c] for c in group_roles.tolist()])
            self._register(target, mine, chunk)
            respondents[rows] = loader.respondent_labels.codes(mine)
            self.sighted(int(codes[group]), self._fast_where(plain, index, int(rows[0])))
        filed = codes[group_codes]
        for group, ind_id, value, at in fractions:
            if len(self.sightings.fractions) < MAX_CANDIDATES:
                self.sightings.fractions.append((int(codes[group]), ind_id, value, at))
        if self.respondent_col is not None:
            self._block_regions_of(filed, respondents, _FastPlaces(self, plain, index))
        table.data_rows += fields.rows
        answers = self.answers
        assert isinstance(answers, WideAnswers)
        answers.add(filed, respondents, role_codes, columns)
        table.close()  # the cells' path is not needed: let go of its text
        table.blocks, table.plain = iter(()), None
        return True

    def _fast_roles(self, fields: Fields) -> tuple[list[str | None], IntArray] | None:
        """(the distinct roles in the order they first appear, each row's position in that
        list), resolved as :meth:`_block_roles` resolves them; None without a role column,
        or when a role is one no indicator asks."""
        if self.role_col is None:
            return None
        texts, codes = fields.factorize(self.role_col)
        roles = []
        for text in texts:
            if text not in self.roles:
                self.roles[text] = self.resolve_role(text)
            roles.append(self.roles[text])
        if any(role in self.bad_roles for role in roles):
            return None
        return roles, codes

    def _fast_groups(self, fields: Fields) -> tuple[list[RegionYear], IntArray] | None:
        """(the distinct (region, year) cells as region-years in the order they first
        appear, each row's position in that list); None when a region is empty or a year is
        not a year."""
        assert self.region_col is not None
        texts, regions = fields.factorize(self.region_col)
        names = [unicodedata.normalize("NFC", text.strip()) for text in texts]
        if "" in names:
            return None
        if self.year_col is None:
            return [(name, None) for name in names], regions
        cells, years = fields.factorize(self.year_col)
        parsed = [self._year(cell) for cell in cells]
        if any(isinstance(year, Bad) for year in parsed):
            return None
        for cell, year in zip(cells, parsed, strict=True):
            self.years.setdefault(cell, year)  # (the file's years are on record)
        pairs = regions * len(cells) + years
        distinct, first, inverse = np.unique(pairs, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")
        rank = np.empty(len(distinct), dtype=np.int64)
        rank[order] = np.arange(len(distinct))
        targets = [(names[int(pair) // len(cells)], parsed[int(pair) % len(cells)])
                   for pair in distinct[order].tolist()]
        return cast("list[RegionYear]", targets), rank[inverse.reshape(-1)]

    def _fast_where(self, plain: PlainText, index: IntArray, row: int) -> Where:
        """(line, row, info) of the ``row``-th row read by :meth:`fast_wide`."""
        at = int(index[row])
        return plain.line + 1 + at, plain.row + 1 + at, None

    def _fast_fractions(self, fields: Fields, index: IntArray, line_ends: IntArray,
                        groups: IntArray, columns: Sequence[FloatArray], plain: PlainText
                        ) -> list[tuple[int, str, float, str]] | None:
        """The percentages between 0 and 1 in the order :meth:`block` notes them, block by
        block (:meth:`_block_fractions`): (group, indicator id, value, where), the group
        being a position in :meth:`_fast_groups`' list. ``line_ends``: where every data
        line ends (blank rows' too). None when the blocks of the reader's path cannot be
        told (a text that is not ASCII: its blocks are counted in characters)."""
        left = MAX_CANDIDATES - len(self.sightings.fractions)
        hits = [(j, np.flatnonzero((columns[j] > 0) & (columns[j] < 1)))
                for j in self.percent_specs]
        if left <= 0 or not any(len(found) for _, found in hits):
            return []
        if not fields.data.isascii():
            return None
        # The reader's path reads the text in blocks of whole lines, each ending at the
        # first line end BLOCK_CHARS characters or more after its start; within a block,
        # column after column, row after row.
        starts = [fields.first]
        while True:
            at = int(np.searchsorted(line_ends, starts[-1] + csv_text.BLOCK_CHARS))
            if at >= len(line_ends) - 1:
                break
            starts.append(int(line_ends[at]) + 1)
        line_starts = np.concatenate(([fields.first], line_ends[:-1] + 1))[index]
        block_of = np.searchsorted(np.array(starts), line_starts, side="right") - 1
        found = sorted((int(block_of[i]), order, i, j)
                       for order, (j, rows) in enumerate(hits) for i in rows.tolist())
        return [(int(groups[i]), self.specs[j][1], float(columns[j][i]),
                 self.at(self._fast_where(plain, index, i))) for _, _, i, j in found[:left]]

    def _fast_column(self, fields: Fields, col: int, conv: Converter) -> FloatArray | None:
        """The values of an indicator's column (NaN: not answered), as :meth:`block` makes
        them; None when a cell is not a valid answer, or when numbers of a number or
        percent column use both decimal marks (the reader's path reports them)."""
        numeric = conv.indicator.type in NUMERIC
        seen: set[int] = set()
        if numeric:  # many distinct numbers: read in vectorised steps
            values, plain, marks = fields.numbers(col)
            accepted = conv.accepts(values, plain)
            others = np.flatnonzero(~accepted)
            seen.update(np.unique(marks[accepted]).tolist())
        else:  # a few distinct texts (levels, yes/no, choices)
            values = np.full(fields.rows, np.nan)
            others = None
        if others is None or len(others):
            texts, codes = fields.factorize(col, others)
            converted = [conv[text] for text in texts]
            if BAD in converted:
                return None
            got = np.array(converted, dtype=np.float64)[codes]
            if others is None:
                values = got
            else:
                values[others] = got
            if numeric:
                seen.update(COMMA if "," in text else POINT if "." in text else 0
                            for text, value in zip(texts, converted, strict=True)
                            if value is not SKIP)
        if numeric and self.text_numbers and POINT in seen and COMMA in seen:
            return None  # both decimal marks: the reader's path says where
        return values

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
        if self.plan.export:
            block = self._export_block(block)
            if not len(block):
                return
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
        if self.ambiguous and (roles is None or (isinstance(roles, list) and None in roles)):
            self._block_no_role(block, roles, columns)
        for col in self.plan.ignored:
            self.usage.ignored_cells(self.header[col], cells[col::width])
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
                self.sighted(int(group_codes[0]), block.where(0))
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
                self.sighted(loader.keys.code(target), block.where(rows[0] if rows else 0))
        if self.percent_specs:
            self._block_fractions(block, columns, group_codes)
        if self.respondent_col is not None:
            self._block_regions(block, group_codes, respondents)
        answers = self.answers
        assert isinstance(answers, WideAnswers)
        answers.add(group_codes, respondents, role_codes, columns, areas)

    # -- what the analyst's checks need (:mod:`.checks`) -----------------------------------------

    def at(self, where: Where) -> str:
        """``file:line`` (a text file) or ``file:row`` (a worksheet) of a row."""
        line, row, _ = where
        return f"{self.table.path}:{line if line is not None else row}"

    def sighted(self, code: int, where: Where) -> None:
        """Remember where a region-year first appears in this file."""
        key = (self.file_index, code)
        if key not in self.sightings.first:
            self.sightings.first[key] = self.at(where)

    def _block_fractions(self, block: Block, columns: Sequence[np.ndarray[Any, Any]],
                         groups: np.ndarray[Any, Any]) -> None:
        """Remember the percentages between 0 and 1 (candidates for a fraction typed into a
        percent column)."""
        found = self.sightings.fractions
        for j in self.percent_specs:
            values = columns[j]
            hits = np.flatnonzero((values > 0) & (values < 1) & (groups >= 0))
            for i in hits[:max(0, MAX_CANDIDATES - len(found))].tolist():
                found.append((int(groups[i]), self.specs[j][1], float(values[i]),
                              self.at(block.where(i))))

    def _block_regions(self, block: Block, groups: np.ndarray[Any, Any],
                       respondents: np.ndarray[Any, Any]) -> None:
        """Note the region of each row's respondent (an id in two regions is a finding)."""
        keep = groups >= 0
        if not keep.all():
            groups, respondents = groups[keep], respondents[keep]
            rows = np.flatnonzero(keep)
        else:
            rows = None
        self._block_regions_of(groups, respondents, _Places(self, block, rows))

    def _block_regions_of(self, groups: np.ndarray[Any, Any], respondents: np.ndarray[Any, Any],
                          where: Sequence[str]) -> None:
        names = self.loader.keys.names
        sightings = self.sightings
        table = self.region_of
        while len(table) < len(names):
            table.append(sightings.region_code(names[len(table)][0]))
        regions = np.array(table, dtype=np.int32)[groups]
        sightings.respondents(respondents, regions, where, self.loader.respondent_labels.names)

    def _export_block(self, block: Block) -> Block:
        """A block of a form tool's export: answers exported as labels turned into values,
        and submissions exported twice (the same ``_uuid``, the same answers) left out and
        counted as duplicates."""
        width = block.width
        for col, labels in self.plan.relabel.items():
            block.cells[col::width] = kobo.relabel(block.cells[col::width], labels)
        if self.plan.submission is None:
            return block
        ids = block.texts(self.plan.submission)
        seen = self.loader.submissions
        read = [col for col in sorted(self.used) if col != self.plan.submission]
        keep: list[int] = []
        for i, uuid in enumerate(ids):
            uuid = uuid.strip()
            if not uuid:
                keep.append(i)
                continue
            row = block.cells[i * width:(i + 1) * width]
            answers = tuple(row[col] for col in read)
            first = seen.get(uuid)
            if first is None:
                seen[uuid] = answers
                keep.append(i)
            elif first == answers:
                self.usage.duplicates += sum(1 for col, _ in self.plan.indicators
                                             if text_of(row[col]).strip())
                self.loader.copies.add((self.table.path, block.rows[i]))
            else:
                keep.append(i)  # the same id with other answers: checked like any respondent
        if len(keep) == len(block):
            return block
        infos = block.infos
        return Block(width, [c for i in keep for c in block.cells[i * width:(i + 1) * width]],
                     [block.lines[i] for i in keep], [block.rows[i] for i in keep],
                     None if infos is None else [infos[i] for i in keep], block.typed)

    def _block_no_role(self, block: Block, roles: RoleChunk,
                       columns: Sequence[np.ndarray[Any, Any]]) -> None:
        """Note the answers of rows without a role to indicators that ask several roles."""
        rows = (np.fromiter((role is None for role in roles), dtype=bool, count=len(roles))
                if isinstance(roles, list) else None)
        for j in self.ambiguous:
            answered = ~np.isnan(columns[j])
            if rows is not None:
                answered &= rows
            hits = np.flatnonzero(answered)
            if len(hits):
                col, ind_id, _ = self.specs[j]
                self.no_role_answers(ind_id, block.where(int(hits[0])), col, len(hits))

    def _target(self, raw: tuple[str, Cell]) -> RegionYear | None:
        """The region-year of raw (region, year) cells (remembered)."""
        if raw in self.targets:
            return self.targets[raw]
        target = self.targets[raw] = self._region_year(raw)
        return target

    def _block_roles(self, block: Block) -> RoleChunk:
        """Normalised roles of a block's rows: a list, or one role for all rows."""
        if self.role_col is None:
            return self.default_role
        raw = block.texts(self.role_col)
        distinct = set(raw)
        for cell in distinct:
            if cell not in self.roles:
                self.roles[cell] = self.resolve_role(cell)
            role = self.roles[cell]
            if role in self.bad_roles:
                self.bad_role(role, block.where(raw.index(cell)), raw.count(cell))
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
        path = self.table.path
        numbers = block.rows if rows is None else [block.rows[i] for i in rows]
        if self.respondent_col is None:
            ids = [f"{path}#{row}" for row in numbers]
        else:
            column = _taker(rows)(block.texts(self.respondent_col))
            ids = list(map(str.strip, column))
            if "" in ids:
                ids = [rid or f"{path}#{row}" for rid, row in zip(ids, numbers, strict=True)]
        self._register(key, ids, roles)
        if self.weight_col is not None or self.stratum_col is not None:
            data = self.loader.region(key)[0]
            for i, rid in enumerate(ids):
                at = i if rows is None else rows[i]
                self.design_cells(data, rid, block.row_cells(at), block.where(at))
        return ids

    def _register(self, key: RegionYear, ids: list[str], roles: RoleChunk) -> None:
        """Note a group's respondents (ids row by row) in the region-year, per role; a
        respondent id seen before in the region-year is noted for the second pass."""
        data, members = self.loader.region(key)
        if self.respondent_col is not None and (
                len(set(ids)) != len(ids) or not data.respondents.isdisjoint(ids)):
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
        ignored = self.plan.ignored
        percent = {ind_id for ind_id, ind in loader.indicators.items() if ind.type == "percent"}
        fractions = self.sightings.fractions
        seen: list[tuple[int, int, Where]] = []
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
            for col in ignored:
                self.usage.ignored_cells(self.header[col], (cells[col],))
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
            if self.weight_col is not None or self.stratum_col is not None:
                self.design_cells(data, respondent, cells, where)
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
            if role is None and ind_id in loader.ambiguous:
                self.no_role_answers(ind_id, where, value_col, 1)
            if self.text_numbers and loader.converter(ind_id).indicator.type in NUMERIC:
                self._decimal(ind_id, text_of(cell), where, loader.converter(ind_id),
                              value_col, ind_id)
            if rkey is not None:
                if (rkey, ind_id) in pairs:
                    loader.repeated.add(rkey)
                pairs.add((rkey, ind_id))
            code = loader.keys.code(key)
            respondent_code = loader.respondent_labels.code(respondent)
            answers.add(code, respondent_code, loader.role_labels.code(role), ind_id, value,
                        area)
            self.sighted(code, where)
            if 0 < value < 1 and ind_id in percent and len(fractions) < MAX_CANDIDATES:
                fractions.append((code, ind_id, value, self.at(where)))
            if track:
                seen.append((respondent_code, code, where))
        if seen:
            codes, groups, wheres = zip(*seen, strict=True)
            self._block_regions_of(np.array(groups, dtype=np.int32),
                                   np.array(codes, dtype=np.int32),
                                   [self.at(w) for w in wheres])

    # -- second pass: the answers to facts whose respondents disagree ------------------------------

    def answer_rows(self, wanted: Mapping[PoolKey, str]
                    ) -> Iterator[tuple[Where, RegionYear, str, str | None, int, str, str]]:
        """(where, region-year, respondent, role, column, indicator id, cell text) of every
        answer to a (region-year, indicator) in ``wanted`` from one of its authoritative
        roles."""
        from .facts import authoritative

        long = self.plan.layout == "long"
        resolved: dict[str, str | None] = {}
        indicators = {ind_id for _, ind_id in wanted}
        for line, row, cells, info in self.table.rows:
            where = (line, row, info)
            if info is not None and info.kinds:
                cells = self.kinds(cells, where, info)
            meta = self.meta(cells, where)
            if meta is None:
                continue
            key, respondent, role = meta
            respondent = respondent or f"{self.table.path}#{row}"
            if long:
                ind_id = self.indicator_of(cells, where, resolved)
                columns = ([(self.plan.reserved["value"], ind_id)]
                           if ind_id in indicators else [])
            else:
                columns = [(c, i) for c, i in self.plan.indicators if i in indicators]
            for col, ind_id in columns:
                if ind_id is None or (key, ind_id) not in wanted:
                    continue
                indicator = self.loader.indicators[ind_id]
                value = self.loader.converter(ind_id)[cells[col]]
                if value is SKIP or value is BAD or not authoritative(indicator, role):
                    continue
                yield where, key, respondent, role, col, ind_id, text_of(cells[col]).strip()

    # -- second pass: which indicators each repeated respondent answered -------------------------

    def respondent_rows(self, repeated: set[RespondentKey]
                        ) -> Iterator[tuple[RespondentKey, int, Where, list[tuple[int, str]]]]:
        """(respondent, area code, where, answered (column, indicator id)) of rows of
        repeated respondents."""
        long = self.plan.layout == "long"
        resolved: dict[str, str | None] = {}
        copies = self.loader.copies
        for line, row, cells, info in self.table.rows:
            if copies and (self.table.path, row) in copies:
                continue
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
