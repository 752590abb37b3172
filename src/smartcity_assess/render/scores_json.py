"""Scores as JSON: the machine-readable contract of PRODUCT.md ("Scores (JSON)")."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from ..indicators.model import IndicatorSet
from ..scoring.results import (
    Assessment,
    Consistency,
    GroupResult,
    IndicatorResult,
    InputFile,
    Interval,
    RegionResult,
)
from .json_text import dumps

if TYPE_CHECKING:
    from ..scoring.sensitivity import ScoreRange, SensitivityResult

SCHEMA_VERSION = 1
"""Bumped when a key is renamed or removed (adding keys does not bump it)."""


def assessment_to_dict(assessment: Assessment, lang: str = "id",
                       sensitivity: SensitivityResult | None = None) -> dict[str, Any]:
    """The whole assessment as plain data with stable key order.

    Keys added by the uncertainty methods (``bootstrap``, ``interval``, ``imputed``,
    ``consistency``, ``sensitivity`` …) appear only when the method was used or found
    something, so the default output is byte-identical to earlier versions.
    """
    iset = assessment.indicator_set
    from ..scoring.views import view_layouts

    layouts = view_layouts(iset)
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "smartcity-assess", "version": assessment.tool_version},
        "criteria": {
            "id": iset.id,
            "version": iset.version,
            "title": iset.title.get(lang),
            "sha256": iset.sha256,
            "scale": list(iset.scale),
        },
        "methods": {k: v for k, v in asdict(assessment.methods).items() if k != "extra"}
        | dict(assessment.methods.extra),
        "inputs": [_input(f) for f in assessment.inputs],
        "results": [region_to_dict(r, lang) | views_to_dict(iset, r, layouts)
                    | design_to_dict(assessment, r) for r in assessment.results],
    }
    unused = _unused_total(assessment)
    if unused is not None:
        data["unused"] = unused
    if assessment.bootstrap is not None:
        data["bootstrap"] = asdict(assessment.bootstrap)
    if assessment.warnings:
        data["warnings"] = [str(warning) for warning in assessment.warnings]
    if sensitivity is not None:
        data["sensitivity"] = sensitivity_to_dict(sensitivity, lang)
    found = assessment.design
    if found is not None:
        data["design"] = {
            "post_stratify": found.post_stratify, "weighted": found.weighted,
            "population": dict(found.population), "source": found.source,
            "purposive": list(found.purposive), "census": list(found.census)}
    return data


def design_to_dict(assessment: Assessment, result: RegionResult) -> dict[str, Any]:
    """``{"design": {...}}`` of one region-year (docs/scores-json.md); empty without a
    survey design, so that other output is unchanged."""
    found = assessment.design.for_region(result.region, result.year) \
        if assessment.design is not None else None
    if found is None:
        return {}
    return {"design": {
        "unweighted": found.unweighted,
        "roles": [asdict(role) for role in found.roles],
        "comparisons": [{"id": c.id, "pooled": c.pooled, "differ": c.differ,
                         "roles": [asdict(e) for e in c.roles]} for c in found.comparisons],
        "poststratified": list(found.poststratified),
    }}
def _input(file: InputFile) -> dict[str, Any]:
    """One input file; ``unused`` (answers read that do not count, by reason) only when
    there are any."""
    data = asdict(file)
    del data["unused"]
    if file.unused:
        data["unused"] = [{k: v for k, v in asdict(u).items() if v is not None}
                          for u in file.unused]
    return data


def _unused_total(assessment: Assessment) -> dict[str, Any] | None:
    """Answers read that do not count, summed per reason over the files (None: none)."""
    by_reason: dict[str, int] = {}
    for file in assessment.inputs:
        for record in file.unused:
            by_reason[record.reason] = by_reason.get(record.reason, 0) + record.count
    if not by_reason:
        return None
    return {"answers": sum(f.answers for f in assessment.inputs),
            "used": sum(f.used for f in assessment.inputs),
            "by_reason": by_reason}


def _interval(interval: Interval | None) -> dict[str, Any] | None:
    if interval is None:
        return None
    return {"low": interval.low, "high": interval.high, "margin": interval.margin,
            "draws": interval.draws}


def _consistency(found: Consistency) -> dict[str, Any]:
    return {
        "alpha": found.alpha,
        "n": found.n,
        "items": [{"id": i.id, "item_total": i.correlation,
                   "alpha_if_deleted": i.alpha_if_deleted} for i in found.items],
    }


def _optional(node: dict[str, Any], result: GroupResult | IndicatorResult | RegionResult
              ) -> dict[str, Any]:
    """Add the keys of the uncertainty methods that apply to this node."""
    if result.interval is not None:
        node["interval"] = _interval(result.interval)
    if isinstance(result, IndicatorResult):
        if result.normalisation != "goalposts":
            node["normalisation"] = result.normalisation
        if result.imputed is not None:
            node["imputed"] = result.imputed
            if result.imputed_from is not None:
                node["imputed_from"] = result.imputed_from
        if result.winsorised:
            node["winsorised"] = result.winsorised
        if result.by_role:
            node["by_role"] = [{"role": r.role, "n": r.n, "value": r.value}
                               for r in result.by_role]
    else:
        if result.imputed:
            node["imputed"] = result.imputed
        if isinstance(result, GroupResult) and result.consistency is not None:
            node["consistency"] = _consistency(result.consistency)
    return node


def region_to_dict(result: RegionResult, lang: str = "id") -> dict[str, Any]:
    """One region-year."""
    return {
        "region": result.region,
        "year": result.year,
        "score": result.score,
        "band": result.band.label.get(lang) if result.band else None,
        "coverage": result.coverage,
        "respondents": result.respondents,
        "roles": dict(result.roles),
        "pillars": [node_to_dict(p) for p in result.pillars],
    } | _optional({}, result) | areas_to_dict(result, lang)


def areas_to_dict(result: RegionResult, lang: str = "id") -> dict[str, Any]:
    """``{"areas": [...]}``: the breakdown by area inside the region (docs/scores-json.md,
    "Areas"); empty when the data names no area, so other outputs are unchanged."""
    if not result.areas:
        return {}
    return {"areas": [{
        "key": area.key,
        "name": area.name,
        "code": area.code,
        "parent": area.parent,
        "status": area.status,
        "respondents": area.respondents,
        "score": area.score,
        "band": area.band.label.get(lang) if area.band else None,
        "coverage": area.coverage,
        "local": area.local,
        "data_areas": list(area.data_areas),
        "pillars": [{"id": p.id, "score": p.score, "coverage": p.coverage, "local": p.local}
                    for p in area.pillars],
        "indicators": [{"id": i.id, "value": i.value, "score": i.score, "n": i.n,
                        "source": i.source} | ({"imputed": True} if i.imputed else {})
                       for i in area.indicators],
    } for area in result.areas]}


def views_to_dict(indicator_set: IndicatorSet, result: RegionResult,
                  layouts: dict[str, dict[str, tuple[str, ...]]] | None = None
                  ) -> dict[str, Any]:
    """``{"views": {key: [{id, score, coverage}, ...]}}`` for every crosswalk key the set uses
    (docs/scores-json.md); empty for a set without crosswalks, so its output is unchanged."""
    from ..scoring.views import region_views

    views = region_views(indicator_set, result, layouts=layouts)
    if not views:
        return {}
    return {"views": {view.key: [{"id": g.id, "score": g.score, "coverage": g.coverage}
                                 for g in view.groups] for view in views}}


def node_to_dict(node: GroupResult | IndicatorResult) -> dict[str, Any]:
    """A pillar, dimension or indicator node."""
    if isinstance(node, IndicatorResult):
        spread = node.spread
        return {
            "id": node.id,
            "kind": "indicator",
            "score": node.score,
            "coverage": node.coverage,
            "value": node.value,
            "n": node.n,
            "target": node.target,
            "gap": node.gap,
            "target_score": node.target_score,
            "score_gap": node.score_gap,
            "weight": node.weight,
            "effective_weight": node.effective_weight,
            "carried_weight": node.carried_weight,
            "sd": spread.sd if spread else None,
            "note": node.note,
        } | _optional({}, node)
    return {
        "id": node.id,
        "kind": node.kind,
        "score": node.score,
        "coverage": node.coverage,
        "weight": node.weight,
        "effective_weight": node.effective_weight,
        "carried_weight": node.carried_weight,
        "aggregation": node.aggregation,
        "children": [node_to_dict(c) for c in node.children],
    } | _optional({}, node)


def _range(found: ScoreRange) -> dict[str, Any]:
    return {"nominal": found.nominal, "low": found.low, "median": found.median,
            "high": found.high, "assessed": found.assessed}


def sensitivity_to_dict(result: SensitivityResult, lang: str = "id") -> dict[str, Any]:
    """The Monte Carlo over judgement calls (``score --sensitivity``)."""
    regions = []
    for reg in result.regions:
        top = reg.most_influential
        regions.append({
            "region": reg.region,
            "year": reg.year,
            "index": _range(reg.index),
            "pillars": [{"id": pid} | _range(found) for pid, found in reg.pillars],
            "bands": [{"band": b.band.label.get(lang) if b.band else None,
                       "probability": b.probability} for b in reg.bands],
            "rank": None if reg.rank is None else {
                "nominal": reg.rank.nominal, "low": reg.rank.low, "median": reg.rank.median,
                "high": reg.rank.high, "of": reg.rank.of},
            "effects": [{"factor": e.factor, "first_order": e.first_order, "low": e.low,
                         "high": e.high}
                        | ({"grade_change": e.grade_change} if e.grade_change is not None
                           else {}) for e in reg.effects],
            "most_influential": top.factor if top else None,
        })
    return {
        "draws": result.draws,
        "scenarios": result.scenarios,
        "seed": result.seed,
        "weight_range": result.weight_range,
        "aggregations": list(result.aggregations),
        "imputations": list(result.imputations),
        "interval": list(result.interval),
        "factors": list(result.factors),
        "normalisations": list(result.normalisations),
        "goalposts": list(result.goalposts),
        "goalpost_shift": result.goalpost_shift,
        "band_shift": result.band_shift,
        "overall": dict(result.overall),
        "results": regions,
    }


def to_json(assessment: Assessment, lang: str = "id",
            sensitivity: SensitivityResult | None = None) -> str:
    """Pretty, stable JSON text ending in a newline (diff-friendly in git)."""
    return dumps(assessment_to_dict(assessment, lang, sensitivity)) + "\n"
