"""The masterplan's "How sure are we?" section (report/certainty.py, _certainty.html/.md):
values in the rendered reports match the result objects, band probabilities sum to 100%,
seeded output is byte-identical, both languages, and the golden section.

Golden files: tests/report/golden/certainty.{id,en}.{md,html} hold the section alone (from its
heading to the next chapter) and the annex part; regenerate them with
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/report/test_certainty.py`` and review the diff.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.numbers import format_number
from smartcity_assess.planning.plan import Plan
from smartcity_assess.report.build import render_reports
from smartcity_assess.report.certainty import build_certainty, whole_percents
from smartcity_assess.report.facts import band_colors
from smartcity_assess.report.views import IntervalView
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.scoring.results import Assessment
from smartcity_assess.scoring.sensitivity import (
    SensitivityOptions,
    SensitivityResult,
    sensitivity,
)
from smartcity_assess.survey.data import Answers, RegionData, SurveyData

GOLDEN = Path(__file__).parent / "golden"
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)

SET = """\
id: certainty-test
version: "1.0"
title: {id: Indeks Uji Keyakinan, en: Certainty Test Index}
bands:
  - {from: 0, label: {id: Rendah, en: Low}}
  - {from: 45, label: {id: Sedang, en: Medium}}
  - {from: 70, label: {id: Tinggi, en: High}}
pillars:
  - id: services
    title: {id: Layanan, en: Services}
    indicators:
      - {id: easy, title: {id: Mudah dipakai, en: Easy to use}, type: likert, roles: [citizen]}
      - {id: fast, title: {id: Cepat, en: Fast}, type: likert, roles: [citizen]}
      - {id: clear, title: {id: Jelas, en: Clear}, type: likert, roles: [citizen]}
      - {id: slow, title: {id: Antrean panjang, en: Long queues}, type: likert,
         roles: [citizen]}
  - id: infra
    title: {id: Infrastruktur, en: Infrastructure}
    indicators:
      - {id: net, title: {id: Rumah tangga dengan internet, en: Households online},
         type: percent, roles: [official]}
      - {id: dc, title: {id: Pusat data, en: Data centre}, type: likert, roles: [opd],
         min_answers: 3}
"""
REGIONS = {"Kab A": (3.6, 71.0), "Kab B": (3.1, 64.0), "Kab C": (3.4, 58.0)}
"""Region → (mean Likert answer, share of households online)."""
SEED = 11


def survey() -> SurveyData:
    """Three regions: 14 citizens answer four Likert items ("slow" runs against the other
    three, as a question worded the wrong way round), 4 agencies one, and a statistics row."""
    data = SurveyData()
    rng = random.Random(7)
    for region, (level, online) in REGIONS.items():
        found = data.regions.setdefault((region, 2025), RegionData())

        def add(ind: str, value: float, role: str, who: str,
                found: RegionData = found) -> None:
            found.answers.setdefault(ind, Answers()).add(value, role, who)
            found.respondents.add(who)

        for n in range(14):
            base = min(5, max(1, round(level + rng.gauss(0, 1.1))))
            add("easy", base, "citizen", f"c{n}")
            add("fast", min(5, max(1, base + rng.choice((-1, 0, 0, 1)))), "citizen", f"c{n}")
            add("clear", min(5, max(1, base + rng.choice((-1, 0, 1)))), "citizen", f"c{n}")
            add("slow", min(5, max(1, 6 - base + rng.choice((-1, 0, 1)))), "citizen", f"c{n}")
        for n in range(4):
            add("dc", min(5, max(1, round(level - 0.5 + rng.gauss(0, 0.8)))), "opd", f"o{n}")
        add("net", online, "official", "bps")
        found.roles = {"citizen": 14, "official": 1, "opd": 4}
    return data


@pytest.fixture(scope="module")
def iset(tmp_path_factory: pytest.TempPathFactory) -> IndicatorSet:
    path = tmp_path_factory.mktemp("set") / "certainty-test.yaml"
    path.write_text(SET, encoding="utf-8")
    return replace(load_indicator_set(path), source="certainty-test.yaml")


def run(iset: IndicatorSet, seed: int = SEED) -> tuple[Assessment, SensitivityResult]:
    data = survey()
    options = ScoringOptions(bootstrap=200, seed=seed)
    return (assess(iset, data, options),
            sensitivity(iset, data, SensitivityOptions(draws=60, seed=seed), options))


@pytest.fixture(scope="module")
def uncertain(iset: IndicatorSet) -> tuple[Assessment, SensitivityResult]:
    return run(iset)


@pytest.fixture()
def region_plan(plan: Plan) -> Plan:
    return replace(plan, region=replace(plan.region, name=None, population=None,
                                        area_km2=None, province=None))


def check_golden(name: str, text: str) -> None:
    """As in test_reports.py: compare with the golden file, or write it (UPDATE_GOLDEN=1)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)")


