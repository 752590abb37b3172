"""``-o`` targets that are not regular files, and file modes (issue 17, items 1 and 14).

- A FIFO, a character device (``/dev/null``) or a stream (``/dev/stdout``, also through a
  symbolic link) is written into as it is: it stays what it was, never replaced by a regular
  file. A symbolic link to a regular file stays a link (the file it points at is replaced).
- New files get the mode the umask allows; a replaced file keeps its mode.
- ``-o newdir/`` names a folder: refused, nothing written.

The FIFO, the device node and the links are made at test time. The real ``/dev/null`` and
``/dev/stdout`` are written only after the same test passed on a copy in the test's folder:
a regression must never replace the machine's own device files.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.outputs import OutputFolder, write_bytes_atomic

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and umask")

SET = """\
id: tiny
version: "1"
title: Tiny
pillars:
  - id: p
    title: P
    indicators:
      - {id: a, title: A, type: percent, target: 80}
"""


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "set.yaml").write_text(SET, encoding="utf-8")
    (tmp_path / "survey.csv").write_text("region,year,a\nKota A,2025,50\nKota B,2025,60\n",
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def score_csv(output: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["score", "survey.csv", "-c", "set.yaml", "-f", "csv",
                                      "-o", output])
    return result.exit_code, result.stderr


def score_in_a_process(output: str, cwd: Path, stdout: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smartcity_assess", "score", "survey.csv",
                           "-c", "set.yaml", "-f", "csv", "-o", output], cwd=cwd,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120)


EXPECTED_HEAD = "region,year,level,id,parent,score,band,coverage"


# --------------------------------------------------------------------------- FIFOs


def test_a_fifo_is_written_into_and_stays_a_fifo(project: Path) -> None:
    fifo = project / "scores.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code, err = score_csv(str(fifo))
    reader.join(30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert received and received[0].decode("utf-8").startswith(EXPECTED_HEAD)
    assert sorted(p.name for p in project.iterdir()) == ["scores.fifo", "set.yaml",
                                                         "survey.csv"]  # no temporary file


# --------------------------------------------------------------------------- devices


def is_root() -> bool:
    return os.geteuid() == 0


@pytest.fixture()
def null_copy(project: Path) -> Iterator[Path]:
    """A character device like /dev/null (1, 3) in the test's folder (root only)."""
    if not is_root():
        pytest.skip("making a device node needs root")
    node = project / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    yield node


def test_a_character_device_is_written_into_and_stays_a_device(null_copy: Path) -> None:
    code, err = score_csv(str(null_copy))
    assert code == 0, err
    info = os.lstat(null_copy)
    assert stat.S_ISCHR(info.st_mode), "the device was replaced by a regular file"
    assert (os.major(info.st_rdev), os.minor(info.st_rdev)) == (1, 3)


def test_dev_null_stays_a_device(null_copy: Path) -> None:
    """``-o /dev/null`` as root: on main it left a regular file at /dev/null."""
    code, err = score_csv(str(null_copy))  # the same on the copy first: never risk the real one
    assert code == 0 and stat.S_ISCHR(os.lstat(null_copy).st_mode), err
    before = os.lstat("/dev/null")
    code, err = score_csv("/dev/null")
    assert code == 0, err
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
    assert after.st_rdev == before.st_rdev


def test_a_block_device_is_refused(project: Path) -> None:
    if not is_root():
        pytest.skip("making a device node needs root")
    node = project / "disk"
    try:
        os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(7, 250))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    code, err = score_csv(str(node))
    assert code == 2 and "it is a block device" in err, err
    assert stat.S_ISBLK(os.lstat(node).st_mode)


# --------------------------------------------------------------------------- streams and links


def test_a_link_to_dev_stdout_writes_to_stdout_and_stays_a_link(project: Path) -> None:
    link = project / "scores.csv"
    link.symlink_to("/dev/stdout")
    done = score_in_a_process("scores.csv", project, subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(EXPECTED_HEAD)
    assert link.is_symlink() and os.readlink(link) == "/dev/stdout"


@pytest.mark.slow
def test_dev_stdout_appends_to_a_redirected_file_and_stays_a_link(project: Path) -> None:
    """``-o /dev/stdout >> log``: written through the open descriptor, at its end, as a
    shell would; the log keeps what it held (on main it was replaced, and as root the
    rename would replace /dev/stdout itself)."""
    link = project / "out.csv"
    link.symlink_to("/proc/self/fd/1")  # the same on the copy first: never risk the real one
    log = project / "log.txt"
    log.write_text("earlier line\n", encoding="utf-8")
    with log.open("a") as stream:
        done = score_in_a_process("out.csv", project, stream)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier line\n" + EXPECTED_HEAD), text
    before = os.lstat("/dev/stdout")
    with log.open("a") as stream:
        done = score_in_a_process("/dev/stdout", project, stream)
    assert done.returncode == 0, done.stderr
    after = os.lstat("/dev/stdout")
    assert stat.S_ISLNK(after.st_mode) and after.st_ino == before.st_ino
    assert log.read_text(encoding="utf-8").count(EXPECTED_HEAD) == 2


def test_a_link_to_a_regular_file_stays_a_link(project: Path) -> None:
    real = project / "kept" / "scores.csv"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = project / "scores.csv"
    link.symlink_to(real)
    code, err = score_csv("scores.csv")
    assert code == 0, err
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith(EXPECTED_HEAD)


def test_a_name_ending_in_a_slash_is_refused(project: Path) -> None:
    code, err = score_csv("newdir/")
    assert code == 2 and "a name ending in '/' is a folder" in err, err
    assert not (project / "newdir").exists()
    result = CliRunner().invoke(app, ["survey", "template", "-c", "set.yaml", "-f", "csv",
                                      "-o", "forms/"])
    assert result.exit_code == 2 and "ending in '/'" in result.stderr, result.stderr
    assert not (project / "forms").exists()


# --------------------------------------------------------------------------- modes


@pytest.fixture()
def umask_077() -> Iterator[None]:
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_files_follow_the_umask(project: Path, umask_077: None) -> None:
    write_bytes_atomic(project / "a.csv", b"x")
    assert mode(project / "a.csv") == 0o600  # on main: 0644 whatever the umask
    with OutputFolder(project / "out") as folder:
        folder.commit({"masterplan.md": b"m", "charts/a.svg": b"<svg/>"})
    assert mode(project / "out" / "masterplan.md") == 0o600
    assert mode(project / "out" / "charts" / "a.svg") == 0o600


def test_a_replaced_file_keeps_its_mode(project: Path) -> None:
    target = project / "a.csv"
    target.write_bytes(b"old")
    os.chmod(target, 0o600)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o600  # on main: 0644
    with OutputFolder(project / "out") as folder:
        folder.commit({"masterplan.md": b"m1"})
    os.chmod(project / "out" / "masterplan.md", 0o640)
    with OutputFolder(project / "out") as folder:
        folder.commit({"masterplan.md": b"m2"})
    assert mode(project / "out" / "masterplan.md") == 0o640
    assert (project / "out" / "masterplan.md").read_bytes() == b"m2"
