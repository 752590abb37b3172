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
    respondents: list[str] = field(default_factory=list)
    """Respondent id of each answer, parallel to ``values`` — or empty when the reader did not
    record them. With ids, the bootstrap resamples whole respondents and Cronbach's alpha can
    be computed; without, the bootstrap resamples each indicator's answers independently."""

    def add(self, value: float, role: str | None, respondent: str | None = None) -> None:
        """Append one answer (with its respondent's id when known)."""
        self.values.append(value)
        self.roles.append(role)
        if respondent is not None:
            self.respondents.append(respondent)


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
