"""``init``: scaffold an assessment project that runs green with ``smartcity-assess run``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import message, run
from .options import Lang, LangOption


def init_command(
    folder: Annotated[Path, typer.Argument(
        help="Folder of the new project (created if needed; existing files are never "
        "overwritten).")],
    lang: LangOption = Lang.id,
) -> None:
    """Create an assessment project: assessment.yaml, plan.yaml, survey forms, SAMPLE data,
    .markdownlint.json and a GitHub Actions workflow for the yearly scorecard."""

    def body() -> None:
        from ..messages import tr
        from ..scaffold import init_project

        written = init_project(folder, lang.value)
        for path in written:
            message(tr("cli_created", lang.value, path=path))
        message(tr("cli_init_next", lang.value, folder=folder), "green")

    run(body)
