"""Terminal output for the CLI: results on stdout, messages on stderr, errors → exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from ..errors import InputError, SmartCityError

T = TypeVar("T")

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def message(text: str, style: str | None = None) -> None:
    """A message for the person at the terminal (stderr), never parsed as markup."""
    stderr.print(Text(text, style=style or ""))


def fail(error: SmartCityError) -> NoReturn:
    """Print an error with every problem it carries and exit with its code."""
    if isinstance(error, InputError):
        message(f"error: {error.summary}", "bold red")
        for problem in error.problems:
            message(f"  {problem}")
    else:
        message(f"error: {error}", "bold red")
    raise typer.Exit(error.exit_code)


def run(action: Callable[[], T]) -> T:
    """Run a command body; map the core's errors to exit codes; never show a traceback."""
    try:
        return action()
    except SmartCityError as error:
        fail(error)
    except KeyboardInterrupt:
        message("interrupted", "bold red")
        raise typer.Exit(130) from None
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
    says so)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from ..messages import tr
    from ..outputs import write_text_atomic

    write_text_atomic(output, text)
    message(tr("cli_wrote", lang, path=output))
