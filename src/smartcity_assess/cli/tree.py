"""An indicator set drawn as a Rich tree (for ``criteria show``)."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from ..indicators.model import Group, Indicator, IndicatorSet
from ..numbers import format_number


def indicator_tree(iset: IndicatorSet, lang: str) -> Tree:
    """Pillars, dimensions and indicators with weights, types, goalposts and targets."""
    scale = f"{iset.scale[0]:g}–{iset.scale[1]:g}"
    root = Tree(Text.assemble((iset.title.get(lang), "bold"),
                              f"  {iset.id} {iset.version} · scale {scale} · "
                              f"{iset.aggregation} · {len(list(iset.indicators()))} indicators"))
    if iset.bands:
        bands = ", ".join(f"{b.label.get(lang)} ≥ {format_number(b.lower, lang, 1)}"
                          for b in iset.bands)
        root.add(Text(f"bands: {bands}", style="dim"))
    for pillar in iset.pillars:
        _add(root, pillar, lang)
    return root


def _add(parent: Tree, node: Group | Indicator, lang: str) -> None:
    if isinstance(node, Group):
        branch = parent.add(Text.assemble((node.title.get(lang), "bold"),
                                          f"  [{node.id}] weight {node.weight:g}"
                                          f" · {node.aggregation}"))
        for child in node.children:
            _add(branch, child, lang)
        return
    low, high = node.goalposts
    detail = f"  [{node.id}] {node.type}, goalposts {low:g}–{high:g}"
    if node.direction == "lower":
        detail += " (lower is better)"
    if node.target is not None:
        detail += f", target {node.target:g}"
    if node.weight != 1:
        detail += f", weight {node.weight:g}"
    parent.add(Text.assemble(node.title.get(lang), (detail, "dim")))
