"""Helpers for scoring tests: indicator sets from YAML text, surveys from respondent rows.

Not a ``conftest.py``: other test folders import their own ``conftest`` by name, and a second
module of that name here would shadow theirs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.survey.data import Answers, RegionData, SurveyData


def set_from(tmp_path: Path, text: str) -> IndicatorSet:
    """Load an indicator set from YAML text (written to a file, as users give it)."""
    path = tmp_path / f"set-{hashlib.sha256(text.encode()).hexdigest()[:12]}.yaml"
    path.write_text(text, encoding="utf-8")
    return load_indicator_set(path)

Row = tuple[str, str | None, dict[str, float]]
"""(respondent id, role, {indicator id: answer})."""


def survey_of(regions: Mapping[tuple[str, Any], Iterable[Row]], ids: bool = True
              ) -> SurveyData:
    """A survey from respondent rows per region-year (with respondent ids unless ``ids``)."""
    survey = SurveyData()
    for key, rows in regions.items():
        data = survey.regions.setdefault(key, RegionData())
        for respondent, role, answers in rows:
            data.respondents.add(respondent)
            if role is not None:
                data.roles[role] = data.roles.get(role, 0) + 1
            for ind_id, value in answers.items():
                data.answers.setdefault(ind_id, Answers()).add(
                    value, role, respondent if ids else None)
    return survey


def one_row(key: tuple[str, int | None], answers: dict[str, float]
            ) -> dict[tuple[str, int | None], list[Row]]:
    """A region-year with a single row (official statistics)."""
    return {key: [(f"{key[0]}#{key[1]}", None, answers)]}
