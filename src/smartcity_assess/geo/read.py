"""Safe reading of GeoJSON boundary and point files.

A file is read whole (up to a size limit), parsed as JSON, and every feature is checked:
its geometry type, every position (two finite numbers, longitude −180..180 and latitude
−90..90, in the RFC 7946 order longitude, latitude), closed rings of four or more positions,
and a valid geometry (repaired with shapely's ``make_valid`` when asked, else an error). The
key property (``kode`` or the name) must be present, and unique. All problems of a file are
collected and raised together as one :class:`~smartcity_assess.errors.InputError`, each
naming the feature number and the property; nothing half-read is returned.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem, shorten
from .model import Area, Boundaries, BoundaryKey, LayerPoint

MAX_BYTES = 64 * 1024 * 1024
"""Largest GeoJSON file read (64 MiB; the 287-desa file of Kabupaten Tegal is 0.6 MB)."""
MAX_FEATURES = 50_000
MAX_POSITIONS = 5_000_000
MAX_PROBLEMS = 200
"""More problems than this in one file: the rest are summed up in one last problem."""

NAME_PROPERTIES = ("name", "nama", "NAMOBJ", "desa", "kelurahan", "desa_kelurahan",
                   "WADMKD", "NAME_4", "kecamatan", "WADMKC", "NAME_3", "kabupaten",
                   "kab_kota", "WADMKK", "NAME_2")
"""Properties tried, in order, for an area's name when none is given (BIG's RBI
shapefiles use ``NAMOBJ``/``WADMKD``/``WADMKC``; GADM uses ``NAME_n``)."""
CODE_PROPERTIES = ("kode", "kode_wilayah", "kode_kemendagri", "KDEPUM", "KDCPUM", "KDPKAB",
                   "code", "kode_bps")
PARENT_PROPERTIES = ("kecamatan", "WADMKC", "NAME_3", "kabupaten", "kab_kota", "WADMKK",
                     "NAME_2")

_KIND = {"Polygon": "polygons", "MultiPolygon": "polygons", "Point": "points",
         "MultiPoint": "points"}


class _Problems:
    """Problems of one file, capped so that a broken million-feature file cannot flood."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.items: list[Problem] = []
        self.dropped = 0

    def add(self, message: str, *, feature: int | None = None, field: str | None = None,
            expected: str | None = None, found: str | None = None, line: int | None = None,
            column: int | None = None) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        text = f"feature {feature}: {message}" if feature is not None else message
        self.items.append(Problem(self.label, text, line=line, column=column, row=feature,
                                  field=field, expected=expected, found=found))

    def raise_if_any(self) -> None:
        if self.dropped:
            self.items.append(Problem(self.label, f"{self.dropped} more problems not listed"))
        if self.items:
            raise InputError(self.items)


def clean_text(value: str, limit: int = 120) -> str:
    """A name fit for a label: NFC, no control or format characters, spaces collapsed."""
    text = unicodedata.normalize("NFC", value)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                   for c in text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _load(data: bytes, problems: _Problems, max_bytes: int) -> Any:
    """The JSON document, or None (with a problem) when the bytes are not readable JSON."""
    if len(data) > max_bytes:
        problems.add(f"the file is {len(data):,} bytes, more than the limit of "
                     f"{max_bytes:,} bytes", expected=f"at most {max_bytes:,} bytes")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add("the file is not UTF-8 text (GeoJSON is UTF-8, RFC 7946 §1)",
                     expected="UTF-8", found=f"byte {data[exc.start]:#04x} at offset {exc.start}")
        return None
    try:
        return json.loads(text, parse_constant=lambda _name: math.nan)
    except json.JSONDecodeError as exc:
        problems.add(f"not valid JSON: {exc.msg}", line=exc.lineno, column=exc.colno,
                     expected="valid JSON")
    except RecursionError:
        problems.add("the JSON is nested too deeply", expected="a GeoJSON FeatureCollection")
    except ValueError as exc:  # e.g. integers longer than Python's digit limit
        problems.add(f"not valid JSON: {shorten(str(exc), 120)}", expected="valid JSON")
    return None


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return shorten(value)
    return "a list" if isinstance(value, list) else "an object"


