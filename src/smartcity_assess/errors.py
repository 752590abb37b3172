"""Errors raised by the core. The CLI maps them to exit codes; the core never exits."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as the format allows."""

    file: str
    """Path of the file as the user gave it (or a label such as ``<bundled>``)."""
    message: str
    """A sentence saying what is wrong."""
    line: int | None = None
    """1-based line in a text file (YAML, CSV, JSON)."""
    column: int | None = None
    """1-based column (character for YAML/JSON, field number for CSV)."""
    row: int | None = None
    """1-based data row (spreadsheet row number for XLSX and CSV)."""
    field: str | None = None
    """Dotted path of the field (``pillars[0].indicators[2].goalposts``) or a column name."""
    expected: str | None = None
    """What was expected, in words."""
    found: str | None = None
    """What was found (shortened, shown with repr)."""
    cell: str | None = None
    """Spreadsheet cell reference such as ``C7``, when known."""

    def location(self) -> str:
        """``file:line:column`` style location, the way editors and compilers print it."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        text = ":".join(parts)
        extra = []
        if self.row is not None and self.line is None:
            extra.append(f"row {self.row}")
        if self.cell:
            extra.append(f"cell {self.cell}")
        if self.field:
            extra.append(f"field {self.field!s}")
        if extra:
            text += " (" + ", ".join(extra) + ")"
        return text

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.expected is not None:
            text += f"; expected {self.expected}"
        if self.found is not None:
            text += f", found {self.found}"
        return text

    def sort_key(self) -> tuple[str, int, int, int, str]:
        """Stable order: by file, then position, then message."""
        return (
            self.file,
            self.line if self.line is not None else (self.row or 0),
            self.column or 0,
            self.row or 0,
            self.message,
        )


def shorten(value: object, limit: int = 60) -> str:
    """``repr`` of a found value, cut so that a huge cell cannot flood the terminal."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


class SmartCityError(Exception):
    """Base class of every error the core raises on purpose."""

    exit_code = 2


class InputError(SmartCityError):
    """Bad input: an indicator set, survey file, plan or config has problems (exit 2)."""

    def __init__(self, problems: Iterable[Problem], summary: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems, key=Problem.sort_key))
        files = sorted({p.file for p in self.problems})
        self.summary = summary or (
            f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''} "
            f"in {', '.join(files)}"
        )
        super().__init__(self.summary)

    def __str__(self) -> str:
        return "\n".join([self.summary, *(f"  {p}" for p in self.problems)])


def gather(problems: list[Problem], action: Callable[[], T]) -> T | None:
    """``action()``, or None with the problems of its :class:`InputError` added to
    ``problems`` (so that every input of a command is checked before it stops)."""
    try:
        return action()
    except InputError as error:
        problems.extend(error.problems)
        return None


class UsageError(SmartCityError):
    """The command was asked for something impossible (unknown set id, bad option value)."""


class OutputError(SmartCityError):
    """An output could not be written (folder not writable, file not ours to overwrite)."""
