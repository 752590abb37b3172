"""Nothing lost (issue 5, item 4): atomic writes, no silent overwrite, one writer per folder.

Unit tests of :mod:`smartcity_assess.outputs`, then the commands that write: ``report``,
``score -o``, ``init``. ``run`` (many reports, Ctrl-C, two runs at once) is tested in
``tests/assessment/test_run_safety.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess import outputs
from smartcity_assess.cli.app import app
from smartcity_assess.errors import OutputError, UsageError
from smartcity_assess.outputs import (
    MANIFEST,
    OutputFolder,
    check_relative,
    refuse_input_as_output,
    write_bytes_atomic,
)
from support.hostile import write_project


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if outputs.TEMP_PATTERN.match(p.name)]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stderr


# --------------------------------------------------------------------------- single files


def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "scores.json"
    write_bytes_atomic(target, b"one")
    write_bytes_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    assert sorted(p.name for p in target.parent.iterdir()) == ["scores.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "scores.json"
    target.write_bytes(b"old")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.json"]


def test_an_interrupted_write_keeps_the_old_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "scores.json"
    target.write_bytes(b"old")

    def ctrl_c(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs.os, "fsync", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        write_bytes_atomic(target, b"new")
    assert tree(tmp_path) == {"scores.json": b"old"}


def test_exclusive_write_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    write_bytes_atomic(target, b"first", exclusive=True)
    with pytest.raises(OutputError, match="already exists"):
        write_bytes_atomic(target, b"second", exclusive=True)
    assert tree(tmp_path) == {"plan.yaml": b"first"}


def test_an_output_may_not_be_an_input(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text("region,year\n", encoding="utf-8")
    with pytest.raises(UsageError, match="is one of the inputs"):
        refuse_input_as_output(tmp_path / "." / "survey.csv", [survey])
    refuse_input_as_output(tmp_path / "scores.csv", [survey])  # a new file: fine
    refuse_input_as_output("-", [survey])  # stdout


def test_score_refuses_to_overwrite_its_own_input(tmp_path: Path) -> None:
    project = write_project(tmp_path, hostile=False)
    before = project.survey.read_bytes()
    code, err = invoke("score", str(project.survey), "--criteria", str(project.criteria),
                       "--format", "csv", "-o", str(project.survey))
    assert code == 2 and "is one of the inputs" in err and "Traceback" not in err
    assert project.survey.read_bytes() == before
    code, err = invoke("survey", "template", "--criteria", str(project.criteria),
                       "-o", str(project.criteria), "--format", "csv")
    assert code == 2 and "is one of the inputs" in err


# --------------------------------------------------------------------------- output folders


@pytest.mark.parametrize("bad", ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./a",
                                 "C:x", "a\\b", "reports/.."])
def test_only_plain_relative_paths_are_written(bad: str) -> None:
    with pytest.raises(OutputError, match="not a plain path"):
        check_relative(bad)


def test_a_folder_replaces_only_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_bytes(b"mine")
    (out / "roadmap.md").write_bytes(b"my own roadmap")
    with OutputFolder(out) as folder:
        folder.commit({"masterplan.md": b"m1", "charts/a.svg": b"<svg/>"})
        with pytest.raises(OutputError) as caught:
            folder.commit({"masterplan.md": b"m2", "roadmap.md": b"r1"})
    message = str(caught.value)
    assert "roadmap.md" in message and "did not write" in message and "Nothing was" in message
    # Nothing of the refused commit was written; the user's files are untouched.
    assert tree(out) == {"notes.txt": b"mine", "roadmap.md": b"my own roadmap",
                         "masterplan.md": b"m1", "charts/a.svg": b"<svg/>",
                         MANIFEST: (out / MANIFEST).read_bytes()}
    assert json.loads((out / MANIFEST).read_text())["files"] == {
        "charts/a.svg": outputs.sha256(b"<svg/>"), "masterplan.md": outputs.sha256(b"m1")}
    # A later run replaces what the tool wrote, and a file that already holds the same bytes
    # (left by a run that was killed before it could record it).
    with OutputFolder(out) as folder:
        folder.commit({"masterplan.md": b"m3", "notes.txt": b"mine"})
    assert (out / "masterplan.md").read_bytes() == b"m3"
    assert "notes.txt" in json.loads((out / MANIFEST).read_text())["files"]


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with OutputFolder(out) as first:
        if not first.locked:
            pytest.skip("no flock on this platform")
        with pytest.raises(OutputError, match="another smartcity-assess process is writing"):
            with OutputFolder(out, wait=0.2):
                pass
    with OutputFolder(out) as again:  # released
        assert again.locked


def test_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "charts").mkdir(parents=True)
    left = [out / ".masterplan.html.k1ll3d_x.tmp", out / "charts" / ".a.svg.abcdefgh.tmp"]
    for path in left:
        path.write_bytes(b"half")
    (out / ".hidden-but-mine.tmp").write_bytes(b"keep")  # not one of ours: kept
    with OutputFolder(out) as folder:
        folder.commit({"masterplan.html": b"x", "charts/a.svg": b"y"})
    assert not any(path.exists() for path in left)
    assert (out / ".hidden-but-mine.tmp").exists()


def test_a_symbolic_link_cannot_lead_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "charts").symlink_to(outside, target_is_directory=True)
    with OutputFolder(out) as folder, pytest.raises(OutputError, match="symbolic link"):
        folder.commit({"masterplan.md": b"m", "charts/a.svg": b"<svg/>"})
    assert list(outside.iterdir()) == [] and not (out / "masterplan.md").exists()


# --------------------------------------------------------------------------- report


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("outputs")
    write_project(root, hostile=False)
    return root


def report_args(project: Path, out: Path, survey: str = "survey plain.csv") -> list[str]:
    return ["report", str(project / survey), "--criteria", str(project / "set.yaml"),
            "--plan", str(project / "plan.yaml"), "--out", str(out), "--format", "md"]


@pytest.mark.slow
def test_report_never_replaces_a_file_it_did_not_write(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("my notes\n", encoding="utf-8")
    code, err = invoke(*report_args(project, out))
    assert code == 0, err
    first = tree(out)
    assert first["notes.txt"] == b"my notes\n"
    code, err = invoke(*report_args(project, out))  # a rerun replaces its own files
    assert code == 0, err
    assert tree(out) == first
    # A file of the user's in the way: exit 2, named, nothing written.
    other = tmp_path / "other"
    roadmap = next(iter(sorted(p.relative_to(out).as_posix() for p in out.rglob("roadmap.md"))))
    (other / roadmap).parent.mkdir(parents=True)
    (other / roadmap).write_text("# My own roadmap\n", encoding="utf-8")
    code, err = invoke(*report_args(project, other))
    assert code == 2, err
    assert "roadmap.md" in err and "did not write" in err and "Traceback" not in err
    assert tree(other) == {roadmap: b"# My own roadmap\n"}


@pytest.mark.slow
def test_a_failing_render_leaves_the_previous_reports(project: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    code, err = invoke(*report_args(project, out))
    assert code == 0, err
    before = tree(out)
    from smartcity_assess.report import build

    calls = {"n": 0}
    real = build.tidy_markdown

    def crash_on_second(text: str) -> str:  # the roadmap, after the masterplan rendered
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated crash while rendering")
        return real(text)

    monkeypatch.setattr(build, "tidy_markdown", crash_on_second)
    code, err = invoke(*report_args(project, out))
    assert code == 3 and "simulated crash" in err
    assert tree(out) == before and not temporaries(out)


CTRL_C = """\
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
stop_at, real, count = int(os.environ["STOP_AT"]), os.fsync, [0]
def fsync(fd):
    count[0] += 1
    if count[0] == stop_at:
        os.killpg(0, signal.SIGINT)  # Ctrl-C reaches the whole process group
    return real(fd)
