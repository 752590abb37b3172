"""Helpers of the compare tests."""

from __future__ import annotations

import json
from typing import Any


def only_year(data: dict[str, Any], year: int) -> dict[str, Any]:
    """A copy of a scores document with one year's results."""
    copy: dict[str, Any] = json.loads(json.dumps(data))
    copy["results"] = [r for r in copy["results"] if r["year"] == year]
    return copy


def result(data: dict[str, Any], region: str, year: int) -> dict[str, Any]:
    """One region-year of a scores document."""
    return next(r for r in data["results"] if r["region"] == region and r["year"] == year)
