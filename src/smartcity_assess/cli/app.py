"""The ``smartcity-assess`` command: registers the commands, nothing more.

Each command lives in its own module and imports the core lazily, so that ``--help``
stays fast (matplotlib, openpyxl and jinja2 are imported only by the commands that use them).
"""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from . import compare, criteria, demo, init, report, run, score, survey, validate

app = typer.Typer(
    name="smartcity-assess",
    help="Measure smart-city readiness from survey data and turn it into a masterplan and "
    "roadmap. Exit codes: 0 success, 1 a threshold was not met, 2 bad input or usage.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(criteria.app, name="criteria")
app.add_typer(survey.app, name="survey")
app.command("validate")(validate.validate_command)
app.command("score")(score.score_command)
app.command("report")(report.report_command)
app.command("demo")(demo.demo_command)
app.command("compare")(compare.compare_command)
app.command("run")(run.run_command)
app.command("init")(init.init_command)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"smartcity-assess {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True,
                     help="Show the version and exit."),
    ] = False,
) -> None:
    """Measure smart-city readiness and write masterplans and roadmaps."""


def main() -> None:
    """Console-script entry point."""
    app()