def without_svg(html: str) -> str:
    return _SVG.sub(lambda m: "<svg><!-- chart --></svg>", html)


def render(uncertain: tuple[Assessment, SensitivityResult], plan: Plan, lang: str,
           formats: tuple[str, ...] = ("html", "md")) -> dict[str, bytes]:
    assessment, tested = uncertain
    return render_reports(assessment, plan=plan, lang=lang, region="Kab A", year=2025,
                          sensitivity=tested, formats=formats)


def fmt(value: float, lang: str, digits: int = 1) -> str:
    return format_number(value, lang, digits)


def section(text: str, kind: str) -> str:
    """The "How sure are we?" section and the annex part of a rendered masterplan."""
    if kind == "md":
        # The pillars chapter (whatever its number) holds the section as its last part.
        body = re.search(r"^### (\d+)\.3 .*?(?=^## \d+ )", text, re.S | re.M)
        annex = re.search(r"^### (?:Ketidakpastian|Uncertainty) .*?(?=^### (?:Bobot|Indicator "
                          r"weights))", text, re.S | re.M)
    else:
        body = re.search(r'<h3 id="seberapa-yakin">.*?(?=</section>)', text, re.S)
        annex = re.search(r'<h3 id="metode-ketidakpastian">.*?(?=<h3 id="metode-bobot">)',
                          text, re.S)
    assert body is not None and annex is not None
    return body.group(0).rstrip() + "\n\n" + annex.group(0).rstrip() + "\n"


