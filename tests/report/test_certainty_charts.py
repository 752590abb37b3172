"""Charts of the "How sure are we?" section, and error bars on the pillar and indicator charts."""

from __future__ import annotations

import re

from smartcity_assess.report.charts import certainty as cc
from smartcity_assess.report.charts import common
from smartcity_assess.report.charts.scores import Bar, PillarChart, indicator_chart, pillar_chart

TEXTS = {"target": "Target", "score": "Skor", "not_assessed": "belum terukur",
         "score_axis": "Skor (0–100)", "interval": "Interval 95%",
         "range": "Rentang (5–95%)", "axis": "Skor (0–100)"}
ZONES = [common.BandZone(0, "Rendah", "#D55E00"), common.BandZone(45, "Sedang", "#E69F00"),
         common.BandZone(70, "Tinggi", "#009E73")]
ROWS = [cc.Row("Indeks", 59.5, 55.2, 64.9, 58.4, 60.2, bold=True),
        cc.Row("Layanan", 55.4, 47.8, 62.9, 54.6, 56.2),
        cc.Row("Infrastruktur", 63.6, 63.6, 63.6, None, None)]


def chart(lang: str = "id") -> common.Chart:
    return cc.certainty_chart("certainty", ROWS, ZONES, (0, 100), lang, TEXTS, "Judul",
                              "Deskripsi")


def test_certainty_chart_is_deterministic_and_accessible() -> None:
    first = chart()
    assert first.svg == chart().svg
    assert 'aria-labelledby="certainty-title certainty-desc"' in first.svg
    own = set(re.findall(r'\bid="([^"]+)"', first.svg))
    assert own and all(i.startswith("certainty-") for i in own)
    assert ">59,5 ± 4,9<" in first.svg and ">63,6<" in first.svg  # no ± for a fixed score
    assert ">59.5 ± 4.9<" in chart("en").svg
    for label in ("Sedang", "Tinggi", "Interval 95%", "Rentang (5–95%)"):
        assert f">{label}<" in first.svg


def test_window_keeps_every_value_in_view() -> None:
    assert cc._window(ROWS, (0, 100)) == (40, 80)
    assert cc._window([cc.Row("x", 99.0, 97.0, 100.0, None, None)], (0, 100)) == (70, 100)


def test_error_bars_on_the_pillar_and_indicator_charts() -> None:
    labels, scores, targets = ["A", "B", "C", "D"], [62.5, 48.0, None, 40.0], [75, 70, 65, None]
    plain = pillar_chart("p", labels, scores, targets, (0, 100), "id", TEXTS, "t", "d")
    bars = PillarChart(tuple(labels), tuple(scores), tuple(targets),
                       ((58.0, 66.0), (45.0, 51.0), None, (40.0, 40.0)), (0, 100), "id",
                       TEXTS).draw("p", "t", "d")
    assert ">Interval 95%<" in bars.svg and ">Interval 95%<" not in plain.svg
    assert bars.svg.count("<path") > plain.svg.count("<path")
    without = PillarChart(tuple(labels), tuple(scores), tuple(targets), (None,) * 4, (0, 100),
                          "id", TEXTS).draw("p", "t", "d")
    assert without.svg == plain.svg
    two = PillarChart(("A", "B"), (62.5, 48.0), (75, 70), ((58.0, 66.0), None), (0, 100), "en",
                      TEXTS).draw("q", "t", "d")
    assert ">Interval 95%<" in two.svg
    indicator = indicator_chart("b", [Bar("Satu", 40.0, 80.0, "#56B4E9", 30.0, 52.0),
                                         Bar("Dua", 60.0, None, "#56B4E9")],
                                   (0, 100), ZONES, "id", TEXTS, "t", "d")
    assert ">Interval 95%<" in indicator.svg
    no_bars = indicator_chart("b", [Bar("Satu", 40.0, 80.0, "#56B4E9"),
                                       Bar("Dua", 60.0, None, "#56B4E9")],
                                 (0, 100), ZONES, "id", TEXTS, "t", "d")
    assert ">Interval 95%<" not in no_bars.svg
