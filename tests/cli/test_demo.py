"""``demo`` without ``--lang``: both languages, Indonesian in DIR and English in DIR/en."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app

pytestmark = pytest.mark.slow  # the demo end to end

DOCUMENTS = ("masterplan.html", "masterplan.md", "roadmap.html", "roadmap.md", "scores.json")


def test_demo_writes_both_languages_by_default(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    for folder, lang in ((out, "id"), (out / "en", "en")):
        for name in DOCUMENTS:
            assert (folder / name).is_file(), f"{folder / name} missing"
        html = (folder / "masterplan.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
    # Both languages report the same numbers, each in its own notation.
    id_scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    en_scores = json.loads((out / "en" / "scores.json").read_text(encoding="utf-8"))
    assert id_scores["results"][0]["score"] == en_scores["results"][0]["score"]
    index = en_scores["results"][0]["score"]
    assert f"{index:.1f}".replace(".", ",") in (out / "masterplan.md").read_text(encoding="utf-8")
    assert f"{index:.1f}" in (out / "en" / "masterplan.md").read_text(encoding="utf-8")


def test_demo_with_one_language_writes_only_that(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["demo", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert '<html lang="en"' in (out / "masterplan.html").read_text(encoding="utf-8")
    assert not (out / "en").exists()


def test_demo_names_the_sample_files_the_same_on_every_machine(tmp_path: Path) -> None:
    from smartcity_assess.resources import sample_dir

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["demo", "--out", str(out), "--lang", "id"])
    assert result.exit_code == 0, result.output
    installed = str(sample_dir())
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".md", ".html", ".json"):
            assert installed not in path.read_text(encoding="utf-8"), path
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert [item["path"] for item in scores["inputs"]] == [
        "sample/tegal-citizen-survey.csv", "sample/tegal-opd-self-assessment.xlsx",
        "sample/tegal-official-statistics.csv", "sample/geo/tegal-kecamatan.geojson",
        "sample/geo/tegal-dbd-2024.csv", "sample/geo/tegal-aduan-2024.csv"]
