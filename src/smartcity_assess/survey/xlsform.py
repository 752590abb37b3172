"""The XLSForm of a role: the form standard of ODK Collect, KoboToolbox and SurveyCTO.

An XLSForm is a workbook of three sheets (https://xlsform.org): ``survey`` (one row per
field: its type, name, labels, hints, constraints), ``choices`` (the options of the
``select_one`` fields) and ``settings``. The form of a role has:

- ``start`` and ``end`` (the tool records when the interview began and ended);
- ``role``: a ``calculate`` field holding the role, so that every submission says whose
  answers they are;
- ``region`` (text, required; filled in in advance with ``--region``), ``year`` (a whole
  number from 1900 to 2100) and ``respondent`` (a code, optional);
- one group per pillar (its name is the pillar's id, so that exports show
  ``infrastructure/infra.signal_quality``), with one field per question: ``select_one``
  for Likert levels (the choice names are the levels), yes/no (``ya``/``tidak``) and
  choices (the choice keys); ``decimal`` (or ``integer`` for counts) with a range
  constraint for numbers and percentages. No answer is required: an empty answer is "not
  answered", as in every other survey file.

Labels, hints and messages are in Indonesian and English (``label::Indonesian (id)``,
``label::English (en)``); ``default_language`` is the one asked for. The field names are the
column names the survey reader knows, so the tool's export (CSV or XLSX, names or labels as
headers and values) scores as it is (:mod:`.kobo`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..indicators.model import IndicatorSet
from ..messages import text, tr
from .form import Question, build_form
from .template import _deterministic_bytes, _set_text, help_text, range_text

LANGUAGES = {"id": "Indonesian (id)", "en": "English (en)"}
"""Form language → XLSForm language name (``label::Indonesian (id)``)."""
SURVEY_COLUMNS = ("type", "name", "label", "hint", "required", "constraint",
                  "constraint_message", "calculation", "default")
TRANSLATED = ("label", "hint", "constraint_message")
"""Columns written once per language."""


def _id(value: str) -> str:
    """A form id or list name: letters, digits and ``_`` (``smartcity-id`` → ``smartcity_id``)."""
    cleaned = re.sub(r"[^A-Za-z0-9_]+", "_", value).strip("_") or "form"
    return cleaned if cleaned[0].isalpha() or cleaned[0] == "_" else f"f_{cleaned}"


def _constraint(question: Question) -> str:
    if question.low is None or question.high is None:
        return ""
    return f". >= {question.low:g} and . <= {question.high:g}"


def _quoted(value: str) -> str | None:
    """``value`` as an XPath string literal (None when it holds both kinds of quote)."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    return None


