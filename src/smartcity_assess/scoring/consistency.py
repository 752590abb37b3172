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


def consistency_items(tree: Tree) -> list[int]:
    """Positions (in ``tree.indicators``) of the Likert items of the groups that have two or
    more: the items Cronbach's alpha needs."""
    return sorted({tree.position[ind.id] for group in tree.set.groups()
                   if len(items := likert_items(group)) >= 2 for ind in items})


def consistency_by_region(tree: Tree, columns: Mapping[int, Column], regions: int,
                          respondents: int) -> list[dict[str, Consistency]]:
    """Alpha for every group with two or more Likert items below it, per region-year.

    ``columns`` are the Likert items' usable answers (by position in ``tree.indicators``) over
    ``regions`` region-years; ``respondents`` is the size of the run's respondent table. (To
    avoid holding every column, feed a :class:`ConsistencyBuilder` one column at a time.)
    """
    builder = ConsistencyBuilder(tree, regions, respondents)
    for i in builder.items:
        builder.add(i, columns[i])
    return builder.result()


class ConsistencyBuilder:
    """Cronbach's alpha of every group of a run, from the Likert items' answers given one
    item at a time (:meth:`add`), then :meth:`result`.

    An item with ``direction: lower`` is reverse-coded (lowest + highest level − answer) so
    that every item points the same way. Only respondents who answered every item of the
    group count (listwise deletion); answers need respondent ids, else nothing is computed
    for that region-year. A respondent who answers an item twice counts with the last answer.
    """

    def __init__(self, tree: Tree, regions: int, respondents: int) -> None:
        self.tree = tree
        self.regions = regions
        self.groups = [(group, items) for group in tree.set.groups()
                       if len(items := likert_items(group)) >= 2]
        self.items = consistency_items(tree)
        self.column_of = {i: c for c, i in enumerate(self.items)}
        self.width = max(respondents, 1)
        self.usable = np.zeros((len(self.items), regions), dtype=bool)
        """Per item and region-year: answered, every answer with its respondent's id."""
        self.region_of = np.full(self.width, -1, dtype=np.int64)
        """Respondent code → its region-year (while each respondent is in one)."""
        self.cells: FloatArray | None = np.full((self.width, len(self.items)), np.nan) \
            if self.groups else None
        """A row per respondent code, a column per item (NaN: not answered); None once a
        respondent turns up in two region-years (then :attr:`keyed` holds the answers)."""
        self.keyed: list[tuple[int, IntArray, FloatArray]] = []
        """(item column, region-year × width + respondent, value) of every answer."""

    def add(self, i: int, column: Column) -> None:
        """The usable answers of item ``i`` (a position in ``tree.indicators``)."""
        c = self.column_of[i]
        ind = self.tree.indicators[i]
        n = np.diff(column.starts)
        self.usable[c] = column.identified & (n > 0)
        group = np.repeat(np.arange(self.regions), n)
        respondent = column.respondents.astype(np.int64)
        value = column.values
        if ind.direction == "lower":
            levels = ind.level_values() or (int(ind.goalposts[0]), int(ind.goalposts[1]))
            value = (levels[0] + levels[-1]) - value
        known = respondent >= 0
        if not known.all():  # their region-years are not usable: leave them out
            group, respondent, value = group[known], respondent[known], value[known]
        key = group * self.width + respondent
        repeated = _repeats(respondent, self.width)  # (no code twice: no key twice)
        if repeated and _repeats(key):  # a respondent twice: the last answer counts
            _, last = np.unique(key[::-1], return_index=True)
            keep = np.sort(len(key) - 1 - last)
            group, respondent, value, key = (group[keep], respondent[keep], value[keep],
                                             key[keep])
            repeated = _repeats(respondent, self.width)
        if self.cells is not None:
            seen = self.region_of[respondent]
            if ((seen != -1) & (seen != group)).any() or repeated:
                self._to_keys()  # (after the dedupe above, a code twice is in two groups)
            else:
                self.region_of[respondent] = group
                self.cells[respondent, c] = value
                return
        self.keyed.append((c, key, value))

    def _to_keys(self) -> None:
        """A respondent code in two region-years: from now on, a row per (region-year,
        respondent) pair."""
        assert self.cells is not None
        for c in range(self.cells.shape[1]):
            rows = np.flatnonzero(~np.isnan(self.cells[:, c]))
            if len(rows):
                self.keyed.append((c, self.region_of[rows] * self.width + rows,
                                   self.cells[rows, c]))
        self.cells = None

    def _matrix(self) -> tuple[FloatArray, IntArray]:
        """(answers: a row per respondent, a column per item; each row's region-year), the
        rows in region-year order."""
        if self.cells is not None:
            answered = np.flatnonzero(self.region_of >= 0)
            order = answered[np.argsort(self.region_of[answered], kind="stable")]
            cells, region = self.cells[order], self.region_of[order]
            self.cells = None
            return cells, region
        every = np.concatenate([key for _, key, _ in self.keyed]) if self.keyed else \
            np.empty(0, dtype=np.int64)
        found, inverse = np.unique(every, return_inverse=True)  # sorted: by region-year
        cells = np.full((len(found), len(self.items)), np.nan)
        at = 0
        for c, key, value in self.keyed:
            cells[inverse[at:at + len(key)], c] = value
            at += len(key)
        return cells, found // self.width

    def result(self) -> list[dict[str, Consistency]]:
        """Per region-year: group id → its consistency (groups without one left out)."""
        out: list[dict[str, Consistency]] = [{} for _ in range(self.regions)]
        if not self.groups:
            return out
        cells, region = self._matrix()
        for group, items in self.groups:
            found = self._group(cells, region, [self.column_of[self.tree.position[ind.id]]
                                                for ind in items])
            for r, (alpha, n, pairs) in found.items():
                out[r][group.id] = Consistency(
                    alpha=alpha, n=n, items=tuple(ItemTotal(ind.id, r_item, a)
                                                  for ind, (r_item, a) in zip(
                                                      items, pairs, strict=True)))
        return out

    def _group(self, cells: FloatArray, region: IntArray, cols: Sequence[int]
               ) -> dict[int, tuple[float | None, int, list[tuple[float | None, float | None]]]]:
        """(alpha, respondents, per item (r, alpha if deleted)) per region-year that has one."""
        sub = cells.T[list(cols)]  # a row per item (sums over items run along whole rows)
        complete = ~np.isnan(sub).any(axis=0)
        x = sub[:, complete]  # respondents in region-year order, as the matrix's
        rows_region = region[complete]
        n = np.bincount(rows_region, minlength=self.regions)[:self.regions]
        eligible = (n >= MIN_RESPONDENTS) & self.usable[cols].all(axis=0)
        out: dict[int, tuple[float | None, int, list[tuple[float | None, float | None]]]] = {}
        if not eligible.any():
            return out
        k = len(cols)
        top = float(np.abs(x).max()) if x.size else 0.0
        whole = (bool(np.array_equal(x, np.rint(x)))
                 and top * top * k * k * x.shape[1] < EXACT)
        if not whole:
            for r in np.flatnonzero(eligible).tolist():
                rows = x[:, rows_region == r].T.tolist()
                out[r] = (cronbach_alpha(rows), len(rows), item_totals(rows))
            return out
        moments = _Moments(rows_region, self.regions, x)
        for r in np.flatnonzero(eligible).tolist():
            out[r] = moments.consistency(r, k)
        return out


