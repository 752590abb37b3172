"""Normalisation: a raw value onto the set's scale (a registry by name)."""

from __future__ import annotations

import math
from collections.abc import Callable

from ..indicators.model import Indicator

Normaliser = Callable[[float, Indicator, tuple[float, float]], float]


def goalposts(value: float, indicator: Indicator, scale: tuple[float, float]) -> float:
    """Linear map of the goalposts onto the scale, clipped; on ln(x) with ``transform: log``.

    ``direction: lower`` flips the map so that the lower goalpost scores the top of the scale.
    """
    low, high = indicator.goalposts
    clipped = min(max(value, low), high)
    if indicator.transform == "log":
        position = (math.log(clipped) - math.log(low)) / (math.log(high) - math.log(low))
    else:
        position = (clipped - low) / (high - low)
    if indicator.direction == "lower":
        position = 1.0 - position
    return scale[0] + position * (scale[1] - scale[0])


NORMALISERS: dict[str, Normaliser] = {"goalposts": goalposts}
"""Normalisation methods by name."""
