"""``scores.geojson``: the boundary file with each area's scores as properties.

For QGIS, a web map or any GeoJSON reader. The file is an RFC 7946 FeatureCollection:
WGS 84 longitude/latitude with 6 decimals (about 0.1 m), polygons wound by the right-hand rule
(exterior rings counter-clockwise, holes clockwise), no ``crs`` member, one feature per area of
the boundary file in file order with ``id`` = the area's key. Every feature carries the same
properties in the same order: the original properties of the boundary file (except any that
start with ``sca_``, which are replaced), then the scores under the stable names below
(``sca_`` for smartcity-assess). Numbers are rounded: scores to 2 decimals, coverage to 3.
Same inputs, same bytes.

| property | meaning |
| --- | --- |
| ``sca_key`` | the area's key (its code, or its name) |
| ``sca_name`` | the area's name |
| ``sca_code`` | the official code, when the file has one |
| ``sca_status`` | ``ok``, ``not_enough`` (too few answers) or ``no_data`` |
| ``sca_index`` | index score on the set's scale (null unless ``ok``) |
| ``sca_band`` | the band of the index, in the report's language |
| ``sca_coverage`` | share 0–1 of the index's weight that had answers |
| ``sca_n`` | respondents in the area |
| ``sca_<pillar id>`` | each pillar's score, in the set's order |
| ``sca_<name>`` | further figures the caller adds (a problem layer's rate …) |
| ``sca_region``, ``sca_year``, ``sca_set`` | the region, the year and ``<set id>@<version>`` |
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from .model import AreaScores, Boundaries

PREFIX = "sca_"


def property_name(name: str) -> str:
    """``sca_`` + ``name`` with every character but letters, digits and ``_`` as ``_``."""
    return PREFIX + re.sub(r"[^0-9A-Za-z_]", "_", name)


def _round(value: float | None, digits: int) -> float | None:
    if value is None:
        return None
    rounded = round(float(value), digits)
    return 0.0 if rounded == 0 else rounded


def _geometry(shape: Any, digits: int) -> dict[str, Any]:
    import shapely
    from shapely.geometry.polygon import orient

    grid = shapely.set_precision(shape, 10.0**-digits)
    polygons = [orient(p, 1.0) for p in shapely.get_parts(grid)
                if p.geom_type == "Polygon" and not p.is_empty]

    def ring(coords: Any) -> list[list[float]]:
        return [[round(x, digits), round(y, digits)] for x, y, *_ in coords]

    parts = [[ring(p.exterior.coords), *(ring(h.coords) for h in p.interiors)]
             for p in polygons]
    if len(parts) == 1:
        return {"type": "Polygon", "coordinates": parts[0]}
    return {"type": "MultiPolygon", "coordinates": parts}


def scores_geojson(boundaries: Boundaries, scores: Sequence[AreaScores], *,
                   pillars: Sequence[str], region: str, year: int | None, set_id: str,
                   coordinate_digits: int = 6) -> bytes:
    """The bytes of ``scores.geojson`` (UTF-8, one feature per line).

    ``pillars`` lists the pillar ids in the set's order (every feature gets every pillar
    property, null when the area has no score); ``scores`` name areas by key; areas without
    scores are ``no_data``. ``set_id`` is written as given (e.g. ``smartcity-id@2``).
    """
    known = boundaries.by_key()
    unknown = sorted(s.key for s in scores if s.key not in known)
    if unknown:
        raise ValueError(f"scores for areas not in {boundaries.source}: {unknown[:5]}")
    by_key = {s.key: s for s in scores}
    extra_names: list[str] = []
    for item in scores:
        for name, _value in item.extra:
            if name not in extra_names:
                extra_names.append(name)
    lines = []
    for area in boundaries.areas:
        item = by_key.get(area.key, AreaScores(key=area.key, status="no_data"))
        props: dict[str, Any] = {k: v for k, v in area.properties if not k.startswith(PREFIX)}
        ok = item.status == "ok"
        props |= {
            "sca_key": area.key, "sca_name": area.name, "sca_code": area.code,
            "sca_status": item.status,
            "sca_index": _round(item.index, 2) if ok else None,
            "sca_band": item.band if ok else None,
            "sca_coverage": _round(item.coverage, 3),
            "sca_n": item.n,
        }
        pillar_scores = dict(item.pillars)
        for pillar in pillars:
            props[property_name(pillar)] = _round(pillar_scores.get(pillar), 2) if ok else None
        extra = dict(item.extra)
        for name in extra_names:
            value = extra.get(name)
            props[property_name(name)] = (_round(value, 3) if isinstance(value, (int, float))
                                          and not isinstance(value, bool) else value)
        props |= {"sca_region": region, "sca_year": year, "sca_set": set_id}
        feature = {"type": "Feature", "id": area.key, "properties": props,
                   "geometry": _geometry(area.geometry, coordinate_digits)}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":"),
                                allow_nan=False))
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    return text.encode("utf-8")
