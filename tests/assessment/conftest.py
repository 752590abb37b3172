"""A small assessment project on the BPS IPM example: three regions, 2023–2024."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessment.assessment_helpers import CONFIG, IPM_SET, Project, write_ipm


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    """``project(config_text, years=...)`` → path of assessment.yaml in a fresh folder."""

    def make(config: str = CONFIG, years: tuple[int, ...] = (2023, 2024),
             name: str = "assessment.yaml") -> Path:
        shutil.copy(IPM_SET, tmp_path / "ipm.yaml")
        write_ipm(tmp_path / "data" / "ipm.csv", years)
        path = tmp_path / name
        path.write_text(config, encoding="utf-8")
        return path

    return make
