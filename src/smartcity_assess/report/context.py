"""What the templates see: plain data in the report's language, computed once.

Renderers only read results; everything the templates show is assembled here from the
assessment, the roadmap and the plan. Numbers stay numbers (the templates format them with
the ``num``/``pct`` filters); texts are already in the report's language. docs/reports.md
lists every key for authors of their own templates.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..indicators.model import Group, Indicator, IndicatorSet
from ..numbers import format_number
from ..planning.plan import Plan
from ..planning.planner import PHASES, PlannedAction, Roadmap, phase_of
from ..scoring.results import (
    Assessment,
    GroupResult,
    IndicatorResult,
    Interval,
    RegionResult,
)
from . import i18n
from .certainty import build_certainty
from .trends import HistoryLike, trend_context

if TYPE_CHECKING:
    from ..scoring.sensitivity import SensitivityResult

CONTEXT_VERSION = 1
"""Bumped when a key templates rely on is renamed or removed."""

FALLBACK_BANDS = ("#D55E00", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#CC79A7")
"""Okabe–Ito colours for bands that do not set their own, lowest first."""


def report_date() -> dt.date:
    """The date printed on the cover: ``SOURCE_DATE_EPOCH`` (UTC) when set, else today.

    This is the only place the reports read the clock or the environment.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, "
                             f"found {epoch!r}") from None
    return dt.date.today()


def select_result(assessment: Assessment, region: str | None, year: int | None
                  ) -> RegionResult:
    """The one region-year a report is about."""
    results = assessment.results
    if region is not None or year is not None:
        chosen = [r for r in results if (region is None or r.region == region)
                  and (year is None or r.year == year)]
        if len(chosen) == 1:
            return chosen[0]
        available = ", ".join(_label(r) for r in results) or "none"
        what = " ".join(str(p) for p in (region, year) if p is not None)
        if not chosen:
            raise UsageError(f"no results for {what!r}; the data hold: {available}")
        raise UsageError(f"several region-years match {what!r} ({available}); "
                         "choose one region and one year")
    if not results:
        raise UsageError("the assessment has no results: the survey data hold no region")
    if len(results) > 1:
        available = ", ".join(_label(r) for r in results)
        raise UsageError(f"the data hold several region-years ({available}); a report covers "
                         "one: choose a region and a year")
    return results[0]


def _label(result: RegionResult) -> str:
    return result.region if result.year is None else f"{result.region} {result.year}"


@dataclass(frozen=True)
class _Lookup:
    """Indicator-set nodes by id, with their pillar."""

    indicators: dict[str, Indicator]
    groups: dict[str, Group]
    pillar_of: dict[str, str]


def _lookup(indicator_set: IndicatorSet) -> _Lookup:
    pillar_of: dict[str, str] = {}
    for pillar in indicator_set.pillars:
        for ind in pillar.indicators():
            pillar_of[ind.id] = pillar.id
    return _Lookup(indicator_set.indicator_map(), {g.id: g for g in indicator_set.groups()},
                   pillar_of)


def band_colors(indicator_set: IndicatorSet) -> list[str]:
    """Colour of each band, lowest first: the set's own, else a colour-blind-safe default."""
    count = len(indicator_set.bands)
    defaults = _spread(FALLBACK_BANDS[:5], count)
    return [band.color or defaults[i] for i, band in enumerate(indicator_set.bands)]


def _spread(colors: Sequence[str], count: int) -> list[str]:
    if count <= len(colors):
        if count <= 1:
            return list(colors[:count])
        step = (len(colors) - 1) / (count - 1)
        return [colors[round(i * step)] for i in range(count)]
    return [colors[i % len(colors)] for i in range(count)]


