"""``demo``: the main job on the bundled Kabupaten Tegal sample (sample data)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .console import message, run, stdout
from .options import Lang, NoUncertainty

if TYPE_CHECKING:
    from ..scoring.results import Assessment

SAMPLE_FILES = (
    "tegal-citizen-survey.csv",
    "tegal-opd-self-assessment.xlsx",
    "tegal-official-statistics.csv",
)

SAMPLE_LABEL = "sample"
"""How the reports name the folder of the bundled sample files."""

SECOND_LANGUAGE_FOLDER = "en"
"""Without ``--lang`` the demo writes Indonesian into DIR and English into DIR/en."""


def demo_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the reports into.")]
    = Path("smartcity-demo"),
    lang: Annotated[Lang | None, typer.Option(
        "--lang", "-l", help="Write the reports in this language only. Default: Indonesian "
        "into DIR and English into DIR/en.", show_default=False)] = None,
    uncertainty: NoUncertainty = True,
) -> None:
    """Score the bundled Kabupaten Tegal SAMPLE survey and write its masterplan and roadmap."""

    def body() -> None:
        from ..report.build import warm_up

        warm_up()  # the chart worker imports matplotlib while the sample is read and scored

        from ..messages import text, tr
        from ..pipeline import run_assessment, run_with_uncertainty
        from ..planning.plan import load_plan
        from ..report.build import write_reports
        from ..resources import sample_dir
        from .scorecard import scorecard

        folder = sample_dir()
        files = [folder / name for name in SAMPLE_FILES]
        tested = None
        plan = load_plan(folder / "plan.yaml")
        if uncertainty:
            found, tested = run_with_uncertainty(files, design=plan.design)
        else:
            found = run_assessment(files, design=plan.design)
        assessment = _relabelled(found)
        # The reports name the bundled files as "sample/...", not by where Python installed them.
        plan = replace(plan, source=f"{SAMPLE_LABEL}/plan.yaml")
        shown = lang.value if lang else Lang.id.value
        message(text("cli_demo_banner", shown), "bold yellow")
        stdout.print(scorecard(assessment, shown, stdout.width))
        targets = [(shown, out)] if lang else [(Lang.id.value, out),
                                               (Lang.en.value, out / SECOND_LANGUAGE_FOLDER)]
        for language, folder_out in targets:
            written = write_reports(assessment, folder_out, plan=plan,
                                    formats=("html", "md"), lang=language, sensitivity=tested)
            for path in written:
                message(tr("cli_wrote", shown, path=path))

    run(body)


def _relabelled(assessment: Assessment) -> Assessment:
    """The assessment with its input files named ``sample/<file>``, the same on every machine."""
    inputs = tuple(replace(item, path=f"{SAMPLE_LABEL}/{Path(item.path).name}")
                   for item in assessment.inputs)
    return replace(assessment, inputs=inputs)
