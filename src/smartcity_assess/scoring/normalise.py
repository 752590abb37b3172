"""Normalisation: a raw value onto the set's scale (a registry by name).

``goalposts`` and ``distance-to-target`` look at one region-year only. ``minmax`` and ``zscore``
compare a value with every region-year in the run, so the engine first computes a
:class:`Reference` per indicator (over the measured values of all region-years) and hands it in.
Formulas: docs/methods.md, section 2.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..indicators.model import Indicator
from .stats import mean, variance


@dataclass(frozen=True)
class Reference:
    """Statistics of one indicator over the region-years of a run (after any log transform)."""

    minimum: float
    maximum: float
    mean: float
    sd: float | None
    """Sample standard deviation (n − 1); None with a single value."""
    count: int


Normaliser = Callable[[float, Indicator, tuple[float, float], "Reference | None"], float]
"""(value, indicator, scale, reference over the run) → score on the scale."""

CROSS_REGION: frozenset[str] = frozenset({"minmax", "zscore"})
"""Methods that need a :class:`Reference` over all region-years of the run."""

ZSCORE_SD_SHARE = 0.1
"""``zscore``: one standard deviation is this share of the scale (10 points on 0–100)."""


def transformed(value: float, indicator: Indicator) -> float:
    """The value on the scale normalisation works on: ln(x) with ``transform: log``.

    Under a log transform a value below the lower goalpost is raised to it first (the log of
    zero or of a negative number is undefined; goalposts clip such values anyway). With
    ``clip: false`` it is not: the set's ``range`` keeps every value above 0 (the loader
    checks it).
    """
    if indicator.transform == "log":
        return math.log(value if not indicator.clip else max(value, indicator.goalposts[0]))
    return value


def _bounded(position: float, indicator: Indicator) -> float:
    """The position clipped to [0, 1], unless the indicator has ``clip: false``."""
    return min(1.0, max(0.0, position)) if indicator.clip else position


def reference(values: Sequence[float], indicator: Indicator) -> Reference | None:
    """Statistics of the measured values of one indicator across a run (None: no values)."""
    if not values:
        return None
    xs = [transformed(v, indicator) for v in values]
    var = variance(xs)
    return Reference(minimum=min(xs), maximum=max(xs), mean=mean(xs),
                     sd=None if var is None else math.sqrt(var), count=len(xs))


def _on_scale(position: float, indicator: Indicator, scale: tuple[float, float]) -> float:
    if indicator.direction == "lower":
        position = 1.0 - position
    return scale[0] + position * (scale[1] - scale[0])


def goalposts(value: float, indicator: Indicator, scale: tuple[float, float],
              reference: Reference | None = None) -> float:
    """Linear map of the goalposts onto the scale, clipped; on ln(x) with ``transform: log``.

    ``direction: lower`` flips the map so that the lower goalpost scores the top of the scale.
    With ``clip: false`` a value beyond a goalpost scores beyond the scale (fixed bounds
    without clipping, as the EU's DESI).
    """
    low, high = indicator.goalposts
    clipped = min(max(value, low), high) if indicator.clip else value
    if indicator.transform == "log":
        position = (math.log(clipped) - math.log(low)) / (math.log(high) - math.log(low))
    else:
        position = (clipped - low) / (high - low)
    if indicator.direction == "lower":
        position = 1.0 - position
    return scale[0] + position * (scale[1] - scale[0])


def distance_to_target(value: float, indicator: Indicator, scale: tuple[float, float],
                       reference: Reference | None = None) -> float:
    """Share of the way from the worst goalpost to the target, capped at the target.

    Higher is better: ``p = (v − L) / (T − L)``; lower is better: ``p = (U − v) / (U − T)``;
    ``p`` clipped to [0, 1] (not with ``clip: false``). With ``L = 0`` this is ``v / T``.
    COINr's ``n_dist2targ`` with ``cap_max = TRUE``, with the fixed goalpost in place of the
    sample minimum (maximum), so a region's score does not depend on which other regions are
    in the run.
    """
    target = indicator.target
    if target is None:
        raise ValueError(f"indicator {indicator.id!r}: distance-to-target needs a target")
    low, high = indicator.goalposts
    x = transformed(value, indicator)
    t = transformed(target, indicator)
    if indicator.direction == "higher":
        worst = transformed(low, indicator)
        position = (x - worst) / (t - worst)
    else:
        worst = transformed(high, indicator)
        position = (worst - x) / (worst - t)
    position = _bounded(position, indicator)
    return scale[0] + position * (scale[1] - scale[0])


def minmax(value: float, indicator: Indicator, scale: tuple[float, float],
           reference: Reference | None = None) -> float:
    """``(x − min) / (max − min)`` over the region-years of the run, clipped to [0, 1].

    When every region-year has the same value (or there is only one) the position is 1/2:
    nobody is better than anybody else, and the middle does not zero a geometric mean.
    """
    if reference is None:
        raise ValueError(f"indicator {indicator.id!r}: minmax needs the run's values")
    x = transformed(value, indicator)
    spread = reference.maximum - reference.minimum
    position = 0.5 if spread <= 0 else (x - reference.minimum) / spread
    return _on_scale(_bounded(position, indicator), indicator, scale)


def zscore(value: float, indicator: Indicator, scale: tuple[float, float],
           reference: Reference | None = None) -> float:
    """``z = (x − mean) / sd`` over the run, put on the scale as ``mid + z · width / 10``.

    On 0–100 this is ``50 + 10 z`` (a "T-score"), clipped to the scale (±5 sd) unless
    ``clip: false``. A lower-is-better
    indicator uses ``−z``. Without spread (one value, or all equal) ``z = 0``.
    """
    if reference is None:
        raise ValueError(f"indicator {indicator.id!r}: zscore needs the run's values")
    x = transformed(value, indicator)
    sd = reference.sd
    z = 0.0 if sd is None or sd <= 0 else (x - reference.mean) / sd
    if indicator.direction == "lower":
        z = -z
    width = scale[1] - scale[0]
    score = (scale[0] + scale[1]) / 2 + z * ZSCORE_SD_SHARE * width
    return min(scale[1], max(scale[0], score)) if indicator.clip else score


NORMALISERS: dict[str, Normaliser] = {
    "goalposts": goalposts,
    "distance-to-target": distance_to_target,
    "minmax": minmax,
    "zscore": zscore,
}
"""Normalisation methods by the name used in indicator sets."""
