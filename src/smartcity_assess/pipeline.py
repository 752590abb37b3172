"""The whole pipeline as one call: indicator set + survey files → Assessment."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .indicators.loader import load_indicator_set
from .scoring.engine import (
    DEFAULT_BOOTSTRAP_DRAWS,
    DEFAULT_CONFIDENCE,
    DEFAULT_SEED,
    ScoringOptions,
    assess,
)
from .scoring.results import Assessment
from .scoring.sensitivity import DEFAULT_DRAWS

if TYPE_CHECKING:
    from .indicators.model import IndicatorSet
    from .scoring.design import SurveyDesign
    from .scoring.sensitivity import SensitivityResult
    from .survey.data import SurveyData


def run_assessment(
    surveys: Sequence[str | Path],
    criteria: str | Path | None = None,
    *,
    sheet: str | None = None,
    ignore_columns: Sequence[str] = (),
    options: ScoringOptions | None = None,
    design: SurveyDesign | None = None,
) -> Assessment:
    """Load the set, read and check every survey file, score every region-year (with the
    plan's survey ``design`` when given)."""
    from .survey.load import read_survey

    indicator_set = load_indicator_set(criteria)
    survey = read_survey(surveys, indicator_set, sheet=sheet, ignore_columns=ignore_columns)
    if design is not None:
        options = replace(options or ScoringOptions(), design=design)
    return assess(indicator_set, survey, options)


@dataclass(frozen=True)
class Uncertainty:
    """What ``report`` and ``demo`` compute by default for the masterplan's "How sure are
    we?" section: bootstrap intervals and the sensitivity analysis, seeded."""

    bootstrap: int = DEFAULT_BOOTSTRAP_DRAWS
    """Bootstrap draws (0: no intervals)."""
    draws: int = DEFAULT_DRAWS
    """Random weight sets of the sensitivity analysis (0: no sensitivity analysis)."""
    seed: int = DEFAULT_SEED
    confidence: float = DEFAULT_CONFIDENCE


def run_with_uncertainty(
    surveys: Sequence[str | Path],
    criteria: str | Path | None = None,
    *,
    sheet: str | None = None,
    ignore_columns: Sequence[str] = (),
    uncertainty: Uncertainty | None = None,
    sensitivity_if: Callable[[Assessment], bool] | None = None,
    design: SurveyDesign | None = None,
) -> tuple[Assessment, SensitivityResult | None]:
    """:func:`run_assessment` with bootstrap intervals, plus the sensitivity analysis of the
    same data. ``uncertainty`` None: the defaults of :class:`Uncertainty`; to skip both, use
    :func:`run_assessment` (or ``Uncertainty(bootstrap=0, draws=0)``). ``sensitivity_if``
    decides from the assessment whether the sensitivity analysis is needed at all."""
    from .survey.load import read_survey

    indicator_set = load_indicator_set(criteria)
    survey = read_survey(surveys, indicator_set, sheet=sheet, ignore_columns=ignore_columns)
    return assess_with_uncertainty(indicator_set, survey, uncertainty, sensitivity_if, design)


def assess_with_uncertainty(indicator_set: IndicatorSet, survey: SurveyData,
                            uncertainty: Uncertainty | None = None,
                            sensitivity_if: Callable[[Assessment], bool] | None = None,
                            design: SurveyDesign | None = None
                            ) -> tuple[Assessment, SensitivityResult | None]:
    """Score read survey data with bootstrap intervals, and run the sensitivity analysis
    (none when ``uncertainty.draws`` is 0 or ``sensitivity_if`` says it is not needed)."""
    from .scoring.sensitivity import SensitivityOptions, sensitivity

    chosen = uncertainty or Uncertainty()
    options = ScoringOptions(bootstrap=chosen.bootstrap, seed=chosen.seed,
                             confidence=chosen.confidence, design=design)
    assessment = assess(indicator_set, survey, options)
    tested = None
    if chosen.draws > 0 and (sensitivity_if is None or sensitivity_if(assessment)):
        tested = sensitivity(indicator_set, survey,
                             SensitivityOptions(draws=chosen.draws, seed=chosen.seed), options)
    return assessment, tested
