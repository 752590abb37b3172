"""The Jinja environment, its filters, the bundled templates and the rendering helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from markupsafe import Markup

from smartcity_assess.report.environment import date, make_environment, markdown, number, percent
from smartcity_assess.report.render import script_json, tidy_markdown


@pytest.mark.parametrize(("value", "lang", "digits", "expected"), [
    (72.5, "id", 1, "72,5"),
    (72.5, "en", 1, "72.5"),
    (1234.5, "id", 1, "1.234,5"),
    (1234.5, "en", 1, "1,234.5"),
    (1596996, "id", 0, "1.596.996"),
    (0.125, "id", 2, "0,12"),
    (-0.01, "id", 1, "0,0"),
    (None, "id", 1, "–"),
])
def test_numbers(value: float | None, lang: str, digits: int, expected: str) -> None:
    assert number(value, lang, digits) == expected


def test_percent_and_date() -> None:
    assert percent(0.725, "id", 1) == "72,5%"
    assert percent(0.725, "en", 1) == "72.5%"
    assert percent(1, "id") == "100%"
    assert percent(None, "en") == "–"
    assert date(dt.date(2026, 1, 1), "id") == "1 Januari 2026"
    assert date(dt.date(2026, 8, 17), "en") == "17 August 2026"


def test_markdown_filter_makes_payloads_inert() -> None:
    assert markdown("[click](javascript:alert(1))") == (
        "\\[click\\]\\(javascript:alert\\(1\\)\\)")
    assert markdown("![x](http://e/x.png)") == "\\!\\[x\\]\\(http\\://e/x\\.png\\)"
    assert markdown("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert markdown("a | b\n# c") == "a \\| b \\# c"
    assert markdown("`code` *em* _em_ {x} + - . !") == (
        "\\`code\\` \\*em\\* \\_em\\_ \\{x\\} \\+ \\- \\. \\!")
    assert markdown("&lt;") == "&amp;lt;"
    assert isinstance(markdown("x"), Markup)
    assert markdown(Markup("**trusted**")) == "**trusted**"


def render(kind: str, source: str, lang: str = "id", **values: object) -> str:
    env = make_environment(kind, lang)  # type: ignore[arg-type]
    return env.from_string(source).render(**values)


def test_markdown_templates_escape_whatever_they_print() -> None:
    # No filter needed: the md environment escapes every printed value...
    assert render("md", "{{ v }}", v="[a](b)") == "\\[a\\]\\(b\\)"
    # ...formats numbers, and leaves trusted output (filters, catalogue texts) alone.
    assert render("md", "{{ v|num }} {{ t('ch_gaps') }}", v=1234.5) == (
        "1.234,5 Analisis Kesenjangan")
    assert render("md", "{{ t('bars_title', pillar=p) }}", p="*x*") == (
        "Skor indikator pilar \\*x\\*")
    assert render("md", "{{ v }}", v=None) == "–"


def test_html_templates_escape_for_html() -> None:
    assert render("html", "{{ v }}", v="<b>") == "&lt;b&gt;"
    assert render("html", "{{ t('bars_title', pillar=p) }}", "en", p="<i>") == (
        "Indicator scores of the &lt;i&gt; pillar")
    assert render("html", "{{ 'arithmetic'|agg }} {{ 0.5|pct }}", "en") == "arithmetic 50%"


def test_undefined_names_are_errors() -> None:
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        render("html", "{{ nothing }}")


def test_script_json_cannot_close_the_script() -> None:
    text = '{"a": "</script><!-- & \u2028"}'
    safe = script_json(text)
    assert "<" not in safe and ">" not in safe and "&" not in safe and "\u2028" not in safe
    import json

    assert json.loads(safe) == json.loads(text)


def testtidy_markdown() -> None:
    assert tidy_markdown("\n# A  \n\n\n\ntext\n\n\n") == "# A\n\ntext\n"
