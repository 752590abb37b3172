"""``report --templates DIR`` reads nothing through a link that leads outside DIR (issue 17,
finding 3): a template linked to ``/proc/self/environ`` once put every environment variable
into the report. The links are made at test time (a corpus file cannot hold them).

Each refused case exits 2 with one line naming the link and where it leads, and writes
nothing; a link that stays inside the folder is fine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.errors import UsageError
from smartcity_assess.report.environment import check_templates_dir, make_environment
from smartcity_assess.report.render import render_template
from support.hostile import write_project

SECRET = "smartcity-assess-secret-7f3a"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("links")
    write_project(root, hostile=False)
    (root / "outside").mkdir()
    (root / "outside" / "secret.md").write_text(f"{SECRET}\n", encoding="utf-8")
    return root


def report(project: Path, templates: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [
        "report", str(project / "survey plain.csv"), "--criteria", str(project / "set.yaml"),
        "--plan", str(project / "plan.yaml"), "--out", str(out), "--format", "md",
        "--no-uncertainty", "--templates", str(templates)])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("case", ["file", "folder", "nested", "environ"])
def test_a_link_out_of_the_templates_folder_is_refused(project: Path, tmp_path: Path,
                                                      case: str) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    if case == "file":  # a template that is a link to a file outside
        link, target = templates / "roadmap.md", project / "outside" / "secret.md"
    elif case == "folder":  # a folder of templates that is a link to a folder outside
        link, target = templates / "chapters", project / "outside"
    elif case == "nested":  # the link deeper down, in a real folder
        (templates / "chapters" / "roadmap").mkdir(parents=True)
        link = templates / "chapters" / "roadmap" / "overview.md"
        target = project / "outside" / "secret.md"
    else:
        if not Path("/proc/self/environ").exists():
            pytest.skip("no /proc on this system")
        link, target = templates / "masterplan.md", Path("/proc/self/environ")
    os.symlink(target, link)
    out = tmp_path / "out"
    code, err = report(project, templates, out)
    name = link.relative_to(templates).as_posix()
    assert code == 2, err
    assert err == (f"error: template {name!r} in {str(templates)!r} is a link to "
                   f"{str(target.resolve())!r}, outside the templates folder; copy the file "
                   "into the folder instead\n")
    assert SECRET not in err and not out.exists()


def test_a_broken_or_looping_link_is_refused(project: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    os.symlink(templates / "b.md", templates / "a.md")
    os.symlink(templates / "a.md", templates / "b.md")
    code, err = report(project, templates, tmp_path / "out")
    assert code == 2 and err == (f"error: template 'a.md' in {str(templates)!r} is a link that "
                                 "leads nowhere; templates must be files inside the templates "
                                 "folder\n")


@pytest.mark.slow
def test_a_link_inside_the_folder_is_fine(project: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "mine").mkdir(parents=True)
    (templates / "mine" / "roadmap.md").write_text("# {{ t('roadmap') }} — {{ region.name }}\n",
                                                   encoding="utf-8")
    os.symlink(templates / "mine" / "roadmap.md", templates / "roadmap.md")
    out = tmp_path / "out"
    code, err = report(project, templates, out)
    assert code == 0, err
    assert (out / "roadmap.md").read_text(encoding="utf-8").startswith("# Peta Jalan Smart City")


def test_the_loader_refuses_a_link_made_after_the_folder_was_checked(project: Path,
                                                                    tmp_path: Path) -> None:
    """The folder is checked once; a link swapped in later is refused when it is read."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.md").write_text("fine\n", encoding="utf-8")
    check_templates_dir(templates)
    env = make_environment("md", "en", user_dir=templates)
    assert render_template(env, "page.md", templates, {}) == "fine\n"
    (templates / "page.md").unlink()
    os.symlink(project / "outside" / "secret.md", templates / "page.md")
    env = make_environment("md", "en", user_dir=templates)
    with pytest.raises(UsageError, match="no template 'page.md' in the templates folders"):
        render_template(env, "page.md", templates, {})
