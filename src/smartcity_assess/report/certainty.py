"""What the "How sure are we?" section of the masterplan shows: plain data, computed once.

Built from the assessment's bootstrap intervals, the sensitivity analysis (when one was run),
the internal consistency of Likert items, and the methods recorded with the result. The
templates ``_certainty.html`` and ``_certainty.md`` render it; ``context["certainty"]``
holds it (docs/reports.md lists the keys). Numbers stay numbers; texts are in the report's
language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .. import messages as i18n
from ..indicators.model import Band, IndicatorSet
from ..scoring.results import Assessment, GroupResult, Interval, RegionResult

if TYPE_CHECKING:
    from ..scoring.sensitivity import RegionSensitivity, ScoreRange, SensitivityResult

DRIVERS_SHOWN = 3
"""Indicators named as adding most to the index's interval."""
RANKS_LISTED = 20
"""Up to this many region-years of the report's year are listed with their rank interval."""
ROBUST = 0.95
"""The grade is called solid when it holds in at least this share of the scenarios."""
LIKELY = 2 / 3
"""... likely when it holds in at least this share; borderline below."""
ALPHA_READINGS = ((0.9, "excellent"), (0.8, "good"), (0.7, "acceptable"),
                  (0.6, "questionable"), (-math.inf, "poor"))
"""George & Mallery's (2003) rule of thumb for Cronbach's alpha, highest first."""
FACTORS = ("weights", "aggregation", "imputation")


def build_certainty(assessment: Assessment, result: RegionResult,
                    sensitivity: SensitivityResult | None, lang: str,
                    colors: Sequence[str]) -> dict[str, Any]:
    """The ``certainty`` entry of the report context (see docs/reports.md)."""
    iset = assessment.indicator_set
    titles = {g.id: g.title.get(lang) or g.id for g in iset.groups()}
    titles |= {i.id: i.title.get(lang) or i.id for i in iset.indicators()}
    pillar_of = {ind.id: pillar.id for pillar in iset.pillars for ind in pillar.indicators()}
    regional = (None if sensitivity is None
                else _find(sensitivity.regions, result.region, result.year))
    bands = _bands(iset, colors, lang)

    rows = [_row("index", "index", i18n.text("index_row", lang), result.score,
                 result.interval, regional.index if regional else None, iset, lang)]
    pillar_ranges = dict(regional.pillars) if regional else {}
    for pillar in result.pillars:
        rows.append(_row("pillar", pillar.id, titles[pillar.id], pillar.score, pillar.interval,
                         pillar_ranges.get(pillar.id), iset, lang))

    indicators = list(result.indicators())
    with_interval = [r for r in indicators if r.interval is not None and r.score is not None]
    drivers = sorted((r for r in with_interval if r.interval and r.interval.margin > 1e-9),
                     key=lambda r: (-(r.interval.margin if r.interval else 0.0)
                                    * r.effective_weight, r.id))[:DRIVERS_SHOWN]
    pillar_rows = [r for r in rows if r["kind"] == "pillar" and r["interval"]]
    widest = max(pillar_rows, key=lambda r: (r["interval"]["margin"], r["id"]), default=None)
    boot = assessment.bootstrap
    index_row = rows[0]
    consistency = _consistency(result, titles, lang)
    negative = [{"group": group["title"], "item": item["title"], "r": item["r"]}
                for group in consistency for item in group["items"] if item["negative"]]
    return {
        "computed": boot is not None or regional is not None,
        "confidence": boot.confidence if boot else None,
        "bootstrap": None if boot is None else {
            "draws": boot.draws, "seed": boot.seed, "confidence": boot.confidence,
            "level": boot.level, "basis": i18n.text(f"basis_{boot.level}", lang)
            if f"basis_{boot.level}" in i18n.CATALOGUE else boot.level},
        "index": index_row,
        "rows": rows,
        "bands": bands,
        "verdict": _verdict(index_row, regional, iset, lang),
        "drivers": [{"id": r.id, "title": titles[r.id], "pillar": titles[pillar_of[r.id]],
                     "margin": r.interval.margin if r.interval else None, "n": r.n,
                     "sd": r.spread.sd if r.spread else None} for r in drivers],
        "exact": sum(1 for r in with_interval if r.interval and r.interval.margin <= 1e-9),
        "widest": widest,
        "sensitivity": (None if sensitivity is None or regional is None
                        else _sensitivity(sensitivity, regional, bands, lang)),
        "consistency": consistency,
        "negative": negative,
        "annex": _annex(assessment, result, sensitivity, titles, pillar_of, lang),
    }


