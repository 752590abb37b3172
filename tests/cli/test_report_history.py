"""Trends through the command line: ``report --history DIR`` and ``run`` with a history folder
(issue 4, item 2), on the BPS IPM example: 2022 in the history, scored with an older version of
the set (a break), 2023 and 2024 in the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.numbers import format_number

pytestmark = pytest.mark.slow  # reports and runs end to end

ROOT = Path(__file__).parents[2]
IPM_SET = ROOT / "examples" / "bps-ipm" / "ipm.yaml"
IPM_DATA = ROOT / "examples" / "bps-ipm" / "bps-ipm-kabkota-2020-2024.csv"
REGION = "Kabupaten Tegal"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def ipm_rows(path: Path, years: tuple[int, ...]) -> Path:
    lines = IPM_DATA.read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [line for line in lines[1:] if line.split(",")[0] == REGION
                         and int(line.split(",")[1]) in years]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """ipm.yaml, data/ipm.csv (2023, 2024) and history/2022/scores.json (set version 2009)."""
    text = IPM_SET.read_text(encoding="utf-8")
    assert 'version: "2010"' in text
    (tmp_path / "ipm.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "ipm-2009.yaml").write_text(text.replace('version: "2010"', 'version: "2009"'),
                                            encoding="utf-8")
    ipm_rows(tmp_path / "data" / "ipm.csv", (2023, 2024))
    old = ipm_rows(tmp_path / "old" / "ipm-2022.csv", (2022,))
    (tmp_path / "history" / "2022").mkdir(parents=True)
    code, _, err = invoke("score", str(old), "--criteria", str(tmp_path / "ipm-2009.yaml"),
                          "--format", "json", "-o",
                          str(tmp_path / "history" / "2022" / "scores.json"))
    assert code == 0, err
    return tmp_path


def index_scores(project: Path, out: Path) -> dict[int, float]:
    found = {}
    for path in (project / "history" / "2022" / "scores.json", out / "scores.json"):
        for result in json.loads(path.read_text(encoding="utf-8"))["results"]:
            found[result["year"]] = result["score"]
    return found


def check_trend(md: str, scores: dict[int, float]) -> None:
    def num(value: float) -> str:
        return format_number(value, "en", 1)

    def delta(now: float, before: float) -> str:
        text = num(abs(now - before))
        return ("+" if now > before else "−") + text

    assert "### Trends 2022–2024" in md
    assert (r"**Series break 2023:** the indicator set changed from bps\-ipm 2009 to bps\-ipm "
            "2010.") in md
    section = md[md.index("### Trends"):]
    row = next(line for line in section.splitlines() if line.startswith("| **Index** |"))
    assert row == (f"| **Index** | {num(scores[2022])} | {num(scores[2023])} "
                   f"({delta(scores[2023], scores[2022])} †) | {num(scores[2024])} "
                   f"({delta(scores[2024], scores[2023])}) | "
                   f"**{delta(scores[2024], scores[2022])}** † |")


def test_report_history(project: Path) -> None:
    out = project / "out"
    code, _, err = invoke("report", str(project / "data" / "ipm.csv"), "--criteria",
                          str(project / "ipm.yaml"), "--history", str(project / "history"),
                          "--region", REGION, "--year", "2024", "--format", "md", "--lang",
                          "en", "--out", str(out))
    assert code == 0, err
    md = (out / "masterplan.md").read_text(encoding="utf-8")
    check_trend(md, index_scores(project, out))
    assert (out / "charts" / "trends.svg").is_file()


def test_report_history_folder_must_exist(project: Path) -> None:
    code, _, err = invoke("report", str(project / "data" / "ipm.csv"), "--criteria",
                          str(project / "ipm.yaml"), "--history", str(project / "nowhere"),
                          "--region", REGION, "--year", "2024", "--out", str(project / "o"))
    assert code == 2
    assert "history folder not found" in err and "nowhere" in err
    assert not (project / "o").exists()


def test_run_passes_its_history_to_the_reports(project: Path) -> None:
    config = project / "assessment.yaml"
    config.write_text("criteria: ipm.yaml\ninputs: [data/*.csv]\nlanguages: [en]\n"
                      "history: history\noutputs: {folder: scorecard, formats: [md]}\n",
                      encoding="utf-8")
    code, _, err = invoke("run", str(config), "-j", "1")
    assert code == 0, err
    out = project / "scorecard"
    md = (out / "reports" / "en" / "kabupaten-tegal-2024" / "masterplan.md").read_text(
        encoding="utf-8")
    check_trend(md, index_scores(project, out))
