"""Every survey instrument of a set, by format: what ``survey template`` writes.

=========  ==========================================================================
format     what
=========  ==========================================================================
csv        the header line (every indicator, or one role's)
xlsx       one workbook, one sheet per role (or the one role), with questions and
           instructions (:mod:`.template`)
html       the printable questionnaire of each role (:mod:`.questionnaire`)
pdf        the same as PDF (needs WeasyPrint)
xlsform    the XLSForm of each role, for ODK Collect, KoboToolbox, SurveyCTO
           (:mod:`.xlsform`)
=========  ==========================================================================

:func:`instruments` returns the files (name → bytes): one for ``csv`` and ``xlsx``; for the
others one per role, or the one role asked for.
"""

from __future__ import annotations

from ..errors import UsageError
from ..indicators.model import IndicatorSet
from .form import build_form, form_roles, resolve_role
from .roles import Roles

FORMATS = ("csv", "xlsx", "html", "pdf", "xlsform")
PER_ROLE = ("html", "pdf", "xlsform")
"""Formats with one file per role."""
SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx", "html": ".html", "pdf": ".pdf",
            "xlsform": ".xlsx"}


def chosen_role(indicator_set: IndicatorSet, role: str) -> str | None:
    """The set's role for ``--role`` (any letter case, English or Indonesian name)."""
    roles = form_roles(indicator_set)
    found = resolve_role(indicator_set, role)
    if found is None:
        listed = ", ".join(r for r in roles if r is not None) or "none (it asks everybody)"
        unknown = Roles(indicator_set).unknown(role)
        hint = f" (did you mean {unknown.guess!r}?)" if unknown and unknown.guess else ""
        raise UsageError(f"the set {indicator_set.id!r} has no role {role!r}{hint}; its "
                         f"roles: {listed}")
    return found


def file_name(indicator_set: IndicatorSet, slug: str, fmt: str) -> str:
    """``smartcity-id-warga.html``; an XLSForm is ``smartcity-id-warga.xlsform.xlsx``."""
    middle = ".xlsform" if fmt == "xlsform" else ""
    return f"{indicator_set.id}-{slug}{middle}{SUFFIXES[fmt]}"


def instruments(indicator_set: IndicatorSet, fmt: str, lang: str, *,
                role: str | None = None, region: str | None = None,
                year: int | None = None) -> dict[str, bytes]:
    """The files of ``fmt`` for every role, or for ``role`` (its name as written)."""
    from .questionnaire import questionnaire_html, questionnaire_pdf
    from .template import csv_template, xlsx_template
    from .xlsform import xlsform

    if fmt not in FORMATS:
        raise UsageError(f"unknown form format {fmt!r}: use {', '.join(FORMATS)}")
    roles = form_roles(indicator_set) if role is None else [chosen_role(indicator_set, role)]
    if fmt == "csv":
        return {f"{indicator_set.id}.csv": csv_template(indicator_set, roles[0]
                                                        if role is not None else None)}
    if fmt == "xlsx":
        return {f"{indicator_set.id}.xlsx": xlsx_template(indicator_set, lang, roles)}
    files: dict[str, bytes] = {}
    for name in roles:
        form = build_form(indicator_set, name, lang)
        if fmt == "html":
            data = questionnaire_html(form, region=region, year=year).encode("utf-8")
        elif fmt == "pdf":
            data = questionnaire_pdf(form, region=region, year=year)
        else:
            data = xlsform(indicator_set, name, lang, region=region, year=year)
        files[file_name(indicator_set, form.slug, fmt)] = data
    return files
