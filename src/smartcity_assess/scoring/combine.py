"""Stage 1 of scoring: each region-year's answers to one indicator → one combined raw value.

:func:`combine_column` combines an indicator's answers in every region-year of a run at once
(a :class:`~.columns.Column`): the rule's value (mean, share, median, min, max), the spread
(standard deviation, minimum, maximum, share at or above the positive threshold) and the value
from each role alone. The common rules are computed for all region-years together with numpy;
the rare ones (a weighted median, outlier treatment of answers) go through the rule's own
function (:data:`.respondents.COMBINERS`) region-year by region-year. Both give the same
numbers: sums are exactly rounded in either (:func:`.grouped.sums`, :func:`math.fsum`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..indicators.model import Indicator
from .columns import Column
from .design import poststratify
from .grouped import (
    FloatArray,
    IntArray,
    counts_where,
    extreme,
    sizes,
    sort_within,
    squared_deviations,
    sums,
    whole,
)
from .outliers import OUTLIER_TREATMENTS
from .respondents import COMBINERS
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
    poststratified: bool = False
    """The answers were reweighted to the population shares of their post-strata."""


def combine_values(indicator: Indicator, values: Sequence[float], weights: Sequence[float]
                   ) -> tuple[float, int]:
    """The indicator's rule on one region-year's usable answers, after any outlier treatment
    of answers. Returns (combined value, number of answers capped)."""
    capped = 0
    outliers = indicator.outliers
    if outliers is not None and outliers.over == "answers":
        values, capped = OUTLIER_TREATMENTS[outliers.method](values, outliers.limits)
    return COMBINERS[indicator.respondents](values, weights, indicator.share_from), capped


def rule_values(indicator: Indicator, values: FloatArray, weights: FloatArray,
                starts: IntArray, total: FloatArray | None = None,
                integral: bool | None = None) -> tuple[list[float], list[int]]:
    """The indicator's rule on each group of answers (every group non-empty): (combined value,
    answers capped) per group. ``total``: the groups' sums of ``values``, when known;
    ``integral``: whether the values are whole numbers, when known."""
    rule = indicator.respondents
    outliers = indicator.outliers
    count = len(starts) - 1
    treated = outliers is not None and outliers.over == "answers"
    if not treated and rule in ("mean", "share"):
        bottom = sums(weights, starts)
        with np.errstate(invalid="ignore", divide="ignore"):  # no answers: NaN, not used
            if rule == "mean":
                ones = total is not None and bool((weights == 1.0).all())
                top = total if ones and total is not None else sums(
                    values * weights, starts, integral if ones else None)
                return (top / bottom).tolist(), [0] * count
            threshold = 1.0 if indicator.share_from is None else indicator.share_from
            positive = sums(np.where(values >= threshold, weights, 0.0), starts)
            return (100.0 * positive / bottom).tolist(), [0] * count
    if not treated and rule in ("min", "max"):
        return extreme(values, starts, rule == "min").tolist(), [0] * count
    if not treated and rule == "median":
        lowest, highest = extreme(weights, starts, True), extreme(weights, starts, False)
        filled = starts[:-1] < starts[1:]
        if (lowest[filled] == highest[filled]).all():  # equal weights in every group
            ordered = values[sort_within(values, starts)]
            n = sizes(starts)
            # an empty last group points one past the end: clip (its value is NaN, unused)
            middle = np.minimum(starts[:-1] + n // 2, len(ordered) - 1)
            odd = ordered[middle]
            even = (ordered[np.maximum(middle - 1, 0)] + odd) / 2
            found = np.where(n % 2 == 1, odd, even)
            return np.where(n > 0, found, np.nan).tolist(), [0] * count
    out: list[float] = []
    capped: list[int] = []
    bounds = starts.tolist()
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        if a == b:  # no answers: no value
            out.append(math.nan)
            capped.append(0)
            continue
        value, cut = combine_values(indicator, values[a:b].tolist(), weights[a:b].tolist())
        out.append(value)
        capped.append(cut)
    return out, capped


def combine_column(indicator: Indicator, column: Column, role_names: Sequence[str | None],
                   poststrata: tuple[IntArray, FloatArray] | None = None) -> list[Cell]:
    """One :class:`Cell` per region-year of the column: value, answers, spread, by role.

    ``poststrata``: each answer's post-stratum code and the population size of each code;
    the answers are then reweighted to the strata's population shares
    (:func:`.design.poststratify`) in every region-year whose strata all have a size."""
    applied = np.zeros(len(column.starts) - 1, dtype=bool)
    if poststrata is not None:
        codes, population = poststrata
        adjusted, applied = poststratify(column.weights, codes, column.starts, population)
        column = replace(column, weights=adjusted)
    values, weights, starts = column.values, column.weights, column.starts
    n = sizes(starts)
    count = len(n)
    enough = n >= max(indicator.min_answers, 1)
    if not enough.any():
        return [_unanswered(indicator, int(k)) for k in n]
    integral = whole(values)
    total = sums(values, starts, integral)
    combined, capped = rule_values(indicator, values, weights, starts, total, integral)
    centre = np.divide(total, n, out=np.zeros(count), where=n > 0)
    squares = squared_deviations(values, starts, centre, integral)
    lowest, highest = extreme(values, starts, True), extreme(values, starts, False)
    share_from = indicator.share_from
    positive = counts_where(values >= share_from, starts) if share_from is not None else None
    by_role = _by_role(indicator, column, role_names, enough, integral)
    cells = []
    for g in range(count):
        size = int(n[g])
        if not enough[g]:
            cells.append(_unanswered(indicator, size))
            continue
        spread = Spread(
            sd=math.sqrt(squares[g] / (size - 1)) if size >= 2 else None,
            minimum=float(lowest[g]), maximum=float(highest[g]),
            share_positive=int(positive[g]) / size if positive is not None else None)
        cells.append(Cell(combined[g], size, None, spread, capped[g], by_role.get(g, ()),
                          bool(applied[g])))
    return cells


def _unanswered(indicator: Indicator, size: int) -> Cell:
    if size == 0:
        return Cell(None, 0, "no answers")
    return Cell(None, size, f"fewer than {indicator.min_answers} answers")


def _by_role(indicator: Indicator, column: Column, role_names: Sequence[str | None],
             chosen: np.ndarray, integral: bool) -> dict[int, tuple[RoleValue, ...]]:
    """Per region-year with answers from more than one role: the value from each role alone,
    roles in order (no role first, then by name)."""
    starts = column.starts
    roles = column.roles
    if not len(roles):
        return {}
    coded = roles.astype(np.float64)
    mixed = (extreme(coded, starts, True) != extreme(coded, starts, False)) & chosen
    if not mixed.any():
        return {}
    n = sizes(starts)
    group = np.repeat(np.arange(len(n)), n)
    order_of = sorted(range(len(role_names)),
                      key=lambda r: (role_names[r] is not None, role_names[r] or ""))
    rank = np.empty(len(role_names), dtype=np.int64)
    rank[order_of] = np.arange(len(role_names))
    keep = mixed[group]
    key = group[keep] * len(role_names) + rank[roles[keep]]
    out: dict[int, list[RoleValue]] = {}
    outliers = indicator.outliers
    plain = (integral and indicator.respondents in ("mean", "share")
             and not (outliers is not None and outliers.over == "answers")
             and bool((column.weights == 1.0).all()))
    if plain:
        # whole numbers, every weight 1: a mean is Σv / n and a share 100·count / n, with
        # exact sums in any order, so no sorting: one count and one sum per (region, role)
        slots = len(n) * len(role_names)
        counts = np.bincount(key, minlength=slots)
        values = column.values[keep]
        if indicator.respondents == "share":
            threshold = 1.0 if indicator.share_from is None else indicator.share_from
            values = np.where(values >= threshold, 100.0, 0.0)
        totals = np.bincount(key, weights=values, minlength=slots)
        powers = np.bincount(key, weights=values * values, minlength=slots)  # exact: whole
        for slot in np.flatnonzero(counts).tolist():
            g, r = divmod(slot, len(role_names))
            size = int(counts[slot])
            spread = (math.sqrt(max(0.0, (float(powers[slot]) - float(totals[slot]) ** 2 / size)
                                    / (size - 1))) if size >= 2 else None)
            out.setdefault(g, []).append(RoleValue(role_names[order_of[r]], size,
                                                   float(totals[slot]) / size, spread))
        return {g: tuple(found) for g, found in out.items()}
    small = key.astype(np.int16) if len(n) * len(role_names) < 2**15 else key
    order = np.argsort(small, kind="stable")  # a radix sort for 16-bit keys
    key = key[order]
    values = column.values[keep][order]
    weights = column.weights[keep][order]
    edges = np.flatnonzero(np.diff(key)) + 1
    sub_starts = np.concatenate(([0], edges, [len(key)])).astype(np.int64)
    combined, _ = rule_values(indicator, values, weights, sub_starts, integral=integral)
    answers = values
    if indicator.respondents == "share":
        threshold = 1.0 if indicator.share_from is None else indicator.share_from
        answers = np.where(values >= threshold, 100.0, 0.0)
    per_role = sizes(sub_starts)
    whole_answers = integral or indicator.respondents == "share"
    centre = sums(answers, sub_starts, whole_answers) / np.maximum(per_role, 1)
    squares = squared_deviations(answers, sub_starts, centre, whole_answers)
    for s, value in enumerate(combined):
        first = int(key[sub_starts[s]])
        g, r = divmod(first, len(role_names))
        size = int(per_role[s])
        spread = math.sqrt(squares[s] / (size - 1)) if size >= 2 else None
        out.setdefault(g, []).append(RoleValue(role_names[order_of[r]], size, value, spread))
    return {g: tuple(found) for g, found in out.items()}
