"""Areas, maps, problem layers and sources for the reports: typed views and map jobs.

:func:`build_maps` turns a region-year's breakdown by area (:attr:`RegionResult.areas`) and
the run's geographic inputs (:class:`~smartcity_assess.geo.inputs.GeoContext`) into
:class:`MapsFacts`: the rows of every map's data table, the alt texts, the problem layers
joined to the areas with their ranked tables, the complaint figures and the match report.
Nothing is drawn here: :func:`map_jobs` makes one chart job per map, drawn in the background
with the other charts (:mod:`.charts.workers`), each giving an SVG (inlined in the HTML) and a
PNG (written beside the documents under ``maps/``).

:func:`build_sources` dates every data source of the run (:mod:`..freshness`) and flags
those older than the plan's ``max_age``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from markupsafe import Markup

from ..freshness import MaxAge, SourceDate
from ..messages import MONTHS, text, tr
from ..messages.keys import (
    BASIS_KEYS_SOURCES,
    LAYER_TITLE_KEYS,
    LAYER_UNIT_KEYS,
    MEASURE_KEYS,
    SOURCE_KIND_KEYS,
)
from ..notices import Notice
from ..scoring.results import AreaResult, RegionResult
from .charts.common import Chart
from .views import BandView

if TYPE_CHECKING:
    from ..geo.inputs import GeoContext, ReadLayer
    from ..geo.model import (
        AreaValue,
        Bivariate,
        Boundaries,
        LayerPoint,
        MapBand,
        MapTexts,
    )
    from .charts.job import ChartJob
    from .facts import ReportFacts

MAP_DIR = "maps"
"""Folder of the map files beside the documents."""
INDEX_MAP = "peta-indeks"
AreaState = Literal["ok", "not_enough", "no_data"]


@dataclass(frozen=True)
class MapChart(Chart):
    """A drawn map: a chart with its PNG."""

    png: bytes = b""


@dataclass(frozen=True)
class AreaRow:
    """One area of the breakdown, as the table of the maps chapter shows it."""

    key: str
    name: str
    code: str | None
    parent: str | None
    status: AreaState
    respondents: int
    score: float | None
    band: BandView | None
    local: float
    """Share 0–1 of the index's weight measured in the area itself."""
    pillars: tuple[float | None, ...]
    """Each pillar's score, in the set's order."""


@dataclass(frozen=True)
class TableRow:
    """A row of a map's data table."""

    name: str
    parent: str | None
    value: float | None
    band: str
    """The band's label, or "not enough answers" / "no data"."""
    color: str | None
    n: int | None
    extra: tuple[float | None, ...] = ()


@dataclass(frozen=True)
class MapView:
    """One map of a document: its chart, its data table and its files."""

    name: str
    """Chart name and file stem (``maps/<name>.svg``, ``.png``)."""
    title: str
    alt: str
    value_column: str
    extra_columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    digits: int = 1
    note: str = ""
    shares: tuple[int, ...] = ()
    """Extra columns (by position) that hold a share 0–1, shown as a percentage."""
    n_column: str = ""
    """Header of the count column: respondents, or complaints for an indicator measured
    from a complaints export."""

    @property
    def svg_file(self) -> Markup:
        """``maps/<name>.svg`` (safe in either format: the name is ours)."""
        return Markup(f"{MAP_DIR}/{self.name}.svg")

    @property
    def png_file(self) -> Markup:
        return Markup(f"{MAP_DIR}/{self.name}.png")


@dataclass(frozen=True)
class PriorityView:
    """A row of "where is readiness low and the problem high?"."""

    rank: int
    name: str
    readiness: float | None
    problem: float | None
    readiness_class: str
    problem_class: str
    priority: int


