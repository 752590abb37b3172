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
from ..outputs import write_bytes_atomic
from ..render.escape import is_formula_like
from .values import allowed_values, describe_range

RESERVED_COLUMNS = ("region", "year", "respondent", "role")
"""The columns before the indicator ids, in this order."""

DEFAULT_DATE = dt.datetime(2000, 1, 1)
FIRST_DATA_ROW = 2
LAST_ROW = 1_048_576
"""Excel's last row: drop-down lists apply to the whole column below the header."""

_TEXTS: dict[str, dict[str, str]] = {
    "id": {
        "id": "id", "pillar": "pilar", "question": "pertanyaan", "type": "jenis",
        "unit": "satuan", "allowed": "nilai yang diterima", "levels": "rubrik tingkat",
        "who": "diisi oleh", "everyone": "semua responden",
        "number": "angka", "percent": "persen (0–100)", "likert": "skala",
        "boolean": "ya/tidak", "choice": "pilihan", "any number": "angka berapa pun",
        "error title": "Nilai tidak valid",
        "error": "Nilai ini tidak diterima untuk indikator ini. Lihat lembar Questions.",
        "year error": "Tahun harus bilangan bulat 1900–2100.",
        "allowed from": "dari {low} sampai {high}",
    },
    "en": {
        "id": "id", "pillar": "pillar", "question": "question", "type": "type",
        "unit": "unit", "allowed": "allowed values", "levels": "rubric levels",
        "who": "who answers", "everyone": "all respondents",
        "number": "number", "percent": "percent (0–100)", "likert": "scale",
        "boolean": "yes/no", "choice": "choice", "any number": "any number",
        "error title": "Invalid value",
        "error": "This value is not accepted for this indicator. See the Questions sheet.",
        "year error": "The year must be a whole number from 1900 to 2100.",
        "allowed from": "from {low} to {high}",
    },
}

_INSTRUCTIONS: dict[str, list[str]] = {
    "id": [
        "Cara mengisi formulir survei ini",
        "",
        "1. Isi lembar Survey: satu baris per responden, mulai dari baris 2. Jangan ubah baris "
        "judul (baris 1) dan jangan ubah urutan atau nama kolom.",
        "2. region: nama kabupaten/kota (wajib, sama persis di setiap baris). year: tahun "
        "penilaian, misalnya 2025. respondent: kode responden (unik per orang; boleh kosong). "
        "role: peran responden, misalnya opd, asn, warga, umkm.",
        "3. Setiap kolom berikutnya adalah satu indikator. Arahkan kursor ke judul kolom untuk "
        "membaca pertanyaannya; lembar Questions memuat semua pertanyaan, nilai yang diterima "
        "dan rubrik tingkatnya.",
        "4. Sel kosong berarti tidak dijawab (begitu juga NA atau N/A). Jangan isi 0 bila "
        "maksudnya tidak tahu.",
        "5. Angka boleh memakai koma desimal (72,5) atau titik (72.5). Persen ditulis 0–100, "
        "boleh dengan tanda %.",
        "6. Ya/tidak: ya, tidak, yes, no, 1 atau 0. Skala: salah satu tingkat yang tertera.",
        "7. Jangan menggabungkan sel (merge) dan jangan memakai rumus: tulis nilainya.",
        "8. Simpan sebagai .xlsx, atau sebagai CSV UTF-8. Periksa dengan: "
        "smartcity-assess validate FILE",
    ],
    "en": [
        "How to fill in this survey form",
        "",
        "1. Fill in the Survey sheet: one row per respondent, starting at row 2. Do not change "
        "the header (row 1), and do not rename or reorder its columns.",
        "2. region: the regency or city (required, spelt the same on every row). year: the "
        "assessment year, e.g. 2025. respondent: a respondent code (one per person; may be "
        "left empty). role: the respondent's role, e.g. opd, asn, citizen, msme.",
        "3. Every further column is one indicator. Point at a column header to read its "
        "question; the Questions sheet lists every question, its allowed values and its "
        "rubric levels.",
        "4. An empty cell means not answered (so do NA and N/A). Do not write 0 to mean "
        "'don't know'.",
        "5. Numbers may use a decimal comma (72,5) or point (72.5). Percentages are 0–100, "
        "with or without a % sign.",
        "6. Yes/no: yes, no, ya, tidak, 1 or 0. Scales: one of the levels listed.",
        "7. Do not merge cells and do not use formulas: type the values.",
        "8. Save as .xlsx, or as CSV UTF-8. Check the file with: "
        "smartcity-assess validate FILE",
    ],
}


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


def _texts(lang: str) -> dict[str, str]:
    return _TEXTS.get(lang, _TEXTS["en"])


def _pillars(indicator_set: IndicatorSet) -> dict[str, str]:
    """Indicator id → title of its pillar (set later, per language)."""
    return {ind.id: pillar.id for pillar in indicator_set.pillars for ind in pillar.indicators()}


def _allowed_text(ind: Indicator, lang: str) -> str:
    texts = _texts(lang)
    values = allowed_values(ind, lang)
    if values:
        return ", ".join(values)
    bounds = ind.valid_range
    if ind.type == "percent" and bounds is None:
        bounds = (0.0, 100.0)
    if bounds is None:
        return texts["any number"]
    low, high = describe_range(*bounds).removeprefix("from ").split(" to ")
    return texts["allowed from"].format(low=low, high=high)


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

    texts = _texts(lang)
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
                              errorTitle=texts["error title"], error=texts["error"], **options)
        rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_ROW}")
        survey.add_data_validation(rule)

    rule = DataValidation(type="whole", operator="between", formula1="1900", formula2="2100",
                          allow_blank=True, showErrorMessage=True,
                          errorTitle=texts["error title"], error=texts["year error"])
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
        note = f"{question}\n\n{texts['allowed']}: {_allowed_text(ind, lang)}"
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
    columns = ("id", "pillar", "question", "type", "unit", "allowed", "levels", "who")
    widths = (28, 22, 60, 14, 10, 28, 50, 22)
    for col, (key, width) in enumerate(zip(columns, widths, strict=True), start=1):
        cell = questions.cell(row=1, column=col)
        _set_text(cell, texts[key])
        cell.font = bold
        cell.fill = header_fill
        questions.column_dimensions[get_column_letter(col)].width = width
    questions.freeze_panes = "B2"
    for row, ind in enumerate(indicators, start=2):
        values = (
            ind.id,
            pillar_title.get(pillar_of.get(ind.id, ""), ""),
            ind.question.get(lang) or ind.title.get(lang),
            texts.get(ind.type, ind.type),
            (ind.unit_text.get(lang) or ind.unit) if ind.unit else "",
            _allowed_text(ind, lang),
            _levels_text(ind, lang),
            ", ".join(ind.roles) if ind.roles else texts["everyone"],
        )
        for col, value in enumerate(values, start=1):
            cell = questions.cell(row=row, column=col)
            _set_text(cell, value)
            cell.alignment = wrap

    instructions = workbook.create_sheet("Instructions")
    instructions.column_dimensions["A"].width = 110
    lines = _INSTRUCTIONS.get(lang, _INSTRUCTIONS["en"])
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
