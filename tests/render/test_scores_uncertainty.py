"""Intervals and the sensitivity analysis in the CSV and Markdown scores (issue 6): shown when
computed, absent otherwise (so default output is unchanged)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.numbers import format_number
from smartcity_assess.render.scores_csv import COLUMNS, INTERVAL_COLUMNS, to_csv
from smartcity_assess.render.scores_md import to_markdown
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.scoring.results import Assessment
from smartcity_assess.scoring.sensitivity import SensitivityOptions, SensitivityResult, sensitivity
from smartcity_assess.survey.data import Answers, RegionData, SurveyData

SET = Path(__file__).parents[1] / "planning" / "fixtures" / "two-pillar.yaml"


def survey() -> SurveyData:
    data = SurveyData()
    for region, shift in (("Kab A", 0.0), ("Kab B", 8.0)):
        found = data.regions.setdefault((region, 2025), RegionData())
        for n, (net, dc) in enumerate(((50.0, 2.0), (60.0, 3.0), (40.0, 4.0), (55.0, 3.0))):
            for ind, value in (("net", net + shift), ("dc", dc)):
                found.answers.setdefault(ind, Answers()).add(value, None, f"r{n}")
            found.respondents.add(f"r{n}")
        for ind, value in (("svc", 40.0 + shift), ("data", 30.0)):
            found.answers.setdefault(ind, Answers()).add(value, None, "stats")
    return data


@pytest.fixture(scope="module")
def scored() -> tuple[Assessment, Assessment, SensitivityResult]:
    iset = load_indicator_set(SET)
    data = survey()
    options = ScoringOptions(bootstrap=100, seed=3)
    return (assess(iset, data), assess(iset, data, options),
            sensitivity(iset, data, SensitivityOptions(draws=20, seed=3), options))


def test_csv_has_interval_columns_only_with_a_bootstrap(
        scored: tuple[Assessment, Assessment, SensitivityResult]) -> None:
    plain, boot, _ = scored
    assert to_csv(plain).splitlines()[0] == ",".join(COLUMNS)
    rows = list(csv.DictReader(io.StringIO(to_csv(boot))))
    assert list(rows[0]) == [*COLUMNS, *INTERVAL_COLUMNS]
    index = rows[0]
    interval = boot.results[0].interval
    assert interval is not None and index["level"] == "index"
    assert float(index["interval_low"]) == interval.low
    assert float(index["interval_high"]) == interval.high
    net = next(r for r in rows if r["id"] == "net" and r["region"] == "Kab A")
    found = boot.results[0].indicator("net").interval
    assert found is not None and float(net["interval_low"]) == found.low


@pytest.mark.parametrize("lang", ["id", "en"])
def test_markdown_margins_and_sensitivity(
        lang: str, scored: tuple[Assessment, Assessment, SensitivityResult]) -> None:
    plain, boot, tested = scored
    assert " ± " not in to_markdown(plain, lang)
    text = to_markdown(boot, lang, tested)
    result = boot.results[0]
    assert result.interval is not None and result.score is not None
    assert (f"| {format_number(result.score, lang, 1)} ± "
            f"{format_number(result.interval.margin, lang, 1)} |") in text
    heading = {"id": "## Analisis sensitivitas", "en": "## Sensitivity analysis"}[lang]
    assert heading in text
    regional = tested.for_region("Kab A", 2025)
    assert regional.index.low is not None and regional.index.high is not None
    assert (f"{format_number(regional.index.low, lang, 1)}–"
            f"{format_number(regional.index.high, lang, 1)}") in text
    assert regional.rank is not None and f" / {regional.rank.of} |" in text
