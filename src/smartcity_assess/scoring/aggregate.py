"""Aggregation of child scores into a group score (a registry by name)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

Aggregator = Callable[[Sequence[float], Sequence[float]], float]
"""(scores, weights summing to 1) → group score."""


def arithmetic(scores: Sequence[float], weights: Sequence[float]) -> float:
    """Weighted arithmetic mean: full compensation between children."""
    return math.fsum(s * w for s, w in zip(scores, weights, strict=True))


def geometric(scores: Sequence[float], weights: Sequence[float]) -> float:
    """Weighted geometric mean: a weak child cannot be fully offset. Every score must be
    above 0 (the tree raises scores to the group's ``geometric_floor`` first, or leaves a
    group with a child at 0 or less not assessed); a zero here gives 0, its limit."""
    if any(s <= 0 for s, w in zip(scores, weights, strict=True) if w > 0):
        return 0.0
    return math.exp(math.fsum(w * math.log(s) for s, w in zip(scores, weights, strict=True)
                              if w > 0))


AGGREGATORS: dict[str, Aggregator] = {"arithmetic": arithmetic, "geometric": geometric}
"""Aggregation methods by the name used in indicator sets."""
