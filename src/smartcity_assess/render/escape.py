"""Keep user text inert in every output format.

:func:`printable` is the one function every text goes through where it leaves the tool for a
person to read — the terminal (:mod:`smartcity_assess.cli.console`), Markdown
(:func:`markdown_text`), CSV cells (:func:`spreadsheet_cell`) and the HTML reports (the
Jinja environment's ``finalize``): control characters that could clear a screen, forge a
log line, plant a link (ANSI escapes, OSC 8) or reorder what is shown (bidi overrides)
become visible stand-ins instead.
"""

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


_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}
"""C0 controls and DEL → their Unicode control pictures (ESC → ␛, BEL → ␇, NUL → ␀)."""
REPLACEMENT = 0xFFFD
_INVISIBLE = ([*range(0x80, 0xA0)]  # C1 controls: U+009B is a CSI to some terminals
              + [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
              + [0x2028, 0x2029])
"""C1 controls, the bidirectional formatting characters (Unicode's Bidi_Control: marks,
embeddings, overrides, isolates — "Trojan Source") and the line and paragraph separators
→ U+FFFD."""
_TABLE = _PICTURES | dict.fromkeys(_INVISIBLE, REPLACEMENT)
_WHITESPACE_KEPT = {ord("\t"), ord("\n"), ord("\r")}
_TABLE_KEEP_WHITESPACE = {k: v for k, v in _TABLE.items() if k not in _WHITESPACE_KEPT}
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\u2028\u2029\ud800-\udfff]")
_UNSAFE_KEEP_WHITESPACE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                                     "\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
"""What :data:`_UNSAFE` finds, less tab, line feed and carriage return."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(value: object, *, keep_whitespace: bool = False) -> str:
    """``value`` as text that shows as itself and does nothing else: C0 controls and DEL
    become their control pictures (``␛`` for ESC, ``␊`` for a line feed), C1 controls,
    bidirectional formatting characters, line and paragraph separators and lone surrogates
    become ``�``. Every replacement is one character, so widths and offsets are kept.

    ``keep_whitespace`` keeps tab, line feed and carriage return (for text whose line
    breaks are layout, as in HTML).
    """
    text = str(value)
    if (_UNSAFE_KEEP_WHITESPACE if keep_whitespace else _UNSAFE).search(text) is None:
        return text  # the common case, found without copying the text
    text = text.translate(_TABLE_KEEP_WHITESPACE if keep_whitespace else _TABLE)
    return _SURROGATE.sub("\ufffd", text)


def json_controls_escaped(text: str) -> str:
    """A JSON text with every character :func:`printable` would replace (other than tab
    and line feed) written as a ``\\u`` escape. JSON allows such characters only inside
    strings, where the escape means the same character: the document stays the same."""
    if printable(text, keep_whitespace=True) == text:
        return text
    return "".join(char if char in "\t\n" or printable(char) == char else f"\\u{ord(char):04x}"
                   for char in text)


_MAIL_AT = re.compile(r"@(?=\S)")
WORD_JOINER = "\u2060"
"""Put after an ``@``: GitHub's parser (cmark-gfm) joins escaped text back together before
it looks for e-mail addresses (``user@evil\\.example``, ``mailto\\:``, ``xmpp\\:``), so only a
character that is not part of an address stops it; U+2060 shows as nothing."""


def markdown_text(value: object) -> str:
    """Escape text for Markdown so it cannot form links, images, emphasis, tables or HTML.

    ``<`` and ``&`` become entities (raw HTML is allowed in Markdown), line breaks become
    spaces (a newline could start a heading or end a table row), and every character that
    Markdown gives a meaning is backslash-escaped, as is the ``:`` of a bare ``http://``;
    an ``@`` is followed by an invisible word joiner, so that no e-mail, ``mailto:`` or
    ``xmpp:`` link forms; other control characters are made :func:`printable`.
    """
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = printable(" ".join(text.split()))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MAIL_AT.sub("@" + WORD_JOINER, text)
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
    here, so a negative score change stays ``-1.5``. Control characters are made
    :func:`printable` first: a tab, line break or ``ESC`` shows as ``␉``, ``␊`` or ``␛``
    (so a cell is one line, and a tab or carriage return no longer starts a formula).
    """
    value = printable(value)
    if is_formula_like(value):
        return "'" + value
    return value
