"""Combining several answers to one indicator into one raw value (a registry by name)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

Combiner = Callable[[Sequence[float], Sequence[float], float | None], float]
"""(values, weights, share_from) → combined raw value."""


def combine_mean(values: Sequence[float], weights: Sequence[float], _: float | None) -> float:
    """Weighted arithmetic mean of the answers."""
    total = math.fsum(weights)
    return math.fsum(v * w for v, w in zip(values, weights, strict=True)) / total


def combine_median(values: Sequence[float], weights: Sequence[float], _: float | None) -> float:
    """Weighted median: the smallest answer at which half the weight is reached.

    With equal weights and an even count this is the mean of the two middle answers,
    the textbook median.
    """
    if len(set(weights)) <= 1:
        ordered = sorted(values)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2
    pairs = sorted(zip(values, weights, strict=True))
    half = math.fsum(weights) / 2
    running = 0.0
    for value, weight in pairs:
        running += weight
        if running >= half:
            return value
    return pairs[-1][0]


def combine_share(values: Sequence[float], weights: Sequence[float],
                  share_from: float | None) -> float:
    """Percentage (0–100) of the answers at or above ``share_from``."""
    threshold = 1.0 if share_from is None else share_from
    total = math.fsum(weights)
    positive = math.fsum(w for v, w in zip(values, weights, strict=True) if v >= threshold)
    return 100.0 * positive / total


def combine_min(values: Sequence[float], weights: Sequence[float], _: float | None) -> float:
    """Lowest answer (the weakest agency sets the level)."""
    return min(values)


def combine_max(values: Sequence[float], weights: Sequence[float], _: float | None) -> float:
    """Highest answer."""
    return max(values)


COMBINERS: dict[str, Combiner] = {
    "mean": combine_mean,
    "median": combine_median,
    "share": combine_share,
    "min": combine_min,
    "max": combine_max,
}
"""Respondent rules by the name used in indicator sets."""


def sample_sd(values: Sequence[float]) -> float | None:
    """Sample standard deviation (n − 1), None for fewer than two answers."""
    count = len(values)
    if count < 2:
        return None
    mean = math.fsum(values) / count
    return math.sqrt(math.fsum((v - mean) * (v - mean) for v in values) / (count - 1))
