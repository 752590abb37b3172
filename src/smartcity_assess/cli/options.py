"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class Lang(str, Enum):
    """Languages of texts and reports."""

    id = "id"
    en = "en"


Surveys = Annotated[
    list[Path],
    typer.Argument(help="Survey data files (CSV, XLSX or JSON; wide or long layout). "
                   "Several files are merged.", show_default=False),
]
Criteria = Annotated[
    str | None,
    typer.Option("--criteria", "-c", help="Indicator set: a bundled id or a YAML file. "
                 "Default: the bundled four-pillar set 'smartcity-id'.", show_default=False),
]
LangOption = Annotated[
    Lang, typer.Option("--lang", "-l", help="Language of texts and number formats.")
]
MessagesLang = Annotated[
    Lang, typer.Option("--lang", "-l", help="Language of the messages on the terminal "
                       "(problems in the input are always reported in English).")
]
"""``--lang`` of the commands that only print messages; their default stays English."""
Sheet = Annotated[
    str | None,
    typer.Option("--sheet", help="XLSX sheet to read (default: the first sheet).",
                 show_default=False),
]
IgnoreColumns = Annotated[
    list[str] | None,
    typer.Option("--ignore-column", help="A survey column to ignore (repeatable).",
                 show_default=False),
]

NoUncertainty = Annotated[
    bool,
    typer.Option("--uncertainty/--no-uncertainty",
                 help="Compute the bootstrap intervals (1000 draws) and the sensitivity analysis "
                 "(500 weight sets × 4 choices) for the masterplan's \"How sure are we?\" "
                 "section. --no-uncertainty skips both (faster; the section says so)."),
]
Seed = Annotated[
    int,
    typer.Option("--seed", help="Seed of the bootstrap and the Monte Carlo: same seed, same "
                 "output."),
]
