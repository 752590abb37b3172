"""YAML document → shape check (pydantic) → problems: the sequence every YAML loader shares.

The indicator set (:mod:`.indicators.loader`), the plan (:mod:`.planning.plan`) and the
assessment config (:mod:`.assessment.config`) are read the same way: the parsed document
(:mod:`.yamlio`) must be a mapping, pydantic checks its shape, and each of pydantic's errors
becomes a :class:`~.errors.Problem` at the line of the field it is about. Each loader then
runs its own cross-field checks and builds its frozen model. :func:`build` is that whole
sequence; :func:`require_mapping` and :func:`validate` are its steps, for a loader (the
config) that checks more before it gives up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import InputError, Problem, shorten
from .indicators.schema import IDENTIFIER_PATTERN
from .yamlio import PathKey, YamlDocument, format_path

SpecT = TypeVar("SpecT", bound=BaseModel)
ModelT = TypeVar("ModelT")


def require_mapping(document: YamlDocument, what: str, expected: str, *,
                    empty_ok: bool = False) -> dict[Any, Any]:
    """The document's data, which must be a mapping (``what`` names the kind of file:
    "an indicator set"). With ``empty_ok`` an empty document is an empty mapping."""
    data = document.data
    if data is None and empty_ok:
        data = {}
    if not isinstance(data, dict):
        raise InputError([Problem(document.label, f"{what} must be a YAML mapping",
                                  expected=expected, found=type(data).__name__, line=1)])
    return data


def validate(document: YamlDocument, model: type[SpecT], data: dict[Any, Any],
             adjust: Callable[[Problem], Problem] | None = None
             ) -> tuple[SpecT | None, list[Problem]]:
    """``data`` checked against ``model``: the spec, or None and every shape problem
    (each passed through ``adjust`` when given)."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = schema_problems(exc, document)
        return None, [adjust(p) for p in problems] if adjust is not None else problems


def build(document: YamlDocument, model: type[SpecT], *, what: str, expected: str,
          check: Callable[[SpecT, YamlDocument], Iterable[Problem]],
          make: Callable[[SpecT, YamlDocument], ModelT], empty_ok: bool = False,
          adjust: Callable[[Problem], Problem] | None = None) -> ModelT:
    """The whole sequence: a mapping, its shape, the loader's own ``check``s (every problem
    at once, in one :class:`~.errors.InputError`), then ``make`` the model."""
    data = require_mapping(document, what, expected, empty_ok=empty_ok)
    spec, problems = validate(document, model, data, adjust)
    if spec is None:
        raise InputError(problems)
    problems = list(check(spec, document))
    if problems:
        raise InputError(problems)
    return make(spec, document)


def schema_problems(exc: ValidationError, document: YamlDocument) -> list[Problem]:
    """pydantic's errors as problems at the line of their field (one per field and kind)."""
    problems: dict[tuple[PathKey, str], Problem] = {}
    for error in exc.errors():
        path = _data_path(error["loc"], document.data)
        kind = error["type"]
        if kind == "extra_forbidden":
            message, expected, found = f"unknown key {shorten(path[-1])}", None, None
        elif kind == "missing":
            message, expected, found = f"required key {shorten(path[-1])} is missing", None, None
        elif kind == "string_pattern_mismatch" and error.get("ctx", {}).get(
                "pattern") == IDENTIFIER_PATTERN:
            message, found = "not a valid id", shorten(error.get("input"))
            expected = "letters, digits, '.', '_' and '-', starting with a letter or digit"
        else:
            message = error["msg"]
            expected, found = None, shorten(error.get("input"))
            if _is_text_union(error["loc"]):
                message = "wrong type of text"
                expected = "a string or a map such as {id: ..., en: ...}"
        line, column = document.locate(path)
        key = (path, message if kind in ("extra_forbidden", "missing") else "type")
        if key in problems:
            continue
        problems[key] = Problem(document.label, message, line=line, column=column,
                                field=format_path(path), expected=expected, found=found)
    return list(problems.values())


def _is_text_union(loc: tuple[int | str, ...]) -> bool:
    return any(isinstance(p, str) and p.startswith(("dict[str,str]", "str")) for p in loc[-1:])


def _data_path(loc: tuple[int | str, ...], data: Any) -> PathKey:
    """Drop pydantic's union tags from an error location, keeping only real keys."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict):
            if part in current:
                path.append(part)
                current = current[part]
            elif isinstance(part, str) and not _looks_like_tag(part):
                path.append(part)  # a missing or unknown key: still part of the field path
                current = None
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            path.append(part)
            current = current[part]
    return tuple(path)


def _looks_like_tag(part: str) -> bool:
    return part in ("str", "int", "float", "bool") or "[" in part or part.startswith("function")
