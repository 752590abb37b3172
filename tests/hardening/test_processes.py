"""Processes end with the command, however it ends (issue 17, items 2 and 7).

- ``kill -9`` of a multi-region ``report`` (or ``run``) ends its worker processes at once,
  and the output folder's lock goes with it: the next command into the folder does not wait.
- ``kill -9`` of a single-region ``report`` ends its chart helper process.
- SIGTERM (``timeout``, CI cancellation, ``docker stop``) is handled like Ctrl-C: exit 143,
  "terminated", no traceback, the folder as it was, no process left.
- Ctrl-C with ``-j 2``: no traceback at interpreter shutdown, no temporary file.

Every test starts the real command in a process of its own (``python -m smartcity_assess``)
and kills it at test time; processes that survive a failing test are ended by their id.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="reads the process table from /proc"),
              pytest.mark.slow]  # real processes, killed at test time

SET = """\
id: tiny
version: "1"
title: Tiny
pillars:
  - id: p
    title: P
    indicators:
      - {id: a, title: A, type: percent, target: 80}
      - {id: b, title: B, type: percent, target: 80}
  - id: q
    title: Q
    indicators:
      - {id: c, title: C, type: percent, target: 80}
"""


def write_project(folder: Path, regions: int, shift: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "set.yaml").write_text(SET, encoding="utf-8")
    with (folder / "survey.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["region", "year", "a", "b", "c"])
        for n in range(regions):
            writer.writerow([f"Kota {n}", 2025, (10 + 7 * n + shift) % 100,
                             (30 + 3 * n) % 100, (50 + 11 * n) % 100])
    return folder


def report_command(project: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "smartcity_assess", "report", "survey.csv", "-c", "set.yaml",
            "--out", "out", "--no-uncertainty", "--format", "md", *extra]


# --------------------------------------------------------------------------- the process table


def parent_of(pid: int) -> int | None:
    """The parent process id from /proc (None when the process is gone)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(text.rsplit(")", 1)[1].split()[1])


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped has ended)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return text.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and parent_of(int(entry.name)) == pid and alive(int(entry.name)):
            found.append(int(entry.name))
    return found


