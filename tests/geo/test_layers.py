"""Problem layers: reading, point-in-polygon against known points, rates, priority ranking."""

from __future__ import annotations

import pytest
import shapely

from smartcity_assess.errors import InputError
from smartcity_assess.geo.layers import (
    bivariate,
    join_layer,
    join_points,
    parse_number,
    read_layer,
)
from smartcity_assess.geo.model import Boundaries, LayerPoint, ProblemLayer
from support.geodata import SAMPLE


def test_desa_interior_points_land_in_their_desa(desa: Boundaries,
                                                 kecamatan: Boundaries) -> None:
    # One point well inside each desa (shapely's representative point), like the README's
    # 20 puskesmas check but for all 287 desa; plus one point in the Java Sea.
    points = [LayerPoint(row=i + 2, lon=p.x, lat=p.y) for i, p in enumerate(
        shapely.point_on_surface([a.geometry for a in desa.areas]))]
    points.append(LayerPoint(row=999, lon=109.2, lat=-6.7))
    layer = ProblemLayer(id="t", title="t", kind="points", source="t.csv",
                         points=tuple(points))
    by_desa = join_points(desa, layer)
    assert [f.count for f in by_desa.figures] == [1.0] * 287
    assert by_desa.outside == (999,)
    by_kecamatan = join_points(kecamatan, layer)
    per_kecamatan = {f.key: f.count for f in by_kecamatan.figures}
    expected: dict[str, float] = {}
    for area in desa.areas:
        code = dict(area.properties)["kode_kecamatan"]
        expected[code] = expected.get(code, 0.0) + 1
    assert per_kecamatan == expected
    assert sum(per_kecamatan.values()) == 287


