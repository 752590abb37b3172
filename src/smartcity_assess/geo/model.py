"""The geographic data as the rest of the tool sees it: frozen dataclasses, no heavy imports.

Geometries are shapely objects (immutable) in WGS 84 longitude/latitude, the order of
RFC 7946. They are typed ``Any`` here so that this module never imports shapely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

BoundaryKey = Literal["kode", "name"]
"""How areas are matched to data: by official code (``kode``) or by normalised name."""

AreaStatus = Literal["ok", "not_enough", "no_data"]
"""``ok``: a value; ``not_enough``: the area has data but too few answers for a value;
``no_data``: nothing for this area in the data."""


@dataclass(frozen=True)
class Area:
    """One feature of a boundary file."""

    number: int
    """1-based number of the feature in the file (what error messages cite)."""
    key: str
    """Unique key of the area in its file: the code (key ``kode``) or the name (key
    ``name``; ``"<parent> / <name>"`` when a name occurs more than once, e.g. a desa name
    found in two kecamatan)."""
    name: str
    """Display name: NFC, control characters removed, spaces collapsed."""
    code: str | None
    """Official code (``kode`` property), when the file has one."""
    parent: str | None
    """Name of the containing area (a desa's kecamatan), when the file has one."""
    properties: tuple[tuple[str, Any], ...]
    """The feature's original properties in file order (JSON values), for the export."""
    geometry: Any
    """A valid shapely ``Polygon`` or ``MultiPolygon`` in lon/lat."""

    @property
    def label(self) -> str:
        """How reports name the area: its name (qualified when not unique) and its code."""
        name = self.name if self.key == self.code else self.key
        return f"{name} ({self.code})" if self.code else name


@dataclass(frozen=True)
class Boundaries:
    """A boundary file read and checked: its areas and how they are keyed."""

    source: str
    """The file as the user named it."""
    key: BoundaryKey
    name_property: str
    code_property: str | None
    parent_property: str | None
    areas: tuple[Area, ...]
    repaired: tuple[tuple[int, str], ...] = ()
    """(feature number, what was wrong) for each geometry repaired with ``make_valid``."""

    def by_key(self) -> dict[str, Area]:
        """Areas by their key."""
        return {area.key: area for area in self.areas}

    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) in degrees."""
        import shapely

        box = shapely.total_bounds([area.geometry for area in self.areas])
        return (float(box[0]), float(box[1]), float(box[2]), float(box[3]))


@dataclass(frozen=True)
class AreaRef:
    """How the data names an area: a name, optionally its parent (kecamatan) and a code."""

    name: str
    parent: str | None = None
    code: str | None = None
    level: Literal["kecamatan"] | None = None
    """``kecamatan`` when the data names a kecamatan and nothing finer: such an area matches
    only an area of a kecamatan file, never a desa that bears the kecamatan's name."""

    def label(self) -> str:
        """The name as the data writes it, with the parent and the code when given."""
        text = self.name or (self.code or "")
        if self.parent:
            text = f"{self.parent} / {text}"
        return f"{text} ({self.code})" if self.code and self.name else text


@dataclass(frozen=True)
class Unmatched:
    """An area named in the data that the boundary file does not have (or has twice)."""

    label: str
    reason: Literal["not_found", "ambiguous"]
    suggestions: tuple[str, ...] = ()
    """Did-you-mean names from the file (for ``not_found``) or the candidates (``ambiguous``)."""


@dataclass(frozen=True)
class MatchReport:
    """Which data areas were found in the boundary file, and which were not, by name."""

    key: BoundaryKey
    matched: tuple[tuple[str, str], ...]
    """(data label, area key) pairs, in data order."""
    not_in_file: tuple[Unmatched, ...]
    """Areas in the data that the file lacks or cannot tell apart."""
    not_in_data: tuple[str, ...]
    """Labels (:attr:`Area.label`) of areas in the file with nothing in the data, in file
    order."""

    def mapping(self) -> dict[str, str]:
        """Data label → area key."""
        return dict(self.matched)

    @property
    def complete(self) -> bool:
        """True when every data area was found and every file area has data."""
        return not self.not_in_file and not self.not_in_data


# --- maps ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapBand:
    """A band of the set (lower bound, label in the map's language, fill colour)."""

    lower: float
    label: str
    color: str


