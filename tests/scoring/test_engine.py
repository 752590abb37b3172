"""The engine on small trees worked by hand: weights, missing data, coverage, gaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.engine import assess
from smartcity_assess.survey.data import Answers, RegionData, SurveyData

SET = """\
id: t
version: "1"
title: T
aggregation: arithmetic
min_coverage: 0.5
bands:
  - {from: 0, label: Low}
  - {from: 50, label: Mid}
  - {from: 75, label: High}
pillars:
  - id: infra
    title: Infra
    weight: 3
    indicators:
      - {id: net, title: Net, type: percent, target: 90}
      - {id: wifi, title: Wifi, type: number, goalposts: [0, 10], weight: 3, target: 5}
  - id: gov
    title: Gov
    weight: 1
    dimensions:
      - id: svc
        title: Services
        indicators:
          - {id: online, title: Online, type: likert, target: 4}
          - {id: plan, title: Plan, type: boolean, target: 100}
      - id: data
        title: Data
        indicators:
          - {id: open, title: Open, type: percent, direction: lower, target: 10}
"""


@pytest.fixture()
def iset(tmp_path: Path) -> IndicatorSet:
    path = tmp_path / "t.yaml"
    path.write_text(SET, encoding="utf-8")
    return load_indicator_set(path)


def survey(answers: dict[str, list[float]], region: str = "R", year: int | None = 2025
           ) -> SurveyData:
    data = RegionData()
    for key, values in answers.items():
        bucket = data.answers.setdefault(key, Answers())
        for value in values:
            bucket.add(value, None)
    data.respondents = {"a", "b"}
    return SurveyData(regions={(region, year): data})


def test_full_tree_by_hand(iset: IndicatorSet) -> None:
    result = assess(iset, survey({
        "net": [60.0, 80.0],          # mean 70 → 70
        "wifi": [2.0],                # 2 of 0–10 → 20
        "online": [3.0, 4.0, 5.0],    # mean 4 on 1–5 → 75
        "plan": [1.0, 0.0, 1.0, 1.0],  # share yes 75% → 75
        "open": [40.0],               # lower is better → 60
    })).results[0]
    infra, gov = result.pillars
    assert infra.score == pytest.approx(0.25 * 70 + 0.75 * 20)          # 32.5
    svc, data = gov.children
    assert svc.score == pytest.approx(75.0)
    assert data.score == pytest.approx(60.0)                            # type: ignore[union-attr]
    assert gov.score == pytest.approx(67.5)
    assert result.score == pytest.approx(0.75 * 32.5 + 0.25 * 67.5)     # 41.25
    assert result.band is not None and result.band.label.get() == "Low"
    assert result.coverage == pytest.approx(1.0)
    net = result.indicator("net")
    assert (net.value, net.n, net.gap, net.score_gap) == (70.0, 2, 20.0, pytest.approx(20.0))
    assert net.effective_weight == pytest.approx(0.75 * 0.25)
    assert result.indicator("open").gap == pytest.approx(30.0)
    assert result.indicator("plan").value == 75.0
    assert result.indicator("online").spread.sd == pytest.approx(1.0)  # type: ignore[union-attr]


def test_missing_indicator_renormalises_and_reports_coverage(iset: IndicatorSet) -> None:
    result = assess(iset, survey({"net": [70.0], "online": [4.0], "open": [40.0]})).results[0]
    infra, gov = result.pillars
    # wifi (weight 3 of 4) missing: coverage 0.25 < 0.5 → infra not assessed
    assert infra.score is None and infra.coverage == pytest.approx(0.25)
    svc = gov.children[0]
    assert svc.score == pytest.approx(75.0) and svc.coverage == pytest.approx(0.5)
    assert gov.score == pytest.approx(67.5)
    # index: infra is not assessed, so it contributes nothing to the index's coverage (its
    # quarter of data does not reach the index score): 0.25 × 0.75 = 0.1875 < 0.5
    assert result.coverage == pytest.approx(0.1875)
    assert result.score is None and result.band is None
    wifi = result.indicator("wifi")
    assert wifi.score is None and wifi.note == "no answers" and wifi.gap is None


def test_one_result_per_region_year_sorted(iset: IndicatorSet) -> None:
    data = survey({"net": [50.0]}, "B", 2024)
    data.regions.update(survey({"net": [60.0]}, "A", 2025).regions)
    data.regions.update(survey({"net": [70.0]}, "A", 2024).regions)
    results = assess(iset, data).results
    assert [(r.region, r.year) for r in results] == [("A", 2024), ("A", 2025), ("B", 2024)]


def test_methods_are_recorded(iset: IndicatorSet) -> None:
    methods = assess(iset, survey({"net": [50.0]})).methods
    assert methods.normalisation.startswith("goalposts")
    assert "pillars into the index: weighted arithmetic mean" in methods.aggregation
    assert methods.min_coverage == 0.5


COVERAGE_SET = """\
id: c
version: "1"
title: C
min_coverage: 0.5
pillars:
  - id: p
    title: P
    dimensions:
      - id: d1
        title: D1
        indicators:
          - {id: a1, title: A1, type: percent}
          - {id: a2, title: A2, type: percent}
          - {id: a3, title: A3, type: percent}
      - id: d2
        title: D2
        indicators:
          - {id: b1, title: B1, type: percent}
          - {id: b2, title: B2, type: percent}
          - {id: b3, title: B3, type: percent}
      - id: d3
        title: D3
        indicators:
          - {id: c1, title: C1, type: percent}
          - {id: c2, title: C2, type: percent}
          - {id: c3, title: C3, type: percent}