def _find(regions: Sequence[RegionSensitivity], region: str, year: int | None
          ) -> RegionSensitivity | None:
    for found in regions:
        if found.region == region and found.year == year:
            return found
    return None


def _bands(iset: IndicatorSet, colors: Sequence[str], lang: str) -> list[dict[str, Any]]:
    high = iset.scale[1]
    return [{"label": b.label.get(lang), "lower": b.lower,
             "upper": iset.bands[i + 1].lower if i + 1 < len(iset.bands) else high,
             "color": colors[i]} for i, b in enumerate(iset.bands)]


def _interval(interval: Interval | None) -> dict[str, float] | None:
    if interval is None:
        return None
    return {"low": interval.low, "high": interval.high, "margin": interval.margin}


def _span_labels(iset: IndicatorSet, low: float | None, high: float | None, lang: str
                 ) -> list[str]:
    """Labels of the bands a range of scores touches, lowest first."""
    if low is None or high is None:
        return []
    first, last = iset.band_for(low), iset.band_for(high)
    if first is None or last is None:
        return []
    chosen = iset.bands[iset.bands.index(first):iset.bands.index(last) + 1]
    return [b.label.get(lang) for b in chosen]


def _row(kind: str, node_id: str, title: str, score: float | None, interval: Interval | None,
         spread: ScoreRange | None, iset: IndicatorSet, lang: str) -> dict[str, Any]:
    found = _interval(interval)
    lows = [v for v in (found["low"] if found else None,
                        spread.low if spread else None, score) if v is not None]
    highs = [v for v in (found["high"] if found else None,
                         spread.high if spread else None, score) if v is not None]
    band = iset.band_for(score)
    return {
        "kind": kind, "id": node_id, "title": title, "score": score,
        "band": band.label.get(lang) if band else None,
        "interval": found,
        "range": None if spread is None or spread.low is None else {
            "low": spread.low, "median": spread.median, "high": spread.high},
        "reach": _span_labels(iset, min(lows) if lows else None, max(highs) if highs else None,
                              lang),
    }


def _crossing(iset: IndicatorSet, band: Band, low: float, high: float
              ) -> tuple[float, Band] | None:
    """The nearest band boundary the range [low, high] crosses, and the band beyond it."""
    position = iset.bands.index(band)
    below = iset.bands[position - 1] if position > 0 else None
    above = iset.bands[position + 1] if position + 1 < len(iset.bands) else None
    crossings = []
    if below is not None and low < band.lower - 1e-9:
        crossings.append((band.lower - low, band.lower, below))
    if above is not None and high >= above.lower - 1e-9:
        crossings.append((high - above.lower, above.lower, above))
    if not crossings:
        return None
    _, boundary, other = max(crossings, key=lambda c: c[0])
    return boundary, other


