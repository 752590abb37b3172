"""Terminal output for the CLI: results on stdout, messages on stderr, errors → exit codes.

Text from the data (region names, titles, file names) is shown as text and nothing else:
every message goes through :func:`~smartcity_assess.render.escape.printable`, and both
consoles pass everything they print through :class:`Inert`, so that no control character —
an ANSI escape that clears the screen or plants a link, a carriage return or line feed that
forges a log line, a bidi override — reaches the terminal or a CI log.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer
from rich.console import Console, Group, RenderHook
from rich.segment import Segment
from rich.text import Text

from ..errors import InputError, SmartCityError
from ..processes import Terminated, signals_as_interrupts
from ..render.escape import json_controls_escaped, printable

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, ConsoleRenderable, RenderableType, RenderResult

T = TypeVar("T")

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3

EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
"""128 + the signal's number, as shells report a process ended by SIGINT or SIGTERM."""


class _Shown:
    """A renderable as Rich draws it, with any control character left in its text made
    :func:`printable` (line breaks are Rich's own layout here and stay)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if segment.control or printable(segment.text, keep_whitespace=True) == segment.text:
                yield segment
            else:
                lines = segment.text.split("\n")
                yield Segment("\n".join(printable(line) for line in lines), segment.style)


class Inert(RenderHook):
    """Every renderable a console prints goes through :func:`one_line` and
    :class:`_Shown`."""

    def process_renderables(self, renderables: list[ConsoleRenderable]
                            ) -> list[ConsoleRenderable]:
        for renderable in renderables:
            one_line(renderable)
        return [_Shown(renderable) for renderable in renderables]


def _line(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    one_line(value)
    return value


def one_line(renderable: Any, depth: int = 0) -> None:
    """Make the texts inside a table, tree or group one line each, in place: a line break
    in a region name or title shows as ``␊`` instead of starting a line of its own (which
    could pass for a message of the tool's in a log). The tool's own tables never put a
    line break into a cell: Rich wraps long text itself."""
    from rich.table import Table
    from rich.tree import Tree

    if depth > 20:
        return
    if isinstance(renderable, Text):
        renderable.plain = printable(renderable.plain)
    elif isinstance(renderable, Table):
        renderable.title = _line(renderable.title)
        renderable.caption = _line(renderable.caption)
        for column in renderable.columns:
            column.header = _line(column.header)
            column.footer = _line(column.footer)
            column._cells[:] = [_line(cell) for cell in column._cells]
    elif isinstance(renderable, Tree):
        renderable.label = _line(renderable.label)
        for child in renderable.children:
            one_line(child, depth + 1)
    elif isinstance(renderable, Group):
        renderable.renderables[:] = [_line(item) for item in renderable.renderables]
    elif hasattr(renderable, "renderable"):  # Padding, Panel, Align ...
        inner = renderable.renderable
        if isinstance(inner, str):
            renderable.renderable = printable(inner)
        else:
            one_line(inner, depth + 1)


stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)
for _console in (stdout, stderr):
    _console.push_render_hook(Inert())


def shown(text: object) -> str:
    """Text from the data as it may be shown in a table or message: one line, no control
    characters (see :func:`~smartcity_assess.render.escape.printable`)."""
    return printable(text)


def message(text: str, style: str | None = None) -> None:
    """A message for the person at the terminal (stderr), never parsed as markup, on one
    line, with no control character of the data in it."""
    stderr.print(Text(printable(text), style=style or ""))


def fail(error: SmartCityError) -> NoReturn:
    """Print an error with every problem it carries and exit with its code."""
    if isinstance(error, InputError):
        message(f"error: {error.summary}", "bold red")
        for problem in error.problems:
            message(f"  {problem}")
    else:
        message(f"error: {error}", "bold red")
    raise typer.Exit(error.exit_code)


def interrupted(interrupt: KeyboardInterrupt) -> NoReturn:
    """End the command after Ctrl-C (exit 130, "interrupted") or SIGTERM (exit 143,
    "terminated"): one line, no traceback."""
    from ..outputs import close_open_folders

    close_open_folders()  # nothing staged is left behind, whatever Python was doing
    if isinstance(interrupt, Terminated):
        message("terminated", "bold red")
        raise typer.Exit(EXIT_TERMINATED) from None
    message("interrupted", "bold red")
    raise typer.Exit(EXIT_INTERRUPTED) from None


def run(action: Callable[[], T]) -> T:
    """Run a command body; map the core's errors to exit codes; never show a traceback.

    Ctrl-C and SIGTERM stop the body (SIGTERM is handled like Ctrl-C, with its own exit
    code): only the first one raises, and clean-up steps that must run whole hold them
    back until they are done (:mod:`smartcity_assess.processes`).
    """
    try:
        with signals_as_interrupts():
            return action()
    except SmartCityError as error:
        fail(error)
    except KeyboardInterrupt as interrupt:
        interrupted(interrupt)
    except typer.Exit:
        raise
    except Exception as error:  # a bug: say so plainly, keep the traceback for debugging
        if os.environ.get("SMARTCITY_DEBUG"):
            raise
        message(f"internal error: {type(error).__name__}: {error}", "bold red")
        message("This is a bug in smartcity-assess. Rerun with SMARTCITY_DEBUG=1 for details "
                "and report it.")
        raise typer.Exit(EXIT_INTERNAL) from None


def write_output(text: str, output: str | None, *, lang: str = "en") -> None:
    """Write a result to ``output`` atomically, or to stdout (``lang``: of the notice that
    says so).

    On stdout, C1 controls and bidi formatting characters that a JSON text holds in its
    strings become ``\\u`` escapes (the same JSON, nothing a terminal acts on); Markdown and
    CSV texts have none left (their cells are :func:`printable` already).
    """
    if output is None or output == "-":
        sys.stdout.write(json_controls_escaped(text))
        sys.stdout.flush()
        return
    from ..messages import tr
    from ..outputs import write_text_atomic

    write_text_atomic(output, text)
    message(tr("cli_wrote", lang, path=output))

