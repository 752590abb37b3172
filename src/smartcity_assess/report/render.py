"""One document through the Jinja environment: the context, the template, the text.

A document's context is a typed object (the facts, its chapters, its charts); the templates
see each of its fields by name (:func:`template_context`). Errors in a user's template
(``--templates``) become usage errors naming the template's file and line.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance
    from jinja2 import Environment


def template_context(*parts: DataclassInstance) -> dict[str, object]:
    """The names a template sees: the fields of each part (shallow: values stay typed
    objects), later parts winning."""
    names: dict[str, object] = {}
    for part in parts:
        names |= {f.name: getattr(part, f.name) for f in dataclasses.fields(part)}
    return names


def render_template(env: Environment, name: str, templates_dir: Path | None,
                    context: dict[str, object]) -> str:
    """One template through the environment; a user template's error is a usage error."""
    from jinja2 import TemplateError, TemplateNotFound

    if templates_dir is None:
        return env.get_template(name).render(context)
    try:
        return env.get_template(name).render(context)
    except TemplateNotFound as exc:  # {% include '/etc/passwd' %}: only the folders' files
        where, line = _template_position(exc, name, follow_name=False)
        location = f"{where}:{line}" if line else where
        raise UsageError(f"template error in {location} (templates from {templates_dir}): "
                         f"no template {exc.name!r} in the templates folders") from None
    except TemplateError as exc:
        where, line = _template_position(exc, name)
        location = f"{where}:{line}" if line else where
        raise UsageError(f"template error in {location} (templates from "
                         f"{templates_dir}): {exc.message or type(exc).__name__}") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError,
            RecursionError, MemoryError) as exc:  # e.g. {{ 1/0 }} in the user's template
        where, line = _template_position(exc, name)
        location = f"{where}:{line}" if line else where
        raise UsageError(f"template error in {location} (templates from "
                         f"{templates_dir}): {type(exc).__name__}: {exc}") from None


def _template_position(exc: Exception, default: str, *, follow_name: bool = True
                       ) -> tuple[str, int | None]:
    """Template file and line of a Jinja error (syntax errors carry them; runtime errors
    have them in the traceback Jinja rewrites to point into the template)."""
    import traceback

    filename = getattr(exc, "filename", None) or (getattr(exc, "name", None)
                                                  if follow_name else None)
    lineno = getattr(exc, "lineno", None)
    if filename:
        return Path(str(filename)).name, lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if not frame.filename.endswith(".py") and not frame.filename.startswith("<"):
            return Path(frame.filename).name, frame.lineno
    return default, None


def script_json(text: str) -> str:
    """JSON made safe inside ``<script>``: no ``<``, ``>`` or ``&`` can end or open a tag, and
    control and bidi characters are ``\\u`` escapes (the same JSON, nothing raw in the page)."""
    from ..render.escape import json_controls_escaped

    return json_controls_escaped(text.replace("&", "\\u0026").replace("<", "\\u003c")
                                 .replace(">", "\\u003e"))


def tidy_markdown(text: str) -> str:
    """One newline at the end, no trailing spaces, never two blank lines in a row."""
    lines = [line.rstrip() for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if not line and tidy and not tidy[-1]:
            continue
        tidy.append(line)
    while tidy and not tidy[-1]:
        tidy.pop()
    while tidy and not tidy[0]:
        tidy.pop(0)
    return "\n".join(tidy) + "\n"
