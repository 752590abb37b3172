"""Output folders hold one run's output, whole (issue 17 items 4, 7, 9, 13; issue 15 item 5).

- A refused run changes nothing: a file of the user's where a *new* region's report would
  go stops ``report`` and ``run`` before a single file changes (on main the earlier regions
  were already rewritten).
- A run replaces its own earlier output as a whole: files of the previous run that the new
  one does not write (an overview, other regions' folders) are removed; a file edited since
  is kept.
- ``kill -9`` while the output is being published, or a full disk when the manifest is
  written, never leaves the folder stuck: the next run completes (on main it refused the
  tool's own files as foreign).
- Only the tool's own manifest decides what may be removed: a crafted ``provenance.json``
  or manifest cannot get a user's file (``README.md``, a survey input) removed, and
  ``outputs.folder`` must lie inside the project.
- A folder named like the manifest, a symbolic-link loop in the output folder, and ``init``
  into a project whose sub-folder is a link leading out: exit 2, nothing written.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess import outputs
from smartcity_assess.cli.app import app
from smartcity_assess.outputs import MANIFEST, STAGING

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
CONFIG = ("criteria: set.yaml\ninputs: [survey.csv]\nlanguages: [en]\nuncertainty: false\n"
          "outputs: {folder: out, formats: [md]}\n")


def write_survey(folder: Path, regions: list[str], shift: int = 0) -> None:
    with (folder / "survey.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["region", "year", "a"])
        for n, region in enumerate(regions):
            writer.writerow([region, 2025, (10 + 7 * n + shift) % 100])


def make_project(folder: Path, regions: list[str], shift: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "set.yaml").write_text(SET, encoding="utf-8")
    (folder / "assessment.yaml").write_text(CONFIG, encoding="utf-8")
    write_survey(folder, regions, shift)
    return folder


def invoke(folder: Path, *args: str) -> tuple[int, str]:
    here = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(here)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def report(folder: Path, *extra: str) -> tuple[int, str]:
    return invoke(folder, "report", "survey.csv", "-c", "set.yaml", "--out", "out",
                  "--format", "md", "--no-uncertainty", "-j", "1", *extra)


def run(folder: Path) -> tuple[int, str]:
    return invoke(folder, "run", "-j", "1")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


REGIONS = ["Kota A", "Kota B", "Kota C"]


# --------------------------------------------------------------------------- refused: nothing


@pytest.mark.slow
@pytest.mark.parametrize("command", ["report", "run"])
def test_a_refused_run_changes_nothing(tmp_path: Path, command: str) -> None:
    project = make_project(tmp_path, REGIONS[:2])
    write = report if command == "report" else run
    code, err = write(project)
    assert code == 0, err
    # New data, and a new region whose report would go where the user keeps a file.
    write_survey(project, REGIONS, shift=33)
    region = "kota-c-2025" if command == "report" else "reports/en/kota-c-2025"
    mine = project / "out" / region / "masterplan.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("# My own notes\n", encoding="utf-8")
    before = tree(project / "out")
    code, err = write(project)
    assert code == 2, err
    assert f"{region}/masterplan.md" in err and "Nothing was written" in err, err
    assert tree(project / "out") == before  # not one report of the new data
    assert not (project / "out" / STAGING).exists()


# --------------------------------------------------------------------------- replaced as a whole


@pytest.mark.slow
def test_report_replaces_its_earlier_output_as_a_whole(tmp_path: Path) -> None:
    """``report --region`` into the folder of an earlier multi-region report: the old
    overview and the other regions' folders go (on main they stayed beside a scores.json
    that held one region)."""
    project = make_project(tmp_path, REGIONS)
    code, err = report(project)
    assert code == 0, err
    out = project / "out"
    assert (out / "index.md").is_file() and (out / "kota-b-2025").is_dir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")  # the user's: always kept
    edited = out / "kota-c-2025" / "roadmap.md"
    edited.write_text("# Edited by hand\n", encoding="utf-8")  # no longer the tool's: kept
    code, err = report(project, "--region", "Kota A")
    assert code == 0, err
    reference = tmp_path / "reference"
    make_project(reference, REGIONS)
    code, err = invoke(reference, "report", "survey.csv", "-c", "set.yaml", "--out", "out",
                       "--format", "md", "--no-uncertainty", "--region", "Kota A")
    assert code == 0, err
    expected = tree(reference / "out")
    found = tree(out)
    assert found.pop("notes.txt") == b"mine\n"
    assert found.pop("kota-c-2025/roadmap.md") == b"# Edited by hand\n"
    assert found == expected
    assert sorted(json.loads(found[MANIFEST])["files"]) == sorted(
        name for name in expected if name != MANIFEST)


@pytest.mark.slow
def test_run_removes_the_files_of_regions_that_left_the_data(tmp_path: Path) -> None:
    project = make_project(tmp_path, REGIONS)
    code, err = run(project)
    assert code == 0, err
    write_survey(project, REGIONS[:1])
    code, err = run(project)
    assert code == 0, err
    reports = project / "out" / "reports" / "en"
    assert sorted(p.name for p in reports.iterdir()) == ["kota-a-2025"]  # no overview either


# --------------------------------------------------------------------------- killed, disk full


KILL_AT = """\
import os, signal, sys
from smartcity_assess import outputs
stage, real_save, real_move = os.environ["KILL_AT"], outputs.OutputFolder._save_manifest, \\
    outputs.OutputFolder._move_into_place
