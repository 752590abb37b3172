"""Maps: deterministic bytes, legend, scale, accessible rows and alt text, inert hostile text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from smartcity_assess.geo.draw import (
    BIVARIATE_COLORS,
    bivariate_map,
    choropleth,
    map_texts,
    nice_scale_length,
)
from smartcity_assess.geo.layers import bivariate
from smartcity_assess.geo.model import AreaValue, Boundaries, MapBand
from smartcity_assess.geo.project import LocalProjection, geodesic_km
from smartcity_assess.geo.read import parse_boundaries

pytestmark = pytest.mark.slow  # draws the real kecamatan and desa maps

BANDS = [MapBand(0, "Kurang", "#d7191c"), MapBand(20, "Cukup", "#fdae61"),
         MapBand(40, "Baik", "#ffffbf"), MapBand(62.5, "Sangat Baik", "#abd9e9"),
         MapBand(80, "Memuaskan", "#2c7bb6")]


def values_for(boundaries: Boundaries) -> list[AreaValue]:
    # 18 kecamatan: scores 10, 15, … 90 by file order; the last one has too few answers and
    # the one before it no data at all.
    out = [AreaValue(a.key, 10.0 + 5 * i, n=10 + i) for i, a in enumerate(boundaries.areas[:-2])]
    out.append(AreaValue(boundaries.areas[-1].key, None, "not_enough", n=2))
    return out


def svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_kecamatan_choropleth(kecamatan: Boundaries) -> None:
    texts = map_texts("id", title="Indeks per kecamatan", legend_title="Indeks (0–100)")
    result = choropleth("indeks kecamatan", kecamatan, values_for(kecamatan), BANDS, texts)
    assert result.name == "indeks-kecamatan"
    assert result.png.startswith(b"\x89PNG")
    shown = svg_texts(result.svg)
    # Legend: bands from the top band down with their ranges and counts (scores 10..85 by 5:
    # Kurang 10,15 → 2; Cukup 20..35 → 4; Baik 40..60 → 5; Sangat Baik 65..75 → 3;
    # Memuaskan 80,85 → 2), then the two statuses.
    legend = [t for t in shown if "  (" in t]
    assert legend == ["Memuaskan  80–100  (2)", "Sangat Baik  62,5–80  (3)",
                      "Baik  40–62,5  (5)", "Cukup  20–40  (4)", "Kurang  0–20  (2)",
                      "Tidak cukup jawaban  (1)", "Tidak ada data  (1)"]
    assert "U" in shown and "km" in shown and "Indeks per kecamatan" in shown
    assert any(t.endswith("BT") for t in shown) and any(t.endswith("LS") for t in shown)
    # The hatch pattern of "not enough answers" is in the SVG.
    assert "<pattern" in result.svg
    # Every kecamatan is labelled (inside, or on a halo beside it).
    flat = [t.replace("\n", " ") for t in shown]
    assert all(any(a.name in t for t in flat) for a in kecamatan.areas)


def test_rows_and_alt_text(kecamatan: Boundaries) -> None:
    result = choropleth("m", kecamatan, values_for(kecamatan), BANDS,
                        map_texts("en", title="Index by kecamatan"))
    rows = {r.name: r for r in result.rows}
    assert len(result.rows) == 18
    assert [r.name for r in result.rows] == sorted(rows, key=str.casefold)
    assert result.columns == ("Area", "Value", "Band", "Respondents")
    assert (rows["Margasari"].value, rows["Margasari"].band, rows["Margasari"].n) == \
        (10.0, "Kurang", 10)
    assert (rows["Dukuhwaru"].value, rows["Dukuhwaru"].band, rows["Dukuhwaru"].status) == \
        (None, "Not enough answers", "not_enough")
    assert (rows["Warureja"].band, rows["Warureja"].status) == ("No data", "no_data")
    # Highest is the 16th kecamatan (Suradadi, 10 + 5 × 15 = 85), lowest the first.
    assert result.alt == (
        "Index by kecamatan. Map of 18 areas. Highest: Suradadi (85.0, Memuaskan); lowest: "
        "Margasari (10.0, Kurang). 2 areas without a value (1 not enough answers, 1 no "
        "data). The full data is in the table below the map.")
    root = ET.fromstring(result.svg)
    assert root.get("role") == "img"
    assert root.find("{http://www.w3.org/2000/svg}desc").text == result.alt


def test_same_input_same_bytes(kecamatan: Boundaries) -> None:
    def draw() -> tuple[str, bytes]:
        result = choropleth("m", kecamatan, values_for(kecamatan), BANDS, map_texts("id"))
        return result.svg, result.png

    first, second = draw(), draw()
    assert first[0] == second[0]
    assert first[1] == second[1]


def test_desa_map_with_kecamatan_overlay(desa: Boundaries, kecamatan: Boundaries) -> None:
    values = [AreaValue(a.key, float(i % 100)) for i, a in enumerate(desa.areas)]
    result = choropleth("desa", desa, values, BANDS, map_texts("id"), overlay=kecamatan)
    shown = svg_texts(result.svg)
    # The 18 kecamatan names label the desa map (287 desa names would not be readable).
    assert sum(1 for a in kecamatan.areas if a.name in shown) >= 16
    assert len(result.rows) == 287
    assert len(result.svg) < 400_000


def test_unknown_area_is_a_programming_error(kecamatan: Boundaries) -> None:
    with pytest.raises(ValueError, match="not in"):
        choropleth("m", kecamatan, [AreaValue("99.99", 1.0)], BANDS, map_texts("id"))


def test_scale_bar_lengths_and_projection() -> None:
    assert [nice_scale_length(w) for w in (3.0, 9.0, 44.0, 60.0, 250.0)] == \
        [0.5, 2.0, 10.0, 10.0, 50.0]
    # The map's km per degree at Tegal's centre agree with the geodesic to 0.05 %.
    projection = LocalProjection.centred((108.95, -7.26, 109.36, -6.83))
    lon0, lat0 = projection.lon0, projection.lat0
    east = geodesic_km(lon0 - 0.05, lat0, lon0 + 0.05, lat0)
    north = geodesic_km(lon0, lat0 - 0.05, lon0, lat0 + 0.05)
    assert projection.km_per_deg_lon * 0.1 == pytest.approx(east, rel=5e-4)
    assert projection.km_per_deg_lat * 0.1 == pytest.approx(north, rel=5e-4)
    # Near the equator both are about 110.5 km per degree (the cos-latitude aspect ≈ 0.999).
    assert projection.km_per_deg_lon / projection.km_per_deg_lat == pytest.approx(
        0.99903, abs=1e-4)


HOSTILE = ["<script>alert(1)</script>", "**bold** [x](javascript:alert(1))",
           "=HYPERLINK(\"http://x\")", "../../etc/passwd", "a & b \x07 \u202e"]


def test_hostile_names_stay_inert_in_svg() -> None:
    features = []
    for index, name in enumerate(HOSTILE):
        x = 109.0 + index * 0.1
        ring = [[x, -7.0], [x + 0.1, -7.0], [x + 0.1, -6.9], [x, -6.9], [x, -7.0]]
        features.append({"type": "Feature", "properties": {"kode": str(index), "nama": name},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    data = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    boundaries = parse_boundaries(data, "hostile.geojson")
    result = choropleth("<x>", boundaries,
                        [AreaValue(a.key, 50.0) for a in boundaries.areas], BANDS,
                        map_texts("en", title="<b>t</b>", credit="<i>c</i> ../x"))
    root = ET.fromstring(result.svg)  # well-formed XML: nothing broke out of a text node
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))
    assert "<script>" not in result.svg and "&lt;script&gt;" in result.svg
    assert re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", result.svg) is None
    assert result.name == "x"
    texts = " ".join(svg_texts(result.svg))
    assert "=HYPERLINK" in texts  # shown as text, nothing evaluates it


def test_bivariate_map(kecamatan: Boundaries) -> None:
    keys = [a.key for a in kecamatan.areas]
    readiness = {k: float(i) for i, k in enumerate(keys)}  # 0 … 17
    problem = {k: float(17 - i) for i, k in enumerate(keys)}  # 17 … 0
    problem[keys[5]] = None  # no problem figure for the 6th
    classes = bivariate(kecamatan, readiness, problem)
    result = bivariate_map("bv", kecamatan, classes, map_texts("id", legend_title="Kelas"),
                           readiness_label="Kesiapan", problem_label="DBD")
    # Readiness and problem run exactly opposite: low readiness goes with a high problem, so
    # every area sits on the diagonal 1-1 (readiness high, problem low) … 3-3.
    assert {r.band for r in result.rows} == {"1-1", "2-2", "3-3", "Tidak ada data"}
    for row in classes.rows:
        if row.priority is not None:
            assert row.readiness_class == row.problem_class
    # The 3-3 areas are drawn in the dark blue corner colour; the legend shows all nine.
    assert result.svg.count(f"fill: {BIVARIATE_COLORS[8]}") > sum(
        1 for r in result.rows if r.band == "3-3")
    rows = {r.name: r for r in result.rows}
    assert rows[kecamatan.areas[5].name].status == "no_data"
    assert result.columns[-2:] == ("DBD", "priority")
    top = [r.name for r in classes.rows if r.priority == 6]
    assert top and all(n in result.alt for n in top)
