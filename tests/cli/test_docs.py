"""Every command has help text and appears in docs/commands.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from smartcity_assess.cli.app import app

DOCS = (Path(__file__).parents[2] / "docs" / "commands.md").read_text(encoding="utf-8")


def command_paths() -> list[tuple[str, ...]]:
    root = get_command(app)
    paths: list[tuple[str, ...]] = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub:
            paths.extend((name, child) for child in sub)
        else:
            paths.append((name,))
    return paths


def test_there_are_commands() -> None:
    assert {("score",), ("criteria", "validate"), ("survey", "template"), ("demo",)} <= set(
        command_paths())


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_command_has_help_and_docs(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert f"## `smartcity-assess {' '.join(path)}" in DOCS


def test_version() -> None:
    from smartcity_assess import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"smartcity-assess {__version__}"


def test_typer_is_only_in_the_cli() -> None:
    package = Path(__file__).parents[2] / "src" / "smartcity_assess"
    offenders = [
        str(path.relative_to(package)) for path in package.rglob("*.py")
        if "cli" not in path.relative_to(package).parts
        and any(f"import {lib}" in line or f"from {lib}" in line
                for line in path.read_text(encoding="utf-8").splitlines()
                for lib in ("typer", "rich"))
    ]
    assert offenders == []



def test_json_schema_in_docs_is_current() -> None:
    result = CliRunner().invoke(app, ["criteria", "schema"])
    assert result.exit_code == 0
    saved = (Path(__file__).parents[2] / "docs" / "indicator-set.schema.json").read_text(
        encoding="utf-8")
    assert result.output == saved, "regenerate: smartcity-assess criteria schema > docs/..."
