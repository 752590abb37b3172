"""Scores as JSON: the machine-readable contract of PRODUCT.md ("Scores (JSON)")."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..scoring.results import Assessment, GroupResult, IndicatorResult, RegionResult

SCHEMA_VERSION = 1
"""Bumped when a key is renamed or removed (adding keys does not bump it)."""


def assessment_to_dict(assessment: Assessment, lang: str = "id") -> dict[str, Any]:
    """The whole assessment as plain data with stable key order."""
    iset = assessment.indicator_set
    return {
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
        "inputs": [asdict(f) for f in assessment.inputs],
        "results": [region_to_dict(r, lang) for r in assessment.results],
    }


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
    }


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
            "sd": spread.sd if spread else None,
            "note": node.note,
        }
    return {
        "id": node.id,
        "kind": node.kind,
        "score": node.score,
        "coverage": node.coverage,
        "weight": node.weight,
        "effective_weight": node.effective_weight,
        "aggregation": node.aggregation,
        "children": [node_to_dict(c) for c in node.children],
    }


def to_json(assessment: Assessment, lang: str = "id") -> str:
    """Pretty, stable JSON text ending in a newline (diff-friendly in git)."""
    return json.dumps(assessment_to_dict(assessment, lang), ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"
