"""The indicator tree flattened for repeated evaluation (bootstrap draws, Monte Carlo runs).

Indicators are nodes ``0 … I−1`` in set order; groups follow in post-order (children before
parents), the index last. :meth:`Tree.evaluate` performs exactly the floating-point operations
of the engine's aggregation rule, so a plain run and a replayed one agree to the last bit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..indicators.model import Group, Indicator, IndicatorSet
from .aggregate import AGGREGATORS


@dataclass(frozen=True)
class GroupNode:
    """One group (or the index, ``group`` None) with its children's node numbers."""

    group: Group | None
    children: tuple[int, ...]
    raw_weights: tuple[float, ...]
    weights: tuple[float, ...]
    """Children's weights normalised to sum 1 (0 for all when they sum to 0)."""
    aggregation: str
    min_coverage: float
    floor: float | None = None
    """``geometric_floor``: for a geometric mean, child scores below it are raised to it."""


def normalised(raw: Sequence[float]) -> tuple[float, ...]:
    """Weights divided by their sum (the engine's rule; all 0 when the sum is 0)."""
    total = sum(raw)
    return tuple(w / total if total > 0 else 0.0 for w in raw)


class Tree:
    """A compiled indicator set."""

    def __init__(self, indicator_set: IndicatorSet) -> None:
        self.set = indicator_set
        self.indicators: tuple[Indicator, ...] = tuple(indicator_set.indicators())
        self.position: dict[str, int] = {ind.id: i for i, ind in enumerate(self.indicators)}
        groups: list[GroupNode] = []
        parent: dict[int, int] = {}
        count = len(self.indicators)

        def compile_group(group: Group) -> int:
            children: list[int] = []
            for child in group.children:
                if isinstance(child, Group):
                    children.append(compile_group(child))
                else:
                    children.append(self.position[child.id])
            raw = tuple(child.weight for child in group.children)
            groups.append(GroupNode(group, tuple(children), raw, normalised(raw),
                                    group.aggregation, group.min_coverage,
                                    group.geometric_floor))
            number = count + len(groups) - 1
            for child_number in children:
                parent[child_number] = number
            return number

        pillars = [compile_group(p) for p in indicator_set.pillars]
        raw = tuple(p.weight for p in indicator_set.pillars)
        groups.append(GroupNode(None, tuple(pillars), raw, normalised(raw),
                                indicator_set.aggregation, indicator_set.min_coverage,
                                indicator_set.geometric_floor))
        self.groups: tuple[GroupNode, ...] = tuple(groups)
        self.size = count + len(groups)
        self.root = self.size - 1
        self.parent = parent
        self.node_of_group: dict[str, int] = {
            node.group.id: count + g for g, node in enumerate(groups) if node.group is not None}
        siblings: list[tuple[int, ...]] = []
        for i in range(count):
            node = groups[parent[i] - count]
            siblings.append(tuple(c for c in node.children if c < count and c != i))
        self.siblings: tuple[tuple[int, ...], ...] = tuple(siblings)
        """Per indicator: the other indicators of its group."""

    def evaluate(self, scores: Sequence[float | None], coverage: Sequence[float],
                 weights: Sequence[Sequence[float]] | None = None,
                 index_aggregation: str | None = None
                 ) -> tuple[list[float | None], list[float]]:
        """Scores and coverages of every node from the indicators' scores and coverages.

        ``weights`` (per group, normalised) and ``index_aggregation`` replace the set's for
        sensitivity runs. A group's coverage is the weighted sum of the coverages of its
        *assessed* children (a child without a score contributes nothing: coverage is the
        weight share of what the score is made of); below its ``min_coverage`` it is not
        assessed; otherwise its score aggregates the assessed children with their weights
        renormalised to sum 1.
        """
        count = len(scores)
        out: list[float | None] = [*scores, *([None] * len(self.groups))]
        cov: list[float] = [*coverage, *([0.0] * len(self.groups))]
        last = len(self.groups) - 1
        node_score = self.node_score
        for g, node in enumerate(self.groups):
            method = index_aggregation if (g == last and index_aggregation) else node.aggregation
            out[count + g], cov[count + g] = node_score(
                g, out, cov, node.weights if weights is None else weights[g], method)
        return out, cov

    def node_score(self, g: int, out: Sequence[float | None], cov: Sequence[float],
                   weights: Sequence[float], method: str) -> tuple[float | None, float]:
        """(score, coverage) of group ``g`` from its children's entries in ``out``/``cov``."""
        children = self.groups[g].children
        covered = sum(w * cov[c] for c, w in zip(children, weights, strict=True)
                      if out[c] is not None)
        assessed_scores: list[float] = []
        assessed_weights: list[float] = []
        for c, w in zip(children, weights, strict=True):
            s = out[c]
            if s is not None and w > 0:
                assessed_scores.append(s)
                assessed_weights.append(w)
        if not assessed_scores or covered + 1e-12 < self.groups[g].min_coverage:
            return None, covered
        if method == "geometric":
            floor = self.groups[g].floor
            if floor is not None:
                assessed_scores = [max(s, floor) for s in assessed_scores]
            elif min(assessed_scores) <= 0:  # the log of 0 or less: refused, not 0
                return None, covered
        total = sum(assessed_weights)
        return AGGREGATORS[method](assessed_scores,
                                   [w / total for w in assessed_weights]), covered


