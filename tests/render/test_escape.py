"""User text stays inert in Markdown and spreadsheets."""

from __future__ import annotations

from smartcity_assess.numbers import format_number, format_percent
from smartcity_assess.render.escape import markdown_text, spreadsheet_cell


def test_markdown_payloads_are_inert() -> None:
    assert markdown_text("[click](javascript:alert(1))") == (
        "\\[click\\]\\(javascript:alert\\(1\\)\\)")
    assert markdown_text("![x](http://evil/x.png)") == "\\!\\[x\\]\\(http\\://evil/x\\.png\\)"
    assert markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
    assert markdown_text("a | b\n# heading") == "a \\| b \\# heading"
    assert markdown_text("Kabupaten Tegal") == "Kabupaten Tegal"


def test_spreadsheet_formulas_are_neutralised() -> None:
    for payload in ("=1+1", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\")"):
        assert spreadsheet_cell(payload) == "'" + payload
    assert spreadsheet_cell("Kabupaten Tegal") == "Kabupaten Tegal"


def test_locale_numbers() -> None:
    assert format_number(1234.56, "id", 1) == "1.234,6"
    assert format_number(1234.56, "en", 1) == "1,234.6"
    assert format_number(72.5, "id", 1) == "72,5"
    assert format_number(-0.04, "en", 1) == "0.0"
    assert format_number(None, "id") == "–"
    assert format_percent(0.725, "id", 1) == "72,5%"