def build_context(assessment: Assessment, result: RegionResult, roadmap: Roadmap, plan: Plan,
                  lang: str, date: dt.date, *, history: HistoryLike | None = None,
                  sensitivity: SensitivityResult | None = None) -> dict[str, Any]:
    """Everything the masterplan and roadmap templates show (``history``: earlier scores
    for the trends, see :mod:`.trends`)."""
    iset = assessment.indicator_set
    look = _lookup(iset)
    low, high = iset.scale
    colors = band_colors(iset)

    def band_info(score: float | None) -> dict[str, Any] | None:
        band = iset.band_for(score)
        if band is None:
            return None
        index = iset.bands.index(band)
        return {"label": band.label.get(lang), "color": colors[index]}

    def title_of(node_id: str) -> str:
        if node_id in look.indicators:
            return look.indicators[node_id].title.get(lang) or node_id
        if node_id in look.groups:
            return look.groups[node_id].title.get(lang) or node_id
        return node_id

    def indicator_row(res: IndicatorResult, dimension: str | None) -> dict[str, Any]:
        ind = look.indicators[res.id]
        return {
            "kind": "indicator",
            "id": res.id,
            "title": title_of(res.id),
            "dimension": dimension,
            "pillar": look.pillar_of[res.id],
            "value": res.value,
            "value_digits": _digits(res.value),
            "target": res.target,
            "target_digits": _digits(res.target),
            "unit_suffix": _suffix(ind, lang),
            "score": res.score,
            "target_score": res.target_score,
            "score_gap": res.score_gap,
            "weighted_gap": (None if res.score_gap is None
                             else res.score_gap * res.effective_weight),
            "coverage": res.coverage,
            "n": res.n,
            "note": _note(res, lang),
            "weight": res.weight,
            "effective_weight": res.effective_weight,
            "band": band_info(res.score),
            "interval": _interval(res.interval),
            "sd": res.spread.sd if res.spread else None,
            "type": ind.type,
            "unit": ind.unit_text.get(lang) or ind.unit,
            "direction": ind.direction,
            "goalposts": list(ind.goalposts),
            "respondents_rule": ind.respondents,
            "normalisation": res.normalisation,
            "references": list(ind.references),
            "question": ind.question.get(lang),
        }

    pillars: list[dict[str, Any]] = []
    all_rows: list[dict[str, Any]] = []
    for pillar_result in result.pillars:
        rows: list[dict[str, Any]] = []
        for child in pillar_result.children:
            if isinstance(child, IndicatorResult):
                rows.append(indicator_row(child, None))
            else:
                rows.extend(_dimension_rows(child, title_of, band_info, indicator_row))
        indicator_rows = [r for r in rows if r["kind"] == "indicator"]
        all_rows.extend(indicator_rows)
        group = look.groups[pillar_result.id]
        projected = roadmap.projection.pillar(pillar_result.id)
        pillars.append({
            "id": pillar_result.id,
            "title": title_of(pillar_result.id),
            "description": group.description.get(lang),
            "score": pillar_result.score,
            "band": band_info(pillar_result.score),
            "coverage": pillar_result.coverage,
            "weight": pillar_result.weight,
            "effective_weight": pillar_result.effective_weight,
            "aggregation": pillar_result.aggregation,
            "interval": _interval(pillar_result.interval),
            "target": roadmap.pillar_target(pillar_result.id),
            "projected_end": projected[-1],
            "projection": list(projected),
            "target_path": list(roadmap.target_path.pillar(pillar_result.id)),
            "goal": plan.goal(pillar_result.id).get(lang),
            "rows": rows,
            "indicators": indicator_rows,
            "chart": _chart_name(pillar_result.id, len(pillars)),
        })
    pillar_titles = {p["id"]: p["title"] for p in pillars}

    actions = [_action(a, roadmap, plan, lang, title_of, pillar_titles) for a in roadmap.actions]
    by_id = {a["id"]: a for a in actions}
    scheduled = [by_id[a.id] for a in roadmap.scheduled()]
    for pillar in pillars:
        pillar["actions"] = [by_id[a.id] for a in roadmap.for_pillar(pillar["id"])]

    assessed = [r for r in all_rows if r["score"] is not None]
    ordered = sorted(assessed, key=lambda r: (-r["score"], r["id"]))
    gaps = sorted((r for r in assessed if r["score_gap"]), key=lambda r: (-r["weighted_gap"],
                                                                         r["id"]))
    scored_pillars = [p for p in pillars if p["score"] is not None]
    best = max(scored_pillars, key=lambda p: (p["score"], p["id"]), default=None)
    worst = min(scored_pillars, key=lambda p: (p["score"], p["id"]), default=None)

    years = []
    for year in roadmap.plan_years:
        offset = year - roadmap.start_year + 1
        starting = [by_id[a.id] for a in roadmap.starting_in(year)]
        continuing = [by_id[a.id] for a in roadmap.running_in(year)
                      if a.start_year is not None and a.start_year < year]
        years.append({
            "year": year,
            "offset": offset,
            "phase": phase_of(offset),
            "phase_label": i18n.text(f"phase_{phase_of(offset)}", lang),
            "starting": starting,
            "continuing": continuing,
            "quick_wins": [a for a in starting if a["quick_win"]],
        })

    phases = []
    for phase in PHASES:
        members = [by_id[a.id] for a in roadmap.in_phase(phase)]
        if phase == "quick-win":
            span = sorted({a["start"] for a in members})
        elif phase == "deferred":
            span = []
        else:
            span = [y for y in roadmap.plan_years if phase_of(y - roadmap.start_year + 1) == phase]
        if not members and phase in ("quick-win", "deferred"):
            continue
        if not span and phase not in ("deferred",):
            continue
        phases.append({
            "key": phase,
            "label": i18n.text(f"phase_{phase}", lang),
            "first": span[0] if span else None,
            "last": span[-1] if span else None,
            "actions": members,
            "owners": sorted({a["owner"] for a in members}),
        })

    owners = []
    for owner in roadmap.owners():
        members = [by_id[a.id] for a in roadmap.for_owner(owner)]
        owners.append({
            "short": owner,
            "name": plan.opd_name(owner, lang),
            "actions": members,
            "programs": sum(1 for a in members if not a["quick_win"] and a["scheduled"]),
            "quick_wins": sum(1 for a in members if a["quick_win"] and a["scheduled"]),
            "deferred": sum(1 for a in members if not a["scheduled"]),
            "pillars": sorted({a["pillar_title"] for a in members}),
        })

    dependencies = [{
        "action": by_id[d.action],
        "depends_on": d.depends_on,
        "depends_title": (by_id[d.depends_on]["title"] if d.depends_on in by_id
                          else _catalogue_title(iset, d.depends_on, lang)),
        "depends_start": by_id[d.depends_on]["start"] if d.depends_on in by_id else None,
        "status": d.status,
        "status_label": i18n.text(f"status_{d.status}", lang),
    } for d in roadmap.dependencies]

    kpis = _kpis(roadmap, result, pillars, title_of, lang)
    region_name = plan.region.name or result.region
    calendar = list(roadmap.calendar)
    return {
        "context_version": CONTEXT_VERSION,
        "lang": lang,
        "date": date,
        "sample": plan.sample,
        "tool": {"name": "smartcity-assess", "version": assessment.tool_version},
        "region": {
            "name": region_name,
            "data_name": result.region,
            "province": plan.region.province,
            "population": plan.region.population,
            "population_year": plan.region.population_year,
            "area_km2": plan.region.area_km2,
            "notes": plan.region.notes.get(lang),
        },
        "prepared_by": plan.prepared_by.get(lang),
        "assessment_year": result.year,
        "period": {"start": roadmap.start_year, "end": roadmap.end_year,
                   "years": roadmap.years, "baseline": roadmap.baseline_year},
        "set": {
            "id": iset.id, "version": iset.version, "title": iset.title.get(lang),
            "description": iset.description.get(lang), "source": iset.source,
            "sha256": iset.sha256, "references": list(iset.references),
            "aggregation": iset.aggregation,
            "group_aggregations": sorted({g.aggregation for g in iset.groups()}),
            "min_coverage": iset.min_coverage,
        },
        "scale": {"low": low, "high": high,
                  "text": f"{format_number(low, lang, 0)}–{format_number(high, lang, 0)}"},
        "bands": [{"label": b.label.get(lang), "lower": b.lower,
                   "upper": iset.bands[i + 1].lower if i + 1 < len(iset.bands) else high,
                   "color": colors[i], "description": b.description.get(lang)}
                  for i, b in enumerate(iset.bands)],
        "confidence": assessment.bootstrap.confidence if assessment.bootstrap else None,
        "bootstrap": None if assessment.bootstrap is None else {
            "draws": assessment.bootstrap.draws, "seed": assessment.bootstrap.seed,
            "basis": i18n.text(f"basis_{assessment.bootstrap.level}", lang)
            if f"basis_{assessment.bootstrap.level}" in i18n.CATALOGUE
            else assessment.bootstrap.level},
        "warnings": list(assessment.warnings),
        "index": {
            "score": result.score,
            "interval": _interval(result.interval),
            "band": band_info(result.score),
            "coverage": result.coverage,
            "target": roadmap.index_target,
            "projected_end": roadmap.projection.index[-1],
            "projection": list(roadmap.projection.index),
            "target_path": list(roadmap.target_path.index),
        },
        "respondents": {
            "total": result.respondents,
            "roles": [{"role": role, "n": n} for role, n in result.roles],
        },
        "pillars": pillars,
        "best_pillar": best,
        "worst_pillar": worst,
        "strongest": ordered[:3],
        "weakest": list(reversed(ordered[-3:])) if len(ordered) > 3 else ordered[::-1],
        "gaps": gaps,
        "not_assessed": [r for r in all_rows if r["score"] is None],
        "indicators": all_rows,
        "vision": plan.vision.get(lang),
        "mission": [m.get(lang) for m in plan.mission],
        "actions": actions,
        "scheduled": scheduled,
        "quick_wins": [by_id[a.id] for a in roadmap.quick_wins()],
        "deferred": [by_id[a.id] for a in roadmap.deferred()],
        "years": years,
        "phases": phases,
        "owners": owners,
        "dependencies": dependencies,
        "calendar": calendar,
        "kpis": kpis,
        "planning": {
            "capacity": roadmap.capacity_per_year,
            "per_owner": [{"owner": o, "limit": n} for o, n in plan.capacity.per_owner],
            "quick_wins_per_year": roadmap.quick_wins_per_year,
            "median_impact": roadmap.median_impact,
        },
        "methods": {
            "normalisation": assessment.methods.normalisation,
            "aggregation": assessment.methods.aggregation,
            "respondents": assessment.methods.respondents,
            "missing": assessment.methods.missing,
        },
        "inputs": [{"path": f.path, "sha256": f.sha256, "format": f.format,
                    "layout": f.layout, "rows": f.rows} for f in assessment.inputs],
        "plan_file": {"path": plan.source, "sha256": plan.sha256},
        "weights": _weights(result, look, title_of),
        "trends": trend_context(assessment, result, history, lang),
        "certainty": build_certainty(assessment, result, sensitivity, lang, colors),
    }


