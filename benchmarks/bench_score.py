"""Benchmark: scoring a large survey vs merely reading it, and `--help` start-up time.

Run: python benchmarks/bench_score.py [--respondents 100000]
Targets (issue 2): score ≤ 3× a bare csv.reader pass over the same file; --help < 0.25 s.
Figures are printed, not asserted: speed is measured here, never in timed tests.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import Indicator
from smartcity_assess.pipeline import run_assessment


def answer(indicator: Indicator, rng: random.Random) -> str:
    if indicator.type == "likert":
        return str(rng.choice(indicator.level_values()))
    if indicator.type == "boolean":
        return rng.choice(("ya", "tidak"))
    if indicator.type == "choice":
        return rng.choice([key for key, _ in indicator.choices])
    low, high = indicator.valid_range or indicator.goalposts
    return f"{rng.uniform(low, high):.2f}"


def generate(path: Path, respondents: int) -> int:
    iset = load_indicator_set()
    indicators = list(iset.indicators())
    rng = random.Random(1)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["region", "year", "respondent", *(i.id for i in indicators)])
        for number in range(respondents):
            writer.writerow(["Kabupaten Tegal", 2025, f"r{number}",
                             *(answer(i, rng) for i in indicators)])
    return len(indicators)


def best_of(runs: int, action: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def bare_read(path: Path) -> None:
    with path.open(newline="", encoding="utf-8") as stream:
        for _row in csv.reader(stream):
            pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "survey.csv"
        columns = generate(path, args.respondents)
        size = path.stat().st_size / 1e6
        read = best_of(args.runs, lambda: bare_read(path))
        score = best_of(args.runs, lambda: run_assessment([path]))
        print(f"survey: {args.respondents:,} respondents × {columns} indicators, {size:.1f} MB")
        print(f"bare csv.reader pass: {read:.3f} s")
        print(f"read + check + score: {score:.3f} s  ({score / read:.2f}× the bare pass)")
    helps = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "smartcity_assess", "--help"], check=True,
                       capture_output=True)
        helps.append(time.perf_counter() - start)
    print(f"smartcity-assess --help: median {statistics.median(helps):.3f} s "
          f"(min {min(helps):.3f} s) over 5 runs")


if __name__ == "__main__":
    main()
