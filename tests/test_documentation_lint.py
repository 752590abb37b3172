"""The README, CONTRIBUTING.md and the user docs pass markdownlint with the repository's
rules, and every relative link in them resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.validators import markdownlint

ROOT = Path(__file__).parents[1]
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.validator
def test_docs_are_lint_clean() -> None:
    assert markdownlint(DOCUMENTS) == []


def test_relative_links_resolve() -> None:
    broken = []
    for document in DOCUMENTS:
        text = re.sub(r"```.*?```", "", document.read_text(encoding="utf-8"), flags=re.S)
        for target in LINK.findall(text):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (document.parent / target).exists():
                broken.append(f"{document.relative_to(ROOT)} → {target}")
    assert broken == []