def _features(document: Any, problems: _Problems, max_features: int) -> list[Any] | None:
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        found = (f'"type": {shorten(document.get("type"))}' if isinstance(document, dict)
                 else _kind(document))
        problems.add("the file is not a GeoJSON FeatureCollection", field="type",
                     expected='an object with "type": "FeatureCollection"', found=found)
        return None
    features = document.get("features")
    if not isinstance(features, list):
        problems.add('the FeatureCollection has no "features" list', field="features",
                     expected="a list of features", found=_kind(features))
        return None
    if len(features) > max_features:
        problems.add(f"the file has {len(features):,} features, more than the limit of "
                     f"{max_features:,}", field="features",
                     expected=f"at most {max_features:,} features")
        return None
    if not features:
        problems.add("the FeatureCollection has no features", field="features",
                     expected="at least one feature", found="[]")
        return None
    return features


def _position_hint(x: float, y: float) -> str:
    if abs(x) > 1000 or abs(y) > 1000:
        return ("the numbers look like projected coordinates in metres (e.g. UTM): export "
                "the file in WGS 84 longitude/latitude (EPSG:4326)")
    if abs(x) <= 90 < abs(y) <= 180:
        return ("the position looks like [latitude, longitude]: GeoJSON (RFC 7946) wants "
                "[longitude, latitude]")
    return "GeoJSON positions are [longitude, latitude] in WGS 84 degrees"


class _Geometry:
    """Checks one feature's coordinates and builds numpy arrays of its rings or points."""

    def __init__(self, problems: _Problems, number: int) -> None:
        self.problems = problems
        self.number = number
        self.bad = False
        self.count = 0

    def fail(self, message: str, expected: str | None = None, found: str | None = None) -> None:
        if not self.bad:  # one coordinate problem per feature is enough to find it
            self.problems.add(message, feature=self.number, field="geometry.coordinates",
                              expected=expected, found=found)
        self.bad = True

    def positions(self, value: Any, what: str) -> Any:
        """An (n, 2) float array of the positions in ``value``, or None after a problem."""
        import numpy as np

        if not isinstance(value, list) or not value:
            self.fail(f"{what} is not a list of positions", "a list of [longitude, latitude]",
                      _kind(value))
            return None
        rows: list[tuple[float, float]] = []
        for position in value:
            if (not isinstance(position, list) or len(position) < 2
                    or not all(isinstance(c, (int, float)) and not isinstance(c, bool)
                               for c in position)):
                self.fail(f"a position in {what} is not a list of numbers",
                          "[longitude, latitude]", shorten(position))
                return None
            rows.append((float(position[0]), float(position[1])))
        array = np.asarray(rows, dtype=float)
        self.count += len(rows)
        finite = np.isfinite(array).all(axis=1)
        if not finite.all():
            bad = rows[int(np.argmin(finite))]
            self.fail(f"a position in {what} is not a finite number", "finite numbers",
                      shorten(list(bad)))
            return None
        lon_bad = np.abs(array[:, 0]) > 180
        lat_bad = np.abs(array[:, 1]) > 90
        out = lon_bad | lat_bad
        if out.any():
            x, y = rows[int(np.argmax(out))]
            self.fail(f"a position in {what} is out of range ({_position_hint(x, y)})",
                      "longitude −180..180 and latitude −90..90", shorten([x, y]))
            return None
        return array

    def ring(self, value: Any, what: str) -> Any:
        array = self.positions(value, what)
        if array is None:
            return None
        if len(array) < 4:
            self.fail(f"{what} has {len(array)} positions", "a closed ring of 4 or more "
                      "positions (RFC 7946 §3.1.6)", str(len(array)))
            return None
        if not (array[0] == array[-1]).all():
            self.fail(f"{what} is not closed (its last position differs from its first)",
                      "a closed ring (RFC 7946 §3.1.6)",
                      f"{shorten(list(array[0]))} … {shorten(list(array[-1]))}")
            return None
        return array

    def polygon(self, value: Any, what: str) -> list[Any] | None:
        if not isinstance(value, list) or not value:
            self.fail(f"{what} is not a list of rings", "a list of linear rings", _kind(value))
            return None
        rings = [self.ring(ring, f"{what} ring {index + 1}")
                 for index, ring in enumerate(value)]
        return None if any(r is None for r in rings) else rings


