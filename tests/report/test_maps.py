"""Maps in the documents: the areas chapter, problem layers, scores.geojson, NOTICE.txt and the
citizens' scorecard, on the Kabupaten Tegal sample with its real boundaries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from smartcity_assess.geo.inputs import GeoOptions, LayerSpec
from smartcity_assess.pipeline import Scored, assess_files
from smartcity_assess.planning.plan import load_plan
from smartcity_assess.planning.planner import build_roadmap
from smartcity_assess.report.build import render_reports
from smartcity_assess.report.facts import ReportSources, build_facts, report_date
from smartcity_assess.report.maps import MapsFacts, build_maps, date_text
from smartcity_assess.resources import sample_dir
from support.geodata import DESA, KECAMATAN, SAMPLE

SURVEY = [sample_dir() / name for name in ("tegal-citizen-survey.csv",
                                           "tegal-opd-self-assessment.xlsx",
                                           "tegal-official-statistics.csv")]
GEO = GeoOptions(boundaries=KECAMATAN, boundaries_label="geo/tegal-kecamatan.geojson",
                 layers=(LayerSpec(SAMPLE / "tegal-dbd-2024.csv", "dengue", illustrative=True,
                                   label="geo/tegal-dbd-2024.csv"),),
                 complaints=SAMPLE / "tegal-aduan-2024.csv",
                 complaints_label="geo/tegal-aduan-2024.csv",
                 map_indicators=("dampak.aduan_selesai",))


@pytest.fixture(scope="module")
def scored() -> Scored:
    return assess_files(SURVEY, geo=GEO)


def maps_of(scored: Scored) -> MapsFacts:
    """The maps chapter's facts as render_reports builds them (nothing is drawn)."""
    assessment = scored.assessment
    result = assessment.results[0]
    plan = load_plan(sample_dir() / "plan.yaml")
    date = report_date()
    roadmap = build_roadmap(result, assessment.indicator_set, plan, reference_year=date.year)
    facts = build_facts(ReportSources(assessment, result, roadmap, plan, "en", date,
                                      geo=scored.geo))
    found, jobs = build_maps(facts, result, scored.geo, 10)
    assert found is not None
    # one map per view: index, five pillars, one indicator, the layer over the index, bivariate
    assert [view.name for view, _ in jobs] == [
        "peta-indeks", *(f"peta-pilar-{n}" for n in range(1, 6)), "peta-indikator-1",
        "peta-lapisan-1", "peta-bivariat-1"]
    return found


def test_the_areas_chapter_facts(scored: Scored) -> None:
    maps = maps_of(scored)
    assert maps.boundaries == "geo/tegal-kecamatan.geojson" and maps.notice
    assert maps.not_in_file == () and maps.not_in_data == ("Kedungbanteng (33.28.08)",)
    assert len(maps.areas) == 18 and maps.scored == 13
    by_name = {a.name: a for a in maps.areas}
    assert (by_name["Kedungbanteng"].status, by_name["Kedungbanteng"].respondents) == (
        "no_data", 0)
    assert (by_name["Bojong"].status, by_name["Bojong"].score) == ("not_enough", None)
    index = maps.index_map
    assert index is not None and len(index.rows) == 18
    slawi = next(r for r in index.rows if r.name == "Slawi")
    area = next(a for a in scored.assessment.results[0].areas if a.name == "Slawi")
    assert slawi.value == area.score and slawi.n == 14 and slawi.extra == (area.local,)
    assert "Highest: Tarub" in index.alt
    # the complaints map shows each kecamatan's own figure (a statistic: shown even where
    # too few people answered the survey)
    (complaints_map,) = maps.indicator_maps
    bojong = next(r for r in complaints_map.rows if r.name == "Bojong")
    assert bojong.extra == (89.47,) and bojong.value is not None
    # it rests on complaints, not respondents: Bojong had 38 complaints in 2024, 34 of them
    # closed (34/38 = 89.47 %); Kedungbanteng, with no survey answer, had 17
    assert complaints_map.n_column == "Complaints" and bojong.n == 38
    kedungbanteng = next(r for r in complaints_map.rows if r.name == "Kedungbanteng")
    assert kedungbanteng.n == 17 and kedungbanteng.value is not None
    assert complaints_map.extra_columns == ("Value (%)",)
    assert index.n_column == "Respondents"


