"""Indented JSON text, written faster than :func:`json.dumps` writes it, to the same bytes.

``json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)`` falls back to the
standard library's pure-Python encoder as soon as ``indent`` is given (its C encoder writes
compact text only), which yields every piece through a chain of generators: a third of the
time of ``score --format json`` on 100,000 answers. :func:`dumps` writes the same text with
one plain recursive function that appends pieces to a list. Its strings go through the same
C string encoder as ``json.dumps``. A value it does not know (anything but dicts, lists,
tuples, strings, numbers, booleans and None), a non-finite number or a key that JSON cannot
take is handed to ``json.dumps`` itself, which raises the error it always raises.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

INDENT = "  "

_float_text = float.__repr__
_int_text = int.__repr__
_INFINITY = float("inf")


class _Unknown(Exception):
    """A value :func:`dumps` leaves to ``json.dumps``."""


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)``, faster."""
    out: list[str] = []
    try:
        _write(value, out, "\n")
    except (_Unknown, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(out)


def _scalar(value: Any) -> str:
    """The text of a string, None, boolean or number (raises _Unknown for anything else)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return _int_text(value)
    if isinstance(value, float):
        if value != value or value in (_INFINITY, -_INFINITY):
            raise _Unknown
        return _float_text(value)
    raise _Unknown


def _key(key: Any) -> str:
    """A dictionary key as JSON text (as ``json.dumps`` converts keys)."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        if key != key or key in (_INFINITY, -_INFINITY):
            raise _Unknown
        return encode_basestring(_float_text(key))
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return encode_basestring(_int_text(key))
    raise _Unknown


def _write(value: Any, out: list[str], newline: str) -> None:
    """Append the text of ``value``, whose line starts with ``newline`` (its indent)."""
    append = out.append
    if isinstance(value, dict):
        if not value:
            append("{}")
            return
        inner = newline + INDENT
        separator = "{" + inner
        for key, item in value.items():
            kind = type(item)
            if kind is float and item - item == 0.0:  # finite (a NaN or infinity is not)
                append(separator + (encode_basestring(key) if type(key) is str else _key(key))
                       + ": " + _float_text(item))
            elif kind is str:
                append(separator + (encode_basestring(key) if type(key) is str else _key(key))
                       + ": " + encode_basestring(item))
            elif kind is dict or kind is list or kind is tuple or isinstance(
                    item, (dict, list, tuple)):
                append(separator + (encode_basestring(key) if type(key) is str else _key(key))
                       + ": ")
                _write(item, out, inner)
            else:
                append(separator + (encode_basestring(key) if type(key) is str else _key(key))
                       + ": " + _scalar(item))
            separator = "," + inner
        append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            append("[]")
            return
        inner = newline + INDENT
        separator = "[" + inner
        for item in value:
            kind = type(item)
            if kind is float and item - item == 0.0:
                append(separator + _float_text(item))
            elif kind is dict or kind is list or kind is tuple or isinstance(
                    item, (dict, list, tuple)):
                append(separator)
                _write(item, out, inner)
            else:
                append(separator + _scalar(item))
            separator = "," + inner
        append(newline + "]")
    else:
        append(_scalar(value))
