"""The geographic inputs of a run: read together, dated, worked into the survey."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.errors import InputError, UsageError
from smartcity_assess.geo.inputs import (
    GeoOptions,
    LayerSpec,
    apply_geo,
    declared_date,
    find_notice,
    layer_date,
    parse_layer,
    read_geo,
)
from smartcity_assess.geo.model import AreaRef
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.resources import sample_dir
from smartcity_assess.survey.data import SurveyData
from smartcity_assess.survey.load import read_survey
from support.geodata import KECAMATAN, SAMPLE

SURVEY = ("tegal-citizen-survey.csv", "tegal-opd-self-assessment.xlsx",
          "tegal-official-statistics.csv")
DENGUE = SAMPLE / "tegal-dbd-2024.csv"
FLOODS = SAMPLE / "tegal-banjir-2024.geojson"
COMPLAINTS = SAMPLE / "tegal-aduan-2024.csv"


@pytest.fixture()
def survey() -> SurveyData:
    iset = load_indicator_set(None)
    return read_survey([sample_dir() / name for name in SURVEY], iset)


@pytest.mark.parametrize(("text", "kind", "path"), [
    ("dengue=data/x.csv", "dengue", "data/x.csv"),
    ("FLOOD=risiko.csv", "flood", "risiko.csv"),
    ("data/dbd-2024.csv", "dengue", "data/dbd-2024.csv"),
    ("banjir_desa.geojson", "flood", "banjir_desa.geojson"),
    ("aduan.csv", "complaints", "aduan.csv"),
    ("kriminalitas.csv", "crime", "kriminalitas.csv"),
    ("penduduk.csv", "generic", "penduduk.csv"),
    ("a=b.csv", "generic", "a=b.csv"),  # not a type: the whole text is the path
])
def test_layer_option(text: str, kind: str, path: str) -> None:
    spec = parse_layer(text)
    assert (spec.type, spec.path) == (kind, Path(path))


def test_every_problem_of_every_file_at_once(tmp_path: Path) -> None:
    boundaries = tmp_path / "b.geojson"
    boundaries.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    layer = tmp_path / "l.csv"
    layer.write_text("kecamatan,kasus\nSlawi,banyak\n", encoding="utf-8")
    complaints = tmp_path / "a.csv"
    complaints.write_text("tanggal,status\n2024-13-01,Selesai\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_geo(GeoOptions(boundaries=boundaries, layers=(LayerSpec(layer),),
                            complaints=complaints))
    found = {p.file: p for p in caught.value.problems}
    assert sorted(found) == sorted([str(boundaries), str(layer), str(complaints)])
    assert (found[str(layer)].line, found[str(layer)].field) == (2, "kasus")
    assert found[str(complaints)].found == "'2024-13-01'"
    assert "no features" in found[str(boundaries)].message


def test_a_layer_needs_boundaries() -> None:
    with pytest.raises(UsageError, match="needs a boundary file"):
        read_geo(GeoOptions(layers=(LayerSpec(DENGUE),)))


def test_dates_come_from_the_data() -> None:
    dengue = layer_date(LayerSpec(DENGUE, "dengue"), DENGUE.read_bytes())
    assert (dengue.date, dengue.basis) == ("2024", "data")  # the tahun column
    floods = layer_date(LayerSpec(FLOODS, "flood"), FLOODS.read_bytes())
    assert (floods.date, floods.basis) == ("2024-12-30", "data")  # the latest tanggal
    data = read_geo(GeoOptions(boundaries=KECAMATAN, complaints=COMPLAINTS))
    assert data.complaints_date is not None
    assert data.complaints_date.date == "2024-09-30"  # the latest complaint received
    assert data.boundaries_date is not None
    assert (data.boundaries_date.date, data.boundaries_date.basis) == (None, "unknown")


def test_declared_dates() -> None:
    assert declared_date(b'{"type":"FeatureCollection","date":"2023-06-01",'
                         b'"features":[]}') == "2023-06-01"
    assert declared_date(b'{"type":"FeatureCollection","tanggal":2022,"features":[]}') == "2022"
    # a property of a feature is not the file's date
    assert declared_date(b'{"type":"FeatureCollection","features":[{"properties":'
                         b'{"date":"2020-01-01"}}]}') is None


def test_no_date_at_all(tmp_path: Path) -> None:
    path = tmp_path / "risiko.csv"
    path.write_text("kode,nilai\n33.28.10,4\n", encoding="utf-8")
    found = layer_date(LayerSpec(path), path.read_bytes())
    assert (found.date, found.basis) == (None, "unknown")


def test_the_notice_travels(tmp_path: Path) -> None:
    notice = find_notice(KECAMATAN)
    assert notice is not None and "MIT License" in notice
    alone = tmp_path / "batas.geojson"
    alone.write_text("{}", encoding="utf-8")
    assert find_notice(alone) is None
    (tmp_path / "batas.geojson.NOTICE").write_text("© BIG", encoding="utf-8")
    assert find_notice(alone) == "© BIG"


def test_complaints_and_areas_worked_into_the_survey(survey: SurveyData) -> None:
    ids = [i.id for i in load_indicator_set(None).indicators()]
    data = read_geo(GeoOptions(boundaries=KECAMATAN, complaints=COMPLAINTS))
    context, options = apply_geo(survey, ids, data)
    region = survey.regions[("Kabupaten Tegal", 2025)]
    # the 743 complaints of 2024 (the year before the 2025 survey): 663 closed
    (use,) = context.complaints
    assert (use.complaints_year, use.figures.total, use.figures.closed) == (2024, 743, 663)
    assert region.answers["dampak.aduan_selesai"].values.tolist() == [89.23]  # 663 / 743
    assert region.answers["dampak.aduan_selesai"].areas == [None]
    # every kecamatan has 5 complaints or more: 18 area figures, kept apart from the region's
    assert len(region.area_answers["dampak.aduan_selesai"]) == 18
    assert use.areas == 18 and use.placed_nowhere == 0
    codes = [n.code for n in context.notices]
    assert codes == ["areas-not-in-data", "complaints-replaced", "complaints-replaced",
                     "complaints-replaced"]
    match = context.match("Kabupaten Tegal", 2025)
    assert match is not None and match.not_in_data == ("Kedungbanteng (33.28.08)",)
    assert match.not_in_file == ()
    assert options.areas is not None and len(options.areas) == 18
    members = dict(options.members)
    assert members[AreaRef("Slawi", None, "33.28.10", "kecamatan")] == "33.28.10"
    layouts = [(f.layout, f.rows) for f in survey.files[-2:]]
    assert layouts == [("boundaries", 18), ("complaints", 743)]


def test_complaints_of_another_year(survey: SurveyData) -> None:
    ids = [i.id for i in load_indicator_set(None).indicators()]
    before = survey.regions[("Kabupaten Tegal", 2025)].answers["dampak.aduan_selesai"]
    data = read_geo(GeoOptions(complaints=COMPLAINTS, complaints_year=2023))
    context, _ = apply_geo(survey, ids, data)
    assert [n.code for n in context.notices] == ["complaints-none-in-year"]
    # nothing measured: the statistic the data gave stays
    region = survey.regions[("Kabupaten Tegal", 2025)]
    assert region.answers["dampak.aduan_selesai"] is before


def test_complaints_belong_to_one_region(survey: SurveyData) -> None:
    survey.regions[("Kota Tegal", 2025)] = survey.regions[("Kabupaten Tegal", 2025)]
    data = read_geo(GeoOptions(complaints=COMPLAINTS))
    with pytest.raises(UsageError, match="belongs to one region"):
        apply_geo(survey, [], data)
