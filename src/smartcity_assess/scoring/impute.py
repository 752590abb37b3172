"""Imputation of missing indicators (a registry by name).

``previous-year`` fills a raw value before normalisation (the engine does it across the
region-years of the run). ``group-mean`` and ``group-median`` fill a *score* from the scores of
the sibling indicators in the same group, since siblings have different raw units — COINr's
row-wise imputation with ``normalise_first``. Formulas: docs/methods.md, section 3.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence

from .stats import mean

SiblingImputer = Callable[[Sequence[float]], float]
"""(scores of the measured siblings) → imputed score."""


def group_mean(siblings: Sequence[float]) -> float:
    """Unweighted mean of the siblings' scores."""
    return mean(siblings)


def group_median(siblings: Sequence[float]) -> float:
    """Median of the siblings' scores (mean of the middle two for an even count)."""
    return float(statistics.median(siblings))


SIBLING_IMPUTERS: dict[str, SiblingImputer] = {
    "group-mean": group_mean,
    "group-median": group_median,
}
"""Score-level imputation methods by name."""

RAW_IMPUTATIONS: frozenset[str] = frozenset({"previous-year"})
"""Imputation methods that fill a raw value (applied before normalisation)."""

IMPUTATION_METHODS: frozenset[str] = frozenset({"none", *SIBLING_IMPUTERS, *RAW_IMPUTATIONS})
"""Every imputation method by name (``none``: a missing indicator stays not assessed)."""
