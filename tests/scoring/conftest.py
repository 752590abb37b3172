"""Fixtures for scoring tests (plain helpers live in ``scoring_helpers.py``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet


@pytest.fixture()
def make_set(tmp_path: Path) -> Callable[[str], IndicatorSet]:
    """Load an indicator set from YAML text."""
    counter = iter(range(1000))

    def make(text: str) -> IndicatorSet:
        path = tmp_path / f"set{next(counter)}.yaml"
        path.write_text(text, encoding="utf-8")
        return load_indicator_set(path)

    return make
