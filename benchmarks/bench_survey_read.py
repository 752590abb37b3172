"""Benchmark: ``read_survey`` and ``assess`` in one process, against a bare ``csv.reader`` pass.

Generates a wide CSV of N respondents (default 100,000) × 53 indicators in 50 regions
(synthetic set and answers: benchmarks/support.py) and times, alternating ``--repeat`` times so
that a busy machine slows all alike:

* a bare pass: ``for row in csv.reader(open(path, newline="")): pass``;
* ``read_survey([path], indicator_set)``: decode, parse, check and convert every cell;
* ``assess(indicator_set, survey)``: combine (means, shares, spreads, role breakdowns),
  Cronbach's alpha and item–rest correlations, normalise, aggregate (no bootstrap);
* with ``--bootstrap N``: ``assess`` with N bootstrap draws, once.

Wall and CPU time (``process_time``) are printed, best of the runs. Run::

    .venv/bin/python benchmarks/bench_survey_read.py [--rows 100000] [--indicators 53]
        [--regions 50] [--repeat 3] [--bootstrap 0]
"""

from __future__ import annotations

import argparse
import csv
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from smartcity_assess.indicators.loader import load_indicator_set  # noqa: E402
from smartcity_assess.scoring.engine import ScoringOptions, assess  # noqa: E402
from smartcity_assess.survey.load import read_survey  # noqa: E402
from support import machine, write_csv, write_set  # noqa: E402


def bare_pass(path: Path) -> None:
    with path.open(newline="", encoding="utf-8") as stream:
        for _ in csv.reader(stream):
            pass


def timed(action: Callable[[], object]) -> tuple[float, float, object]:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--indicators", type=int, default=53)
    parser.add_argument("--regions", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--bootstrap", type=int, default=0)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        set_path, path = root / "set.yaml", root / "survey.csv"
        indicators = write_set(set_path, args.indicators)
        write_csv(path, indicators, args.rows, args.regions)
        indicator_set = load_indicator_set(set_path)
        print(f"file: {args.rows:,} rows × {len(indicators)} indicators in {args.regions} "
              f"regions, {path.stat().st_size / 2**20:.1f} MB")
        times: dict[str, list[tuple[float, float]]] = {"bare": [], "read": [], "assess": []}
        survey = read_survey([path], indicator_set)
        for _ in range(args.repeat):
            wall, cpu, _ = timed(lambda: bare_pass(path))
            times["bare"].append((wall, cpu))
            wall, cpu, _ = timed(lambda: read_survey([path], indicator_set))
            times["read"].append((wall, cpu))
            wall, cpu, _ = timed(lambda: assess(indicator_set, survey))
            times["assess"].append((wall, cpu))
        answers = sum(len(a.values) for r in survey.regions.values() for a in r.answers.values())
        bare = min(w for w, _ in times["bare"])
        for name in ("bare", "read", "assess"):
            wall = min(w for w, _ in times[name])
            cpu = min(c for _, c in times[name])
            print(f"{name:7s} wall {wall:6.3f} s  CPU {cpu:6.3f} s  ({wall / bare:5.2f}× the "
                  "bare pass)")
        print(f"{answers:,} answers read")
        if args.bootstrap:
            options = ScoringOptions(bootstrap=args.bootstrap)
            wall, cpu, _ = timed(lambda: assess(indicator_set, survey, options))
            print(f"assess with {args.bootstrap} bootstrap draws: wall {wall:.2f} s, CPU "
                  f"{cpu:.2f} s")


if __name__ == "__main__":
    main()