def _shape(geometry: Any, number: int, problems: _Problems, allowed: str,
           repair: bool, repaired: list[tuple[int, str]]) -> tuple[Any, int]:
    """(shapely geometry or None, number of positions) for one feature's geometry."""
    import shapely

    if geometry is None:
        problems.add("the feature has no geometry", feature=number, field="geometry",
                     expected=f"a {allowed[:-1]} geometry", found="null")
        return None, 0
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if not isinstance(geometry, dict) or _KIND.get(str(kind)) != allowed:
        wanted = ("Polygon or MultiPolygon" if allowed == "polygons" else "Point or MultiPoint")
        problems.add(f"the geometry is not a {wanted}", feature=number, field="geometry.type",
                     expected=wanted,
                     found=shorten(kind) if isinstance(geometry, dict) else _kind(geometry))
        return None, 0
    coordinates = geometry.get("coordinates")
    check = _Geometry(problems, number)
    if kind == "Point":
        array = check.positions([coordinates], "the point")
        return (None if array is None else shapely.points(array[0])), check.count
    if kind == "MultiPoint":
        array = check.positions(coordinates, "the points")
        return (None if array is None else shapely.multipoints(array)), check.count
    if kind == "Polygon":
        found = [check.polygon(coordinates, "the polygon")]
    elif not isinstance(coordinates, list) or not coordinates:
        check.fail("the MultiPolygon has no polygons", "a list of polygons", _kind(coordinates))
        return None, check.count
    else:
        found = [check.polygon(p, f"polygon {i + 1}") for i, p in enumerate(coordinates)]
    parts = [rings for rings in found if rings is not None]
    if len(parts) < len(found):
        return None, check.count
    polygons = [shapely.Polygon(rings[0], rings[1:]) for rings in parts]
    shape = polygons[0] if kind == "Polygon" else shapely.MultiPolygon(polygons)
    if not shapely.is_valid(shape):
        reason = str(shapely.is_valid_reason(shape))
        if not repair:
            problems.add(f"the geometry is not valid ({reason})", feature=number,
                         field="geometry", expected="a valid polygon (no self-intersection)")
            return None, check.count
        fixed = shapely.make_valid(shape)
        parts_fixed = [g for g in shapely.get_parts(fixed)
                       if g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty]
        if not parts_fixed:
            problems.add(f"the geometry is not valid ({reason}) and has no area once "
                         "repaired", feature=number, field="geometry",
                         expected="a polygon with an area")
            return None, check.count
        shape = shapely.union_all(parts_fixed)
        repaired.append((number, reason))
    if shape.is_empty or shape.area == 0:
        problems.add("the polygon has no area", feature=number, field="geometry",
                     expected="a polygon with an area")
        return None, check.count
    return shape, check.count