def _verdict(index: dict[str, Any], regional: RegionSensitivity | None, iset: IndicatorSet,
             lang: str) -> dict[str, Any] | None:
    """How solid the index's grade is: ``solid``, ``likely``, ``borderline`` or ``sampling``
    (solid under the judgement calls, but the sampling interval crosses a boundary)."""
    score = index["score"]
    band = iset.band_for(score)
    if score is None or band is None or (index["interval"] is None and regional is None):
        return None
    position = iset.bands.index(band)
    upper = (iset.bands[position + 1].lower if position + 1 < len(iset.bands)
             else iset.scale[1])
    out: dict[str, Any] = {"band": band.label.get(lang), "lower": band.lower, "upper": upper,
                           "probability": None, "p": None, "other": None, "other_p": None,
                           "boundary": None}
    crossing = None
    if index["interval"] is not None:
        crossing = _crossing(iset, band, index["interval"]["low"], index["interval"]["high"])
    if regional is not None:
        chances = {c.band.lower: c.probability for c in regional.bands if c.band is not None}
        held = chances.get(band.lower, 0.0)
        out["probability"] = held
        others = sorted(((p, b) for b in iset.bands if b.lower != band.lower
                         and (p := chances.get(b.lower, 0.0)) > 0),
                        key=lambda e: (-e[0], iset.bands.index(e[1])))
        whole = dict(zip((c.band.lower if c.band else None for c in regional.bands),
                         whole_percents([c.probability for c in regional.bands]), strict=True))
        out["p"] = _shown_percent(held, whole.get(band.lower, 0)) + "%"
        if others:
            out["other"] = others[0][1].label.get(lang)
            out["other_p"] = _shown_percent(others[0][0], whole.get(others[0][1].lower, 0)) + "%"
        elif held < 1:
            out["other"] = i18n.text("not_assessed", lang)
            out["other_p"] = _shown_percent(1 - held, whole.get(None, 0)) + "%"
        if held < LIKELY:
            out["kind"] = "borderline"
            return out
        if held < ROBUST:
            out["kind"] = "likely"
            return out
    if crossing is not None:
        out["kind"] = "sampling"
        out["boundary"] = crossing[0]
        out["other"] = crossing[1].label.get(lang)
        return out
    out["kind"] = "solid"
    return out


def whole_percents(shares: Sequence[float]) -> list[int]:
    """Shares (summing to 1) as whole percentages that sum to exactly 100 (largest
    remainder); a share of zero stays zero."""
    total = math.fsum(shares)
    if total <= 0:
        return [0] * len(shares)
    raw = [100.0 * s / total for s in shares]
    floors = [math.floor(r) for r in raw]
    left = 100 - sum(floors)
    order = sorted(range(len(raw)), key=lambda k: (-(raw[k] - floors[k]), k))
    for k in order[:left]:
        floors[k] += 1
    return floors


