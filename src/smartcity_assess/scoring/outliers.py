"""Outlier treatment of raw values before normalisation (a registry by name)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .stats import quantile

Treatment = Callable[[Sequence[float], tuple[float, float]], tuple[list[float], int]]
"""(values, limits) → (treated values in the same order, number of values changed)."""


def winsorise(values: Sequence[float], limits: tuple[float, float]) -> tuple[list[float], int]:
    """Cap values below the ``limits[0]`` quantile and above the ``limits[1]`` quantile.

    Quantiles by linear interpolation (:func:`.stats.quantile`). Fewer than three values are
    left alone: with two, the quantiles are just a shrunken copy of the pair.
    """
    if len(values) < 3:
        return list(values), 0
    ordered = sorted(values)
    low, high = quantile(ordered, limits[0]), quantile(ordered, limits[1])
    treated = [min(max(v, low), high) for v in values]
    changed = sum(1 for before, after in zip(values, treated, strict=True) if before != after)
    return treated, changed


def no_treatment(values: Sequence[float], limits: tuple[float, float]
                 ) -> tuple[list[float], int]:
    """Leave values as they are."""
    return list(values), 0


OUTLIER_TREATMENTS: dict[str, Treatment] = {"none": no_treatment, "winsorise": winsorise}
"""Outlier treatments by the name used in indicator sets."""