moved = [0]
def save(self, *args, **options):
    real_save(self, *args, **options)
    if stage == "manifest" and (options.get("remove") is not None or len(args) > 1):
        os.kill(os.getpid(), signal.SIGKILL)  # right after the pending manifest is written
def move(self, relative):
    moved[0] += 1
    if stage == "renames" and moved[0] == 4:
        os.kill(os.getpid(), signal.SIGKILL)  # in the middle of the renames
    return real_move(self, relative)
outputs.OutputFolder._save_manifest = save
outputs.OutputFolder._move_into_place = move
from smartcity_assess.cli.app import main
sys.argv = ["smartcity-assess", *sys.argv[1:]]
main()
"""


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["manifest", "renames"])
def test_kill_9_while_publishing_is_completed_by_the_next_run(tmp_path: Path,
                                                               stage: str) -> None:
    project = make_project(tmp_path / "p", REGIONS)
    code, err = run(project)
    assert code == 0, err
    write_survey(project, REGIONS[:2], shift=33)  # new data, one region fewer
    reference = make_project(tmp_path / "reference", REGIONS[:2], shift=33)
    code, err = run(reference)
    assert code == 0, err
    script = tmp_path / "kill.py"
    script.write_text(KILL_AT, encoding="utf-8")
    killed = subprocess.run([sys.executable, str(script), "run", "-j", "1"], cwd=project,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "KILL_AT": stage})
    assert killed.returncode == -9, killed.stderr
    assert (project / "out" / STAGING).is_dir()  # the publication was cut short
    # The next run (or any command into the folder) completes it, then writes its own.
    code, err = run(project)
    assert code == 0, err
    found, expected = tree(project / "out"), tree(reference / "out")
    assert sorted(found) == sorted(expected)
    for name in found:
        if name not in ("provenance.json", MANIFEST):  # both hash files naming the folder
            assert found[name] == expected[name], name


@pytest.mark.slow
def test_the_folder_is_completed_before_anything_else_is_done(tmp_path: Path) -> None:
    """Opening the folder after a kill in the middle of the renames finishes them: the folder
    holds the killed run's whole output, even before a new run writes its own."""
    project = make_project(tmp_path / "p", REGIONS)
    code, err = run(project)
    assert code == 0, err
    write_survey(project, REGIONS[:2], shift=33)
    script = tmp_path / "kill.py"
    script.write_text(KILL_AT, encoding="utf-8")
    killed = subprocess.run([sys.executable, str(script), "run", "-j", "1"], cwd=project,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "KILL_AT": "renames"})
    assert killed.returncode == -9, killed.stderr
    out = project / "out"
    with outputs.OutputFolder(out, replace=False) as folder:  # opens, writes nothing new
        listed = dict(folder.previous)
    assert not (out / STAGING).exists()
    assert "pending" not in json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for name, digest in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    assert not (out / "reports" / "en" / "kota-c-2025").exists()  # removed as planned