@dataclass(frozen=True)
class LayerView:
    """A problem layer joined to the areas."""

    title: str
    measure: str
    """What the number per area is, in words."""
    measure_heading: str
    """The same as a table's column heading (capitalised)."""
    source: str
    date: str
    illustrative: bool
    overlay: MapView
    bivariate: MapView
    ranked: tuple[PriorityView, ...]
    outside: int
    outside_rows: str
    unmatched: str
    digits: int


@dataclass(frozen=True)
class ComplaintsView:
    """How a complaints export entered the indicators (for the methodology annex)."""

    source: str
    year: int | None
    total: int
    archived: int
    closed: float | None
    median_days: float | None
    answered: float | None
    areas: int
    nowhere: int


@dataclass(frozen=True)
class UnmatchedView:
    """An area of the data that the boundary file lacks."""

    label: str
    hint: str
    """Did-you-mean names, or the candidates of an ambiguous name (may be empty)."""


@dataclass(frozen=True)
class MapsFacts:
    """Everything the maps chapter and the citizens' scorecard show about areas."""

    areas: tuple[AreaRow, ...]
    """Every area of the breakdown, by name."""
    pillar_titles: tuple[str, ...]
    min_respondents: int
    boundaries: str | None
    """The boundary file as the user named it (None: no maps, the table only)."""
    notice: bool
    """The boundary file came with a licence notice (copied to ``NOTICE.txt``)."""
    data_areas: int
    """Areas named in the survey data."""
    not_in_file: tuple[UnmatchedView, ...]
    not_in_data: tuple[str, ...]
    index_map: MapView | None
    pillar_maps: tuple[MapView, ...]
    indicator_maps: tuple[MapView, ...]
    layers: tuple[LayerView, ...]
    complaints: ComplaintsView | None
    scored: int
    """Areas with a score."""

    @property
    def maps(self) -> tuple[MapView, ...]:
        """Every choropleth of the chapter (the layers' maps apart)."""
        found = (self.index_map,) if self.index_map is not None else ()
        return (*found, *self.pillar_maps, *self.indicator_maps)


# --- the map jobs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MapSpec:
    """What one map draws (picklable: the worker process draws it)."""

    boundaries: Boundaries
    texts: MapTexts
    bands: tuple[MapBand, ...] = ()
    values: tuple[AreaValue, ...] = ()
    scale: tuple[float, float] = (0.0, 100.0)
    digits: int = 1
    points: tuple[LayerPoint, ...] = ()
    symbols: tuple[tuple[str, float], ...] | None = None
    bivariate: Bivariate | None = None
    readiness_label: str = ""
    problem_label: str = ""

    @property
    def size(self) -> int:
        return 40 * len(self.boundaries.areas) + len(self.points)

    def draw(self, name: str, title: str, description: str) -> Chart:
        from ..geo.draw import bivariate_map, choropleth

        if self.bivariate is not None:
            drawn = bivariate_map(name, self.boundaries, self.bivariate, self.texts,
                                  readiness_label=self.readiness_label,
                                  problem_label=self.problem_label, title=title,
                                  digits=self.digits)
        else:
            drawn = choropleth(name, self.boundaries, self.values, self.bands, self.texts,
                               title=title, scale=self.scale, digits=self.digits,
                               points=self.points,
                               symbols=None if self.symbols is None else dict(self.symbols))
        return MapChart(name, drawn.title, drawn.alt, drawn.svg, drawn.png)


def map_jobs(src_maps: tuple[tuple[MapView, MapSpec], ...]) -> list[ChartJob]:
    """One chart job per map."""
    from .charts.job import ChartJob

    return [ChartJob(view.name, view.title, view.alt, spec) for view, spec in src_maps]


# --- building the views ---------------------------------------------------------------------


def _state(area: AreaResult | None, score: float | None) -> AreaState:
    if area is None or area.respondents == 0 and score is None:
        return "no_data"
    return "ok" if score is not None else "not_enough"


