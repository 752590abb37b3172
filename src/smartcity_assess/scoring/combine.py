"""Stage 1 of scoring: one region-year's answers to one indicator → one combined raw value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from ..indicators.model import Indicator
from ..survey.data import Answers
from .outliers import OUTLIER_TREATMENTS
from .respondents import COMBINERS, sample_sd
from .results import RoleValue, Spread


@dataclass(frozen=True)
class Cell:
    """One indicator in one region-year after combining its answers."""

    value: float | None
    """Combined raw value; None when not answered or below ``min_answers``."""
    n: int
    note: str | None = None
    spread: Spread | None = None
    winsorised: int = 0
    by_role: tuple[RoleValue, ...] = ()


def usable_answers(indicator: Indicator, answers: Answers | None,
                   role_weights: dict[str, float]
                   ) -> tuple[list[float], list[float], list[int] | None]:
    """Answers from the roles the indicator asks, each with its role's weight.

    Returns (values, weights, positions): ``positions`` are the indexes of the used answers in
    ``answers`` (None: all of them, in order). A role weight of 0 drops the role's answers; a
    role without a weight counts 1.
    """
    if answers is None:
        return [], [], []
    if not indicator.roles and not role_weights:
        return answers.values, [1.0] * len(answers.values), None
    asked = set(indicator.roles)
    roles = answers.roles
    weight_of = {role: (0.0 if asked and role not in asked
                        else role_weights.get(role or "", 1.0))
                 for role in set(roles)}
    if all(w > 0 for w in weight_of.values()):
        if len(set(weight_of.values())) == 1:  # one weight for all: no lookup per answer
            return answers.values, [next(iter(weight_of.values()))] * len(roles), None
        return answers.values, list(map(weight_of.__getitem__, roles)), None
    # map/compress keep the per-answer work in C: an indicator may hold 100,000 answers.
    kept = {role for role, weight in weight_of.items() if weight > 0}
    mask = list(map(kept.__contains__, roles))
    positions = list(compress(range(len(roles)), mask))
    values = list(compress(answers.values, mask))
    kept_weights = {weight_of[role] for role in kept}
    if len(kept_weights) == 1:
        return values, [kept_weights.pop()] * len(values), positions
    return values, list(map(weight_of.__getitem__, compress(roles, mask))), positions


def combine_values(indicator: Indicator, values: Sequence[float], weights: Sequence[float]
                   ) -> tuple[float, int]:
    """The indicator's rule on its usable answers, after any outlier treatment of answers.

    Returns (combined value, number of answers capped).
    """
    capped = 0
    outliers = indicator.outliers
    if outliers is not None and outliers.over == "answers":
        values, capped = OUTLIER_TREATMENTS[outliers.method](values, outliers.limits)
    return COMBINERS[indicator.respondents](values, weights, indicator.share_from), capped


def combine_cell(indicator: Indicator, answers: Answers | None,
                 role_weights: dict[str, float]) -> Cell:
    """Combine one indicator's answers: value, number of answers, spread, per-role values."""
    values, weights, positions = usable_answers(indicator, answers, role_weights)
    if not values:
        return Cell(None, 0, "no answers")
    if len(values) < indicator.min_answers:
        return Cell(None, len(values), f"fewer than {indicator.min_answers} answers")
    value, capped = combine_values(indicator, values, weights)
    share_from = indicator.share_from
    spread = Spread(
        sd=sample_sd(values),
        minimum=min(values),
        maximum=max(values),
        share_positive=(sum(1 for v in values if v >= share_from) / len(values)
                        if share_from is not None else None),
    )
    by_role: tuple[RoleValue, ...] = ()
    if answers is not None:
        roles = answers.roles if positions is None else [answers.roles[p] for p in positions]
        if len(set(roles)) > 1:
            by_role = _by_role(indicator, values, weights, roles)
    return Cell(value, len(values), None, spread, capped, by_role)


def _by_role(indicator: Indicator, values: Sequence[float], weights: Sequence[float],
             roles: Sequence[str | None]) -> tuple[RoleValue, ...]:
    grouped: dict[str | None, tuple[list[float], list[float]]] = {}
    for value, weight, role in zip(values, weights, roles, strict=True):
        bucket = grouped.setdefault(role, ([], []))
        bucket[0].append(value)
        bucket[1].append(weight)
    out = []
    for role in sorted(grouped, key=lambda r: (r is not None, r or "")):
        vals, ws = grouped[role]
        out.append(RoleValue(role, len(vals), combine_values(indicator, vals, ws)[0]))
    return tuple(out)