@pytest.mark.slow
def test_a_full_disk_at_the_manifest_changes_nothing_and_the_rerun_completes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path, REGIONS)
    code, err = run(project)
    assert code == 0, err
    before = tree(project / "out")
    write_survey(project, REGIONS, shift=33)
    real = outputs.write_bytes_atomic

    def full(path: object, data: bytes, **options: bool) -> None:
        if Path(str(path)).name == MANIFEST:
            raise outputs.OutputError(f"cannot write {path}: {os.strerror(errno.ENOSPC)}")
        real(path, data, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(outputs, "write_bytes_atomic", full)
    code, err = run(project)
    assert code == 2 and "No space left on device" in err, err
    assert tree(project / "out") == before
    monkeypatch.setattr(outputs, "write_bytes_atomic", real)
    code, err = run(project)  # on main: refused the files the tool had written as foreign
    assert code == 0, err
    assert tree(project / "out") != before


# --------------------------------------------------------------------------- who decides


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_a_crafted_provenance_cannot_remove_user_files(tmp_path: Path) -> None:
    project = make_project(tmp_path, REGIONS)
    code, err = run(project)
    assert code == 0, err
    out = project / "out"
    readme = out / "README.md"
    readme.write_text("# Our scorecard\n", encoding="utf-8")
    provenance = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    provenance["outputs"].append({"path": "README.md", "sha256": sha(readme), "bytes": 16})
    (out / "provenance.json").write_text(json.dumps(provenance), encoding="utf-8")
    code, err = run(project)
    assert code == 0, err
    assert readme.read_text(encoding="utf-8") == "# Our scorecard\n"


@pytest.mark.slow
def test_a_crafted_manifest_cannot_remove_user_files_or_inputs(tmp_path: Path) -> None:
    """The data live in the output folder: a manifest listing the survey and a README with
    their hashes removes neither (the one is an input, the other not a name the tool gives
    its outputs)."""
    project = make_project(tmp_path, REGIONS)
    (project / "assessment.yaml").write_text(
        CONFIG.replace("inputs: [survey.csv]", "inputs: [out/data/survey.csv]"),
        encoding="utf-8")
    (project / "out" / "data").mkdir(parents=True)
    survey = project / "out" / "data" / "survey.csv"
    (project / "survey.csv").rename(survey)
    readme = project / "out" / "README.md"
    readme.write_text("# Our scorecard\n", encoding="utf-8")
    code, err = run(project)
    assert code == 0, err
    manifest = json.loads((project / "out" / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"].update({"data/survey.csv": sha(survey), "README.md": sha(readme),
                              "data/scores.json": sha(survey)})
    (project / "out" / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    code, err = run(project)
    assert code == 0, err
    assert survey.is_file() and readme.is_file()


def test_the_output_folder_stays_inside_the_project(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", REGIONS)
    for folder in ("..", "../elsewhere", "/tmp"):
        (project / "assessment.yaml").write_text(
            CONFIG.replace("folder: out", f"folder: {folder!r}"), encoding="utf-8")
        before = tree(tmp_path)
        code, err = run(project)
        assert code == 2 and "the output folder is outside the project folder" in err, err
        assert tree(tmp_path) == before


# --------------------------------------------------------------------------- odd folders


def test_a_folder_named_like_the_manifest_stops_before_writing(tmp_path: Path) -> None:
    project = make_project(tmp_path, REGIONS)
    (project / "out" / MANIFEST).mkdir(parents=True)
    code, err = report(project)
    assert code == 2 and "is not the file smartcity-assess keeps there" in err, err
    assert tree(project / "out") == {}  # on main: every report written, then exit 2
    assert sorted(p.name for p in (project / "out").iterdir()) == [MANIFEST]


def test_a_symbolic_link_loop_in_the_output_folder_is_exit_2(tmp_path: Path) -> None:
    project = make_project(tmp_path, REGIONS)
    out = project / "out"
    out.mkdir()
    (out / "reports").symlink_to("reports")  # a link to itself
    code, err = run(project)
    assert code == 2, err
    assert "reports" in err
    assert (out / "reports").is_symlink() and sorted(p.name for p in out.iterdir()) == [
        "reports"]


def test_init_does_not_write_through_a_link_leading_out(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    (project / ".github").symlink_to("../outside", target_is_directory=True)
    code, err = invoke(tmp_path, "init", "project")
    assert code == 2 and "is a symbolic link that leads out of project" in err, err
    assert list(outside.iterdir()) == []
    assert sorted(p.name for p in project.iterdir()) == [".github"]