def test_the_layer_and_its_ranked_table(scored: Scored) -> None:
    (layer,) = maps_of(scored).layers
    assert layer.illustrative and layer.measure == "cases per 100,000 residents"
    # a column heading starts with a capital; the map's circles say they are counts
    assert layer.measure_heading == "Cases per 100,000 residents"
    assert layer.overlay.extra_columns == ("Cases per 100,000 residents",)
    # no area is both in the lowest readiness third and the highest dengue third: said in words
    assert "Dengue cases high: none." in layer.bivariate.alt
    assert layer.date == "2024" and layer.source == "geo/tegal-dbd-2024.csv"
    # ranked by priority, highest first; every row has both values
    priorities = [row.priority for row in layer.ranked]
    assert priorities == sorted(priorities, reverse=True) and len(priorities) == 13
    # Dukuhwaru: 43 cases for 59,006 residents (2013) = 72.87 per 100,000, a high third;
    # readiness in the middle third: priority 3 + 2 = 5, the most of the sample's areas
    top = layer.ranked[0]
    assert (top.name, top.readiness_class, top.problem_class, top.priority) == (
        "Dukuhwaru", "middle", "high", 5)
    assert top.problem == pytest.approx(43 / 59_006 * 100_000)


def test_complaints_in_the_annex(scored: Scored) -> None:
    complaints = maps_of(scored).complaints
    assert complaints is not None
    assert (complaints.year, complaints.total, complaints.archived) == (2024, 743, 0)
    assert complaints.closed == pytest.approx(663 / 743)
    assert complaints.median_days == 6.0 and complaints.areas == 18


@pytest.fixture(scope="module")
def files(scored: Scored) -> dict[str, bytes]:
    return render_reports(scored.assessment, plan=load_plan(sample_dir() / "plan.yaml"),
                          formats=("html", "md"), lang="id", geo=scored.geo)


@pytest.mark.slow
def test_documents_maps_and_files(files: dict[str, bytes]) -> None:
    for name in ("warga.html", "warga.md", "scores.geojson", "NOTICE.txt",
                 "maps/peta-indeks.svg", "maps/peta-indeks.png", "maps/peta-bivariat-1.png"):
        assert files.get(name), name
    assert files["maps/peta-indeks.png"].startswith(b"\x89PNG")
    notice = files["NOTICE.txt"].decode()
    assert "tegal-kecamatan.geojson" in notice and "MIT License" in notice
    html = files["masterplan.html"].decode()
    chapter = html[html.index('aria-labelledby="wilayah"'):]
    chapter = chapter[:chapter.index("</section>")]
    # a data table under every choropleth, an accessible SVG for every map
    assert chapter.count('<table class="map-data">') == 8
    assert chapter.count('role="img"') == 9
    assert "Kedungbanteng (33.28.08)" in chapter and "ILUSTRATIF" in chapter
    md = files["masterplan.md"].decode()
    assert "](maps/peta-indeks.svg)" in md
    # the complaints map counts complaints per kecamatan (Bojong: 34 of 38 closed)
    assert "| Wilayah | Skor | Predikat | Pengaduan | Nilai \\(%\\) |" in md
    assert "| Bojong | 89,5 | Memuaskan | 38 | 89,5 |" in md
    assert "<th scope=\"col\" class=\"num\">Pengaduan</th>" in chapter
    assert "Indikator aduan dari ekspor pengaduan" in md  # the methodology annex


