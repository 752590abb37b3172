"""Internal consistency of Likert items: Cronbach's alpha and corrected item–total correlations.

Needs respondent-level data (a respondent's answers to several items), i.e. survey answers
with respondent ids. Formulas: docs/methods.md, section 6.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..indicators.model import Group, Indicator
from ..survey.data import RegionData
from .combine import usable_answers
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


def _likert_items(group: Group) -> list[Indicator]:
    return [ind for ind in group.indicators() if ind.type == "likert"]


def group_consistency(tree: Tree, data: RegionData) -> dict[str, Consistency]:
    """Alpha for every group with two or more Likert items below it, by group id.

    An item with ``direction: lower`` is reverse-coded (lowest + highest level − answer) so
    that every item points the same way. Only respondents who answered every item of the group
    count (listwise deletion); answers need respondent ids, else nothing is computed.
    """
    role_weights = dict(tree.set.role_weights)
    per_item: dict[str, dict[str, float]] = {}

    def answers_of(ind: Indicator) -> dict[str, float] | None:
        if ind.id in per_item:
            return per_item[ind.id]
        answers = data.answers.get(ind.id)
        if answers is None or len(answers.respondents) != len(answers.values):
            return None
        values, _, positions = usable_answers(ind, answers, role_weights)
        ids = answers.respondents if positions is None else [answers.respondents[p]
                                                             for p in positions]
        levels = ind.level_values() or (int(ind.goalposts[0]), int(ind.goalposts[1]))
        flip = levels[0] + levels[-1]
        found = {rid: (flip - v if ind.direction == "lower" else v)
                 for rid, v in zip(ids, values, strict=True)}
        per_item[ind.id] = found
        return found

    out: dict[str, Consistency] = {}
    for group in tree.set.groups():
        items = _likert_items(group)
        if len(items) < 2:
            continue
        columns = [answers_of(ind) for ind in items]
        if any(c is None or not c for c in columns):
            continue
        present = [c for c in columns if c is not None]
        complete = sorted(set.intersection(*(set(c) for c in present)))
        if len(complete) < MIN_RESPONDENTS:
            continue
        rows = [[c[rid] for c in present] for rid in complete]
        totals = item_totals(rows)
        out[group.id] = Consistency(
            alpha=cronbach_alpha(rows), n=len(rows),
            items=tuple(ItemTotal(ind.id, r, a)
                        for ind, (r, a) in zip(items, totals, strict=True)))
    return out
