"""Fixtures of the report tests: a small assessment of the two-pillar planning fixture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.planning.plan import Plan, load_plan
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.results import Assessment
from smartcity_assess.survey.data import Answers, RegionData, SurveyData

TWO_PILLAR = Path(__file__).parents[1] / "planning" / "fixtures" / "two-pillar.yaml"
ANSWERS: dict[str, list[float]] = {"net": [50.0, 60.0, 40.0], "dc": [2.0, 3.0],
                                   "svc": [40.0], "data": [30.0]}
PLAN = """\
prepared_by: Tim Uji
region: {name: Kabupaten Uji, province: Jawa Tengah, population: 1234567, area_km2: 878.79}
vision: {id: Uji Cerdas dan Terbuka, en: A Smart and Open Test}
mission: [{id: Membangun jaringan, en: Build networks}]
horizon: {start_year: 2026, years: 5}
opd: {Diskominfo: Dinas Komunikasi dan Informatika, Bappeda: Badan Perencanaan Pembangunan Daerah}
"""


def survey_of(answers: dict[str, list[float]], keys: list[tuple[str, int | None]]
              ) -> SurveyData:
    data = SurveyData()
    for key in keys:
        region = RegionData()
        for indicator, values in answers.items():
            bucket = region.answers.setdefault(indicator, Answers())
            for n, value in enumerate(values):
                bucket.add(value, None, f"r{n}")
        region.respondents = {f"r{n}" for n in range(3)}
        data.regions[key] = region
    return data


@pytest.fixture()
def two_pillar() -> IndicatorSet:
    from dataclasses import replace

    # A stable label instead of this machine's path (it is printed in the annex).
    return replace(load_indicator_set(TWO_PILLAR), source="two-pillar.yaml")


@pytest.fixture()
def make_assessment(two_pillar: IndicatorSet) -> Callable[..., Assessment]:
    def make(region: str = "Kabupaten Uji", year: int | None = 2025,
             keys: list[tuple[str, int | None]] | None = None,
             indicator_set: IndicatorSet | None = None,
             answers: dict[str, list[float]] | None = None) -> Assessment:
        return assess(indicator_set or two_pillar,
                      survey_of(ANSWERS if answers is None else answers,
                                keys or [(region, year)]))
    return make


@pytest.fixture()
def assessment(make_assessment: Callable[..., Assessment]) -> Assessment:
    return make_assessment()


@pytest.fixture()
def plan(tmp_path: Path) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    loaded = load_plan(path)
    # The path of a temporary folder must not reach the golden files.
    from dataclasses import replace

    return replace(loaded, source="plan.yaml")
