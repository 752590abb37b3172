"""Benchmark (issue 14, item 5): peak memory of scoring a large survey, and a national year.

1. ``score --format json`` of 100,000 respondents × 53 indicators (50 regions; synthetic set
   and answers, benchmarks/support.py): wall time, CPU time and peak RSS of the whole command.
   Goal: peak RSS under 300 MB.
2. With ``--national``: a national year, 514 kab/kota × 1,000 respondents × 50 indicators
   (every cell answered: 25.7 million answers, a 130 MB CSV), generated, then scored the same
   way. Goal: it runs on one 16 GB machine.

Peak RSS is the largest resident set of the command's processes (``ru_maxrss`` of a timer
process that runs only that command). Figures are printed, never asserted.

Run: .venv/bin/python benchmarks/bench_memory.py [--respondents 100000] [--national]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from support import machine, measure, write_csv, write_set  # noqa: E402


def score(survey: Path, indicator_set: Path, out: Path) -> dict[str, float]:
    return measure([sys.executable, "-m", "smartcity_assess", "score", str(survey),
                    "--criteria", str(indicator_set), "--format", "json", "-o", str(out)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--indicators", type=int, default=53)
    parser.add_argument("--national", action="store_true",
                        help="also generate and score a national year (514 × 1,000 × 50)")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        indicator_set = root / "set.yaml"
        survey = root / "survey.csv"
        indicators = write_set(indicator_set, args.indicators)
        write_csv(survey, indicators, args.respondents, 50)
        found = score(survey, indicator_set, root / "scores.json")
        print(f"score --format json, {args.respondents:,} respondents × {len(indicators)} "
              f"indicators in 50 regions ({survey.stat().st_size / 2**20:.0f} MB CSV): "
              f"wall {found['wall']:.2f} s, CPU {found['cpu']:.2f} s, peak RSS "
              f"{found['rss_mb']:.0f} MB (goal < 300 MB)")
        if not args.national:
            return
        national = root / "national.csv"
        national_set = root / "national.yaml"
        start = time.perf_counter()
        indicators = write_set(national_set, 50)
        write_csv(national, indicators, 514 * 1000, 514, empty=0.0)
        print(f"national year generated in {time.perf_counter() - start:.0f} s: 514 regions × "
              f"1,000 respondents × 50 indicators = {514 * 1000 * 50:,} answers, "
              f"{national.stat().st_size / 2**20:.0f} MB CSV")
        found = score(national, national_set, root / "national.json")
        print(f"score --format json of the national year: wall {found['wall']:.1f} s, CPU "
              f"{found['cpu']:.1f} s, peak RSS {found['rss_mb']:.0f} MB (goal: fits 16 GB)")


if __name__ == "__main__":
    main()
