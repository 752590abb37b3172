"""Test-wide settings: the same environment on every machine, so output is comparable.

Areas add their own fixtures in ``tests/<area>/conftest.py``. Helpers that drive real tools
(Chromium, the W3C Nu validator, markdownlint) live in ``tests/support/`` and are imported as
``support.browser`` / ``support.validators`` (pytest puts this folder on ``sys.path``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# 2026-01-01T00:00:00Z: any date a report shows comes from here, never from the clock.
SOURCE_DATE_EPOCH = "1767225600"


@pytest.fixture(scope="session", autouse=True)
def _deterministic_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Fix everything in the environment that output may depend on, for the whole session.

    Session-scoped so that module- and class-scoped fixtures (which run before any
    function-scoped one) and the subprocesses they start see it too.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLCONFIGDIR", str(tmp_path_factory.mktemp("mplconfig")))
        # compiled templates in the session's own folder, not the user's cache
        mp.setenv("SMARTCITY_ASSESS_CACHE", str(tmp_path_factory.mktemp("template-code")))
        mp.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        mp.setenv("NO_COLOR", "1")
        mp.setenv("COLUMNS", "120")
        mp.setenv("TERM", "dumb")
        mp.delenv("FORCE_COLOR", raising=False)
        mp.delenv("CLICOLOR_FORCE", raising=False)
        yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that drive Chromium or a validator are slow by nature: mark them so, and the fast
    loop (``pytest -m "not slow"``) leaves them out with every other ``slow`` test."""
    for item in items:
        if item.get_closest_marker("browser") or item.get_closest_marker("validator"):
            item.add_marker(pytest.mark.slow)
