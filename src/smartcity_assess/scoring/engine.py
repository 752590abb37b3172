"""The scoring pipeline: answers → combined values → scores → groups → index. Pure, no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from .. import __version__
from ..indicators.model import Group, Indicator, IndicatorSet
from ..survey.data import Answers, RegionData, SurveyData
from .aggregate import AGGREGATORS
from .normalise import NORMALISERS
from .respondents import COMBINERS, sample_sd
from .results import (
    Assessment,
    GroupResult,
    IndicatorResult,
    Methods,
    RegionResult,
    Spread,
)

Node = TypeVar("Node", Group, Indicator, Group | Indicator)


@dataclass(frozen=True)
class ScoringOptions:
    """Choices a user may make at run time; defaults follow PRODUCT.md."""

    normalisation: str = "goalposts"


def assess(indicator_set: IndicatorSet, survey: SurveyData,
           options: ScoringOptions | None = None) -> Assessment:
    """Score every region-year in ``survey`` against ``indicator_set``."""
    options = options or ScoringOptions()
    if options.normalisation not in NORMALISERS:
        raise ValueError(f"unknown normalisation {options.normalisation!r}")
    results = tuple(
        score_region(indicator_set, region, year, survey.regions[(region, year)], options)
        for region, year in survey.region_years()
    )
    return Assessment(
        indicator_set=indicator_set,
        results=results,
        methods=_methods(indicator_set, options),
        inputs=tuple(survey.files),
        tool_version=__version__,
    )


def score_region(indicator_set: IndicatorSet, region: str, year: int | None, data: RegionData,
                 options: ScoringOptions | None = None) -> RegionResult:
    """Score one region-year."""
    options = options or ScoringOptions()
    role_weights = dict(indicator_set.role_weights)
    pillars = _normalised_weights(indicator_set.pillars)
    pillar_results = tuple(
        _score_group(group, weight, weight, data.answers, indicator_set, role_weights, options)
        for group, weight in pillars
    )
    score, coverage = _aggregate(pillar_results, indicator_set.aggregation,
                                 indicator_set.min_coverage)
    return RegionResult(
        region=region,
        year=year,
        score=score,
        band=indicator_set.band_for(score),
        coverage=coverage,
        pillars=pillar_results,
        respondents=len(data.respondents),
        roles=tuple(sorted(data.roles.items())),
    )


def _normalised_weights(children: Sequence[Node]) -> list[tuple[Node, float]]:
    total = sum(child.weight for child in children)
    return [(child, child.weight / total if total > 0 else 0.0) for child in children]


def _aggregate(children: Sequence[GroupResult | IndicatorResult], method: str,
               min_coverage: float) -> tuple[float | None, float]:
    """Coverage over all children; score over the assessed ones with renormalised weights."""
    coverage = sum(child.weight * child.coverage for child in children)
    assessed = [child for child in children if child.score is not None and child.weight > 0]
    if not assessed or coverage + 1e-12 < min_coverage:
        return None, coverage
    total = sum(child.weight for child in assessed)
    scores = [child.score for child in assessed if child.score is not None]
    weights = [child.weight / total for child in assessed]
    return AGGREGATORS[method](scores, weights), coverage


def _score_group(group: Group, weight: float, effective: float, answers: dict[str, Answers],
                 indicator_set: IndicatorSet, role_weights: dict[str, float],
                 options: ScoringOptions) -> GroupResult:
    children: list[GroupResult | IndicatorResult] = []
    for child, child_weight in _normalised_weights(group.children):
        if isinstance(child, Group):
            children.append(_score_group(child, child_weight, effective * child_weight, answers,
                                         indicator_set, role_weights, options))
        else:
            children.append(score_indicator(child, answers.get(child.id), indicator_set.scale,
                                            child_weight, effective * child_weight,
                                            role_weights, options.normalisation))
    score, coverage = _aggregate(children, group.aggregation, group.min_coverage)
    return GroupResult(id=group.id, kind=group.kind, score=score, coverage=coverage,
                       weight=weight, effective_weight=effective, children=tuple(children),
                       aggregation=group.aggregation)


def score_indicator(indicator: Indicator, answers: Answers | None, scale: tuple[float, float],
                    weight: float = 1.0, effective_weight: float = 1.0,
                    role_weights: dict[str, float] | None = None,
                    normalisation: str = "goalposts") -> IndicatorResult:
    """Combine the answers to one indicator and normalise the result."""
    values, weights = _usable_answers(indicator, answers, role_weights or {})
    normalise = NORMALISERS[normalisation]
    target_score = (normalise(indicator.target, indicator, scale)
                    if indicator.target is not None else None)
    note = None
    if not values:
        note = "no answers"
    elif len(values) < indicator.min_answers:
        note = f"fewer than {indicator.min_answers} answers"
    if note is not None:
        return IndicatorResult(
            id=indicator.id, value=None, n=len(values), score=None, target=indicator.target,
            gap=None, target_score=target_score, score_gap=None, weight=weight,
            effective_weight=effective_weight, coverage=0.0, note=note)
    value = COMBINERS[indicator.respondents](values, weights, indicator.share_from)
    score = normalise(value, indicator, scale)
    gap = score_gap = None
    if indicator.target is not None and target_score is not None:
        shortfall = (indicator.target - value if indicator.direction == "higher"
                     else value - indicator.target)
        gap = max(0.0, shortfall)
        score_gap = max(0.0, target_score - score)
    share_from = indicator.share_from
    spread = Spread(
        sd=sample_sd(values),
        minimum=min(values),
        maximum=max(values),
        share_positive=(sum(1 for v in values if v >= share_from) / len(values)
                        if share_from is not None else None),
    )
    return IndicatorResult(
        id=indicator.id, value=value, n=len(values), score=score, target=indicator.target,
        gap=gap, target_score=target_score, score_gap=score_gap, weight=weight,
        effective_weight=effective_weight, coverage=1.0, spread=spread)


def _usable_answers(indicator: Indicator, answers: Answers | None,
                    role_weights: dict[str, float]) -> tuple[list[float], list[float]]:
    """Answers from the roles the indicator asks, with each answer's role weight."""
    if answers is None:
        return [], []
    if not indicator.roles and not role_weights:
        return answers.values, [1.0] * len(answers.values)
    asked = set(indicator.roles)
    values: list[float] = []
    weights: list[float] = []
    for value, role in zip(answers.values, answers.roles, strict=True):
        if asked and role not in asked:
            continue
        weight = role_weights.get(role or "", 1.0)
        if weight > 0:
            values.append(value)
            weights.append(weight)
    return values, weights


def _methods(indicator_set: IndicatorSet, options: ScoringOptions) -> Methods:
    rules = sorted({ind.respondents for ind in indicator_set.indicators()})
    group_methods = sorted({g.aggregation for g in indicator_set.groups()})
    return Methods(
        normalisation=f"{options.normalisation}: linear between goalposts, clipped; "
                      "natural log first where transform: log; flipped for direction: lower",
        aggregation=f"within groups: weighted {' / '.join(group_methods)} mean; "
                    f"pillars into the index: weighted {indicator_set.aggregation} mean",
        respondents="answers combined per indicator by " + ", ".join(rules)
                    + ("; role weights " + ", ".join(f"{r}={w:g}"
                                                     for r, w in indicator_set.role_weights)
                       if indicator_set.role_weights else ""),
        missing="not answered = not assessed; weights renormalised over assessed siblings; "
                "a group below its minimum coverage is not assessed",
        min_coverage=indicator_set.min_coverage,
    )

