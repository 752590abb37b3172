"""Crosswalk views: a region's indicator scores read by another framework's grouping.

An indicator set may map each indicator onto other frameworks (``crosswalk:`` in the set, e.g.
``kominfo: governance``). A *view* regroups the indicator scores of one result by one of those
keys, without touching the set's own tree or the index. Formula (docs/methods.md, "Crosswalk
views"): for a group $g$ of the view,

    score_g    = Σ_{i ∈ g, assessed} e_i s_i / Σ_{i ∈ g, assessed} e_i
    coverage_g = Σ_{i ∈ g, assessed} e_i / Σ_{i ∈ g} e_i

where $e_i$ is indicator $i$'s effective weight in the index (the product of its normalised
weights along the path) and $s_i$ its score. Each indicator keeps the influence the set gives
it, renormalised within its view group, so with arithmetic aggregation and full coverage the
view groups, weighted by their share of the index, average back to the index. A group whose
coverage is below the set's ``min_coverage`` is not assessed, as in the tree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..indicators.model import Band, IndicatorSet
from ..indicators.vocabulary import CROSSWALK_KEYS, crosswalk_groups, group_title
from ..text import Text
from .results import RegionResult


@dataclass(frozen=True)
class ViewGroup:
    """One group of a view (e.g. the Kominfo dimension ``governance``) for one region-year."""

    id: str
    title: Text
    score: float | None
    """Effective-weight mean of the group's assessed indicator scores (None: not assessed)."""
    coverage: float
    """Share (0–1) of the group's effective weight that is assessed (0 without indicators)."""
    weight: float
    """The group's share of the index: the sum of its indicators' effective weights."""
    band: Band | None
    indicators: tuple[str, ...]
    """Ids of the indicators in the group, in set order."""


@dataclass(frozen=True)
class View:
    """All groups of one crosswalk for one region-year."""

    key: str
    """The crosswalk key (``kominfo``, ``spbe``, ``imdi``, ``iso37122``, ``u4ssc``)."""
    groups: tuple[ViewGroup, ...]
    unmapped: tuple[str, ...]
    """Indicators of the set without a value for this key (not in any group)."""


def view_keys(indicator_set: IndicatorSet) -> tuple[str, ...]:
    """Crosswalk keys used by at least one indicator of the set, in the format's order."""
    used = {key for ind in indicator_set.indicators() for key, _ in ind.crosswalk}
    return tuple(key for key in CROSSWALK_KEYS if key in used)


def indicators_by_group(indicator_set: IndicatorSet, key: str) -> dict[str, tuple[str, ...]]:
    """Indicator ids per group of crosswalk ``key``, groups in display order (every Kominfo
    dimension and IMDI pillar appears, empty or not)."""
    members: dict[str, list[str]] = {}
    for ind in indicator_set.indicators():
        value = ind.crosswalk_value(key)
        if value is not None:
            members.setdefault(value, []).append(ind.id)
    return {group: tuple(members.get(group, ()))
            for group in crosswalk_groups(key, list(members))}


def actions_by_group(indicator_set: IndicatorSet, key: str) -> dict[str, tuple[str, ...]]:
    """Action ids per group of crosswalk ``key`` (an action belongs to its indicator's group),
    groups in display order: what a masterplan needs to list programs by Kominfo dimension."""
    of_indicator = {ind.id: tuple(a.id for a in ind.actions) for ind in indicator_set.indicators()}
    return {group: tuple(a for ind_id in ids for a in of_indicator[ind_id])
            for group, ids in indicators_by_group(indicator_set, key).items()}


def region_view(indicator_set: IndicatorSet, result: RegionResult, key: str,
                groups: dict[str, tuple[str, ...]] | None = None) -> View:
    """The view of one region-year by crosswalk ``key``.

    ``groups`` is ``indicators_by_group(indicator_set, key)``, passed in when many
    region-years are viewed so that it is worked out once.
    """
    if key not in CROSSWALK_KEYS:
        raise ValueError(f"unknown crosswalk key {key!r}")
    if groups is None:
        groups = indicators_by_group(indicator_set, key)
    scores = {r.id: r for r in result.indicators()}
    out = []
    mapped: set[str] = set()
    for group, ids in groups.items():
        mapped.update(ids)
        total = assessed = weighted = 0.0
        for ind_id in ids:
            found = scores.get(ind_id)
            if found is None:
                continue
            total += found.effective_weight
            if found.score is not None:
                assessed += found.effective_weight
                weighted += found.effective_weight * found.score
        coverage = assessed / total if total > 0 else 0.0
        score = (weighted / assessed
                 if assessed > 0 and coverage >= indicator_set.min_coverage - 1e-12 else None)
        out.append(ViewGroup(
            id=group, title=group_title(key, group), score=score, coverage=coverage,
            weight=total, band=indicator_set.band_for(score), indicators=ids))
    unmapped = tuple(ind_id for ind_id in scores if ind_id not in mapped)
    return View(key=key, groups=tuple(out), unmapped=unmapped)


def view_layouts(indicator_set: IndicatorSet, keys: Iterable[str] | None = None
                 ) -> dict[str, dict[str, tuple[str, ...]]]:
    """The groups of every view (by key), worked out once for many region-years."""
    chosen = view_keys(indicator_set) if keys is None else tuple(keys)
    return {key: indicators_by_group(indicator_set, key) for key in chosen}


def region_views(indicator_set: IndicatorSet, result: RegionResult,
                 keys: Iterable[str] | None = None,
                 layouts: dict[str, dict[str, tuple[str, ...]]] | None = None
                 ) -> tuple[View, ...]:
    """Views of one region-year by every crosswalk key the set uses (or by ``keys``)."""
    if layouts is None:
        layouts = view_layouts(indicator_set, keys)
    return tuple(region_view(indicator_set, result, key, groups)
                 for key, groups in layouts.items())
