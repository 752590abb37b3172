"""``survey template``: the survey instruments of an indicator set, for each role."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .console import message, run
from .options import Criteria, Lang, LangOption

app = typer.Typer(help="Survey forms.", no_args_is_help=True)


class TemplateFormat(str, Enum):
    """Formats of a survey instrument."""

    csv = "csv"
    xlsx = "xlsx"
    html = "html"
    pdf = "pdf"
    xlsform = "xlsform"


@app.command("template")
def template_command(
    output: Annotated[str, typer.Option(
        "--output", "-o", help="File to write; a folder for one file per role (html, pdf and "
        "xlsform without --role).")],
    criteria: Criteria = None,
    fmt: Annotated[TemplateFormat | None, typer.Option(
        "--format", "-f", help="csv, xlsx (a workbook with one sheet per role), html or pdf "
        "(a printable questionnaire per role), xlsform (a form for ODK Collect, KoboToolbox "
        "and SurveyCTO per role). Default: from the file name.",
        show_default=False)] = None,
    role: Annotated[str | None, typer.Option(
        "--role", "-r", help="Only this role's form (warga, umkm, opd, asn, statistik, or "
        "the English names). Default: every role.", show_default=False)] = None,
    region: Annotated[str | None, typer.Option(
        "--region", help="Fill in the region (regency or city) in advance.",
        show_default=False)] = None,
    year: Annotated[int | None, typer.Option(
        "--year", min=1900, max=2100, help="Fill in the assessment year in advance.",
        show_default=False)] = None,
    lang: LangOption = Lang.id,
) -> None:
    """Write blank survey instruments for an indicator set, for each role or one: a CSV
    header, an XLSX workbook, printable questionnaires (HTML, PDF) or XLSForms."""

    def body() -> None:
        from ..errors import UsageError
        from ..indicators.loader import load_indicator_set
        from ..messages import tr
        from ..outputs import OutputFolder, refuse_input_as_output, write_bytes_atomic
        from ..survey.instruments import PER_ROLE, instruments

        refuse_input_as_output(output, [criteria] if criteria else [])
        if fmt is not None:
            chosen = fmt.value
        else:
            suffix = Path(output).suffix.lower().lstrip(".")
            if suffix not in ("csv", "xlsx", "html", "pdf"):
                raise UsageError(f"cannot tell the format of {output}: use --format "
                                 "csv|xlsx|html|pdf|xlsform")
            chosen = suffix
        iset = load_indicator_set(criteria)
        files = instruments(iset, chosen, lang.value, role=role, region=region, year=year)
        questions = len(list(iset.indicators()))
        if role is not None:
            from ..survey.form import build_form
            from ..survey.instruments import chosen_role

            questions = len(build_form(iset, chosen_role(iset, role), lang.value).questions)
        if len(files) == 1 and (chosen not in PER_ROLE or role is not None
                                or not Path(output).is_dir()):
            (data,) = files.values()
            write_bytes_atomic(output, data)
            message(tr("cli_wrote_form", lang.value, path=output, n=questions))
            return
        with OutputFolder(output, protect=[criteria] if criteria else []) as folder:
            folder.commit(files)
        message(tr("cli_wrote_forms", lang.value, n=len(files), folder=output))

    run(body)
