"""Answers collected as columns while a file is read, filed per region-year at its end.

A wide file gives, per block of rows, one code per row for its region-year, respondent, role
and (when the file names areas) area, and one dense column of values per indicator (NaN where
a row did not answer). A long file gives one answer per row. At the end of the file the rows
are put in region-year order (a stable sort: within a region-year the answers keep the file's
order) and each region-year's answers to each indicator become one :class:`~.data.Answers`
part, its columns slices of the file's. Codes index tables shared by every file of a survey
(:class:`~.data.Labels`), so that parts of several files join without re-coding.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .data import Answers, Labels

Codes = npt.NDArray[np.int32]
Part = tuple[int, str, Answers]
"""(region-year code, indicator id, answers)."""


def _role_dtype(roles: Labels) -> np.dtype[Any]:
    return np.dtype(np.uint8 if len(roles) <= 256 else np.int32)


class WideAnswers:
    """The answers of one wide file."""

    def __init__(self, indicators: Sequence[str], roles: Labels, respondents: Labels,
                 areas: Labels | None = None) -> None:
        self.indicators = list(indicators)
        self.role_labels = roles
        self.respondent_labels = respondents
        self.area_labels = areas
        """The survey's table of areas, when this file names areas (else None)."""
        self.groups: list[Codes] = []
        self.respondents: list[Codes] = []
        self.roles: list[Codes] = []
        self.areas: list[Codes] = []
        self.values: list[list[npt.NDArray[np.float64]]] = [[] for _ in indicators]

    def add(self, groups: Codes, respondents: Codes, roles: Codes,
            columns: Sequence[npt.NDArray[np.float64]], areas: Codes | None = None) -> None:
        """One block: per row its region-year (−1: not filed), respondent, role and area
        (−1: the whole region) codes; per indicator its values (NaN: not answered)."""
        self.groups.append(groups)
        self.respondents.append(respondents)
        self.roles.append(roles)
        if self.area_labels is not None:
            self.areas.append(areas if areas is not None
                              else np.full(len(groups), -1, dtype=np.int32))
        for store, column in zip(self.values, columns, strict=True):
            store.append(column)

    def parts(self) -> Iterator[Part]:
        """Each region-year's answers to each indicator (indicators without answers left out)."""
        if not self.groups:
            return
        groups = np.concatenate(self.groups)
        order = np.argsort(groups, kind="stable")
        ordered = groups[order]
        respondents = np.concatenate(self.respondents)[order]
        roles = np.concatenate(self.roles)[order].astype(_role_dtype(self.role_labels))
        areas = np.concatenate(self.areas)[order] if self.area_labels is not None else None
        segments = _segments(ordered)
        self.groups = self.respondents = self.roles = self.areas = []
        for ind_id, store in zip(self.indicators, self.values, strict=True):
            values = np.concatenate(store)[order]
            store.clear()
            answered = ~np.isnan(values)
            for code, a, b in segments:
                mask = answered[a:b]
                if not mask.any():
                    continue
                if mask.all():
                    yield code, ind_id, Answers.of(
                        values[a:b], roles[a:b], self.role_labels, respondents[a:b],
                        self.respondent_labels, None if areas is None else areas[a:b],
                        self.area_labels)
                else:
                    yield code, ind_id, Answers.of(
                        values[a:b][mask], roles[a:b][mask], self.role_labels,
                        respondents[a:b][mask], self.respondent_labels,
                        None if areas is None else areas[a:b][mask], self.area_labels)


class LongAnswers:
    """The answers of one long file, one row at a time."""

    def __init__(self, roles: Labels, respondents: Labels, areas: Labels | None = None
                 ) -> None:
        self.role_labels = roles
        self.respondent_labels = respondents
        self.area_labels = areas
        """The survey's table of areas, when this file names areas (else None)."""
        self.indicators = Labels()
        self.groups = array("i")
        self.respondents = array("i")
        self.roles = array("i")
        self.areas = array("i")
        self.which = array("i")
        self.values = array("d")

    def add(self, group: int, respondent: int, role: int, ind_id: str, value: float,
            area: int = -1) -> None:
        self.groups.append(group)
        self.respondents.append(respondent)
        self.roles.append(role)
        if self.area_labels is not None:
            self.areas.append(area)
        self.which.append(self.indicators.code(ind_id))
        self.values.append(value)

    def parts(self) -> Iterator[Part]:
        if not self.values:
            return
        groups = np.frombuffer(self.groups, dtype=np.int32)
        which = np.frombuffer(self.which, dtype=np.int32)
        order = np.lexsort((which, groups))
        key = groups[order].astype(np.int64) * max(len(self.indicators), 1) + which[order]
        values = np.frombuffer(self.values, dtype=np.float64)[order]
        respondents = np.frombuffer(self.respondents, dtype=np.int32)[order]
        roles = np.frombuffer(self.roles, dtype=np.int32)[order].astype(
            _role_dtype(self.role_labels))
        areas = (np.frombuffer(self.areas, dtype=np.int32)[order]
                 if self.area_labels is not None else None)
        for code, a, b in _segments(key):
            group, ind = divmod(code, max(len(self.indicators), 1))
            yield group, self.indicators.names[ind], Answers.of(
                values[a:b], roles[a:b], self.role_labels, respondents[a:b],
                self.respondent_labels, None if areas is None else areas[a:b],
                self.area_labels)


def _segments(ordered: npt.NDArray[np.integer[Any]]) -> list[tuple[int, int, int]]:
    """(value, start, end) of each run of equal non-negative values in sorted ``ordered``."""
    if not len(ordered):
        return []
    edges = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
    starts = np.concatenate(([0], edges)).tolist()
    ends = np.concatenate((edges, [len(ordered)])).tolist()
    return [(int(ordered[a]), a, b) for a, b in zip(starts, ends, strict=True)
            if ordered[a] >= 0]