@pytest.mark.slow
def test_context_matches_the_results(iset: IndicatorSet,
                                     uncertain: tuple[Assessment, SensitivityResult]) -> None:
    assessment, tested = uncertain
    result = assessment.result_for("Kab A", 2025)
    found = build_certainty(assessment, result, tested, "en", band_colors(iset))
    assert result.interval is not None
    assert found.index.interval == IntervalView(result.interval.low, result.interval.high,
                                                result.interval.margin)
    assert [r.id for r in found.rows] == ["index", "services", "infra"]
    for row, pillar in zip(found.rows[1:], result.pillars, strict=True):
        assert pillar.interval is not None
        assert row.interval is not None
        assert (row.interval.low, row.interval.high) == (pillar.interval.low,
                                                         pillar.interval.high)
    regional = tested.for_region("Kab A", 2025)
    sens = found.sensitivity
    assert sens is not None and sens.rank is not None
    assert (sens.index.low, sens.index.high) == (regional.index.low, regional.index.high)
    assert sens.scenarios == 60 * 2 * 2 * 5  # weights × aggregations × imputations × goalposts
    assert sum(b.percent for b in sens.bands) == 100
    assert [b.probability for b in sens.bands] == [c.probability for c in regional.bands]
    assert sens.rank.of == 3 and [r.current for r in sens.ranks].count(True) == 1
    scores = [r.score for r in sens.ranks]  # listed by nominal rank: best first
    assert scores == sorted(scores, reverse=True) and [r.rank for r in sens.ranks] == [
        1, 2, 3]
    # The official statistic has no sampling error; the Likert items do.
    assert found.exact == 1
    net = next(r for r in found.annex.answers if r.id == "net")
    assert net.interval.margin == 0.0 and net.sd is None
    # "slow" is worded against the other two items and is flagged.
    services = next(g for g in found.consistency if g.id == "services")
    assert [i.id for i in services.items if i.negative] == ["slow"]
    assert found.negative and found.negative[0].item == "Long queues"
    assert found.verdict.kind in ("solid", "sampling", "likely", "borderline")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_rendered_values_match_the_results(lang: str, region_plan: Plan,
                                           uncertain: tuple[Assessment, SensitivityResult]
                                           ) -> None:
    assessment, tested = uncertain
    result = assessment.result_for("Kab A", 2025)
    regional = tested.for_region("Kab A", 2025)
    files = render(uncertain, region_plan, lang)
    md = files["masterplan.md"].decode()
    html = files["masterplan.html"].decode()
    assert result.interval is not None and result.score is not None
    headline = f"{fmt(result.score, lang)} ± {fmt(result.interval.margin, lang)}"
    assert f"| {headline} (" in md  # the key figures
    assert f'{fmt(result.score, lang)}<span class="pm"> ± {fmt(result.interval.margin, lang)}' \
        in html
    heading = {"id": "Seberapa yakin?", "en": "How sure are we?"}[lang]
    # After the summary and the regional profile, the pillars are chapter 3.
    assert f"### 3.3 {heading}" in md and f"</span>{heading}</h3>" in html
    for pillar in result.pillars:
        assert pillar.interval is not None
        span = f"{fmt(pillar.interval.low, lang)}–{fmt(pillar.interval.high, lang)}"
        assert span in section(md, "md") and span in section(html, "html")
        score = f"{fmt(pillar.score or 0, lang)} ± {fmt(pillar.interval.margin, lang)}"
        assert score in md  # the pillar's score line in chapter 3
    index = regional.index
    assert index.low is not None and index.high is not None
    assert f"{fmt(index.low, lang)}–{fmt(index.high, lang)}" in section(md, "md")
    # Band probabilities: every grade listed, whole percentages summing to exactly 100.
    md_percents = re.findall(r"\| [█░]{10} (<1|>99|\d+)%", md)
    html_percents = re.findall(r'class="prob-bar".*?</span></span> (&lt;1|&gt;99|\d+)%', html)
    assert len(md_percents) == len(html_percents) == len(regional.bands) == 3
    assert sum(int(p) for p in md_percents) == 100
    assert md_percents == html_percents
    assert md_percents == [str(p) for p in whole_percents([b.probability
                                                           for b in regional.bands])]
    # The rank among the three regions, and the warning on the reversed item.
    assert regional.rank is not None
    rank = regional.rank
    shown = str(rank.low) if rank.low == rank.high else f"{rank.low}–{rank.high}"
    assert re.search(rf"^\| \*\*Kab A\*\* \| .* \| {rank.nominal} \| {shown} \|$",
                     section(md, "md"), re.M)
    warning = {"id": "pertanyaan “Antrean panjang” berlawanan",
               "en": "the question “Long queues” works against"}[lang]
    assert warning in md and warning in html
    assert files["charts/certainty.svg"].startswith(b"<?xml")
    assert '<figure class="chart" id="fig-certainty">' in html


