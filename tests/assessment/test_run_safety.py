"""``run`` loses nothing and writes nowhere else (issue 5, items 3 and 4).

- Region names that try to leave the output folder (``../``, absolute paths, Windows device
  names, very long names, names differing only in case or in Unicode normalisation, names
  with nothing usable left) each get their own safe folder inside ``reports/<lang>/``.
- Ctrl-C in the middle of a run (sent at chosen points of its code) leaves the folder as the
  last run wrote it, or as this run writes it when the signal came while its output was
  being moved into place: never a mix, no temporary file; the next run completes.
- A crash while rendering leaves the previous outputs and their ``provenance.json``.
- Two runs into one folder: the second stops with a clear error (exit 2) and the folder
  holds the first one's whole output.
- A file the tool did not write is never replaced; a stale file edited since is not deleted.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.outputs import MANIFEST, STAGING, TEMP_PATTERN
from smartcity_assess.paths import is_safe_component
from smartcity_assess.render.escape import markdown_text

pytestmark = pytest.mark.slow  # runs end to end, in subprocesses, with Ctrl-C

TINY_SET = """\
id: tiny
version: "1"
title: Tiny
pillars:
  - id: p
    title: P
    indicators:
      - {id: a, title: A, type: percent, target: 80}
"""
CONFIG = ("criteria: set.yaml\ninputs: [survey.csv]\nlanguages: [en]\n"
          "outputs: {folder: out, reports: latest, formats: [md]}\n")

HOSTILE_REGIONS = [
    "../../escape", "..", ".", "...", "/etc/passwd", "C:\\Windows\\System32",
    "\\\\server\\share", "CON", "nul", "COM1", "LPT1.txt", "Kota Batu", "KOTA BATU",
    "kota batu", "Kabupaten" + " Sangat Panjang" * 30,
    unicodedata.normalize("NFC", "Bogotá"), unicodedata.normalize("NFD", "Bogotá"),
    "\uff2b\uff4f\uff54\uff41 Batu", "\u202eevil", "~", "$HOME", "a/b",
]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` by path; the project's own folder name, which the annex
    shows (``read from /tmp/.../set.yaml``), is replaced so that runs in two folders compare."""
    project = str(folder.parent)
    names = [project, markdown_text(project)]
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            for name in names:
                data = data.replace(name.encode("utf-8"), b"<project>")
            found[path.relative_to(folder).as_posix()] = data
    return found


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if TEMP_PATTERN.match(p.name)]


def write_survey(folder: Path, regions: list[str], shift: int = 0,
                 name: str = "survey.csv") -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["region", "year", "a"])
        for n, region in enumerate(regions):
            writer.writerow([region, 2025, (10 + 7 * n + shift) % 100])


def make_project(folder: Path, regions: list[str], shift: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "set.yaml").write_text(TINY_SET, encoding="utf-8")
    write_survey(folder, regions, shift)
    config = folder / "assessment.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stderr


def run_config(config: Path, jobs: str) -> tuple[int, str]:
    """``smartcity-assess run assessment.yaml`` from the project's folder, as people run it
    (the reports name the indicator set's path as the config gives it)."""
    here = Path.cwd()
    os.chdir(config.parent)
    try:
        return invoke("run", config.name, "-j", jobs)
    finally:
        os.chdir(here)


def test_hostile_region_names_stay_inside_the_output_folder(tmp_path: Path) -> None:
    project = tmp_path / "deep" / "project"
    config = make_project(project, HOSTILE_REGIONS)
    code, err = run_config(config, "2")
    assert code == 0, err
    # Nothing was written beside the project, above it, or at an absolute path.
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["project"]
    assert sorted(p.name for p in project.iterdir()) == ["assessment.yaml", "out", "set.yaml",
                                                         "survey.csv"]
    assert not Path("/etc/passwd-2025").exists()
    out = (project / "out").resolve()
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out), path
    reports = out / "reports" / "en"
    folders = sorted(p.name for p in reports.iterdir() if p.is_dir())
    # One folder per region, each a safe path component, none differing only in case. The
    # two spellings of "Bogotá" (composed, decomposed) are read as one region (NFC).
    regions = sorted({unicodedata.normalize("NFC", name) for name in HOSTILE_REGIONS})
    assert len(folders) == len(regions) == len(HOSTILE_REGIONS) - 1
    assert len({f.lower() for f in folders}) == len(folders)
    for name in folders:
        assert is_safe_component(name.removesuffix("-2025")), name  # never CON, NUL ...
        assert len(name) <= 90
    # Every region's report is there and names its own region.
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert sorted(r["region"] for r in scores["results"]) == regions
    provenance = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert all(not o["path"].startswith(("/", "..")) for o in provenance["outputs"])


