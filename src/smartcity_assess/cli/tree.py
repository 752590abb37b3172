"""An indicator set drawn as a Rich tree (for ``criteria show``)."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from ..indicators.model import Group, Indicator, IndicatorSet
from ..messages import text, tr
from ..messages.keys import AGGREGATION_KEYS, TYPE_KEYS
from ..numbers import format_number


def indicator_tree(iset: IndicatorSet, lang: str) -> Tree:
    """Pillars, dimensions and indicators with weights, types, goalposts and targets."""
    scale = f"{iset.scale[0]:g}–{iset.scale[1]:g}"
    root = Tree(Text.assemble((iset.title.get(lang), "bold"), "  " + tr(
        "tree_set", lang, set=f"{iset.id} {iset.version}", scale=scale,
        aggregation=text(AGGREGATION_KEYS[iset.aggregation], lang),
        n=len(list(iset.indicators())))))
    if iset.bands:
        bands = ", ".join(f"{b.label.get(lang)} ≥ {format_number(b.lower, lang, 1)}"
                          for b in iset.bands)
        root.add(Text(tr("tree_bands", lang, bands=bands), style="dim"))
    for pillar in iset.pillars:
        _add(root, pillar, lang)
    return root


def _add(parent: Tree, node: Group | Indicator, lang: str) -> None:
    if isinstance(node, Group):
        branch = parent.add(Text.assemble((node.title.get(lang), "bold"), "  " + tr(
            "tree_group", lang, id=node.id, weight=f"{node.weight:g}",
            aggregation=text(AGGREGATION_KEYS[node.aggregation], lang))))
        for child in node.children:
            _add(branch, child, lang)
        return
    low, high = node.goalposts
    detail = "  " + tr("tree_indicator", lang, id=node.id, type=text(TYPE_KEYS[node.type], lang),
                       low=f"{low:g}", high=f"{high:g}")
    if node.direction == "lower":
        detail += f" ({text('direction_lower', lang)})"
    if node.target is not None:
        detail += ", " + tr("tree_target", lang, target=f"{node.target:g}")
    if node.weight != 1:
        detail += ", " + tr("tree_weight", lang, weight=f"{node.weight:g}")
    parent.add(Text.assemble(node.title.get(lang), (detail, "dim")))
