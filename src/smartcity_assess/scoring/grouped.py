"""Statistics of many groups at once, on numpy arrays (the vectorised side of :mod:`.stats`).

A grouped array holds the members of group ``g`` at ``x[starts[g]:starts[g + 1]]``: groups are
consecutive runs, ``starts`` has one entry more than there are groups. Sums are *exact*
(correctly rounded, like :func:`math.fsum`), so that a value does not depend on the order of
the answers or on how many other groups were computed with it: whole numbers (Likert levels,
yes/no, counts) are summed by numpy, which is exact for them; other values by ``math.fsum``
per group, on Python floats.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

EXACT = float(2**53)
"""Whole numbers summed in any order stay exact while every partial sum stays below this."""


def sizes(starts: IntArray) -> IntArray:
    """Members of each group."""
    return np.diff(starts)


def group_of(starts: IntArray) -> IntArray:
    """The group of each member."""
    return np.repeat(np.arange(len(starts) - 1), np.diff(starts))


def starts_of(groups: npt.NDArray[np.integer[Any]], count: int) -> IntArray:
    """``starts`` of sorted group numbers ``groups`` (``count`` groups, some maybe empty)."""
    out = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(groups, minlength=count), out=out[1:])
    return out


def whole(x: FloatArray) -> bool:
    """True when every value is a whole number whose sums over ``len(x)`` terms stay exact."""
    return whole_sums_exact(x) and bool(np.array_equal(x, np.rint(x)))


def whole_sums_exact(x: FloatArray) -> bool:
    """True when sums of whole numbers as large as ``x``'s, ``len(x)`` of them, are exact."""
    return not len(x) or float(np.abs(x).max()) * len(x) < EXACT


LEVELS = 128
"""Most distinct whole values (max − min + 1) for which :func:`squared_deviations` counts
the values of each group instead of summing its squares one by one."""


def squared_deviations(x: FloatArray, starts: IntArray, centre: FloatArray,
                       integral: bool) -> FloatArray:
    """Per group, the correctly rounded sum of ``(x − centre[g])²`` (each square rounded, as
    ``math.fsum`` of them would sum them).

    Whole numbers of a small range (Likert levels, yes/no, choice scores) are counted per
    group and level: the sum is Σ count × square over the levels, in exact integer
    arithmetic. Other values go through :func:`sums`.
    """
    count = len(starts) - 1
    n = np.diff(starts)
    low = float(x.min()) if len(x) else 0.0
    span = float(x.max()) - low + 1 if len(x) else 0.0
    if not integral or span > LEVELS or len(x) >= 2**31:
        deviation = x - np.repeat(centre, n)
        return sums(deviation * deviation, starts, False)
    levels = int(span)
    index = (x - low).astype(np.int64) + np.repeat(np.arange(count) * levels, n)
    counts = np.bincount(index, minlength=count * levels).reshape(count, levels)
    values = low + np.arange(levels, dtype=np.float64)
    deviation = values[None, :] - centre[:, None]
    squares = deviation * deviation
    out = np.zeros(count)
    for g in np.flatnonzero(n).tolist():
        used = np.flatnonzero(counts[g])
        out[g] = exact_dot(counts[g][used].tolist(), squares[g][used].tolist())
    return out


def exact_dot(counts: list[int], terms: list[float]) -> float:
    """Σ count × term, exactly, rounded once (as ``math.fsum`` of each term repeated)."""
    ratios = [term.as_integer_ratio() for term in terms]
    scale = max(den for _, den in ratios)  # powers of two: every denominator divides it
    total = sum(c * num * (scale // den) for c, (num, den) in zip(counts, ratios, strict=True))
    return total / scale


def sums(x: FloatArray, starts: IntArray, integral: bool | None = None) -> FloatArray:
    """Correctly rounded sum of each group (0.0 for an empty group): ``math.fsum`` of each.
    ``integral``: whether every value is a whole number (checked when not given)."""
    count = len(starts) - 1
    out = np.zeros(count)
    if not len(x):
        return out
    filled = starts[:-1] < starts[1:]
    if whole(x) if integral is None else integral and whole_sums_exact(x):
        out[filled] = np.add.reduceat(x, starts[:-1][filled])
        return out
    values = x.tolist()
    bounds = starts.tolist()
    fsum = math.fsum
    out[:] = [fsum(values[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    return out


def extreme(x: FloatArray, starts: IntArray, lowest: bool) -> FloatArray:
    """Minimum (``lowest``) or maximum of each group; NaN for an empty group."""
    count = len(starts) - 1
    out = np.full(count, math.nan)
    filled = starts[:-1] < starts[1:]
    if filled.any():
        reduce = np.minimum if lowest else np.maximum
        out[filled] = reduce.reduceat(x, starts[:-1][filled])
    return out


def counts_where(mask: Bools, starts: IntArray) -> IntArray:
    """How many members of each group ``mask`` marks."""
    cumulative = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
    return np.asarray(cumulative[starts[1:]] - cumulative[starts[:-1]], dtype=np.int64)


def sort_within(x: FloatArray, starts: IntArray, *keys: FloatArray) -> IntArray:
    """The order that sorts each group by ``x`` (then by ``keys``), groups kept in place."""
    return np.lexsort((*reversed(keys), x, group_of(starts)))
