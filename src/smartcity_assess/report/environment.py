"""The one Jinja environment factory and the filters the templates format with.

Two kinds of output share the factory: ``html`` and ``md``. Autoescape is on for both
(:func:`jinja2.select_autoescape` by file extension), so that macros, filters and catalogue
texts return :class:`markupsafe.Markup` and are trusted; in ``md`` templates a ``finalize``
hook escapes every other printed value for Markdown (no links, images, emphasis, tables or
raw HTML can come from user text) before Jinja's own escaping sees it. Users' own templates
(``--templates DIR``) are rendered in :class:`jinja2.sandbox.SandboxedEnvironment`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup

from ..numbers import format_number
from ..render.escape import markdown_text, printable
from ..resources import templates_dir
from . import i18n

if TYPE_CHECKING:
    from jinja2 import Environment

Kind = Literal["html", "md"]
MISSING = "–"


def number(value: float | int | None, lang: str, digits: int = 1) -> Markup:
    """``1234.5`` → ``1.234,5`` (id) or ``1,234.5`` (en); None → ``–``."""
    return Markup(format_number(value, lang, digits, missing=MISSING))


def percent(share: float | None, lang: str, digits: int = 0) -> Markup:
    """A share 0–1 as a percentage: ``0.725`` → ``72,5%`` (id) with one digit."""
    if share is None:
        return Markup(MISSING)
    return Markup(format_number(share * 100, lang, digits) + "%")


def date(value: dt.date, lang: str) -> Markup:
    """``28 November 2026`` with the month named in the language."""
    months = i18n.MONTHS.get(lang, i18n.MONTHS["en"])
    return Markup(f"{value.day} {months[value.month - 1]} {value.year}")


def markdown(value: object) -> Markup:
    """User text made inert in Markdown (no links, images, emphasis, tables or HTML)."""
    if isinstance(value, Markup):
        return value
    return Markup(markdown_text("" if value is None else value))


def _html_finalize(value: Any) -> Any:
    """Every value an HTML template prints: control characters of the data (NUL, BEL, ESC,
    C1, bidi overrides) become visible stand-ins (:func:`printable`); markup stays markup."""
    if isinstance(value, str):
        shown = printable(value, keep_whitespace=True)
        if shown is value or shown == value:
            return value
        return Markup(shown) if isinstance(value, Markup) else shown
    return value


def _md_finalize(value: Any) -> Any:
    """Safety net of Markdown templates: escape whatever a template prints unescaped."""
    if value is None:
        return MISSING
    if isinstance(value, Markup | int | float):
        return value
    return markdown(value)


_CACHE: dict[tuple[str, str, str], Environment] = {}
"""Environments of the bundled templates, by kind, language and folder (see below)."""


def make_environment(kind: Kind, lang: str, *, user_dir: Path | None = None,
                     bundled_dir: Path | None = None) -> Environment:
    """The Jinja environment for one output kind and language.

    ``user_dir`` (``--templates``) is searched before the bundled templates and switches to
    the sandboxed environment. Undefined names are errors (StrictUndefined).

    An environment of the bundled templates alone is made once per process and reused: it
    keeps its compiled templates, and compiling them cost about a third of a report's time
    when a batch renders hundreds of regions. (With ``user_dir`` a new environment is made
    each time, so that edited templates are read again.)
    """
    if user_dir is not None:
        return _new_environment(kind, lang, user_dir, bundled_dir)
    key = (kind, lang, str(bundled_dir or templates_dir()))
    env = _CACHE.get(key)
    if env is None:
        env = _CACHE[key] = _new_environment(kind, lang, None, bundled_dir)
    return env


def _new_environment(kind: Kind, lang: str, user_dir: Path | None,
                     bundled_dir: Path | None) -> Environment:
    from jinja2 import (
        ChoiceLoader,
        Environment,
        FileSystemLoader,
        StrictUndefined,
        select_autoescape,
    )
    from jinja2.sandbox import SandboxedEnvironment

    bundled = FileSystemLoader(str(bundled_dir or templates_dir()))
    loader: Any = bundled
    if user_dir is not None:
        loader = ChoiceLoader([FileSystemLoader(str(user_dir)), bundled])
    cls = SandboxedEnvironment if user_dir is not None else Environment
    options: dict[str, Any] = {}
    options["finalize"] = _md_finalize if kind == "md" else _html_finalize
    env = cls(
        loader=loader,
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml", "svg", "md"),
                                     default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        **options,
    )
    escape_arg = markdown if kind == "md" else _html_arg

    def translate(key: str, **values: Any) -> Markup:
        """Catalogue text in the report's language, placeholders escaped for the format."""
        template = i18n.text(key, lang)
        if not values:
            return Markup(template)
        return Markup(template.format(**{k: escape_arg(v) for k, v in values.items()}))

    env.globals.update(t=translate, lang=lang)
    env.filters.update(
        num=lambda value, digits=1: number(value, lang, digits),
        pct=lambda share, digits=0: percent(share, lang, digits),
        date=lambda value: date(value, lang),
        md=markdown,
        agg=lambda name: Markup(i18n.text(f"agg_{name}", lang))
        if f"agg_{name}" in i18n.CATALOGUE else name,
    )
    return env


def _html_arg(value: object) -> Markup:
    from markupsafe import escape

    return escape(value)
