"""``survey template``: a blank survey form for an indicator set."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

import typer

from .console import message, run
from .options import Criteria, Lang, LangOption

app = typer.Typer(help="Survey forms.", no_args_is_help=True)


class TemplateFormat(str, Enum):
    """Formats of a survey template."""

    csv = "csv"
    xlsx = "xlsx"


@app.command("template")
def template_command(
    output: Annotated[str, typer.Option("--output", "-o", help="File to write.")],
    criteria: Criteria = None,
    fmt: Annotated[TemplateFormat | None, typer.Option(
        "--format", "-f", help="csv or xlsx (default: from the file name).",
        show_default=False)] = None,
    lang: LangOption = Lang.id,
) -> None:
    """Write a blank survey form (CSV header, or XLSX with questions, allowed values and
    instructions) for an indicator set."""

    def body() -> None:
        from ..errors import UsageError
        from ..indicators.loader import load_indicator_set
        from ..messages import tr
        from ..outputs import refuse_input_as_output
        from ..survey.template import write_template

        refuse_input_as_output(output, [criteria] if criteria else [])
        suffix = fmt.value if fmt else Path(output).suffix.lower().lstrip(".")
        if suffix not in ("csv", "xlsx"):
            raise UsageError(f"cannot tell the format of {output}: use --format csv|xlsx")
        chosen: Literal["csv", "xlsx"] = "csv" if suffix == "csv" else "xlsx"
        iset = load_indicator_set(criteria)
        write_template(iset, output, fmt=chosen, lang=lang.value)
        message(tr("cli_wrote_form", lang.value, path=output,
                   n=len(list(iset.indicators()))))

    run(body)
