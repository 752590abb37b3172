"""Blank survey forms for an indicator set: a CSV header, or an XLSX workbook to fill in.

The XLSX workbook has one sheet per role (``warga``, ``umkm``, ``opd``, ``asn``,
``statistik``: its name is the role), then ``Pertanyaan`` (one row per indicator: pillar,
question, type, unit, allowed values, rubric, who answers) and ``Petunjuk`` (``Questions``
and ``Instructions`` in English). A role's sheet declares its role in row 1 (``peran:
warga``), shows each column's question and what it accepts in rows 2 and 3, has the header
the reader reads in row 4, and takes the answers from row 5, each column with its drop-down
list or number check; the survey reader reads every role's sheet of such a workbook. Files
are byte-identical from run to run: the workbook's dates come from ``SOURCE_DATE_EPOCH``
(default 2000-01-01) and the ZIP entries carry that date too.
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
from .form import Form, Question, asks, build_forms
from .values import allowed_values, describe_range

RESERVED_COLUMNS = ("region", "year", "respondent", "role")
"""The columns before the indicator ids, in this order."""

DEFAULT_DATE = dt.datetime(2000, 1, 1)
ROLE_ROW, QUESTION_ROW, HELP_ROW, HEADER_ROW = 1, 2, 3, 4
"""Rows of a role's sheet: the role, the questions, what each accepts, the header."""
FIRST_DATA_ROW = 5
LAST_ROW = 1_048_576
"""Excel's last row: drop-down lists apply to the whole column below the header."""

QUESTION_COLUMN_KEYS = ("form_col_id", "form_col_pillar", "form_col_question", "form_col_type",
                        "form_col_unit", "form_col_allowed", "form_col_levels", "form_col_who")
"""Catalogue keys of the Questions sheet's header, in column order."""
INSTRUCTION_KEYS = ("form_how_title", "", "form_how_1", "form_how_2", "form_how_3",
                    "form_how_4", "form_how_5", "form_how_6", "form_how_7", "form_how_8")
"""Catalogue keys of the lines of the Instructions sheet ("": an empty line)."""


def template_header(indicator_set: IndicatorSet, role: str | None = None) -> list[str]:
    """``region, year, respondent, role`` and then every indicator id (of ``role``'s form
    when given), in set order."""
    return [*RESERVED_COLUMNS, *(ind.id for ind in indicator_set.indicators()
                                 if role is None or asks(ind, role))]


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


