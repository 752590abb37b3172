"""Charts: deterministic SVG, accessible, inlinable side by side (no id clashes)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from smartcity_assess.report.charts import common, plan, scores

TEXTS = {"target": "Target", "score": "Skor", "not_assessed": "belum terukur",
         "score_axis": "Skor (0–100)", "q_quick": "Quick win", "q_major": "Program strategis",
         "q_fill": "Pelengkap", "q_review": "Tinjau ulang", "low": "Rendah",
         "medium": "Sedang", "high": "Tinggi", "effort_axis": "Upaya",
         "impact_axis": "Dampak", "quick_win": "Quick win", "program": "Program"}
ZONES = [common.BandZone(0, "Kurang", "#D55E00"), common.BandZone(50, "Baik", "#009E73")]


def every_chart() -> list[common.Chart]:
    return [
        scores.pillar_chart("pillars", ["A", "B", "C", "D"], [62.5, 48.0, None, 40.0],
                        [75, 70, 65, None], (0, 100), "id", TEXTS, "Radar", "Radar desc"),
        scores.pillar_chart("two", ["A", "B"], [62.5, None], [75, 70], (0, 100), "en", TEXTS,
                        "Two", "Two pillars"),
        scores.indicator_chart("bars-a", [scores.Bar("Costs $5 & <more>", 40, 80, "#56B4E9"),
                                      scores.Bar("Not answered", None, 60, "#9aa5b1")],
                           (0, 100), ZONES, "id", TEXTS, "Bars", "Bar desc"),
        plan.matrix_chart("matrix", [plan.Point(1, 1, 2.5, True), plan.Point(2, 3, 1.0, False),
                                   plan.Point(3, 3, 0.5, False)], 1.0, "id", TEXTS, "Matrix",
                        "Matrix desc"),
        plan.gantt_chart("gantt", [plan.Task("1. Satu", 2026, 2026, 0, True),
                                 plan.Task("2. Dua", 2026, 2028, 1, False)],
                       ["A", "B"], [2026, 2027, 2028, 2029, 2030],
                       [("Pendek", 2026, 2027), ("Menengah", 2028, 2030)], TEXTS, "Gantt",
                       "Gantt desc"),
        plan.trajectory_chart("trajectory", [2025, 2026, 2027],
                            [plan.Line("Index", [40, 45, 50], common.SCORE, markers=True),
                             plan.Line("Target", [40, None, 60], common.TARGET, dashed=True)],
                            (0, 100), ZONES, "id", TEXTS, "Trajectory", "Trajectory desc"),
    ]


def test_same_input_same_bytes() -> None:
    first = [c.svg for c in every_chart()]
    second = [c.svg for c in every_chart()]
    assert first == second
    for svg in first:
        assert "<dc:date>" not in svg and "<metadata>" not in svg


def test_ids_are_unique_across_charts() -> None:
    charts = every_chart()
    ids = Counter(i for c in charts for i in re.findall(r'\bid="([^"]+)"', c.svg))
    assert [i for i, n in ids.items() if n > 1] == []
    for chart in charts:
        own = set(re.findall(r'\bid="([^"]+)"', chart.svg))
        assert all(i.startswith(chart.name + "-") for i in own), chart.name
        refs = re.findall(r'(?:url\(#|href="#)([^")]+)', chart.svg)
        assert refs and set(refs) <= own, chart.name  # every reference stays inside


def test_accessible_title_and_description() -> None:
    chart = every_chart()[2]
    assert chart.svg.startswith("<svg ")
    assert 'role="img" aria-labelledby="bars-a-title bars-a-desc"' in chart.svg
    assert '<title id="bars-a-title">Bars</title>' in chart.svg
    assert '<desc id="bars-a-desc">Bar desc</desc>' in chart.svg
    hostile = plan.matrix_chart("m", [], 0.0, "id", TEXTS, "</title><script>x</script>",
                              "a & b < c")
    assert "&lt;/title&gt;&lt;script&gt;" in hostile.svg and "a &amp; b &lt; c" in hostile.svg
    assert "<script" not in hostile.svg


def test_standalone_file() -> None:
    text = every_chart()[0].file_text()
    assert text.startswith('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<svg ')
    assert text.endswith("</svg>\n")


@pytest.mark.parametrize(("lang", "shown", "hidden"), [("id", ">62,5<", ">62.5<"),
                                                      ("en", ">62.5<", ">62,5<")])
def test_charts_speak_the_language(lang: str, shown: str, hidden: str) -> None:
    chart = scores.pillar_chart("p", ["A", "B", "C"], [62.5, 50.0, 40.0], [None, None, None],
                            (0, 100), lang, TEXTS, "t", "d")
    assert shown in chart.svg and hidden not in chart.svg


def test_text_stays_text_with_a_font_fallback() -> None:
    chart = every_chart()[2]
    assert ">Costs $5 &amp; &lt;more&gt;<" in chart.svg  # escaped, and no mathtext
    assert "font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif" in chart.svg
    assert "font-family: 'DejaVu Sans';" not in chart.svg


def _ticks(svg: str) -> list[str]:
    """The texts of an SVG (tick labels among them)."""
    return [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def test_reach_widens_the_scale_only_past_its_ends() -> None:
    assert common.reach((0, 100), [10.0, 95.0, None]) == (0, 100)
    # −12.5 is below 0: out to the next tenth past it (with a quarter step of room): −20
    assert common.reach((0, 100), [-12.5, 50.0]) == (-20, 100)
    # 103.5 above 100: +10 → 110; 118 → 130 (1.8 steps + ¼ → 3 steps)
    assert common.reach((0, 100), [103.5]) == (0, 110)
    assert common.reach((0, 100), [118.0, -1.0]) == (-10, 130)


def test_a_score_below_the_scale_is_a_bar_below_zero() -> None:
    # clip: false lets a score leave the scale: the axis reaches it, and the bar starts at
    # the bottom of the scale (0) and runs left to −10 (and right past 100 for 103.5)
    chart = scores.indicator_chart("bars-x", [scores.Bar("Price", -10.0, None, "#56B4E9"),
                                              scores.Bar("Take-up", 103.5, None, "#56B4E9")],
                                   (0, 100), ZONES, "en", TEXTS, "Bars", "desc")
    texts = _ticks(chart.svg)
    assert "-20" in texts and "-10.0" in texts and "103.5" in texts
    inside = scores.indicator_chart("bars-y", [scores.Bar("Price", 10.0, None, "#56B4E9")],
                                    (0, 100), ZONES, "en", TEXTS, "Bars", "desc")
    assert "-20" not in _ticks(inside.svg)
    pillars = scores.pillar_chart("two-x", ["A", "B"], [-10.0, 40.0], [None, None], (0, 100),
                                  "en", TEXTS, "Two", "desc")
    assert "-20" in _ticks(pillars.svg)
