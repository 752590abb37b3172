"""Benchmark (issue 14, table row 1): ``score`` against a bare ``csv.reader`` pass.

Generates a wide CSV of 100,000 respondents × 40 indicators in 50 regions (synthetic set and
answers: benchmarks/support.py) and runs, side by side in one process tree and alternating:

* the reference: ``python -c "for row in csv.reader(open(FILE)): pass"``;
* ``smartcity-assess score FILE --criteria SET --format json -o OUT``.

Both are whole commands (interpreter start-up included). ``--format json`` computes no
bootstrap and no sensitivity analysis (the terminal table computes 1,000 bootstrap draws by
default, JSON computes them only with ``--bootstrap N``); it reads and checks every cell,
combines the answers (means, shares, spreads, role breakdowns), computes Cronbach's alpha and
the item–rest correlations of every group of Likert items in every region, normalises,
aggregates and writes the JSON. Also times ``smartcity-assess --help``.

Goal: score ≤ 3× the bare pass (then 1.5×). Figures are printed, never asserted.

Run: .venv/bin/python benchmarks/bench_score_vs_csv.py [--respondents 100000] [--regions 50]
     [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from support import best, machine, measure, side_by_side, write_csv, write_set  # noqa: E402

BARE = ("import csv, sys\n"
        "for row in csv.reader(open(sys.argv[1], newline='', encoding='utf-8')):\n"
        "    pass\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--regions", type=int, default=50)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        indicator_set = root / "set.yaml"
        survey = root / "survey.csv"
        indicators = write_set(indicator_set, args.indicators)
        write_csv(survey, indicators, args.respondents, args.regions)
        print(f"survey: {args.respondents:,} respondents × {len(indicators)} indicators in "
              f"{args.regions} regions, {survey.stat().st_size / 2**20:.1f} MB")
        figures = side_by_side({
            "csv.reader": [sys.executable, "-c", BARE, str(survey)],
            "score": [sys.executable, "-m", "smartcity_assess", "score", str(survey),
                      "--criteria", str(indicator_set), "--format", "json",
                      "-o", str(root / "scores.json")],
        }, args.runs)
        bare, score = best(figures["csv.reader"]), best(figures["score"])
        print(f"bare csv.reader pass: best {bare:.3f} s of {args.runs}")
        print(f"score --format json:  best {score:.3f} s of {args.runs} "
              f"(CPU {best(figures['score'], 'cpu'):.3f} s, peak RSS "
              f"{max(f['rss_mb'] for f in figures['score']):.0f} MB)")
        print(f"ratio: {score / bare:.2f}×  (goal ≤ 3×, then 1.5×)")
    helps = [measure([sys.executable, "-m", "smartcity_assess", "--help"])["wall"]
             for _ in range(5)]
    print(f"smartcity-assess --help: median {statistics.median(helps):.3f} s, "
          f"best {min(helps):.3f} s of 5")


if __name__ == "__main__":
    main()
