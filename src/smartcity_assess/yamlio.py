"""Safe YAML reading that remembers where every value stood, for error messages.

PyYAML's safe loader already refuses ``!!python/...`` tags. On top of it this module
refuses duplicate keys, caps alias expansion (the "billion laughs"), caps file size, and
returns a map from field path to (line, column) so that schema errors can point at the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem, shorten

MAX_YAML_BYTES = 10 * 1024 * 1024
"""Largest YAML file read (indicator sets, plans and configs are far smaller)."""
MAX_NODES = 200_000
"""Most nodes a document may expand to through anchors and aliases."""

PathKey = tuple[str | int, ...]

_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (5× faster), else the pure-Python one;
both refuse ``!!python/...`` tags and both give every node its line and column."""


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML document and the position of every value in it."""

    data: Any
    positions: dict[PathKey, tuple[int, int]]
    label: str
    raw: bytes

    def locate(self, path: PathKey) -> tuple[int | None, int | None]:
        """1-based (line, column) of ``path`` or of its nearest ancestor that has one."""
        probe = tuple(path)
        while True:
            if probe in self.positions:
                return self.positions[probe]
            if not probe:
                return (None, None)
            probe = probe[:-1]


def format_path(path: PathKey) -> str:
    """``('pillars', 0, 'weight')`` → ``pillars[0].weight``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text or "(document)"


def read_bytes(path: Path, label: str, limit: int = MAX_YAML_BYTES) -> bytes:
    """Read a file, turning every OS problem into an InputError."""
    try:
        if path.is_dir():
            raise InputError([Problem(label, "is a folder, not a file")])
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                [Problem(label, "file is too large", expected=f"at most {limit:,} bytes",
                         found=f"{size:,} bytes")]
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(label, "file not found")]) from None
    except PermissionError:
        raise InputError([Problem(label, "file cannot be read (permission denied)")]) from None
    except OSError as exc:
        raise InputError([Problem(label, f"file cannot be read ({exc.strerror})")]) from None


def parse_yaml(raw: bytes, label: str) -> YamlDocument:
    """Parse YAML bytes into data plus positions, or raise InputError with every problem found."""
    if b"\x00" in raw:
        raise InputError([Problem(label, "file contains NUL bytes; is it a binary file?",
                                  expected="a YAML text file")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            [Problem(label, "file is not UTF-8 text", expected="UTF-8",
                     found=f"byte {raw[exc.start]:#04x} at offset {exc.start}")]
        ) from None
    loader = _SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError([Problem(label, "file is empty", expected="a YAML mapping")])
        problems: list[Problem] = []
        positions: dict[PathKey, tuple[int, int]] = {}
        _walk(node, (), positions, problems, label, [0])
        if problems:
            raise InputError(problems)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            message = f"{exc.context}: {exc.problem}"
        if "\\t" in message or "tab character" in message:
            message += " (YAML does not allow tabs for indentation; use spaces)"
        raise InputError(
            [Problem(label, f"YAML syntax error: {message}",
                     line=mark.line + 1 if mark else None,
                     column=mark.column + 1 if mark else None)]
        ) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(label, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    return YamlDocument(data=data, positions=positions, label=label, raw=raw)


def _walk(
    node: yaml.Node,
    path: PathKey,
    positions: dict[PathKey, tuple[int, int]],
    problems: list[Problem],
    label: str,
    counter: list[int],
) -> None:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        if counter[0] == MAX_NODES + 1:
            problems.append(Problem(
                label, "document expands to too many values through anchors and aliases",
                expected=f"at most {MAX_NODES:,}", line=node.start_mark.line + 1))
        return
    positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key == "<<":
                continue
            if key is not None:
                if key in seen:
                    problems.append(Problem(
                        label, f"duplicate key {shorten(key)} (first on line {seen[key]})",
                        line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1,
                        field=format_path((*path, key))))
                else:
                    seen[key] = key_node.start_mark.line + 1
            child = (*path, key if key is not None else "?")
            # Point at the key: that is where an editor should put the cursor.
            positions.setdefault(child, (key_node.start_mark.line + 1,
                                         key_node.start_mark.column + 1))
            _walk(value_node, child, positions, problems, label, counter)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), positions, problems, label, counter)


def load_yaml_file(path: str | Path) -> YamlDocument:
    """Read and parse one YAML file; errors name the file as the user gave it."""
    label = str(path)
    return parse_yaml(read_bytes(Path(path), label), label)