os.fsync = fsync
from smartcity_assess.cli.app import main
sys.argv = ["smartcity-assess", *sys.argv[1:]]
main()
"""
"""Runs the CLI and presses Ctrl-C while the ``STOP_AT``-th file is being flushed to disk."""


def ctrl_c_run(tmp_path: Path, stop_at: int, *args: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "ctrl_c.py"
    script.write_text(CTRL_C, encoding="utf-8")
    return subprocess.run([sys.executable, str(script), *args], capture_output=True,
                          text=True, timeout=300, start_new_session=True,
                          env={**os.environ, "STOP_AT": str(stop_at)})


@pytest.mark.slow
@pytest.mark.parametrize("stop_at", [3])
def test_ctrl_c_while_writing_a_report_changes_nothing(project: Path, tmp_path: Path,
                                                       stop_at: int) -> None:
    out = tmp_path / "out"
    code, err = invoke(*report_args(project, out))
    assert code == 0, err
    before = tree(out)
    other = tmp_path / "other-year.csv"
    other.write_text((project / "survey plain.csv").read_text(encoding="utf-8")
                     .replace(",2025,", ",2024,"), encoding="utf-8")
    proc = ctrl_c_run(tmp_path, stop_at, *report_args(project, out, str(other)))
    assert proc.returncode == 130, proc.stderr
    assert "interrupted" in proc.stderr and "Traceback" not in proc.stderr
    assert tree(out) == before and not temporaries(out)


# --------------------------------------------------------------------------- two at once


@pytest.mark.slow
def test_two_reports_into_one_folder_give_one_whole_result(project: Path,
                                                           tmp_path: Path) -> None:
    """Both finish (the second waits for the first's lock) and the folder holds exactly one
    run's files, never a mix."""
    other = tmp_path / "other-year.csv"
    other.write_text((project / "survey plain.csv").read_text(encoding="utf-8")
                     .replace(",2025,", ",2024,"), encoding="utf-8")
    references = []
    for name, survey in (("a", "survey plain.csv"), ("b", str(other))):
        ref = tmp_path / f"ref-{name}"
        code, err = invoke(*report_args(project, ref, survey))
        assert code == 0, err
        references.append(tree(ref))
    assert references[0] != references[1]
    out = tmp_path / "out"
    runs = [subprocess.Popen([sys.executable, "-m", "smartcity_assess",
                              *report_args(project, out, survey)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for survey in ("survey plain.csv", str(other))]
    results = [(run.wait(timeout=300), run.communicate()[1]) for run in runs]
    for code, err in results:
        assert code == 0, err
    assert tree(out) in references
    assert not temporaries(out)


# --------------------------------------------------------------------------- init


@pytest.mark.slow
def test_init_never_overwrites_and_writes_nothing_then(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "assessment.yaml").write_text("mine\n", encoding="utf-8")
    (folder / "unrelated.txt").write_text("x\n", encoding="utf-8")
    code, err = invoke("init", str(folder))
    assert code == 2 and "assessment.yaml" in err and "nothing was written" in err
    assert tree(folder) == {"assessment.yaml": b"mine\n", "unrelated.txt": b"x\n"}
    (folder / "assessment.yaml").unlink()
    code, err = invoke("init", str(folder))
    assert code == 0, err
    assert (folder / "unrelated.txt").read_text(encoding="utf-8") == "x\n"


def test_init_does_not_overwrite_a_file_that_appears_meanwhile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smartcity_assess import scaffold

    real: Callable[..., None] = scaffold.write_bytes_atomic

    def racing(target: Path, data: bytes, **options: bool) -> None:
        if target.name == "plan.yaml":  # someone saves plan.yaml after init looked
            target.write_bytes(b"theirs")
        real(target, data, **options)

    monkeypatch.setattr(scaffold, "write_bytes_atomic", racing)
    with pytest.raises(OutputError, match="already exists"):
        scaffold.init_project(tmp_path / "p")
    assert (tmp_path / "p" / "plan.yaml").read_bytes() == b"theirs"
