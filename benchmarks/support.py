"""Shared by the benchmarks (not a benchmark itself): generated survey data and timing.

* :func:`write_set` writes a synthetic indicator set: ``count`` indicators (default 40) in
  four pillars of two dimensions each. The indicators cycle through likert (1–5, mean),
  percent (mean), likert, number (0–1000, mean), likert, boolean (share of "ya"). Every
  indicator is asked of every role, so that a plain per-column mean is the engine's value
  too (the pandas reference relies on it). Weights are equal.
* :func:`write_csv` writes a wide CSV: ``region, year, respondent, role`` and one column per
  indicator, ``respondents`` rows spread evenly over ``regions`` regions, a share ``empty``
  of the cells (default one in twenty) left empty (not answered).

The numbers are illustrative, not real data. Both are deterministic (seeded).
"""

from __future__ import annotations

import random
from pathlib import Path

KINDS = ("likert", "percent", "likert", "number", "likert", "boolean")
ROLES = ("warga", "warga", "warga", "umkm", "asn")


def indicator_ids(count: int = 40, pillars: int = 4) -> list[tuple[str, str, str]]:
    """(id, type, dimension) of every indicator of the synthetic set, in set order."""
    dimensions = [f"p{p}.d{d}" for p in range(pillars) for d in range(2)]
    out = []
    for n in range(count):
        dimension = dimensions[n * len(dimensions) // count]
        out.append((f"{dimension}.i{n:02d}", KINDS[n % len(KINDS)], dimension))
    return out


def goalposts(kind: str) -> tuple[float, float]:
    return {"likert": (1.0, 5.0), "percent": (0.0, 100.0), "number": (0.0, 1000.0),
            "boolean": (0.0, 100.0)}[kind]


def write_set(path: Path, count: int = 40, pillars: int = 4) -> list[tuple[str, str]]:
    """Write the synthetic set as YAML; returns (id, type) of its indicators."""
    indicators = indicator_ids(count, pillars)
    lines = [
        "id: bench-synthetic",
        'version: "1"',
        "title: {id: Set sintetis (ilustrasi), en: Synthetic set (illustrative)}",
        "scale: [0, 100]",
        "aggregation: arithmetic",
        "min_coverage: 0.5",
        "references: [\"Synthetic benchmark set: no real indicator\"]",
        "bands:",
        "  - {from: 0, label: {id: Rendah, en: Low}}",
        "  - {from: 50, label: {id: Tinggi, en: High}}",
        "pillars:",
    ]
    for p in range(pillars):
        lines += [f"  - id: p{p}", f"    title: {{id: Pilar {p}, en: Pillar {p}}}",
                  "    dimensions:"]
        for d in range(2):
            lines += [f"      - id: p{p}.d{d}",
                      f"        title: {{id: Dimensi {p}.{d}, en: Dimension {p}.{d}}}",
                      "        indicators:"]
            for ind_id, kind, dimension in indicators:
                if dimension != f"p{p}.d{d}":
                    continue
                low, high = goalposts(kind)
                lines += [f"          - id: {ind_id}",
                          f"            title: {{id: Indikator {ind_id}, en: Indicator {ind_id}}}",
                          f"            type: {kind}"]
                if kind == "number":
                    lines += [f"            goalposts: [{low:g}, {high:g}]",
                              f"            range: [{low:g}, {high:g}]"]
                if kind == "boolean":
                    lines.append("            respondents: share")
                lines.append("            references: [\"illustrative\"]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [(ind_id, kind) for ind_id, kind, _ in indicators]


def cell(kind: str, rng: random.Random, lean: float, empty: float = 0.05) -> str:
    if empty and rng.random() < empty:
        return ""
    if kind == "likert":
        return str(min(5, max(1, round(rng.gauss(3 + lean, 1.0)))))
    if kind == "percent":
        return f"{min(100.0, max(0.0, rng.gauss(55 + 10 * lean, 20))):.1f}"
    if kind == "number":
        return f"{rng.uniform(0, 1000):.2f}"
    return "ya" if rng.random() < 0.5 + lean / 4 else "tidak"


def write_csv(path: Path, indicators: list[tuple[str, str]], respondents: int,
              regions: int, year: int = 2025, seed: int = 14, empty: float = 0.05) -> None:
    """Write a wide CSV survey (see the module docstring)."""
    rng = random.Random(seed)
    names = [f"Kabupaten Sintetis {r + 1:03d}" for r in range(regions)]
    leans = [rng.uniform(-0.8, 0.8) for _ in names]
    kinds = [kind for _, kind in indicators]
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(",".join(["region", "year", "respondent", "role",
                               *(i for i, _ in indicators)]) + "\n")
        for n in range(respondents):
            r = n * regions // respondents
            row = [names[r], str(year), f"R{n:07d}", ROLES[n % len(ROLES)],
                   *(cell(kind, rng, leans[r], empty) for kind in kinds)]
            stream.write(",".join(row) + "\n")


# ---------------------------------------------------------------------------------------------
# Timing commands side by side


TIMER = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024}))
"""
"""Runs one command in a child and reports its wall time, CPU time and peak RSS (the largest
resident set of the command's processes, from ``RUSAGE_CHILDREN``)."""


def measure(command: list[str]) -> dict[str, float]:
    """Wall, CPU and peak RSS of ``command`` (run from a small timer process)."""
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", TIMER, *command], capture_output=True,
                          text=True, check=True)
    figures: dict[str, float] = json.loads(done.stdout)
    if figures["code"] != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {figures['code']}")
    return figures


def side_by_side(commands: dict[str, list[str]], runs: int) -> dict[str, list[dict[str, float]]]:
    """Run each command ``runs`` times, alternating, so that a busy machine slows all alike."""
    out: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            out[name].append(measure(command))
    return out


def best(figures: list[dict[str, float]], key: str = "wall") -> float:
    return min(f[key] for f in figures)


def machine() -> str:
    """CPU model, cores and the load average, for the record."""
    import os
    import platform

    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as stream:
            for line in stream:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{model}; {os.cpu_count()} CPUs; Python {platform.python_version()}; "
            f"load average {load}")
