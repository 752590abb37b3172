"""``report`` on data with several region-years: folders, overview, filters, --jobs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app

pytestmark = pytest.mark.slow  # reports of many regions end to end

FIXTURES = Path(__file__).parents[1] / "report" / "fixtures"
SET = str(FIXTURES / "multi-set.yaml")
SURVEY = str(FIXTURES / "multi-survey.csv")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stderr


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_several_region_years_get_folders_and_an_overview(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, err = invoke("report", SURVEY, "--criteria", SET, "--out", str(out), "--year", "2025",
                       "--format", "md", "--jobs", "2")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == [
        "etc-2025", "kota-alpha-2025", "script-alert-1-script-2025"]
    assert (out / "index.md").is_file() and not (out / "index.html").exists()
    assert (out / "kota-alpha-2025" / "roadmap.md").is_file()
    assert (f"laporan 3 wilayah-tahun, masing-masing di foldernya sendiri, dan ikhtisarnya "
            f"{out / 'index.md'}") in err
    assert err.count("\n") == 1  # that line alone: no progress bar when stderr is no terminal


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    trees = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        code, err = invoke("report", SURVEY, "--criteria", SET, "--out", str(out),
                           "--region", "Kota Alpha", "--region", "etc", "--jobs", jobs)
        assert code == 0, err
        trees.append(tree(out))
    assert trees[0] == trees[1]
    assert sorted({name.split("/")[0] for name in trees[0]}) == [
        ".smartcity-assess.json", "etc-2024", "etc-2025", "index-distribution.svg",
        "index-heatmap-2024.svg", "index-heatmap-2025.svg", "index.html", "index.md",
        "kota-alpha-2024", "kota-alpha-2025", "scores.json"]


def test_one_region_year_keeps_the_flat_layout(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, err = invoke("report", SURVEY, "--criteria", SET, "--out", str(out),
                       "--region", "kota-alpha", "--year", "2024", "--format", "md")
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == [".smartcity-assess.json", "charts", "masterplan.md", "roadmap.json",
                     "roadmap.md", "scores.json", "warga.md"]
    assert "Kota Alpha" in (out / "masterplan.md").read_text("utf-8")


def test_filters_that_match_nothing_are_usage_errors(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, err = invoke("report", SURVEY, "--criteria", SET, "--out", str(out),
                       "--region", "Kota Beta")
    assert code == 2
    assert "no region 'Kota Beta' in the data; it holds '../../etc'" in err
    code, err = invoke("report", SURVEY, "--criteria", SET, "--out", str(out), "--year", "1999")
    assert code == 2 and "the data hold 2024, 2025" in err
    code, _ = invoke("report", SURVEY, "--criteria", SET, "--out", str(out), "--jobs", "0")
    assert code == 2
    assert not out.exists()


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    from smartcity_assess.cli import progress

    with progress.progress_bar() as update:  # stderr of the tests is no terminal
        assert update is None
    screen = io.StringIO()
    monkeypatch.setenv("TERM", "xterm-256color")  # the tests run with TERM=dumb: no live bar
    monkeypatch.setattr(progress, "stderr", Console(file=screen, force_terminal=True,
                                                    width=100))
    with progress.progress_bar() as update:
        assert update is not None
        update(3, 6, "Kota Alpha 2025 (id)")
        import time

        deadline = time.monotonic() + 5  # the bar redraws itself ten times a second
        while "3/6" not in screen.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
    assert "reports" in screen.getvalue() and "3/6" in screen.getvalue()
    assert 1 <= progress.default_jobs() <= progress.MAX_JOBS


def test_every_region_gets_its_sensitivity_and_rank_range(tmp_path: Path) -> None:
    import json

    out = tmp_path / "out"
    code, err = invoke("report", SURVEY, "--criteria", SET, "--out", str(out), "--year", "2025",
                       "--format", "md", "--lang", "en")
    assert code == 0, err
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    ranks = {r["region"]: r["rank"]["nominal"] for r in scores["sensitivity"]["results"]
             if r["year"] == 2025}
    assert sorted(ranks.values()) == [1, 2, 2]  # two regions tie on 70.0 in 2025
    nominal = {region: next(r["index"]["nominal"] for r in scores["sensitivity"]["results"]
                            if r["region"] == region and r["year"] == 2025) for region in ranks}
    assert {r["region"]: r["score"] for r in scores["results"]} == pytest.approx(nominal)
    for folder in ("etc-2025", "kota-alpha-2025", "script-alert-1-script-2025"):
        text = (out / folder / "masterplan.md").read_text(encoding="utf-8")
        assert "#### Ranking among regions" in text
        assert "Among the 3 regions assessed" in text
