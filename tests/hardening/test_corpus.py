"""The bad-input corpus through the real command line.

Every case in ``cases.yaml`` runs one command (``validate``, ``score``, ``report``, ``run``,
``criteria validate``) in a working copy of the corpus and must give exactly the exit code and
the stderr written there: one line per problem with file, line/row/column, field, expected and
found. No case may show a traceback, and none may create, change or delete any file (the
whole working copy is compared before and after). A few cases also run in a real subprocess,
to prove that nothing reaches stderr that the in-process runner would hide.

The text cases are files in ``corpus/``; binary and large ones (workbooks, a zip bomb, an
encrypted OLE file, images) are written by ``generate.py``. The count of cases per category
is in docs/security.md, and a test below keeps it in step.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.survey import readers

pytestmark = pytest.mark.slow  # the corpus runs every case through the command line

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from generate import CORPUS, GENERATED, READ_ONLY, prepare  # noqa: E402

CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
KEYS = {"id", "category", "what", "run", "exit", "stderr", "stderr_root", "limits", "non_root",
        "subprocess"}
Snapshot = dict[str, tuple[object, ...]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return prepare(tmp_path_factory.mktemp("hardening") / "corpus")


def snapshot(folder: Path) -> Snapshot:
    """Every file and folder under ``folder``: kind, size, inode, mtime, and the content hash
    of small files. Any write, replace, creation or deletion changes it."""
    found: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = ""
        if path.is_file() and info.st_size < 1 << 20:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        found[path.relative_to(folder).as_posix()] = (
            path.is_dir(), info.st_size, info.st_ino, info.st_mtime_ns, digest)
    return found


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    return sorted({name for name in before.keys() | after.keys()
                   if before.get(name) != after.get(name)})


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture()
def read_only(corpus: Path) -> Iterator[str]:
    """Make the read-only folder unwritable for whoever runs the tests: its mode is 0555;
    root ignores modes, so for root the folder is made immutable (``chattr +i``) instead, or
    the case is skipped where that is not possible. Yields "root" or "user"."""
    folder = corpus / READ_ONLY
    if not is_root():
        yield "user"
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)],
                                        capture_output=True).returncode != 0:
        pytest.skip("running as root where chattr +i is not possible: nothing is unwritable")
    try:
        yield "root"
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def expected_stderr(case: dict[str, Any], who: str) -> str:
    text = case.get("stderr_root", case["stderr"]) if who == "root" else case["stderr"]
    return str(text)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], corpus: Path, monkeypatch: pytest.MonkeyPatch,
              request: pytest.FixtureRequest) -> None:
    who = request.getfixturevalue("read_only") if case.get("non_root") else "user"
    for name, value in case.get("limits", {}).items():
        monkeypatch.setattr(readers, name, value)
    monkeypatch.chdir(corpus)
    before = snapshot(corpus)
    result = CliRunner().invoke(app, shlex.split(case["run"]))
    after = snapshot(corpus)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == expected_stderr(case, who)
    assert result.exit_code == case["exit"]
    assert changes(before, after) == [], "the command wrote, changed or deleted files"


SUBPROCESS = [c for c in CASES if c.get("subprocess")]


@pytest.mark.slow
@pytest.mark.parametrize("case", SUBPROCESS, ids=[c["id"] for c in SUBPROCESS])
def test_case_in_a_real_process(case: dict[str, Any], corpus: Path) -> None:
    """The same through ``python -m smartcity_assess``: stderr is all there is, byte for
    byte, and no traceback is printed even outside the test runner."""
    before = snapshot(corpus)
    done = subprocess.run([sys.executable, "-m", "smartcity_assess", *shlex.split(case["run"])],
                          cwd=corpus, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "80"})
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == case["stderr"]
    assert done.returncode == case["exit"]
    assert changes(before, snapshot(corpus)) == []


# -- the manifest itself -------------------------------------------------------------------------


def test_manifest_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for case in CASES:
        assert {"id", "category", "what", "run", "exit", "stderr"} <= case.keys() <= KEYS
        assert case["exit"] in (0, 2), case["id"]
        assert case["stderr"].endswith("\n"), case["id"]
        if case["exit"] == 2:
            assert "error: " in case["stderr"], case["id"]


def test_every_corpus_file_is_used() -> None:
    """No file in the corpus is dead weight: each is named by some case (or is the shared
    indicator set, a survey it names, or a file a config points at)."""
    committed = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*")
                 if p.is_file() and p.name != ".gitattributes"}
    runs = " ".join(c["run"] for c in CASES)
    configs = {p.relative_to(CORPUS).parent.as_posix() for p in CORPUS.glob("config/*/*.yaml")}
    used = {name for name in committed | set(GENERATED)
            if name in runs or any(name.startswith(folder + "/") for folder in configs)}
    referenced = set()
    for folder in configs:
        text = (CORPUS / folder / "assessment.yaml").read_text(encoding="utf-8")
        referenced |= {os.path.normpath(f"{folder}/{m}") for m in
                       re.findall(r"\.\./\.\./[\w/.-]+", text)}
    unused = sorted(committed - used - referenced - {"set.yaml", "out-existing/scores.json"})
    assert unused == []


def category_counts() -> Counter[str]:
    return Counter(c["category"] for c in CASES)


def test_security_doc_counts_the_cases() -> None:
    """docs/security.md states the number of cases per category; keep it true."""
    text = (HERE.parents[1] / "docs" / "security.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| ([a-zA-Z ]+?) +\| +(\d+) +\|", text, flags=re.MULTILINE))
    counts = category_counts()
    assert {name: int(n) for name, n in table.items() if name in counts} == dict(counts)
    assert int(table["total"]) == len(CASES)