@pytest.mark.slow
def test_seeded_reports_are_byte_identical(iset: IndicatorSet, region_plan: Plan,
                                           uncertain: tuple[Assessment, SensitivityResult]
                                           ) -> None:
    again = run(iset)
    assert render(again, region_plan, "id") == render(uncertain, region_plan, "id")
    other = render(run(iset, seed=SEED + 1), region_plan, "id", formats=("md",))
    assert section(other["masterplan.md"].decode(), "md") != section(
        render(uncertain, region_plan, "id", formats=("md",))["masterplan.md"].decode(), "md")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_section(lang: str, region_plan: Plan,
                        uncertain: tuple[Assessment, SensitivityResult]) -> None:
    files = render(uncertain, region_plan, lang)
    check_golden(f"certainty.{lang}.md", section(files["masterplan.md"].decode(), "md"))
    check_golden(f"certainty.{lang}.html",
                 without_svg(section(files["masterplan.html"].decode(), "html")))


@pytest.mark.slow
def test_without_uncertainty_the_section_says_so(iset: IndicatorSet, region_plan: Plan) -> None:
    plain = assess(iset, survey())
    files = render_reports(plain, plan=region_plan, lang="en", region="Kab A", year=2025)
    md = files["masterplan.md"].decode()
    assert "Uncertainty was not computed for this report (with --no-uncertainty" in md
    assert "charts/certainty.svg" not in files and " ± " not in md
    assert "| Indicator | Value | Score | Target |" in md  # no interval column
    assert "- Confidence intervals: not computed." in md


@pytest.mark.slow
def test_sensitivity_alone(iset: IndicatorSet, region_plan: Plan) -> None:
    """A sensitivity analysis without bootstrap intervals still makes a section."""
    data = survey()
    plain = assess(iset, data)
    tested = sensitivity(iset, data, SensitivityOptions(draws=20, seed=3))
    md = render_reports(plain, plan=region_plan, lang="en", region="Kab B", year=2025,
                        sensitivity=tested, formats=("md",))["masterplan.md"].decode()
    assert "#### Judgement calls: the sensitivity analysis" in md
    assert "#### Who answered" not in md and "Probability of each grade: the share of the" in md


@pytest.mark.parametrize(("shares", "expected"), [
    ([1 / 3, 1 / 3, 1 / 3], [34, 33, 33]),
    ([0.996, 0.004, 0.0], [100, 0, 0]),
    ([0.125, 0.375, 0.5], [13, 37, 50]),  # a tie: the first wins
    ([0.0, 0.0], [0, 0]),
])
def test_whole_percents_sum_to_100(shares: list[float], expected: list[int]) -> None:
    assert whole_percents(shares) == expected


def test_verdicts(iset: IndicatorSet) -> None:
    """The verdict follows the probability of the nominal band and the sampling interval."""
    from smartcity_assess.report.certainty import CertaintyRow, _verdict
    from smartcity_assess.scoring.sensitivity import BandChance, RegionSensitivity, ScoreRange

    def verdict(score: float, low: float, high: float, chances: list[float] | None) -> Any:
        index = CertaintyRow("index", "index", "Index", score, None,
                             IntervalView(low, high, (high - low) / 2), None, ())
        regional = None if chances is None else RegionSensitivity(
            "X", 2025, ScoreRange(score, low, score, high, 1.0), (),
            tuple(BandChance(b, p) for b, p in zip(iset.bands, chances, strict=True)),
            None, ())
        return _verdict(index, regional, iset, "en")

    assert verdict(55, 50, 60, [0, 1, 0]).kind == "solid"
    assert verdict(55, 50, 60, [0, 1, 0]).p == "100%"
    crossing = verdict(47, 43, 51, [0, 1, 0])
    assert crossing.kind == "sampling" and crossing.other == "Low"
    assert crossing.boundary == 45
    likely = verdict(55, 50, 60, [0.1, 0.9, 0])
    assert likely.kind == "likely" and likely.other == "Low" and likely.other_p == "10%"
    assert verdict(69, 66, 72, [0, 0.55, 0.45]).kind == "borderline"
    assert verdict(55, 50, 60, [0, 0.999, 0.001]).p == ">99%"
    assert verdict(55, 50, 60, None).kind == "solid"
