"""Benchmark: ``smartcity-assess demo`` — both documents, both formats, every chart.

Two measurements on the bundled Kabupaten Tegal sample:

1. **Wall time of the command** as a user runs it (a fresh interpreter each time, so imports
   count): ``python -m smartcity_assess demo --out DIR --lang id``. Target (issue 3): < 2 s.
2. **Where the time goes**, in one process, stage by stage: imports, reading and scoring the
   survey, planning, the template context, each chart, each template, the scores JSON and
   the atomic write. ``--profile`` adds a profile of one in-process run (pyinstrument when
   installed, else cProfile).

Run::

    .venv/bin/python benchmarks/bench_demo.py [--repeat 5] [--lang id] [--pdf] [--profile]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Literal, TypeVar

T = TypeVar("T")


def command_times(repeat: int, lang: str, env: dict[str, str]
                  ) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (user + system, with the chart workers) of ``demo`` in a fresh
    interpreter, ``repeat`` times after one warm-up run."""
    import resource

    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(repeat + 1):
            out = Path(folder) / f"out{run}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "smartcity_assess", "demo", "--out",
                                   str(out), "--lang", lang], env=env, capture_output=True,
                                  text=True)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode != 0:
                raise SystemExit(f"demo failed:\n{proc.stderr}")
            if run:  # the first run warms the OS file cache and matplotlib's font cache
                walls.append(elapsed)
                cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


