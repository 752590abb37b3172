"""Ctrl-C and SIGTERM acted upon once, at safe points; child processes that end with their
parent.

**Signals.** A command stops on Ctrl-C (SIGINT) or SIGTERM (sent by ``timeout``, by a CI
system cancelling a job, by ``docker stop``) with the same clean-up: the signal raises
:class:`KeyboardInterrupt` (:class:`Terminated` for SIGTERM) in the main thread. Python raises
such an exception wherever the main thread happens to be, which is safe for the work itself
(it is discarded) but not for the few steps that must run whole: starting or stopping child
processes, moving a staged output into place, writing a file through a temporary one, removing
the staging folder. So, with :func:`signals_as_interrupts` in force:

- only the **first** signal raises; a later one (a second Ctrl-C, the SIGTERM that follows a
  Ctrl-C) is ignored, so the clean-up that the first one started runs to its end — and it is
  bounded: children get a few seconds to end before they are killed;
- inside :class:`held_back` blocks a signal is noted, not raised, and raised when the
  outermost block ends (or earlier, where stopping is still cheap: :func:`raise_if_stopping`);
- :class:`interruptible` opens a moment inside a held-back block where a signal raises at once
  (waiting for the workers): the handler itself puts the block back in force before it
  raises, so no exit code of a ``with`` statement has to run for the state to be right;
- children are started in a :class:`forking` block, which also blocks the signals in the
  thread's signal mask: a child starts with them blocked and takes them only once its own
  handlers are in place (:func:`child_signals`), never with this process's handler.

The command line takes the signals first thing (:func:`take_signals`, before it imports
anything heavy) and holds them back until a command's body runs, so that Ctrl-C at any moment
— while the command line loads, too — ends with the one-line message and its exit code,
never a traceback. (Only the first hundredths of a second, while the Python interpreter itself
starts, come before.)

**Children.** The report workers (:mod:`smartcity_assess.assessment.batch`) and the chart
helper of a single report (:mod:`smartcity_assess.report.charts.workers`) are forked child
processes. A child calls :func:`child_signals` (or at least :func:`die_with_parent`) first
thing, so that it can never outlive the process that started it, however that one ends
(``kill -9`` included):

- on Linux the kernel sends it SIGKILL when its parent ends (``PR_SET_PDEATHSIG``);
- everywhere it watches a pipe whose writing end only the parent holds (the *lifeline*,
  made before every ``fork``): when the parent ends, the pipe reads as closed, and the child
  ends itself.

Whatever a killed child was writing is in the staging folder of its output
(:mod:`smartcity_assess.outputs`), which the next command into that folder discards.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any, TypeAlias

PR_SET_PDEATHSIG = 1
"""``prctl`` option: the signal a process gets when its parent ends (linux/prctl.h)."""


class Terminated(KeyboardInterrupt):
    """The process was asked to end (SIGTERM): handled like Ctrl-C."""


SIGNALS: tuple[signal.Signals, ...] = (
    signal.SIGINT, *([signal.SIGTERM] if hasattr(signal, "SIGTERM") else []))
"""The signals that stop a command."""


def interruption(signum: int) -> KeyboardInterrupt:
    """The exception that stands for ``signum``: :class:`Terminated` for SIGTERM,
    :class:`KeyboardInterrupt` otherwise."""
    return Terminated() if signum == getattr(signal, "SIGTERM", None) else KeyboardInterrupt()


# --- signals as interruptions ------------------------------------------------------------------
#
# The state lives in module globals, read and written by the handler and by the blocks below in
# the main thread only (Python runs signal handlers there). Assignments without a call between
# them cannot be split by a handler: Python runs handlers only when a function is called or
# entered or a loop jumps back.

_Handler: TypeAlias = "Callable[[int, FrameType | None], Any] | int | signal.Handlers | None"


class _Window:
    """An :class:`interruptible` moment: the held-back depth to return to."""

    __slots__ = ("hold",)

    def __init__(self, hold: int) -> None:
        self.hold = hold


_first: int | None = None
"""The signal that is stopping this process (raised already): later ones are ignored."""
_pending: int | None = None
"""A signal noted in a held-back block, raised when the block ends."""
_hold = 0
"""How many :class:`held_back` blocks the main thread is in."""
_window: _Window | None = None
"""The :class:`interruptible` moment the main thread is in, if any."""


def _on_signal(signum: int, frame: FrameType | None) -> None:
    global _first, _pending, _hold, _window
    if _first is not None or _pending is not None:
        return  # already stopping (or about to): the clean-up runs undisturbed
    if _hold:
        _pending = signum
        return
    _first = signum
    window = _window
    if window is not None:  # the moment ends here: the held-back block is in force again
        _hold, _window = window.hold, None
    raise interruption(signum)


_BLOCK = getattr(signal, "SIG_BLOCK", 0)
_UNBLOCK = getattr(signal, "SIG_UNBLOCK", 1)


def _set_mask(how: int) -> set[int] | None:
    """Block or unblock :data:`SIGNALS` in the calling thread; the mask before (None where
    the platform has no signal masks)."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return {int(s) for s in signal.pthread_sigmask(how, SIGNALS)}


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _ours() -> bool:
    """True when this module's handler takes the signals."""
    return signal.getsignal(signal.SIGINT) is _on_signal


