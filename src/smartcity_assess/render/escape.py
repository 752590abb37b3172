"""Keep user text inert in every output format."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection")."""
_LOOKALIKES = ("\uff1d", "\uff0b", "\uff0d", "\uff20")
"""Full-width ``=`` ``+`` ``-`` ``@``: some spreadsheets turn them into formulas on entry."""
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


_URL_SCHEME = re.compile(r"(?<=[A-Za-z0-9])(:)(?=//)")
"""The colon of ``scheme://``: escaped, so that hosts that turn bare URLs into links (GFM's
autolink extension) leave user text alone. (``www.`` is safe: every ``.`` is escaped.)"""


def markdown_text(value: object) -> str:
    """Escape text for Markdown so it cannot form links, images, emphasis, tables or HTML.

    ``<`` and ``&`` become entities (raw HTML is allowed in Markdown), line breaks become
    spaces (a newline could start a heading or end a table row), and every character that
    Markdown gives a meaning is backslash-escaped, as is the ``:`` of a bare ``http://``.
    """
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = " ".join(text.split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _URL_SCHEME.sub(r"\\\1", text)


def is_formula_like(value: str, *, numbers_ok: bool = False) -> bool:
    """True when a spreadsheet could read ``value`` as a formula.

    That is: it starts with ``=`` ``+`` ``-`` ``@``, a tab or a carriage return (OWASP), or
    a full-width look-alike, also after leading blanks or line breaks. With ``numbers_ok`` a
    plain number such as ``-12.5`` is not formula-like (it is read as that number).
    """
    if value.startswith(("\t", "\r")):
        return True
    stripped = value.lstrip(" \t\r\n\u00a0")
    if not stripped.startswith(FORMULA_PREFIXES + _LOOKALIKES):
        return False
    return not (numbers_ok and _NUMBER.fullmatch(stripped) is not None)


def spreadsheet_cell(value: str) -> str:
    """Neutralise spreadsheet formulas in a *text* cell: a cell a spreadsheet could read as a
    formula (:func:`is_formula_like`) is prefixed with ``'``.

    Only for text columns: numeric columns are written as numbers and never pass through
    here, so a negative score change stays ``-1.5``.
    """
    if is_formula_like(value):
        return "'" + value
    return value
