"""What the commands that write many reports share: the number of worker processes and a
progress bar on stderr."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..render.escape import printable
from .console import stderr

MAX_JOBS = 8


def default_jobs() -> int:
    """Processes for the reports: the CPUs this process may use, at most 8."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        count = os.cpu_count() or 1
    return max(1, min(count, MAX_JOBS))


@contextmanager
def progress_bar(lang: str = "en") -> Iterator[Callable[[int, int, str], None] | None]:
    """A Rich progress bar on stderr while reports are written, labelled in ``lang``;
    nothing when stderr is not a terminal (CI logs stay clean)."""
    if not stderr.is_terminal:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from ..messages import text

    bar = Progress(TextColumn(text("cli_progress_reports", lang)), BarColumn(),
                   MofNCompleteColumn(), TimeRemainingColumn(),
                   TextColumn("{task.description}", markup=False),
                   console=stderr, transient=True)
    task = bar.add_task("", total=None)

    def update(done: int, total: int, label: str) -> None:
        # A region name is text: no markup ("[red]"), no control character (printable).
        bar.update(task, completed=done, total=total, description=printable(label))

    with bar:
        yield update
