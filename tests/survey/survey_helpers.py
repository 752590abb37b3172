"""Helpers for survey tests: write files, read them, look at the problems."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from smartcity_assess.errors import InputError, Problem
from smartcity_assess.indicators.model import Group, Indicator, IndicatorSet
from smartcity_assess.survey.data import SurveyData
from smartcity_assess.survey.load import read_survey
from smartcity_assess.text import Text


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, title: str = "Data",
               extra: dict[str, Sequence[Sequence[Any]]] | None = None) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for name, other in (extra or {}).items():
        more = workbook.create_sheet(name)
        for row in other:
            more.append(list(row))
    workbook.save(path)
    return path


def problems(paths: Sequence[Path | str], iset: IndicatorSet, **options: Any) -> list[Problem]:
    """The problems read_survey raises (fails when it raises none)."""
    with pytest.raises(InputError) as caught:
        read_survey(paths, iset, **options)
    return list(caught.value.problems)


def only_problem(paths: Sequence[Path | str], iset: IndicatorSet, **options: Any) -> Problem:
    found = problems(paths, iset, **options)
    assert len(found) == 1, "\n".join(str(p) for p in found)
    return found[0]


def answers(data: SurveyData, indicator: str, region: str = "Tegal", year: int | None = 2025
            ) -> list[float]:
    return sorted(data.regions[(region, year)].answers[indicator].values)


def pairs(data: SurveyData, indicator: str, region: str = "Tegal", year: int | None = 2025
          ) -> list[tuple[float, str | None]]:
    found = data.regions[(region, year)].answers[indicator]
    return sorted(zip(found.values, found.roles, strict=True),
                  key=lambda p: (p[0], p[1] or ""))


def _levels(*levels: int) -> tuple[tuple[int, Text], ...]:
    return tuple((level, Text.of(f"level {level}")) for level in levels)


def make_set(ignore_columns: tuple[str, ...] = ()) -> IndicatorSet:
    """Six indicators, one of each kind the readers treat differently."""
    infra = Group(id="infra", title=Text.of({"id": "Infrastruktur", "en": "Infrastructure"}),
                  kind="pillar", children=(
        Indicator(id="net", title=Text.of("Households online"), type="percent",
                  goalposts=(0.0, 100.0), valid_range=(0.0, 100.0), unit="%",
                  question=Text.of({"id": "Persen rumah tangga online?",
                                    "en": "Share of households online?"})),
        Indicator(id="wifi", title=Text.of("Public wifi spots"), type="number",
                  goalposts=(0.0, 10.0), valid_range=(0.0, 50.0), unit="per 10k"),
        Indicator(id="speed", title=Text.of("Median speed"), type="number",
                  goalposts=(1.0, 100.0)),
    ))
    gov = Group(id="gov", title=Text.of({"id": "Pemerintahan", "en": "Government"}),
                kind="pillar", children=(
        Indicator(id="online", title=Text.of("Services online"), type="likert",
                  goalposts=(1.0, 5.0), levels=_levels(1, 2, 3, 4, 5), roles=("opd",)),
        Indicator(id="plan", title=Text.of("Masterplan adopted"), type="boolean",
                  goalposts=(0.0, 100.0)),
        Indicator(id="open", title=Text.of("Open data"), type="choice",
                  goalposts=(0.0, 100.0),
                  choices=(("none", 0.0), ("partial", 50.0), ("full", 100.0))),
    ))
    return IndicatorSet(id="t", version="1", title=Text.of("Test set"), pillars=(infra, gov),
                        ignore_columns=ignore_columns)
