"""The geographic inputs of a run, read and applied: boundaries, problem layers, complaints.

:func:`read_geo` reads and checks every file a run names (:class:`GeoOptions`) and raises one
:class:`~smartcity_assess.errors.InputError` with every problem of every file; nothing is
half-read. :func:`apply_geo` then works them into the survey before it is scored:

* the areas the survey names are matched to the boundary file (a desa of the data to its
  kecamatan on a kecamatan map), giving the scoring its areas in file order
  (:class:`~smartcity_assess.scoring.areas.AreaOptions`) and a match report per region-year
  that names the areas in the data but not in the file and the other way round;
* a complaints export becomes the three feedback-loop indicators (``dampak.aduan_*``) as
  statistics of the region and of every area with enough complaints
  (:mod:`.complaints`). Measured, not asked: these figures replace any other answer to the
  three indicators in that region-year, and a notice names what was replaced.

The complaints counted for an assessment of year *Y* are those received in *Y − 1*, the last
full year before the survey (as official statistics describe a past year), unless the run
names another year.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import InputError, Problem, UsageError, gather
from ..freshness import SourceDate, iso_date, later, latest_year
from ..notices import Notice
from ..scoring.results import InputFile
from .model import (
    AreaRef,
    Boundaries,
    BoundaryKey,
    ComplaintExport,
    ComplaintFigures,
    MatchReport,
    Measure,
    ProblemLayer,
)

if TYPE_CHECKING:
    from ..scoring.areas import AreaOptions
    from ..survey.data import SurveyData


LayerType = Literal["flood", "dengue", "crime", "complaints", "generic"]
LAYER_TYPES: tuple[LayerType, ...] = ("flood", "dengue", "crime", "complaints", "generic")
"""What a problem layer shows (its default title, unit and measure follow)."""

GUESS: tuple[tuple[str, LayerType], ...] = (
    ("dbd", "dengue"), ("dengue", "dengue"), ("demam", "dengue"),
    ("banjir", "flood"), ("flood", "flood"),
    ("kriminal", "crime"), ("kejahatan", "crime"), ("crime", "crime"),
    ("aduan", "complaints"), ("lapor", "complaints"), ("complaint", "complaints"),
)
"""A layer given without a type: the type a word in its file name suggests."""

NOTICE_NAMES = ("NOTICE", "NOTICE.txt", "NOTICE.md", "LICENSE", "LICENSE.txt", "LICENCE",
                "LICENCE.txt")
"""Licence files looked for beside a boundary file: the notice travels with every output
drawn from it (maps, ``scores.geojson``)."""
MAX_NOTICE_BYTES = 64 * 1024


@dataclass(frozen=True)
class LayerSpec:
    """A problem layer as the user names it."""

    path: Path
    type: LayerType = "generic"
    name: str | None = None
    """Its title on maps and in tables (default: the type's, in the report's language)."""
    unit: str | None = None
    """What a count is (``kasus``, ``kejadian``); default: the type's."""
    measure: Measure | None = None
    """How the layer becomes one number per area (default: per 100,000 residents when the
    layer gives populations, else the count)."""
    illustrative: bool = False
    """Invented or sample data: every map and table says so."""
    label: str | None = None
    """How outputs name the file (default: the path as given)."""

    @property
    def shown(self) -> str:
        return self.label or str(self.path)


def parse_layer(text: str) -> LayerSpec:
    """``[TYPE=]FILE`` as ``--layer`` takes it (``dengue=dbd-2024.csv``); without a type, the
    type the file name suggests (``dbd``, ``banjir``, ``aduan`` …) or ``generic``."""
    head, sep, rest = text.partition("=")
    if sep and head.strip().casefold() in LAYER_TYPES:
        kind = head.strip().casefold()
        return LayerSpec(Path(rest), _layer_type(kind))
    return LayerSpec(Path(text), guess_type(Path(text)))


def _layer_type(text: str) -> LayerType:
    for kind in LAYER_TYPES:
        if kind == text:
            return kind
    raise UsageError(f"unknown layer type {text!r}: use {', '.join(LAYER_TYPES)}")


def guess_type(path: Path) -> LayerType:
    """The layer type a file name suggests (``generic`` when none)."""
    words = re.split(r"[^a-z]+", path.stem.casefold())
    for word, kind in GUESS:
        if any(w.startswith(word) for w in words):
            return kind
    return "generic"


