"""``roadmap.json``: the roadmap for CI and other tools (docs/roadmap-json.md). Pure.

The document is stable: keys are only ever added (``format_version`` changes when one is
removed or changes meaning). Amounts are whole rupiah; years are calendar years.
"""

from __future__ import annotations

import json
from typing import Any

from ..messages import text, tr
from ..messages.keys import EXISTING_KEYS
from .plan import Existing, Plan
from .planner import Money, PlannedAction, Roadmap

FORMAT = "smartcity-assess/roadmap"
FORMAT_VERSION = 1


def _money(money: Money) -> list[int]:
    return [money.low, money.high]


def _existing(entry: Existing, lang: str) -> str:
    """``sudah berjalan sejak 2024`` / ``already running since 2024``: an existing program's
    reason."""
    status = text(EXISTING_KEYS[entry.status], lang)
    if entry.since:
        return tr("existing_reason_since", lang, status=status, year=entry.since)
    return tr("existing_reason", lang, status=status)


def _program(planned: PlannedAction, lang: str) -> dict[str, Any]:
    return {
        "id": planned.id,
        "title": planned.title.get(lang) or planned.id,
        "owner": planned.owner,
        "start": planned.start_year,
        "end": planned.end_year,
        "quick_win": planned.quick_win,
        "cost": [planned.cost.low, planned.cost.high],
        "cost_source": planned.cost.source,
        "funding": list(planned.funding),
        "nomenclature": planned.nomenclature,
        "status": planned.status,
        "reason": planned.reason.get(lang),
        "indicator": planned.gap.indicator,
        "pillar": planned.pillar,
        "dimension": planned.dimension,
        "rank": planned.rank,
        "priority": planned.priority,
        "impact": planned.impact,
        "citizen_impact": planned.citizen_impact,
        "mandatory": planned.mandatory,
        "pinned": planned.pinned,
        "boost": planned.boost,
        "prerequisites": list(planned.prerequisites),
        "yearly_cost": [{"year": a.year, "source": a.source, "cost": _money(a.money)}
                        for a in planned.allocations],
    }


def roadmap_document(roadmap: Roadmap, plan: Plan, lang: str = "id") -> dict[str, Any]:
    """The roadmap as plain data: resolved plan limits, every program, costs per year."""
    existing = [{
        "id": e.id,
        "title": e.title.get(lang) or e.id,
        "owner": plan.owner(e.owner) if e.owner else None,
        "start": e.since,
        "end": None,
        "quick_win": False,
        "cost": None,
        "funding": [],
        "status": "existing",
        "reason": _existing(e, lang),
        "realises": e.action,
        "evidence": list(e.evidence),
        "dimension": e.dimension,
    } for e in roadmap.existing]
    programs = [_program(p, lang) for p in roadmap.actions]
    years = list(roadmap.plan_years)
    budget = None
    if roadmap.budget_given:
        budget = {str(year): dict(plan.envelope(year) or {}) for year in years}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "region": roadmap.region,
        "language": lang,
        "baseline_year": roadmap.baseline_year,
        "period": {
            "masterplan": list(roadmap.masterplan),
            "rpjmd": list(roadmap.rpjmd),
            "first_year": roadmap.start_year,
            "stages": [{"kind": s.kind, "start": s.start, "end": s.end, "rpjmd": list(s.rpjmd),
                        "label": s.label(lang)} for s in roadmap.stages],
        },
        "limits": {
            "budget": budget,
            "per_year": roadmap.capacity_per_year,
            "per_owner": dict(roadmap.per_owner),
            "quick_wins": {"max": roadmap.quick_win_max, "years": roadmap.quick_win_years},
            "existing": [e.id for e in roadmap.existing],
            "mandatory": [{"id": m.action, "regulation": m.regulation, "deadline": m.deadline}
                          for m in roadmap.mandates],
            "pin": dict(roadmap.pins),
            "boost": [{"id": a, "factor": f, "reason": r.get(lang)}
                      for a, f, r in roadmap.boosts],
        },
        "programs": existing + programs,
        "costs": [{
            "year": c.year,
            "total": _money(c.total),
            "by_source": {s: _money(m) for s, m in c.by_source},
            "envelope": None if c.envelope is None else dict(c.envelope),
            "envelope_total": c.envelope_total,
        } for c in roadmap.costs],
        "cost_by_owner": {o: _money(m) for o, m in roadmap.cost_by_owner()},
        "cost_by_dimension": {d: _money(m) for d, m in roadmap.cost_by_dimension()},
        "missing_prerequisites": [{"action": m.action, "requires": m.artefact}
                                  for m in roadmap.missing],
        "warnings": [w.get(lang) for w in roadmap.warnings],
    }


def roadmap_json(roadmap: Roadmap, plan: Plan, lang: str = "id") -> str:
    """``roadmap.json`` text: sorted keys, two-space indent, a final newline."""
    return json.dumps(roadmap_document(roadmap, plan, lang), ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"
