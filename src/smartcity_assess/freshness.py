"""How fresh each data source is: its date, and whether it is older than the plan allows.

Every source of an assessment (survey files, problem layers, complaint exports, boundary
files) gets a date from its content — the latest year of a survey file's rows, the latest
complaint received, the latest event of a layer — or, failing that, from a date the file
declares (a GeoJSON ``"date"`` member). Never from the file's modification time: a copy or a
checkout changes it, and the same inputs must give the same outputs.

A date may be a year (``2025``: read as the year's last day, so a survey of 2025 is never
older than it can be) or a day (``2024-09-30``). A plan's ``max_age`` (docs/plan-file.md) says
how old a source may be on the report's date; an older source is *stale*: a notice on the
terminal and a flag in the masterplan's table of sources.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

SourceKind = Literal["survey", "layer", "complaints", "boundaries"]
Basis = Literal["data", "declared", "unknown"]

_DURATION = re.compile(r"^\s*(\d{1,4})\s*(y|m|d)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class MaxAge:
    """How old a source may be: ``amount`` years, months or days."""

    amount: int
    unit: Literal["y", "m", "d"]

    @classmethod
    def parse(cls, text: str) -> MaxAge:
        """``2y``, ``18m`` or ``90d`` (ValueError otherwise)."""
        found = _DURATION.match(text)
        if found is None or int(found.group(1)) == 0:
            raise ValueError(text)
        unit = found.group(2).lower()
        assert unit in ("y", "m", "d")
        return cls(int(found.group(1)), unit)  # type: ignore[arg-type]  # checked just above

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def limit(self, today: dt.date) -> dt.date:
        """The oldest date a source may have on ``today``."""
        if self.unit == "d":
            return today - dt.timedelta(days=self.amount)
        months = self.amount * (12 if self.unit == "y" else 1)
        year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
        month += 1
        day = min(today.day, _days_in(year, month))
        return dt.date(year, month, day)


def _days_in(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


@dataclass(frozen=True)
class SourceDate:
    """One data source and its date."""

    label: str
    """The file as the user named it."""
    kind: SourceKind
    date: str | None
    """``YYYY`` or ``YYYY-MM-DD``; None when neither the data nor the file gives one."""
    basis: Basis
    """Where the date comes from: the data, a date the file declares, or nowhere."""

    def as_date(self) -> dt.date | None:
        """The date as a day (a year is its last day)."""
        if self.date is None:
            return None
        if len(self.date) == 4:
            return dt.date(int(self.date), 12, 31)
        return dt.date.fromisoformat(self.date)

    def stale(self, max_age: MaxAge | None, today: dt.date) -> bool:
        """True when the source is older than ``max_age`` on ``today`` (never without a
        date or a limit)."""
        day = self.as_date()
        return day is not None and max_age is not None and day < max_age.limit(today)


def latest_year(years: list[int]) -> str | None:
    """The latest of some years as a source date."""
    return f"{max(years):04d}" if years else None


def later(first: str | None, second: str | None) -> str | None:
    """The later of two source dates (a year counts as its last day)."""
    if first is None or second is None:
        return first or second
    a = SourceDate("", "survey", first, "data").as_date()
    b = SourceDate("", "survey", second, "data").as_date()
    assert a is not None and b is not None
    return first if a >= b else second


def iso_date(value: object) -> str | None:
    """A declared date as ``YYYY-MM-DD`` or ``YYYY`` (None when it is not one)."""
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return f"{value:04d}"
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}", text) and 1900 <= int(text) <= 2200:
        return text
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None
