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
from ..numbers import format_number, format_percent
from ..render.escape import markdown_text
from ..scoring.results import Assessment
from .assertions import Outcome, describe

MOVERS_REGIONS = 5
"""With this many region-years or fewer, the summary lists the indicators that moved most."""
MOVERS = 5
"""Indicators listed per direction (largest falls, largest gains)."""

_LABELS = {
    "en": {
        "title": "Scorecard", "region": "Region", "year": "Year", "index": "Index",
        "change": "Change", "band": "Band", "coverage": "Coverage", "since": "since",
        "assertions": "Assertions", "result": "Result", "level": "Level", "target": "Target",
        "check": "Check", "found": "Found", "limit": "Limit", "detail": "Detail",
        "failed": "failed", "passed": "passed", "skipped": "skipped", "warnings": "warnings",
        "warning": "warning", "errors": "errors", "error": "error", "ok": "All assertions pass",
        "none": "No assertions configured", "not": "not assessed", "break": "break",
        "break_note": "a *break*: the previous year was scored with another indicator set "
                      "({sets}), so its change is not shown",
        "movers": "Indicators that moved most", "indicator": "Indicator", "fell": "Falls",
        "rose": "Gains", "skips": "Skipped checks", "region_years": "region-years",
        "inputs": "input files", "provenance": "hashes in provenance.json",
        "fail_word": "FAIL", "warn_word": "WARN",
    },
    "id": {
        "title": "Kartu skor", "region": "Wilayah", "year": "Tahun", "index": "Indeks",
        "change": "Perubahan", "band": "Kategori", "coverage": "Cakupan", "since": "sejak",
        "assertions": "Asersi", "result": "Hasil", "level": "Tingkat", "target": "Sasaran",
        "check": "Uji", "found": "Nilai", "limit": "Batas", "detail": "Keterangan",
        "failed": "gagal", "passed": "lulus", "skipped": "dilewati", "warnings": "peringatan",
        "warning": "peringatan", "errors": "galat", "error": "galat",
        "ok": "Semua asersi lulus", "none": "Tidak ada asersi", "not": "tidak dinilai",
        "break": "jeda",
        "break_note": "*jeda*: tahun sebelumnya dinilai dengan set indikator lain ({sets}), "
                      "sehingga perubahannya tidak ditampilkan",
        "movers": "Indikator dengan perubahan terbesar", "indicator": "Indikator",
        "fell": "Turun", "rose": "Naik", "skips": "Uji yang dilewati",
        "region_years": "wilayah-tahun", "inputs": "berkas masukan",
        "provenance": "hash di provenance.json", "fail_word": "GAGAL", "warn_word": "PERINGATAN",
    },
}


@dataclass(frozen=True)
class Row:
    """One region-year of the summary, with its comparison to the previous year if any."""

    snapshot: Snapshot
    change: Pair | None


def verdict(outcomes: Sequence[Outcome], lang: str = "en") -> str:
    """``❌ 2 errors failed · ⚠️ 1 warning · ✅ 10 passed · 3 skipped``."""
    labels = _LABELS.get(lang, _LABELS["en"])
    if not outcomes:
        return labels["none"]
    errors = sum(1 for o in outcomes if o.is_error)
    warns = sum(1 for o in outcomes if o.status == "fail" and o.level == "warn")
    passed = sum(1 for o in outcomes if o.status == "pass")
    skipped = sum(1 for o in outcomes if o.status == "skip")
    parts = []
    if errors:
        parts.append(f"❌ **{errors} {labels['errors'] if errors != 1 else labels['error']} "
                     f"{labels['failed']}**")
    else:
        parts.append(f"✅ **{labels['ok']}**")
    if warns:
        parts.append(f"⚠️ {warns} {labels['warnings'] if warns != 1 else labels['warning']}")
    parts.append(f"{passed} {labels['passed']}")
    if skipped:
        parts.append(f"{skipped} {labels['skipped']}")
    return " · ".join(parts)


