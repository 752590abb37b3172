"""``run``: an assessment config (``assessment.yaml``) end to end, for CI and for people.

Exit 0 when every ``error`` assertion passes (warnings are listed), 1 when one fails (every
failure is listed on stderr), 2 when an input is broken (nothing is written).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import EXIT_THRESHOLD, message, run
from .progress import default_jobs, progress_bar

WARNINGS_SHOWN = 10


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
) -> None:
    """Run an assessment config: score the inputs, check the assertions, and write
    scores.json, reports, summary.md and provenance.json. Exit 1 when an error assertion
    fails."""

    def body() -> int:
        from ..assessment.execute import execute, prepare

        prepared = prepare(config, output=out)
        with progress_bar() as progress:
            result = execute(prepared, jobs=jobs or default_jobs(), progress=progress)
        if summary:
            import sys

            sys.stdout.write(result.summary)
            sys.stdout.flush()
        for note in result.notes[:WARNINGS_SHOWN]:
            message(f"warning: {note}", "yellow")
        if len(result.notes) > WARNINGS_SHOWN:
            message(f"… and {len(result.notes) - WARNINGS_SHOWN} more warnings "
                    "(all of them are in scores.json)", "yellow")
        removed = f", removed {len(result.removed)} left from an earlier run" if (
            result.removed) else ""
        message(f"wrote {len(result.written)} files into {result.config.output}{removed}")
        for failure in result.failures:
            label = "error" if failure.level == "error" else "warning"
            message(f"{label}: {failure.message()}",
                    "bold red" if failure.level == "error" else "yellow")
        errors = sum(1 for o in result.outcomes if o.is_error)
        warnings = sum(1 for o in result.failures if o.level == "warn")
        checked = len(result.outcomes)
        also = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
        if errors:
            message(f"{errors} error assertion{'s' if errors != 1 else ''} failed{also}",
                    "bold red")
            return EXIT_THRESHOLD
        if checked:
            message(f"all error assertions pass{also}", "green")
        return 0

    code = run(body)
    if code:
        raise typer.Exit(code)