def _sensitivity(result: SensitivityResult, regional: RegionSensitivity,
                 bands: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    chances = [c.probability for c in regional.bands]
    whole = whole_percents(chances)
    rows = []
    by_band = {c.band.lower if c.band else None: (c.probability, w)
               for c, w in zip(regional.bands, whole, strict=True)}
    for band in bands:
        probability, percent = by_band.get(band["lower"], (0.0, 0))
        rows.append(band | {"probability": probability, "percent": percent,
                            "shown": _shown_percent(probability, percent)})
    missing = by_band.get(None)
    if missing is not None:
        rows.append({"label": i18n.text("not_assessed", lang), "lower": None, "upper": None,
                     "color": "#9aa5b1", "probability": missing[0], "percent": missing[1],
                     "shown": _shown_percent(missing[0], missing[1])})
    top = regional.most_influential
    effects = []
    for effect in sorted(regional.effects, key=lambda e: FACTORS.index(e.factor)):
        effects.append({
            "factor": effect.factor,
            "label": i18n.text(f"cert_factor_{effect.factor}", lang),
            "first_order": effect.first_order,
            "low": effect.low, "high": effect.high,
            "most": top is not None and effect.factor == top.factor and bool(top.first_order),
        })
    explained = math.fsum(e.first_order or 0.0 for e in regional.effects)
    low_p, high_p = result.interval
    rank = regional.rank
    ranks = []
    peers = [r for r in result.regions if r.year == regional.year and r.rank is not None]
    if rank is not None and len(peers) <= RANKS_LISTED:
        for peer in sorted(peers, key=lambda r: (r.rank.nominal if r.rank and r.rank.nominal
                                                 else math.inf, r.region)):
            assert peer.rank is not None
            ranks.append({"region": peer.region, "score": peer.index.nominal,
                          "low": peer.index.low, "high": peer.index.high,
                          "rank": peer.rank.nominal, "rank_low": peer.rank.low,
                          "rank_high": peer.rank.high,
                          "current": peer.region == regional.region})
    return {
        "draws": result.draws,
        "scenarios": result.scenarios,
        "seed": result.seed,
        "weight_range": result.weight_range,
        "weight_low": 1 - result.weight_range,
        "weight_high": 1 + result.weight_range,
        "aggregations": _either([i18n.text(f"agg_{a}", lang) if f"agg_{a}" in i18n.CATALOGUE
                                 else a for a in result.aggregations], lang),
        "imputations": _either([i18n.text(f"cert_imp_{m}", lang) for m in result.imputations],
                               lang),
        "factors": list(result.factors),
        "percentiles": {"low": low_p, "high": high_p, "share": high_p - low_p},
        "index": {"nominal": regional.index.nominal, "low": regional.index.low,
                  "median": regional.index.median, "high": regional.index.high},
        "bands": rows,
        "effects": effects,
        "most": next((e for e in effects if e["most"]), None),
        "interaction": max(0.0, 1.0 - explained) if top is not None else None,
        "rank": None if rank is None else {"nominal": rank.nominal, "low": rank.low,
                                           "high": rank.high, "median": rank.median,
                                           "of": rank.of},
        "ranks": ranks,
    }


def _shown_percent(probability: float, percent: int) -> str:
    """``<1`` or ``>99`` when rounding would hide that a grade is possible or not certain."""
    if probability > 0 and percent == 0:
        return "<1"
    if probability < 1 and percent == 100:
        return ">99"
    return str(percent)


def _either(names: Sequence[str], lang: str) -> str:
    """``a``, ``a or b``, ``a, b or c`` in the report's language."""
    word = i18n.text("word_or", lang)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {word} " + names[-1]


def _consistency(result: RegionResult, titles: dict[str, str], lang: str
                 ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def walk(group: GroupResult, depth: int, pillar: str | None) -> None:
        found = group.consistency
        if found is not None:
            reading = None
            if found.alpha is not None:
                reading = next(name for limit, name in ALPHA_READINGS if found.alpha >= limit)
            items: list[dict[str, Any]] = [
                {"id": item.id, "title": titles.get(item.id, item.id), "r": item.correlation,
                 "alpha_if_deleted": item.alpha_if_deleted,
                 "negative": item.correlation is not None and item.correlation < 0}
                for item in found.items]
            # The item whose removal raises alpha most (when removing one raises it at all).
            alpha = found.alpha
            better = [i for item, i in zip(found.items, items, strict=True)
                      if item.alpha_if_deleted is not None and alpha is not None
                      and item.alpha_if_deleted > alpha + 1e-9]
            out.append({
                "id": group.id, "title": titles.get(group.id, group.id), "kind": group.kind,
                "depth": depth, "pillar": pillar, "alpha": found.alpha, "n": found.n,
                "count": len(found.items),
                "reading": i18n.text(f"cert_alpha_{reading}", lang) if reading else None,
                "weak": found.alpha is None or found.alpha < 0.7,
                "items": items,
                "weakest": max(better, key=lambda i: (i["alpha_if_deleted"], i["id"]))
                if better else None,
            })
        for child in group.children:
            if isinstance(child, GroupResult):
                walk(child, depth + 1, pillar or titles.get(group.id, group.id))

    for pillar in result.pillars:
        walk(pillar, 0, None)
    # A group whose Likert items are exactly those of a group below it says nothing more.
    return [g for g in out if not any(
        other["depth"] > g["depth"] and [i["id"] for i in other["items"]]
        == [i["id"] for i in g["items"]] for other in out)]


_COUNTED = re.compile(r"([a-z][a-z\-]*) \((\d+) indicators\)")


def _annex(assessment: Assessment, result: RegionResult,
           sensitivity: SensitivityResult | None, titles: dict[str, str],
           pillar_of: dict[str, str], lang: str) -> dict[str, Any]:
    """The methodology annex: data treatment, resampling and the answers per indicator."""
    iset = assessment.indicator_set
    indicators = iset.indicator_map()
    results = list(result.indicators())
    extra = dict(assessment.methods.extra)
    # The engine records the imputation it applied (set's choice or a run-time override).
    imputation = [{"method": m, "label": i18n.text(f"cert_imp_{m}", lang), "count": int(n)}
                  for m, n in _COUNTED.findall(extra.get("imputation", ""))
                  if f"cert_imp_{m}" in i18n.CATALOGUE]
    treatments: dict[tuple[str, float, float, str], int] = {}
    for ind in indicators.values():
        if ind.outliers is not None and ind.outliers.method != "none":
            key = (ind.outliers.method, *ind.outliers.limits, ind.outliers.over)
            treatments[key] = treatments.get(key, 0) + 1
    role_weights = dict(iset.role_weights)
    answers = []
    for res in results:
        ind = indicators[res.id]
        spread = res.spread
        answers.append({
            "id": res.id, "title": titles[res.id], "pillar": titles[pillar_of[res.id]],
            "roles": list(ind.roles), "n": res.n, "min_answers": ind.min_answers,
            # One answer (a row of official statistics) has no spread worth showing.
            "sd": spread.sd if spread and res.n > 1 else None,
            # "Agree / yes" means something for rated and yes/no questions only.
            "share": spread.share_positive if spread and res.n > 1 and (
                ind.type in ("likert", "boolean") or ind.respondents == "share") else None,
            "minimum": spread.minimum if spread and res.n > 1 else None,
            "maximum": spread.maximum if spread and res.n > 1 else None,
            "by_role": [{"role": r.role, "n": r.n, "value": r.value} for r in res.by_role],
            "interval": _interval(res.interval),
            "score": res.score, "note": res.note, "imputed": res.imputed,
        })
    return {
        "imputation": imputation,
        "imputed": [{"title": titles[r.id], "method": i18n.text(f"cert_imp_{r.imputed}", lang)
                     if f"cert_imp_{r.imputed}" in i18n.CATALOGUE else r.imputed,
                     "from_year": r.imputed_from} for r in results if r.imputed],
        "outliers": [{"method": m, "low": low, "high": high,
                      "over": i18n.text(f"cert_over_{over}", lang), "count": n}
                     for (m, low, high, over), n in sorted(treatments.items())],
        "winsorised": [{"title": titles[r.id], "count": r.winsorised}
                       for r in results if r.winsorised],
        "normalisation": [{"title": titles[r.id], "method": r.normalisation}
                          for r in results if r.normalisation != "goalposts"],
        "role_weights": [{"role": role, "weight": weight}
                         for role, weight in sorted(role_weights.items())],
        "min_answers": _min_answer_groups(indicators.values(), titles),
        "answers": answers,
        "sensitivity": None if sensitivity is None else {
            "draws": sensitivity.draws, "scenarios": sensitivity.scenarios,
            "seed": sensitivity.seed, "weight_range": sensitivity.weight_range,
            "aggregations": " / ".join(i18n.text(f"agg_{a}", lang)
                                       if f"agg_{a}" in i18n.CATALOGUE else a
                                       for a in sensitivity.aggregations),
            "imputations": " / ".join(sensitivity.imputations),
            "low": sensitivity.interval[0], "high": sensitivity.interval[1]},
    }


def _min_answer_groups(indicators: Any, titles: dict[str, str]) -> list[dict[str, Any]]:
    """Indicators that need more than one answer, grouped by the minimum they need."""
    grouped: dict[int, list[str]] = {}
    for ind in indicators:
        if ind.min_answers > 1:
            grouped.setdefault(ind.min_answers, []).append(titles[ind.id])
    return [{"min": n, "count": len(names), "titles": names}
            for n, names in sorted(grouped.items())]



# --- charts -----------------------------------------------------------------------------------


def bounds(rows: Sequence[dict[str, Any]]) -> list[tuple[float, float] | None]:
    """The bootstrap interval of each context row (pillar or indicator) as (low, high)."""
    return [(r["interval"]["low"], r["interval"]["high"]) if r.get("interval") else None
            for r in rows]


def margin_text(row: dict[str, Any], lang: str) -> str:
    """`` ± 3.3`` for a row with an interval (chart descriptions), else nothing."""
    from ..numbers import format_number

    interval = row.get("interval")
    if not interval or row.get("score") is None:
        return ""
    return " ± " + format_number(interval["margin"], lang, 1)


CHART = "certainty"
"""File stem of the chart of the "How sure are we?" section."""


def chart_jobs(context: dict[str, Any], lang: str) -> list[Any]:
    """The chart of the "How sure are we?" section (none when nothing was computed)."""
    found = context.get("certainty")
    if not found:
        return []
    rows = [r for r in found["rows"] if r["score"] is not None
            and (r["interval"] is not None or r["range"] is not None)]
    if not rows:
        return []
    from ..numbers import format_number
    from .build import ChartJob
    from .certainty_charts import Row
    from .charts import BandZone

    def t(key: str, **values: Any) -> str:
        return i18n.text(key, lang).format(**values)

    def num(value: float | None) -> str:
        return format_number(value, lang, 1)

    sens = found["sensitivity"]
    plow = format_number(100 * sens["percentiles"]["low"], lang, 0) if sens else "5"
    phigh = format_number(100 * sens["percentiles"]["high"], lang, 0) if sens else "95"
    level = format_number(100 * (found["confidence"] or 0.95), lang, 0) + "%"
    chart_rows = []
    items = []
    for r in rows:
        interval, spread = r["interval"], r["range"]
        chart_rows.append(Row(r["title"], r["score"],
                              interval["low"] if interval else None,
                              interval["high"] if interval else None,
                              spread["low"] if spread else None,
                              spread["high"] if spread else None, r["kind"] == "index"))
        parts = [f"{r['title']} {num(r['score'])}"]
        if interval:
            parts.append(f"{level} {num(interval['low'])}–{num(interval['high'])}")
        if spread:
            parts.append(f"{plow}–{phigh}% {num(spread['low'])}–{num(spread['high'])}")
        items.append(", ".join(parts))
    texts = {"score": t("cert_chart_score"), "interval": t("cert_chart_interval", level=level),
             "range": t("cert_chart_range", plow=plow, phigh=phigh),
             "axis": t("cert_chart_axis", scale=context["scale"]["text"])}
    zones = [BandZone(b["lower"], b["label"], b["color"]) for b in context["bands"]]
    scale = (context["scale"]["low"], context["scale"]["high"])
    return [ChartJob(CHART, t("cert_chart_title"),
                     t("cert_chart_desc", plow=plow, phigh=phigh, items="; ".join(items)),
                     "certainty_charts.certainty_chart", (chart_rows, zones, scale, lang, texts))]


def interval_label(context: dict[str, Any], lang: str) -> str:
    """Legend label of the error bars: ``95% interval``."""
    from ..numbers import format_number

    level = (context.get("certainty") or {}).get("confidence") or 0.95
    return i18n.text("col_interval", lang).format(
        level=format_number(100 * level, lang, 0) + "%")
