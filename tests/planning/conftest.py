"""Fixtures of the planner tests: the hand-worked two-pillar set and a survey builder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.results import RegionResult
from smartcity_assess.survey.data import Answers, RegionData, SurveyData

FIXTURES = Path(__file__).parent / "fixtures"
TWO_PILLAR = FIXTURES / "two-pillar.yaml"

BASE_ANSWERS: dict[str, list[float]] = {"net": [50.0], "dc": [2.0], "svc": [40.0],
                                        "data": [30.0]}
"""Scores: net 50, dc 25 (likert 2 on 1–5), svc 40, data 30 (see test_planner.py)."""


def survey(answers: dict[str, list[float]], region: str = "Kabupaten Uji",
           year: int | None = 2025) -> SurveyData:
    data = RegionData()
    for key, values in answers.items():
        bucket = data.answers.setdefault(key, Answers())
        for value in values:
            bucket.add(value, None)
    data.respondents = {f"r{i}" for i in range(max((len(v) for v in answers.values()),
                                                     default=0))}
    return SurveyData(regions={(region, year): data})


@pytest.fixture()
def iset() -> IndicatorSet:
    return load_indicator_set(TWO_PILLAR)


@pytest.fixture()
def load_set(tmp_path: Path) -> Callable[[str], IndicatorSet]:
    """The two-pillar set with a textual change (e.g. another aggregation)."""
    def load(replace: str = "") -> IndicatorSet:
        text = TWO_PILLAR.read_text(encoding="utf-8")
        if replace:
            old, new = replace.split("=>")
            assert old.strip() in text
            text = text.replace(old.strip(), new.strip(), 1)
        path = tmp_path / "set.yaml"
        path.write_text(text, encoding="utf-8")
        return load_indicator_set(path)
    return load


@pytest.fixture()
def result_of() -> Callable[..., RegionResult]:
    def score(iset: IndicatorSet, answers: dict[str, list[float]] | None = None,
              year: int | None = 2025) -> RegionResult:
        return assess(iset, survey(BASE_ANSWERS if answers is None else answers,
                                   year=year)).results[0]
    return score


@pytest.fixture()
def survey_of() -> Callable[..., SurveyData]:
    """The survey builder, for tests that score a set of their own."""
    return survey
