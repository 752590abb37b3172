"""Processes end with the command, however it ends (issue 17, items 2 and 7).

- ``kill -9`` of a multi-region ``report`` (or ``run``) ends its worker processes at once,
  and the output folder's lock goes with it: the next command into the folder does not wait.
- ``kill -9`` of a single-region ``report`` ends its chart helper and the process that
  draws half its charts.
- Ctrl-C (to every process of the command, as a terminal sends it) and SIGTERM (to the
  command's process alone, as ``timeout``, ``docker stop`` or a CI system send it), at any
  point of the command — before its workers start, while one starts and has no handlers of
  its own yet, while they render, write into the staging folder, stop, while the output is
  published — and twice: exit 130 or 143, the one line "interrupted" or "terminated" and
  nothing else (no traceback, nothing at interpreter shutdown), no process left, no
  temporary file or staging folder, and the folder holding the old output or the new one
  whole (the new one only when the signal came while it was being moved into place).

Every test starts the real command in a session of its own and sends the signal at a
chosen point of its code (``support.interrupt``), never after a sleep, so that each run of
a test checks the same moment. Processes that survive a failing test are ended by their
group.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from smartcity_assess.outputs import STAGING, TEMP_PATTERN
from support.interrupt import (
    Stopped,
    ended_cleanly,
    no_survivor,
    run_stopped,
    stopped_groups,
)

pytestmark = [pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="reads the process table from /proc"),
              pytest.mark.slow]  # real processes, stopped at test time

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
CONFIG = ("criteria: set.yaml\ninputs: [survey.csv]\nuncertainty: false\n"
          "outputs: {folder: out, formats: [md]}\n")
REGIONS = 4


def write_project(folder: Path, regions: int, shift: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "set.yaml").write_text(SET, encoding="utf-8")
    (folder / "assessment.yaml").write_text(CONFIG, encoding="utf-8")
    with (folder / "survey.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["region", "year", "a", "b", "c"])
        for n in range(regions):
            writer.writerow([f"Kota {n}", 2025, (10 + 7 * n + shift) % 100,
                             (30 + 3 * n) % 100, (50 + 11 * n) % 100])
    return folder


def command(kind: str) -> list[str]:
    """``report`` of every region (with two workers), ``report`` of one region (its charts
    drawn by a helper), or ``run`` of the config (two workers)."""
    if kind == "run":
        return ["run", "-j", "2"]
    base = ["report", "survey.csv", "-c", "set.yaml", "--out", "out", "--no-uncertainty",
            "--format", "md"]
    return [*base, "--region", "Kota 1"] if kind == "single" else [*base, "-j", "2"]


def cli(project: Path, argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smartcity_assess", *argv], cwd=project,
                          capture_output=True, text=True, timeout=300)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` (hidden ones too: the manifest, a staging folder left)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def groups() -> Iterator[list[int]]:
    with stopped_groups() as started:
        yield started


@dataclass(frozen=True)
class Outputs:
    """A command's output of the old data (in ``project``, copied for each test) and of the
    new data, each whole: what a test may find."""

    project: Path
    old: dict[str, bytes]
    new: dict[str, bytes]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outputs]:
    found = {}
    for kind in ("multi", "single", "run"):
        old = write_project(tmp_path_factory.mktemp(f"{kind}-old"), REGIONS)
        new = write_project(tmp_path_factory.mktemp(f"{kind}-new"), REGIONS, shift=33)
        for project in (old, new):
            done = cli(project, command(kind))
            assert done.returncode == 0, done.stderr
        assert tree(old / "out") != tree(new / "out")
        found[kind] = Outputs(old, tree(old / "out"), tree(new / "out"))
    return found


def stop(kind: str, outputs: dict[str, Outputs], tmp_path: Path, groups: list[int],
         at: str | list[str], *, sig: str = "INT", to: str = "group",
         pause: float = 0) -> tuple[Stopped, Path]:
    """Copy the project of the old output, give it the new data, and run the command with
    ``sig`` sent at ``at``."""
    project = tmp_path / "p"
    shutil.copytree(outputs[kind].project, project)
    write_project(project, REGIONS, shift=33)
    stopped = run_stopped(command(kind), project, at, sig=sig, to=to, pause=pause)
    groups.append(stopped.pgid)
    return stopped, project


def assert_whole(out: Path, expected: dict[str, bytes]) -> None:
    """The folder holds exactly ``expected``: no staging folder, no temporary file."""
    found = tree(out)
    assert not (out / STAGING).exists(), sorted(found)
    assert not [name for name in found if TEMP_PATTERN.match(Path(name).name)]
    assert sorted(found) == sorted(expected)
    assert [name for name in found if found[name] != expected[name]] == []


# --------------------------------------------------------------------------- kill -9

BATCH = "smartcity_assess.assessment.batch"
CHARTS = "smartcity_assess.report.charts.workers"
OUTPUTS = "smartcity_assess.outputs"


def test_kill_9_of_a_multi_region_report_ends_its_workers_and_frees_the_folder(
        outputs: dict[str, Outputs], tmp_path: Path, groups: list[int]) -> None:
    # kill -9 of the command's process while every worker is rendering a report (and
    # would go on for a minute).
    stopped, project = stop("multi", outputs, tmp_path, groups, f"{BATCH}:_render_one:2",
                            sig="KILL", to="parent", pause=60)
    assert stopped.returncode == -9, stopped.stderr
    assert stopped.fired and stopped.fired[0] != stopped.pgid  # sent by a worker
    # Every worker ends with it (on main they lived on, blocked, holding the folder's lock).
    assert no_survivor(stopped) == []
    # The next report into the folder neither waits for a lock nor fails.
    began = time.monotonic()
    again = cli(project, command("multi"))
    assert again.returncode == 0, again.stderr
    assert time.monotonic() - began < 25, "waited for the lock of a killed process"
    assert_whole(project / "out", outputs["multi"].new)


def test_kill_9_of_a_single_region_report_ends_its_chart_helper(
        outputs: dict[str, Outputs], tmp_path: Path, groups: list[int]) -> None:
    # The helper and the process it forks to draw half the charts both reach this point and
    # stay there (as if drawing for a minute): both must end with the command.
    stopped, project = stop("single", outputs, tmp_path, groups, f"{CHARTS}:_draw_all:1",
                            sig="KILL", to="parent", pause=60)
    assert stopped.returncode == -9, stopped.stderr
    assert stopped.fired and stopped.fired[0] != stopped.pgid  # sent by a chart process
    assert no_survivor(stopped) == []
    again = cli(project, command("single"))
    assert again.returncode == 0, again.stderr
    assert_whole(project / "out", outputs["single"].new)


# --------------------------------------------------------------------------- Ctrl-C, SIGTERM

POINTS = {
    # report of several regions, with two workers
    "before the workers start": ("multi", f"{BATCH}:_in_workers:1", "old"),
    "a worker starting, before its own handlers": (
        "multi", "smartcity_assess.processes:child_signals:1", "old"),
    "a worker rendering its second report": ("multi", f"{BATCH}:_render_one:2", "old"),
    "a worker flushing a staged file": ("multi", "os:fsync:3", "old"),
    "the workers stopping after the last report": ("multi", f"{BATCH}:_stop:1", "old"),
    "the output checked before it is published": ("multi", f"{OUTPUTS}:OutputFolder.publish:1",
                                                  "old"),
    "the output being moved into place": (
        "multi", f"{OUTPUTS}:OutputFolder._move_into_place:3", "new"),
    "the staging folder being removed after": ("multi", "os:rmdir:1", "new"),
    # report of one region: the chart helper
    "the chart helper starting, before its own handlers": (
        "single", "smartcity_assess.processes:child_signals:1", "old"),
    "the chart helper drawing": ("single", f"{CHARTS}:_draw_all:1", "old"),
    "the templates rendering while the charts are drawn": (
        "single", "smartcity_assess.report.build:make_environment:1", "old"),
    "waiting for the charts": ("single", f"{CHARTS}:_Helper.collect:1", "old"),
    # run: workers, then scores, summary and provenance
    "run: a worker rendering": ("run", f"{BATCH}:_render_one:2", "old"),
    "run: the summary staged": ("run", f"{OUTPUTS}:OutputFolder.write:2", "old"),
    "run: the output being moved into place": (
        "run", f"{OUTPUTS}:OutputFolder._move_into_place:5", "new"),
}


@pytest.mark.parametrize("point", list(POINTS))
@pytest.mark.parametrize("sig, to", [("INT", "group"), ("TERM", "parent")],
                         ids=["ctrl-c", "sigterm"])
def test_a_signal_at_any_point_ends_the_command_cleanly(
        point: str, sig: str, to: str, outputs: dict[str, Outputs],
        tmp_path: Path, groups: list[int]) -> None:
    kind, at, expected = POINTS[point]
    stopped, project = stop(kind, outputs, tmp_path, groups, at, sig=sig, to=to)
    assert stopped.fired, f"the point {at} was never reached"
    assert ended_cleanly(stopped, sig) == ""
    assert no_survivor(stopped) == []
    # Exactly the files of a whole run, the folder's manifest included: the next command
    # finds nothing to finish or discard.
    assert_whole(project / "out", getattr(outputs[kind], expected))


TWICE = {
    "again while the workers stop": [f"{BATCH}:_render_one:2", f"{BATCH}:_stop:1"],
    "again while the staging folder is removed": [
        f"{BATCH}:_render_one:2", f"{OUTPUTS}:OutputFolder._discard_staging:2"],
    "again while the message is printed": [
        f"{BATCH}:_render_one:2", "smartcity_assess.cli.console:message:1"],
    "again at interpreter shutdown": [f"{BATCH}:_render_one:2", "threading:_shutdown:1"],
}


@pytest.mark.parametrize("when", list(TWICE))
@pytest.mark.parametrize("sig, to", [("INT", "group"), ("TERM", "parent")],
                         ids=["ctrl-c", "sigterm"])
def test_a_second_signal_does_not_cut_the_clean_up_short(
        when: str, sig: str, to: str, outputs: dict[str, Outputs],
        tmp_path: Path, groups: list[int]) -> None:
    """Ctrl-C pressed twice (or SIGTERM after it, as ``timeout`` and CI systems do): the
    clean-up the first one started runs to its end."""
    stopped, project = stop("multi", outputs, tmp_path, groups, TWICE[when], sig=sig, to=to)
    assert sorted(stopped.fired) == [0, 1], stopped.fired
    assert ended_cleanly(stopped, sig) == ""
    assert no_survivor(stopped) == []
    assert_whole(project / "out", outputs["multi"].old)


@pytest.mark.parametrize("sig, to", [("INT", "group"), ("TERM", "parent")],
                         ids=["ctrl-c", "sigterm"])
def test_a_signal_while_a_file_is_written_leaves_no_temporary_file(
        sig: str, to: str, tmp_path: Path, groups: list[int]) -> None:
    """``score -o``: the signal comes just as the temporary file beside the target has been
    made. The file is written whole (or not at all) and nothing else is left."""
    project = write_project(tmp_path / "p", REGIONS)
    (project / "scores.csv").write_text("old\n", encoding="utf-8")
    argv = ["score", "survey.csv", "-c", "set.yaml", "--bootstrap", "0", "--format", "csv",
            "-o", "scores.csv"]
    stopped = run_stopped(argv, project, "tempfile:mkstemp:1:after", sig=sig, to=to)
    groups.append(stopped.pgid)
    assert stopped.fired
    assert ended_cleanly(stopped, sig) == ""
    assert sorted(p.name for p in project.iterdir()) == [
        "assessment.yaml", "scores.csv", "set.yaml", "survey.csv"]
    written = (project / "scores.csv").read_text(encoding="utf-8")
    assert written == "old\n" or written.startswith("region,year,")
    expected = cli(project, argv[:-2])
    assert written in ("old\n", expected.stdout)


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
                                                   groups: list[int]) -> None:
    """flock is released when the last descriptor of the lock closes: on main a forked
    child kept a copy, so a killed run's orphans held the folder for ever."""
    from smartcity_assess.errors import OutputError
    from smartcity_assess.outputs import OutputFolder
    from support.interrupt import alive

    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    out = tmp_path / "out"
    printed = tmp_path / "child.txt"
    with printed.open("w") as stream:  # not a pipe: the child would keep it open
        holder = subprocess.Popen([sys.executable, str(script), str(out)], stdout=stream,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
    groups.append(holder.pid)
    assert holder.wait(timeout=60) == -9
    child = int(printed.read_text().split()[0])
    assert alive(child)
    try:
        with OutputFolder(out, wait=0.5) as folder:
            assert folder.locked
    except OutputError as error:
        pytest.fail(f"the lock outlived its process: {error}")
