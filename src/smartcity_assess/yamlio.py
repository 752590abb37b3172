"""Safe YAML reading that remembers where every value stood, for error messages.

PyYAML's safe loader already refuses ``!!python/...`` tags. On top of it this module
refuses duplicate keys, keys that are lists or maps, every tag that is not plain data (all
of them at once, with their lines), aliases that refer to their own ancestors, and binary
files; it caps file size, nesting depth, the number of values and alias expansion (the
"billion laughs"), and returns a map from field path to (line, column) so that schema errors
can point at the line.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem, shorten
from .filekinds import binary_kind

MAX_YAML_BYTES = 2 * 1024 * 1024
"""Largest YAML file read: 2 MiB, twenty times the bundled indicator set (plans and configs
are far smaller). PyYAML parses about 1 MB a second, so this also bounds the time spent."""
MAX_NODES = 200_000
"""Most values (mappings, lists and scalars) a document may hold, and may expand to through
anchors and aliases."""
MAX_DEPTH = 100
"""Deepest nesting of mappings and lists (the bundled set needs 8)."""
SAFE_TAGS = frozenset(tag for tag in yaml.SafeLoader.yaml_constructors if tag is not None)
"""Tags of plain data: maps, lists, text, numbers, booleans, null, timestamps, binary, sets."""

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
        elif part == "":
            text += "['']"
        else:
            text += ("." if text else "") + str(part)
    return text or "(document)"


def read_bytes(path: Path, label: str, limit: int = MAX_YAML_BYTES) -> bytes:
    """Read a file, turning every OS problem into an InputError.

    Never reads more than ``limit + 1`` bytes, so a pipe or a file that grows cannot exhaust
    memory; devices (``/dev/zero``) are refused.
    """
    too_large = "file is too large"
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError([Problem(label, "is a folder, not a file")])
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISFIFO(info.st_mode):
            raise InputError([Problem(label, "is a device or other special file, not a "
                                      "regular file", expected="a YAML file")])
        if info.st_size > limit:
            raise InputError(
                [Problem(label, too_large, expected=f"at most {limit:,} bytes",
                         found=f"{info.st_size:,} bytes")]
            )
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise InputError([Problem(label, too_large, expected=f"at most {limit:,} bytes",
                                      found=f"more than {limit:,} bytes")])
        return data
    except FileNotFoundError:
        raise InputError([Problem(label, "file not found")]) from None
    except PermissionError:
        raise InputError([Problem(label, "file cannot be read (permission denied)")]) from None
    except OSError as exc:
        raise InputError([Problem(label, f"file cannot be read ({exc.strerror})")]) from None


class _TooBig(Exception):
    """Raised by the composer when a document nests too deeply or holds too many values."""

    def __init__(self, problem: str, expected: str, mark: yaml.Mark | None) -> None:
        super().__init__(problem)
        self.problem, self.expected, self.mark = problem, expected, mark


class _Loader(yaml.SafeLoader):
    """The safe loader, composing with bounded depth and size (PyYAML's composer is
    recursive: a deep document would otherwise end in a RecursionError)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.nodes += 1
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooBig("the document is nested too deeply",
                              f"at most {MAX_DEPTH} levels of mappings and lists", self._mark())
            if self.nodes > MAX_NODES:
                raise _TooBig("the document has too many values",
                              f"at most {MAX_NODES:,} values", self._mark())
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def _mark(self) -> yaml.Mark | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        mark: yaml.Mark | None = getattr(event, "start_mark", None)
        return mark