@pytest.mark.slow
def test_the_citizens_scorecard(files: dict[str, bytes]) -> None:
    html = files["warga.html"].decode()
    assert html.count("<h2") == 5 and 'href="https://wa.me/6285600080709"' in html
    assert 'href="sms:1708"' in html and "743 laporan masuk" in html
    assert html.count("<li><strong>") == 3  # three things that change this year
    assert "peta-indeks-title" in html  # the kecamatan map, inline
    assert "Metodologi" not in html and "bootstrap" not in html  # no method, no jargon
    # the median in plain words (89% of 743 closed; half of those within 6 days)
    assert "89% selesai ditangani, separuh di antaranya dalam 6 hari atau kurang." in html
    # the map as a list a phone can read: every kecamatan, the 13 scored with their score
    listed = html[html.index('<details class="w-areas">'):html.index("</details>")]
    assert listed.count('<tr><th scope="row">') == 18
    assert ('<tr><th scope="row">Slawi</th><td class="num">49,1</td><td>Baik</td></tr>'
            in listed)
    assert ('<tr><th scope="row">Bojong</th><td class="num">–</td>'
            '<td>Tidak cukup jawaban</td></tr>' in listed)
    md = files["warga.md"].decode()
    assert "| Slawi | 49,1 | Baik |" in md and "| Kedungbanteng | – | Tidak ada data |" in md


@pytest.mark.slow
def test_scores_geojson_opens_in_another_reader(files: dict[str, bytes]) -> None:
    import shapely

    data = files["scores.geojson"]
    document = json.loads(data)
    assert document["type"] == "FeatureCollection" and "crs" not in document
    features = document["features"]
    assert [f["id"] for f in features][:3] == ["33.28.01", "33.28.02", "33.28.03"]
    keys = [list(f["properties"]) for f in features]
    assert all(k == keys[0] for k in keys)  # the same properties in the same order
    assert keys[0][-3:] == ["sca_region", "sca_year", "sca_set"]
    slawi = next(f["properties"] for f in features if f["id"] == "33.28.10")
    assert (slawi["sca_status"], slawi["sca_n"], slawi["sca_band"]) == ("ok", 14, "Baik")
    assert slawi["sca_set"] == "smartcity-id@2.0" and slawi["sca_year"] == 2025
    kedung = next(f["properties"] for f in features if f["id"] == "33.28.08")
    assert (kedung["sca_status"], kedung["sca_index"]) == ("no_data", None)
    # GEOS' own GeoJSON reader (not ours) reads every geometry, valid and wound as RFC 7946
    # says (exterior rings counter-clockwise)
    for feature in features:
        shape = shapely.from_geojson(json.dumps(feature["geometry"]))
        assert shape.is_valid and shape.area > 0
        for polygon in shapely.get_parts(shape):
            assert shapely.is_ccw(polygon.exterior)


@pytest.mark.slow
def test_the_287_desa_name_the_areas_that_do_not_match() -> None:
    geo = GeoOptions(boundaries=DESA, boundaries_label="tegal-desa.geojson")
    found = assess_files(SURVEY, geo=geo)
    files = render_reports(found.assessment, plan=load_plan(sample_dir() / "plan.yaml"),
                           formats=("md",), lang="en", geo=found.geo)
    md = files["masterplan.md"].decode()
    # the data names kecamatan, the file has desa: all 17 are named, with their codes
    assert "Areas in the data that the boundary file tegal\\-desa\\.geojson lacks (17)" in md
    assert re.search(r"- Slawi \\\(33\\\.28\\\.10\\\)", md)
    assert "Areas in the boundary file without survey data (287)" in md
    geojson = json.loads(files["scores.geojson"])
    assert len(geojson["features"]) == 287
    assert {f["properties"]["sca_status"] for f in geojson["features"]} == {"no_data"}