@dataclass(frozen=True)
class GeoOptions:
    """The geographic inputs a run names (all optional)."""

    boundaries: Path | None = None
    key: BoundaryKey = "kode"
    boundaries_label: str | None = None
    credit: str | None = None
    """Small print under every map (default: the boundary file's name)."""
    layers: tuple[LayerSpec, ...] = ()
    complaints: Path | None = None
    complaints_label: str | None = None
    complaints_year: int | None = None
    """Count complaints received in this year (default: the year before the assessment)."""
    map_indicators: tuple[str, ...] = ()
    """Indicator ids to map by area, besides the index and the pillars."""
    min_respondents: int | None = None
    """Fewest survey respondents for an area to be scored (default: the scoring's)."""

    @property
    def empty(self) -> bool:
        return (self.boundaries is None and not self.layers and self.complaints is None
                and not self.map_indicators)


@dataclass(frozen=True)
class ReadLayer:
    """A problem layer read and checked, with its spec and its date."""

    spec: LayerSpec
    layer: ProblemLayer
    date: SourceDate


@dataclass(frozen=True)
class GeoData:
    """Every geographic input read and checked."""

    options: GeoOptions
    boundaries: Boundaries | None = None
    boundaries_date: SourceDate | None = None
    notice: str | None = None
    """The licence notice found beside the boundary file (copied beside every output)."""
    layers: tuple[ReadLayer, ...] = ()
    complaints: ComplaintExport | None = None
    complaints_date: SourceDate | None = None
    files: tuple[InputFile, ...] = ()
    """Every file read, with its hash (the provenance of the run lists them as inputs)."""

    @property
    def sources(self) -> tuple[SourceDate, ...]:
        """The dates of the geographic sources (boundaries, layers, complaints)."""
        found = [d for d in (self.boundaries_date,) if d is not None]
        found += [layer.date for layer in self.layers]
        if self.complaints_date is not None:
            found.append(self.complaints_date)
        return tuple(found)


def read_geo(options: GeoOptions) -> GeoData:
    """Read and check every file of ``options``; one :class:`InputError` with all problems."""
    from .complaints import read_complaints
    from .layers import read_layer
    from .read import parse_boundaries

    if options.layers and options.boundaries is None:
        raise UsageError("a problem layer (--layer) needs a boundary file (--boundaries) to "
                         "be joined to areas")
    problems: list[Problem] = []
    files: list[InputFile] = []

    def content(path: Path, label: str, layout: str) -> bytes | None:
        from .read import MAX_BYTES

        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            problems.append(Problem(label, f"cannot read the file: {exc.strerror or exc}"))
            return None
        files.append(InputFile(path=label, sha256=hashlib.sha256(data).hexdigest(),
                               format="geojson" if path.suffix.casefold() in (".geojson",
                                                                               ".json")
                               else "csv", layout=layout, rows=0))
        return data

    boundaries = None
    boundaries_date = None
    notice = None
    if options.boundaries is not None:
        path = options.boundaries
        label = options.boundaries_label or str(path)
        raw = content(path, label, "boundaries")
        if raw is not None:
            text = raw
            boundaries = gather(problems, lambda: parse_boundaries(text, label, key=options.key))
        if boundaries is not None and raw is not None:
            declared = declared_date(raw)
            boundaries_date = SourceDate(label, "boundaries", declared,
                                         "declared" if declared else "unknown")
            notice = find_notice(path)
            files[-1] = _with_rows(files[-1], len(boundaries.areas))
    layers: list[ReadLayer] = []
    for number, spec in enumerate(options.layers, start=1):
        raw = content(spec.path, spec.shown, "layer")
        if raw is None:
            continue
        layer = gather(problems, _layer_reader(spec, number, raw, read_layer))
        if layer is not None:
            layers.append(ReadLayer(spec, layer, layer_date(spec, raw)))
            files[-1] = _with_rows(files[-1], len(layer.points) or len(layer.areas))
    complaints = None
    complaints_date = None
    if options.complaints is not None:
        source = options.complaints
        shown = options.complaints_label or str(source)
        raw = content(source, shown, "complaints")
        if raw is not None:
            complaints = gather(problems, lambda: read_complaints(source, label=shown, data=raw))
        if complaints is not None:
            newest = max((c.received for c in complaints.complaints), default=None)
            complaints_date = SourceDate(shown, "complaints", newest,
                                         "data" if newest else "unknown")
            files[-1] = _with_rows(files[-1], len(complaints.complaints))
    if problems:
        raise InputError(problems)
    return GeoData(options, boundaries, boundaries_date, notice, tuple(layers), complaints,
                   complaints_date, tuple(files))