def wait_for(condition: object, timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(step)
    return bool(condition())  # type: ignore[operator]


@pytest.fixture()
def survivors() -> Iterator[list[int]]:
    """Process ids a test started (directly or not); any still running afterwards — which
    is what the tests look for — is killed, so that a failure leaves nothing behind."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def start(command: list[str], cwd: Path) -> subprocess.Popen[str]:
    """The command in a session of its own, its stderr in ``stderr.txt`` (a pipe would stay
    open as long as any process that inherited it lives)."""
    with (cwd / "stderr.txt").open("w") as err:
        return subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err,
                                text=True, start_new_session=True,
                                env={**os.environ, "COLUMNS": "80"})


def finish(proc: subprocess.Popen[str], cwd: Path) -> str:
    """Wait for the command; its stderr."""
    proc.wait(timeout=60)
    return (cwd / "stderr.txt").read_text()


# --------------------------------------------------------------------------- kill -9


def test_kill_9_of_a_multi_region_report_ends_its_workers_and_frees_the_folder(
        tmp_path: Path, survivors: list[int]) -> None:
    project = write_project(tmp_path, regions=8)
    proc = start(report_command(project, "-j", "2"), project)
    survivors.append(proc.pid)
    # The workers start after the survey is scored; kill the command while they work.
    assert wait_for(lambda: len(children_of(proc.pid)) >= 2, 120), finish(proc, project)
    workers = children_of(proc.pid)
    survivors.extend(workers)
    time.sleep(0.3)  # each worker is rendering a report now
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # Every worker ends with it (on main they lived on, blocked, holding the folder's lock).
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 10), \
        [pid for pid in workers if alive(pid)]
    # The next report into the folder neither waits for a lock nor fails.
    began = time.monotonic()
    again = subprocess.run(report_command(project, "-j", "2"), cwd=project,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert time.monotonic() - began < 25, "waited for the lock of a killed process"
    assert "another smartcity-assess process" not in again.stderr
    out = project / "out"
    assert not (out / ".smartcity-assess.staging").exists()
    assert len([p for p in out.iterdir() if p.is_dir()]) == 8


def test_kill_9_of_a_single_region_report_ends_its_chart_helper(
        tmp_path: Path, survivors: list[int]) -> None:
    project = write_project(tmp_path, regions=1)
    proc = start(report_command(project), project)
    survivors.append(proc.pid)
    assert wait_for(lambda: bool(children_of(proc.pid)) or proc.poll() is not None, 120)
    helpers = children_of(proc.pid)
    assert helpers, "the report finished before its chart helper could be seen"
    survivors.extend(helpers)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert wait_for(lambda: not any(alive(pid) for pid in helpers), 10), \
        [pid for pid in helpers if alive(pid)]


# --------------------------------------------------------------------------- SIGTERM


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", ["report", "run"])
def test_sigterm_is_handled_like_ctrl_c(tmp_path: Path, survivors: list[int],
                                        command: str) -> None:
    project = write_project(tmp_path, regions=8)
    (project / "assessment.yaml").write_text(
        "criteria: set.yaml\ninputs: [survey.csv]\nuncertainty: false\n"
        "outputs: {folder: out, formats: [md]}\n", encoding="utf-8")
    argv = (report_command(project, "-j", "2") if command == "report" else
            [sys.executable, "-m", "smartcity_assess", "run", "-j", "2"])
    first = subprocess.run(argv, cwd=project, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = tree(project / "out")
    write_project(project, regions=8, shift=33)  # new data: every report would change
    proc = start(argv, project)
    survivors.append(proc.pid)
    assert wait_for(lambda: len(children_of(proc.pid)) >= 2, 120), finish(proc, project)
    workers = children_of(proc.pid)
    survivors.extend(workers)
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)  # as `timeout`, a CI cancellation or `docker stop` do
    err = finish(proc, project)
    assert proc.returncode == 143, err
    assert err.strip().endswith("terminated") and "Traceback" not in err, err
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 10)
    # Nothing changed: not one report of the new data, no staging folder, no temporary file.
    assert tree(project / "out") == before
    again = subprocess.run(argv, cwd=project, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert tree(project / "out") != before


def test_ctrl_c_with_two_workers_leaves_no_traceback_and_no_temporary_file(
        tmp_path: Path, survivors: list[int]) -> None:
    """The cause of the flaky Ctrl-C test on main: a pool's threads failing at interpreter
    shutdown, and a report being renamed into place while the others were stopped. Repeated
    at several moments of the batch."""
    project = write_project(tmp_path, regions=8)
    first = subprocess.run(report_command(project, "-j", "2"), cwd=project,
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = tree(project / "out")
    write_project(project, regions=8, shift=33)
    for delay in (0.0, 0.4, 1.2):
        proc = start(report_command(project, "-j", "2"), project)
        survivors.append(proc.pid)
        assert wait_for(lambda p=proc: len(children_of(p.pid)) >= 2, 120)  # type: ignore[misc]
        workers = children_of(proc.pid)
        survivors.extend(workers)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
        err = finish(proc, project)
        assert proc.returncode == 130, err
        assert err.strip().endswith("interrupted") and "Traceback" not in err, err
        assert "Exception ignored" not in err and "Error" not in err, err
        assert wait_for(lambda w=workers: not any(alive(p) for p in w), 10)  # type: ignore[misc]
        assert tree(project / "out") == before


HOLDER = """\
import os, sys, time
from smartcity_assess.outputs import OutputFolder
folder = OutputFolder(sys.argv[1]).__enter__()   # takes the folder's lock
child = os.fork()
if child == 0:                                   # a child that lives on, as an orphan would
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
os.kill(os.getpid(), 9)                          # the process that took the lock dies
"""


def test_a_lock_dies_with_the_process_that_took_it(tmp_path: Path,
                                                   survivors: list[int]) -> None:
    """flock is released when the last descriptor of the lock closes: on main a forked
    child kept a copy, so a killed run's orphans held the folder for ever."""
    from smartcity_assess.errors import OutputError
    from smartcity_assess.outputs import OutputFolder

    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    out = tmp_path / "out"
    printed = tmp_path / "child.txt"
    with printed.open("w") as stream:  # not a pipe: the child would keep it open
        holder = subprocess.Popen([sys.executable, str(script), str(out)], stdout=stream,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
    assert holder.wait(timeout=60) == -9
    child = int(printed.read_text().split()[0])
    survivors.append(child)
    assert alive(child)
    try:
        with OutputFolder(out, wait=0.5) as folder:
            assert folder.locked
    except OutputError as error:
        pytest.fail(f"the lock outlived its process: {error}")
