"""``validate``: check survey files against an indicator set without scoring."""

from __future__ import annotations

from typing import Annotated

import typer

from .console import message, run
from .options import Criteria, IgnoreColumns, Lang, MessagesLang, Sheet, Surveys


def validate_command(
    surveys: Surveys,
    criteria: Criteria = None,
    sheet: Sheet = None,
    ignore_column: IgnoreColumns = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Treat the warnings of the data checks (a region written two ways, "
        "a value that jumps tenfold, a fraction in a percent column, one respondent in two "
        "regions, too few answers) as errors: exit 2.")] = False,
    lang: MessagesLang = Lang.en,
) -> None:
    """Check survey data: every problem of every file, with file, row, column, expected and
    found; how many answers of each file the set will use (and why not the others); and the
    checks a careful analyst makes, as warnings. Exit 0 when the data is clean, 2 when it is
    not."""

    def body() -> None:
        from ..errors import InputError
        from ..indicators.loader import load_indicator_set
        from ..messages import tr
        from ..numbers import format_number
        from ..survey.checks import as_problems
        from ..survey.load import read_survey
        from .notices import notices
        from .usage import unused_lines

        language = lang.value
        iset = load_indicator_set(criteria)
        data = read_survey(surveys, iset, sheet=sheet, ignore_columns=ignore_column or ())

        def count(n: int) -> str:
            return format_number(n, language, 0)

        for file in data.files:
            message(tr("cli_validate_file", language, path=file.path, format=file.format,
                       layout=file.layout, rows=count(file.rows)) + "; " +
                    tr("cli_validate_usage", language, answers=count(file.answers),
                       used=count(file.used)))
            unused_lines(file, iset, language)
        message(tr("cli_validate_sum", language, regions=count(len(data.regions)),
                   answers=count(sum(f.answers for f in data.files)),
                   used=count(sum(f.used for f in data.files)),
                   set=f"{iset.id} {iset.version}"))
        if strict and data.notices:
            message(tr("cli_strict", language, n=len(data.notices)))
            raise InputError(as_problems(data.notices))
        notices(data.notices, None, language, "cli_more_warnings_json", iset,
                shown=len(data.notices))

    run(body)
