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
    from .geo.inputs import GeoContext, GeoOptions
    from .indicators.model import IndicatorSet
    from .scoring.areas import AreaOptions
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
                            design: SurveyDesign | None = None,
                            areas: AreaOptions | None = None
                            ) -> tuple[Assessment, SensitivityResult | None]:
    """Score read survey data with bootstrap intervals, and run the sensitivity analysis
    (none when ``uncertainty.draws`` is 0 or ``sensitivity_if`` says it is not needed).
    ``areas`` says how the breakdown by area is made (default: the data's areas)."""
    from .scoring.areas import AreaOptions
    from .scoring.sensitivity import SensitivityOptions, sensitivity

    chosen = uncertainty or Uncertainty()
    options = ScoringOptions(bootstrap=chosen.bootstrap, seed=chosen.seed,
                             confidence=chosen.confidence, design=design,
                             areas=areas or AreaOptions())
    assessment = assess(indicator_set, survey, options)
    tested = None
    if chosen.draws > 0 and (sensitivity_if is None or sensitivity_if(assessment)):
        tested = sensitivity(indicator_set, survey,
                             SensitivityOptions(draws=chosen.draws, seed=chosen.seed), options)
    return assessment, tested


@dataclass(frozen=True)
class Scored:
    """An assessment with what the reports need besides it."""

    assessment: Assessment
    sensitivity: SensitivityResult | None = None
    geo: GeoContext | None = None
    """The boundaries, layers and complaints of the run (None when it named none)."""


def assess_files(
    surveys: Sequence[str | Path],
    criteria: str | Path | None = None,
    *,
    sheet: str | None = None,
    ignore_columns: Sequence[str] = (),
    uncertainty: Uncertainty | None = None,
    geo: GeoOptions | None = None,
    design: SurveyDesign | None = None,
) -> Scored:
    """Load the set, read every survey file and the geographic inputs (boundaries, problem
    layers, a complaints export: :mod:`.geo.inputs`), and score. ``uncertainty`` None: no
    bootstrap nor sensitivity analysis. ``design``: the plan's survey design. Every problem of
    every file is raised at once."""
    from .errors import InputError, Problem, gather
    from .scoring.areas import AreaOptions
    from .survey.load import read_survey

    indicator_set = load_indicator_set(criteria)
    if geo is not None:
        _check_map_indicators(geo.map_indicators, indicator_set)
    problems: list[Problem] = []
    survey = gather(problems, lambda: read_survey(surveys, indicator_set, sheet=sheet,
                                                  ignore_columns=ignore_columns))
    geo_data = None
    if geo is not None and not geo.empty:
        from .geo.inputs import read_geo

        geo_data = gather(problems, lambda: read_geo(geo))
    if problems:
        raise InputError(problems)
    assert survey is not None
    context = None
    areas = AreaOptions()
    if geo is not None and geo.min_respondents is not None:
        areas = AreaOptions(min_respondents=geo.min_respondents)
    if geo_data is not None:
        from .geo.inputs import apply_geo

        context, areas = apply_geo(survey, [i.id for i in indicator_set.indicators()],
                                   geo_data)
    if uncertainty is None:
        assessment = assess(indicator_set, survey, ScoringOptions(areas=areas, design=design))
        tested = None
    else:
        assessment, tested = assess_with_uncertainty(indicator_set, survey, uncertainty,
                                                     design=design, areas=areas)
    if context is not None and context.notices:
        from dataclasses import replace

        assessment = replace(assessment, warnings=(*assessment.warnings, *context.notices))
    return Scored(assessment, tested, context)


def _check_map_indicators(wanted: Sequence[str], indicator_set: IndicatorSet) -> None:
    """``--map-indicator`` ids the set does not have are a usage error (with a guess)."""
    import difflib

    from .errors import UsageError

    known = [i.id for i in indicator_set.indicators()]
    for indicator_id in wanted:
        if indicator_id not in known:
            close = difflib.get_close_matches(indicator_id, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UsageError(f"--map-indicator {indicator_id!r} is not an indicator of "
                             f"{indicator_set.id}{hint}")
