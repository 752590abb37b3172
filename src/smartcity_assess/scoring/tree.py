"""The indicator tree flattened for repeated evaluation (bootstrap draws, Monte Carlo runs).

Indicators are nodes ``0 … I−1`` in set order; groups follow in post-order (children before
parents), the index last. :meth:`Tree.evaluate` performs exactly the floating-point operations
of the engine's aggregation rule, so a plain run and a replayed one agree to the last bit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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

    def evaluate_many(self, scores: Sequence[float | None], coverage: Sequence[float],
                      weight_sets: Sequence[Sequence[Sequence[float]]],
                      root_methods: Sequence[str]
                      ) -> tuple[list[list[float | None]], list[list[float | None]]]:
        """One indicator vector under many weight sets (a Monte Carlo), fast.

        Returns (per draw: the pillars' scores, per draw: the index under each of
        ``root_methods``). Arithmetic and geometric means are computed inline, in one pass
        over the children (the same rule as :meth:`evaluate`, not bit-identical to it); other
        aggregations go through the registry.
        """
        count = len(scores)
        groups = self.groups
        last = len(groups) - 1
        plans = [(g, node.children, node.min_coverage, node.aggregation, node.floor)
                 for g, node in enumerate(groups[:-1])]
        root = groups[last]
        log = math.log
        exp = math.exp
        pillars_out: list[list[float | None]] = []
        roots_out: list[list[float | None]] = []
        base_scores = list(scores) + [None] * len(groups)
        base_cov = list(coverage) + [0.0] * len(groups)
        for weights in weight_sets:
            out = base_scores[:]
            cov = base_cov[:]
            for g, children, min_coverage, method, floor in plans:
                out[count + g], cov[count + g] = _mean(
                    children, weights[g], out, cov, min_coverage, method, floor, log, exp)
            pillars_out.append([out[c] for c in root.children])
            roots_out.append([_mean(root.children, weights[last], out, cov, root.min_coverage,
                                    method, root.floor, log, exp)[0]
                              for method in root_methods])
        return pillars_out, roots_out


def _mean(children: Sequence[int], weights: Sequence[float], out: Sequence[float | None],
          cov: Sequence[float], min_coverage: float, method: str, floor: float | None,
          log: Callable[[float], float], exp: Callable[[float], float]
          ) -> tuple[float | None, float]:
    covered = 0.0
    total = 0.0
    acc = 0.0
    zero = False
    found: list[tuple[float, float]] | None = None
    generic = method not in ("arithmetic", "geometric")
    for c, w in zip(children, weights, strict=True):
        s = out[c]
        if s is None:
            continue
        covered += w * cov[c]
        if w <= 0:
            continue
        total += w
        if generic:
            found = found or []
            found.append((s, w))
        elif method == "arithmetic":
            acc += w * s
        else:
            if floor is not None and s < floor:
                s = floor
            if s <= 0:
                zero = True
            else:
                acc += w * log(s)
    if total <= 0 or covered + 1e-12 < min_coverage or zero:
        return None, covered
    if generic:
        assert found is not None
        return AGGREGATORS[method]([s for s, _ in found], [w / total for _, w in found]), covered
    if method == "arithmetic":
        return acc / total, covered
    return exp(acc / total), covered
