"""``report`` computes the bootstrap and the sensitivity analysis by default (issue 6, "Done
when"): the Kabupaten Tegal sample masterplan shows intervals and the "How sure are we?"
section; ``--no-uncertainty`` skips both; the same seed gives the same files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.pipeline import Uncertainty, run_with_uncertainty
from smartcity_assess.resources import sample_dir
from smartcity_assess.scoring import sensitivity
from smartcity_assess.scoring.engine import DEFAULT_BOOTSTRAP_DRAWS, DEFAULT_SEED
from smartcity_assess.scoring.results import Assessment

pytestmark = pytest.mark.slow  # whole reports with the bootstrap and the sensitivity analysis

SAMPLE = [str(sample_dir() / name) for name in (
    "tegal-citizen-survey.csv", "tegal-opd-self-assessment.xlsx",
    "tegal-official-statistics.csv")]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_defaults_are_the_scoring_modules() -> None:
    chosen = Uncertainty()
    assert chosen.bootstrap == DEFAULT_BOOTSTRAP_DRAWS == 1000
    assert chosen.draws == sensitivity.DEFAULT_DRAWS == 500
    assert chosen.seed == DEFAULT_SEED


def test_report_shows_how_sure_by_default(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = invoke("report", *SAMPLE, "--lang", "en", "--format", "md", "--out",
                          str(out))
    assert code == 0, err
    md = (out / "masterplan.md").read_text(encoding="utf-8")
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert scores["bootstrap"] == {"draws": 1000, "seed": DEFAULT_SEED, "confidence": 0.95,
                                   "level": "respondents", "method": "percentile"}
    # 500 weight sets × 2 aggregations × 2 imputations × 2 normalisations (the bundled set has
    # targets) × 5 sets of goalposts
    assert scores["sensitivity"]["draws"] == 500 and scores["sensitivity"]["scenarios"] == 20000
    index = scores["results"][0]
    margin = f"{index['interval']['margin']:.1f}"
    assert f"| Readiness index | {index['score']:.1f} ± {margin} (" in md
    assert "How sure are we?" in md and "#### Judgement calls: the sensitivity analysis" in md
    assert "Probability of each grade: the share of the" in md
    assert (out / "charts" / "certainty.svg").is_file()
    again = tmp_path / "again"
    assert invoke("report", *SAMPLE, "--lang", "en", "--format", "md", "--out",
                  str(again))[0] == 0
    for name in ("masterplan.md", "scores.json", "charts/certainty.svg", "charts/pillars.svg"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_no_uncertainty(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = invoke("report", *SAMPLE, "--format", "md", "--no-uncertainty", "--out",
                          str(out))
    assert code == 0, err
    md = (out / "masterplan.md").read_text(encoding="utf-8")
    assert ("Ketidakpastian tidak dihitung untuk laporan ini (misalnya karena "
            "--no-uncertainty)") in md
    assert " ± " not in md and not (out / "charts" / "certainty.svg").exists()
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert "bootstrap" not in scores and "sensitivity" not in scores


def test_seed_changes_the_draws() -> None:
    first, tested = run_with_uncertainty(SAMPLE, uncertainty=Uncertainty(bootstrap=60, draws=30))
    other, _ = run_with_uncertainty(SAMPLE, uncertainty=Uncertainty(bootstrap=60, draws=30,
                                                                     seed=1))
    assert first.results[0].score == other.results[0].score
    assert first.results[0].interval != other.results[0].interval
    assert tested is not None and tested.scenarios == 30 * 2 * 2 * 2 * 5
    plain, none = run_with_uncertainty(SAMPLE, uncertainty=Uncertainty(bootstrap=0, draws=0))
    assert none is None and plain.bootstrap is None
    asked: list[int] = []

    def never(assessment: Assessment) -> bool:
        asked.append(len(assessment.results))
        return False

    found, skipped = run_with_uncertainty(
        SAMPLE, uncertainty=Uncertainty(bootstrap=10, draws=10), sensitivity_if=never)
    assert skipped is None and asked == [1] and found.bootstrap is not None
