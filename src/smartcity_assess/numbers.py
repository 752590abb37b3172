"""Locale-correct number formatting (Indonesian: 1.234,5; English: 1,234.5)."""

from __future__ import annotations

_SEPARATORS = {"id": (".", ","), "en": (",", ".")}
"""Language → (thousands separator, decimal separator)."""


def format_number(value: float | int | None, lang: str = "id", digits: int = 1,
                  missing: str = "–") -> str:
    """Format ``value`` with ``digits`` decimals and the language's separators."""
    if value is None:
        return missing
    thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS["en"])
    text = f"{value:,.{digits}f}"
    if text in ("-0", "-0." + "0" * digits):
        text = text[1:]
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)


def format_percent(share: float | None, lang: str = "id", digits: int = 0) -> str:
    """A share 0–1 as a percentage: ``0.725`` → ``72,5%`` (id) with ``digits=1``."""
    if share is None:
        return "–"
    return format_number(share * 100, lang, digits) + "%"
