"""Benchmark: read_survey on a large wide CSV against a bare ``csv.reader`` pass.

Generates a survey of N respondents (default 100,000) answering every indicator of the bundled
set (or of a synthetic 50-indicator set when the bundled one is not there yet), writes it to a
temporary folder, and times

* a bare pass: ``for row in csv.reader(open(path, newline="")): pass``
* ``read_survey([path], indicator_set)``: decode, parse, check and convert every cell.

Target (issue 2): read_survey at most 3x the bare pass. Run::

    .venv/bin/python benchmarks/bench_survey_read.py [--rows 100000] [--repeat 5] [--roles 4]
                                                     [--criteria SET]
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from smartcity_assess.indicators.model import Group, Indicator, IndicatorSet
from smartcity_assess.survey.load import read_survey
from smartcity_assess.text import Text

ROLES = ("citizen", "asn", "opd", "umkm")
REGIONS = ("Kabupaten Tegal",)


def synthetic_set(count: int = 50) -> IndicatorSet:
    """A set of ``count`` indicators cycling through the five types."""
    kinds = ("likert", "percent", "boolean", "number", "choice")
    indicators = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        indicators.append(Indicator(
            id=f"ind_{i:02d}", title=Text.of(f"Indicator {i}"), type=kind,  # type: ignore[arg-type]
            goalposts=(0.0, 100.0) if kind != "likert" else (1.0, 5.0),
            valid_range=(0.0, 1000.0) if kind == "number" else
            (0.0, 100.0) if kind == "percent" else None,
            levels=tuple((lv, Text.of(str(lv))) for lv in range(1, 6)) if kind == "likert" else (),
            choices=(("none", 0.0), ("partial", 50.0), ("full", 100.0)) if kind == "choice"
            else (),
        ))
    pillar = Group(id="all", title=Text.of("All"), kind="pillar", children=tuple(indicators))
    return IndicatorSet(id="synthetic", version="1", title=Text.of("Synthetic"), pillars=(pillar,))


def load_set(spec: str | None) -> IndicatorSet:
    """The bundled set (or ``spec``) when it loads, else the synthetic one."""
    try:
        from smartcity_assess.indicators.loader import load_indicator_set

        return load_indicator_set(spec)
    except Exception as exc:  # the bundled set may not exist yet
        print(f"(bundled set not available: {type(exc).__name__}: {exc}; using 50 synthetic "
              "indicators)")
        return synthetic_set()


def cell_for(ind: Indicator, rng: random.Random) -> str:
    """A plausible answer, empty about one time in ten."""
    if rng.random() < 0.1:
        return ""
    if ind.type == "likert":
        return str(rng.choice(ind.level_values() or (1, 2, 3, 4, 5)))
    if ind.type == "boolean":
        return rng.choice(("ya", "tidak", "yes", "no", "1", "0"))
    if ind.type == "choice":
        return rng.choice([key for key, _ in ind.choices])
    low, high = ind.valid_range or (ind.goalposts if ind.type == "number" else (0.0, 100.0))
    low, high = max(low, min(ind.goalposts)), min(high, max(ind.goalposts))
    value = rng.uniform(low, high)
    return f"{value:.1f}" if rng.random() < 0.7 else f"{round(value)}"


def generate(path: Path, indicator_set: IndicatorSet, rows: int, seed: int = 2025,
             roles: int = len(ROLES)) -> None:
    """``rows`` respondents; each row's role drawn at random from the first ``roles`` roles."""
    rng = random.Random(seed)
    choices = ROLES[:max(1, roles)]
    indicators = list(indicator_set.indicators())
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["region", "year", "respondent", "role", *(i.id for i in indicators)])
        for n in range(rows):
            writer.writerow([rng.choice(REGIONS), 2025, f"R{n:06d}", rng.choice(choices),
                             *(cell_for(i, rng) for i in indicators)])


def bare_pass(path: Path) -> int:
    count = 0
    with path.open(newline="", encoding="utf-8") as stream:
        for _ in csv.reader(stream):
            count += 1
    return count


def interleaved(repeat: int, bare: Callable[[], object], full: Callable[[], object]
                ) -> dict[str, list[float]]:
    """Run both ``repeat`` times, alternating, so that a busy machine slows both alike.
    Records wall time and CPU time (process_time) of each run."""
    times: dict[str, list[float]] = {"bare wall": [], "bare cpu": [], "read wall": [],
                                     "read cpu": []}
    for _ in range(repeat):
        for name, func in (("bare", bare), ("read", full)):
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            func()
            times[f"{name} cpu"].append(time.process_time() - cpu)
            times[f"{name} wall"].append(time.perf_counter() - wall)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--criteria", default=None, help="indicator set id or YAML path")
    parser.add_argument("--roles", type=int, default=len(ROLES),
                        help="roles mixed at random in the file (1: one role for all rows)")
    args = parser.parse_args()
    indicator_set = load_set(args.criteria)
    count = len(list(indicator_set.indicators()))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "survey.csv"
        generate(path, indicator_set, args.rows, roles=args.roles)
        size = path.stat().st_size
        print(f"file: {args.rows} rows x {count} indicators ({indicator_set.id}), "
              f"{min(args.roles, len(ROLES))} role(s) mixed, {size / 2**20:.1f} MB")
        times = interleaved(args.repeat, lambda: bare_pass(path),
                            lambda: read_survey([path], indicator_set))
        data = read_survey([path], indicator_set)
        answers = sum(len(a.values) for r in data.regions.values() for a in r.answers.values())
        for what in ("wall", "cpu"):
            bare, read = times[f"bare {what}"], times[f"read {what}"]
            print(f"{what:4s}: bare csv.reader pass best {min(bare):.3f} s (median "
                  f"{statistics.median(bare):.3f}); read_survey best {min(read):.3f} s (median "
                  f"{statistics.median(read):.3f}); ratio {min(read) / min(bare):.2f}x")
        print(f"{answers} answers read; target: read_survey <= 3x the bare pass")


if __name__ == "__main__":
    main()