def map_texts_for(lang: str, credit: str, legend: str, *, n_column: str | None = None,
                  **more: str) -> MapTexts:
    """The words of a map in the report's language, from the catalogue."""
    from ..geo.draw import map_texts

    return map_texts(lang, credit=credit, legend_title=legend,
                     not_enough=text("area_not_enough", lang),
                     no_data=text("area_no_data", lang), north=text("map_north", lang),
                     area_column=text("col_area", lang),
                     n_column=n_column or text("col_respondents", lang),
                     table_note=text("map_alt_table_note", lang),
                     low=text("map_low", lang), high=text("map_high", lang), **more)


Values = dict[str, tuple[float | None, int | None, AreaState]]
"""Area key → (value, respondents, state) of one choropleth."""


class _Maker:
    """Makes the views and specs of one region-year's maps (one boundary file, one set of
    bands, the report's language); keeps the maps to draw in order."""

    def __init__(self, facts: ReportFacts, boundaries: Boundaries, credit: str) -> None:
        from ..geo.model import MapBand

        self.facts = facts
        self.lang = facts.lang
        self.boundaries = boundaries
        self.credit = credit
        self.bands = tuple(MapBand(b.lower, b.label, b.color) for b in facts.bands)
        self.colors = {b.label: b.color for b in facts.bands}
        self.scale = (facts.scale.low, facts.scale.high)
        self.jobs: list[tuple[MapView, MapSpec]] = []

    def choropleth(self, name: str, title: str, values: Values, value_column: str, *,
                   extra: tuple[str, ...] = (), credit: str | None = None,
                   extra_values: Mapping[str, tuple[float | None, ...]] | None = None,
                   points: tuple[LayerPoint, ...] = (),
                   symbols: tuple[tuple[str, float], ...] | None = None,
                   symbols_title: str = "", points_title: str = "", note: str = "",
                   shares: tuple[int, ...] = (), n_column: str | None = None) -> MapView:
        from ..geo.draw import choropleth_table
        from ..geo.model import AreaValue

        n_column = n_column or text("col_respondents", self.lang)
        texts = map_texts_for(self.lang, credit or self.credit,
                              text("map_legend_score", self.lang), n_column=n_column,
                              points=points_title, symbols=symbols_title)
        area_values = tuple(AreaValue(key, value, state, n)
                            for key, (value, n, state) in values.items())
        rows, alt = choropleth_table(self.boundaries, area_values, self.bands, texts,
                                     title=title)
        more = extra_values or {}
        table = tuple(TableRow(r.name, r.parent, r.value, r.band,
                               self.colors.get(r.band) if r.status == "ok" else None, r.n,
                               more.get(r.key, ()))
                      for r in rows)
        view = MapView(name, title, alt, value_column, extra, table, 1, note, shares, n_column)
        self.jobs.append((view, MapSpec(self.boundaries, texts, self.bands, area_values,
                                        self.scale, 1, points, symbols)))
        return view

    def bivariate(self, name: str, title: str, found: Bivariate, problem_label: str,
                  measure_text: str, legend: str) -> MapView:
        from ..geo.draw import bivariate_alt

        texts = map_texts_for(self.lang, self.credit, legend)
        readiness_label = text("map_readiness", self.lang)
        alt = bivariate_alt(texts, title, found, readiness_label, problem_label,
                            len(self.boundaries.areas))
        rows = tuple(TableRow(r.name, None, r.readiness,
                              f"{r.readiness_class}-{r.problem_class}", None, None,
                              (r.problem, float(r.priority)))
                     for r in sorted((r for r in found.rows if r.priority is not None),
                                     key=lambda r: (r.name.casefold(), r.key))
                     if r.priority is not None)
        view = MapView(name, title, alt, readiness_label, (measure_text,), rows, 1)
        self.jobs.append((view, MapSpec(self.boundaries, texts, bivariate=found,
                                        readiness_label=readiness_label,
                                        problem_label=problem_label)))
        return view


