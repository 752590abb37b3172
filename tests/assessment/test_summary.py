"""summary.md: verdict, changes, failures; hostile region names stay inert; markdownlint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessment.assessment_helpers import Project
from smartcity_assess.assessment.execute import run

pytestmark = pytest.mark.slow  # runs whole assessments end to end and markdownlint

HOSTILE = ["<img src=x onerror=alert(1)>", "[link](javascript:evil) | cell", "../../etc",
           "=HYPERLINK(\"x\")", "CON"]
CONFIG = """\
criteria: ipm.yaml
inputs: [data/*.csv]
languages: [{lang}]
history: history
outputs: {{folder: out, reports: latest, formats: [md]}}
assertions:
  index: {{min_score: 70, max_drop: 0.2}}
  pillars:
    "*": {{min_score: 60, level: warn}}
"""


def hostile_project(tmp_path: Path, project: Project, lang: str) -> Path:
    path = project(CONFIG.format(lang=lang))
    rows = ["region,year,uhh,hls,rls,pengeluaran"]
    for n, name in enumerate(HOSTILE):
        quoted = '"' + name.replace('"', '""') + '"'
        rows.append(f"{quoted},2024,{70 + n},13,{8 + n},11000")
    (tmp_path / "data" / "ipm.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    # last year's scores: the first region was higher (a drop), with another set for the last
    history = tmp_path / "history"
    history.mkdir()
    old = {"schema_version": 1, "criteria": {"id": "bps-ipm", "version": "2010"},
           "results": [{"region": HOSTILE[0], "year": 2023, "score": 99.0, "coverage": 1.0,
                        "pillars": []}]}
    (history / "scores-2023.json").write_text(json.dumps(old), encoding="utf-8")
    changed = {"schema_version": 1, "criteria": {"id": "bps-ipm", "version": "2009"},
               "results": [{"region": HOSTILE[-1], "year": 2023, "score": 50.0,
                            "coverage": 1.0, "pillars": []}]}
    (history / "scores-2023-old-method.json").write_text(json.dumps(changed), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "id"])
def test_hostile_names_are_inert_and_folders_safe(tmp_path: Path, project: Project,
                                                  lang: str) -> None:
    result = run(hostile_project(tmp_path, project, lang))
    text = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "<img" not in text and "](javascript" not in text
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in text
    assert "\\[link\\]\\(javascript:evil\\) \\| cell" in text
    folders = sorted(p.name for p in (tmp_path / "out" / "reports" / lang).iterdir()
                     if p.is_dir())  # beside them: the overview, index.html and index.md
    assert all(name.replace("-", "").isalnum() and name == name.lower() for name in folders)
    assert "etc-2024" in folders and any(f.startswith("con-") for f in folders)
    assert result.exit_code == 1
    fell = [o for o in result.outcomes if o.code == "fell"]
    assert [o.region for o in fell] == [HOSTILE[0]]
    assert [o.region for o in result.outcomes if o.code == "break"] == ["CON"]
    words = {"en": ("fell", "break"), "id": ("turun", "jeda")}[lang]
    assert all(word in text for word in words)


@pytest.mark.validator
def test_summary_passes_markdownlint(tmp_path: Path, project: Project) -> None:
    from support.validators import markdownlint

    run(hostile_project(tmp_path, project, "en"))
    assert markdownlint([tmp_path / "out" / "summary.md"]) == []