def to_markdown(assessment: Assessment, rows: Sequence[Row], outcomes: Sequence[Outcome],
                lang: str = "en") -> str:
    """The whole summary."""
    labels = _LABELS.get(lang, _LABELS["en"])
    iset = assessment.indicator_set

    def num(value: float | None) -> str:
        return labels["not"] if value is None else format_number(value, lang, 1)

    lines = [
        f"# {labels['title']}: {markdown_text(iset.title.get(lang))}",
        "",
        verdict(outcomes, lang),
        "",
        f"`{iset.id}` {markdown_text(iset.version)} · smartcity-assess "
        f"{markdown_text(assessment.tool_version)} · {len(assessment.inputs)} "
        f"{labels['inputs']} · {len(assessment.results)} {labels['region_years']} · "
        f"{labels['provenance']}",
        "",
    ]
    pillars = [(p.id, markdown_text(p.title.get(lang))) for p in iset.pillars]
    lines += [
        "| " + " | ".join([labels["region"], labels["year"], labels["index"],
                          labels["change"], labels["band"], labels["coverage"],
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
            index_change = f"{labels['break']}¹"
            breaks.append(f"{change.base.criteria.label} → {change.other.criteria.label}")
        else:
            index_change = f"{signed(change.index.delta, lang)} ({change.base.year})"
        deltas = {d.id: d for d in change.pillars()} if change is not None and comparable else {}
        cells = []
        for pillar_id, _ in pillars:
            node = snap.node(pillar_id)
            text = num(node.score if node else None)
            if pillar_id in deltas and deltas[pillar_id].delta is not None:
                text += f" ({signed(deltas[pillar_id].delta, lang)})"
            cells.append(text)
        lines.append("| " + " | ".join([
            markdown_text(snap.region), "" if snap.year is None else str(snap.year),
            num(snap.score), index_change, markdown_text(snap.band or "–"),
            format_percent(snap.coverage, lang), *cells]) + " |")
    if breaks:
        sets = ", ".join(sorted(set(breaks)))
        lines += ["", "¹ " + labels["break_note"].format(sets=markdown_text(sets))]
    lines += _assertion_lines(outcomes, labels, lang)
    lines += _mover_lines(rows, labels, lang)
    lines.append("")
    return "\n".join(lines)


def _assertion_lines(outcomes: Sequence[Outcome], labels: dict[str, str], lang: str
                     ) -> list[str]:
    if not outcomes:
        return []
    lines = ["", f"## {labels['assertions']}", ""]
    failed = [o for o in outcomes if o.status == "fail"]
    failed.sort(key=lambda o: (o.level != "error", o.region, o.year or 0))
    if failed:
        lines += [
            "| " + " | ".join([labels["result"], labels["level"], labels["region"],
                              labels["target"], labels["check"], labels["found"],
                              labels["limit"], labels["detail"]]) + " |",
            "| --- | --- | --- | --- | --- | ---: | ---: | --- |",
        ]
        for o in failed:
            mark = f"❌ {labels['fail_word']}" if o.level == "error" else (
                f"⚠️ {labels['warn_word']}")
            found = o.found
            lines.append("| " + " | ".join([
                mark, o.level, markdown_text(o.where), f"`{o.node}`" if o.kind != "index"
                else labels["index"], f"`{o.check}`",
                labels["not"] if found is None else format_number(found, lang, 2),
                format_number(o.limit, lang, 0 if o.limit == int(o.limit) else 2),
                markdown_text(describe(o, lang))]) + " |")
    else:
        lines.append(f"✅ {labels['ok']}.")
    skipped: dict[str, int] = {}
    for o in outcomes:
        if o.status == "skip":
            reason = describe(o, lang)
            skipped[reason] = skipped.get(reason, 0) + 1
    if skipped:
        lines += ["", f"{labels['skips']}:", ""]
        for reason, count in sorted(skipped.items()):
            lines.append(f"- {markdown_text(reason)} ({count} {labels['region_years']})")
    return lines


def _mover_lines(rows: Sequence[Row], labels: dict[str, str], lang: str) -> list[str]:
    compared = [r for r in rows if r.change is not None and not r.change.is_break]
    if not compared or len(rows) > MOVERS_REGIONS:
        return []
    lines = ["", f"## {labels['movers']}"]
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
            f"| {labels['indicator']} | {change.base.year} | {change.other.year} | Δ |",
            "| --- | ---: | ---: | ---: |",
        ]
        for d in [*falls, *gains]:
            lines.append(f"| `{d.id}` | {format_number(d.base, lang, 1)} | "
                         f"{format_number(d.other, lang, 1)} | {signed(d.delta, lang)} |")
    return lines if len(lines) > 2 else []