@dataclass(frozen=True)
class AreaValue:
    """What a choropleth shows for one area."""

    key: str
    """The area's key in the boundaries."""
    value: float | None
    """The score (None when not enough answers)."""
    status: AreaStatus = "ok"
    n: int | None = None
    """Number of respondents (or answers) behind the value, when known."""


@dataclass(frozen=True)
class MapTexts:
    """Every word a map prints or says, in the report's language (see :func:`.draw.map_texts`)."""

    lang: str
    """``id`` or ``en``: number format (``72,5`` or ``72.5``)."""
    title: str
    """Printed above the map; empty for none (the report's heading carries it)."""
    legend_title: str
    not_enough: str
    no_data: str
    north: str
    area_column: str
    value_column: str
    band_column: str
    n_column: str
    credit: str
    """Small print under the map (boundary source and licence)."""
    alt_template: str
    """Alt text: ``{title}``, ``{count}``, ``{areas}``, ``{high}``, ``{low}``,
    ``{not_enough}``, ``{no_data}`` are filled in."""
    extreme_template: str
    """How ``{high}``/``{low}`` read: ``{name}``, ``{value}``, ``{band}``."""
    none_template: str
    """The alt text's clause when no area has a value."""
    missing_template: str
    """The alt text's clause on areas without a value: ``{count}``, ``{what}``."""
    table_note: str
    """Sentence pointing to the data table (end of the alt text)."""
    points: str = ""
    """Legend label of point symbols (e.g. "Kejadian banjir")."""
    symbols: str = ""
    """Legend title of proportional symbols (e.g. "Kasus DBD")."""
    low: str = "rendah"
    high: str = "tinggi"
    """Words of the bivariate legend's axes ("Kesiapan rendah", "DBD tinggi")."""


@dataclass(frozen=True)
class MapRow:
    """One row of the data table printed under a map (the map's accessible twin)."""

    key: str
    name: str
    parent: str | None
    value: float | None
    band: str
    """Band label, or the "not enough answers" / "no data" text."""
    n: int | None
    status: AreaStatus
    extra: tuple[tuple[str, float | None], ...] = ()
    """Further columns (a problem layer's rate, a bivariate class …): (header, value)."""


@dataclass(frozen=True)
class MapResult:
    """A drawn map: SVG and PNG, its data table and its accessible description."""

    name: str
    """File stem and SVG id prefix."""
    title: str
    alt: str
    """Alt text (also the SVG ``<desc>``)."""
    svg: str
    """The ``<svg>`` element alone, ready to inline in HTML."""
    png: bytes
    rows: tuple[MapRow, ...]
    """Data table rows in the order the report should print them (by name)."""
    columns: tuple[str, ...]
    """Headers of the data table: area, value, band, n, then the extra columns."""

    def svg_file(self) -> str:
        """The SVG as a standalone file."""
        return '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + self.svg + "\n"


# --- problem layers -----------------------------------------------------------------------

LayerKind = Literal["points", "areas"]


@dataclass(frozen=True)
class LayerPoint:
    """One event of a point layer (a flood, a crime report, a complaint)."""

    row: int
    """Row (CSV) or feature (GeoJSON) number in the layer file."""
    lon: float
    lat: float
    weight: float = 1.0
    """How much the point counts (1 for an event; a number of cases when the file says)."""


@dataclass(frozen=True)
class LayerAreaValue:
    """One area's figure in an area layer (dengue cases by kecamatan, BNPB risk by desa)."""

    row: int
    ref: AreaRef
    count: float | None = None
    """Events or cases."""
    population: float | None = None
    value: float | None = None
    """A ready-made value (a risk index) when the file gives one instead of a count."""


@dataclass(frozen=True)
class ProblemLayer:
    """A problem layer as read from a file: points or area figures."""

    id: str
    title: str
    kind: LayerKind
    source: str
    points: tuple[LayerPoint, ...] = ()
    areas: tuple[LayerAreaValue, ...] = ()
    unit: str = ""
    """What a count means ("kasus", "kejadian")."""


Measure = Literal["count", "per_km2", "per_100k", "value"]
"""How a layer becomes one number per area: events, events per km², per 100,000 residents,
or the value the file gives."""