def _install() -> dict[signal.Signals, _Handler]:
    return {signum: signal.signal(signum, _on_signal) for signum in SIGNALS}


def _restore(previous: dict[signal.Signals, _Handler]) -> None:
    for signum, handler in previous.items():
        if handler is not None:  # None: a handler not set from Python, which cannot be put back
            signal.signal(signum, handler)


def _reset() -> None:
    global _first, _pending, _hold, _window
    _first, _pending, _hold, _window = None, None, 0, None


def _raise_pending() -> None:
    """Act on a signal noted while held back, now that nothing holds it."""
    global _pending
    signum = _pending
    if signum is not None and not _hold:
        _pending = None
        _on_signal(signum, None)


def stopping() -> int | None:
    """The signal that is stopping this process (raised, or noted in a held-back block), or
    None."""
    return _first if _first is not None else _pending


def stop_now(signum: int | None = None) -> KeyboardInterrupt:
    """The interruption to raise now, inside a held-back block, for the signal noted there
    (else for ``signum``, say the signal that ended a child; else Ctrl-C's): from then on
    this process is stopping, and later signals are ignored."""
    global _first, _pending
    chosen = _first if _first is not None else _pending if _pending is not None else signum
    if chosen is None:
        chosen = int(signal.SIGINT)
    if _first is None and _ours():
        _first, _pending = chosen, None
    return interruption(chosen)


def raise_if_stopping() -> None:
    """Inside a held-back block, at a point where stopping is still cheap (before a step
    that cannot be undone): raise the interruption for a signal noted so far, if any."""
    if stopping() is not None:
        raise stop_now()


def take_signals() -> None:
    """For the command line, first thing: this module handles SIGINT and SIGTERM from now
    until the process ends, and holds them back until a command's body runs
    (:class:`signals_as_interrupts`); one that came before or after is
    :func:`noted_at_exit`."""
    global _hold
    if not _in_main_thread():
        return
    _reset()
    _hold = 1
    _install()


def noted_at_exit() -> int | None:
    """A signal held back outside a command's body (while Python started, or after the body
    ended), which nothing has acted upon: the command line then ends as it asks."""
    return _pending if _first is None else None


class signals_as_interrupts:
    """Within the block, the first SIGINT raises :class:`KeyboardInterrupt` and the first
    SIGTERM :class:`Terminated` (main thread only, where Python can handle signals); a later
    one is ignored, and held-back blocks hold them (see the module text).

    Where the command line took the signals already (:func:`take_signals`) the block is an
    :class:`interruptible` moment. Otherwise (a library caller, a test) the handlers are
    installed for the block and the previous ones put back after it, unless a signal
    stopped it: then they stay, ignoring any further signal until the process ends, so that
    nothing raises while it shuts down.
    """

    def __init__(self) -> None:
        self._previous: dict[signal.Signals, _Handler] | None = None
        self._window: interruptible | None = None

    def __enter__(self) -> signals_as_interrupts:
        if not _in_main_thread():
            return self
        if _ours() and _hold:  # the command line's: held back until now
            window = interruptible()
            self._window = window
            window.__enter__()
            return self
        previous = None if _ours() else _install()  # ours: left by an earlier interruption
        _reset()
        self._previous = previous
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        window, self._window = self._window, None
        if window is not None:
            window.__exit__(exc_type, exc, tb)
            return
        previous, self._previous = self._previous, None
        if previous is not None and stopping() is None:
            _restore(previous)


