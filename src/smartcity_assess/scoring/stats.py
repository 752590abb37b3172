"""Small statistics used by the scoring methods (stdlib only, exact definitions documented).

Sums are exactly rounded (``math.fsum``) and squares are ``d * d`` (exactly rounded), as in
the grouped versions of :mod:`.grouped` that compute them for many region-years at once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def quantile(ordered: Sequence[float], p: float) -> float:
    """The ``p``-quantile (0–1) of sorted values by linear interpolation between order statistics.

    This is Hyndman & Fan's definition 7, the default of R's ``quantile`` and of numpy:
    position ``h = (n − 1)·p``, result ``x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])``.
    """
    count = len(ordered)
    if count == 0:
        raise ValueError("quantile of no values")
    if count == 1:
        return ordered[0]
    position = (count - 1) * min(1.0, max(0.0, p))
    below = math.floor(position)
    fraction = position - below
    if below + 1 >= count:
        return ordered[-1]
    return ordered[below] + fraction * (ordered[below + 1] - ordered[below])


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean (exactly rounded sum)."""
    return math.fsum(values) / len(values)


def variance(values: Sequence[float]) -> float | None:
    """Sample variance (n − 1); None for fewer than two values."""
    count = len(values)
    if count < 2:
        return None
    centre = mean(values)
    return math.fsum((v - centre) * (v - centre) for v in values) / (count - 1)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson correlation; None when either variable has no variance or n < 2."""
    count = len(xs)
    if count < 2 or count != len(ys):
        return None
    mx, my = mean(xs), mean(ys)
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mx) * (x - mx) for x in xs)
    syy = math.fsum((y - my) * (y - my) for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    return sxy / math.sqrt(sxx * syy)