def _text(value: Any) -> str | None:
    """A property as text: strings as they are, whole numbers without ``.0``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() else repr(value)
    return None


def _choose(wanted: str | None, candidates: Sequence[str], properties: list[dict[str, Any]],
            exclude: tuple[str | None, ...] = ()) -> str | None:
    if wanted is not None:
        return wanted
    for name in candidates:
        if name in exclude:
            continue
        present = sum(1 for p in properties if name in p)
        if present * 2 > len(properties):
            return name
    return None


def parse_boundaries(data: bytes, label: str, *, key: BoundaryKey = "kode",
                     name_property: str | None = None, code_property: str | None = None,
                     parent_property: str | None = None, repair: bool = True,
                     max_bytes: int = MAX_BYTES, max_features: int = MAX_FEATURES,
                     max_positions: int = MAX_POSITIONS) -> Boundaries:
    """Boundaries from the bytes of a GeoJSON FeatureCollection of (Multi)Polygons.

    ``key`` says how areas are matched to data: ``kode`` (the code property, e.g.
    Kemendagri's ``33.28.10``) or ``name``. Properties are found by the usual names when not
    given (:data:`NAME_PROPERTIES`, :data:`CODE_PROPERTIES`, :data:`PARENT_PROPERTIES`).
    Invalid geometries are repaired with ``make_valid`` (listed in ``repaired``) unless
    ``repair`` is False, when they are errors. Raises :class:`InputError` with
    every problem of the file.
    """
    problems = _Problems(label)
    document = _load(data, problems, max_bytes)
    features = None if document is None else _features(document, problems, max_features)
    if features is None:
        problems.raise_if_any()
        raise AssertionError("unreachable: a problem was recorded")
    properties: list[dict[str, Any]] = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.add("not a GeoJSON Feature", feature=number, field="type",
                         expected='an object with "type": "Feature"',
                         found=_kind(feature.get("type") if isinstance(feature, dict)
                                     else feature))
            properties.append({})
            continue
        props = feature.get("properties")
        if props is not None and not isinstance(props, dict):
            problems.add("the properties are not an object", feature=number,
                         field="properties", expected="an object or null", found=_kind(props))
            props = None
        properties.append(props or {})
    code_prop = _choose(code_property, CODE_PROPERTIES, properties)
    name_prop = _choose(name_property, NAME_PROPERTIES, properties)
    parent_prop = _choose(parent_property, PARENT_PROPERTIES, properties,
                          exclude=(name_prop, code_prop))
    if name_prop is None:
        problems.add("no property holds the area names", field="properties",
                     expected="a name property, one of " + ", ".join(NAME_PROPERTIES[:8])
                     + " …", found=", ".join(sorted(properties[0])[:8]) or "no properties")
    if key == "kode" and code_prop is None:
        problems.add("no property holds the area codes (boundary key kode)",
                     field="properties", expected="a code property, one of "
                     + ", ".join(CODE_PROPERTIES),
                     found=", ".join(sorted(properties[0])[:8]) or "no properties")
    repaired: list[tuple[int, str]] = []
    positions = 0
    rows: list[tuple[int, str, str | None, str | None, Any]] = []
    for number, (feature, props) in enumerate(zip(features, properties, strict=True), start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            continue
        shape, count = _shape(feature.get("geometry"), number, problems, "polygons", repair,
                              repaired)
        positions += count
        if positions > max_positions:
            problems.add(f"the file has more than {max_positions:,} positions",
                         field="geometry", expected=f"at most {max_positions:,} positions "
                         "(simplify the boundaries, e.g. with QGIS or mapshaper)")
            break
        for bad in _bad_numbers(props):
            problems.add(f"property {bad!r} is NaN or Infinity, which JSON does not allow",
                         feature=number, field=bad, expected="a number or text")
        for prop, wanted in ((name_prop, True), (code_prop, key == "kode")):
            if prop is None or not wanted:
                continue
            value = _text(props.get(prop))
            if value is None or not clean_text(value):
                problems.add(f"the property {prop!r} is missing or empty", feature=number,
                             field=prop, expected="text" if prop == name_prop else "a code",
                             found=_kind(props.get(prop)))
        name = clean_text(_text(props.get(name_prop)) or "") if name_prop else ""
        code = _text(props.get(code_prop)) if code_prop else None
        parent = _text(props.get(parent_prop)) if parent_prop else None
        rows.append((number, name, None if code is None else clean_text(code),
                     None if parent is None else clean_text(parent), shape))
    keys = _keys(rows, key, problems, name_prop, code_prop)
    problems.raise_if_any()
    assert name_prop is not None
    areas = tuple(
        Area(number=number, key=keys[number], name=name, code=code, parent=parent,
             properties=tuple(properties[number - 1].items()), geometry=shape)
        for number, name, code, parent, shape in rows)
    return Boundaries(source=label, key=key, name_property=name_prop, code_property=code_prop,
                      parent_property=parent_prop, areas=areas, repaired=tuple(repaired))


def _bad_numbers(props: dict[str, Any]) -> list[str]:
    return [k for k, v in props.items() if isinstance(v, float) and not math.isfinite(v)]


def _keys(rows: list[tuple[int, str, str | None, str | None, Any]], key: BoundaryKey,
          problems: _Problems, name_prop: str | None, code_prop: str | None) -> dict[int, str]:
    """Unique key per feature number; duplicates are problems naming every feature."""
    from .names import normalise_code, normalise_name

    keys: dict[int, str] = {}
    seen: dict[str, list[int]] = {}
    if key == "kode":
        for number, _name, code, _parent, _shape in rows:
            if code:
                keys[number] = code
                seen.setdefault(normalise_code(code), []).append(number)
        field, what = code_prop, "code"
    else:
        by_name: dict[str, list[int]] = {}
        for number, name, _code, _parent, _shape in rows:
            by_name.setdefault(normalise_name(name), []).append(number)
        for number, name, _code, parent, _shape in rows:
            if not name:
                continue
            twice = len(by_name[normalise_name(name)]) > 1
            keys[number] = f"{parent} / {name}" if twice and parent else name
            seen.setdefault(normalise_name(keys[number]), []).append(number)
        field, what = name_prop, "name"
    for text, numbers in seen.items():
        if len(numbers) > 1:
            for number in numbers:
                others = ", ".join(str(n) for n in numbers if n != number)
                hint = "" if key == "kode" else " (use --boundary-key kode, or a file with " \
                    "the kecamatan of each desa)"
                problems.add(f"the {what} {keys[number]!r} is also the {what} of feature "
                             f"{others}{hint}", feature=number, field=field,
                             expected=f"a unique {what}", found=shorten(text))
    return keys


def read_boundaries(path: str | Path, *, key: BoundaryKey = "kode",
                    name_property: str | None = None, code_property: str | None = None,
                    parent_property: str | None = None, repair: bool = True,
                    max_bytes: int = MAX_BYTES, label: str | None = None) -> Boundaries:
    """Read a boundary file (see :func:`parse_boundaries`); the file is never read past
    ``max_bytes``."""
    shown = label or str(path)
    data = _read_bytes(Path(path), shown, max_bytes)
    return parse_boundaries(data, shown, key=key, name_property=name_property,
                            code_property=code_property, parent_property=parent_property,
                            repair=repair, max_bytes=max_bytes)


def _read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError([Problem(label, f"cannot read the file: {exc.strerror or exc}")]
                         ) from None
    return data


def parse_points(data: bytes, label: str, *, weight_property: str | None = None,
                 max_bytes: int = MAX_BYTES, max_features: int = MAX_FEATURES,
                 ) -> tuple[LayerPoint, ...]:
    """Points from a GeoJSON FeatureCollection of Point/MultiPoint features.

    Each point counts 1, or the number in ``weight_property`` when given (a MultiPoint
    gives one point per position). Raises :class:`InputError` with every problem.
    """
    problems = _Problems(label)
    document = _load(data, problems, max_bytes)
    features = None if document is None else _features(document, problems, max_features)
    if features is None:
        problems.raise_if_any()
        raise AssertionError("unreachable: a problem was recorded")
    import shapely

    points: list[LayerPoint] = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.add("not a GeoJSON Feature", feature=number, field="type",
                         expected='an object with "type": "Feature"', found=_kind(feature))
            continue
        shape, _count = _shape(feature.get("geometry"), number, problems, "points", False, [])
        weight = 1.0
        if weight_property is not None:
            props = feature.get("properties") or {}
            raw = props.get(weight_property) if isinstance(props, dict) else None
            if (not isinstance(raw, (int, float)) or isinstance(raw, bool)
                    or not math.isfinite(raw) or raw < 0):
                problems.add(f"the property {weight_property!r} is not a count",
                             feature=number, field=weight_property,
                             expected="a number 0 or more", found=_kind(raw))
                continue
            weight = float(raw)
        if shape is None:
            continue
        coords = shapely.get_coordinates(shape)
        points.extend(LayerPoint(row=number, lon=float(x), lat=float(y), weight=weight)
                      for x, y in coords)
    problems.raise_if_any()
    return tuple(points)
