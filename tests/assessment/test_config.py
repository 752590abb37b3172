"""assessment.yaml: shape, paths relative to the file, every problem with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.assessment_helpers import CONFIG, Project
from smartcity_assess.assessment.config import Check, check_against_set, load_config
from smartcity_assess.errors import InputError
from smartcity_assess.indicators.loader import load_indicator_set


def test_defaults_and_paths_relative_to_the_config(project: Project, tmp_path: Path) -> None:
    path = project("inputs: [data/*.csv]\n")
    config = load_config(path)
    assert config.folder == tmp_path and config.output == tmp_path / "scorecard"
    assert config.criteria is None and config.languages == ("id",)
    assert config.formats == ("html", "md") and config.reports == "latest"
    assert config.input_files == (tmp_path / "data" / "ipm.csv",)
    assert config.scope == "latest" and config.assertions == ()
    resolved = config.resolved()
    assert resolved["input_files"] == ["data/ipm.csv"]
    assert resolved["outputs"]["folder"] == "scorecard"


def test_assertions_with_levels_per_node_and_per_check(project: Project) -> None:
    config = load_config(project(CONFIG + """\
assertions:
  index: {min_score: 60, max_drop: {value: 2, level: warn}}
  pillars:
    "*": {min_score: 50, level: warn}
    health: {max_drop: 1, level: off}
  indicators:
    uhh: {min_score: {value: 70}}
"""))
    checks = {(a.kind, a.id): a.checks for a in config.assertions}
    assert checks[("index", "index")] == (Check("min_score", 60, "error"),
                                          Check("max_drop", 2, "warn"))
    assert checks[("pillar", "*")] == (Check("min_score", 50, "warn"),)
    assert checks[("pillar", "health")] == (Check("max_drop", 1, "off"),)
    assert checks[("indicator", "uhh")] == (Check("min_score", 70, "error"),)


def test_shape_problems_point_at_their_line(project: Project) -> None:
    path = project(CONFIG + """\
assertions:
  index: {min_score: high}
  pillars:
    health: {min_score: 50, level: fatal}
  indicatrs: {}
""")
    with pytest.raises(InputError) as caught:
        load_config(path)
    found = {(p.field, p.line) for p in caught.value.problems}
    assert ("assertions.index.min_score", 6) in found
    assert ("assertions.pillars.health.level", 8) in found
    assert ("assertions.indicatrs", 9) in found
    assert all(p.file == str(path) for p in caught.value.problems)


def test_every_path_problem_at_once(project: Project) -> None:
    path = project("""\
criteria: missing.yaml
inputs: [data/*.csv, data/*.xlsx, nothing.csv, data]
plan: plan.yaml
history: history
languages: [en, en]
outputs: {folder: .}
""")
    with pytest.raises(InputError) as caught:
        load_config(path)
    messages = {(p.field, p.line): p.message for p in caught.value.problems}
    assert messages[("criteria", 1)] == "indicator set file 'missing.yaml' not found"
    assert messages[("inputs[1]", 2)] == "no file matches 'data/*.xlsx'"
    assert messages[("inputs[2]", 2)] == "input file 'nothing.csv' not found"
    assert messages[("inputs[3]", 2)] == "input 'data' is a folder"
    assert messages[("plan", 3)] == "plan file not found"
    assert messages[("history", 4)] == "history folder not found"
    assert messages[("languages", 5)] == "a language is listed twice"
    assert messages[("outputs.folder", 6)] == (
        "the output folder is the project folder itself")


def test_an_unknown_bundled_set_is_named(project: Project) -> None:
    with pytest.raises(InputError, match="unknown indicator set 'smartcity'"):
        load_config(project("criteria: smartcity\ninputs: [data/ipm.csv]\n"))


def test_inputs_are_expanded_once_in_order(project: Project, tmp_path: Path) -> None:
    path = project("inputs: [data/ipm.csv, data/**/*.csv]\n")
    (tmp_path / "data" / "more").mkdir()
    (tmp_path / "data" / "more" / "b.csv").write_text("x", encoding="utf-8")
    config = load_config(path)
    assert [config.relative(p) for p in config.input_files] == ["data/ipm.csv",
                                                                "data/more/b.csv"]


def test_checks_against_the_indicator_set(project: Project) -> None:
    config = load_config(project(CONFIG + """\
assertions:
  index: {min_score: 120}
  pillars:
    Health: {min_score: 50}
    living: {max_drop: 150}
    education: {level: warn}
  indicators:
    nope: {min_score: 1}
"""))
    problems = check_against_set(config, load_indicator_set(config.criteria))
    found = {(p.field, p.line): str(p) for p in problems}
    assert "min_score is outside the scale" in found[("assertions.index.min_score", 6)]
    assert "did you mean 'health'?" in found[("assertions.pillars.Health", 8)]
    assert "between 0 and 100" in found[("assertions.pillars.living.max_drop", 9)]
    assert "checks nothing" in found[("assertions.pillars.education", 10)]
    assert "unknown indicator 'nope'" in found[("assertions.indicators.nope", 12)]
