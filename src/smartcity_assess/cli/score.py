"""``score``: the scorecard in the terminal, or as JSON, CSV or Markdown."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from .console import EXIT_THRESHOLD, message, run, stdout, write_output
from .options import Criteria, IgnoreColumns, Lang, LangOption, Sheet, Surveys


class ScoreFormat(str, Enum):
    """Output formats of ``score``."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def score_command(
    surveys: Surveys,
    criteria: Criteria = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ScoreFormat.table),
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write to this file instead of stdout.",
        show_default=False)] = None,
    fail_under: Annotated[float | None, typer.Option(
        "--fail-under", help="Exit 1 when any region-year's index is below this score "
        "(or not assessed).", show_default=False)] = None,
    lang: LangOption = Lang.id,
    sheet: Sheet = None,
    ignore_column: IgnoreColumns = None,
) -> None:
    """Score survey data against an indicator set: index, band, pillars and coverage for
    every region-year in the data."""

    def body() -> int:
        from ..pipeline import run_assessment

        assessment = run_assessment(surveys, criteria, sheet=sheet,
                                    ignore_columns=ignore_column or ())
        if fmt is ScoreFormat.table and output is None:
            from .scorecard import scorecard

            stdout.print(scorecard(assessment, lang.value, stdout.width))
        else:
            write_output(render_scores(assessment, fmt, lang.value), output)
        if fail_under is None:
            return 0
        failing = [r for r in assessment.results if r.score is None or r.score < fail_under]
        for result in failing:
            year = f" {result.year}" if result.year is not None else ""
            found = "not assessed" if result.score is None else f"{result.score:.2f}"
            message(f"threshold not met: {result.region}{year} index {found} < {fail_under:g}",
                    "bold red")
        return EXIT_THRESHOLD if failing else 0

    code = run(body)
    if code:
        raise typer.Exit(code)


def render_scores(assessment: object, fmt: ScoreFormat, lang: str) -> str:
    """Text of the scores in a machine format (table is rendered as Markdown when saved)."""
    from ..render import scores_csv, scores_json, scores_md

    renderers = {
        ScoreFormat.json: scores_json.to_json,
        ScoreFormat.csv: scores_csv.to_csv,
        ScoreFormat.md: scores_md.to_markdown,
        ScoreFormat.table: scores_md.to_markdown,
    }
    return renderers[fmt](assessment, lang)  # type: ignore[arg-type]