class Stages:
    """Timings of named stages of one in-process run."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float]] = []

    def time(self, name: str, call: Callable[[], T]) -> T:
        start = time.perf_counter()
        value = call()
        self.rows.append((name, time.perf_counter() - start))
        return value

    def print(self) -> None:
        total = sum(t for name, t in self.rows if not name.startswith("  ·"))
        for name, seconds in self.rows:
            print(f"  {name:<40} {seconds * 1000:8.1f} ms  {seconds / total:6.1%}")
        print(f"  {'total':<40} {total * 1000:8.1f} ms")


def in_process(lang: str, formats: tuple[str, ...], out: Path) -> Stages:
    """One demo run in this process, stage by stage (imports happen in their stage)."""
    stages = Stages()
    stages.time("import the CLI (typer, rich)", lambda: __import__("smartcity_assess.cli.app"))
    stages.time("import matplotlib.figure", lambda: __import__("matplotlib.figure"))
    stages.time("import jinja2", lambda: __import__("jinja2"))
    from smartcity_assess.cli.demo import SAMPLE_FILES
    from smartcity_assess.pipeline import run_assessment
    from smartcity_assess.planning.plan import load_plan
    from smartcity_assess.planning.planner import build_roadmap
    from smartcity_assess.render.scores_json import to_json
    from smartcity_assess.report import build
    from smartcity_assess.report.charts.jobs import document_jobs
    from smartcity_assess.report.environment import make_environment
    from smartcity_assess.report.facts import ReportSources, build_facts, report_date
    from smartcity_assess.report.render import script_json, template_context
    from smartcity_assess.report.views import ChartRef
    from smartcity_assess.resources import sample_dir

    folder = sample_dir()
    assessment = stages.time("read + score the sample survey", lambda: run_assessment(
        [folder / name for name in SAMPLE_FILES]))
    stages.time("terminal scorecard (rich)", lambda: _scorecard(assessment, lang))
    plan = stages.time("load plan.yaml", lambda: load_plan(folder / "plan.yaml"))
    result = assessment.results[0]
    date = report_date()
    roadmap = stages.time("build_roadmap", lambda: build_roadmap(
        result, assessment.indicator_set, plan, reference_year=date.year))
    sources = ReportSources(assessment, result, roadmap, plan, lang, date)
    facts = stages.time("build_facts", lambda: build_facts(sources))
    jobs = document_jobs(facts, roadmap.median_impact, roadmap.start_year, roadmap.end_year,
                         roadmap.plan_years)

    timed: dict[str, float] = {}

    def draw_all() -> dict[str, Any]:
        drawn = {}
        for job in jobs:
            start = time.perf_counter()
            drawn[job.name] = job.draw()
            family = type(job.spec).__name__
            timed[family] = timed.get(family, 0.0) + time.perf_counter() - start
        return drawn

    charts = stages.time("charts (all, drawn here)", draw_all)
    for name, seconds in sorted(timed.items()):
        stages.rows.append((f"  · {name}", seconds))
    stages.rows = [r for r in stages.rows if not r[0].startswith("  ·")] + [
        r for r in stages.rows if r[0].startswith("  ·")]

    scores = stages.time("scores JSON", lambda: to_json(assessment, lang))
    from markupsafe import Markup

    refs = {n: ChartRef(n, c.title, c.description, Markup(c.svg), Markup(f"charts/{n}.svg"))
            for n, c in charts.items()}
    files: dict[str, bytes] = {}
    kinds: tuple[Literal["html", "md"], ...] = ("html", "md")
    for kind in kinds:
        env = make_environment(kind, lang)
        for doc in build.DOCUMENTS:
            name = f"{doc.name}.{kind}"
            context = template_context(facts, build.DocumentContext(
                doc.chapters(facts, sources), refs, Markup(script_json(scores))))
            template = stages.time(f"compile {name}", partial(env.get_template, name))
            text = stages.time(f"render {name}", partial(template.render, context))
            files[name] = text.encode()
    for name, chart in charts.items():
        files[f"charts/{name}.svg"] = chart.file_text().encode()
    files["scores.json"] = scores.encode()
    if "pdf" in formats:
        from smartcity_assess.report.pdf import html_to_pdf

        for doc in ("masterplan", "roadmap"):
            files[f"{doc}.pdf"] = stages.time(f"pdf {doc}", partial(
                html_to_pdf, files[f"{doc}.html"].decode()))
    stages.time("write files (atomic)", lambda: build._commit(out, files))
    return stages


def _scorecard(assessment: Any, lang: str) -> None:
    import io

    from rich.console import Console

    from smartcity_assess.cli.scorecard import scorecard

    console = Console(file=io.StringIO(), width=120)
    console.print(scorecard(assessment, lang, 120))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    parser.add_argument("--pdf", action="store_true", help="also time PDF (in-process only)")
    parser.add_argument("--profile", action="store_true", help="profile one in-process run")
    args = parser.parse_args()

    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    env.setdefault("MPLCONFIGDIR", str(Path(tempfile.gettempdir()) / "smartcity-bench-mpl"))
    os.environ.update({k: env[k] for k in ("SOURCE_DATE_EPOCH", "MPLCONFIGDIR")})

    for label, extra in (("charts in a worker process", {}),
                         ("charts in the main process", {"SMARTCITY_ASSESS_SERIAL": "1"})):
        walls, cpus = command_times(args.repeat, args.lang, env | extra)
        print(f"demo --lang {args.lang}, {label} ({args.repeat} runs after a warm-up):")
        print(f"  wall: median {statistics.median(walls):.3f} s   min {min(walls):.3f} s   "
              f"max {max(walls):.3f} s   (target < 2 s)")
        print(f"  cpu:  median {statistics.median(cpus):.3f} s (user + system, all processes)")

    with tempfile.TemporaryDirectory() as folder:
        formats = ("html", "md", "pdf") if args.pdf else ("html", "md")
        print("\nwhere the time goes (one in-process run):")
        in_process(args.lang, formats, Path(folder) / "stages").print()
        if args.profile:
            profile(args.lang, Path(folder) / "profiled")


def profile(lang: str, out: Path) -> None:
    """Profile one full ``write_reports`` of the demo in this (already warm) process."""
    from smartcity_assess.cli.demo import SAMPLE_FILES
    from smartcity_assess.pipeline import run_assessment
    from smartcity_assess.planning.plan import load_plan
    from smartcity_assess.report.build import write_reports
    from smartcity_assess.resources import sample_dir

    folder = sample_dir()

    def run() -> None:
        assessment = run_assessment([folder / name for name in SAMPLE_FILES])
        write_reports(assessment, out, plan=load_plan(folder / "plan.yaml"), lang=lang)

    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(run)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return
    with Profiler() as prof:
        run()
    print(prof.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
