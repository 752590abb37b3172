"""Blank survey forms for an indicator set: a CSV header, or an XLSX workbook to fill in.

The XLSX form has three sheets: ``Survey`` (the header to fill in under, with each question as
a comment on its column and the allowed values as drop-down lists), ``Questions`` (one row per
indicator: pillar, question, type, unit, allowed values, rubric, who answers) and
``Instructions``. Files are byte-identical from run to run: the workbook's dates come from
``SOURCE_DATE_EPOCH`` (default 2000-01-01) and the ZIP entries carry that date too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from ..indicators.model import Indicator, IndicatorSet
from ..messages import text, tr
from ..messages.keys import TYPE_KEYS
from ..outputs import write_bytes_atomic
from ..render.escape import is_formula_like
from .values import allowed_values, describe_range

RESERVED_COLUMNS = ("region", "year", "respondent", "role")
"""The columns before the indicator ids, in this order."""

DEFAULT_DATE = dt.datetime(2000, 1, 1)
FIRST_DATA_ROW = 2
LAST_ROW = 1_048_576
"""Excel's last row: drop-down lists apply to the whole column below the header."""

QUESTION_COLUMN_KEYS = ("form_col_id", "form_col_pillar", "form_col_question", "form_col_type",
                        "form_col_unit", "form_col_allowed", "form_col_levels", "form_col_who")
"""Catalogue keys of the Questions sheet's header, in column order."""
INSTRUCTION_KEYS = ("form_how_title", "", "form_how_1", "form_how_2", "form_how_3",
                    "form_how_4", "form_how_5", "form_how_6", "form_how_7", "form_how_8")
"""Catalogue keys of the lines of the Instructions sheet ("": an empty line)."""


def template_header(indicator_set: IndicatorSet) -> list[str]:
    """``region, year, respondent, role`` and then every indicator id, in set order."""
    return [*RESERVED_COLUMNS, *(ind.id for ind in indicator_set.indicators())]


def fixed_date() -> dt.datetime:
    """The date written into files: ``SOURCE_DATE_EPOCH`` when set, else 2000-01-01."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        try:
            stamp = dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)
            return stamp.replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            pass
    return DEFAULT_DATE


def write_template(indicator_set: IndicatorSet, path: str | Path, *,
                   fmt: Literal["csv", "xlsx"], lang: str) -> None:
    """Write a blank survey form for ``indicator_set`` to ``path`` (atomically)."""
    if fmt == "csv":
        data = csv_template(indicator_set)
    elif fmt == "xlsx":
        data = xlsx_template(indicator_set, lang)
    else:
        raise ValueError(f"unknown template format {fmt!r}")
    write_bytes_atomic(path, data)


def csv_template(indicator_set: IndicatorSet) -> bytes:
    """The CSV form: the header line only (UTF-8, CRLF as RFC 4180 says)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(template_header(indicator_set))
    return buffer.getvalue().encode("utf-8")


def _pillars(indicator_set: IndicatorSet) -> dict[str, str]:
    """Indicator id → title of its pillar (set later, per language)."""
    return {ind.id: pillar.id for pillar in indicator_set.pillars for ind in pillar.indicators()}


def _allowed_text(ind: Indicator, lang: str) -> str:
    values = allowed_values(ind, lang)
    if values:
        return ", ".join(values)
    bounds = ind.valid_range
    if ind.type == "percent" and bounds is None:
        bounds = (0.0, 100.0)
    if bounds is None:
        return text("form_any_number", lang)
    low, high = describe_range(*bounds).removeprefix("from ").split(" to ")
    return tr("form_allowed_from", lang, low=low, high=high)


def _levels_text(ind: Indicator, lang: str) -> str:
    return "\n".join(f"{level}: {text.get(lang)}" for level, text in ind.levels
                     if text.get(lang) and text.get(lang) != str(level))