def test_point_on_a_shared_border_counts_once(kecamatan: Boundaries) -> None:
    a, b = kecamatan.areas[9], kecamatan.areas[10]  # Slawi and Adiwerna share a border
    shared = shapely.line_merge(shapely.intersection(a.geometry.boundary,
                                                     b.geometry.boundary))
    line = max(shapely.get_parts(shared), key=lambda part: part.length)
    point = shapely.get_coordinates(line)[len(line.coords) // 2]  # a shared vertex
    touching = [x.key for x in kecamatan.areas
                if shapely.intersects(x.geometry, shapely.Point(point))]
    assert touching == ["33.28.10", "33.28.11"]
    layer = ProblemLayer(id="t", title="t", kind="points", source="t",
                         points=(LayerPoint(row=2, lon=point[0], lat=point[1], weight=3),))
    counts = {f.key: f.count for f in join_points(kecamatan, layer).figures}
    assert sum(counts.values()) == 3.0
    assert counts["33.28.10"] == 3.0  # the first of the two in file order


def test_dengue_sample_incidence(kecamatan: Boundaries) -> None:
    layer = read_layer(SAMPLE / "tegal-dbd-2024.csv", layer_id="dbd", title="DBD")
    assert layer.kind == "areas" and len(layer.areas) == 18
    join = join_layer(kecamatan, layer, "per_100k")
    assert join.match is not None and join.match.complete
    margasari = join.figures[0]
    # 22 cases in 95,150 residents (BPS 2013) → 22 / 95150 × 100000 = 23.12 per 100,000.
    assert (margasari.count, margasari.population) == (22.0, 95_150.0)
    assert margasari.value == pytest.approx(23.1214, abs=1e-4)
    assert sum(f.population or 0 for f in join.figures) == 1_415_009


def test_flood_sample_per_desa_and_density(desa: Boundaries) -> None:
    layer = read_layer(SAMPLE / "tegal-banjir-2024.geojson", layer_id="banjir",
                       title="Banjir")
    assert layer.kind == "points" and len(layer.points) == 64
    join = join_layer(desa, layer, "per_km2")
    assert join.outside == ()
    assert sum(f.count for f in join.figures) == 64
    for figure in join.figures:
        assert figure.value == pytest.approx(figure.count / figure.area_km2)


def test_csv_point_layer_and_its_problems(tmp_path: pytest.TempPathFactory) -> None:
    good = b"id;bujur;lintang;jumlah\n1;109,1;-7,0;2\n2;109.2;-7.05;\n"
    layer = read_layer("x.csv", layer_id="p", title="p", data=good)
    assert [(p.row, p.lon, p.lat, p.weight) for p in layer.points] == [
        (2, 109.1, -7.0, 2.0), (3, 109.2, -7.05, 1.0)]
    bad = b"lon,lat,kasus\n109.1,-7.0,1\n-7.0,109.1,1\nabc,-7,1\n109.1,-7.0,-2\n,,1\n"
    with pytest.raises(InputError) as caught:
        read_layer("bad.csv", layer_id="p", title="p", data=bad)
    found = [str(p) for p in caught.value.problems]
    assert len(found) == 4
    assert "bad.csv:3 (field lon, lat): the position is out of range (the columns look " \
        "swapped" in found[0]
    assert "bad.csv:4:1 (field lon): not a number" in found[1]
    assert "bad.csv:5 (field kasus): a count below zero" in found[2]
    assert "bad.csv:6 (field lon, lat): the point has no longitude or latitude" in found[3]
    with pytest.raises(InputError, match="neither longitude/latitude columns nor an area"):
        read_layer("c.csv", layer_id="p", title="p", data=b"foo,bar\n1,2\n")


def test_area_layer_problems_and_matching(kecamatan: Boundaries) -> None:
    data = (b"kecamatan,kasus,penduduk\nKec. Slawi,10,70.574\nSLAWI,3,1\nAtlantis,4,100\n"
            b"Talang,x,0\n")
    with pytest.raises(InputError) as caught:
        read_layer("a.csv", layer_id="a", title="a", data=data)
    found = [str(p) for p in caught.value.problems]
    assert found == ["a.csv:5:2 (field kasus): not a number; expected a number, found 'x'",
                     "a.csv:5:3 (field penduduk): a population of zero; expected more than 0, "
                     "found 0"]
    data = b"kecamatan,kasus,penduduk\nKec. Slawi,10,70.574\nAtlantis,4,100\n"
    layer = read_layer("a.csv", layer_id="a", title="a", data=data)
    join = join_layer(kecamatan, layer, "per_100k")
    assert join.match is not None
    assert [u.label for u in join.match.not_in_file] == ["Atlantis"]
    slawi = next(f for f in join.figures if f.key == "33.28.10")
    # "70.574" is seventy thousand (Indonesian thousands separator): 10 / 70574 × 1e5.
    assert slawi.value == pytest.approx(14.1695, abs=1e-4)
    twice = b"kecamatan,kasus\nSlawi,1\nKec. Slawi,2\n"
    with pytest.raises(InputError, match="is also on line 2"):
        join_layer(kecamatan, read_layer("t.csv", layer_id="t", title="t", data=twice))


@pytest.mark.parametrize(("text", "whole", "number"), [
    ("1.234", True, 1234.0), ("1,234", True, 1234.0), ("1.234", False, 1.234),
    ("12,5", False, 12.5), (" 95.150 ", True, 95150.0), ("", False, None), ("NA", True, None),
])
def test_parse_number(text: str, whole: bool, number: float | None) -> None:
    assert parse_number(text, whole) == number


def test_priority_ranking(kecamatan: Boundaries) -> None:
    keys = [a.key for a in kecamatan.areas[:6]]
    # Readiness 10..60, problem 5, 50, 40, 30, 20, 10: tertiles of readiness are 26.67 and
    # 43.33, of the problem (5,10,20,30,40,50) 16.67 and 33.33.
    readiness = dict(zip(keys, [10.0, 20.0, 30.0, 40.0, 50.0, 60.0], strict=True))
    problem = dict(zip(keys, [5.0, 50.0, 40.0, 30.0, 20.0, 10.0], strict=True))
    result = bivariate(kecamatan, readiness, problem)
    assert result.readiness_breaks == pytest.approx((26.6667, 43.3333), abs=1e-4)
    assert result.problem_breaks == pytest.approx((16.6667, 33.3333), abs=1e-4)
    ranked = [(r.name, r.readiness_class, r.problem_class, r.priority) for r in result.rows]
    # Bumijawa: readiness 20 (class 3, low) and problem 50 (class 3, high): first. Within
    # priority 4 the higher problem comes first: Balapulang (30) before Margasari (5).
    assert ranked[:6] == [("Bumijawa", 3, 3, 6), ("Bojong", 2, 3, 5),
                          ("Balapulang", 2, 2, 4), ("Margasari", 3, 1, 4),
                          ("Pagerbarang", 1, 2, 3), ("Lebaksiu", 1, 1, 2)]
    assert all(r.priority is None for r in result.rows[6:])
