"""Benchmark (issue 14, table row 4): ``demo`` (both languages) against a script drawing the
same charts with matplotlib.

The reference is ``reference_charts.py`` in ``fresh`` mode: a short standalone matplotlib
script that draws every chart and map of both languages' documents (on the Kabupaten Tegal
sample: the radar, each pillar's bars, the six dimensions, the matrix, the Gantt chart, the
costs, the trajectory, the certainty chart, and the kecamatan maps: 21 per language) from
their data, a new figure per chart, as SVG. The data are dumped
beforehand (not timed). ``demo`` does much more: it reads and checks the three sample files,
scores them with 1,000 bootstrap draws and the sensitivity analysis, prints the scorecard,
plans the roadmap and renders masterplan and roadmap in HTML and Markdown in both languages.

Both are whole commands (interpreter start-up and imports included), run alternately in one
process tree, ``--runs`` times after a warm-up each; the medians and the median of the
per-pair ratios are printed, with the machine and its load.

Goal: ≤ 2.5×. Figures are printed, never asserted.

Run: .venv/bin/python benchmarks/bench_demo_vs_charts.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import reference_charts  # noqa: E402

from support import machine, measure  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def demo_jobs() -> list[object]:
    """The chart and map jobs of both languages' documents of the demo (as ``demo`` makes
    them: the sample, its maps, the sensitivity analysis)."""
    from dataclasses import replace

    from smartcity_assess.cli.demo import SAMPLE_FILES, SAMPLE_LABEL, BoundaryKey, sample_geo
    from smartcity_assess.pipeline import Uncertainty, assess_files
    from smartcity_assess.planning.plan import load_plan
    from smartcity_assess.report.build import _prepare
    from smartcity_assess.resources import sample_dir

    folder = sample_dir()
    plan = load_plan(folder / "plan.yaml")
    geo = sample_geo(folder, None, BoundaryKey.kode, None, None, None)
    scored = assess_files([folder / name for name in SAMPLE_FILES], uncertainty=Uncertainty(),
                          geo=geo, design=plan.design)
    plan = replace(plan, source=f"{SAMPLE_LABEL}/plan.yaml")
    jobs: list[object] = []
    for lang in ("id", "en"):
        jobs += _prepare(scored.assessment, plan, lang, None, None, None, scored.sensitivity,
                         scored.geo)[1]
    return jobs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    os.environ.setdefault("MPLCONFIGDIR", str(Path(tempfile.gettempdir()) / "bench-mpl"))
    print(machine())
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        data = folder / "charts.json"
        count = reference_charts.dump(demo_jobs(), data)
        print(f"charts: {count} (both languages)")
        demo = [sys.executable, "-m", "smartcity_assess", "demo"]
        reference = [sys.executable, str(Path(__file__).parent / "reference_charts.py"),
                     str(data)]
        walls: dict[str, list[float]] = {"demo": [], "reference": []}
        cpus: dict[str, list[float]] = {"demo": [], "reference": []}
        for run in range(args.runs + 1):  # the first run of each warms the caches
            for label, command in (("demo", [*demo, "--out", str(folder / f"demo{run}")]),
                                   ("reference", [*reference, str(folder / f"ref{run}")])):
                figures = measure(command)
                if run:
                    walls[label].append(figures["wall"])
                    cpus[label].append(figures["cpu"])
        for label in walls:
            print(f"{label:<10} wall median {statistics.median(walls[label]):.3f} s "
                  f"(min {min(walls[label]):.3f}, max {max(walls[label]):.3f}), CPU median "
                  f"{statistics.median(cpus[label]):.3f} s, {args.runs} runs")
        pairs = [d / r for d, r in zip(walls["demo"], walls["reference"], strict=True)]
        ratio = statistics.median(walls["demo"]) / statistics.median(walls["reference"])
        print(f"ratio of medians: {ratio:.2f}×, median of the pairs' ratios "
              f"{statistics.median(pairs):.2f}×   (goal ≤ 2.5×)   {machine().split('; ')[-1]}")


if __name__ == "__main__":
    main()
