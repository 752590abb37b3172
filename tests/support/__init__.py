"""Helpers that check outputs the way people and third-party tools see them.

- ``support.browser``: open an HTML file in Debian's Chromium (through playwright) and report
  console errors, page errors, network requests, accessibility (axe-core) violations, a
  screenshot and a print-to-PDF check.
- ``support.validators``: the W3C Nu HTML validator, markdownlint, Markdown image links.

The tools are installed by ``scripts/install-test-tools.sh``. When one is missing the test is
skipped on a developer machine and *fails* in CI (``CI`` set): CI must run these checks.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    """True when running in CI (``CI`` set to anything but empty, 0 or false)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def tool_missing(reason: str) -> NoReturn:
    """Skip (developer machine) or fail (CI) because a required tool is not installed."""
    hint = f"{reason} (install with: bash scripts/install-test-tools.sh)"
    if in_ci():
        pytest.fail(f"CI must run this test but {hint}", pytrace=False)
    pytest.skip(hint)