def _repeats(key: IntArray, below: int | None = None) -> bool:
    """True when a key occurs more than once (``below``: every key is under it)."""
    if below is not None and below <= 4 * len(key) + 4096:  # counted, not sorted
        return bool(len(key)) and int(np.bincount(key, minlength=below).max()) > 1
    ordered = np.sort(key)
    return bool((ordered[1:] == ordered[:-1]).any())


class _Moments:
    """Per region-year sums of the items, the total, their squares and products (exact)."""

    def __init__(self, region: IntArray, regions: int, x: FloatArray) -> None:
        """``x``: a row per item, a column per respondent (sorted by region-year)."""
        k = x.shape[0]
        # With a row of ones under the items, one product per region-year gives every sum:
        # [x; 1]·[x; 1]ᵀ holds Σ xᵢxⱼ, Σ xᵢ and n (whole numbers below 2**53: exact in any
        # order). Σ x·total is a row's sum of Σ xᵢxⱼ, Σ total² the sum of them all.
        extended = np.vstack([x, np.ones((1, x.shape[1]))])
        starts = np.searchsorted(region, np.arange(regions + 1)).tolist()
        self.n = [b - a for a, b in zip(starts[:-1], starts[1:], strict=True)]
        self.s1: list[list[int]] = [[0] * regions for _ in range(k)]
        self.s2: list[list[int]] = [[0] * regions for _ in range(k)]
        self.sxt: list[list[int]] = [[0] * regions for _ in range(k)]
        self.st = [0] * regions
        self.st2 = [0] * regions
        for r in range(regions):
            a, b = starts[r], starts[r + 1]
            if a == b:
                continue
            part = extended[:, a:b]
            products: list[list[int]] = (part @ part.T).astype(np.int64).tolist()
            for j in range(k):
                row = products[j]
                self.s1[j][r] = row[k]
                self.s2[j][r] = row[j]
                self.sxt[j][r] = sum(row[:k])
            self.st[r] = sum(products[k][:k])
            self.st2[r] = sum(sum(row[:k]) for row in products[:k])

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
            if sxx > 0 and syy > 0:  # int / int: the exactly rounded quotient
                r_item = (sxy / n) / math.sqrt((sxx / n) * (syy / n))
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