def parse_yaml(raw: bytes, label: str) -> YamlDocument:
    """Parse YAML bytes into data plus positions, or raise InputError with every problem found."""
    kind = binary_kind(raw)
    if kind is not None:
        raise InputError([Problem(label, f"this is {kind}, not a YAML text file",
                                  expected="a YAML text file", found=kind)])
    if b"\x00" in raw:
        raise InputError([Problem(label, "file contains NUL bytes; is it a binary file?",
                                  expected="a YAML text file")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(
            [Problem(label, "file is not UTF-8 text", expected="UTF-8", line=line,
                     found=f"byte {raw[exc.start]:#04x} at offset {exc.start}")]
        ) from None
    try:
        loader = _Loader(text)  # checks the characters of the whole text at once
    except yaml.reader.ReaderError as exc:
        before = text[:exc.position]
        raise InputError([Problem(
            label, "the file holds a control character that YAML does not allow",
            line=before.count("\n") + 1, column=len(before) - before.rfind("\n"),
            expected="printable text", found=f"character U+{exc.character:04X}")]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            message = "file is empty" if not text.strip() else (
                "file has no content (only comments or blank lines)")
            raise InputError([Problem(label, message, expected="a YAML mapping")])
        problems: list[Problem] = []
        positions: dict[PathKey, tuple[int, int]] = {}
        _walk(node, (), positions, problems, label, [0], set())
        if problems:
            raise InputError(problems)
        data = loader.construct_document(node)
    except _TooBig as exc:
        mark = exc.mark
        raise InputError([Problem(label, exc.problem, expected=exc.expected,
                                  line=mark.line + 1 if mark else None,
                                  column=mark.column + 1 if mark else None)]) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError([_yaml_problem(exc, text, label)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(label, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    return YamlDocument(data=data, positions=positions, label=label, raw=raw)


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str, label: str) -> Problem:
    """A PyYAML error as a Problem: where it is, what is wrong, and where the construct that
    went wrong began (an unclosed bracket or quote is reported where the file ends)."""
    mark = exc.problem_mark or exc.context_mark
    syntax = isinstance(exc, (yaml.scanner.ScannerError, yaml.parser.ParserError))
    message = exc.problem or exc.context or "invalid YAML"
    context = exc.context_mark
    if exc.context and exc.problem:
        where = ""
        if context is not None and mark is not None and exc.context.startswith("while ") and (
                context.line, context.column) != (mark.line, mark.column):
            where = f" that starts at line {context.line + 1}, column {context.column + 1}"
        message = f"{exc.context}{where}: {exc.problem}"
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and lines[mark.line][mark.column:mark.column + 1] == "\t":
            message += " (YAML does not allow tabs for indentation; use spaces)"
    return Problem(label, f"YAML {'syntax error' if syntax else 'error'}: {message}",
                   line=mark.line + 1 if mark else None,
                   column=mark.column + 1 if mark else None)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


_INT_TAG = "tag:yaml.org,2002:int"
MAX_DIGITS = 300
"""Longest whole number read: anything longer is no count, weight or seed (and could not
even be turned into a floating-point number: those end near 1.8 × 10^308)."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def _scalar_problem(node: yaml.ScalarNode, label: str, path: PathKey) -> Problem | None:
    """A whole number too long to be a value, or text with a lone surrogate (``"\\ud800"``:
    half of a character, which no file can hold and no output can write)."""
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    where = format_path(path) if path else None
    if node.tag == _INT_TAG:
        digits = sum(char.isalnum() for char in node.value)
        if digits > MAX_DIGITS:
            return Problem(label, "number too large", line=line, column=column, field=where,
                           expected=f"at most {MAX_DIGITS} digits", found=f"{digits:,} digits")
    elif isinstance(node.value, str):
        found = _SURROGATE.search(node.value)
        if found is not None:
            return Problem(label, "text holds half of a character (a lone surrogate)",
                           line=line, column=column, field=where,
                           expected="whole characters (a \\u escape of a character "
                           "above U+FFFF is written \\UXXXXXXXX)",
                           found=f"U+{ord(found.group()):04X}")
    return None


def _walk(
    node: yaml.Node,
    path: PathKey,
    positions: dict[PathKey, tuple[int, int]],
    problems: list[Problem],
    label: str,
    counter: list[int],
    ancestors: set[int],
) -> None:
    counter[0] += 1
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if counter[0] > MAX_NODES:
        if counter[0] == MAX_NODES + 1:
            problems.append(Problem(
                label, "document expands to too many values through anchors and aliases",
                expected=f"at most {MAX_NODES:,}", line=line, column=column))
        return
    if len(path) > MAX_DEPTH:  # aliases inside aliases can nest deeper than the text does
        if not any(p.message.startswith("the document is nested") for p in problems):
            problems.append(Problem(
                label, "the document is nested too deeply through anchors and aliases",
                expected=f"at most {MAX_DEPTH} levels of mappings and lists", line=line,
                column=column))
        return
    positions.setdefault(path, (line, column))
    if node.tag not in SAFE_TAGS:
        problems.append(Problem(
            label, f"YAML tag {_short_tag(node.tag)!r} is not allowed",
            expected="plain data: mappings, lists, text, numbers, true/false and null",
            found=shorten(_short_tag(node.tag)), line=line, column=column,
            field=format_path(path) if path else None))
        return
    if isinstance(node, yaml.ScalarNode):
        problem = _scalar_problem(node, label, path)
        if problem is not None:
            problems.append(problem)
        return
    if id(node) in ancestors:
        problems.append(Problem(
            label, "an alias refers to a mapping or list that contains it (an endless "
            "document)", expected="an alias to a value defined outside it", line=line,
            column=column, field=format_path(path) if path else None))
        return
    ancestors.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key == "<<":
                _walk(value_node, path, {}, problems, label, counter, ancestors)
                continue
            if key is None:
                kind = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
                problems.append(Problem(
                    label, f"a key is {kind}", expected="a key that is text",
                    found=kind, line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1,
                    field=format_path(path) if path else None))
                continue
            if key_node.tag not in SAFE_TAGS:
                problems.append(Problem(
                    label, f"YAML tag {_short_tag(key_node.tag)!r} is not allowed",
                    expected="plain data: mappings, lists, text, numbers, true/false and null",
                    found=shorten(_short_tag(key_node.tag)), line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1,
                    field=format_path(path) if path else None))
                continue
            if isinstance(key_node, yaml.ScalarNode):
                problem = _scalar_problem(key_node, label, path)
                if problem is not None:
                    problems.append(problem)
                    continue
            if key in seen:
                problems.append(Problem(
                    label, f"duplicate key {shorten(key)} (first on line {seen[key]})",
                    line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1,
                    field=format_path((*path, key))))
            else:
                seen[key] = key_node.start_mark.line + 1
            child = (*path, key)
            # Point at the key: that is where an editor should put the cursor.
            positions.setdefault(child, (key_node.start_mark.line + 1,
                                         key_node.start_mark.column + 1))
            _walk(value_node, child, positions, problems, label, counter, ancestors)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), positions, problems, label, counter, ancestors)
    ancestors.discard(id(node))


def load_yaml_file(path: str | Path) -> YamlDocument:
    """Read and parse one YAML file; errors name the file as the user gave it."""
    label = str(path)
    return parse_yaml(read_bytes(Path(path), label), label)
