"""The ``smartcity-assess`` program (and ``python -m smartcity_assess``).

Ctrl-C and SIGTERM are taken before anything else is imported
(:func:`~smartcity_assess.processes.take_signals`) and held back until a command's body
runs, where they stop it cleanly (:func:`~smartcity_assess.cli.console.run`). One that comes
while Python loads the command line, or after the body has ended, is acted upon here: the
program ends with "interrupted" (exit 130) or "terminated" (exit 143), never a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    from ..processes import Terminated, interruption, noted_at_exit, take_signals

    take_signals()
    code: str | int | None = 0
    try:
        from .app import main as app_main

        app_main()
    except SystemExit as exit_:
        code = exit_.code
    noted = noted_at_exit()
    if noted is not None:
        from .console import EXIT_INTERRUPTED, EXIT_TERMINATED, message

        stopped = isinstance(interruption(noted), Terminated)
        message("terminated" if stopped else "interrupted", "bold red")
        code = EXIT_TERMINATED if stopped else EXIT_INTERRUPTED
    sys.exit(code)