def _with_rows(found: InputFile, rows: int) -> InputFile:
    from dataclasses import replace

    return replace(found, rows=rows)


def _layer_reader(spec: LayerSpec, number: int, raw: bytes,
                  read_layer: Callable[..., ProblemLayer]) -> Callable[[], ProblemLayer]:
    def read() -> ProblemLayer:
        return read_layer(spec.path, layer_id=f"layer{number}", title=spec.name or spec.type,
                          unit=spec.unit or "", label=spec.shown, data=raw)
    return read


def find_notice(boundary_file: Path) -> str | None:
    """The licence notice beside a boundary file: ``<file>.NOTICE`` or a ``NOTICE`` /
    ``LICENSE`` file in its folder (None when there is none)."""
    candidates = [boundary_file.with_name(boundary_file.name + ".NOTICE"),
                  *(boundary_file.parent / name for name in NOTICE_NAMES)]
    for candidate in candidates:
        try:
            if candidate.is_file() and not candidate.is_symlink():
                with candidate.open("rb") as handle:
                    data = handle.read(MAX_NOTICE_BYTES + 1)
                if len(data) <= MAX_NOTICE_BYTES:
                    return data.decode("utf-8", errors="replace")
        except OSError:
            continue
    return None


def declared_date(data: bytes) -> str | None:
    """A date a GeoJSON file declares in a top-level ``date`` (or ``tanggal``, ``updated``)
    member before its features (looked for in the first 4 KiB)."""
    import json

    head = data[:4096].split(b'"features"', 1)[0]
    found = re.search(rb'"(?:date|tanggal|updated)"\s*:\s*("[^"]{4,32}"|\d{4})', head)
    if found is None:
        return None
    try:
        return iso_date(json.loads(found.group(1)))
    except ValueError:
        return None


DATE_COLUMNS = ("tanggal", "tgl", "date", "tanggal_kejadian", "waktu", "tanggal_laporan")
YEAR_COLUMNS = ("tahun", "year")


def layer_date(spec: LayerSpec, data: bytes) -> SourceDate:
    """A layer's date from its data: the latest date (``tanggal``/``date``) or year
    (``tahun``/``year``) of its rows or features; else a date the file declares."""
    from .complaints import parse_date
    from .layers import canonical_name, read_csv_rows

    values: list[object] = []
    if spec.path.suffix.casefold() in (".geojson", ".json"):
        import json

        try:
            document = json.loads(data)
            features = document.get("features") if isinstance(document, dict) else None
        except (ValueError, RecursionError):
            features = None
        for feature in features if isinstance(features, list) else []:
            props = feature.get("properties") if isinstance(feature, dict) else None
            if isinstance(props, dict):
                values.extend(v for k, v in props.items()
                              if canonical_name(str(k)) in (*DATE_COLUMNS, *YEAR_COLUMNS))
        declared = (iso_date(document.get("date")) if isinstance(document, dict)
                    and features is not None else None)
    else:
        header, rows = read_csv_rows(data, spec.shown)
        names = [canonical_name(h) for h in header]
        wanted = [i for i, n in enumerate(names) if n in (*DATE_COLUMNS, *YEAR_COLUMNS)]
        values = [cells[i] for _, cells in rows for i in wanted if i < len(cells)]
        declared = None
    newest: str | None = None
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool):
            newest = later(newest, latest_year([value]) if 1900 <= value <= 2200 else None)
            continue
        if not isinstance(value, str) or not value.strip():
            continue
        text = value.strip()
        if re.fullmatch(r"\d{4}", text):
            newest = later(newest, text)
            continue
        try:
            day = parse_date(text)
        except ValueError:
            continue
        if day is not None:
            newest = later(newest, day.isoformat())
    if newest is not None:
        return SourceDate(spec.shown, "layer", newest, "data")
    if declared is not None:
        return SourceDate(spec.shown, "layer", declared, "declared")
    return SourceDate(spec.shown, "layer", None, "unknown")


