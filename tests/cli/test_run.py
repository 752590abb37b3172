"""init, run and compare through the CLI: exit codes, messages, files, reruns."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app

ROOT = Path(__file__).parents[2]
IPM_SET = ROOT / "examples" / "bps-ipm" / "ipm.yaml"
IPM_DATA = ROOT / "examples" / "bps-ipm" / "bps-ipm-kabkota-2020-2024.csv"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_init_then_run_is_green_and_reruns_byte_identical(tmp_path: Path) -> None:
    project = tmp_path / "demo-project"
    code, _, err = invoke("init", str(project))
    assert code == 0, err
    for name in ("assessment.yaml", "plan.yaml", ".markdownlint.json", "README.md",
                 ".github/workflows/scorecard.yml", "forms/survey-form.csv",
                 "forms/survey-form.xlsx", "data/sample-tegal-citizen-survey.csv",
                 "data/sample-tegal-opd-self-assessment.xlsx",
                 "data/sample-tegal-official-statistics.csv", "history/README.md"):
        assert (project / name).is_file(), name
    assert "SAMPLE DATA" in (project / "data" / "README.md").read_text(encoding="utf-8")
    workflow = (project / ".github" / "workflows" / "scorecard.yml").read_text("utf-8")
    assert 'smartcity-assess run assessment.yaml --summary >> "$GITHUB_STEP_SUMMARY"' in workflow

    code, out, err = invoke("run", str(project / "assessment.yaml"), "--summary", "-j", "1")
    assert code == 0, err
    scorecard = project / "scorecard"
    assert out == (scorecard / "summary.md").read_text(encoding="utf-8")
    assert "all error assertions pass" in err
    assert "✅ **Semua asersi lulus**" in out and "| Kabupaten Tegal | 2025 | 46,5 |" in out
    for name in ("scores.json", "provenance.json", "reports/id/kabupaten-tegal-2025/"
                 "masterplan.html", "reports/en/kabupaten-tegal-2025/roadmap.md"):
        assert (scorecard / name).is_file(), name
    first = tree(scorecard)
    code, _, err = invoke("run", str(project / "assessment.yaml"), "-j", "2")
    assert code == 0, err
    assert tree(scorecard) == first


@pytest.mark.slow
def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("mine\n", encoding="utf-8")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "scorecard.yml").write_text("mine\n", "utf-8")
    code, _, err = invoke("init", str(tmp_path))
    assert code == 2
    assert "2 files of the new project already exist" in err and "nothing was written" in err
    assert f"{tmp_path / 'plan.yaml'}: already exists" in err
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "assessment.yaml").exists()


def ipm_project(folder: Path, assertions: str) -> Path:
    lines = IPM_DATA.read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [line for line in lines[1:] if line.split(",")[0] in (
        "Kabupaten Tegal", "Kota Tegal", "Kabupaten Brebes") and line.split(",")[1] in (
        "2023", "2024")]
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "ipm.csv").write_text("\n".join(keep) + "\n", encoding="utf-8")
    (folder / "ipm.yaml").write_bytes(IPM_SET.read_bytes())
    config = folder / "assessment.yaml"
    config.write_text("criteria: ipm.yaml\ninputs: [data/*.csv]\nlanguages: [en]\n"
                      "outputs: {folder: out, reports: none}\n" + assertions, encoding="utf-8")
    return config


def test_a_broken_error_threshold_exits_1_and_lists_every_failure(tmp_path: Path) -> None:
    config = ipm_project(tmp_path, """\
assertions:
  index: {min_score: 72}
  pillars:
    education: {min_score: 61, level: warn}
""")
    code, out, err = invoke("run", str(config))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert "error: Kabupaten Brebes 2024: index 68.46 is below min_score 72" in lines
    assert "error: Kabupaten Tegal 2024: index 70.77 is below min_score 72" in lines
    assert sum(line.startswith("error: ") for line in lines) == 2
    assert sum(line.startswith("warning: ") and "education" in line for line in lines) == 2
    assert lines[-1] == "2 error assertions failed (2 warnings)"
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "❌ **2 errors failed** · ⚠️ 2 warnings" in summary


def test_warnings_alone_keep_the_run_green(tmp_path: Path) -> None:
    config = ipm_project(tmp_path, "assertions:\n  index: {min_score: 72, level: warn}\n")
    code, _, err = invoke("run", str(config))
    assert code == 0
    assert "warning: Kabupaten Tegal 2024: index 70.77 is below min_score 72" in err
    assert err.splitlines()[-1] == "all error assertions pass (2 warnings)"


@pytest.mark.slow
def test_off_switches_a_check_off(tmp_path: Path) -> None:
    config = ipm_project(tmp_path, "assertions:\n  index: {min_score: 99, level: off}\n")
    code, _, err = invoke("run", str(config))
    assert code == 0 and "min_score" not in err


def test_a_broken_config_exits_2_with_its_line_and_writes_nothing(tmp_path: Path) -> None:
    config = ipm_project(tmp_path, "assertions:\n  index: {min_score: 72, levl: warn}\n")
    code, _, err = invoke("run", str(config))
    assert code == 2
    assert f"{config}:6:26 (field assertions.index.levl): unknown key 'levl'" in err
    assert not (tmp_path / "out").exists()


def test_missing_config_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("run")
    assert code == 2 and "assessment.yaml: file not found" in err


def test_compare_formats_and_errors(tmp_path: Path) -> None:
    config = ipm_project(tmp_path, "")
    assert invoke("run", str(config))[0] == 0
    scores = str(tmp_path / "out" / "scores.json")
    code, out, _ = invoke("compare", scores, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["mode"] == "years" and len(data["pairs"]) == 3
    code, out, _ = invoke("compare", scores, "-r", "Kabupaten Tegal", "-r", "Kota Tegal",
                          "-y", "2024", "--format", "md", "--lang", "en")
    assert code == 0 and "| 2024 | Kabupaten Tegal | Kota Tegal | 77.4 | +6.7 |" in out
    code, out, _ = invoke("compare", scores, "--region", "Kota Tegal")
    assert code == 0 and "Kota Tegal: 2023 → 2024" in out
    code, _, err = invoke("compare", scores, "--year", "2024")
    assert code == 2 and "nothing to compare" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{\n  oops\n}\n", encoding="utf-8")
    code, _, err = invoke("compare", scores, str(broken))
    assert code == 2 and f"{broken}:2:3: not valid JSON" in err


@pytest.mark.slow
def test_run_shows_how_sure_the_scores_are_unless_switched_off(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert invoke("init", str(project))[0] == 0
    config = project / "assessment.yaml"
    code, _, err = invoke("run", str(config), "-j", "1")
    assert code == 0, err
    scores = json.loads((project / "scorecard" / "scores.json").read_text(encoding="utf-8"))
    interval = scores["results"][0]["interval"]
    assert interval["low"] < scores["results"][0]["score"] < interval["high"]
    assert scores["sensitivity"]["seed"] == 20250101
    masterplan = project / "scorecard" / "reports" / "en" / "kabupaten-tegal-2025"
    assert "How sure are we?" in (masterplan / "masterplan.md").read_text(encoding="utf-8")

    config.write_text(config.read_text(encoding="utf-8") + "uncertainty: false\n",
                      encoding="utf-8")
    code, _, err = invoke("run", str(config), "-j", "1")
    assert code == 0, err
    scores = json.loads((project / "scorecard" / "scores.json").read_text(encoding="utf-8"))
    assert "interval" not in scores["results"][0] and "sensitivity" not in scores