def build_maps(facts: ReportFacts, result: RegionResult, geo: GeoContext | None,
               min_respondents: int
               ) -> tuple[MapsFacts | None, tuple[tuple[MapView, MapSpec], ...]]:
    """The maps chapter's facts and the maps to draw (None and nothing when the data names
    no area and no boundary file is given)."""
    boundaries = geo.data.boundaries if geo is not None else None
    if not result.areas and boundaries is None:
        return None, ()
    lang = facts.lang
    pillar_ids = tuple(p.id for p in facts.pillars)
    pillar_titles = tuple(p.title for p in facts.pillars)
    areas = tuple(sorted((_area_row(a, facts, pillar_ids) for a in result.areas),
                         key=lambda r: (r.name.casefold(), r.key)))
    scored = sum(1 for a in areas if a.score is not None)
    if boundaries is None or geo is None:
        return MapsFacts(areas, pillar_titles, min_respondents, None, False,
                         len(result.areas), (), (), None, (), (), (), None, scored), ()
    source = geo.data.boundaries_date.label if geo.data.boundaries_date else boundaries.source
    credit = (geo.data.options.credit
              or tr("map_credit_notice" if geo.data.notice else "map_credit", lang,
                    source=_file_name(source)))
    maker = _Maker(facts, boundaries, credit)
    by_key = {a.key: a for a in result.areas}

    index: Values = {}
    for area in boundaries.areas:
        found = by_key.get(area.key)
        score = found.score if found is not None else None
        index[area.key] = (score, found.respondents if found else None, _state(found, score))
    local = {a.key: (a.local,) for a in result.areas}
    index_map = maker.choropleth(INDEX_MAP, text("map_index_title", lang), index,
                                 text("col_score", lang), extra=(text("col_local", lang),),
                                 extra_values=local, shares=(0,))
    pillar_maps = []
    for number, (pillar_id, title) in enumerate(zip(pillar_ids, pillar_titles, strict=True),
                                                start=1):
        values: Values = {}
        for area in boundaries.areas:
            found = by_key.get(area.key)
            score = found.pillar(pillar_id).score if found is not None else None
            values[area.key] = (score, found.respondents if found else None,
                                _state(found, score))
        pillar_maps.append(maker.choropleth(f"peta-pilar-{number}",
                                            tr("map_pillar_title", lang, pillar=title),
                                            values, text("col_score", lang)))
    from ..geo.complaints import INDICATOR_ANSWERED, INDICATOR_CLOSED, INDICATOR_DAYS

    indicator_maps = []
    rows_by_id = {r.id: r for r in facts.indicators}
    complaints = geo.complaints_for(result.region, result.year)
    for number, indicator_id in enumerate(geo.data.options.map_indicators, start=1):
        # an indicator measured from a complaints export rests on complaints, not on
        # respondents: its count column says how many complaints each area had
        counted = (dict(complaints.area_counts) if complaints is not None
                   and indicator_id in (INDICATOR_CLOSED, INDICATOR_DAYS, INDICATOR_ANSWERED)
                   else None)
        values = {}
        raw: dict[str, tuple[float | None, ...]] = {}
        for area in boundaries.areas:
            found = by_key.get(area.key)
            item = found.indicator(indicator_id) if found is not None else None
            own = item if item is not None and item.source == "area" else None
            score = own.score if own is not None else None
            n: int | None
            if counted is not None:
                n = counted.get(area.key, 0)
                some = n > 0
            else:
                n = own.n if own is not None else None
                some = found is not None and found.respondents > 0
            state: AreaState = ("ok" if score is not None else "not_enough" if some
                                else "no_data")
            values[area.key] = (score, n, state)
            raw[area.key] = (own.value if own is not None else None,)
        row = rows_by_id.get(indicator_id)
        unit = row.unit_suffix.strip() if row is not None else ""
        indicator_maps.append(maker.choropleth(
            f"peta-indikator-{number}",
            tr("map_indicator_title", lang,
               indicator=row.title if row is not None else indicator_id),
            values, text("col_score", lang),
            extra=(tr("col_value_unit", lang, unit=unit) if unit else text("col_value", lang),),
            extra_values=raw,
            n_column=text("col_complaints", lang) if counted is not None else None))
    layers = tuple(_layer_view(number, read, maker, index)
                   for number, read in enumerate(geo.data.layers, start=1))
    match = geo.match(result.region, result.year)
    return MapsFacts(
        areas=areas, pillar_titles=pillar_titles, min_respondents=min_respondents,
        boundaries=source, notice=geo.data.notice is not None,
        data_areas=len(match.matched) + len(match.not_in_file) if match else len(areas),
        not_in_file=tuple(UnmatchedView(u.label, tr(
            "areas_did_you_mean" if u.reason == "not_found" else "areas_ambiguous", lang,
            names=", ".join(u.suggestions)) if u.suggestions else "")
            for u in (match.not_in_file if match else ())),
        not_in_data=tuple(match.not_in_data) if match else (),
        index_map=index_map, pillar_maps=tuple(pillar_maps),
        indicator_maps=tuple(indicator_maps), layers=layers,
        complaints=_complaints(geo, result), scored=scored), tuple(maker.jobs)


