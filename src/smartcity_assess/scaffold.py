"""``smartcity-assess init DIR``: a new assessment project that runs green at once.

The project holds an ``assessment.yaml`` with example assertions, the plan and survey data of
the bundled Kabupaten Tegal **sample** (file names start with ``sample-``), blank survey forms
(CSV and XLSX) for the default indicator set, a ``history`` folder for earlier scores, a
``.markdownlint.json`` for the Markdown outputs, and a GitHub Actions workflow that runs the
yearly scorecard and publishes its summary. Existing files are never overwritten: if any
target exists, nothing is written and every clash is listed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import InputError, OutputError, Problem, UsageError
from .outputs import write_bytes_atomic
from .resources import sample_dir
from .text import LANGUAGES

SAMPLE_FILES = (
    "tegal-citizen-survey.csv",
    "tegal-opd-self-assessment.xlsx",
    "tegal-official-statistics.csv",
)
"""The bundled sample survey files, copied as ``data/sample-<name>``."""


@dataclass(frozen=True)
class Scaffold:
    """The files of a new project, by path relative to its folder."""

    files: dict[str, bytes]


ASSESSMENT_YAML = """\
# Assessment config for `smartcity-assess run` (run it from anywhere: paths are relative to
# this file). Every key is described in the smartcity-assess docs, docs/ci.md.
version: 1

# Indicator set: a bundled id (`smartcity-assess criteria list`) or a YAML file of your own.
criteria: smartcity-id

