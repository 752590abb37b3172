"""Rupiah in the reports' words: ``Rp3,08 triliun`` in prose, millions in tables."""

from __future__ import annotations

from ..messages import text, tr
from ..messages.keys import FUNDING_KEYS
from ..numbers import format_number
from ..planning.plan import FUNDING_SOURCES
from ..planning.planner import ZERO, Roadmap, Stage
from .views import YearCostView

MILLION = 1_000_000


def rupiah(amount: float, lang: str) -> str:
    """``Rp3,08 triliun`` / ``Rp3.08 trillion`` (miliar/billion, juta/million below): two
    decimals under 10, one above, whole millions; trailing zeros dropped."""
    if amount >= 1e12:
        value, key = amount / 1e12, "rp_trillion"
    elif amount >= 1e9:
        value, key = amount / 1e9, "rp_billion"
    elif amount >= 1e6:
        value, key = amount / 1e6, "rp_million"
    else:
        return "Rp" + format_number(amount, lang, 0)
    digits = 0 if key == "rp_million" else 2 if value < 10 else 1
    shown = format_number(value, lang, digits)
    decimal = "," if lang == "id" else "."
    if decimal in shown:
        shown = shown.rstrip("0").rstrip(decimal)
    return tr(key, lang, value=shown)


def millions(amount: float | None, lang: str) -> str:
    """An amount in millions of rupiah for a table column headed "juta Rp": ``1.250``."""
    if amount is None:
        return "–"
    return format_number(amount / MILLION, lang, 0)


def stage_rpjmd(stage: Stage | None) -> str:
    """``RPJMD 2025–2029`` for a stage (empty for none)."""
    if stage is None:
        return ""
    return f"RPJMD {stage.rpjmd[0]}–{stage.rpjmd[1]}"


def funding_label(source: str, lang: str) -> str:
    """A funding source as a reader writes it (``DanaDesa`` → ``Dana Desa``)."""
    key = FUNDING_KEYS.get(source)
    return text(key, lang) if key is not None else source


def funding_sources(roadmap: Roadmap) -> tuple[str, ...]:
    """Funding sources the scheduled programs or the envelopes use, in the format's order."""
    used = {s for c in roadmap.costs for s, m in c.by_source if m.high > 0}
    used |= {s for c in roadmap.costs for s, v in (c.envelope or ()) if v > 0}
    return tuple(s for s in FUNDING_SOURCES if s in used)


def year_costs(roadmap: Roadmap, lang: str) -> tuple[YearCostView, ...]:
    """Every plan year's scheduled cost per funding source against its envelope."""
    sources = funding_sources(roadmap)
    labels = tuple(funding_label(s, lang) for s in sources)
    found = []
    for cost in roadmap.costs:
        spent = dict(cost.by_source)
        total = cost.total
        envelope_total = cost.envelope_total
        found.append(YearCostView(
            year=cost.year, stage=stage_rpjmd(roadmap.stage_of(cost.year)),
            by_source=tuple((s, spent.get(s, ZERO)) for s in sources), labels=labels,
            total=total,
            envelope=cost.envelope, envelope_total=envelope_total,
            left=None if envelope_total is None else envelope_total - total.high,
            starting=len(roadmap.starting_in(cost.year))))
    return tuple(found)
