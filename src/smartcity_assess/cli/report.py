"""``report``: masterplan and roadmap documents from survey data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import message, run
from .options import Criteria, IgnoreColumns, Lang, LangOption, Sheet, Surveys

OutDir = Annotated[Path, typer.Option("--out", "-o", help="Folder to write the reports into.")]
Formats = Annotated[str, typer.Option(
    "--format", "-f", help="Comma-separated formats: html, md, pdf (pdf needs the 'pdf' extra).")]
PlanOption = Annotated[Path | None, typer.Option(
    "--plan", help="Plan file (YAML): region profile, vision, horizon, targets, OPD, capacity.",
    show_default=False)]
TemplatesOption = Annotated[Path | None, typer.Option(
    "--templates", help="Folder of your own Jinja templates (rendered in a sandbox).",
    show_default=False)]


def parse_formats(text: str) -> tuple[str, ...]:
    """``"html,md"`` → ``("html", "md")``, rejecting unknown names."""
    from ..errors import UsageError

    formats = tuple(dict.fromkeys(p.strip().lower() for p in text.split(",") if p.strip()))
    unknown = [f for f in formats if f not in ("html", "md", "pdf")]
    if unknown or not formats:
        raise UsageError(f"unknown report format {', '.join(unknown) or text!r}: "
                         "use html, md and/or pdf")
    return formats


def report_command(
    surveys: Surveys,
    criteria: Criteria = None,
    plan: PlanOption = None,
    out: OutDir = Path("smartcity-report"),
    formats: Formats = "html,md",
    lang: LangOption = Lang.id,
    templates: TemplatesOption = None,
    sheet: Sheet = None,
    ignore_column: IgnoreColumns = None,
) -> None:
    """Write the masterplan and roadmap (HTML and Markdown, with charts) and scores.json."""

    def body() -> None:
        from ..pipeline import run_assessment
        from ..planning.plan import load_plan
        from ..report.build import write_reports

        chosen = parse_formats(formats)
        the_plan = load_plan(plan)
        assessment = run_assessment(surveys, criteria, sheet=sheet,
                                    ignore_columns=ignore_column or ())
        written = write_reports(assessment, out, plan=the_plan, formats=chosen,
                                lang=lang.value, templates_dir=templates)
        for path in written:
            message(f"wrote {path}")

    run(body)
