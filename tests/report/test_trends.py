"""Trends in the masterplan (issue 4, item 2): three years of one region, one of them scored
with another version of the indicator set (a break), from the data and a history folder."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from smartcity_assess.history import History, Timeline, from_assessment, read_history
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.numbers import format_number
from smartcity_assess.planning.plan import Plan
from smartcity_assess.render.scores_json import to_json
from smartcity_assess.report.build import render_reports
from smartcity_assess.report.charts.trends import Series, SeriesBreak, _limits, _segments
from smartcity_assess.report.charts.trends import trend_chart as draw_trend
from smartcity_assess.report.trends import (
    TrendBreak,
    region_trend,
    report_timeline,
    trend_context,
)
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.results import Assessment
from smartcity_assess.survey.data import Answers, RegionData, SurveyData

REGION = "Kabupaten Uji"
# 2023 from history (set version 0.9), 2024 and 2025 from the data (version 1.0).
Y2023 = {"net": [40.0, 45.0, 35.0], "dc": [2.0, 2.0], "svc": [45.0], "data": [20.0]}
Y2024 = {"net": [45.0, 50.0, 40.0], "dc": [2.0, 3.0], "svc": [35.0], "data": [25.0]}
Y2025 = {"net": [50.0, 60.0, 40.0], "dc": [2.0, 3.0], "svc": [40.0], "data": [30.0]}


def scored(indicator_set: IndicatorSet, years: dict[int, dict[str, list[float]]],
           region: str = REGION) -> Assessment:
    """``indicator_set`` applied to answers per year of one region (as in conftest.py)."""
    survey = SurveyData()
    for year, answers in years.items():
        data = RegionData()
        for indicator, values in answers.items():
            bucket = data.answers.setdefault(indicator, Answers())
            for n, value in enumerate(values):
                bucket.add(value, None, f"r{n}")
        data.respondents = {f"r{n}" for n in range(3)}
        survey.regions[(region, year)] = data
    return assess(indicator_set, survey)


@pytest.fixture()
def data(two_pillar: IndicatorSet) -> Assessment:
    """The data of this run: 2024 and 2025."""
    return scored(two_pillar, {2024: Y2024, 2025: Y2025})


@pytest.fixture()
def history(two_pillar: IndicatorSet, tmp_path: Path) -> History:
    """A history folder: 2023 scored with version 0.9, and a stale 2024 the data replace."""
    old = replace(two_pillar, version="0.9")
    folder = tmp_path / "history"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "scores.json").write_text(
        to_json(scored(old, {2023: Y2023}), "en"), encoding="utf-8")
    (folder / "2024").mkdir()
    stale = {**Y2024, "svc": [90.0]}
    (folder / "2024" / "scores.json").write_text(
        to_json(scored(two_pillar, {2024: stale}), "en"), encoding="utf-8")
    return read_history(folder)


def trend_md(files: dict[str, bytes]) -> str:
    text = files["masterplan.md"].decode()
    start = text.index("### Trends")
    return text[start:text.index("\n## 2 ", start)]


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def expected_delta(now: float | None, before: float | None) -> str:
    assert now is not None and before is not None
    value = now - before
    text = format_number(abs(value), "en", 1)
    return ("±" if text == "0.0" else "+" if value > 0 else "−") + text


# --- the trend itself --------------------------------------------------------------------------


def test_trend_merges_data_and_history_and_the_data_win(data: Assessment,
                                                        history: History) -> None:
    points = region_trend(data, REGION, 2025, history)
    assert [p.snapshot.year for p in points] == [2023, 2024, 2025]
    assert [p.snapshot.criteria.version for p in points] == ["0.9", "1.0", "1.0"]
    assert [p.is_break for p in points] == [False, True, False]
    # 2024 is in the history with another score: the data win.
    assert points[1].snapshot.score == pytest.approx(data.results[0].score)
    assert points[1].snapshot.source == "<this run>"
    # Only years up to the report's year.
    assert [p.snapshot.year for p in region_trend(data, REGION, 2024, history)] == [2023, 2024]
    assert region_trend(data, REGION, None, history) == []


def test_context_numbers(data: Assessment, history: History) -> None:
    result = data.results[1]
    trends = trend_context(data, result, history, "en")
    assert trends is not None
    assert (trends.first, trends.last, trends.previous, trends.count) == (
        2023, 2025, 2024, 3)
    assert trends.breaks == (TrendBreak(
        year=2024, previous=2023, old="two-pillar 0.9", new="two-pillar 1.0",
        short="two-pillar 0.9 → 1.0",
        reason="the indicator set changed from two-pillar 0.9 to two-pillar 1.0"),)
    assert [y.from_history for y in trends.years] == [True, False, False]
    assert (trends.history_years, trends.data_years) == ("2023", "2024, 2025")
    index = trends.index
    old_2023 = history.by_key()[(REGION, 2023)].score
    assert [c.score for c in index.cells] == pytest.approx(
        [old_2023, data.results[0].score, data.results[1].score])
    now, before = data.results[1].score, data.results[0].score
    assert now is not None and before is not None
    assert index.cells[2].delta == pytest.approx(now - before)
    assert [c.is_break for c in index.cells] == [False, True, False]
    assert index.change_break is True
    assert [r.id for r in trends.series] == ["infra", "gov", "index"]
    # 2024 → 2025: net 45 → 50, svc 35 → 40, data 25 → 30 (ties by id), dc unchanged.
    assert [(r.id, r.latest.delta) for r in trends.rises] == [
        ("data", pytest.approx(5.0)), ("net", pytest.approx(5.0)), ("svc", pytest.approx(5.0))]
    assert trends.falls == ()
    assert [r.id for r in trends.indicators] == ["net", "dc", "svc", "data"]


def test_largest_falls_come_first(two_pillar: IndicatorSet) -> None:
    down = {"net": [20.0], "dc": [1.0, 2.0], "svc": [38.0], "data": [29.0]}
    data = scored(two_pillar, {2024: Y2025, 2025: down})
    trends = trend_context(data, data.results[1], None, "en")
    assert trends is not None and trends.rises == ()
    assert [r.id for r in trends.falls] == ["net", "dc", "svc", "data"]
    deltas = [r.latest.delta for r in trends.falls]
    assert deltas == sorted(deltas) and deltas[0] == pytest.approx(-30.0)
    assert trends.breaks == () and trends.index.change_break is False


def test_no_trend_with_one_year(assessment: Assessment, two_pillar: IndicatorSet,
                                tmp_path: Path) -> None:
    assert trend_context(assessment, assessment.results[0], None, "id") is None
    assert report_timeline(assessment, None) is None
    # History of another region, or of later years only, does not make a trend either.
    other = from_assessment(scored(two_pillar, {2024: Y2024}, region="Kota Lain"))
    later = from_assessment(scored(two_pillar, {2026: Y2024}))
    assert trend_context(assessment, assessment.results[0], [*other, *later], "id") is None


def test_history_alone_makes_a_trend(assessment: Assessment, two_pillar: IndicatorSet) -> None:
    earlier = from_assessment(scored(two_pillar, {2024: Y2024}), source="old.json")
    for history in (earlier, Timeline(earlier), History(tuple(earlier), ())):
        trends = trend_context(assessment, assessment.results[0], history, "id")
        assert trends is not None and [y.year for y in trends.years] == [2024, 2025]
        assert trends.breaks == ()


# --- the documents -------------------------------------------------------------------------


@pytest.fixture()
def reports(data: Assessment, history: History, plan: Plan) -> dict[str, bytes]:
    return render_reports(data, plan=plan, lang="en", year=2025, history=history)


def test_markdown_deltas_match_the_scores(reports: dict[str, bytes], data: Assessment,
                                          history: History) -> None:
    md = trend_md(reports)
    assert md.startswith("### Trends 2023–2025\n")
    scores = {2023: history.by_key()[(REGION, 2023)], 2024: from_assessment(data)[0],
              2025: from_assessment(data)[1]}
    lines = md.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("| Pillar |"))
    assert cells(lines[head]) == ["Pillar", "2023", "2024 †", "2025", "Change 2023–2025"]
    rows = {cells(line)[0]: cells(line)[1:] for line in lines[head + 2:head + 6]}
    assert list(rows) == ["Digital Infrastructure", "Digital Government", "**Index**",
                          "Assessment framework"]
    assert rows["Assessment framework"] == [r"two\-pillar 0\.9", r"two\-pillar 1\.0",
                                            r"two\-pillar 1\.0", ""]
    for title, node in (("Digital Infrastructure", "infra"), ("Digital Government", "gov"),
                        ("**Index**", None)):
        def score(year: int, node: str | None = node) -> float | None:
            snapshot = scores[year]
            found = snapshot.node(node) if node else None
            return found.score if found else snapshot.score

        row = rows[title]
        assert row[0] == format_number(score(2023), "en", 1)
        assert row[1] == (f"{format_number(score(2024), 'en', 1)} "
                          f"({expected_delta(score(2024), score(2023))} †)")
        assert row[2] == (f"{format_number(score(2025), 'en', 1)} "
                          f"({expected_delta(score(2025), score(2024))})")
        assert row[3] == f"**{expected_delta(score(2025), score(2023))}** †"
    summary = (f"The index moved from {format_number(scores[2023].score, 'en', 1)} in 2023 "
               f"to {format_number(scores[2025].score, 'en', 1)} in 2025")
    assert summary in md


def test_markdown_marks_the_break_and_lists_indicators(reports: dict[str, bytes]) -> None:
    md = trend_md(reports)
    assert (r"**Series break 2024:** the indicator set changed from two\-pillar 0\.9 to "
            r"two\-pillar 1\.0.") in md
    assert r"† Across a series break: the indicator set changed from two\-pillar 0\.9" in md
    assert "![Index and pillar trends 2023–2025](charts/trends.svg)" in md
    assert "Sources: 2024, 2025 from this assessment's data; 2023 from earlier scores" in md
    assert "#### Indicator changes 2024–2025\n" in md
    rises = md[md.index("##### Largest rises"):md.index("##### Largest falls")]
    assert [cells(line)[0] for line in rises.splitlines() if line.startswith("| ")][2:] == [
        "Open datasets", "Households with internet", "Online public services"]
    assert "| Households with internet | Digital Infrastructure | 45.0 | 50.0 | +5.0 |" in rises
    assert "No indicator fell." in md
    assert "#### All indicators: scores by year (4 indicators)" in md
    assert "| Online public services | 45.0 | 35.0 (−10.0 †) | 40.0 (+5.0) | **−5.0** † |" in md


def test_html_section(reports: dict[str, bytes]) -> None:
    html = reports["masterplan.html"].decode()
    section = html[html.index('<h3 id="tren">'):html.index("</section>", html.index(
        '<h3 id="tren">'))]
    assert "Trends 2023–2025" in section
    assert "<strong>Series break 2024:</strong> the indicator set changed" in section
    assert '<figure class="chart" id="fig-trends">' in section
    assert '<title id="trends-title">Index and pillar trends 2023–2025</title>' in section
    assert "stroke-dasharray" in section  # the break line
    assert '<th scope="col" class="num">2024<sup>†</sup></th>' in section
    assert section.count("<details") == 1 and "All indicators: scores by year" in section
    assert "charts/trends.svg" in reports  # for the Markdown (the HTML inlines it)
    # The roadmap has no trend section.
    assert 'id="tren"' not in reports["roadmap.html"].decode()


def test_indonesian(data: Assessment, history: History, plan: Plan) -> None:
    files = render_reports(data, plan=plan, lang="id", formats=["md"], year=2025,
                           history=history)
    md = files["masterplan.md"].decode()
    assert "### Tren 2023–2025" in md and "**Jeda seri 2024:** instrumen berubah dari" in md
    assert "charts/trends.svg" in files
    assert "Perubahan 2023–2025" in md


def test_single_year_has_no_trend_section(assessment: Assessment, plan: Plan) -> None:
    files = render_reports(assessment, plan=plan, lang="en")
    assert "Trends" not in files["masterplan.md"].decode()
    assert 'id="tren"' not in files["masterplan.html"].decode()
    assert "charts/trends.svg" not in files


@pytest.mark.slow
def test_rerun_is_byte_identical(data: Assessment, history: History, plan: Plan,
                                 reports: dict[str, bytes]) -> None:
    again = render_reports(data, plan=plan, lang="en", year=2025, history=history)
    assert again == reports
    # The same history given as a timeline or as snapshots gives the same documents.
    assert render_reports(data, plan=plan, lang="en", year=2025,
                          history=Timeline(history.snapshots)) == reports


@pytest.mark.slow
def test_batch_reports_get_the_trend(data: Assessment, history: History, plan: Plan,
                                     tmp_path: Path) -> None:
    from smartcity_assess.assessment.batch import report_jobs, write_reports_many

    jobs = report_jobs(data, [data.results[1]], ["en"], {(REGION, 2025): "uji-2025"},
                       lambda _: "")
    write_reports_many(data, tmp_path, jobs, plan=plan, formats=["md"], history=history)
    md = (tmp_path / "uji-2025" / "masterplan.md").read_text(encoding="utf-8")
    assert "### Trends 2023–2025" in md and "**Series break 2024:**" in md
    # Without history the data's own years still make a trend (2024–2025, no break).
    write_reports_many(data, tmp_path / "b", jobs, plan=plan, formats=["md"])
    md = (tmp_path / "b" / "uji-2025" / "masterplan.md").read_text(encoding="utf-8")
    assert "### Trends 2024–2025" in md and "Series break" not in md


# --- the chart -------------------------------------------------------------------------------


def test_segments_and_limits() -> None:
    years = [2021, 2022, 2023, 2024]
    assert _segments(years, []) == [(0, 4)]
    assert _segments(years, [SeriesBreak(2022, 2023, "x", "y")]) == [(0, 2), (2, 4)]
    assert _limits([40.0, 45.0], (0, 100)) == (20.0, 60.0)  # at least 30 points, steps of 10
    assert _limits([2.0, 98.0], (0, 100)) == (0.0, 100.0)
    assert _limits([], (0, 10)) == (0, 10)


def test_trend_chart_is_deterministic_and_broken_at_the_break() -> None:
    def draw() -> str:
        return draw_trend(
            "trends", [2023, 2024, 2025],
            [Series("Index", [34.5, 36.1, 40.1], "#0072B2", 2.4, True),
             Series("A & <B>", [32.5, None, 43.8], "#E69F00")],
            [SeriesBreak(2023, 2024, "Indicator set changed", "s 0.9 → s 1.0")],
            (0, 100), [], "en", {"score_axis": "Score (0–100)"}, "Trends", "Desc").svg

    svg = draw()
    assert svg == draw()
    assert "Indicator set changed" in svg and "s 0.9 → s 1.0" in svg
    assert "A &amp; &lt;B&gt;" in svg
    assert all(i.startswith("trends-") for i in re.findall(r'\bid="([^"]+)"', svg))
    # Index: one lone point before the break and one line after it (two segments drawn);
    # the pillar: two lone points (its 2024 is missing); values are labelled.
    assert svg.count('<g id="trends-line2d_') >= 4
    for label in ("34.5", "36.1", "40.1"):
        assert f">{label}<" in svg


def test_trends_chart_job_is_last_and_only_with_a_trend(
        data: Assessment, plan: Plan, assessment: Assessment,
        make_assessment: Callable[..., Assessment]) -> None:
    from smartcity_assess.planning.planner import build_roadmap
    from smartcity_assess.report.charts.jobs import document_jobs
    from smartcity_assess.report.facts import ReportSources, build_facts, report_date

    for subject, names in ((data, True), (assessment, False)):
        result = subject.results[-1]
        roadmap = build_roadmap(result, subject.indicator_set, plan)
        facts = build_facts(ReportSources(subject, result, roadmap, plan, "en", report_date()))
        jobs = [j.name for j in document_jobs(facts, roadmap.median_impact, roadmap.start_year,
                                              roadmap.end_year, roadmap.plan_years)]
        assert (jobs[-1] == "trends") is names and jobs.count("trends") == int(names)


# --- as people and tools see it ----------------------------------------------------------------


@pytest.mark.slow
def test_multi_year_documents_pass_the_validators(data: Assessment, history: History,
                                                  plan: Plan, tmp_path: Path) -> None:
    """The multi-year masterplan as third-party tools see it: valid HTML5 and SVG (W3C Nu),
    clean Markdown (markdownlint, the repository's rules), no axe-core violation in Chromium
    (contrast of the coloured deltas, table headers, the <details> block)."""
    from smartcity_assess.report.build import write_reports
    from support.browser import Chromium
    from support.validators import broken_image_links, markdownlint, vnu_errors

    out = tmp_path / "out"
    write_reports(data, out, plan=plan, lang="id", year=2025, history=history)
    assert vnu_errors([out / "masterplan.html", out / "charts" / "trends.svg"]) == []
    lines = (out / "masterplan.md").read_text(encoding="utf-8").splitlines()
    first = lines.index("### Tren 2023–2025") + 1
    last = next(n for n, line in enumerate(lines, 1) if n > first and line.startswith("## "))
    # Only the findings in the trends section (other sections have their own tests).
    assert [f for f in markdownlint([out / "masterplan.md"])
            if first <= int(f.split(":")[1].split()[0]) < last] == []
    assert broken_image_links(out / "masterplan.md") == []
    with Chromium() as browser:
        report = browser.open(out / "masterplan.html", pdf=False,
                              js={"open": "document.querySelector('details.trend-all').open",
                                  "rows": "document.querySelectorAll("
                                          "'table.trend-indicators tbody tr').length"})
    assert report.problems() == []
    assert report.js == {"open": False, "rows": 6}  # collapsed; 4 indicators + 2 pillar rows


def test_hostile_history_is_inert(data: Assessment, two_pillar: IndicatorSet, plan: Plan,
                                  tmp_path: Path) -> None:
    """A history file is user data: a set id or version with markup stays text."""
    evil = replace(two_pillar, id="<img src=x onerror=alert(1)>", version="[x](javascript:y) |")
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "scores.json").write_text(to_json(scored(evil, {2023: Y2023}), "en"), "utf-8")
    files = render_reports(data, plan=plan, lang="en", year=2025,
                           history=read_history(folder))
    html = files["masterplan.html"].decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    md = trend_md(files)
    assert "<img" not in md and "](javascript" not in md
    assert r"\[x\]\(javascript" in md
    svg = files["charts/trends.svg"].decode()
    assert "<img" not in svg and "&lt;img src=x" in svg
