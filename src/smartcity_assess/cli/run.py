"""``run``: an assessment config (``assessment.yaml``) end to end, for CI and for people.

Exit 0 when every ``error`` assertion passes (warnings are listed), 1 when one fails (every
failure is listed on stderr), 2 when an input is broken (nothing is written).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import EXIT_THRESHOLD, message, run
from .notices import notices
from .options import Lang, MessagesLang
from .progress import default_jobs, progress_bar


def run_command(
    config: Annotated[Path, typer.Argument(
        help="Assessment config (YAML). Paths inside it are relative to its folder.")]
    = Path("assessment.yaml"),
    summary: Annotated[bool, typer.Option(
        "--summary", help="Also print summary.md on stdout (e.g. >> \"$GITHUB_STEP_SUMMARY\")."
    )] = False,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Write the outputs here instead of the config's outputs.folder.",
        show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Processes that write reports in parallel "
        "(default: the number of CPUs, at most 8).", show_default=False)] = None,
    lang: MessagesLang = Lang.en,
) -> None:
    """Run an assessment config: score the inputs, check the assertions, and write
    scores.json, reports, summary.md and provenance.json. Exit 1 when an error assertion
    fails."""

    def body() -> int:
        from ..assessment.execute import execute, prepare
        from ..messages import text, tr

        language = lang.value
        prepared = prepare(config, output=out)
        with progress_bar(language) as progress:
            result = execute(prepared, jobs=jobs or default_jobs(), progress=progress)
        if summary:
            import sys

            sys.stdout.write(result.summary)
            sys.stdout.flush()
        notices(result.notes, result.assessment, language, "cli_more_warnings_scores")
        folder = result.config.output
        if result.removed:
            message(tr("cli_run_wrote_removed", language, n=len(result.written), folder=folder,
                       removed=len(result.removed)))
        else:
            message(tr("cli_run_wrote", language, n=len(result.written), folder=folder))
        for failure in result.failures:
            label = text("cli_error" if failure.level == "error" else "cli_warning", language)
            message(f"{label}: {failure.message(language)}",
                    "bold red" if failure.level == "error" else "yellow")
        errors = sum(1 for o in result.outcomes if o.is_error)
        warnings = sum(1 for o in result.failures if o.level == "warn")
        checked = len(result.outcomes)
        also = "" if not warnings else " " + (text("cli_also_one_warning", language)
                                              if warnings == 1 else
                                              tr("cli_also_warnings", language, n=warnings))
        if errors:
            message((text("cli_one_error_failed", language) if errors == 1 else
                     tr("cli_errors_failed", language, n=errors)) + also, "bold red")
            return EXIT_THRESHOLD
        if checked:
            message(text("cli_all_pass", language) + also, "green")
        return 0

    code = run(body)
    if code:
        raise typer.Exit(code)
