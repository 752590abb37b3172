"""Area columns (kecamatan, desa, area, kode): read as codes beside the answers, per row."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.errors import InputError
from smartcity_assess.geo.model import AreaRef
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.survey.load import read_survey

SET = """\
id: t
version: "1"
title: T
bands: [{from: 0, label: Low}]
pillars:
  - id: p
    title: P
    indicators:
      - {id: q, title: Q, type: likert, roles: [warga]}
      - {id: s, title: S, type: percent, roles: [statistik], kind: fact}
"""


@pytest.fixture()
def iset(tmp_path: Path) -> IndicatorSet:
    path = tmp_path / "t.yaml"
    path.write_text(SET, encoding="utf-8")
    return load_indicator_set(path)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_wide_rows_name_their_kecamatan_and_code(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path, "w.csv", "region,year,respondent,role,Kecamatan,KODE,q\n"
                 "R,2025,a,warga,Slawi,33.28.10,4\n"
                 "R,2025,b,warga,KEC.  Slawi ,33.28.10,2\n"
                 "R,2025,c,warga,Adiwerna,,5\n"
                 "R,2025,d,warga,,,3\n")
    data = read_survey([path], iset).regions[("R", 2025)]
    # a kecamatan column alone: kecamatan-level areas
    slawi = AreaRef("Slawi", None, "33.28.10", "kecamatan")
    # names are cleaned (spaces) but not matched here: "KEC. Slawi" is another spelling
    other = AreaRef("KEC. Slawi", None, "33.28.10", "kecamatan")
    adiwerna = AreaRef("Adiwerna", level="kecamatan")
    assert data.areas == {slawi: 1, other: 1, adiwerna: 1}
    answers = data.answers["q"]
    assert answers.areas == [slawi, other, adiwerna, None]
    assert answers.values.tolist() == [4.0, 2.0, 5.0, 3.0]
    assert answers.area_codes is not None and answers.area_codes.tolist()[3] == -1


def test_desa_with_kecamatan_is_a_desa_inside_its_kecamatan(tmp_path: Path,
                                                             iset: IndicatorSet) -> None:
    path = write(tmp_path, "w.csv", "region,year,respondent,role,kecamatan,kelurahan,q\n"
                 "R,2025,a,warga,Lebaksiu,Karanganyar,4\n"
                 "R,2025,b,warga,Kedungbanteng,Karanganyar,2\n")
    data = read_survey([path], iset).regions[("R", 2025)]
    assert list(data.areas) == [AreaRef("Karanganyar", "Lebaksiu"),
                                AreaRef("Karanganyar", "Kedungbanteng")]


def test_long_rows_carry_their_area(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path, "l.csv", "region,year,respondent,role,area,kode,indicator,value\n"
                 "R,2025,aduan,statistik,33.28.10,33.28.10,s,90\n"
                 "R,2025,aduan,statistik,,,s,80\n")
    data = read_survey([path], iset).regions[("R", 2025)]
    # a statistic for the region and one for an area: the area's describes the area only
    assert data.answers["s"].values.tolist() == [80.0] and data.answers["s"].areas == [None]
    assert data.area_answers["s"].areas == [AreaRef("33.28.10", None, "33.28.10")]
    assert data.area_answers["s"].values.tolist() == [90.0]


def test_statistics_by_area_only_count_for_the_region(tmp_path: Path,
                                                      iset: IndicatorSet) -> None:
    path = write(tmp_path, "l.csv", "region,year,respondent,role,kecamatan,indicator,value\n"
                 "R,2025,BPS,statistik,Slawi,s,40\n"
                 "R,2025,BPS,statistik,Tarub,s,50\n")
    data = read_survey([path], iset).regions[("R", 2025)]
    assert data.answers["s"].values.tolist() == [40.0, 50.0] and data.area_answers == {}


def test_files_without_areas_have_no_area_column(tmp_path: Path, iset: IndicatorSet) -> None:
    path = write(tmp_path, "w.csv", "region,year,respondent,role,q\nR,2025,a,warga,4\n")
    data = read_survey([path], iset).regions[("R", 2025)]
    assert data.areas == {} and data.answers["q"].area_codes is None


def test_a_file_with_areas_and_one_without_merge(tmp_path: Path, iset: IndicatorSet) -> None:
    first = write(tmp_path, "a.csv", "region,year,respondent,role,kecamatan,q\n"
                  "R,2025,a,warga,Slawi,4\n")
    second = write(tmp_path, "b.csv", "region,year,respondent,role,q\nR,2025,b,warga,2\n")
    answers = read_survey([first, second], iset).regions[("R", 2025)].answers["q"]
    assert answers.areas == [AreaRef("Slawi", level="kecamatan"), None]


def test_a_source_answers_once_per_area_but_not_twice_for_one(tmp_path: Path,
                                                               iset: IndicatorSet) -> None:
    path = write(tmp_path, "l.csv", "region,year,respondent,role,kecamatan,indicator,value\n"
                 "R,2025,BPS,statistik,Slawi,s,40\n"
                 "R,2025,BPS,statistik,Tarub,s,50\n"
                 "R,2025,BPS,statistik,Slawi,s,45\n")
    with pytest.raises(InputError) as caught:
        read_survey([path], iset)
    (problem,) = caught.value.problems
    assert problem.line == 4 and "a second time (first in" in problem.message
    assert problem.message.endswith("line 2)")


def test_desa_and_area_columns_together_are_a_problem(tmp_path: Path,
                                                      iset: IndicatorSet) -> None:
    path = write(tmp_path, "w.csv", "region,desa,area,q\nR,X,Y,4\n")
    with pytest.raises(InputError) as caught:
        read_survey([path], iset)
    assert any(p.field == "area" and "beside the desa column" in p.message
               for p in caught.value.problems)