def csv_template(indicator_set: IndicatorSet, role: str | None = None) -> bytes:
    """The CSV form: the header line only (UTF-8, CRLF as RFC 4180 says)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(template_header(indicator_set, role))
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


def help_text(question: Question, lang: str) -> str:
    """What a question's cell may hold, in words: the options with their values, or the
    range and unit of a number."""
    if question.type == "likert":
        return tr("form_help_likert", lang, levels="; ".join(o.label for o in question.options))
    if question.type == "boolean":
        return text("form_help_boolean", lang)
    if question.type == "choice":
        return tr("form_help_choice", lang,
                  choices="; ".join(f"{o.value} ({o.label})" for o in question.options))
    unit = f" ({question.unit})" if question.unit else ""
    if question.low is None or question.high is None:
        return text("form_help_any", lang) + unit
    return tr("form_help_number", lang, range=range_text(question, lang)) + unit


def range_text(question: Question, lang: str) -> str:
    """``dari 0 sampai 100`` / ``from 0 to 100``."""
    low, high = describe_range(question.low or 0.0, question.high or 0.0).removeprefix(
        "from ").split(" to ")
    return tr("form_range", lang, low=low, high=high)


def data_values(question: Question, lang: str) -> list[str]:
    """The values a cell may hold, for a drop-down list (yes/no in the form's language)."""
    if question.type == "boolean":
        return ["ya", "tidak"] if lang == "id" else ["yes", "no"]
    return [o.value for o in question.options]


def xlsx_template(indicator_set: IndicatorSet, lang: str,
                  roles: Sequence[str | None] | None = None) -> bytes:
    """The XLSX workbook: one sheet per role (every role of the set, or ``roles``), then the
    questions and the instructions; identical from run to run.

    A role's sheet: row 1 declares the role (``peran: warga``), rows 2 and 3 show each
    column's question and what it accepts, row 4 is the header the reader reads (``region``,
    ``year``, ``respondent`` and the indicator ids), and the answers go from row 5 on, with
    a drop-down list or a number check on every column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    forms = build_forms(indicator_set, lang, None if roles is None else list(roles))
    bold = Font(bold=True)
    styles = {"bold": bold, "fill": PatternFill("solid", fgColor="DDEBF7"),
              "help": PatternFill("solid", fgColor="F2F2F2"),
              "wrap": Alignment(wrap_text=True, vertical="top")}
    workbook = Workbook()
    first = workbook.active
    for index, form in enumerate(forms):
        sheet = first if index == 0 else workbook.create_sheet()
        _role_sheet(sheet, form, lang, styles)

    questions = workbook.create_sheet(text("form_sheet_questions", lang))
    widths = (28, 22, 60, 14, 18, 40, 50, 22)
    for col, (key, width) in enumerate(zip(QUESTION_COLUMN_KEYS, widths, strict=True), start=1):
        cell = questions.cell(row=1, column=col)
        _set_text(cell, text(key, lang))
        cell.font = bold
        cell.fill = styles["fill"]
        questions.column_dimensions[get_column_letter(col)].width = width
    questions.freeze_panes = "B2"
    pillar_of = _pillars(indicator_set)
    pillar_title = {p.id: p.title.get(lang) or p.id for p in indicator_set.pillars}
    for row, ind in enumerate(indicator_set.indicators(), start=2):
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
            cell.alignment = styles["wrap"]

    instructions = workbook.create_sheet(text("form_sheet_instructions", lang))
    instructions.column_dimensions["A"].width = 110
    lines = [text(key, lang) if key else "" for key in INSTRUCTION_KEYS]
    for row, line in enumerate(lines, start=1):
        cell = instructions.cell(row=row, column=1)
        _set_text(cell, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=14)
    return _deterministic_bytes(workbook)


def _role_sheet(sheet: Any, form: Form, lang: str, styles: dict[str, Any]) -> None:
    """One role's sheet (see :func:`xlsx_template`)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet.title = xlsx_text(form.slug)[:31]
    if form.role is not None:
        _set_text(sheet.cell(row=ROLE_ROW, column=1), tr("form_role_line", lang, role=form.role))
        sheet.cell(row=ROLE_ROW, column=1).font = styles["bold"]
    _set_text(sheet.cell(row=ROLE_ROW, column=2), f"{form.title}: {form.note}")
    reserved = (("region", text("form_field_region", lang), ""),
                ("year", text("form_field_year", lang), text("form_year_hint", lang)),
                ("respondent", text("form_field_respondent", lang),
                 text("form_respondent_hint", lang)))
    columns: list[tuple[str, str, str, Question | None]] = [
        (name, label, hint, None) for name, label, hint in reserved]
    columns += [(q.id, q.text, help_text(q, lang), q) for q in form.questions]
    for col, (name, label, hint, item) in enumerate(columns, start=1):
        letter = get_column_letter(col)
        for row, value in ((QUESTION_ROW, label), (HELP_ROW, hint), (HEADER_ROW, name)):
            cell = sheet.cell(row=row, column=col)
            _set_text(cell, value)
            cell.alignment = styles["wrap"]
        sheet.cell(row=HELP_ROW, column=col).fill = styles["help"]
        header = sheet.cell(row=HEADER_ROW, column=col)
        header.font = styles["bold"]
        header.fill = styles["fill"]
        sheet.column_dimensions[letter].width = 16 if item is None else 30
        rule = _validation(item, lang) if item is not None else None
        if name == "year":
            rule = DataValidation(type="whole", operator="between", formula1="1900",
                                  formula2="2100", allow_blank=True, showErrorMessage=True,
                                  errorTitle=text("form_error_title", lang),
                                  error=text("form_year_error", lang))
        if rule is not None:
            rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_ROW}")
            sheet.add_data_validation(rule)
    sheet.row_dimensions[QUESTION_ROW].height = 120
    sheet.row_dimensions[HELP_ROW].height = 60
    sheet.freeze_panes = f"D{FIRST_DATA_ROW}"


def _validation(question: Question, lang: str) -> Any:
    """The drop-down list or number check of a question's column (None: anything goes)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    options: dict[str, Any] = {}
    formula = _list_formula(data_values(question, lang))
    if formula:
        options = {"type": "list", "formula1": formula}
    elif question.type in ("number", "percent") and question.low is not None \
            and question.high is not None:
        options = {"type": "decimal", "operator": "between", "formula1": repr(question.low),
                   "formula2": repr(question.high)}
    if not options:
        return None
    return DataValidation(allow_blank=True, showErrorMessage=True,
                          errorTitle=text("form_error_title", lang),
                          error=text("form_error", lang), **options)


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