# --- applying the inputs to a survey -------------------------------------------------------

SHOWN = 10
"""Area names a notice lists before "… and N more"."""


def listing(names: Sequence[str]) -> str:
    """Up to :data:`SHOWN` names, then how many more."""
    shown = ", ".join(names[:SHOWN])
    return shown + (f" … (+{len(names) - SHOWN})" if len(names) > SHOWN else "")


@dataclass(frozen=True)
class ComplaintsUse:
    """How a complaints export entered one region-year."""

    region: str
    year: int | None
    """The assessment year."""
    complaints_year: int | None
    """The year whose complaints were counted."""
    figures: ComplaintFigures
    """The region's figures (archived complaints counted apart)."""
    areas: int
    """Areas that got figures (those with enough complaints)."""
    placed_nowhere: int
    """Complaints of that year that no area could take (no position nor area, or one the
    boundary file lacks): counted for the region only."""
    area_counts: tuple[tuple[str, int], ...] = ()
    """Complaints counted in each area of the boundary file (area key, count; archived ones
    excluded), in the file's order: what an area's complaint figures rest on."""


@dataclass(frozen=True)
class GeoContext:
    """The geographic inputs and what :func:`apply_geo` made of them, for the reports."""

    data: GeoData
    matches: tuple[tuple[tuple[str, int | None], MatchReport], ...] = ()
    """Per region-year: the survey's areas matched to the boundary file."""
    complaints: tuple[ComplaintsUse, ...] = ()
    notices: tuple[Notice, ...] = field(default=())

    def match(self, region: str, year: int | None) -> MatchReport | None:
        """The match report of one region-year (None without a boundary file)."""
        return dict(self.matches).get((region, year))

    def complaints_for(self, region: str, year: int | None) -> ComplaintsUse | None:
        for use in self.complaints:
            if use.region == region and use.year == year:
                return use
        return None


def apply_geo(survey: SurveyData, indicator_ids: Sequence[str], geo: GeoData
              ) -> tuple[GeoContext, AreaOptions]:
    """Work the geographic inputs into ``survey`` (changed in place): complaints as
    statistics, areas matched to the boundary file, the files read listed as inputs.
    Returns the context for the reports and the scoring's area options."""
    from ..scoring.areas import AreaOptions, AreaSpec, refs_of
    from .complaints import coarser
    from .names import match_areas

    boundaries = geo.boundaries
    matches: list[tuple[tuple[str, int | None], MatchReport]] = []
    members: dict[AreaRef, str] = {}
    if boundaries is not None:
        for key in survey.region_years():
            refs = refs_of(survey.regions[key])
            coarse = [coarser(ref, boundaries) for ref in refs]
            report = match_areas(boundaries, coarse)
            mapping = report.mapping()
            for ref, wide in zip(refs, coarse, strict=True):
                found = mapping.get(wide.label())
                if found is not None:
                    members[ref] = found
            matches.append((key, report))
    uses: list[ComplaintsUse] = []
    notices: list[Notice] = []
    label = geo.boundaries_date.label if geo.boundaries_date is not None else ""
    for (region, year), report in matches:
        if report.not_in_file:
            notices.append(Notice("areas-not-in-file", (
                ("count", len(report.not_in_file)), ("file", label),
                ("areas", listing([u.label for u in report.not_in_file]))), region, year))
        if report.not_in_data:
            notices.append(Notice("areas-not-in-data", (
                ("count", len(report.not_in_data)), ("file", label),
                ("areas", listing(report.not_in_data))), region, year))
    if geo.complaints is not None:
        found_uses, found_notices, added = add_complaints(survey, indicator_ids, geo)
        uses.extend(found_uses)
        notices.extend(found_notices)
        members.update(added)
    survey.files.extend(geo.files)
    minimum = geo.options.min_respondents
    base = AreaOptions() if minimum is None else AreaOptions(min_respondents=minimum)
    if boundaries is None:
        options = base
    else:
        options = AreaOptions(
            min_respondents=base.min_respondents,
            areas=tuple(AreaSpec(a.key, a.name, a.code, a.parent) for a in boundaries.areas),
            members=tuple(members.items()))
    return GeoContext(geo, tuple(matches), tuple(uses), tuple(notices)), options


