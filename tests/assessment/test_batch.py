"""The report workers (assessment/batch.py): the same files whatever the number of processes
or the way they start, and the first error stops the batch with nothing published."""

from __future__ import annotations

import csv
import multiprocessing
from pathlib import Path

import pytest

from smartcity_assess.assessment.batch import report_jobs, write_reports_many
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.outputs import MANIFEST, STAGING, OutputFolder
from smartcity_assess.paths import region_folders
from smartcity_assess.planning.plan import Plan
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.results import Assessment
from smartcity_assess.survey.load import read_survey

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


@pytest.fixture(scope="module")
def assessment(tmp_path_factory: pytest.TempPathFactory) -> Assessment:
    folder = tmp_path_factory.mktemp("batch")
    (folder / "set.yaml").write_text(SET, encoding="utf-8")
    with (folder / "survey.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["region", "year", "a"])
        for n in range(4):
            writer.writerow([f"Kota {n}", 2025, 20 + 15 * n])
    iset = load_indicator_set(folder / "set.yaml")
    return assess(iset, read_survey([folder / "survey.csv"], iset))


def write(assessment: Assessment, out: Path, processes: int) -> dict[str, bytes]:
    chosen = list(assessment.results)
    folders = region_folders((r.region, r.year) for r in chosen)
    jobs = report_jobs(assessment, chosen, ["en"], folders, lambda _: "")
    with OutputFolder(out) as folder:
        written = write_reports_many(assessment, out, jobs, plan=Plan(), formats=["md"],
                                     processes=processes, folder=folder)
    assert [w.path.split("/")[0] for w in written][::len(written) // 4] == [
        "kota-0-2025", "kota-1-2025", "kota-2-2025", "kota-3-2025"]  # in job order
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


@pytest.mark.slow
def test_the_same_files_from_one_two_or_spawned_workers(
        assessment: Assessment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = write(assessment, tmp_path / "one", 1)
    two = write(assessment, tmp_path / "two", 2)
    assert one == two and len(one) >= 4 * 3
    # Where fork does not exist (Windows) the workers are spawned: state is pickled once.
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    spawned = write(assessment, tmp_path / "spawned", 2)
    assert spawned == one
    assert not multiprocessing.active_children()


@pytest.mark.slow
def test_the_first_error_stops_the_batch_and_nothing_is_published(
        assessment: Assessment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smartcity_assess.report import build

    real = build.render_reports

    def fail_on_kota_2(data: Assessment, **options: object) -> dict[str, bytes]:
        if data.results[0].region == "Kota 2":
            raise ValueError("simulated failure in Kota 2")
        return real(data, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "render_reports", fail_on_kota_2)  # forked workers see it
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="simulated failure in Kota 2"):
        write(assessment, out, 2)
    assert sorted(p.name for p in out.iterdir()) == []  # no report, no staging folder left
    assert not (out / STAGING).exists()
    assert not multiprocessing.active_children()