def xlsx_text(text: str) -> str:
    """``text`` without the control characters XML (and so XLSX) cannot hold: each becomes
    U+FFFD, so an indicator set with such a character gives a form, not a crash."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))


def _set_text(cell: Any, text: str) -> None:
    """Write ``text`` as a string cell: never as a formula, whatever its first character.

    A text a spreadsheet could take for a formula (``=``, ``+``, ``-``, ``@`` ...) also gets
    the cell's *quote prefix* (Excel's leading ``'``, not shown): editing the cell and
    pressing Enter keeps it text instead of turning it into a live formula.
    """
    text = xlsx_text(text)
    cell.value = text
    if cell.data_type != "s":
        cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True


def _list_formula(values: Sequence[str]) -> str | None:
    """An inline list for a data validation, or None when it cannot be one (a value with a
    comma or quote, or one a spreadsheet could enter as a formula when it is picked)."""
    if not values or any("," in v or '"' in v for v in values):
        return None
    if any(is_formula_like(v, numbers_ok=True) or xlsx_text(v) != v for v in values):
        return None
    formula = '"' + ",".join(values) + '"'
    return formula if len(formula) <= 257 else None


def _roles(indicator_set: IndicatorSet) -> list[str]:
    names = {role for ind in indicator_set.indicators() for role in ind.roles}
    names.update(role for role, _ in indicator_set.role_weights)
    return sorted(names)


def xlsx_template(indicator_set: IndicatorSet, lang: str) -> bytes:
    """The XLSX form as bytes, identical from run to run."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    indicators = list(indicator_set.indicators())
    pillar_of = _pillars(indicator_set)
    pillar_title = {p.id: p.title.get(lang) or p.id for p in indicator_set.pillars}
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")

    workbook = Workbook()
    survey = workbook.active
    survey.title = "Survey"
    header = template_header(indicator_set)
    for col, name in enumerate(header, start=1):
        cell = survey.cell(row=1, column=col)
        _set_text(cell, name)
        cell.font = bold
        cell.fill = header_fill
        letter = get_column_letter(col)
        survey.column_dimensions[letter].width = max(12, min(40, len(name) + 3))
    survey.freeze_panes = "E2"

    def validation(letter: str, **options: Any) -> None:
        rule = DataValidation(allow_blank=True, showErrorMessage=True,
                              errorTitle=text("form_error_title", lang),
                              error=text("form_error", lang), **options)
        rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_ROW}")
        survey.add_data_validation(rule)

    rule = DataValidation(type="whole", operator="between", formula1="1900", formula2="2100",
                          allow_blank=True, showErrorMessage=True,
                          errorTitle=text("form_error_title", lang),
                          error=text("form_year_error", lang))
    rule.add(f"B{FIRST_DATA_ROW}:B{LAST_ROW}")
    survey.add_data_validation(rule)
    roles = _list_formula(_roles(indicator_set))
    if roles:
        rule = DataValidation(type="list", formula1=roles, allow_blank=True,
                              showErrorMessage=False)
        rule.add(f"D{FIRST_DATA_ROW}:D{LAST_ROW}")
        survey.add_data_validation(rule)

    for offset, ind in enumerate(indicators):
        col = len(RESERVED_COLUMNS) + offset + 1
        letter = get_column_letter(col)
        question = ind.question.get(lang) or ind.title.get(lang) or ind.id
        note = f"{question}\n\n{text('form_col_allowed', lang)}: {_allowed_text(ind, lang)}"
        if ind.unit and ind.type != "percent":
            note += f" ({ind.unit_text.get(lang) or ind.unit})"
        comment = Comment(xlsx_text(note), "smartcity-assess")
        comment.width = 320
        comment.height = 160
        survey.cell(row=1, column=col).comment = comment
        listed = allowed_values(ind, lang)
        formula = _list_formula(listed)
        if formula:
            validation(letter, type="list", formula1=formula)
        elif ind.type in ("number", "percent"):
            bounds = ind.valid_range
            if ind.type == "percent" and bounds is None:
                bounds = (0.0, 100.0)
            if bounds is not None:
                validation(letter, type="decimal", operator="between",
                           formula1=repr(bounds[0]), formula2=repr(bounds[1]))

    questions = workbook.create_sheet("Questions")
    widths = (28, 22, 60, 14, 10, 28, 50, 22)
    for col, (key, width) in enumerate(zip(QUESTION_COLUMN_KEYS, widths, strict=True), start=1):
        cell = questions.cell(row=1, column=col)
        _set_text(cell, text(key, lang))
        cell.font = bold
        cell.fill = header_fill
        questions.column_dimensions[get_column_letter(col)].width = width
    questions.freeze_panes = "B2"
    for row, ind in enumerate(indicators, start=2):
        values = (
            ind.id,
            pillar_title.get(pillar_of.get(ind.id, ""), ""),
            ind.question.get(lang) or ind.title.get(lang),
            text(TYPE_KEYS[ind.type], lang) if ind.type in TYPE_KEYS else ind.type,
            (ind.unit_text.get(lang) or ind.unit) if ind.unit else "",
            _allowed_text(ind, lang),
            _levels_text(ind, lang),
            ", ".join(ind.roles) if ind.roles else text("form_everyone", lang),
        )
        for col, value in enumerate(values, start=1):
            cell = questions.cell(row=row, column=col)
            _set_text(cell, value)
            cell.alignment = wrap

    instructions = workbook.create_sheet("Instructions")
    instructions.column_dimensions["A"].width = 110
    lines = [text(key, lang) if key else "" for key in INSTRUCTION_KEYS]
    for row, line in enumerate(lines, start=1):
        cell = instructions.cell(row=row, column=1)
        _set_text(cell, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=14)
    return _deterministic_bytes(workbook)


def _deterministic_bytes(workbook: Any) -> bytes:
    """Save without the clock: fixed document dates and fixed ZIP entry times."""
    from openpyxl.writer.excel import ExcelWriter

    date = fixed_date()
    workbook.properties.creator = "smartcity-assess"
    workbook.properties.lastModifiedBy = "smartcity-assess"
    workbook.properties.created = date
    workbook.properties.modified = date
    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(workbook, archive).save()  # save_workbook() would stamp the current time
    stamp = max(date, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 3
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
