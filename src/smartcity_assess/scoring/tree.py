"""The indicator tree flattened for repeated evaluation (bootstrap draws, Monte Carlo runs).

Indicators are nodes ``0 … I−1`` in set order; groups follow in post-order (children before
parents), the index last. :meth:`Tree.evaluate` performs exactly the floating-point operations
of the engine's aggregation rule, so a plain run and a replayed one agree to the last bit.
"""

from __future__ import annotations

from collections.abc import Sequence
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
                                    group.aggregation, group.min_coverage))
            number = count + len(groups) - 1
            for child_number in children:
                parent[child_number] = number
            return number

        pillars = [compile_group(p) for p in indicator_set.pillars]
        raw = tuple(p.weight for p in indicator_set.pillars)
        groups.append(GroupNode(None, tuple(pillars), raw, normalised(raw),
                                indicator_set.aggregation, indicator_set.min_coverage))
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
        sensitivity runs. A group's coverage is the weighted sum of its children's; below its
        ``min_coverage`` it is not assessed; otherwise its score aggregates the assessed children
        with their weights renormalised to sum 1.
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
        covered = sum(w * cov[c] for c, w in zip(children, weights, strict=True))
        assessed_scores: list[float] = []
        assessed_weights: list[float] = []
        for c, w in zip(children, weights, strict=True):
            s = out[c]
            if s is not None and w > 0:
                assessed_scores.append(s)
                assessed_weights.append(w)
        if not assessed_scores or covered + 1e-12 < self.groups[g].min_coverage:
            return None, covered
        total = sum(assessed_weights)
        return AGGREGATORS[method](assessed_scores,
                                   [w / total for w in assessed_weights]), covered
