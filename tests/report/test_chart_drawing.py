"""How charts are drawn fast: the SVG canvas that measures text once per process, and the
charts a process keeps for jobs that come again. Neither may change a byte."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from smartcity_assess.cli.demo import SAMPLE_FILES
from smartcity_assess.pipeline import Uncertainty, run_with_uncertainty
from smartcity_assess.planning.plan import load_plan
from smartcity_assess.planning.planner import build_roadmap
from smartcity_assess.report.charts import common, svg
from smartcity_assess.report.charts import job as job_module
from smartcity_assess.report.charts.job import ChartJob
from smartcity_assess.report.charts.jobs import document_jobs
from smartcity_assess.report.facts import ReportSources, build_facts, report_date
from smartcity_assess.resources import sample_dir

IPM = Path(__file__).parents[2] / "examples" / "bps-ipm"


def _jobs(files: list[Path], criteria: Path | None, plan_file: Path | None, lang: str,
          regions: int) -> list[ChartJob]:
    assessment, tested = run_with_uncertainty(files, criteria,
                                              uncertainty=Uncertainty(bootstrap=50, draws=20))
    plan = load_plan(plan_file)
    jobs: list[ChartJob] = []
    for result in assessment.results[:regions]:
        date = report_date()
        roadmap = build_roadmap(result, assessment.indicator_set, plan, reference_year=date.year)
        single = replace(assessment, results=(result,))
        facts = build_facts(ReportSources(single, result, roadmap, plan, lang, date, None,
                                          tested))
        jobs += document_jobs(facts, roadmap.median_impact, roadmap.start_year,
                              roadmap.end_year, roadmap.plan_years)
    return jobs


@pytest.fixture(scope="module")
def jobs(tmp_path_factory: pytest.TempPathFactory) -> list[ChartJob]:
    """Every chart of the Tegal sample in both languages, and of three kab/kota of BPS's IPM
    2024 (where the plan's charts are the same for every region)."""
    folder = sample_dir()
    tegal = [folder / name for name in SAMPLE_FILES]
    header, *rows = (IPM / "bps-ipm-kabkota-2020-2024.csv").read_text("utf-8").splitlines()
    ipm = tmp_path_factory.mktemp("ipm") / "ipm-2024.csv"
    ipm.write_text("\n".join([header, *[r for r in rows if ",2024," in r][:3]]) + "\n",
                   encoding="utf-8")
    return [*_jobs(tegal, None, folder / "plan.yaml", "id", 1),
            *_jobs(tegal, None, folder / "plan.yaml", "en", 1),
            *_jobs([ipm], IPM / "ipm.yaml", None, "id", 3)]


def _draw_all(jobs: list[ChartJob]) -> list[str]:
    job_module._DRAWN.clear()
    return [job.draw().file_text() for job in jobs]


def _draw_fresh(jobs: list[ChartJob]) -> list[str]:
    """Each chart on a figure of its own (no figure kept, no chart kept)."""
    drawn = []
    for job in jobs:
        job_module._DRAWN.clear()
        common._FIGURES.clear()
        drawn.append(job.draw().file_text())
    return drawn


@pytest.mark.slow
def test_reused_figures_draw_the_bytes_of_fresh_ones(jobs: list[ChartJob]) -> None:
    # Every kind, in an order that takes each figure back and forth between data sets:
    # the regions' charts interleaved, and each region's again in reverse.
    mixed = [*jobs, *reversed(jobs), *synthetic_jobs()]
    common._FIGURES.clear()
    reused = _draw_all(mixed)
    assert len(common._FIGURES) >= 6  # kept: the radar, the bars of each pillar, ...
    assert reused == _draw_fresh(mixed)


@pytest.mark.slow
def test_the_canvas_draws_the_bytes_of_matplotlibs_own(jobs: list[ChartJob],
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    kinds = {type(job.spec).__name__ for job in jobs}
    assert kinds >= {"PillarChart", "IndicatorBars", "Matrix", "Gantt", "Trajectory",
                     "CertaintyChart"}
    fast = _draw_all(jobs)
    # Measured once per process: the second time every text is measured already.
    assert svg._METRICS and _draw_all(jobs) == fast
    monkeypatch.setattr(svg, "Canvas", FigureCanvasSVG)  # what new_figure attaches
    assert _draw_all(jobs) == fast


_DRAWN_NAMES: list[str] = []


@dataclass(frozen=True)
class _Spec:
    value: int
    size = 1

    def draw(self, name: str, title: str, description: str) -> job_module.Chart:
        _DRAWN_NAMES.append(name)
        return job_module.Chart(name, title, description, f"<svg>{self.value}</svg>")


def test_a_job_that_comes_again_is_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    _DRAWN_NAMES.clear()
    job_module._DRAWN.clear()
    first = ChartJob("a", "t", "d", _Spec(1)).draw()
    again = ChartJob("a", "t", "d", _Spec(1)).draw()  # equal content: the same chart
    other = ChartJob("a", "t", "d", _Spec(2)).draw()  # other data: drawn
    renamed = ChartJob("b", "t", "d", _Spec(1)).draw()  # another name: drawn (ids differ)
    assert _DRAWN_NAMES == ["a", "a", "b"]
    assert again is first and other.svg == "<svg>2</svg>" and renamed.name == "b"
    monkeypatch.setattr(job_module, "KEPT", 2)
    ChartJob("c", "t", "d", _Spec(1)).draw()  # pushes the oldest ("a" with 1) out
    ChartJob("a", "t", "d", _Spec(1)).draw()
    assert _DRAWN_NAMES == ["a", "a", "b", "c", "a"]


def synthetic_jobs() -> list[ChartJob]:
    """Charts of every kind whose data differ in what a figure must forget between uses:
    missing scores, targets and intervals, more or fewer points, wider or narrower windows,
    breaks in a trend."""
    from smartcity_assess.report.charts import certainty as cc
    from smartcity_assess.report.charts import plan, scores, trends

    texts = {"target": "Target", "score": "Score", "not_assessed": "not assessed",
             "score_axis": "Score (0–100)", "interval": "95% interval", "q_quick": "Quick",
             "q_major": "Major", "q_fill": "Fill", "q_review": "Review", "low": "Low",
             "medium": "Medium", "high": "High", "effort_axis": "Effort",
             "impact_axis": "Impact", "quick_win": "Quick win", "program": "Program",
             "range": "Range", "axis": "Score"}
    zones = (common.BandZone(0, "Low", "#D55E00"), common.BandZone(50, "High", "#009E73"))
    scale = (0.0, 100.0)
    out: list[ChartJob] = []

    def add(name: str, spec: object) -> None:
        out.append(ChartJob(name, "Title", "Description", spec))  # type: ignore[arg-type]

    for values, spans in (((62.5, None, 40.0), (None, None, (35.0, 45.0))),
                          ((10.0, 20.0, 30.0), ((5.0, 15.0), None, None)),
                          ((62.5, None, 40.0), (None,) * 3)):
        add("pillars", scores.PillarChart(("A", "B", "C"), values, (70.0, 70.0, None), spans,
                                          scale, "en", texts))
        add("two", scores.PillarChart(("A", "B"), values[:2], (70.0, None), spans[:2], scale,
                                      "id", texts))
        add("bars", scores.IndicatorBars(tuple(
            scores.Bar(f"Indicator {k}", v, 80.0 if k else None, "#56B4E9",
                       *(s if s else (None, None)))
            for k, (v, s) in enumerate(zip(values, spans, strict=True))), scale, zones, "en",
            texts))
        add("certainty", cc.CertaintyChart(tuple(
            cc.Row(f"Row {k}", v or 50.0, *(s if s else (None, None)), v and v - 3,
                   v and v + 4, bold=k == 0) for k, (v, s) in enumerate(zip(values, spans,
                                                                              strict=True))),
            zones, scale, "en", texts))
        points = tuple(plan.Point(k + 1, 1 + k % 3, (v or 5.0) / 10, k == 1)
                       for k, v in enumerate(values))
        add("matrix", plan.Matrix(points, (values[0] or 1.0) / 20, "en", texts))
        add("gantt", plan.Gantt(tuple(plan.Task(f"{k}. Task", 2026 + k % 2, 2027 + k % 3,
                                                k % 2, k == 0) for k in range(len(points))),
                                ("A", "B"), (2026, 2027, 2028, 2029), (("Short", 2026, 2027),),
                                texts))
        add("trajectory", plan.Trajectory((2025, 2026, 2027), (
            plan.Line("Index", values, common.SCORE, 2.4, markers=True),
            plan.Line("Path", (40.0, None, 60.0), common.TARGET, 1.6, dashed=True)),
            scale, zones, "en", texts))
        add("trend", trends.TrendChart((2023, 2024, 2025), (
            trends.Series("Index", values, common.SCORE, 2.4, True),
            trends.Series("A", (None, 30.0, values[2]), "#009E73")),
            (trends.SeriesBreak(2023, 2024, "Set changed", "a 1 → a 2"),) if values[1] else (),
            scale, zones, "en", {"score_axis": "Score"}))
    return out
