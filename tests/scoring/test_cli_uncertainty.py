"""`score` with intervals and sensitivity, end to end (kept with the methods it exercises)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.resources import sample_dir

ROOT = Path(__file__).parents[2]
IPM_SET = str(ROOT / "examples" / "bps-ipm" / "ipm.yaml")
IPM_DATA = ROOT / "examples" / "bps-ipm" / "bps-ipm-kabkota-2020-2024.csv"
SAMPLE = [sample_dir() / name for name in (
    "tegal-citizen-survey.csv", "tegal-official-statistics.csv",
    "tegal-opd-self-assessment.xlsx")]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def central_java_2024(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = IPM_DATA.read_text(encoding="utf-8").splitlines()
    wanted = ("Kabupaten Tegal,", "Kota Tegal,", "Kabupaten Brebes,", "Kabupaten Pemalang,")
    keep = [lines[0]] + [line for line in lines[1:]
                         if line.startswith(wanted) and ",2024," in line]
    path = tmp_path_factory.mktemp("ipm") / "tegal-area.csv"
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    return path


def test_json_default_has_no_uncertainty_keys(central_java_2024: Path) -> None:
    code, out, _ = invoke("score", str(central_java_2024), "-c", IPM_SET, "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert "bootstrap" not in data and "sensitivity" not in data
    assert "interval" not in data["results"][0]


def test_json_with_bootstrap_and_sensitivity(central_java_2024: Path) -> None:
    args = ("score", str(central_java_2024), "-c", IPM_SET, "-f", "json", "--bootstrap", "50",
            "--sensitivity", "--draws", "40", "--seed", "5")
    code, out, _ = invoke(*args)
    assert code == 0
    assert invoke(*args)[1] == out                       # seeded: byte-identical
    data = json.loads(out)
    assert data["bootstrap"]["draws"] == 50 and data["bootstrap"]["seed"] == 5
    # official statistics: one row each, so every interval has zero width
    assert data["results"][0]["interval"]["margin"] == 0.0
    sens = data["sensitivity"]
    # 40 weight draws × 2 aggregations × 2 imputations × 5 goalposts (IPM has no targets)
    assert sens["draws"] == 40 and sens["scenarios"] == 800 and len(sens["results"]) == 4
    tegal = next(r for r in sens["results"] if r["region"] == "Kabupaten Tegal")
    assert tegal["rank"]["of"] == 4 and 1 <= tegal["rank"]["low"] <= tegal["rank"]["high"] <= 4
    assert tegal["most_influential"] in ("weights", "aggregation", "goalposts")


def test_table_shows_margins_and_sensitivity(central_java_2024: Path) -> None:
    code, out, _ = invoke("score", str(central_java_2024), "-c", IPM_SET, "--lang", "en",
                          "--sensitivity", "--draws", "20")
    assert code == 0
    assert "± " in out and "bootstrap interval (1000 draws" in out
    assert "Sensitivity analysis" in out and "400 scenarios" in out


@pytest.mark.slow
@pytest.mark.skipif(not all(p.exists() for p in SAMPLE), reason="Tegal sample not bundled yet")
def test_tegal_sample_table() -> None:
    code, out, _ = invoke("score", *map(str, SAMPLE), "--lang", "en", "--sensitivity",
                          "--draws", "50")
    assert code == 0
    assert "Kabupaten Tegal 2025 · Index" in out and "±" in out
    assert "Moves it most" in out
