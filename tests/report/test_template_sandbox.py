"""User templates (``report --templates DIR``) run in Jinja's sandbox (issue 5, item 3).

A template that reaches for Python internals, files outside its folder, or that simply fails
(division by zero, endless recursion, an enormous range) stops the command with exit 2 and
one line naming the template and its line — never a traceback, never an output file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from support.hostile import write_project

MARKER = "smartcity-assess-sandbox-escaped"

ESCAPES = {
    "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ lipsum.__globals__['os'].popen('touch /tmp/" + MARKER + "').read() }}",
    "cycler": "{{ cycler.__init__.__globals__.os.system('touch /tmp/" + MARKER + "') }}",
    "our-function": "{{ t.__globals__ }}",
    "private": "{{ self._TemplateReference__context }}",
    "format": "{{ '{0.__class__.__init__.__globals__}'.format('') }}",
    "format-map": "{{ '{x.__class__}'.format_map({'x': ''}) }}",
    "include-up": "{% include '../../../../../../etc/passwd' %}",
    "include-absolute": "{% include '/etc/passwd' %}",
    "zero": "{{ 1 / 0 }}",
    "recursion": "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}",
    "huge-range": "{{ range(10 ** 12) | list | length }}",
    "undefined": "{{ config.items() }}",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sandbox")
    write_project(root, hostile=False)
    return root


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_a_hostile_user_template_is_a_clear_error(project: Path, tmp_path: Path, case: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # The template fails before any chart is needed: do not draw them (CPU).
    monkeypatch.setattr("smartcity_assess.report.build.background_charts",
                        lambda jobs: (lambda: []))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "roadmap.md").write_text(f"# Roadmap\n\n{ESCAPES[case]}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, [
        "report", str(project / "survey plain.csv"), "--criteria", str(project / "set.yaml"),
        "--plan", str(project / "plan.yaml"), "--out", str(out), "--format", "md",
        "--templates", str(templates)])
    err = result.stderr
    assert result.exit_code == 2, f"{case}: exit {result.exit_code}\n{err}"
    assert "Traceback" not in err and "internal error" not in err, err
    assert "template error in roadmap.md:3" in err, err
    assert not out.exists() or not any(out.rglob("*")), "a file was written"
    assert not Path("/tmp", MARKER).exists(), "the template ran a shell command"


@pytest.mark.slow
def test_a_harmless_user_template_still_renders(project: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "roadmap.md").write_text("# {{ t('roadmap') }}: {{ region.name }}\n",
                                          encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, [
        "report", str(project / "survey plain.csv"), "--criteria", str(project / "set.yaml"),
        "--plan", str(project / "plan.yaml"), "--out", str(out), "--format", "md",
        "--templates", str(templates)])
    assert result.exit_code == 0, result.stderr
    roadmap = next(out.rglob("roadmap.md")).read_text(encoding="utf-8")
    assert roadmap.startswith("# ") and "Plain display name text" in roadmap