def _file_name(label: str) -> str:
    return label.replace("\\", "/").rsplit("/", 1)[-1]


def _area_row(area: AreaResult, facts: ReportFacts, pillar_ids: Sequence[str]) -> AreaRow:
    band = None
    if area.band is not None:
        label = area.band.label.get(facts.lang)
        band = BandView(label, next((b.color for b in facts.bands if b.label == label),
                                    "#9aa5b1"))
    state: AreaState = ("ok" if area.score is not None else
                        "no_data" if area.respondents == 0 else "not_enough")
    return AreaRow(area.key, area.name, area.code, area.parent, state, area.respondents,
                   area.score, band, area.local,
                   tuple(area.pillar(p).score for p in pillar_ids))


def layer_title(read: ReadLayer, lang: str) -> str:
    """A layer's title: the user's name, else its type's in the report's language."""
    spec = read.spec
    if spec.name:
        return spec.name
    if spec.type == "generic":
        return tr(LAYER_TITLE_KEYS["generic"], lang, name=_file_name(spec.shown))
    return text(LAYER_TITLE_KEYS[spec.type], lang)


def _layer_view(number: int, read: ReadLayer, maker: _Maker, index: Values) -> LayerView:
    from ..geo.layers import bivariate, join_layer

    lang = maker.lang
    spec, layer = read.spec, read.layer
    measure = spec.measure or ("per_100k" if any(a.population for a in layer.areas)
                               else "count")
    join = join_layer(maker.boundaries, layer, measure)
    title = layer_title(read, lang)
    unit = spec.unit or text(LAYER_UNIT_KEYS[spec.type], lang)
    measure_text = tr(MEASURE_KEYS[measure], lang, unit=unit)
    heading = measure_text[:1].upper() + measure_text[1:]
    counts = tuple((f.key, f.count) for f in join.figures if f.count > 0)
    # an invented layer says so on the map itself (the PNG travels alone)
    mark = f" — {text('layer_illustrative_short', lang)}" if spec.illustrative else ""
    credit = (f"{maker.credit} · {title}: {text('layer_illustrative', lang)}"
              if spec.illustrative else maker.credit)
    overlay = maker.choropleth(
        f"peta-lapisan-{number}", tr("map_layer_title", lang, layer=title), index,
        text("col_score", lang), extra=(heading,), credit=credit,
        extra_values={f.key: (f.value,) for f in join.figures},
        points=layer.points if layer.kind == "points" else (),
        symbols=counts if layer.kind == "areas" else None,
        symbols_title=f"{title} ({tr(MEASURE_KEYS['count'], lang, unit=unit)}){mark}",
        points_title=f"{title}{mark}")
    found = bivariate(maker.boundaries, {key: value for key, (value, _, _) in index.items()},
                      join.values())
    view = maker.bivariate(f"peta-bivariat-{number}",
                           tr("map_bivariate_title", lang, layer=title), found, title,
                           heading, f"{text('map_readiness', lang)} × {title}{mark}")
    readiness_words = {1: text("class_high", lang), 2: text("class_middle", lang),
                       3: text("class_low", lang)}
    problem_words = {1: text("class_low", lang), 2: text("class_middle", lang),
                     3: text("class_high", lang)}
    chosen = [r for r in found.rows if r.priority is not None
              and r.readiness_class is not None and r.problem_class is not None]
    ranked = tuple(PriorityView(rank, row.name, row.readiness, row.problem,
                                readiness_words[row.readiness_class or 2],
                                problem_words[row.problem_class or 2], row.priority or 0)
                   for rank, row in enumerate(chosen, start=1))
    unmatched = join.match.not_in_file if join.match is not None else ()
    return LayerView(
        title=title, measure=measure_text, measure_heading=heading, source=read.date.label,
        date=date_text(read.date.date, lang) if read.date.date else text("state_no_date", lang),
        illustrative=spec.illustrative,
        overlay=overlay, bivariate=view, ranked=ranked, outside=len(join.outside),
        outside_rows=", ".join(str(r) for r in join.outside[:20])
        + (" …" if len(join.outside) > 20 else ""),
        unmatched=", ".join(u.label for u in unmatched),
        digits=0 if measure == "count" else 1)