def _interval(interval: Interval | None) -> dict[str, float] | None:
    """A bootstrap interval as plain data (None when none was computed)."""
    if interval is None:
        return None
    return {"low": interval.low, "high": interval.high, "margin": interval.margin}


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}")


def _chart_name(pillar_id: str, index: int) -> str:
    """File stem of a pillar's chart: its id when it is a safe file name, else its position."""
    return f"bars-{pillar_id}" if _SAFE_NAME.fullmatch(pillar_id) else f"bars-{index + 1}"


def _dimension_rows(group: GroupResult, title_of: Any, band_info: Any, indicator_row: Any
                    ) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [{
        "kind": "dimension", "id": group.id, "title": title_of(group.id), "score": group.score,
        "coverage": group.coverage, "band": band_info(group.score),
    }]
    for child in group.children:
        if isinstance(child, IndicatorResult):
            rows.append(indicator_row(child, group.id))
        else:
            rows.extend(_dimension_rows(child, title_of, band_info, indicator_row))
    return rows


_FEWER = re.compile(r"fewer than (\d+) answers")


def _note(result: IndicatorResult, lang: str) -> str | None:
    """The engine's note on an indicator, in the report's language."""
    if result.imputed:
        return i18n.text("note_imputed", lang).format(method=result.imputed)
    note = result.note
    if note == "no answers":
        return i18n.text("note_no_answers", lang)
    if note is not None and (match := _FEWER.fullmatch(note)):
        return i18n.text("note_fewer", lang).format(n=match.group(1))
    return note


