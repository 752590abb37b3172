"""Problem layers: point or area data a regency has, joined to the areas of a boundary file.

A layer is read from CSV or GeoJSON (:func:`read_layer`):

* **points** — a CSV with longitude and latitude columns, or a GeoJSON of Point features:
  flood events, crime reports, geotagged complaints. Each point counts 1, or the number in a
  count column. Points are joined to areas by point-in-polygon (:func:`join_points`, a shapely
  ``STRtree`` queried with all points at once); a point on a shared border goes to the first
  area in file order; a point in no area is listed in ``outside``, never dropped silently.
* **areas** — a CSV with an area code or name column and a count (cases), a population or a
  ready-made value (a BNPB risk index): dengue cases by kecamatan, risk by desa. Rows are
  matched to the boundary file like survey data (:func:`join_areas`, with a match report).

A join gives one figure per area (:class:`~.model.AreaFigure`): the count, and the chosen
measure — count, per km², per 100,000 residents (incidence: cases ÷ population × 100,000, the
rate the Ministry of Health reports dengue in) or the file's value. :func:`bivariate` then
classes readiness and the problem into tertiles and ranks the areas where readiness is low
and the problem high.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from ..errors import InputError, Problem, shorten
from .model import (
    AreaFigure,
    AreaRef,
    Bivariate,
    Boundaries,
    LayerAreaValue,
    LayerJoin,
    LayerPoint,
    Measure,
    PriorityRow,
    ProblemLayer,
)
from .names import match_areas
from .project import area_km2
from .read import MAX_BYTES, clean_text, parse_points

MAX_ROWS = 1_000_000

COLUMNS: dict[str, tuple[str, ...]] = {
    "lon": ("lon", "lng", "long", "longitude", "bujur", "x"),
    "lat": ("lat", "latitude", "lintang", "y"),
    "code": ("kode", "kode_wilayah", "kode_desa", "kode_kelurahan", "kode_kecamatan", "code"),
    "name": ("area", "wilayah", "nama_wilayah", "desa", "kelurahan", "desa_kelurahan",
             "kecamatan", "nama", "name"),
    "parent": ("kecamatan",),
    "count": ("jumlah", "kasus", "jumlah_kasus", "kejadian", "jumlah_kejadian", "count",
              "cases", "events"),
    "population": ("penduduk", "jumlah_penduduk", "populasi", "population"),
    "value": ("nilai", "value", "indeks", "indeks_risiko", "skor", "risk", "risiko"),
}
"""Accepted column names (any case, spaces or hyphens for underscores), canonical first."""


def canonical_name(header: str) -> str:
    """A column name compared: case folded, spaces and hyphens as underscores."""
    return re.sub(r"[\s\-]+", "_", header.strip().casefold())


def find_columns(header: Sequence[str], wanted: Mapping[str, tuple[str, ...]]
                 ) -> dict[str, int]:
    """Canonical column → index in ``header`` (the first alias found, in alias order)."""
    names = [canonical_name(h) for h in header]
    found: dict[str, int] = {}
    for key, aliases in wanted.items():
        for alias in aliases:
            if alias in names:
                found[key] = names.index(alias)
                break
    return found


def read_csv_rows(data: bytes, label: str, max_bytes: int = MAX_BYTES
                  ) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(header, [(line, cells)]) of a CSV: UTF-8 (BOM allowed) or Windows-1252, separator
    ``,`` ``;`` or TAB found from the header line. Empty lines are skipped."""
    if len(data) > max_bytes:
        raise InputError([Problem(label, f"the file is {len(data):,} bytes, more than the "
                                  f"limit of {max_bytes:,} bytes")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = [c.strip() for c in cells]
                continue
            rows.append((reader.line_num, cells))
            if len(rows) > MAX_ROWS:
                raise InputError([Problem(label, f"more than {MAX_ROWS:,} rows")])
    except csv.Error as exc:
        raise InputError([Problem(label, f"not readable as CSV: {exc}",
                                  line=reader.line_num)]) from None
    if header is None:
        raise InputError([Problem(label, "the file is empty", expected="a header line")])
    return header, rows


_THOUSANDS = re.compile(r"^-?\d{1,3}([.,]\d{3})+$")


def parse_number(text: str, whole: bool = False) -> float | None:
    """A number in a CSV cell: decimal point or comma; for ``whole`` numbers (counts,
    populations) ``95.150`` and ``95,150`` are thousands, as Indonesian tables write them.
    None for an empty cell; ValueError when it is not a number."""
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if value == "" or value.upper() in ("NA", "N/A", "-"):
        return None
    if whole and _THOUSANDS.match(value):
        value = value.replace(".", "").replace(",", "")
    elif "," in value and "." not in value:
        value = value.replace(",", ".")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def read_layer(path: str | Path, *, layer_id: str, title: str, unit: str = "",
               label: str | None = None, data: bytes | None = None) -> ProblemLayer:
    """A problem layer from a CSV or GeoJSON file (see the module text for the columns).

    Raises :class:`InputError` with every problem of the file (row or feature numbers,
    column names, what was expected and found).
    """
    shown = label or str(path)
    if data is None:
        try:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError([Problem(shown, f"cannot read the file: {exc.strerror or exc}")]
                             ) from None
    suffix = Path(path).suffix.casefold()
    if suffix in (".geojson", ".json"):
        points = parse_points(data, shown, weight_property=_geojson_weight(data))
        return ProblemLayer(id=layer_id, title=title, kind="points", source=shown,
                            points=points, unit=unit)
    header, rows = read_csv_rows(data, shown)
    columns = find_columns(header, COLUMNS)
    if "lon" in columns and "lat" in columns:
        return ProblemLayer(id=layer_id, title=title, kind="points", source=shown,
                            points=_csv_points(shown, header, rows, columns), unit=unit)
    if "code" in columns or "name" in columns:
        return ProblemLayer(id=layer_id, title=title, kind="areas", source=shown,
                            areas=_csv_areas(shown, header, rows, columns), unit=unit)
    raise InputError([Problem(
        shown, "the layer has neither longitude/latitude columns nor an area column",
        line=1, expected="columns lon and lat (or bujur and lintang), or kode or an area "
        "name column (kecamatan, desa, wilayah …)", found=shorten(", ".join(header), 120))])


def _geojson_weight(data: bytes) -> str | None:
    """The count property of a GeoJSON point layer, when its first feature has one."""
    import json

    try:
        first = json.loads(data)["features"][0]["properties"]
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):
        return None
    if not isinstance(first, dict):
        return None
    found = find_columns(list(first), {"count": COLUMNS["count"]})
    return list(first)[found["count"]] if found else None


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _csv_points(label: str, header: list[str], rows: list[tuple[int, list[str]]],
                columns: dict[str, int]) -> tuple[LayerPoint, ...]:
    problems: list[Problem] = []
    points: list[LayerPoint] = []
    for line, cells in rows:
        values: dict[str, float | None] = {}
        for key in ("lon", "lat", "count"):
            index = columns.get(key)
            if index is None:
                continue
            raw = _cell(cells, index)
            try:
                values[key] = parse_number(raw, whole=key == "count")
            except ValueError:
                problems.append(Problem(label, "not a number", line=line, column=index + 1,
                                        field=header[index], expected="a number",
                                        found=shorten(raw)))
                values[key] = math.nan
        lon, lat = values.get("lon"), values.get("lat")
        if lon is None or lat is None:
            problems.append(Problem(label, "the point has no longitude or latitude",
                                    line=line, field=f"{header[columns['lon']]}, "
                                    f"{header[columns['lat']]}", expected="two numbers"))
            continue
        if math.isnan(lon) or math.isnan(lat):
            continue
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            hint = (" (the columns look swapped: longitude is around 95–141 in Indonesia, "
                    "latitude around −11–6)" if abs(lon) <= 90 < abs(lat) else "")
            problems.append(Problem(label, f"the position is out of range{hint}", line=line,
                                    field=f"{header[columns['lon']]}, {header[columns['lat']]}",
                                    expected="longitude −180..180, latitude −90..90",
                                    found=f"{lon:g}, {lat:g}"))
            continue
        count = values.get("count")
        if count is not None and (math.isnan(count) or count < 0):
            if not math.isnan(count):
                problems.append(Problem(label, "a count below zero", line=line,
                                        field=header[columns["count"]],
                                        expected="0 or more", found=f"{count:g}"))
            continue
        points.append(LayerPoint(row=line, lon=lon, lat=lat,
                                 weight=1.0 if count is None else count))
    if problems:
        raise InputError(problems)
    return tuple(points)


def _csv_areas(label: str, header: list[str], rows: list[tuple[int, list[str]]],
               columns: dict[str, int]) -> tuple[LayerAreaValue, ...]:
    problems: list[Problem] = []
    out: list[LayerAreaValue] = []
    name_index = columns.get("name")
    parent_index = columns.get("parent")
    if parent_index == name_index:
        parent_index = None
    # A file that names areas by a kecamatan column alone is about kecamatan.
    level: Literal["kecamatan"] | None = "kecamatan" if (
        name_index is not None and parent_index is None
        and header[name_index].strip().casefold() == "kecamatan") else None
    if not any(k in columns for k in ("count", "population", "value")):
        raise InputError([Problem(label, "the layer has no count, population or value column",
                                  line=1, expected="a column such as kasus, jumlah, penduduk "
                                  "or nilai", found=shorten(", ".join(header), 120))])
    for line, cells in rows:
        numbers: dict[str, float | None] = {}
        for key in ("count", "population", "value"):
            index = columns.get(key)
            if index is None:
                continue
            raw = _cell(cells, index)
            try:
                number = parse_number(raw, whole=key != "value")
            except ValueError:
                problems.append(Problem(label, "not a number", line=line, column=index + 1,
                                        field=header[index], expected="a number",
                                        found=shorten(raw)))
                continue
            if number is not None and number < 0:
                problems.append(Problem(label, "a number below zero", line=line,
                                        column=index + 1, field=header[index],
                                        expected="0 or more", found=f"{number:g}"))
                continue
            if key == "population" and number == 0:
                problems.append(Problem(label, "a population of zero", line=line,
                                        column=index + 1, field=header[index],
                                        expected="more than 0", found="0"))
                continue
            numbers[key] = number
        code = clean_text(_cell(cells, columns.get("code"))) or None
        name = clean_text(_cell(cells, name_index))
        parent = clean_text(_cell(cells, parent_index)) or None
        if not code and not name:
            problems.append(Problem(label, "the row names no area", line=line,
                                    field=header[columns.get("code", name_index or 0)],
                                    expected="an area code or name"))
            continue
        out.append(LayerAreaValue(row=line, ref=AreaRef(name, parent, code, level),
                                  count=numbers.get("count"),
                                  population=numbers.get("population"),
                                  value=numbers.get("value")))
    if problems:
        raise InputError(problems)
    return tuple(out)


# --- joins ----------------------------------------------------------------------------------


def _measure(count: float, population: float | None, km2: float, value: float | None,
             measure: Measure) -> float | None:
    if measure == "count":
        return count
    if measure == "per_km2":
        return count / km2 if km2 > 0 else None
    if measure == "per_100k":
        return None if not population else count / population * 100_000
    return value


def join_points(boundaries: Boundaries, layer: ProblemLayer, measure: Measure = "count",
                population: Mapping[str, float] | None = None) -> LayerJoin:
    """Count a point layer's events per area (vectorised point-in-polygon), as ``measure``.

    ``population`` (area key → residents) is needed for ``per_100k``.
    """
    import numpy as np
    import shapely

    areas = boundaries.areas
    counts: Any = np.zeros(len(areas))
    outside: tuple[int, ...] = ()
    if layer.points:
        coords = np.asarray([(p.lon, p.lat) for p in layer.points], dtype=float)
        weights = np.asarray([p.weight for p in layer.points], dtype=float)
        points = shapely.points(coords)
        tree = shapely.STRtree([a.geometry for a in areas])
        hits = tree.query(points, predicate="intersects")
        order = np.lexsort((hits[1], hits[0]))  # by point, then by area in file order
        point_index, area_index = hits[0][order], hits[1][order]
        first = np.unique(point_index, return_index=True)[1]
        point_index, area_index = point_index[first], area_index[first]
        counts = np.bincount(area_index, weights=weights[point_index], minlength=len(areas))
        hit = np.zeros(len(layer.points), dtype=bool)
        hit[point_index] = True
        outside = tuple(sorted({layer.points[i].row for i in np.flatnonzero(~hit)}))
    figures = []
    for index, area in enumerate(areas):
        people = None if population is None else population.get(area.key)
        km2 = area_km2(area.geometry)
        count = float(counts[index])
        figures.append(AreaFigure(key=area.key, count=count, population=people, area_km2=km2,
                                  value=_measure(count, people, km2, None, measure)))
    return LayerJoin(layer_id=layer.id, measure=measure, figures=tuple(figures),
                     outside=outside)


def join_areas(boundaries: Boundaries, layer: ProblemLayer, measure: Measure = "count"
               ) -> LayerJoin:
    """An area layer's rows matched to the boundaries (match report included), as ``measure``.

    An area listed twice in the layer is an error (rows named); rows the file lacks are in
    ``match.not_in_file``; areas without a row get a count of 0 and no value.
    """
    report = match_areas(boundaries, [row.ref for row in layer.areas])
    mapping = report.mapping()
    by_key: dict[str, LayerAreaValue] = {}
    problems: list[Problem] = []
    for row in layer.areas:
        key = mapping.get(row.ref.label())
        if key is None:
            continue
        if key in by_key:
            problems.append(Problem(layer.source, f"the area {key!r} is also on line "
                                    f"{by_key[key].row}", line=row.row,
                                    expected="one row per area", found=row.ref.label()))
            continue
        by_key[key] = row
    if problems:
        raise InputError(problems)
    figures = []
    for area in boundaries.areas:
        found = by_key.get(area.key)
        km2 = area_km2(area.geometry)
        if found is None:
            figures.append(AreaFigure(key=area.key, count=0.0, population=None, area_km2=km2,
                                      value=None))
            continue
        count = found.count or 0.0
        value = (None if measure in ("count", "per_km2") and found.count is None
                 else _measure(count, found.population, km2, found.value, measure))
        figures.append(AreaFigure(key=area.key, count=count, population=found.population,
                                  area_km2=km2, value=value))
    return LayerJoin(layer_id=layer.id, measure=measure, figures=tuple(figures),
                     match=report)


def join_layer(boundaries: Boundaries, layer: ProblemLayer, measure: Measure = "count",
               population: Mapping[str, float] | None = None) -> LayerJoin:
    """:func:`join_points` or :func:`join_areas`, as the layer's kind says."""
    if layer.kind == "points":
        return join_points(boundaries, layer, measure, population)
    return join_areas(boundaries, layer, measure)


# --- readiness low × problem high -----------------------------------------------------------


def tertile_breaks(values: Sequence[float]) -> tuple[float, float]:
    """The 1/3 and 2/3 quantiles (numpy's default linear interpolation)."""
    import numpy as np

    low, high = np.quantile(np.asarray(values, dtype=float), [1 / 3, 2 / 3])
    return float(low), float(high)


def bivariate(boundaries: Boundaries, readiness: Mapping[str, float | None],
              problem: Mapping[str, float | None],
              readiness_breaks: tuple[float, float] | None = None,
              problem_breaks: tuple[float, float] | None = None) -> Bivariate:
    """Class every area by readiness and by the problem (3 × 3) and rank them.

    Breaks default to the tertiles of the areas that have both values. A problem value
    above the upper break is class 3 (high), above the lower break class 2, else 1; a
    readiness value above the upper break is class 1 (high readiness), above the lower
    break 2, else 3 (low). ``priority = problem class + readiness class`` runs from 2
    (readiness high, problem low) to 6 (readiness low, problem high). Rows are ranked by
    priority, then the problem (higher first), then readiness (lower first), then name.
    """
    both: list[tuple[float, float]] = []
    for area in boundaries.areas:
        r, p = readiness.get(area.key), problem.get(area.key)
        if r is not None and p is not None:
            both.append((r, p))
    if readiness_breaks is None:
        readiness_breaks = tertile_breaks([r for r, _ in both]) if both else (0.0, 0.0)
    if problem_breaks is None:
        problem_breaks = tertile_breaks([p for _, p in both]) if both else (0.0, 0.0)
    rows = []
    for area in boundaries.areas:
        r, p = readiness.get(area.key), problem.get(area.key)
        r_class = None if r is None else 3 - (r > readiness_breaks[0]) - (r > readiness_breaks[1])
        p_class = None if p is None else 1 + (p > problem_breaks[0]) + (p > problem_breaks[1])
        priority = None if r_class is None or p_class is None else r_class + p_class
        rows.append(PriorityRow(key=area.key, name=area.name, readiness=r, problem=p,
                                readiness_class=r_class, problem_class=p_class,
                                priority=priority))
    rows.sort(key=lambda row: (row.priority is None, -(row.priority or 0),
                               -(row.problem if row.problem is not None else -math.inf),
                               row.readiness if row.readiness is not None else math.inf,
                               row.name.casefold(), row.key))
    return Bivariate(readiness_breaks=readiness_breaks, problem_breaks=problem_breaks,
                     rows=tuple(rows))