def test_no_boundaries_gives_the_table_only() -> None:
    scored = assess_files(SURVEY)
    assessment = scored.assessment
    result = assessment.results[0]
    plan = load_plan(sample_dir() / "plan.yaml")
    date = report_date()
    roadmap = build_roadmap(result, assessment.indicator_set, plan, reference_year=date.year)
    facts = build_facts(ReportSources(assessment, result, roadmap, plan, "id", date))
    maps, jobs = build_maps(facts, result, None, 10)
    assert maps is not None and jobs == ()
    assert maps.boundaries is None and maps.index_map is None
    assert len(maps.areas) == 17 and maps.scored == 13  # Kedungbanteng is not in the data


def test_the_area_minimum_without_boundaries() -> None:
    # Bojong (2 respondents) and Jatinegara (2) get scores with a minimum of 2
    scored = assess_files(SURVEY, geo=GeoOptions(min_respondents=2))
    areas = {a.name: a for a in scored.assessment.results[0].areas}
    assert scored.assessment.area_min_respondents == 2 and scored.geo is None
    assert areas["Bojong"].status == "ok" and areas["Pagerbarang"].status == "not_enough"


def test_no_areas_no_chapter(tmp_path: Path) -> None:
    plain = tmp_path / "w.csv"
    plain.write_text("region,year,infra.household_internet\nR,2025,80\n", encoding="utf-8")
    scored = assess_files([plain])
    assessment = scored.assessment
    result = assessment.results[0]
    plan = load_plan(None)
    roadmap = build_roadmap(result, assessment.indicator_set, plan, reference_year=2026)
    facts = build_facts(ReportSources(assessment, result, roadmap, plan, "id",
                                      report_date()))
    assert build_maps(facts, result, None, 10) == (None, ())


HOSTILE_AREA = '<img src=x onerror="alert(1)">'
HOSTILE_LINK = "[x](javascript:alert(1))"


@pytest.mark.slow
def test_hostile_area_names_stay_inert(tmp_path: Path) -> None:
    """Area names from the data and from a boundary file are text in every output."""
    survey = tmp_path / "warga.csv"
    rows = [f"Kabupaten Tegal,2025,w{i},warga,{name},{i % 5 + 1}"
            for i, name in enumerate([HOSTILE_AREA] * 10 + [HOSTILE_LINK] * 10)]
    survey.write_text("region,year,respondent,role,kecamatan,infra.signal_quality\n"
                      + "\n".join(rows) + "\n", encoding="utf-8")
    boundaries = tmp_path / "b.geojson"
    square = [[[109.1, -7.0], [109.2, -7.0], [109.2, -7.1], [109.1, -7.1], [109.1, -7.0]]]
    boundaries.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"nama": "<script>alert(2)</script>"},
         "geometry": {"type": "Polygon", "coordinates": square}}]}), encoding="utf-8")
    found = assess_files([survey], geo=GeoOptions(boundaries=boundaries, key="name"))
    files = render_reports(found.assessment, plan=load_plan(None), formats=("html", "md"),
                           lang="en", geo=found.geo)
    html = files["masterplan.html"].decode()
    assert "<img src=x" not in html and "<script>alert(2)" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    svg = files["maps/peta-indeks.svg"].decode()
    assert "<script>" not in svg and "&lt;script&gt;alert(2)" in svg
    md = files["masterplan.md"].decode()
    assert "](javascript:" not in md and "\\[x\\]\\(javascript:alert\\(1\\)\\)" in md
    geojson = json.loads(files["scores.geojson"])
    assert geojson["features"][0]["properties"]["sca_name"] == "<script>alert(2)</script>"


@pytest.mark.parametrize(("value", "lang", "shown"), [
    ("2024-09-30", "id", "30 September 2024"),
    ("2024-03-05", "en", "5 March 2024"),
    ("2024-08", "id", "Agustus 2024"),
    ("2024", "id", "2024"),
    ("2024-13-01", "id", "2024-13-01"),  # not a date: as it is
])
def test_source_dates_as_a_reader_writes_them(value: str, lang: str, shown: str) -> None:
    assert date_text(value, lang) == shown