def _digits(value: float | None) -> int:
    """Decimals worth showing for a raw value: 0 from 1000, 1 from 10, else 2."""
    if value is None:
        return 1
    return 0 if abs(value) >= 1000 else 1 if abs(value) >= 10 else 2


def _suffix(indicator: Indicator, lang: str = "id") -> str:
    """What follows a raw value: ``%`` for percentages and shares, else `` unit``."""
    if indicator.respondents == "share" or indicator.type == "percent" or indicator.unit == "%":
        return "%"
    if indicator.unit:
        return f" {indicator.unit_text.get(lang) or indicator.unit}"
    return ""


def _catalogue_title(indicator_set: IndicatorSet, action_id: str, lang: str) -> str:
    for action in indicator_set.actions():
        if action.id == action_id:
            return action.title.get(lang) or action_id
    return action_id


def _action(planned: PlannedAction, roadmap: Roadmap, plan: Plan, lang: str, title_of: Any,
            pillar_titles: dict[str, str]) -> dict[str, Any]:
    action = planned.action
    gap = planned.gap
    return {
        "id": action.id,
        "rank": planned.rank,
        "title": action.title.get(lang) or action.id,
        "description": action.description.get(lang),
        "owner": action.owner,
        "owner_name": plan.opd_name(action.owner, lang),
        "effort": action.effort,
        "effort_label": i18n.text(f"effort_{action.effort}", lang),
        "effort_points": planned.effort_points,
        "horizon": action.horizon,
        "phase": planned.phase,
        "phase_label": i18n.text(f"phase_{planned.phase}", lang),
        "quick_win": planned.quick_win,
        "scheduled": planned.scheduled,
        "start": planned.start_year,
        "end": planned.end_year,
        "duration": planned.duration,
        "gain": action.gain,
        "impact": planned.impact,
        "priority": planned.priority,
        "pillar": gap.pillar,
        "pillar_title": pillar_titles.get(gap.pillar, gap.pillar),
        "depends_on": list(action.depends_on),
        "required_by": list(planned.required_by),
        "references": list(action.references),
        "gap": {
            "indicator": gap.indicator,
            "indicator_title": title_of(gap.indicator),
            "score": gap.score,
            "target_score": gap.target_score,
            "threshold": gap.threshold,
            "gap": gap.gap,
            "effective_weight": gap.effective_weight,
            "below_threshold_only": (gap.target_score is None or gap.score is None
                                     or gap.score >= gap.target_score),
        },
    }


