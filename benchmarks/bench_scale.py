"""Benchmark at scale on real data: BPS IPM for all 514 kab/kota (examples/bps-ipm/).

1. ``score`` of all 2,564 region-years (2020–2024) as JSON: target < 2 s.
2. ``report`` for every region of one year (masterplan + roadmap, HTML + Markdown, one
   language, one folder per region and the overview ``index.html``/``index.md``), on 1 core
   with ``--jobs 1`` and on 2 cores with ``--jobs 2`` (CPU affinity): target < 150 s with both
   cores; the speed-up from the second core; the outputs of both runs must be identical.

Peak memory is the largest resident set of any process of the command (the CLI or one of
its workers), from ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` of a wrapper process
that runs only that command. Figures are printed, never asserted.

Run: python benchmarks/bench_scale.py [--regions N] [--year 2024] [--jobs 1,2] [--skip-reports]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "bps-ipm" / "bps-ipm-kabkota-2020-2024.csv"
IPM_SET = ROOT / "examples" / "bps-ipm" / "ipm.yaml"
CLI = [sys.executable, "-m", "smartcity_assess"]

WRAPPER = """\
import json, os, resource, subprocess, sys, time
cores = int(sys.argv[1])
if cores and hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[:cores])
start = time.perf_counter()
code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss_mb": usage.ru_maxrss / 1024}))
"""


def measure(command: list[str], env: dict[str, str] | None = None, cores: int = 0
            ) -> dict[str, float]:
    """Wall time, CPU time of all its processes, and peak RSS of its largest process; with
    ``cores``, the command (and every process it starts) may use only that many CPUs."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, str(cores), *command],
                          capture_output=True,
                          text=True, env=env, check=True)
    figures: dict[str, float] = json.loads(done.stdout)
    if figures["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {figures['code']}")
    return figures


def tree_hash(folder: Path) -> tuple[str, int, int]:
    """(hash of every path and content, number of files, total bytes); a provenance.json at
    the top is left out of the hash, as it names the output folder."""
    digest = hashlib.sha256()
    count = size = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name == "provenance.json" and path.parent == folder:
            count += 1
            size += path.stat().st_size
            continue
        data = path.read_bytes()
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + data)
        count += 1
        size += len(data)
    return digest.hexdigest(), count, size


def bench_score(folder: Path, runs: int) -> None:
    rows = sum(1 for _ in DATA.open(encoding="utf-8")) - 1
    out = folder / "scores.json"
    best = min((measure([*CLI, "score", str(DATA), "--criteria", str(IPM_SET), "--format",
                         "json", "-o", str(out)]) for _ in range(runs)),
               key=lambda f: f["wall"])
    regions = json.loads(out.read_text(encoding="utf-8"))["results"]
    print(f"score: {len(regions):,} region-years ({rows:,} rows) → scores.json "
          f"{out.stat().st_size / 1e6:.1f} MB")
    print(f"  wall {best['wall']:.2f} s (best of {runs}, whole command incl. start-up), "
          f"CPU {best['cpu']:.2f} s, peak RSS {best['maxrss_mb']:.0f} MB   target < 2 s")

    from smartcity_assess.pipeline import run_assessment
    from smartcity_assess.render.scores_json import to_json

    start = time.perf_counter()
    assessment = run_assessment([DATA], IPM_SET)
    scored = time.perf_counter() - start
    to_json(assessment)
    total = time.perf_counter() - start
    print(f"  in process: read + check + score {scored:.2f} s, + JSON {total:.2f} s")


def bench_reports(folder: Path, year: int, regions: int | None, jobs: list[int]) -> None:
    # The year's rows only (the first N regions with --regions): `report` scores every
    # region-year it reads (with the default sensitivity analysis) before --year picks.
    lines = DATA.read_text(encoding="utf-8").splitlines()
    chosen = [line for line in lines[1:] if line.split(",")[1] == str(year)][:regions]
    data = folder / f"ipm-{year}.csv"
    data.write_text("\n".join([lines[0], *chosen]) + "\n", encoding="utf-8")
    count = len(chosen)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    print(f"report: {count} regions of {year}, masterplan + roadmap, html + md, one language, "
          f"and the overview (CPUs: {os.cpu_count()}, load before: {_load()})")
    results: dict[int, dict[str, float]] = {}
    hashes: dict[int, tuple[str, int, int]] = {}
    for processes in jobs:
        out = folder / f"out-{processes}"
        figures = measure([*CLI, "report", str(data), "--criteria", str(IPM_SET), "--year",
                           str(year), "--out", str(out), "--jobs", str(processes)],
                          env=env, cores=processes)
        results[processes] = figures
        hashes[processes] = tree_hash(out)
        _, files, size = hashes[processes]
        per = figures["wall"] / max(count, 1)
        cores = f"{processes} core{'s' if processes != 1 else ''}"
        print(f"  {cores}, --jobs {processes}: wall {figures['wall']:.1f} s ({per:.2f} s per "
              f"region), CPU {figures['cpu']:.1f} s, peak RSS {figures['maxrss_mb']:.0f} MB, "
              f"{files:,} files, {size / 1e6:.1f} MB   (load after: {_load()})")
    if len(results) > 1:
        first, last = min(results), max(results)
        print(f"  speed-up {first} → {last} processes: "
              f"{results[first]['wall'] / results[last]['wall']:.2f}×   target < 150 s with 2")
        same = len({h[0] for h in hashes.values()}) == 1
        print(f"  outputs identical across process counts: {'yes' if same else 'NO'}")
    overview = folder / f"out-{max(results)}" / "index.html"
    if overview.is_file():
        print(f"  overview: index.html {overview.stat().st_size / 1e3:.0f} kB, index.md "
              f"{overview.with_suffix('.md').stat().st_size / 1e3:.0f} kB")


def _load() -> str:
    """The 1-minute load average: other work on the machine slows the figures down."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regions", type=int, default=None,
                        help="only the first N regions of the year (default: all 514)")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--jobs", default="1,2", help="process counts to try (default 1,2)")
    parser.add_argument("--runs", type=int, default=3, help="runs of score (best is shown)")
    parser.add_argument("--skip-reports", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bench_score(folder, args.runs)
        if not args.skip_reports:
            bench_reports(folder, args.year, args.regions,
                          [int(j) for j in args.jobs.split(",") if j.strip()])


if __name__ == "__main__":
    main()
