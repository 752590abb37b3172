"""``summary.md``: the run at a glance, for ``$GITHUB_STEP_SUMMARY`` or a pull-request comment.

A verdict line, one table of every region-year the assertions apply to (index, change since
the previous year, band, coverage, pillars with their change), every failed assertion, the
skipped ones grouped by reason, and for a few regions the indicators that moved most.
All user text is escaped; the file passes markdownlint with the project's config.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..compare import Pair, signed
from ..history import Snapshot
from ..messages import text, tr
from ..numbers import format_number, format_percent
from ..render.escape import markdown_text
from ..scoring.results import Assessment
from .assertions import Outcome, describe

MOVERS_REGIONS = 5
"""With this many region-years or fewer, the summary lists the indicators that moved most."""
MOVERS = 5
"""Indicators listed per direction (largest falls, largest gains)."""

@dataclass(frozen=True)
class Row:
    """One region-year of the summary, with its comparison to the previous year if any."""

    snapshot: Snapshot
    change: Pair | None


def verdict(outcomes: Sequence[Outcome], lang: str = "en") -> str:
    """``❌ 2 errors failed · ⚠️ 1 warning · 10 passed · 3 skipped``."""
    if not outcomes:
        return text("sum_none", lang)
    errors = sum(1 for o in outcomes if o.is_error)
    warns = sum(1 for o in outcomes if o.status == "fail" and o.level == "warn")
    passed = sum(1 for o in outcomes if o.status == "pass")
    skipped = sum(1 for o in outcomes if o.status == "skip")
    parts = []
    if errors:
        failed = (tr("sum_errors_failed", lang, n=errors) if errors != 1
                  else text("sum_error_failed", lang))
        parts.append(f"❌ **{failed}**")
    else:
        parts.append(f"✅ **{text('sum_ok', lang)}**")
    if warns:
        parts.append("⚠️ " + (tr("sum_warnings", lang, n=warns) if warns != 1
                               else text("sum_warning", lang)))
    parts.append(tr("sum_passed", lang, n=passed))
    if skipped:
        parts.append(tr("sum_skipped", lang, n=skipped))
    return " · ".join(parts)


def to_markdown(assessment: Assessment, rows: Sequence[Row], outcomes: Sequence[Outcome],
                lang: str = "en") -> str:
    """The whole summary."""
    iset = assessment.indicator_set

    def w(key: str) -> str:
        return text(key, lang)

    def num(value: float | None) -> str:
        return w("not_assessed") if value is None else format_number(value, lang, 1)

    lines = [
        f"# {w('sc_title')}: {markdown_text(iset.title.get(lang))}",
        "",
        verdict(outcomes, lang),
        "",
        f"`{iset.id}` {markdown_text(iset.version)} · smartcity-assess "
        f"{markdown_text(assessment.tool_version)} · {len(assessment.inputs)} "
        f"{w('sum_inputs')} · {len(assessment.results)} {w('sum_region_years')} · "
        f"{w('sum_provenance')}",
        "",
    ]
    pillars = [(p.id, markdown_text(p.title.get(lang))) for p in iset.pillars]
    lines += [
        "| " + " | ".join([w("col_region"), w("col_year"), w("index_short"), w("col_change"),
                          w("col_band"), w("col_coverage"),
                          *(title for _, title in pillars)]) + " |",
        "| " + " | ".join(["---", "---:", "---:", "---:", "---", "---:"]
                          + ["---:"] * len(pillars)) + " |",
    ]
    breaks: list[str] = []
    for row in rows:
        snap, change = row.snapshot, row.change
        comparable = change is not None and not change.is_break
        if change is None:
            index_change = "–"
        elif change.is_break:
            index_change = f"{w('sum_break')}¹"
            breaks.append(f"{change.base.criteria.label} → {change.other.criteria.label}")
        else:
            index_change = f"{signed(change.index.delta, lang)} ({change.base.year})"
        deltas = {d.id: d for d in change.pillars()} if change is not None and comparable else {}
        cells = []
        for pillar_id, _ in pillars:
            node = snap.node(pillar_id)
            cell = num(node.score if node else None)
            if pillar_id in deltas and deltas[pillar_id].delta is not None:
                cell += f" ({signed(deltas[pillar_id].delta, lang)})"
            cells.append(cell)
        lines.append("| " + " | ".join([
            markdown_text(snap.region), "" if snap.year is None else str(snap.year),
            num(snap.score), index_change, markdown_text(snap.band or "–"),
            format_percent(snap.coverage, lang), *cells]) + " |")
    if breaks:
        sets = ", ".join(sorted(set(breaks)))
        lines += ["", "¹ " + tr("sum_break_note", lang, sets=markdown_text(sets))]
    lines += _assertion_lines(outcomes, lang)
    titles = {i.id: i.title.get(lang) for i in iset.indicators()}
    lines += _mover_lines(rows, titles, lang)
    lines.append("")
    return "\n".join(lines)


def _assertion_lines(outcomes: Sequence[Outcome], lang: str) -> list[str]:
    if not outcomes:
        return []

    def w(key: str) -> str:
        return text(key, lang)

    lines = ["", f"## {w('sum_assertions')}", ""]
    failed = [o for o in outcomes if o.status == "fail"]
    failed.sort(key=lambda o: (o.level != "error", o.region, o.year or 0))
    if failed:
        lines += [
            "| " + " | ".join([w("sum_result"), w("sum_level"), w("col_region"),
                              w("sum_target"), w("sum_check"), w("sum_found"),
                              w("sum_limit"), w("sum_detail")]) + " |",
            "| --- | --- | --- | --- | --- | ---: | ---: | --- |",
        ]
        for o in failed:
            mark = f"❌ {w('sum_fail_word')}" if o.level == "error" else (
                f"⚠️ {w('sum_warn_word')}")
            found = o.found
            lines.append("| " + " | ".join([
                mark, o.level, markdown_text(o.where), f"`{o.node}`" if o.kind != "index"
                else w("index_short"), f"`{o.check}`",
                w("not_assessed") if found is None else format_number(found, lang, 2),
                format_number(o.limit, lang, 0 if o.limit == int(o.limit) else 2),
                markdown_text(describe(o, lang))]) + " |")
    else:
        lines.append(f"✅ {w('sum_ok')}.")
    skipped: dict[str, int] = {}
    for o in outcomes:
        if o.status == "skip":
            reason = describe(o, lang)
            skipped[reason] = skipped.get(reason, 0) + 1
    if skipped:
        lines += ["", f"{w('sum_skips')}:", ""]
        for reason, count in sorted(skipped.items()):
            lines.append(f"- {markdown_text(reason)} ({count} {w('sum_region_years')})")
    return lines


def _mover_lines(rows: Sequence[Row], titles: dict[str, str], lang: str) -> list[str]:
    """For a few region-years: the indicators that fell and rose most, by name (the id in
    code after it, as the assertions name them)."""
    compared = [r for r in rows if r.change is not None and not r.change.is_break]
    if not compared or len(rows) > MOVERS_REGIONS:
        return []
    lines = ["", f"## {text('sum_movers', lang)}"]
    for row in compared:
        change = row.change
        assert change is not None
        moved = [d for d in change.indicators if d.delta is not None and abs(d.delta) >= 0.05]
        falls = sorted((d for d in moved if d.delta is not None and d.delta < 0),
                       key=lambda d: (d.delta, d.id))[:MOVERS]
        gains = sorted((d for d in moved if d.delta is not None and d.delta > 0),
                       key=lambda d: (-(d.delta or 0), d.id))[:MOVERS]
        if not falls and not gains:
            continue
        lines += [
            "", f"### {markdown_text(row.snapshot.region)}: {change.base.year} → "
            f"{change.other.year}", "",
            f"| {text('col_indicator', lang)} | {change.base.year} | {change.other.year} | Δ |",
            "| --- | ---: | ---: | ---: |",
        ]
        for d in [*falls, *gains]:
            name = (f"{markdown_text(titles[d.id])} (`{d.id}`)" if titles.get(d.id)
                    else f"`{d.id}`")
            lines.append(f"| {name} | {format_number(d.base, lang, 1)} | "
                         f"{format_number(d.other, lang, 1)} | {signed(d.delta, lang)} |")
    return lines if len(lines) > 2 else []