def _complaints(geo: GeoContext, result: RegionResult) -> ComplaintsView | None:
    use = geo.complaints_for(result.region, result.year)
    if use is None or geo.data.complaints is None:
        return None
    figures = use.figures
    return ComplaintsView(
        source=geo.data.complaints.source, year=use.complaints_year, total=figures.total,
        archived=figures.archived,
        closed=None if figures.share_closed is None else figures.share_closed / 100,
        median_days=figures.median_days,
        answered=None if figures.share_answered is None else figures.share_answered / 100,
        areas=use.areas, nowhere=use.placed_nowhere)


# --- sources and freshness ------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    """One data source with its date and state."""

    label: str
    kind: str
    date: str
    basis: str
    state: str
    stale: bool


@dataclass(frozen=True)
class SourcesFacts:
    """The sources of a report, dated, with the plan's limit."""

    rows: tuple[SourceRow, ...]
    max_age: str | None
    stale: int
    date: dt.date


def source_dates(result_inputs: Sequence[object], geo: GeoContext | None
                 ) -> tuple[SourceDate, ...]:
    """The date of every source: survey files (from their rows) and the geographic files."""
    from ..scoring.results import InputFile

    found: list[SourceDate] = []
    geo_labels = {d.label for d in geo.data.sources} if geo is not None else set()
    for item in result_inputs:
        if not isinstance(item, InputFile) or item.path in geo_labels:
            continue
        found.append(SourceDate(item.path, "survey", item.date,
                                "data" if item.date else "unknown"))
    if geo is not None:
        found.extend(geo.data.sources)
    return tuple(found)


def build_sources(dates: Sequence[SourceDate], max_age: MaxAge | None, today: dt.date,
                  lang: str) -> SourcesFacts | None:
    """The sources table (None when the run read no file, e.g. data built in memory)."""
    if not dates:
        return None
    rows = []
    for date in dates:
        stale = date.stale(max_age, today)
        if date.date is None:
            state = text("state_no_date", lang)
        elif max_age is None:
            state = text("state_unchecked", lang)
        elif stale:
            state = tr("state_stale", lang, max_age=age_text(max_age, lang))
        else:
            state = text("state_fresh", lang)
        rows.append(SourceRow(date.label, text(SOURCE_KIND_KEYS[date.kind], lang),
                              date_text(date.date, lang) if date.date else "–",
                              text(BASIS_KEYS_SOURCES[date.basis], lang),
                              state, stale))
    return SourcesFacts(tuple(rows), None if max_age is None else age_text(max_age, lang),
                        sum(1 for r in rows if r.stale), today)