@dataclass(frozen=True)
class AreaFigure:
    """A layer's figure for one area after the join."""

    key: str
    count: float
    """Events (weights summed) inside the area; 0 when none."""
    population: float | None
    area_km2: float
    value: float | None
    """The chosen measure (None when it cannot be computed, e.g. no population)."""


@dataclass(frozen=True)
class LayerJoin:
    """A layer joined to the areas of a boundary file."""

    layer_id: str
    measure: Measure
    figures: tuple[AreaFigure, ...]
    """One per area of the boundaries, in file order."""
    outside: tuple[int, ...] = ()
    """Rows of points that fall in no area (reported, never dropped silently)."""
    match: MatchReport | None = None
    """For area layers: how the layer's area names matched the file."""

    def values(self) -> dict[str, float | None]:
        """Area key → measure."""
        return {f.key: f.value for f in self.figures}


@dataclass(frozen=True)
class PriorityRow:
    """One area of the "readiness low and problem high" table."""

    key: str
    name: str
    readiness: float | None
    problem: float | None
    readiness_class: int | None
    """1 high readiness … 3 low readiness (None: no value)."""
    problem_class: int | None
    """1 low problem … 3 high problem."""
    priority: int | None
    """``problem_class + readiness_class``: 6 = readiness low and problem high."""


@dataclass(frozen=True)
class Bivariate:
    """Classes of the bivariate map and the ranked table behind it."""

    readiness_breaks: tuple[float, float]
    problem_breaks: tuple[float, float]
    rows: tuple[PriorityRow, ...]
    """Ranked: highest priority first."""
    method: str = "tertiles"


# --- complaints ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Complaint:
    """One complaint of an SP4N-LAPOR / Lapor Bupati export, normalised."""

    row: int
    id: str
    received: str
    """ISO date (YYYY-MM-DD) the complaint came in."""
    closed: str | None
    """ISO date it was closed (None: still open)."""
    status: Literal["closed", "open", "archived"]
    """``archived``: set aside without handling (SP4N-LAPOR "Arsip": not the agency's
    authority, unclear, a duplicate); left out of every share."""
    answered: bool | None
    """Whether the reporter got an answer (None: the export does not say)."""
    channel: str
    category: str
    ref: AreaRef | None
    lon: float | None = None
    lat: float | None = None

    @property
    def days_to_close(self) -> int | None:
        """Calendar days from received to closed."""
        if self.closed is None:
            return None
        import datetime as dt

        return (dt.date.fromisoformat(self.closed) - dt.date.fromisoformat(self.received)).days


@dataclass(frozen=True)
class ComplaintExport:
    """A complaints export read and checked."""

    source: str
    complaints: tuple[Complaint, ...]
    columns: tuple[tuple[str, str], ...] = field(default=())
    """(canonical column, column as found in the file) for the columns used."""


@dataclass(frozen=True)
class ComplaintFigures:
    """Feedback-loop figures of one region or area."""

    label: str
    """Region name, or the area's key."""
    total: int
    """Complaints counted (archived ones excluded)."""
    closed: int
    answered: int | None
    share_closed: float | None
    """Percent 0–100 (None below the minimum number of complaints)."""
    median_days: float | None
    share_answered: float | None
    """Percent 0–100 (None when the export does not say, or too few complaints)."""
    archived: int = 0


@dataclass(frozen=True)
class AnswerRow:
    """One row of the long answers table the survey loader reads (role ``statistik``)."""

    region: str
    year: int | None
    area: str | None
    """The area's key in the boundary file (None: the whole region)."""
    kode: str | None
    respondent: str
    role: str
    indicator: str
    value: float


# --- export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaScores:
    """One area's scores for ``scores.geojson`` (values as the scoring computed them)."""

    key: str
    status: AreaStatus
    index: float | None = None
    band: str | None = None
    coverage: float | None = None
    """Share 0–1 of the index's weight that had answers."""
    n: int | None = None
    """Respondents with at least one answer in the area."""
    pillars: tuple[tuple[str, float | None], ...] = ()
    """(pillar id, score) in the set's order."""
    extra: tuple[tuple[str, float | str | None], ...] = ()
    """Further properties (a layer's rate …) as (name, value); written as ``sca_<name>``."""
