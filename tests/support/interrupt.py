"""Run the real command line and send it a signal at a chosen point of its code.

A test names the point (``STOP_AT``): a function of the package (or of the standard
library) and which call of it in one process, say
``smartcity_assess.assessment.batch:_render_one:2`` (a report worker starting its second
report). The command runs from a small script that wraps that function: on that call, in
whichever process of the command makes it first, the wrapper sends the signal and then lets
the function run (``…:2:after``: the function runs first, and the signal comes as it
returns). So the signal arrives at that point every
time, however loaded the machine is, where a test that sleeps and then sends it hits a
different moment on every run.

- ``STOP_SIGNAL``: ``INT`` (Ctrl-C), ``TERM`` or ``KILL``.
- ``STOP_TO``: ``group`` — every process of the command, as a terminal sends Ctrl-C — or
  ``parent``, the command's own process only, as ``timeout``, ``kill`` or a CI system do.
- Several points (comma-separated) send one signal each: Ctrl-C pressed twice.
- ``STOP_PAUSE``: seconds every process that reaches a point sleeps there after the signal
  (long work, for a test that the process is ended rather than left to finish).

Each point fires once in all (the first process to reach it), never once per worker. The
command runs in a session of its own; :func:`group` lists its processes, so that a test can
check that none outlives it, and :func:`stopped` kills any that does, by their group.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

WRAPPER = """\
import importlib, os, signal, sys, time
signum = getattr(signal, "SIG" + os.environ.get("STOP_SIGNAL", "INT"))
parent, marks = os.getpid(), os.environ["STOP_MARKS"]
pause = float(os.environ.get("STOP_PAUSE", "0"))

def send(point):
    try:  # the first process to get here sends the signal; the others carry on
        os.close(os.open(os.path.join(marks, str(point)), os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return
    with open(os.path.join(marks, f"{point}.pid"), "w") as stream:
        stream.write(str(os.getpid()))
    if os.environ.get("STOP_TO", "group") == "group":
        os.killpg(0, signum)
    else:
        os.kill(parent, signum)

for point, spec in enumerate(os.environ["STOP_AT"].split(",")):
    module, name, call, *when = spec.split(":")
    owner = importlib.import_module(module)
    if "." in name:
        cls, name = name.split(".")
        owner = getattr(owner, cls)
    real, calls = getattr(owner, name), [0]

    def wrapped(*args, _real=real, _calls=calls, _point=point, _call=int(call),
                _after=when == ["after"], **kwargs):
        _calls[0] += 1
        if _calls[0] != _call:
            return _real(*args, **kwargs)
        if _after:
            result = _real(*args, **kwargs)
            send(_point)
            return result
        send(_point)
        time.sleep(pause)
        return _real(*args, **kwargs)

    setattr(owner, name, wrapped)

from smartcity_assess.cli.entry import main
sys.argv = ["smartcity-assess", *sys.argv[1:]]
main()
"""


@dataclass
class Stopped:
    """A command that was sent a signal: how it ended, and which points fired where."""

    returncode: int
    stderr: str
    pgid: int
    fired: dict[int, int]
    """Point index → the process id that sent its signal."""

    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_stopped(argv: list[str], cwd: Path, at: str | list[str], *, sig: str = "INT",
                to: str = "group", pause: float = 0, timeout: float = 300) -> Stopped:
    """Run ``smartcity-assess ARGV`` in ``cwd`` (a session of its own) with ``sig`` sent
    at ``at``; wait for it to end."""
    import shutil
    import tempfile

    points = [at] if isinstance(at, str) else at
    marks = Path(tempfile.mkdtemp(prefix="smartcity-stop-"))  # outside the project
    script = marks / "wrapper.py"
    script.write_text(WRAPPER, encoding="utf-8")
    env = {**os.environ, "STOP_AT": ",".join(points), "STOP_SIGNAL": sig, "STOP_TO": to,
           "STOP_MARKS": str(marks), "STOP_PAUSE": str(pause), "COLUMNS": "80"}
    err = marks / "stderr.txt"  # not a pipe: a process that outlived the command would hold it
    with err.open("w") as stream:
        proc = subprocess.Popen([sys.executable, str(script), *argv], cwd=cwd, env=env,
                                stdout=subprocess.DEVNULL, stderr=stream, text=True,
                                start_new_session=True)
    try:
        proc.wait(timeout=timeout)
    finally:
        if proc.returncode is None:
            kill_group(proc.pid)
            proc.wait()
    fired = {}
    for index in range(len(points)):
        pid = marks / f"{index}.pid"
        if pid.exists():
            fired[index] = int(pid.read_text())
    stopped = Stopped(proc.returncode, err.read_text(), proc.pid, fired)
    shutil.rmtree(marks)
    return stopped


# --------------------------------------------------------------------------- the process table


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped has ended)."""
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def group(pgid: int) -> list[int]:
    """The processes of process group ``pgid`` that still run."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and fields[0] not in ("Z", "X") and int(fields[2]) == pgid:
                found.append(int(entry.name))
    return found


def children_of(pid: int) -> list[int]:
    """The running child processes of ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and fields[0] not in ("Z", "X") and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def kill_group(pgid: int) -> None:
    """End every process of the group a test started (it is the test's own session)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except OSError:
        pass


@contextmanager
def stopped_groups() -> Iterator[list[int]]:
    """Process groups a test started; any process of them still running afterwards — which
    is what the tests look for — is killed, so that a failing test leaves nothing behind."""
    groups: list[int] = []
    try:
        yield groups
    finally:
        for pgid in groups:
            if group(pgid):
                kill_group(pgid)


def no_survivor(stopped: Stopped, timeout: float = 10) -> list[int]:
    """Processes of the stopped command still running ``timeout`` seconds after it ended
    (none, when it ended as it must). A child whose parent was killed (``kill -9``) gets the
    kernel's signal at once; the time is for a machine under load."""
    wait_for(lambda: not group(stopped.pgid), timeout)
    return group(stopped.pgid)


MESSAGE = {"INT": ("interrupted", 130), "TERM": ("terminated", 143)}
"""The one line a command prints when a signal stops it, and its exit code."""


def ended_cleanly(stopped: Stopped, sig: str) -> str:
    """Why ``stopped`` did not end as a command stopped by ``sig`` must ("" if it did): the
    exit code, one line on stderr and nothing else (no traceback, no warning)."""
    line, code = MESSAGE[sig]
    if stopped.returncode != code:
        return f"exit code {stopped.returncode}, not {code}:\n{stopped.stderr}"
    if stopped.lines() != [line]:
        return f"stderr is not the one line {line!r}:\n{stopped.stderr}"
    return ""
