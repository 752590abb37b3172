"""``demo``: the main job on the bundled Kabupaten Tegal sample (sample data)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import message, run, stdout
from .options import Lang, LangOption

SAMPLE_FILES = (
    "tegal-citizen-survey.csv",
    "tegal-opd-self-assessment.xlsx",
    "tegal-official-statistics.csv",
)


def demo_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the reports into.")]
    = Path("smartcity-demo"),
    lang: LangOption = Lang.id,
) -> None:
    """Score the bundled Kabupaten Tegal SAMPLE survey and write its masterplan and roadmap."""

    def body() -> None:
        from ..pipeline import run_assessment
        from ..planning.plan import load_plan
        from ..report.build import write_reports
        from ..resources import sample_dir
        from .scorecard import scorecard

        folder = sample_dir()
        assessment = run_assessment([folder / name for name in SAMPLE_FILES])
        message("Kabupaten Tegal — SAMPLE DATA (synthetic, for demonstration)", "bold yellow")
        stdout.print(scorecard(assessment, lang.value, stdout.width))
        written = write_reports(assessment, out, plan=load_plan(folder / "plan.yaml"),
                                formats=("html", "md"), lang=lang.value)
        for path in written:
            message(f"wrote {path}")

    run(body)