def weight_arrays(tree: Tree, weight_sets: Sequence[Sequence[Sequence[float]]]
                  ) -> list[npt.NDArray[np.float64]]:
    """Per group: the children's weights in every draw, as an array (draws × children)."""
    return [np.array([draw[g] for draw in weight_sets], dtype=np.float64).reshape(
        len(weight_sets), len(node.children)) for g, node in enumerate(tree.groups)]


def evaluate_draws(tree: Tree, scores: Sequence[float | None], coverage: Sequence[float],
                   weights: Sequence[npt.NDArray[np.float64]], root_methods: Sequence[str]
                   ) -> tuple[npt.NDArray[np.float64], dict[str, npt.NDArray[np.float64]]]:
    """One indicator vector under many weight sets at once (numpy; the sensitivity
    analysis): the rule of :meth:`Tree.evaluate` draw by draw, for arithmetic and geometric
    means (floors and refusals included), not bit-identical to it.

    ``weights``: per group, draws × children (:func:`weight_arrays`). Returns (the pillars'
    scores, draws × pillars; per root method, the index in every draw), NaN: not assessed.
    """
    draws = len(weights[0]) if weights else 0
    values: list[npt.NDArray[np.float64]] = [
        np.full(draws, math.nan if s is None else s) for s in scores]
    covers: list[npt.NDArray[np.float64]] = [np.full(draws, c) for c in coverage]
    groups = tree.groups
    last = len(groups) - 1

    def mean(g: int, method: str) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        node = groups[g]
        child_values = np.column_stack([values[c] for c in node.children])
        child_cover = np.column_stack([covers[c] for c in node.children])
        w = weights[g]
        assessed = ~np.isnan(child_values)
        covered = (w * np.where(assessed, child_cover, 0.0)).sum(axis=1)
        present = assessed & (w > 0)
        total = np.where(present, w, 0.0).sum(axis=1)
        filled = np.where(present, child_values, 1.0)
        refused: npt.NDArray[np.bool_] = np.zeros(draws, dtype=bool)
        if method == "arithmetic":
            with np.errstate(invalid="ignore", divide="ignore"):
                out = np.where(present, w * filled, 0.0).sum(axis=1) / total
        elif method == "geometric":
            if node.floor is not None:
                filled = np.maximum(filled, node.floor)
            refused = np.asarray((present & (filled <= 0)).any(axis=1), dtype=bool)
            logs = np.log(np.where(present & (filled > 0), filled, 1.0))
            with np.errstate(invalid="ignore", divide="ignore"):
                out = np.exp(np.where(present, w * logs, 0.0).sum(axis=1) / total)
        else:
            raise ValueError(f"no vectorised aggregation {method!r}")
        bad = (total <= 0) | (covered + 1e-12 < node.min_coverage) | refused
        return np.where(bad, math.nan, out), covered

    for g in range(last):
        value, cover = mean(g, groups[g].aggregation)
        values.append(value)
        covers.append(cover)
    pillars = np.column_stack([values[c] for c in groups[last].children])
    return pillars, {method: mean(last, method)[0] for method in root_methods}