class held_back:
    """Within the block, SIGINT and SIGTERM are noted, not acted upon; the first one noted is
    raised when the outermost block ends (where this module did not handle signals before
    the block, it is handed to the handler there was). In the main thread only; elsewhere
    the block does nothing (Python handles signals in the main thread anyway).
    """

    def __init__(self) -> None:
        self._saved: int | None = None
        self._previous: dict[signal.Signals, _Handler] | None = None

    def __enter__(self) -> held_back:
        global _hold
        if not _in_main_thread():
            return self
        if not _ours():  # a library caller: the signals are this module's for the block
            _reset()
            self._previous = _install()
        self._saved = _hold
        _hold = self._saved + 1
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        global _hold
        saved, self._saved = self._saved, None
        if saved is None:
            return
        _hold = saved
        previous, self._previous = self._previous, None
        if previous is None:
            _raise_pending()
            return
        noted = _pending if _first is None else None
        _reset()
        _restore(previous)
        if noted is not None:
            handler = previous.get(signal.Signals(noted))
            if callable(handler):
                handler(noted, None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), noted)


class forking:
    """Start child processes in this block (inside a :class:`held_back` block): SIGINT and
    SIGTERM are blocked in the thread's signal mask meanwhile, so that a child starts with
    them blocked and takes them only once its own handlers are in place
    (:func:`child_signals`); before that it would run this process's handler. One that came
    meanwhile is noted when the block ends."""

    def __init__(self) -> None:
        self._mask: set[int] | None = None

    def __enter__(self) -> forking:
        if _in_main_thread():
            self._mask = _set_mask(_BLOCK)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        mask, self._mask = self._mask, None
        if mask is not None and hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


class interruptible:
    """A moment inside a :class:`held_back` block where SIGINT and SIGTERM raise at once
    (waiting for children); a signal noted before raises on entering it. Outside a
    held-back block, or where this module does not handle signals, it does nothing."""

    def __init__(self) -> None:
        self._window: _Window | None = None

    def __enter__(self) -> interruptible:
        global _hold, _window
        if not _in_main_thread() or not _hold or not _ours():
            return self
        window = _Window(_hold)
        self._window = window
        _window, _hold = window, 0
        _raise_pending()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        global _hold, _window
        window, self._window = self._window, None
        if window is None or _window is not window:  # the handler closed it already
            return
        _hold, _window = window.hold, None


def child_signals() -> None:
    """First thing in a child process forked inside a :class:`held_back` block: it dies with
    its parent (:func:`die_with_parent`); Ctrl-C, which a terminal sends to every process of
    the command, is the parent's to handle (the parent stops its children), so the child
    ignores it; SIGTERM (the parent's request to stop, or a signal to the whole group) ends
    it at once. Then it takes the signals held back since the fork."""
    die_with_parent()
    _reset()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _set_mask(_UNBLOCK)


def ended_by_signal(exitcode: int | None) -> int | None:
    """The signal (SIGINT or SIGTERM) that ended a child with ``exitcode`` (negative: killed
    by it; 128 + its number: it ended itself on it), or None."""
    if exitcode is None:
        return None
    for signum in SIGNALS:
        if exitcode in (-signum, 128 + signum):
            return int(signum)
    return None


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
    _reset()  # the parent's signal state is not the child's
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


def terminate_as_interrupt() -> signals_as_interrupts:
    """The earlier name of :class:`signals_as_interrupts`."""
    return signals_as_interrupts()
