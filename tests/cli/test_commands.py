"""The commands end to end through the CLI runner: outputs, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app

ROOT = Path(__file__).parents[2]
IPM_SET = str(ROOT / "examples" / "bps-ipm" / "ipm.yaml")
IPM_DATA = ROOT / "examples" / "bps-ipm" / "bps-ipm-kabkota-2020-2024.csv"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def tegal_ipm(tmp_path: Path) -> Path:
    lines = IPM_DATA.read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [line for line in lines[1:] if line.startswith("Kabupaten Tegal,")]
    path = tmp_path / "tegal.csv"
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return path


def test_score_json_contract(tegal_ipm: Path) -> None:
    code, out, _ = invoke("score", str(tegal_ipm), "--criteria", IPM_SET, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["criteria"]["id"] == "bps-ipm" and data["criteria"]["version"] == "2010"
    assert [r["year"] for r in data["results"]] == [2020, 2021, 2022, 2023, 2024]
    r2021 = data["results"][1]
    assert r2021["region"] == "Kabupaten Tegal" and round(r2021["score"], 2) == 68.79
    assert r2021["band"] == "Sedang" and r2021["coverage"] == 1.0
    health = r2021["pillars"][0]
    assert health["id"] == "health" and health["children"][0]["id"] == "uhh"
    assert health["children"][0]["n"] == 1 and health["children"][0]["value"] > 0
    assert data["inputs"][0]["rows"] == 5 and len(data["inputs"][0]["sha256"]) == 64


def test_score_table_and_threshold(tegal_ipm: Path) -> None:
    code, out, err = invoke("score", str(tegal_ipm), "--criteria", IPM_SET, "--lang", "en",
                            "--fail-under", "69")
    assert code == 1
    assert "Kabupaten Tegal 2021" in out and "68.8" in out
    assert "threshold not met: Kabupaten Tegal 2021 index 68.79 < 69" in err
    code, _, err = invoke("score", str(tegal_ipm), "--criteria", IPM_SET, "--fail-under", "60")
    assert code == 0 and "threshold" not in err


def test_score_csv_and_md(tegal_ipm: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "scores.csv"
    code, out, err = invoke("score", str(tegal_ipm), "--criteria", IPM_SET, "--format", "csv",
                            "-o", str(out_file))
    # --lang id, the default; the published IPM column is in the set's ignore_columns, and
    # its 5 values (one per year) are read but not used: said, not dropped silently
    assert code == 0 and out == "" and err == (
        f"ditulis: {out_file}\n5 dari 25 jawaban tidak dipakai (kolom diabaikan: 5); "
        "rinciannya: smartcity-assess validate\n")
    rows = out_file.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("region,year,level,id,parent,score")
    assert rows[1].startswith("Kabupaten Tegal,2020,index,bps-ipm,,")
    code, out, _ = invoke("score", str(tegal_ipm), "--criteria", IPM_SET, "--format", "md",
                          "--lang", "id")
    assert code == 0 and "| Kabupaten Tegal | 2021 | 68,8 | Sedang | 100% |" in out


def test_bad_survey_exits_2_with_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("region,year,uhh,hls,rls,pengeluaran,colour\n"
                   "A,2024,abc,12,8,9000,x\n"
                   "B,2024,70,12,8,-5,y\n", encoding="utf-8")
    out_dir = tmp_path / "out.json"
    code, out, err = invoke("score", str(bad), "--criteria", IPM_SET, "-o", str(out_dir),
                            "--format", "json")
    assert code == 2 and out == ""
    assert "colour" in err and "'abc'" in err and "-5" in err
    assert "Traceback" not in err
    assert not out_dir.exists()


def test_bad_indicator_set_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "set.yaml"
    bad.write_text("id: x\nversion: '1'\ntitle: X\npillars: []\n", encoding="utf-8")
    code, _, err = invoke("criteria", "validate", str(bad))
    assert code == 2 and "set.yaml:4:1 (field pillars)" in err
    code, _, err = invoke("criteria", "validate", IPM_SET)
    assert code == 0 and "ok — bps-ipm 2010, 3 pillars, 4 indicators" in err


def test_unknown_set_is_usage_error(tegal_ipm: Path) -> None:
    code, _, err = invoke("score", str(tegal_ipm), "--criteria", "nope")
    assert code == 2 and "unknown indicator set 'nope'" in err


def test_validate_command(tegal_ipm: Path) -> None:
    code, out, err = invoke("validate", str(tegal_ipm), "--criteria", IPM_SET)
    assert code == 0 and out == ""
    # 20 answers to the four components, and the 5 published IPM values of the ignored column
    assert "5 region-year(s), 25 answers read, 20 used" in err
    assert "5 values in column 'ipm', which is ignored" in err


@pytest.mark.slow
def test_criteria_show_and_list() -> None:
    code, out, _ = invoke("criteria", "show", IPM_SET, "--lang", "en")
    assert code == 0 and "Life expectancy at birth" in out and "[uhh]" in out
    code, out, _ = invoke("criteria", "list")
    assert code == 0 and "smartcity-id" in out
