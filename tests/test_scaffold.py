"""init's files: valid YAML and JSON, a config that loads, nothing overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from smartcity_assess.assessment.config import load_config
from smartcity_assess.errors import InputError, OutputError, UsageError
from smartcity_assess.resources import sample_dir
from smartcity_assess.scaffold import init_project, scaffold


def test_files_are_valid_and_the_sample_is_labelled() -> None:
    files = scaffold("en").files
    workflow = yaml.safe_load(files[".github/workflows/scorecard.yml"])
    steps = workflow["jobs"]["scorecard"]["steps"]
    assert any("smartcity-assess run" in step.get("run", "") for step in steps)
    assert json.loads(files[".markdownlint.json"]) == {
        "default": True, "MD013": False, "MD024": {"siblings_only": True}}
    assert files["data/sample-tegal-citizen-survey.csv"] == (
        sample_dir() / "tegal-citizen-survey.csv").read_bytes()
    assert files["plan.yaml"].startswith(b"# Created by `smartcity-assess init`")
    assert b"sample: true" in files["plan.yaml"]
    assert yaml.safe_load(files["assessment.yaml"])["languages"] == ["en", "id"]
    assert files["forms/survey-form.csv"].startswith(b"region,year,respondent,role,")
    assert files["forms/survey-form.xlsx"][:2] == b"PK"


def test_the_config_loads_and_its_assertions_fit_the_set(tmp_path: Path) -> None:
    init_project(tmp_path, "id")
    config = load_config(tmp_path / "assessment.yaml")
    assert config.languages == ("id", "en") and config.history == tmp_path / "history"
    assert len(config.input_files) == 3
    assert {a.id for a in config.assertions} == {"index", "*", "government",
                                                 "dampak.aduan_selesai"}


def test_existing_files_stop_init_before_it_writes(tmp_path: Path) -> None:
    (tmp_path / "assessment.yaml").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        init_project(tmp_path)
    assert [Path(p.file).name for p in caught.value.problems] == ["assessment.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessment.yaml"]


def test_a_file_in_place_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="it is a file"):
        init_project(tmp_path / "x")
    with pytest.raises(UsageError, match="unknown language"):
        scaffold("fr")
