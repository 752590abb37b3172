"""Scores files made by the real engine from the BPS IPM example (a few regions, few years)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smartcity_assess.pipeline import run_assessment
from smartcity_assess.render.scores_json import assessment_to_dict

ROOT = Path(__file__).parents[2]
IPM_SET = ROOT / "examples" / "bps-ipm" / "ipm.yaml"
IPM_DATA = ROOT / "examples" / "bps-ipm" / "bps-ipm-kabkota-2020-2024.csv"
REGIONS = ("Kabupaten Tegal", "Kota Tegal", "Kabupaten Brebes")


def ipm_subset(folder: Path, regions: tuple[str, ...] = REGIONS,
               years: tuple[int, ...] = (2022, 2023, 2024), name: str = "ipm.csv") -> Path:
    lines = IPM_DATA.read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [line for line in lines[1:]
                         if line.split(",")[0] in regions and int(line.split(",")[1]) in years]
    path = folder / name
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ipm_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Scores of three regions for 2022–2024, as the JSON `score --format json` prints."""
    folder = tmp_path_factory.mktemp("ipm")
    return assessment_to_dict(run_assessment([ipm_subset(folder)], IPM_SET), "en")


@pytest.fixture()
def write_scores(tmp_path: Path) -> Callable[[str, dict[str, Any]], Path]:
    def write(name: str, data: dict[str, Any]) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        return path

    return write
