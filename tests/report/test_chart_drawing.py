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
from smartcity_assess.report.charts import job as job_module
from smartcity_assess.report.charts import svg
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