"""


def test_coverage_counts_only_what_reaches_the_score(tmp_path: Path) -> None:
    # Three equal dimensions with 1/3, 1/3 and 3/3 of their indicators answered. d1 and d2
    # have coverage 1/3 < 0.5: not assessed, so they contribute nothing to the pillar. The
    # pillar's score would come from d3 alone, which is 1/3 of its weight: coverage
    # 1/3 · 0 + 1/3 · 0 + 1/3 · 1 = 1/3 < 0.5 → the pillar is not assessed. (Counting the
    # unassessed dimensions' slivers gave 1/3 · 1/3 + 1/3 · 1/3 + 1/3 · 1 = 5/9 ≈ 0.56 and a
    # pillar score made of d3 alone.)
    path = tmp_path / "c.yaml"
    path.write_text(COVERAGE_SET, encoding="utf-8")
    result = assess(load_indicator_set(path), survey({
        "a1": [40.0], "b1": [50.0], "c1": [60.0], "c2": [70.0], "c3": [80.0]})).results[0]
    pillar = result.pillars[0]
    d1, d2, d3 = pillar.children
    assert d1.score is None and d1.coverage == pytest.approx(1 / 3)
    assert d2.score is None and d2.coverage == pytest.approx(1 / 3)
    assert d3.score == pytest.approx(70.0) and d3.coverage == pytest.approx(1.0)
    assert pillar.coverage == pytest.approx(1 / 3)
    assert pillar.score is None
    assert result.score is None and result.coverage == 0.0


def test_carried_weight_is_the_weight_in_this_region_years_index(iset: IndicatorSet) -> None:
    # plan (boolean, half of svc) is not answered. Static effective weights: online
    # 0.25 × ½ × ½ = 0.0625. Carried: svc renormalises over online alone, so online carries
    # all of svc: 0.25 × ½ × 1 = 0.125 and plan 0; infra: net 0.75 × ¼ = 0.1875, wifi
    # 0.75 × ¾ = 0.5625; open 0.25 × ½ = 0.125. They add up to 1.
    result = assess(iset, survey({"net": [70.0], "wifi": [2.0], "online": [4.0],
                                  "open": [40.0]})).results[0]
    carried = {r.id: r.carried_weight for r in result.indicators()}
    assert carried == pytest.approx({"net": 0.1875, "wifi": 0.5625, "online": 0.125,
                                     "plan": 0.0, "open": 0.125})
    assert result.indicator("online").effective_weight == pytest.approx(0.0625)
    assert sum(carried.values()) == pytest.approx(1.0)
    gov = result.pillar("gov")
    assert gov.carried_weight == pytest.approx(0.25)
    assert [c.carried_weight for c in gov.children] == pytest.approx([0.125, 0.125])
    # The index is a carried-weight mean of the indicator scores (arithmetic tree):
    # 0.1875·70 + 0.5625·20 + 0.125·75 + 0.125·60 = 41.25
    assert result.score == pytest.approx(sum(
        carried[r.id] * (r.score or 0.0) for r in result.indicators()))


def test_nothing_carries_weight_in_an_index_that_is_not_assessed(iset: IndicatorSet) -> None:
    # wifi missing: infra not assessed; the index (coverage 0.1875) is not assessed either.
    result = assess(iset, survey({"net": [70.0], "online": [4.0], "open": [40.0]})).results[0]
    assert result.score is None
    assert {r.id: r.carried_weight for r in result.indicators()} == {
        "net": 0.0, "wifi": 0.0, "online": 0.0, "plan": 0.0, "open": 0.0}
