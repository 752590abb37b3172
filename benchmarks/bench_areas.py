"""Benchmark: the breakdown by area (scoring/areas.py) against scoring the same survey without
areas, in one process.

A synthetic survey (``support.write_csv``: 40 indicators, one region) gets a ``kecamatan``
column spreading the respondents over ``--areas`` areas; ``read_survey`` and ``assess`` run on
the file with the column and on the same file without it, alternately, and the best of
``--runs`` is printed. The difference is what the areas cost (reading the column, and the
breakdown). The data are illustrative, not real.

Run: .venv/bin/python benchmarks/bench_areas.py [--respondents 100000] [--areas 287] [--runs 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.survey.load import read_survey
from support import machine, write_csv, write_set


def with_areas(plain: Path, target: Path, areas: int) -> None:
    """The same survey with a ``kecamatan`` column after ``role`` (respondent n in area
    n mod ``areas``)."""
    with plain.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        header = source.readline().rstrip("\n").split(",")
        out.write(",".join([*header[:4], "kecamatan", *header[4:]]) + "\n")
        for n, line in enumerate(source):
            cells = line.rstrip("\n").split(",")
            out.write(",".join([*cells[:4], f"Area {n % areas:03d}", *cells[4:]]) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--areas", type=int, default=287)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        indicators = write_set(base / "set.yaml")
        iset = load_indicator_set(base / "set.yaml")
        plain = base / "plain.csv"
        write_csv(plain, indicators, args.respondents, 1)
        areas = base / "areas.csv"
        with_areas(plain, areas, args.areas)
        options = ScoringOptions(consistency=False)
        best: dict[str, tuple[float, float]] = {}
        found = 0
        for _ in range(args.runs):
            for name, path in (("without areas", plain), ("with areas", areas)):
                start = time.perf_counter()
                survey = read_survey([path], iset)
                read = time.perf_counter() - start
                result = assess(iset, survey, options)
                total = time.perf_counter() - start
                found = max(found, len(result.results[0].areas))
                held = best.get(name)
                if held is None or total < held[1]:
                    best[name] = (read, total)
        print(f"{args.respondents:,} respondents × {len(indicators)} indicators, "
              f"{args.areas} areas ({found} scored or listed)")
        for name, (read, total) in best.items():
            print(f"  {name:<14} read {read:6.2f} s   read + score {total:6.2f} s")
        extra = best["with areas"][1] - best["without areas"][1]
        print(f"  the areas cost {extra:+.2f} s "
              f"({extra / best['without areas'][1]:+.0%} of reading and scoring)")


if __name__ == "__main__":
    main()