def add_complaints(survey: SurveyData, indicator_ids: Sequence[str], geo: GeoData
                   ) -> tuple[list[ComplaintsUse], list[Notice], dict[AreaRef, str]]:
    """The complaints export as statistics of the survey's region (one region only)."""
    from ..survey.data import Answers
    from .complaints import (
        INDICATOR_ANSWERED,
        INDICATOR_CLOSED,
        INDICATOR_DAYS,
        MIN_COMPLAINTS,
        ROLE,
        by_area,
        figures,
        in_year,
    )

    export = geo.complaints
    assert export is not None
    regions = sorted({region for region, _ in survey.regions})
    if len(regions) != 1:
        raise UsageError(f"a complaints export (--complaints) belongs to one region; the data "
                         f"hold {len(regions)}: {', '.join(regions[:5])}")
    wanted = (INDICATOR_CLOSED, INDICATOR_DAYS, INDICATOR_ANSWERED)
    notices: list[Notice] = []
    if not all(ind in indicator_ids for ind in wanted):
        notices.append(Notice("complaints-not-scored", (("source", export.source),)))
    boundaries = geo.boundaries
    who = f"{Path(export.source).name}"
    members: dict[AreaRef, str] = {}
    uses: list[ComplaintsUse] = []
    for key in survey.region_years():
        region, year = key
        counted_year = geo.options.complaints_year or (year - 1 if year is not None else None)
        chosen = in_year(export, counted_year)
        if not chosen:
            notices.append(Notice("complaints-none-in-year", (
                ("source", export.source), ("year", counted_year or 0)), region, year))
            continue
        data = survey.regions[key]
        rows: list[tuple[AreaRef | None, str, float]] = []
        whole = figures(chosen, region)
        for indicator, value in _indicator_values(whole):
            rows.append((None, indicator, value))
        placed = 0
        nowhere: tuple[int, ...] = ()
        counts: list[tuple[str, int]] = []
        if boundaries is not None:
            groups, _report, nowhere = by_area(chosen, boundaries)
            for area in boundaries.areas:
                result = figures(groups[area.key], area.key, MIN_COMPLAINTS)
                counts.append((area.key, result.total))
                values = _indicator_values(result)
                if values:
                    placed += 1
                    place = AreaRef(area.name, area.parent, area.code,
                                    None if area.parent else "kecamatan")
                    members[place] = area.key
                    rows.extend((place, indicator, value) for indicator, value in values)
        if not all(ind in indicator_ids for ind in wanted):
            rows = []
        for indicator in wanted:
            if not any(r[1] == indicator for r in rows):
                continue  # nothing measured for it: what the data said stays
            old = [a for a in (data.answers.pop(indicator, None),
                               data.area_answers.pop(indicator, None)) if a is not None]
            count = sum(len(a) for a in old)
            if count:
                notices.append(Notice("complaints-replaced", (
                    ("indicator", indicator), ("count", count), ("source", export.source)),
                    region, year))
        region_answers: dict[str, Answers] = {}
        area_answers: dict[str, Answers] = {}
        for where, indicator, value in rows:
            store = region_answers if where is None else area_answers
            store.setdefault(indicator, Answers()).add(value, ROLE, who, where)
        for indicator, answers in region_answers.items():
            data.answers[indicator] = answers
        for indicator, answers in area_answers.items():
            data.area_answers[indicator] = answers
        if rows:
            data.respondents.add(who)
            data.roles[ROLE] = data.roles.get(ROLE, 0) + 1
            for named in dict.fromkeys(r[0] for r in rows):
                if named is not None:
                    data.areas[named] = data.areas.get(named, 0) + 1
        uses.append(ComplaintsUse(region, year, counted_year, whole, placed, len(nowhere),
                                  tuple(counts)))
    return uses, notices, members


def _indicator_values(result: ComplaintFigures) -> list[tuple[str, float]]:
    from .complaints import INDICATOR_ANSWERED, INDICATOR_CLOSED, INDICATOR_DAYS

    found = []
    for indicator, value in ((INDICATOR_CLOSED, result.share_closed),
                             (INDICATOR_DAYS, result.median_days),
                             (INDICATOR_ANSWERED, result.share_answered)):
        if value is not None:
            found.append((indicator, round(value, 2)))
    return found