def _kpis(roadmap: Roadmap, result: RegionResult, pillars: list[dict[str, Any]],
          title_of: Any, lang: str) -> list[dict[str, Any]]:
    rows = [{
        "kind": "index", "id": "index", "title": i18n.text("kpi_index", lang),
        "baseline": result.score, "target": roadmap.index_target,
        "path": list(roadmap.target_path.index), "projection": list(roadmap.projection.index),
    }]
    for pillar in pillars:
        rows.append({
            "kind": "pillar", "id": pillar["id"],
            "title": i18n.text("kpi_pillar", lang).format(pillar=pillar["title"]),
            "baseline": pillar["score"], "target": pillar["target"],
            "path": pillar["target_path"], "projection": pillar["projection"],
        })
    results = {r.id: r for r in result.indicators()}
    for indicator_id, path in roadmap.target_path.indicators:
        res = results[indicator_id]
        rows.append({
            "kind": "indicator", "id": indicator_id, "title": title_of(indicator_id),
            "baseline": res.score, "target": path[-1], "path": list(path),
            "projection": list(roadmap.projection.indicator(indicator_id)),
        })
    return rows


def _weights(result: RegionResult, look: _Lookup, title_of: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def walk(node: GroupResult | IndicatorResult, depth: int) -> None:
        if isinstance(node, IndicatorResult):
            ind = look.indicators[node.id]
            rows.append({"kind": "indicator", "id": node.id, "title": title_of(node.id),
                         "depth": depth, "weight": node.weight,
                         "effective_weight": node.effective_weight,
                         "goalposts": list(ind.goalposts), "direction": ind.direction,
                         "target": node.target, "respondents_rule": ind.respondents,
                         "transform": ind.transform, "references": list(ind.references),
                         "normalisation": node.normalisation, "aggregation": None})
            return
        rows.append({"kind": node.kind, "id": node.id, "title": title_of(node.id),
                     "depth": depth, "weight": node.weight,
                     "effective_weight": node.effective_weight, "goalposts": None,
                     "direction": None, "target": None, "respondents_rule": None,
                     "transform": None, "references": [], "normalisation": None,
                     "aggregation": node.aggregation})
        for child in node.children:
            walk(child, depth + 1)

    for pillar in result.pillars:
        walk(pillar, 0)
    return rows
