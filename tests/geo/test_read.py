"""Reading boundary files: the real Tegal files, and every kind of bad GeoJSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
import shapely

from smartcity_assess.errors import InputError
from smartcity_assess.geo.model import Boundaries
from smartcity_assess.geo.project import area_km2
from smartcity_assess.geo.read import clean_text, parse_boundaries, parse_points, read_boundaries
from support.geodata import DESA, KECAMATAN, shared_geo

# Geodesic areas in km² from shared/data/geo/README.md ("Check results"), computed there with
# pyproj on the same polygons; the total there is 983.92 km².
README_KM2 = {
    "Margasari": 101.74, "Bumijawa": 109.00, "Bojong": 66.93, "Balapulang": 83.37,
    "Pagerbarang": 46.31, "Lebaksiu": 46.85, "Jatinegara": 109.26, "Kedungbanteng": 82.74,
    "Pangkah": 38.90, "Slawi": 15.60, "Adiwerna": 26.21, "Talang": 19.00, "Dukuhturi": 17.40,
    "Tarub": 28.08, "Kramat": 42.88, "Suradadi": 58.81, "Warureja": 63.44,
    "Dukuhwaru": 27.40,
}


def test_kecamatan_file(kecamatan: Boundaries) -> None:
    assert len(kecamatan.areas) == 18
    assert (kecamatan.name_property, kecamatan.code_property) == ("kecamatan", "kode")
    assert kecamatan.repaired == ()
    slawi = kecamatan.by_key()["33.28.10"]
    assert slawi.name == "Slawi" and slawi.number == 10
    assert dict(slawi.properties)["kode_bps"] == "3328100"


def test_kecamatan_areas_match_the_readme(kecamatan: Boundaries) -> None:
    for area in kecamatan.areas:
        assert area_km2(area.geometry) == pytest.approx(README_KM2[area.name], rel=0.01)
    total = sum(area_km2(a.geometry) for a in kecamatan.areas)
    assert total == pytest.approx(983.92, abs=0.05)


def test_desa_file_and_duplicate_names(desa: Boundaries, desa_by_name: Boundaries) -> None:
    assert len(desa.areas) == 287
    assert (desa.name_property, desa.parent_property) == ("desa", "kecamatan")
    assert sum(1 for a in desa.areas if dict(a.properties)["status"] == "kelurahan") == 6
    # By name, the 8 names found in more than one kecamatan (17 desa) are qualified.
    qualified = sorted(a.key for a in desa_by_name.areas if " / " in a.key)
    assert len(qualified) == 17
    assert "Kedungbanteng / Karanganyar" in qualified
    assert len({a.key for a in desa_by_name.areas}) == 287


def test_every_desa_nests_in_its_kecamatan(kecamatan: Boundaries, desa: Boundaries) -> None:
    by_code = kecamatan.by_key()
    for area in desa.areas:
        parent = by_code[dict(area.properties)["kode_kecamatan"]]
        assert parent.name == area.parent
        inside = shapely.intersection(area.geometry, parent.geometry).area
        assert inside / area.geometry.area > 0.999, area.key
    union = shapely.union_all([a.geometry for a in desa.areas])
    whole = shapely.union_all([a.geometry for a in kecamatan.areas])
    assert shapely.symmetric_difference(union, whole).area / whole.area < 1e-6


def test_kabkota_file() -> None:
    folder = shared_geo()
    if folder is None:
        pytest.skip("shared/data/geo is not beside this checkout")
    kabkota = read_boundaries(folder / "jateng-kabkota.geojson")
    assert len(kabkota.areas) == 35
    assert kabkota.name_property == "nama"
    tegal = kabkota.by_key()["33.28"]
    assert tegal.name == "Kabupaten Tegal"
    # README: Kab. Tegal 983.92 km² from the desa union; the kab/kota layer is simplified
    # more coarsely (tol 0.0007°), so allow 1 %.
    assert area_km2(tegal.geometry) == pytest.approx(983.92, rel=0.01)
    semarang = next(a for a in kabkota.areas if a.name == "Kota Semarang")
    assert area_km2(semarang.geometry) == pytest.approx(369.9, rel=0.005)


# --- bad files ------------------------------------------------------------------------------

SQUARE = [[[109.0, -7.0], [109.1, -7.0], [109.1, -6.9], [109.0, -6.9], [109.0, -7.0]]]


def feature(kode: Any = "1", geometry: Any = None, **props: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": {"kode": kode, "nama": f"Area {kode}", **props},
            "geometry": geometry if geometry is not None
            else {"type": "Polygon", "coordinates": SQUARE}}


def collection(*features: Any) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def problems_of(data: bytes, **options: Any) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_boundaries(data, "bad.geojson", **options)
    assert caught.value.exit_code == 2
    return [str(p) for p in caught.value.problems]


def polygon(ring: list[list[float]]) -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": [ring]}


BAD_CASES = [
    ("not json", b'{"type": "FeatureCollection", "features": [', "bad.geojson:1:",
     "not valid JSON"),
    ("a bare feature", json.dumps(feature()).encode(), "field type",
     "not a GeoJSON FeatureCollection"),
    ("no features", collection(), "field features", "has no features"),
    ("a point", collection(feature("1"), feature("2", {"type": "Point",
                                                     "coordinates": [109, -7]})),
     "row 2", "feature 2: the geometry is not a Polygon or MultiPolygon"),
    ("lat/lon swapped", collection(feature("1", polygon(
        [[-7.0, 109.0], [-7.0, 109.1], [-6.9, 109.1], [-7.0, 109.0]]))),
     "row 1", "looks like [latitude, longitude]"),
    ("UTM metres", collection(feature("1", polygon(
        [[350000, 9225000], [351000, 9225000], [351000, 9226000], [350000, 9225000]]))),
     "row 1", "projected coordinates in metres"),
    ("NaN", b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
     b'{"kode":"1","nama":"A"},"geometry":{"type":"Polygon","coordinates":[[[109,-7],'
     b'[NaN,-7],[109.1,-6.9],[109,-7]]]}}]}', "row 1", "not a finite number"),
    ("text coordinate", collection(feature("1", polygon(
        [[109, -7], ["109.1", -7], [109.1, -6.9], [109, -7]]))),
     "row 1", "not a list of numbers"),
    ("unclosed ring", collection(feature("1", polygon(
        [[109, -7], [109.1, -7], [109.1, -6.9], [109, -6.9]]))), "row 1", "is not closed"),
    ("three positions", collection(feature("1", polygon([[109, -7], [109.1, -7], [109, -7]]))),
     "row 1", "has 3 positions"),
    ("null geometry", collection({"type": "Feature", "properties": {"kode": "1", "nama": "A"},
                                  "geometry": None}), "row 1", "has no geometry"),
    ("empty kode", collection(feature("1"), feature("")), "field kode",
     "feature 2: the property 'kode' is missing or empty"),
    ("duplicate kode", collection(feature("7"), feature("8"), feature("7")), "row 3",
     "feature 3: the code '7' is also the code of feature 1"),
    ("NaN property", b'{"type":"FeatureCollection","features":[{"type":"Feature",'
     b'"properties":{"kode":"1","nama":"A","luas":NaN},"geometry":{"type":"Polygon",'
     b'"coordinates":[[[109,-7],[109.1,-7],[109.1,-6.9],[109,-7]]]}}]}', "field luas",
     "NaN or Infinity"),
    ("not UTF-8", b'{"type":"FeatureCollection","features":[{"nama":"Sl\xe4wi"}]}', "bad",
     "not UTF-8"),
    ("nested too deeply", b"[" * 200_000 + b"]" * 200_000, "bad", "nested too deeply"),
]


@pytest.mark.parametrize(("case", "data", "where", "message"), BAD_CASES,
                         ids=[c[0] for c in BAD_CASES])
def test_bad_geojson(case: str, data: bytes, where: str, message: str) -> None:
    found = problems_of(data)
    assert any(where in p and message in p for p in found), found


def test_self_intersection_is_repaired_or_an_error() -> None:
    bowtie = polygon([[109, -7], [109.1, -6.9], [109.1, -7], [109, -6.9], [109, -7]])
    data = collection(feature("1"), feature("2", bowtie))
    found = problems_of(data, repair=False)
    assert found == ["bad.geojson (row 2, field geometry): feature 2: the geometry is not "
                     "valid (Self-intersection[109.05 -6.95]); expected a valid polygon (no "
                     "self-intersection)"]
    boundaries = parse_boundaries(data, "bad.geojson")
    assert boundaries.repaired == ((2, "Self-intersection[109.05 -6.95]"),)
    fixed = boundaries.areas[1].geometry
    assert fixed.is_valid and fixed.geom_type == "MultiPolygon"
    # The two triangles of the bow tie: each 0.1 × 0.05 / 2 square degrees.
    assert fixed.area == pytest.approx(0.005)


def test_all_problems_of_a_file_at_once() -> None:
    data = collection(feature("1"), feature("2", {"type": "LineString", "coordinates": []}),
                      feature("3"), feature(""), feature("5", polygon([[109, -7], [200, -7],
                                                                       [109, -6], [109, -7]])))
    found = problems_of(data)
    assert [p.split(": ")[1] for p in found] == ["feature 2", "feature 4", "feature 5"]


def test_size_limits() -> None:
    data = collection(feature("1"), feature("2"))
    assert "more than the limit of 100 bytes" in problems_of(data, max_bytes=100)[0]
    assert "2 features, more than the limit of 1" in problems_of(data, max_features=1)[0]
    assert "more than 6 positions" in problems_of(data, max_positions=6)[0]


def test_read_boundaries_stops_reading_at_the_limit(tmp_path: Any) -> None:
    path = tmp_path / "big.geojson"
    path.write_bytes(collection(*(feature(str(n)) for n in range(50))))
    with pytest.raises(InputError, match="more than the limit of 1,000 bytes"):
        read_boundaries(path, max_bytes=1000)
    with pytest.raises(InputError, match="cannot read the file"):
        read_boundaries(tmp_path / "missing.geojson")


def test_name_key_needs_unique_names() -> None:
    data = collection(feature("1", nama="Kalisapu"), feature("2", nama="KALISAPU "))
    found = problems_of(data, key="name")
    assert len(found) == 2
    assert "the name 'KALISAPU' is also the name of feature 1 (use --boundary-key kode" \
        in found[1]


def test_hostile_names_are_cleaned_not_interpreted() -> None:
    data = collection(feature("1", nama="<script>alert(1)</script>\x00\u202e"),
                      feature("2", nama="=HYPERLINK(\"x\")\n../../etc/passwd"))
    boundaries = parse_boundaries(data, "x.geojson", name_property="nama")
    assert [a.name for a in boundaries.areas] == ["<script>alert(1)</script>",
                                                  '=HYPERLINK("x") ../../etc/passwd']
    # The original properties stay as they were, for the export.
    assert dict(boundaries.areas[0].properties)["nama"].endswith("\x00\u202e")
    assert clean_text("a" * 200, 10) == "aaaaaaaaa…"


def test_numeric_codes_become_text() -> None:
    boundaries = parse_boundaries(collection(feature(3328100), feature(3328110.0)), "n.json")
    assert [a.key for a in boundaries.areas] == ["3328100", "3328110"]


def test_points_file() -> None:
    data = collection(
        {"type": "Feature", "properties": {"kasus": 3},
         "geometry": {"type": "Point", "coordinates": [109.1, -7.0]}},
        {"type": "Feature", "properties": {"kasus": 1},
         "geometry": {"type": "MultiPoint", "coordinates": [[109.2, -7.1], [109.3, -7.2]]}})
    points = parse_points(data, "p.geojson", weight_property="kasus")
    assert [(p.row, p.lon, p.lat, p.weight) for p in points] == [
        (1, 109.1, -7.0, 3.0), (2, 109.2, -7.1, 1.0), (2, 109.3, -7.2, 1.0)]
    bad = collection(
        {"type": "Feature", "properties": {"kasus": -1},
         "geometry": {"type": "Point", "coordinates": [109.1, -7.0]}},
        {"type": "Feature", "properties": {"kasus": 2},
         "geometry": {"type": "Point", "coordinates": [-7.0, 109.1]}},
        {"type": "Feature", "properties": {"kasus": 2}, "geometry": polygon(SQUARE[0])})
    with pytest.raises(InputError) as caught:
        parse_points(bad, "p.geojson", weight_property="kasus")
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 3
    assert "feature 1: the property 'kasus' is not a count" in messages[0]
    assert "feature 2: a position in the point is out of range" in messages[1]
    assert "feature 3: the geometry is not a Point or MultiPoint" in messages[2]


def test_real_files_read_from_bytes_equal_files() -> None:
    # Same bytes, same result: reading is deterministic.
    first = parse_boundaries(KECAMATAN.read_bytes(), "k")
    second = parse_boundaries(KECAMATAN.read_bytes(), "k")
    assert [a.key for a in first.areas] == [a.key for a in second.areas]
    assert all(shapely.equals_exact(a.geometry, b.geometry, 0)
               for a, b in zip(first.areas, second.areas, strict=True))
    assert DESA.stat().st_size == 572_160
