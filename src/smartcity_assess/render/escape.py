"""Keep user text inert in every output format."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def markdown_text(value: object) -> str:
    """Escape text for Markdown so it cannot form links, images, emphasis, tables or HTML.

    ``<`` and ``&`` become entities (raw HTML is allowed in Markdown), line breaks become
    spaces (a newline could start a heading or end a table row).
    """
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def spreadsheet_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ is prefixed with '."""
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
