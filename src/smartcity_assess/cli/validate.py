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
    found. Exit 0 when the data is clean, 2 when it is not."""

    def body() -> None:
        from ..indicators.loader import load_indicator_set
        from ..messages import tr
        from ..survey.load import read_survey

        iset = load_indicator_set(criteria)
        data = read_survey(surveys, iset, sheet=sheet, ignore_columns=ignore_column or ())
        answers = sum(len(a.values) for r in data.regions.values() for a in r.answers.values())
        for file in data.files:
            message(tr("cli_validate_file", lang.value, path=file.path, format=file.format,
                       layout=file.layout, rows=file.rows))
        message(tr("cli_validate_total", lang.value, regions=len(data.regions), answers=answers,
                   set=f"{iset.id} {iset.version}"))

    run(body)
