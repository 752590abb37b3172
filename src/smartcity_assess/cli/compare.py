"""``compare``: score files against each other, or years or regions within them."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .console import run, stdout, write_output
from .options import Lang, LangOption

if TYPE_CHECKING:
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
    lang: LangOption = Lang.id,
) -> None:
    """Deltas of the index, pillars and indicators, band and rank changes between score
    files, years or regions; a break is marked where the indicator set changed."""

    def body() -> None:
        from ..compare import compare, to_json, to_markdown
        from ..errors import InputError, Problem
        from ..history import Snapshot, read_scores
        from ..outputs import refuse_input_as_output

        refuse_input_as_output(output, scores)
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
            write_output(to_json(comparison), output)
        elif fmt is CompareFormat.md or output is not None:
            write_output(to_markdown(comparison, lang.value, detail), output)
        else:
            for renderable in tables(comparison, lang.value, detail):
                stdout.print(renderable)

    run(body)


def tables(comparison: Comparison, lang: str, detail: bool | None) -> list[RenderableType]:
    """The comparison as Rich tables: one summary row per pair, then details."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from ..compare import DETAIL_LIMIT, rank_change_text, rank_text, signed
    from ..numbers import format_number

    def delta_text(value: float | None) -> Text:
        text = signed(value, lang)
        style = "" if value is None or abs(value) < 0.05 else ("green" if value > 0 else "red")
        return Text(text, style=style)

    pairs = comparison.pairs
    pillar_ids = list(dict.fromkeys(d.id for p in pairs for d in p.pillars()))
    key_head = "Year" if comparison.mode == "regions" else "Region"
    summary = Table(box=box.SIMPLE_HEAD, title=f"Comparison ({comparison.mode}, each against "
                    f"the {comparison.against} side)", title_justify="left")
    summary.add_column(key_head)
    summary.add_column("From → to")
    summary.add_column("Index", justify="right")
    summary.add_column("Δ", justify="right")
    summary.add_column("Band")
    summary.add_column("Rank")
    for pid in pillar_ids:
        summary.add_column(f"Δ {pid}", justify="right")
    summary.add_column("Note")
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
                        Text("break: " + (p.break_reason or ""), style="bold yellow")
                        if p.is_break else "")
    found: list[RenderableType] = [summary]
    if comparison.unmatched:
        found.append(Text("Not compared (on one side only): " + "; ".join(
            f"{key} (in {has}, not in {lacks})" for key, has, lacks in comparison.unmatched),
            style="yellow"))
    if not (len(pairs) <= DETAIL_LIMIT if detail is None else detail):
        return found
    for p in pairs:
        table = Table(box=box.SIMPLE_HEAD, title=f"{p.key}: {p.base_side} → {p.other_side}",
                      title_justify="left")
        for head, justify in (("Node", "left"), ("Kind", "left"), ("From", "right"),
                              ("To", "right"), ("Δ", "right")):
            table.add_column(head, justify=justify)  # type: ignore[arg-type]
        for d in (p.index, *p.groups, *p.indicators):
            indent = "" if d.kind in ("index", "pillar") else (
                "  " if d.kind == "dimension" else "    ")
            table.add_row(Text(indent + d.id), d.kind, format_number(d.base, lang, 1),
                          format_number(d.other, lang, 1), delta_text(d.delta))
        found.append(table)
        if p.is_break:
            found.append(Text(f"break: {p.break_reason}", style="bold yellow"))
        for note in p.notes:
            found.append(Text(f"note: {note}", style="yellow"))
    return found
