"""``compare``: score files against each other, or years or regions within them."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .console import run, stdout, write_output
from .options import Lang, LangOption

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.console import RenderableType

    from ..compare import Comparison


class CompareFormat(str, Enum):
    """Output formats of ``compare``."""

    table = "table"
    json = "json"
    md = "md"


class Against(str, Enum):
    """What each side is compared with."""

    previous = "previous"
    first = "first"


def compare_command(
    scores: Annotated[list[Path], typer.Argument(
        help="Scores files (scores.json from score --format json, report or run).",
        show_default=False)],
    region: Annotated[list[str] | None, typer.Option(
        "--region", "-r", help="Compare these regions (give two or more), or pick one region "
        "to follow over years or files.", show_default=False)] = None,
    year: Annotated[list[int] | None, typer.Option(
        "--year", "-y", help="Compare these years (give two or more), or pick one year.",
        show_default=False)] = None,
    fmt: Annotated[CompareFormat, typer.Option("--format", "-f", help="Output format.")] = (
        CompareFormat.table),
    against: Annotated[Against, typer.Option(
        "--against", help="Compare each side with the previous one (year over year) or with "
        "the first.")] = Against.previous,
    detail: Annotated[bool | None, typer.Option(
        "--detail/--no-detail", help="Every pillar, dimension and indicator of each pair "
        "(default: when there are at most 5 pairs).", show_default=False)] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write to this file instead of stdout.",
        show_default=False)] = None,
    criteria: Annotated[str | None, typer.Option(
        "--criteria", "-c", help="Indicator set whose names the table and Markdown show "
        "(default: the bundled set the scores were made with, when there is one; else ids).",
        show_default=False)] = None,
    lang: LangOption = Lang.id,
) -> None:
    """Deltas of the index, pillars and indicators, band and rank changes between score
    files, years or regions; a break is marked where the indicator set changed."""

    def body() -> None:
        from ..compare import compare, to_json, to_markdown
        from ..errors import InputError, Problem
        from ..history import Snapshot, read_scores
        from ..outputs import refuse_input_as_output

        refuse_input_as_output(output, [*scores, *([criteria] if criteria else [])])
        files: list[tuple[str, list[Snapshot]]] = []
        problems: list[Problem] = []
        for path in scores:
            try:
                files.append((str(path), read_scores(path)))
            except InputError as error:
                problems.extend(error.problems)
        if problems:
            raise InputError(problems)
        comparison = compare(files, regions=region or (), years=year or (),
                             against=against.value)
        if fmt is CompareFormat.json:
            write_output(to_json(comparison), output, lang=lang.value)
            return
        names = node_names(comparison, criteria, lang.value)
        if fmt is CompareFormat.md or output is not None:
            write_output(to_markdown(comparison, lang.value, detail, names), output,
                         lang=lang.value)
        else:
            for renderable in tables(comparison, lang.value, detail, names):
                stdout.print(renderable)

    run(body)


def node_names(comparison: Comparison, criteria: str | None, lang: str) -> dict[str, str]:
    """Names of the pillars, dimensions and indicators in ``lang``: from ``criteria``, else
    from the bundled set each side was scored with (by id), else none (ids are shown)."""
    from ..indicators.loader import bundled_sets, load_indicator_set

    specs: list[str] = [criteria] if criteria else []
    if not specs:
        used = dict.fromkeys(s.criteria.id for side in comparison.sides
                             for s in side.records.values())
        bundled = set(bundled_sets())
        specs = [set_id for set_id in used if set_id in bundled]
    names: dict[str, str] = {}
    for spec in specs:
        iset = load_indicator_set(spec)
        names |= {g.id: g.title.get(lang) for g in iset.groups()}
        names |= {i.id: i.title.get(lang) for i in iset.indicators()}
    return names


def tables(comparison: Comparison, lang: str, detail: bool | None,
           names: Mapping[str, str] | None = None) -> list[RenderableType]:
    """The comparison as Rich tables in ``lang``: one summary row per pair (pillar changes
    in columns P1, P2 … named in the legend below), then details. Names wrap, never cut."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from ..compare import (
        DETAIL_LIMIT,
        KIND_KEYS,
        break_text,
        node_name,
        rank_change_text,
        rank_text,
        signed,
        summary_heads,
    )
    from ..messages import text, tr
    from ..numbers import format_number

    names = names or {}

    def w(key: str) -> str:
        return text(key, lang)

    def delta_text(value: float | None) -> Text:
        shown = signed(value, lang)
        style = "" if value is None or abs(value) < 0.05 else ("green" if value > 0 else "red")
        return Text(shown, style=style)

    pairs = comparison.pairs
    pillar_ids = list(dict.fromkeys(d.id for p in pairs for d in p.pillars()))
    intro, key_head = summary_heads(comparison, lang,
                                    " · ".join(s.label for s in comparison.sides))
    legend = tr("term_pillar_legend", lang, items=" · ".join(
        f"P{n} {names.get(pid) or pid}" for n, pid in enumerate(pillar_ids, start=1)))
    summary = Table(box=box.SIMPLE_HEAD, title=intro, title_justify="left",
                    caption=legend if pillar_ids else None, caption_justify="left")
    summary.add_column(key_head, overflow="fold", ratio=2)
    summary.add_column(f"{w('cmp_from')} → {w('cmp_to')}", overflow="fold", ratio=1)
    summary.add_column(w("index_short"), justify="right", no_wrap=True)
    summary.add_column("Δ", justify="right", no_wrap=True)
    summary.add_column(w("col_band"), overflow="fold")
    summary.add_column(w("cmp_rank"), overflow="fold")
    for number, _ in enumerate(pillar_ids, start=1):
        summary.add_column(f"Δ P{number}", justify="right", no_wrap=True)
    breaks = any(p.is_break for p in pairs)
    if breaks:
        summary.add_column(w("cmp_note"), overflow="fold")
    for p in pairs:
        deltas = {d.id: d.delta for d in p.pillars()}
        band = (p.other.band or "–") if p.base.band == p.other.band else (
            f"{p.base.band or '–'} → {p.other.band or '–'}")
        rank = f"{rank_text(p.base_rank)} → {rank_text(p.other_rank)}"
        if p.rank_change:
            rank += f" {rank_change_text(p.rank_change)}"
        summary.add_row(Text(p.key), Text(f"{p.base_side} → {p.other_side}"),
                        format_number(p.index.other, lang, 1), delta_text(p.index.delta),
                        Text(band), rank, *(delta_text(deltas.get(pid)) for pid in pillar_ids),
                        *([Text(tr("cmp_break_plain", lang, reason=break_text(p, lang)),
                                style="bold yellow") if p.is_break else ""] if breaks else []))
    found: list[RenderableType] = [summary]
    if comparison.unmatched:
        found.append(Text(w("cmp_unmatched") + ": " + "; ".join(
            tr("cmp_unmatched_item", lang, key=key, has=has, lacks=lacks)
            for key, has, lacks in comparison.unmatched), style="yellow"))
    if not (len(pairs) <= DETAIL_LIMIT if detail is None else detail):
        return found
    for p in pairs:
        table = Table(box=box.SIMPLE_HEAD, title=f"{p.key}: {p.base_side} → {p.other_side}",
                      title_justify="left")
        table.add_column(w("cmp_node"), overflow="fold", ratio=1)
        table.add_column(w("cmp_kind"))
        table.add_column(w("cmp_from"), justify="right", no_wrap=True)
        table.add_column(w("cmp_to"), justify="right", no_wrap=True)
        table.add_column("Δ", justify="right", no_wrap=True)
        for d in (p.index, *p.groups, *p.indicators):
            indent = "" if d.kind in ("index", "pillar") else (
                "  " if d.kind == "dimension" else "    ")
            table.add_row(Text(indent + node_name(d, names, lang)), w(KIND_KEYS[d.kind]),
                          format_number(d.base, lang, 1), format_number(d.other, lang, 1),
                          delta_text(d.delta))
        found.append(table)
        if p.is_break:
            found.append(Text(tr("cmp_break_plain", lang, reason=break_text(p, lang)),
                              style="bold yellow"))
        for note in p.notes:
            found.append(Text(tr("cmp_note_plain", lang, note=note.text(lang)),
                              style="yellow"))
    return found