# Survey data: files or glob patterns. Every pattern must match at least one file.
# The files in data/ are SAMPLE DATA (synthetic, Kabupaten Tegal): replace them with yours.
inputs:
  - data/*.csv
  - data/*.xlsx

# Region profile, vision, horizon, targets and agencies (OPD) for the roadmap.
plan: plan.yaml

# Report languages. The first one is also used for summary.md and scores.json.
languages: [{languages}]

# Earlier scores (files named scores*.json, searched recursively) for the change since the
# previous year and for max_drop. After a yearly run, copy scorecard/scores.json to
# history/<year>/scores.json and commit it.
history: history

outputs:
  folder: scorecard     # scores.json, summary.md, provenance.json and reports/
  formats: [html, md]   # report formats (pdf needs: pip install 'smartcity-assess[pdf]')
  reports: latest       # latest: each region's latest year | all | none

# Checks in the style of Lighthouse CI, on the index, a pillar or an indicator:
#   min_score: lowest acceptable score; max_drop: largest fall since the previous year.
#   level: off | warn | error (default error), for the node or per check ({{value, level}}).
# Only a failing `error` check makes the run exit 1; warnings are listed, the run stays green.
assertions:
  scope: latest         # latest: each region's latest year | all: every region-year
  index:
    min_score: 40
    max_drop: 5
  pillars:
    "*": {{min_score: 35, level: warn}}   # every pillar without its own assertion
    government: {{min_score: 40, max_drop: {{value: 3, level: warn}}}}
  indicators:
    dampak.aduan_selesai: {{min_score: 80, level: warn}}
"""

WORKFLOW = """\
# Regenerates the smart-city scorecard on every change to the data, fails the job when an
# `error` assertion of assessment.yaml fails, and publishes summary.md on the job's page.
name: scorecard

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

jobs:
  scorecard:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: Install smartcity-assess
        run: pip install "smartcity-assess=={version}"   # or: pip install git+<its repository>
      - name: Run the assessment
        run: |
          # Dates in the reports come from the commit, so a rerun changes no byte.
          export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
          smartcity-assess run assessment.yaml --summary >> "$GITHUB_STEP_SUMMARY"
      - name: Keep the scorecard
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: scorecard
          path: scorecard
          if-no-files-found: ignore
"""

MARKDOWNLINT = """\
{
  "default": true,
  "MD013": false,
  "MD024": { "siblings_only": true }
}
"""

README = """\
# Smart-city assessment

This project was created by `smartcity-assess init` ({version}). It scores survey data
against the indicator set `smartcity-id` and writes a yearly scorecard:

```bash
smartcity-assess run              # reads assessment.yaml, writes scorecard/
smartcity-assess run --summary    # also prints scorecard/summary.md
```

| path | what it is |
| --- | --- |
| `assessment.yaml` | what to score, which reports to write, and the assertions that gate CI |
| `plan.yaml` | region profile, vision, horizon, targets and agencies for the roadmap |
| `data/` | survey data; the `sample-*` files are SAMPLE DATA (synthetic), replace them |
| `forms/` | blank survey forms (CSV and XLSX with questions and allowed answers) |
| `history/` | earlier `scores.json` files, for year-over-year changes and `max_drop` |
| `scorecard/` | the outputs: `scores.json`, `summary.md`, `provenance.json`, `reports/` |
| `.github/workflows/scorecard.yml` | runs the scorecard in GitHub Actions |

Exit codes of `run`: 0 all `error` assertions pass (warnings may be listed), 1 an `error`
assertion failed (every failure is listed), 2 an input is broken (every problem is listed
with file, line and field; nothing is written).
"""

DATA_README = """\
# Survey data

The `sample-*` files are **SAMPLE DATA**: synthetic survey answers and sample statistics for
Kabupaten Tegal, bundled with smartcity-assess for demonstration. They are not official
figures and not an assessment made by or for the Government of Kabupaten Tegal.

Replace them with your own survey files (CSV, XLSX or JSON; the blank forms are in `forms/`),
and set `sample: false` in `plan.yaml`. Every file matched by `inputs` in `assessment.yaml` is
read and merged.
"""

HISTORY_README = """\
# Earlier scores

Put earlier scores files here (`scores.json`, `scores-2024.json`, `2024/scores.json` …,
searched recursively). `run` uses them for the change since the previous year and for the
`max_drop` assertions. After each yearly run, copy `scorecard/scores.json` to
`history/<year>/scores.json` and commit it.
"""

PLAN_HEADER = """\
# Created by `smartcity-assess init` from the bundled SAMPLE plan: replace it with your
# region's plan (region profile, vision, horizon, targets, agencies). Keys: docs/plan-file.md.
"""


def scaffold(lang: str = "id") -> Scaffold:
    """Every file of a new project, in memory."""
    from .indicators.loader import load_indicator_set
    from .survey.template import csv_template, xlsx_template

    if lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}: use {' or '.join(LANGUAGES)}")
    languages = [lang, *(other for other in LANGUAGES if other != lang)]
    sample = sample_dir()
    indicator_set = load_indicator_set(None)
    files: dict[str, bytes] = {
        "README.md": README.format(version=__version__).encode("utf-8"),
        "assessment.yaml": ASSESSMENT_YAML.format(languages=", ".join(languages))
        .encode("utf-8"),
        "plan.yaml": PLAN_HEADER.encode("utf-8") + (sample / "plan.yaml").read_bytes(),
        "data/README.md": DATA_README.encode("utf-8"),
        **{f"data/sample-{name}": (sample / name).read_bytes() for name in SAMPLE_FILES},
        "forms/survey-form.csv": csv_template(indicator_set),
        "forms/survey-form.xlsx": xlsx_template(indicator_set, lang),
        "history/README.md": HISTORY_README.encode("utf-8"),
        ".markdownlint.json": MARKDOWNLINT.encode("utf-8"),
        ".github/workflows/scorecard.yml": WORKFLOW.format(version=__version__)
        .encode("utf-8"),
    }
    return Scaffold(files)


def init_project(folder: str | Path, lang: str = "id") -> list[Path]:
    """Write a new project into ``folder`` (created if needed) and return the files written.

    Raises :class:`InputError` listing every file that already exists (nothing is written
    then), and :class:`OutputError` when the folder cannot be written.
    """
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise OutputError(f"cannot create a project in {root}: it is a file, not a folder")
    project = scaffold(lang)
    base = os.path.realpath(root)
    outside = sorted({_leading_out(root, relative, base) for relative in project.files} - {None},
                     key=str)
    if outside:
        raise InputError(
            [Problem(str(path), f"is a symbolic link that leads out of {root}",
                     expected=f"a folder inside {root}, or none") for path in outside],
            summary=f"init writes only inside {root}; nothing was written")
    clashes = [root / relative for relative in project.files
               if (root / relative).exists() or (root / relative).is_symlink()]
    if clashes:
        raise InputError(
            [Problem(str(path), "already exists; init never overwrites a file",
                     expected="a folder without these files") for path in clashes],
            summary=f"{len(clashes)} file{'s' if len(clashes) != 1 else ''} of the new project "
            f"already exist{'s' if len(clashes) == 1 else ''} in {root}; nothing was written")
    written = []
    for relative, data in project.files.items():
        target = root / relative
        write_bytes_atomic(target, data, exclusive=True)  # never over a file made meanwhile
        written.append(target)
    return written


def _leading_out(root: Path, relative: str, base: str) -> Path | None:
    """The first folder on the way to ``relative`` that is a symbolic link leading out of
    ``root`` (``proj/.github → ../elsewhere``), or None."""
    probe = root
    for part in Path(relative).parts[:-1]:
        probe = probe / part
        if probe.is_symlink():
            real = os.path.realpath(probe)
            if real != base and not real.startswith(base.rstrip(os.sep) + os.sep):
                return probe
    return None
