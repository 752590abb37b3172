"""The whole pipeline as one call: indicator set + survey files → Assessment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .indicators.loader import load_indicator_set
from .scoring.engine import ScoringOptions, assess
from .scoring.results import Assessment


def run_assessment(
    surveys: Sequence[str | Path],
    criteria: str | Path | None = None,
    *,
    sheet: str | None = None,
    ignore_columns: Sequence[str] = (),
    options: ScoringOptions | None = None,
) -> Assessment:
    """Load the set, read and check every survey file, score every region-year."""
    from .survey.load import read_survey

    indicator_set = load_indicator_set(criteria)
    survey = read_survey(surveys, indicator_set, sheet=sheet, ignore_columns=ignore_columns)
    return assess(indicator_set, survey, options)
