"""Indicator scores from combined values: stages 2–5 of scoring over all region-years of a
run, on plain lists (fast to replay).

combined values ─> outliers across regions ─> previous-year imputation ─> normalisation
(with run-wide references for minmax / zscore) ─> sibling imputation of scores.

The engine runs this once for the point estimate; the bootstrap once per draw; the
sensitivity analysis once per imputation method it tries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..indicators.model import Indicator, Outliers
from ..survey.data import RegionYear
from .impute import IMPUTATION_METHODS, RAW_IMPUTATIONS, SIBLING_IMPUTERS
from .normalise import CROSS_REGION, NORMALISERS, Reference, reference
from .outliers import OUTLIER_TREATMENTS
from .tree import Tree


@dataclass(frozen=True)
class Config:
    """The methods applied to each indicator (the set's choices, or run-time overrides)."""

    normalisation: tuple[str, ...]
    imputation: tuple[str, ...]
    outliers: tuple[Outliers | None, ...]

    @classmethod
    def of(cls, tree: Tree, normalisation: str | None = None,
           imputation: str | None = None) -> Config:
        """The set's own choices, with an optional method for every indicator."""
        if normalisation is not None and normalisation not in NORMALISERS:
            raise ValueError(f"unknown normalisation {normalisation!r}; "
                             f"known: {', '.join(NORMALISERS)}")
        if imputation is not None and imputation not in IMPUTATION_METHODS:
            raise ValueError(f"unknown imputation {imputation!r}; "
                             f"known: {', '.join(sorted(IMPUTATION_METHODS))}")
        return cls(
            normalisation=tuple(normalisation or i.normalisation for i in tree.indicators),
            imputation=tuple(imputation or i.imputation for i in tree.indicators),
            outliers=tuple(i.outliers for i in tree.indicators),
        )

    @property
    def spans_region_years(self) -> bool:
        """True when one region-year's score depends on other region-years' values."""
        return (any(n in CROSS_REGION for n in self.normalisation)
                or any(m in RAW_IMPUTATIONS for m in self.imputation)
                or any(o is not None and o.over == "regions" for o in self.outliers))


@dataclass
class Run:
    """Per region-year (outer lists, in ``keys`` order) and per indicator (inner lists)."""

    values: list[list[float | None]]
    """Values as scored: after outlier treatment and previous-year imputation."""
    scores: list[list[float | None]]
    coverage: list[list[float]]
    imputed: list[list[str | None]]
    imputed_from: list[list[int | None]]
    winsorised: list[list[bool]]
    """The region-year's value was capped by an outlier treatment across regions."""
    references: list[Reference | None]
    """Per indicator: statistics over the run, for methods that compare region-years."""


def score_run(tree: Tree, keys: Sequence[RegionYear], combined: Sequence[Sequence[float | None]],
              config: Config) -> Run:
    """Treat, impute and normalise the combined values of every region-year."""
    count = len(tree.indicators)
    values = [list(row) for row in combined]
    measured = [[v is not None for v in row] for row in values]
    winsorised = [[False] * count for _ in values]
    imputed: list[list[str | None]] = [[None] * count for _ in values]
    imputed_from: list[list[int | None]] = [[None] * count for _ in values]

    for i, outliers in enumerate(config.outliers):
        if outliers is None or outliers.over != "regions":
            continue
        rows = [r for r, row in enumerate(values) if row[i] is not None]
        column = [values[r][i] for r in rows]
        treated, changed = OUTLIER_TREATMENTS[outliers.method](
            [v for v in column if v is not None], outliers.limits)
        if changed:
            for r, before, after in zip(rows, column, treated, strict=True):
                if before != after:
                    values[r][i] = after
                    winsorised[r][i] = True

    if any(m in RAW_IMPUTATIONS for m in config.imputation):
        _previous_year(keys, values, measured, imputed, imputed_from, config)

    references: list[Reference | None] = [None] * count
    for i, method in enumerate(config.normalisation):
        if method in CROSS_REGION:
            references[i] = reference(
                [v for row, seen in zip(values, measured, strict=True)
                 if seen[i] and (v := row[i]) is not None], tree.indicators[i])

    scale = tree.set.scale
    normalisers = [NORMALISERS[m] for m in config.normalisation]
    indicators = tree.indicators
    scores: list[list[float | None]] = []
    coverage: list[list[float]] = []
    for row in values:
        scores.append([None if v is None else normalisers[i](v, indicators[i], scale,
                                                             references[i])
                       for i, v in enumerate(row)])
        coverage.append([0.0 if v is None else 1.0 for v in row])

    sibling_methods = [(i, SIBLING_IMPUTERS[m]) for i, m in enumerate(config.imputation)
                       if m in SIBLING_IMPUTERS]
    if sibling_methods:
        for r, row_scores in enumerate(scores):
            filled: list[tuple[int, float]] = []
            for i, impute in sibling_methods:
                if row_scores[i] is not None:
                    continue
                known = [s for j in tree.siblings[i] if (s := row_scores[j]) is not None]
                if known:
                    filled.append((i, impute(known)))
            for i, score in filled:  # from measured siblings only, never from imputed ones
                row_scores[i] = score
                imputed[r][i] = config.imputation[i]
    return Run(values, scores, coverage, imputed, imputed_from, winsorised, references)


def _previous_year(keys: Sequence[RegionYear], values: list[list[float | None]],
                   measured: list[list[bool]], imputed: list[list[str | None]],
                   imputed_from: list[list[int | None]], config: Config) -> None:
    """Fill a missing value with the same region's value from its latest earlier year."""
    by_region: dict[str, list[tuple[int, int]]] = {}
    for r, (region, year) in enumerate(keys):
        if year is not None:
            by_region.setdefault(region, []).append((year, r))
    columns = [i for i, m in enumerate(config.imputation) if m == "previous-year"]
    for rows in by_region.values():
        rows.sort()
        for i in columns:
            last: tuple[int, float] | None = None
            for year, r in rows:
                value = values[r][i]
                if measured[r][i] and value is not None:
                    last = (year, value)
                elif last is not None:
                    values[r][i] = last[1]
                    imputed[r][i] = "previous-year"
                    imputed_from[r][i] = last[0]


def target_score(indicator: Indicator, method: str, scale: tuple[float, float],
                 ref: Reference | None) -> float | None:
    """The indicator's target as a score, normalised like its values (None without target)."""
    if indicator.target is None:
        return None
    if method in CROSS_REGION and ref is None:
        return None
    return NORMALISERS[method](indicator.target, indicator, scale, ref)