def _snapshot_or_new(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> list[str]:
    """Files of ``out`` that are neither as the last run wrote them nor as this one does
    (``provenance.json`` holds hashes of files that name their folder: compared apart)."""
    return [name for name, data in tree(out).items() if name not in ("provenance.json", MANIFEST)
            and data != old.get(name) and data != new.get(name)]


def recorded_changes(out: Path, old: dict[str, bytes]) -> None:
    """Every file an unfinished run changed is in the manifest it left, so that the next run
    may replace it (and the provenance, from the last complete run, is as it was)."""
    changed = {name for name, data in tree(out).items()
               if name not in ("provenance.json", MANIFEST) and data != old.get(name)}
    listed = set(json.loads((out / MANIFEST).read_text())["files"]) if changed else set()
    assert changed <= listed


def without_provenance(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files but ``provenance.json`` and the manifest, which list hashes of files that
    name their folder (and so differ between two folders holding the same run)."""
    return {name: data for name, data in files.items()
            if name not in ("provenance.json", MANIFEST)}


REGIONS = [f"Kota {n}" for n in range(5)]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The outputs of the old and the new data, each run whole into a folder of its own."""
    found = {}
    for name, shift in (("old", 0), ("new", 33), ("id", 0)):
        folder = tmp_path_factory.mktemp(name)
        config = make_project(folder, REGIONS, shift)
        if name == "id":
            config.write_text(CONFIG.replace("[en]", "[id]"), encoding="utf-8")
        code, err = run_config(config, "2")
        assert code == 0, err
        found[name] = tree(folder / "out")
    assert found["old"] != found["new"]
    return found


STOPS = {
    "a worker rendering its second report": (
        "smartcity_assess.assessment.batch:_render_one:2", "old"),
    "a worker flushing its second file": ("os:fsync:2", "old"),
    "a worker flushing its sixth file": ("os:fsync:6", "old"),
    "the summary staged": ("smartcity_assess.outputs:OutputFolder.write:2", "old"),
    "the output being moved into place": (
        "smartcity_assess.outputs:OutputFolder._move_into_place:4", "new"),
    "twice: rendering, then removing the staging folder": (
        ["smartcity_assess.assessment.batch:_render_one:2",
         "smartcity_assess.outputs:OutputFolder._discard_staging:2"], "old"),
}
"""Where Ctrl-C is pressed (``support.interrupt``), and which output the folder then holds
whole: the old one, or the new one when the signal came while it was being moved into
place (the renames finish first)."""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and killpg")
@pytest.mark.parametrize("stop", list(STOPS))
def test_ctrl_c_mid_run_keeps_every_file_whole(tmp_path: Path, stop: str,
                                               runs: dict[str, dict[str, bytes]]) -> None:
    from support.interrupt import ended_cleanly, kill_group, no_survivor, run_stopped

    at, expected = STOPS[stop]
    config = make_project(tmp_path, REGIONS, shift=0)
    code, err = run_config(config, "2")
    assert code == 0, err
    out = tmp_path / "out"
    assert without_provenance(tree(out)) == without_provenance(runs["old"])
    provenance = (out / "provenance.json").read_bytes()
    write_survey(tmp_path, REGIONS, shift=33)
    stopped = run_stopped(["run", config.name, "-j", "2"], tmp_path, at)
    try:
        assert stopped.fired, f"Ctrl-C was never pressed at {at}"
        assert ended_cleanly(stopped, "INT") == ""
        assert no_survivor(stopped) == []
    finally:
        kill_group(stopped.pgid)
    assert not temporaries(tmp_path)
    assert not (out / STAGING).exists()
    # Every file as the last run wrote it, or every file as this one does: never a mix.
    assert without_provenance(tree(out)) == without_provenance(runs[expected])
    if expected == "old":  # the provenance still describes the last complete run
        assert (out / "provenance.json").read_bytes() == provenance
    # The next run completes.
    code, err = run_config(config, "2")
    assert code == 0, err
    assert without_provenance(tree(out)) == without_provenance(runs["new"])  # no manifest


def test_a_crash_while_rendering_keeps_the_last_run(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    runs: dict[str, dict[str, bytes]]) -> None:
    config = make_project(tmp_path, REGIONS)
    code, err = run_config(config, "1")
    assert code == 0, err
    provenance = (tmp_path / "out" / "provenance.json").read_bytes()
    write_survey(tmp_path, REGIONS, shift=33)
    from smartcity_assess.report import build

    real = build.render_reports

    def crash_on_kota_3(assessment, **options):  # type: ignore[no-untyped-def]
        if assessment.results[0].region == "Kota 3":
            raise RuntimeError("simulated crash while rendering")
        return real(assessment, **options)

    monkeypatch.setattr(build, "render_reports", crash_on_kota_3)
    from smartcity_assess.assessment.execute import run

    monkeypatch.chdir(tmp_path)
    with pytest.raises(RuntimeError, match="simulated crash"):
        run(config.name, jobs=1)
    out = tmp_path / "out"
    assert not temporaries(tmp_path)
    assert _snapshot_or_new(out, runs["old"], runs["new"]) == []
    recorded_changes(out, runs["old"])
    assert (out / "provenance.json").read_bytes() == provenance
    assert tree(out)["reports/en/kota-3-2025/masterplan.md"] == \
        runs["old"]["reports/en/kota-3-2025/masterplan.md"]


def test_two_runs_into_one_folder(tmp_path: Path, runs: dict[str, dict[str, bytes]]) -> None:
    """Two configs share an output folder (one writes English reports, the other
    Indonesian) and run at the same time: each finishes or stops with a clear error, and
    the folder holds one run's whole output, never a mix of the two."""
    make_project(tmp_path, REGIONS)
    (tmp_path / "id.yaml").write_text(CONFIG.replace("[en]", "[id]"), encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-m", "smartcity_assess", "run", name, "-j", "1"],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
             for name in ("assessment.yaml", "id.yaml")]
    results = [(p.wait(timeout=300), p.communicate()[1]) for p in procs]
    for code, err in results:
        assert code in (0, 2), err
        if code == 2:
            assert "another smartcity-assess process is writing into out" in err, err
        assert "Traceback" not in err
    assert any(code == 0 for code, _ in results)
    assert not temporaries(tmp_path)
    found = without_provenance(tree(tmp_path / "out"))
    assert found in (without_provenance(runs["old"]), without_provenance(runs["id"]))


def test_run_never_replaces_a_file_it_did_not_write(tmp_path: Path) -> None:
    config = make_project(tmp_path, REGIONS[:2])
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "summary.md").write_text("# My notes\n", encoding="utf-8")
    code, err = run_config(config, "1")
    assert code == 2 and "summary.md" in err and "did not write" in err, err
    assert tree(tmp_path / "out") == {"summary.md": b"# My notes\n"}


def test_stale_files_are_removed_unless_edited_since(tmp_path: Path) -> None:
    config = make_project(tmp_path, REGIONS[:3])
    code, err = run_config(config, "1")
    assert code == 0, err
    reports = tmp_path / "out" / "reports" / "en"
    edited = reports / "kota-2-2025" / "roadmap.md"
    edited.write_text("# Edited by hand\n", encoding="utf-8")
    write_survey(tmp_path, REGIONS[:1])  # Kota 1 and Kota 2 are no longer in the data
    code, err = run_config(config, "1")
    assert code == 0, err
    assert not (reports / "kota-1-2025").exists()
    assert [p.relative_to(reports).as_posix() for p in (reports / "kota-2-2025").rglob("*")
            if p.is_file()] == ["kota-2-2025/roadmap.md"]
    assert edited.read_text(encoding="utf-8") == "# Edited by hand\n"
    assert hashlib.sha256(edited.read_bytes()).hexdigest()  # still there, untouched
