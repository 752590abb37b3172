"""Internal consistency of Likert items: Cronbach's alpha and corrected item–total correlations.

Needs respondent-level data (a respondent's answers to several items), i.e. survey answers
with respondent ids. Formulas: docs/methods.md, section 6.

:func:`cronbach_alpha` and :func:`item_totals` are the definitions, on a matrix of rows.
:func:`consistency_by_region` computes them for every group and region-year of a run at once:
with whole-number answers (Likert levels always are) from the sums of the items, their squares
and their products with the total, in exact integer arithmetic, so that every variance and
correlation is the exactly rounded value of its formula; other answers go through the
definitions region-year by region-year.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

import numpy as np

from ..indicators.model import Group, Indicator
from .columns import Column
from .grouped import EXACT, FloatArray, IntArray
from .results import Consistency, ItemTotal
from .stats import pearson, variance
from .tree import Tree

MIN_RESPONDENTS = 3
"""Fewer respondents with every item answered: no alpha (two points always correlate ±1)."""


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """α = k/(k−1) · (1 − Σ var(item) / var(total)), sample variances; rows are respondents.

    None with fewer than two items or two respondents, or when the total has no variance.
    """
    if not rows:
        return None
    k = len(rows[0])
    if k < 2 or len(rows) < 2:
        return None
    items = [variance([row[j] for row in rows]) for j in range(k)]
    total = variance([math.fsum(row) for row in rows])
    return _alpha(k, items, total)


def _alpha(k: int, items: Sequence[float | None], total: float | None) -> float | None:
    if total is None or total <= 0 or any(v is None for v in items):
        return None
    return k / (k - 1) * (1 - math.fsum(v for v in items if v is not None) / total)


def item_totals(rows: Sequence[Sequence[float]]) -> list[tuple[float | None, float | None]]:
    """Per item: (corrected item–total correlation, alpha if the item is deleted)."""
    k = len(rows[0]) if rows else 0
    out = []
    for j in range(k):
        item = [row[j] for row in rows]
        rest = [math.fsum(row) - row[j] for row in rows]
        without = [[v for c, v in enumerate(row) if c != j] for row in rows]
        out.append((pearson(item, rest), cronbach_alpha(without) if k >= 3 else None))
    return out


def likert_items(group: Group) -> list[Indicator]:
    """The Likert items below a group, in set order."""
    return [ind for ind in group.indicators() if ind.type == "likert"]


def consistency_by_region(tree: Tree, columns: Mapping[int, Column], regions: int
                          ) -> list[dict[str, Consistency]]:
    """Alpha for every group with two or more Likert items below it, per region-year.

    ``columns`` are the Likert items' usable answers (by position in ``tree.indicators``) over
    ``regions`` region-years. An item with ``direction: lower`` is reverse-coded (lowest +
    highest level − answer) so that every item points the same way. Only respondents who
    answered every item of the group count (listwise deletion); answers need respondent ids,
    else nothing is computed for that region-year.
    """
    out: list[dict[str, Consistency]] = [{} for _ in range(regions)]
    groups = [(group, likert_items(group)) for group in tree.set.groups()]
    groups = [(group, items) for group, items in groups if len(items) >= 2]
    if not groups:
        return out
    likert = sorted({tree.position[ind.id] for _, items in groups for ind in items})
    matrix = _Matrix(tree, columns, likert, regions)
    for group, items in groups:
        found = matrix.group([tree.position[ind.id] for ind in items])
        for region, (alpha, n, pairs) in found.items():
            out[region][group.id] = Consistency(
                alpha=alpha, n=n, items=tuple(ItemTotal(ind.id, r, a)
                                              for ind, (r, a) in zip(items, pairs, strict=True)))
    return out


class _Matrix:
    """Every respondent of the run (a row per region-year and respondent) × the Likert items
    (a column each, NaN where not answered)."""

    def __init__(self, tree: Tree, columns: Mapping[int, Column], likert: Sequence[int],
                 regions: int) -> None:
        self.regions = regions
        self.column_of = {i: c for c, i in enumerate(likert)}
        keys: list[IntArray] = []
        values: list[FloatArray] = []
        self.usable = np.zeros((len(likert), regions), dtype=bool)
        """Per item and region-year: answered, every answer with its respondent's id."""
        width = 1 + max((int(columns[i].respondents.max()) for i in likert
                         if len(columns[i].respondents)), default=0)
        region_of = np.full(width, -1, dtype=np.int64)
        """Respondent code → its region-year (−2: in more than one)."""
        for i in likert:
            column = columns[i]
            ind = tree.indicators[i]
            n = np.diff(column.starts)
            self.usable[self.column_of[i]] = column.identified & (n > 0)
            group = np.repeat(np.arange(regions), n)
            respondent = column.respondents
            value = column.values
            if ind.direction == "lower":
                levels = ind.level_values() or (int(ind.goalposts[0]), int(ind.goalposts[1]))
                value = (levels[0] + levels[-1]) - value
            known = respondent >= 0
            if not known.all():  # their region-years are not usable: leave them out
                group, respondent, value = group[known], respondent[known], value[known]
            key = group * width + respondent
            if _repeats(key):  # a respondent twice: the last answer counts
                _, last = np.unique(key[::-1], return_index=True)
                keep = np.sort(len(key) - 1 - last)
                group, respondent, value, key = (group[keep], respondent[keep], value[keep],
                                                 key[keep])
            seen = region_of[respondent]
            region_of[respondent] = np.where((seen == -1) | (seen == group), group, -2)
            keys.append(key)
            values.append(value)
        self.width = width
        if not (region_of == -2).any():
            # every respondent in one region-year: a row per respondent code
            self.region = region_of
            rows = [key % width for key in keys]
        else:
            every = np.concatenate(keys) if keys else np.empty(0, dtype=np.int64)
            found, inverse = np.unique(every, return_inverse=True)
            self.region = found // width
            bounds = np.cumsum([0, *(len(key) for key in keys)])
            rows = [inverse[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
        self.cells = np.full((len(self.region), len(likert)), np.nan)
        for c, (row, value) in enumerate(zip(rows, values, strict=True)):
            self.cells[row, c] = value

    def group(self, items: Sequence[int]) -> dict[int, tuple[float | None, int,
                                                          list[tuple[float | None,
                                                                     float | None]]]]:
        """(alpha, respondents, per item (r, alpha if deleted)) per region-year that has one."""
        cols = [self.column_of[i] for i in items]
        sub = self.cells[:, cols]
        complete = ~np.isnan(sub).any(axis=1)
        x = sub[complete]
        region = self.region[complete]
        n = np.bincount(region, minlength=self.regions)[:self.regions]
        eligible = (n >= MIN_RESPONDENTS) & self.usable[cols].all(axis=0)
        out: dict[int, tuple[float | None, int, list[tuple[float | None, float | None]]]] = {}
        if not eligible.any():
            return out
        k = len(cols)
        whole = bool(np.array_equal(x, np.rint(x))) and (
            not len(x) or float(np.abs(x).max()) * k * k * len(x) * float(np.abs(x).max())
            < EXACT)
        if not whole:
            for r in np.flatnonzero(eligible).tolist():
                rows = x[region == r].tolist()
                alpha = cronbach_alpha(rows)
                out[r] = (alpha, len(rows), item_totals(rows))
            return out
        total = x.sum(axis=1)
        moments = _Moments(region, self.regions, x, total)
        for r in np.flatnonzero(eligible).tolist():
            out[r] = moments.consistency(r, k)
        return out


def _repeats(key: IntArray) -> bool:
    """True when a key occurs more than once."""
    ordered = np.sort(key)
    return bool((ordered[1:] == ordered[:-1]).any())


class _Moments:
    """Per region-year sums of the items, the total, their squares and products (exact)."""

    def __init__(self, region: IntArray, regions: int, x: FloatArray, total: FloatArray
                 ) -> None:
        def by_region(weights: FloatArray) -> list[int]:
            sums = np.bincount(region, weights=weights, minlength=regions)
            return [int(v) for v in sums.tolist()]

        k = x.shape[1]
        self.n = np.bincount(region, minlength=regions).tolist()
        self.s1 = [by_region(x[:, j]) for j in range(k)]
        self.s2 = [by_region(x[:, j] * x[:, j]) for j in range(k)]
        self.st = by_region(total)
        self.st2 = by_region(total * total)
        self.sxt = [by_region(x[:, j] * total) for j in range(k)]

    def consistency(self, r: int, k: int
                    ) -> tuple[float | None, int, list[tuple[float | None, float | None]]]:
        n = self.n[r]
        items = [_variance(n, self.s1[j][r], self.s2[j][r]) for j in range(k)]
        alpha = _alpha(k, items, _variance(n, self.st[r], self.st2[r]))
        pairs: list[tuple[float | None, float | None]] = []
        for j in range(k):
            x1, x2 = self.s1[j][r], self.s2[j][r]
            y1 = self.st[r] - x1                                     # Σ rest
            y2 = self.st2[r] - 2 * self.sxt[j][r] + x2               # Σ rest²
            xy = self.sxt[j][r] - x2                                 # Σ item · rest
            sxx, syy = n * x2 - x1 * x1, n * y2 - y1 * y1           # n × Σ deviations²
            sxy = n * xy - x1 * y1
            r_item = None
            if sxx > 0 and syy > 0:
                r_item = float(Fraction(sxy, n)) / math.sqrt(
                    float(Fraction(sxx, n)) * float(Fraction(syy, n)))
            deleted = None
            if k >= 3:
                deleted = _alpha(k - 1, [v for c, v in enumerate(items) if c != j],
                                 _variance(n, y1, y2))
            pairs.append((r_item, deleted))
        return alpha, n, pairs


def _variance(n: int, s1: int, s2: int) -> float | None:
    """Sample variance (n − 1) of whole numbers from their sum and sum of squares, exactly
    rounded; None for fewer than two."""
    if n < 2:
        return None
    return (n * s2 - s1 * s1) / (n * (n - 1))