def date_text(value: str, lang: str) -> str:
    """A source's date as a reader writes it: ``2024-09-30`` → ``30 September 2024``,
    ``2024-09`` → ``September 2024``; a year, or anything else, as it is."""
    parts = value.split("-")
    if len(parts) in (2, 3) and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        month = f"{MONTHS[lang][int(parts[1]) - 1]} {parts[0]}"
        return month if len(parts) == 2 else f"{int(parts[2])} {month}"
    return value


def age_text(max_age: MaxAge, lang: str) -> str:
    """``2 tahun`` / ``2 year(s)``."""
    key = {"y": "age_years", "m": "age_months", "d": "age_days"}[max_age.unit]
    return tr(key, lang, n=max_age.amount)


def stale_notices(dates: Sequence[SourceDate], max_age: MaxAge | None, today: dt.date
                  ) -> tuple[Notice, ...]:
    """A notice for every source older than ``max_age`` on ``today``."""
    return tuple(Notice("stale-source", (("source", d.label), ("date", d.date or ""),
                                         ("max_age", str(max_age))))
                 for d in dates if d.stale(max_age, today))


# --- files beside the documents ---------------------------------------------------------------

GEOJSON = "scores.geojson"
NOTICE_FILE = "NOTICE.txt"


def geo_files(assessment: object, result: RegionResult, geo: GeoContext, facts: ReportFacts
              ) -> dict[str, bytes]:
    """``scores.geojson`` (the boundary file with each area's scores: docs/maps.md) and,
    when the boundary file came with a licence notice, ``NOTICE.txt`` (the maps and
    ``scores.geojson`` are drawn from it, so its notice travels with them)."""
    from ..geo.export import scores_geojson
    from ..geo.layers import join_layer
    from ..geo.model import AreaScores
    from ..scoring.results import Assessment

    assert isinstance(assessment, Assessment)
    boundaries = geo.data.boundaries
    assert boundaries is not None
    lang = facts.lang
    pillar_ids = [p.id for p in facts.pillars]
    extras: dict[str, list[tuple[str, float | str | None]]] = {a.key: [] for a in
                                                                boundaries.areas}
    for read in geo.data.layers:
        spec = read.spec
        measure = spec.measure or ("per_100k" if any(a.population for a in read.layer.areas)
                                   else "count")
        join = join_layer(boundaries, read.layer, measure)
        for figure in join.figures:
            extras[figure.key].append((f"{spec.type}_{measure}", figure.value))
    by_key = {a.key: a for a in result.areas}
    scores = []
    for area in boundaries.areas:
        found = by_key.get(area.key)
        if found is None:
            scores.append(AreaScores(key=area.key, status="no_data",
                                     extra=tuple(extras[area.key])))
            continue
        status: Literal["ok", "not_enough", "no_data"] = (
            "ok" if found.status == "ok" else "no_data" if found.respondents == 0
            else "not_enough")
        scores.append(AreaScores(
            key=area.key, status=status, index=found.score,
            band=found.band.label.get(lang) if found.band else None,
            coverage=found.coverage, n=found.respondents,
            pillars=tuple((p.id, p.score) for p in found.pillars),
            extra=(("local", found.local), *extras[area.key])))
    iset = assessment.indicator_set
    files = {GEOJSON: scores_geojson(boundaries, scores, pillars=pillar_ids,
                                     region=result.region, year=result.year,
                                     set_id=f"{iset.id}@{iset.version}")}
    if geo.data.notice is not None:
        source = geo.data.boundaries_date.label if geo.data.boundaries_date else ""
        head = (f"The maps (maps/) and scores.geojson in this folder are drawn from the "
                f"boundary file {_file_name(source)}, which came with this notice:\n\n")
        files[NOTICE_FILE] = (head + geo.data.notice.rstrip() + "\n").encode("utf-8")
    return files
