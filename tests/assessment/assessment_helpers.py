"""Helpers of the assessment tests: a small project on the BPS IPM example."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parents[2]
IPM_SET = ROOT / "examples" / "bps-ipm" / "ipm.yaml"
IPM_DATA = ROOT / "examples" / "bps-ipm" / "bps-ipm-kabkota-2020-2024.csv"
REGIONS = ("Kabupaten Tegal", "Kota Tegal", "Kabupaten Brebes")

CONFIG = """\
criteria: ipm.yaml
inputs: [data/*.csv]
languages: [en]
outputs: {folder: out, reports: none}
"""


def write_ipm(path: Path, years: tuple[int, ...], regions: tuple[str, ...] = REGIONS) -> Path:
    lines = IPM_DATA.read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [line for line in lines[1:]
                         if line.split(",")[0] in regions and int(line.split(",")[1]) in years]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return path


Project = Callable[..., Path]
"""``project(config_text, years=...)`` → the config file of a fresh project."""
