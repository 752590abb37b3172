"""``score``: the scorecard in the terminal, or as JSON, CSV or Markdown."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from .console import EXIT_THRESHOLD, message, run, stdout, write_output
from .notices import notices
from .options import Criteria, IgnoreColumns, Lang, LangOption, Sheet, Surveys
from .usage import unused_total

if TYPE_CHECKING:
    from ..scoring.results import Assessment
    from ..scoring.sensitivity import SensitivityResult

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
    bootstrap: Annotated[int | None, typer.Option(
        "--bootstrap", min=0, help="Bootstrap draws for confidence intervals (0: none). "
        "Default: 1000 for the terminal table (fewer for more than 20,000 answers, none for "
        "more than 200,000), 0 for json, csv and md.",
        show_default=False)] = None,
    confidence: Annotated[float, typer.Option(
        "--confidence", min=0.5, max=0.999, help="Level of the bootstrap intervals.")] = 0.95,
    sensitivity: Annotated[bool, typer.Option(
        "--sensitivity", help="Monte Carlo over the judgement calls (weights ±25%, arithmetic "
        "vs geometric index, imputation none vs group-mean, distance-to-target where there are "
        "targets, goalposts ±10%, grade thresholds ±2%): score and rank intervals, band "
        "probabilities, and which choice moves the index most.")] = False,
    draws: Annotated[int, typer.Option(
        "--draws", min=1, help="Random weight sets for --sensitivity (each is tried with every "
        "combination of the other choices).")] = 500,
    seed: Annotated[int, typer.Option(
        "--seed", help="Seed of the bootstrap and the Monte Carlo: same seed, same output.")
    ] = 20250101,
    view: Annotated[str | None, typer.Option(
        "--view", help="Show the scores regrouped by a crosswalk of the set instead of its "
        "pillars: kominfo (the six smart-city dimensions), imdi, spbe, iso37122, u4ssc. "
        "JSON output always has every view under views.<name>.", show_default=False)] = None,
) -> None:
    """Score survey data against an indicator set: index, band, pillars and coverage for
    every region-year in the data."""

    def body() -> int:
        from ..indicators.loader import load_indicator_set
        from ..messages import text, tr
        from ..numbers import format_number
        from ..outputs import refuse_input_as_output
        from ..scoring.engine import DEFAULT_BOOTSTRAP_DRAWS, ScoringOptions, assess
        from ..survey.load import read_survey

        refuse_input_as_output(output, [*surveys, *([criteria] if criteria else [])])
        terminal = fmt is ScoreFormat.table and output is None
        indicator_set = load_indicator_set(criteria)
        if view is not None:
            from .views import check_view

            check_view(indicator_set, view)
        survey = read_survey(surveys, indicator_set, sheet=sheet,
                             ignore_columns=ignore_column or ())
        draws_bootstrap = bootstrap
        if bootstrap is None and terminal and view is None:
            answers = sum(len(a.values) for r in survey.regions.values()
                          for a in r.answers.values())
            draws_bootstrap = table_draws(answers)
            if draws_bootstrap < DEFAULT_BOOTSTRAP_DRAWS:
                shown = format_number(answers, lang.value, 0)
                message(tr("cli_fewer_draws", lang.value, answers=shown, draws=draws_bootstrap,
                           default=DEFAULT_BOOTSTRAP_DRAWS) if draws_bootstrap else
                        tr("cli_no_draws", lang.value, answers=shown), "yellow")
        options = ScoringOptions(bootstrap=draws_bootstrap or 0, confidence=confidence,
                                 seed=seed)
        assessment = assess(indicator_set, survey, options)
        tested = None
        if sensitivity:
            from ..scoring.sensitivity import SensitivityOptions
            from ..scoring.sensitivity import sensitivity as monte_carlo

            tested = monte_carlo(indicator_set, survey,
                                 SensitivityOptions(draws=draws, seed=seed), options)
        language = lang.value
        if terminal:
            from .scorecard import scorecard, sensitivity_table
            from .views import view_tables

            stdout.print(scorecard(assessment, language, stdout.width) if view is None
                         else view_tables(assessment, view, language, stdout.width))
            if tested is not None:
                stdout.print(sensitivity_table(assessment, tested, language))
        else:
            if view is not None and fmt is not ScoreFormat.json:
                message(tr("cli_view_not_in_format", language, view=view), "yellow")
            if tested is not None and fmt is ScoreFormat.csv:
                message(text("cli_sensitivity_not_in_csv", language), "yellow")
            write_output(render_scores(assessment, fmt, language, tested), output,
                         lang=language)
        unused_total(assessment.inputs, language)
        notices(assessment.warnings, assessment, language, "cli_more_warnings_json")
        if fail_under is None:
            return 0
        failing = [r for r in assessment.results if r.score is None or r.score < fail_under]
        for result in failing:
            year = f" {result.year}" if result.year is not None else ""
            found = (text("not_assessed", language) if result.score is None
                     else format_number(result.score, language, 2))
            message(tr("cli_threshold_not_met", language, region=f"{result.region}{year}",
                       found=found, limit=f"{fail_under:g}"), "bold red")
        return EXIT_THRESHOLD if failing else 0

    code = run(body)
    if code:
        raise typer.Exit(code)


TABLE_BUDGET = 20_000_000
"""Answers × bootstrap draws the terminal table spends by default (about ten seconds)."""
MIN_TABLE_DRAWS = 100
"""Fewest draws worth an interval; with fewer the table shows none (``--bootstrap`` asks)."""


def table_draws(answers: int) -> int:
    """Bootstrap draws of the terminal table for ``answers`` answers: the full number for a
    survey of up to 20,000 answers, fewer for a larger one, none beyond 200,000 (their
    intervals would take minutes: 1,000 draws over 2 million answers is about 15 minutes)."""
    from ..scoring.engine import DEFAULT_BOOTSTRAP_DRAWS

    draws = min(DEFAULT_BOOTSTRAP_DRAWS, TABLE_BUDGET // max(answers, 1))
    return draws if draws >= MIN_TABLE_DRAWS else 0


def render_scores(assessment: Assessment, fmt: ScoreFormat, lang: str,
                  sensitivity: SensitivityResult | None = None) -> str:
    """Text of the scores in a machine format (table is rendered as Markdown when saved)."""
    from ..render import scores_csv, scores_json, scores_md

    if fmt is ScoreFormat.json:
        return scores_json.to_json(assessment, lang, sensitivity)
    if fmt is ScoreFormat.csv:
        return scores_csv.to_csv(assessment, lang)
    return scores_md.to_markdown(assessment, lang, sensitivity)
