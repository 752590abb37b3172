"""Every text a person reads, in Indonesian and English: one catalogue.

Reports, terminal tables and messages, ``summary.md``, the Markdown scorecard, the survey
forms, ``compare`` and the warnings of the engine all take their words from
:data:`CATALOGUE`: one key, one ``(Indonesian, English)`` pair. The catalogue is kept in a
few files by area (:mod:`.reports`, :mod:`.plans`, :mod:`.terminal`, :mod:`.summaries`,
:mod:`.forms`, :mod:`.notices`, :mod:`.survey`, :mod:`.design`, :mod:`.maps`) only so that
each stays readable; the keys are one name space (a key defined twice is an error at import)
and tests/test_messages.py fails on a key no code uses, on a key the code uses that is
missing, and on a key whose two texts disagree on their ``{placeholders}``.

Error messages about bad input (:class:`~smartcity_assess.errors.Problem`) are not in the
catalogue: they stay English, word for word, whatever the language of the run (users paste
them into bug reports and search for them; the hardening corpus pins them).

Texts use :meth:`str.format` placeholders: ``tr("cli_wrote", lang, path=...)``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..text import LANGUAGES
from . import design, forms, maps, notices, plans, reports, summaries, survey, terminal

__all__ = ["CATALOGUE", "LANGUAGES", "MONTHS", "text", "tr"]


def _merge(*parts: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        for key, texts in part.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice")
            merged[key] = texts
    return merged


CATALOGUE: dict[str, tuple[str, str]] = _merge(
    reports.MESSAGES, plans.MESSAGES, terminal.MESSAGES, summaries.MESSAGES, forms.MESSAGES,
    notices.MESSAGES, design.MESSAGES, survey.MESSAGES, maps.MESSAGES)
"""Key → (Indonesian, English)."""

MONTHS: dict[str, tuple[str, ...]] = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def text(key: str, lang: str) -> str:
    """The catalogue text of ``key`` in ``lang`` (English for a language it does not know),
    placeholders unfilled."""
    indonesian, english = CATALOGUE[key]
    return indonesian if lang == "id" else english


def tr(key: str, lang: str, /, **values: object) -> str:
    """The catalogue text of ``key`` in ``lang`` with its placeholders filled."""
    found = text(key, lang)
    return found.format(**values) if values else found
