"""``validate``: check survey files against an indicator set without scoring."""

from __future__ import annotations

from .console import message, run
from .options import Criteria, IgnoreColumns, Sheet, Surveys


def validate_command(
    surveys: Surveys,
    criteria: Criteria = None,
    sheet: Sheet = None,
    ignore_column: IgnoreColumns = None,
) -> None:
    """Check survey data: every problem of every file, with file, row, column, expected and
    found. Exit 0 when the data is clean, 2 when it is not."""

    def body() -> None:
        from ..indicators.loader import load_indicator_set
        from ..survey.load import read_survey

        iset = load_indicator_set(criteria)
        data = read_survey(surveys, iset, sheet=sheet, ignore_columns=ignore_column or ())
        answers = sum(len(a.values) for r in data.regions.values() for a in r.answers.values())
        for file in data.files:
            message(f"{file.path}: ok — {file.format}, {file.layout} layout, {file.rows} rows")
        message(f"{len(data.regions)} region-year(s), {answers} answers, checked against "
                f"{iset.id} {iset.version}")

    run(body)