def xlsform_rows(indicator_set: IndicatorSet, role: str | None, lang: str, *,
                 region: str | None = None, year: int | None = None
                 ) -> tuple[list[dict[str, str]], list[dict[str, str]], dict[str, str]]:
    """(survey rows, choices rows, settings) of the XLSForm of ``role``; each row maps a
    column (``label::English (en)``) to its text."""
    forms = {code: build_form(indicator_set, role, code) for code in LANGUAGES}
    main = forms[lang]
    survey: list[dict[str, str]] = []
    choices: list[dict[str, str]] = []
    lists: dict[tuple[tuple[str, ...], ...], str] = {}

    def row(kind: str, name: str = "", **texts: Any) -> dict[str, str]:
        found: dict[str, str] = {"type": kind, "name": name}
        for key, value in texts.items():
            if isinstance(value, dict):
                for code, words in value.items():
                    if words:
                        found[f"{key}::{LANGUAGES[code]}"] = words
            elif value:
                found[key] = str(value)
        return found

    def each(key: str, **values: Any) -> dict[str, str]:
        return {code: tr(key, code, **values) if values else text(key, code)
                for code in LANGUAGES}

    survey.append(row("start", "start"))
    survey.append(row("end", "end"))
    if role is not None:
        survey.append(row("calculate", "role", calculation=_quoted(role) or "''"))
    survey.append(row("text", "region", label=each("form_field_region"), required="yes",
                      default=region or ""))
    survey.append(row("integer", "year", label=each("form_field_year"),
                      hint=each("form_year_hint"), constraint=". >= 1900 and . <= 2100",
                      constraint_message={c: text("form_year_error", c) for c in LANGUAGES},
                      default=str(year) if year is not None else ""))
    survey.append(row("text", "respondent", label=each("form_field_respondent"),
                      hint=each("form_respondent_hint")))
    for s, section in enumerate(main.sections):
        titles = {code: forms[code].sections[s].title for code in LANGUAGES}
        survey.append(row("begin_group", section.id, label=titles))
        for q, question in enumerate(section.questions):
            by_lang = {code: forms[code].sections[s].questions[q] for code in LANGUAGES}
            labels = {code: by_lang[code].text for code in LANGUAGES}
            if question.options:
                options = tuple((o.value, *(by_lang[c].options[i].label for c in LANGUAGES))
                                for i, o in enumerate(question.options))
                name = lists.get(options)
                if name is None:
                    stem = {"likert": "tingkat", "boolean": "ya_tidak"}.get(question.type,
                                                                           "pilihan")
                    name = lists[options] = (stem if question.type == "boolean"
                                             else f"{stem}_{len(lists) + 1}")
                    for value, *words in options:
                        choices.append({"list_name": name, "name": value,
                                        **{f"label::{LANGUAGES[c]}": w
                                           for c, w in zip(LANGUAGES, words, strict=True)}})
                survey.append(row(f"select_one {name}", question.id, label=labels))
                continue
            hints = {code: help_text(by_lang[code], code) for code in LANGUAGES}
            kind = "integer" if question.integer else "decimal"
            constraint = _constraint(question)
            messages = ({code: tr("form_constraint", code, range=range_text(by_lang[code], code))
                         for code in LANGUAGES} if constraint else {})
            survey.append(row(kind, question.id, label=labels, hint=hints,
                              constraint=constraint, constraint_message=messages))
        survey.append(row("end_group"))
    slug = main.role or "semua"
    settings = {
        "form_title": f"{main.set_title} — {main.title}",
        "form_id": _id(f"{indicator_set.id}_{slug}"),
        "version": _id(indicator_set.version),
        "default_language": LANGUAGES[lang],
    }
    return survey, choices, settings


def xlsform(indicator_set: IndicatorSet, role: str | None, lang: str, *,
            region: str | None = None, year: int | None = None) -> bytes:
    """The XLSForm of ``role`` as an XLSX workbook (identical from run to run)."""
    from openpyxl import Workbook

    survey_rows, choice_rows, settings = xlsform_rows(indicator_set, role, lang,
                                                      region=region, year=year)
    columns: list[str] = []
    for key in SURVEY_COLUMNS:
        if key in TRANSLATED:
            columns.extend(f"{key}::{LANGUAGES[c]}" for c in LANGUAGES)
        else:
            columns.append(key)
    columns = [c for c in columns if any(c in r for r in survey_rows)]
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    _fill(survey, columns, survey_rows)
    choices = workbook.create_sheet("choices")
    _fill(choices, ["list_name", "name", *(f"label::{LANGUAGES[c]}" for c in LANGUAGES)],
          choice_rows)
    sheet = workbook.create_sheet("settings")
    _fill(sheet, list(settings), [settings])
    return _deterministic_bytes(workbook)


def _fill(sheet: Any, columns: Sequence[str], rows: Sequence[dict[str, str]]) -> None:
    for col, name in enumerate(columns, start=1):
        _set_text(sheet.cell(row=1, column=col), name)
    for r, found in enumerate(rows, start=2):
        for col, name in enumerate(columns, start=1):
            value = found.get(name, "")
            if value:
                _set_text(sheet.cell(row=r, column=col), value)

