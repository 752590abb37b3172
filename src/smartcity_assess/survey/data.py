"""Survey data after reading and checking: answers grouped by region-year and indicator."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..scoring.results import InputFile

RegionYear = tuple[str, int | None]


@dataclass
class Answers:
    """All answers to one indicator in one region-year, as raw numbers.

    Columns are kept as parallel lists because a survey can hold millions of cells.
    """

    values: list[float] = field(default_factory=list)
    roles: list[str | None] = field(default_factory=list)

    def add(self, value: float, role: str | None) -> None:
        """Append one answer."""
        self.values.append(value)
        self.roles.append(role)


@dataclass
class RegionData:
    """Everything known about one region-year."""

    answers: dict[str, Answers] = field(default_factory=dict)
    """Indicator id → answers."""
    respondents: set[str] = field(default_factory=set)
    """Distinct respondent ids (or ``file#row`` where the data has no respondent column)."""
    roles: dict[str, int] = field(default_factory=dict)
    """Respondents per role."""


@dataclass
class SurveyData:
    """Survey data merged from one or more files, checked against an indicator set."""

    regions: dict[RegionYear, RegionData] = field(default_factory=dict)
    files: list[InputFile] = field(default_factory=list)

    def region_years(self) -> list[RegionYear]:
        """Region-years present, sorted by region then year."""
        return sorted(self.regions, key=lambda ry: (ry[0], -1 if ry[1] is None else ry[1]))
