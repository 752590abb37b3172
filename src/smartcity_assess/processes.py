"""Child processes that end with their parent, and SIGTERM handled like Ctrl-C.

The report workers (:mod:`smartcity_assess.assessment.batch`) and the chart helper of a
single report (:mod:`smartcity_assess.report.build`) are forked child processes. A child
calls :func:`die_with_parent` first thing, so that it can never outlive the process that
started it, however that one ends (``kill -9`` included):

- on Linux the kernel sends it SIGKILL when its parent ends (``PR_SET_PDEATHSIG``);
- everywhere it watches a pipe whose writing end only the parent holds (the *lifeline*,
  made before every ``fork``): when the parent ends, the pipe reads as closed, and the child
  ends itself.

Whatever a killed child was writing is in the staging folder of its output
(:mod:`smartcity_assess.outputs`), which the next command into that folder discards.

SIGTERM — sent by ``timeout``, by a CI system cancelling a job, by ``docker stop`` — is
handled like Ctrl-C while a command runs (:func:`terminate_as_interrupt`): it raises
:class:`Terminated`, a :class:`KeyboardInterrupt`, so the same clean-up runs.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

PR_SET_PDEATHSIG = 1
"""``prctl`` option: the signal a process gets when its parent ends (linux/prctl.h)."""


class Terminated(KeyboardInterrupt):
    """The process was asked to end (SIGTERM): handled like Ctrl-C."""


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated` (in the main thread only: where
    Python can install signal handlers)."""
    if not hasattr(signal, "SIGTERM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: Any) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --- the lifeline -----------------------------------------------------------------------------

_lifeline: tuple[int, int] | None = None
"""(read, write) ends of this process's lifeline: children watch the read end."""
_forking: int | None = None
"""Process id of the process about to fork (so that its child knows its parent's id)."""
_parent: tuple[int, int] | None = None
"""In a child: its parent's process id and the read end of the parent's lifeline."""


def _before_fork() -> None:
    global _lifeline, _forking
    _forking = os.getpid()
    if _lifeline is None:
        try:
            _lifeline = os.pipe()  # neither end survives an exec (os.pipe is non-inheritable)
        except OSError:
            _lifeline = None


def _after_fork_in_child() -> None:
    global _lifeline, _parent
    if _lifeline is not None and _forking is not None:
        read, write = _lifeline
        try:
            os.close(write)  # only the parent may hold it open
        except OSError:
            pass
        if _parent is not None and _parent[1] != read:  # an ancestor's lifeline: not ours
            try:
                os.close(_parent[1])
            except OSError:
                pass
        _parent = (_forking, read)
    _lifeline = None  # this process makes its own lifeline if it forks in turn


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)


def _set_parent_death_signal(signum: int) -> bool:
    """Ask Linux to send ``signum`` to this process when its parent ends."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(read: int) -> None:
    try:
        while os.read(read, 1):  # the parent never writes: this returns b"" when it ends
            pass
    except OSError:
        pass
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(1)


def die_with_parent() -> None:
    """Make this (forked) process end when the process that forked it ends."""
    parent = _parent
    _set_parent_death_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    if parent is None:  # not forked by this module's rules (spawned): the kernel's signal only
        return
    if os.getppid() != parent[0]:  # the parent ended before the request took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent[1],), name="lifeline", daemon=True).start()
