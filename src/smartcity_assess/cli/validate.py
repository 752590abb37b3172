"""``validate``: check survey files against an indicator set without scoring."""

from __future__ import annotations

from .console import message, run
from .options import Criteria, IgnoreColumns, Lang, MessagesLang, Sheet, Surveys


def validate_command(
    surveys: Surveys,
    criteria: Criteria = None,
    sheet: Sheet = None,
    ignore_column: IgnoreColumns = None,
    lang: MessagesLang = Lang.en,
) -> None:
    """Check survey data: every problem of every file, with file, row, column, expected and
    found, and how many answers of each file the set will use (and why not the others).
    Exit 0 when the data is clean, 2 when it is not."""

    def body() -> None:
        from ..indicators.loader import load_indicator_set
        from ..messages import tr
        from ..numbers import format_number
        from ..survey.load import read_survey
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

    run(body)
