"""Complaint exports → indicators, and scores.geojson read back by readers we did not write."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import geojson
import pytest
import shapely
from shapely.geometry import shape

from smartcity_assess.errors import InputError
from smartcity_assess.geo import complaints
from smartcity_assess.geo.export import scores_geojson
from smartcity_assess.geo.model import AreaScores, Boundaries
from smartcity_assess.geo.project import area_km2
from support.geodata import SAMPLE

HEADER = "nomor,tanggal,status,tanggal_selesai,dijawab,kanal,kecamatan\n"


def export_of(text: str) -> complaints.ComplaintExport:
    return complaints.read_complaints("a.csv", data=(HEADER + text).encode())


def test_figures_by_hand() -> None:
    data = export_of(
        "1,2024-01-01,Selesai,2024-01-03,ya,WA,Slawi\n"      # 2 days
        "2,05/01/2024,selesai,2024-01-15,tidak,WA,Slawi\n"   # 10 days (day-first date)
        "3,2024-02-01,Proses,,ya,App,Slawi\n"
        "4,2024-02-02,Belum Terverifikasi,,,App,Talang\n"    # answered not said
        "5,2024-02-03,Arsip,,,App,Talang\n"                  # archived: left out
        "6,2023-12-30,Selesai,2024-01-02,ya,App,Talang\n")   # 3 days, received in 2023
    result = complaints.figures(data.complaints, "Tegal")
    # 5 counted (archived left out); closed 1, 2, 6 → 60 %; days 2, 10, 3 → median 3;
    # answered: yes for 1, 3, 6 and no for 2 of the 4 that say → 75 %.
    assert (result.total, result.closed, result.archived) == (5, 3, 1)
    assert result.share_closed == pytest.approx(60.0)
    assert result.median_days == 3.0
    assert result.share_answered == pytest.approx(75.0)
    in_2024 = complaints.figures(complaints.in_year(data, 2024), "Tegal")
    assert (in_2024.total, in_2024.closed, in_2024.median_days) == (4, 2, 6.0)
    assert complaints.figures(data.complaints, "x", min_complaints=6).share_closed is None


def test_bad_export_lists_every_problem() -> None:
    with pytest.raises(InputError) as caught:
        export_of("1,2024-13-01,Selesai,,ya,WA,Slawi\n"
                  "2,2024-01-05,Mungkin,,ya,WA,Slawi\n"
                  "3,2024-01-05,Selesai,2024-01-01,ya,WA,Slawi\n"
                  "4,2024-01-05,Selesai,2024-01-06,kadang,WA,Slawi\n"
                  "5,,Selesai,,ya,WA,Slawi\n")
    found = [str(p) for p in caught.value.problems]
    assert found == [
        "a.csv:2:2 (field tanggal): not a date; expected a date such as 2024-03-05 or "
        "05/03/2024, found '2024-13-01'",
        "a.csv:3:3 (field status): unknown status; expected a status such as Selesai, Proses, "
        "Belum Terverifikasi or Arsip, found 'Mungkin'",
        "a.csv:4:4 (field tanggal_selesai): closed before it was received; expected a date on "
        "or after 2024-01-05, found '2024-01-01'",
        "a.csv:5:5 (field dijawab): not yes or no; expected ya/tidak (yes/no), found 'kadang'",
        "a.csv:6:2 (field tanggal): the complaint has no date received; expected a date, "
        "found ''",
    ]
    with pytest.raises(InputError, match="no date-received column"):
        complaints.read_complaints("b.csv", data=b"status\nSelesai\n")


def test_sample_export_matches_the_published_totals(kecamatan: Boundaries,
                                                    desa: Boundaries) -> None:
    data = complaints.read_complaints(SAMPLE / "tegal-aduan-2024.csv")
    assert len(data.complaints) == 743
    assert all(c.received[:7] <= "2024-09" for c in data.complaints)
    channels = complaints.by_channel(data.complaints)
    # suarabaru.id, 11 Oct 2024: app 348 (97 %), WhatsApp 344 (82 %), social media 51 (84.3 %).
    assert {k: (v.total, round(v.share_closed or 0, 1)) for k, v in channels.items()} == {
        "Aplikasi Lapor Bupati": (348, 97.1), "WhatsApp": (344, 82.0),
        "Media sosial": (51, 84.3)}
    for boundaries in (kecamatan, desa):
        groups, report, nowhere = complaints.by_area(data.complaints, boundaries)
        assert nowhere == () and report.not_in_file == ()
        assert sum(len(g) for g in groups.values()) == 743


def test_answers_table(kecamatan: Boundaries) -> None:
    data = complaints.read_complaints(SAMPLE / "tegal-aduan-2024.csv")
    rows = complaints.answers("Kabupaten Tegal", 2024, data, kecamatan)
    region = [r for r in rows if r.area is None]
    assert [(r.indicator, r.role) for r in region] == [
        ("dampak.aduan_selesai", "statistik"), ("dampak.aduan_hari_selesai", "statistik"),
        ("dampak.aduan_dijawab", "statistik")]
    # 338 + 282 + 43 = 663 of 743 closed = 89.23 %.
    assert region[0].value == pytest.approx(89.23)
    table = list(csv.reader(io.StringIO(complaints.answers_csv(rows).decode())))
    assert table[0] == ["region", "year", "area", "kode", "respondent", "role", "indicator",
                        "value"]
    assert table[1][:4] == ["Kabupaten Tegal", "2024", "", ""]
    areas = {r[2] for r in table[4:]}
    assert areas <= {a.key for a in kecamatan.areas} and len(areas) == 18
    assert complaints.answers_csv(rows) == complaints.answers_csv(
        complaints.answers("Kabupaten Tegal", 2024, data, kecamatan))


def test_answers_csv_neutralises_formulas() -> None:
    row = complaints.AnswerRow(region="=cmd()", year=2024, area="+1", kode=None,
                               respondent="@x", role="statistik",
                               indicator="dampak.aduan_selesai", value=50.0)
    assert complaints.answers_csv([row]).decode().splitlines()[1] == \
        "'=cmd(),2024,'+1,,'@x,statistik,dampak.aduan_selesai,50"


# --- scores.geojson -------------------------------------------------------------------------

PILLARS = ("infrastructure", "government", "society", "economy", "dampak")


def scores_for(boundaries: Boundaries) -> list[AreaScores]:
    out = []
    for index, area in enumerate(boundaries.areas[:-1]):
        out.append(AreaScores(key=area.key, status="ok", index=40 + index / 3, band="Baik",
                              coverage=0.87654, n=12 + index,
                              pillars=tuple((p, 30.0 + i + index) for i, p in
                                            enumerate(PILLARS)),
                              extra=(("dbd_per_100k", 23.12144),)))
    out.append(AreaScores(key=boundaries.areas[-1].key, status="not_enough", n=2))
    return out


def write(boundaries: Boundaries) -> bytes:
    return scores_geojson(boundaries, scores_for(boundaries), pillars=PILLARS,
                          region="Kabupaten Tegal", year=2025, set_id="smartcity-id@2")


def test_scores_geojson_reads_back(kecamatan: Boundaries) -> None:
    data = write(kecamatan)
    assert data == write(kecamatan)  # deterministic
    document = json.loads(data)
    assert document["type"] == "FeatureCollection" and "crs" not in document
    features = document["features"]
    assert len(features) == 18
    keys = None
    for feature, area in zip(features, kecamatan.areas, strict=True):
        props = feature["properties"]
        keys = keys or list(props)
        assert list(props) == keys  # the same properties, in the same order, everywhere
        assert feature["id"] == area.key
        geometry = shape(feature["geometry"])  # shapely reads it
        assert geometry.is_valid
        # RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
        for polygon in shapely.get_parts(geometry):
            assert polygon.exterior.is_ccw
            assert all(not hole.is_ccw for hole in polygon.interiors)
        assert area_km2(geometry) == pytest.approx(area_km2(area.geometry), rel=1e-4)
    assert keys == ["kode", "kode_bps", "kecamatan", "sca_key", "sca_name", "sca_code",
                    "sca_status", "sca_index", "sca_band", "sca_coverage", "sca_n",
                    "sca_infrastructure", "sca_government", "sca_society", "sca_economy",
                    "sca_dampak", "sca_dbd_per_100k", "sca_region", "sca_year", "sca_set"]
    first = features[0]["properties"]
    assert (first["sca_index"], first["sca_coverage"], first["sca_n"],
            first["sca_dbd_per_100k"]) == (40.0, 0.877, 12, 23.121)
    second = features[1]["properties"]
    assert second["sca_index"] == 40.33  # 40 + 1/3 rounded to 2 decimals
    last = features[-1]["properties"]
    assert (last["sca_status"], last["sca_index"], last["sca_dampak"], last["sca_n"]) == \
        ("not_enough", None, None, 2)
    # The geojson package (python-geojson) validates it as well.
    parsed: Any = geojson.loads(data.decode())
    assert parsed.is_valid, parsed.errors()
    assert len(parsed["features"]) == 18


def test_scores_geojson_of_the_desa_file(desa: Boundaries) -> None:
    data = write(desa)
    features = json.loads(data)["features"]
    assert len(features) == 287
    assert max(len(str(c)) for f in features
               for c in shapely.get_coordinates(shape(f["geometry"])).ravel()) <= 11
    assert len(data) < 1_000_000


def test_scores_geojson_refuses_unknown_areas(kecamatan: Boundaries) -> None:
    with pytest.raises(ValueError, match="not in"):
        scores_geojson(kecamatan, [AreaScores(key="nope", status="ok")], pillars=(),
                       region="r", year=None, set_id="s")
