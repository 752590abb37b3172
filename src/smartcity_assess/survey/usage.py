"""Which answers of each file count, and why the others do not: nothing is dropped silently.

While a survey is read, each file's answers are counted per indicator and role
(:class:`FileUsage`), with the non-empty cells of ignored columns and duplicate
submissions. At the end, :func:`unused_of` turns the counts into
:class:`~smartcity_assess.scoring.results.Unused` records by reason:

``role-not-asked``
    an answer to an indicator from a role it does not ask (an ``umkm`` row answering a
    question for ``warga``);
``role-weight-zero``
    the set gives the role weight 0 (``role_weights``);
``below-min-answers``
    the indicator has fewer answers in that region-year than its ``min_answers``, so it is
    not scored there;
``ignored-column``
    a value in a column the set's ``ignore_columns`` or ``--ignore-column`` names;
``duplicate``
    a submission exported twice (the same ``_uuid`` of a form tool, with the same answers).

Counting is vectorised: one ``bincount`` of role codes per region-year and indicator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..indicators.model import Indicator, IndicatorSet
from ..scoring.results import Unused
from .roles import Roles

if TYPE_CHECKING:
    import numpy.typing as npt

    from .data import Answers

REASONS = ("role-not-asked", "role-weight-zero", "duplicate", "ignored-column",
           "below-min-answers")
"""Why an answer read does not count, in the order they are listed (the many records of a
pilot's small sample last)."""


class FileUsage:
    """The counts of one file, filled while its answers are filed."""

    def __init__(self) -> None:
        self.by_role: dict[str, npt.NDArray[np.int64]] = {}
        """Indicator id → answers per role code."""
        self.usable: defaultdict[tuple[int, str], int] = defaultdict(int)
        """(region-year code, indicator id) → answers that count (before ``min_answers``)."""
        self.ignored: defaultdict[str, int] = defaultdict(int)
        """Ignored column → cells with a value."""
        self.duplicates = 0
        """Answers in duplicate submissions (not filed)."""

    def add(self, code: int, indicator: Indicator, answers: Answers,
            weights: npt.NDArray[np.float64]) -> int:
        """Count one region-year's answers to one indicator (``weights``: per role code);
        return how many count."""
        counts = np.bincount(answers.role_codes, minlength=len(weights)).astype(np.int64)
        found = self.by_role.get(indicator.id)
        if found is None:
            self.by_role[indicator.id] = counts
        else:
            if len(found) < len(counts):
                found = self.by_role[indicator.id] = np.pad(found, (0, len(counts) - len(found)))
            found[:len(counts)] += counts
        usable = int(counts[weights[:len(counts)] > 0].sum())
        if usable:
            self.usable[(code, indicator.id)] += usable
        return usable

    def ignored_cells(self, column: str, cells: Sequence[Any]) -> None:
        """Count the cells with a value in an ignored column."""
        filled = sum(1 for cell in cells if not isinstance(cell, str) or cell.strip())
        if filled:
            self.ignored[column] += filled

    @property
    def filed(self) -> int:
        """Answers filed under their region-year (every role)."""
        return sum(int(counts.sum()) for counts in self.by_role.values())


def role_weights(roles: Roles, indicator: Indicator, names: Sequence[str | None]
                 ) -> npt.NDArray[np.float64]:
    """The weight of an answer from each role of ``names`` (0: it does not count)."""
    return np.array([roles.weight(indicator, name) for name in names], dtype=np.float64)


def unused_of(usage: FileUsage, roles: Roles, indicators: dict[str, Indicator],
              names: Sequence[str | None], short: dict[tuple[int, str], int]
              ) -> tuple[int, int, tuple[Unused, ...]]:
    """(answers read, answers used, unused by reason) of one file. ``short`` holds the
    (region-year, indicator) pairs below ``min_answers`` over the whole survey."""
    found: list[Unused] = []
    for ind_id, counts in usage.by_role.items():
        indicator = indicators[ind_id]
        for code in np.flatnonzero(counts).tolist():
            name = names[code]
            if roles.weight(indicator, name) > 0:
                continue
            reason = ("role-not-asked" if indicator.roles and name not in indicator.roles
                      else "role-weight-zero")
            found.append(Unused(reason, int(counts[code]), indicator=ind_id, role=name))
    below: defaultdict[str, int] = defaultdict(int)
    for key, n in usage.usable.items():
        if key in short:
            below[key[1]] += n
    found.extend(Unused("below-min-answers", n, indicator=ind_id)
                 for ind_id, n in below.items())
    found.extend(Unused("ignored-column", n, column=column)
                 for column, n in usage.ignored.items())
    if usage.duplicates:
        found.append(Unused("duplicate", usage.duplicates))
    order = {reason: i for i, reason in enumerate(REASONS)}
    found.sort(key=lambda u: (order[u.reason], -u.count, u.indicator or "", u.role or "",
                              u.column or ""))
    read = usage.filed + sum(usage.ignored.values()) + usage.duplicates
    return read, read - sum(u.count for u in found), tuple(found)


def short_pairs(usable: dict[tuple[int, str], int], indicators: dict[str, Indicator]
                ) -> dict[tuple[int, str], int]:
    """(region-year code, indicator id) → answers, where some answers count but fewer than
    the indicator's ``min_answers``."""
    return {key: n for key, n in usable.items()
            if 0 < n < indicators[key[1]].min_answers}


UNUSED_KEYS = {"role-not-asked": ("unused_role_not_asked_one", "unused_role_not_asked"),
               "role-weight-zero": ("unused_role_weight_zero_one", "unused_role_weight_zero"),
               "below-min-answers": ("unused_below_min_answers_one",
                                     "unused_below_min_answers"),
               "ignored-column": ("unused_ignored_column_one", "unused_ignored_column"),
               "duplicate": ("unused_duplicate_one", "unused_duplicate")}
"""Reason → catalogue keys of the sentence about one answer, and about several."""
REASON_KEYS = {"role-not-asked": "reason_role-not-asked",
               "role-weight-zero": "reason_role-weight-zero",
               "below-min-answers": "reason_below-min-answers",
               "ignored-column": "reason_ignored-column",
               "duplicate": "reason_duplicate"}
"""Reason → catalogue key of its short name."""


def describe(unused: Unused, indicator_set: IndicatorSet, lang: str,
             label: Callable[[str], str] | None = None) -> str:
    """One record of unused answers as a sentence in ``lang``. ``label`` names an
    indicator (default: its title in ``lang`` and its id)."""
    from ..messages import text, tr
    from ..numbers import format_number

    indicators = indicator_set.indicator_map()

    def name(ind_id: str) -> str:
        if label is not None:
            return label(ind_id)
        found = indicators.get(ind_id)
        title = found.title.get(lang) if found is not None else ""
        return f"“{title}” ({ind_id})" if title and title != ind_id else repr(ind_id)

    indicator = indicators.get(unused.indicator or "")
    one, many = UNUSED_KEYS[unused.reason]
    return tr(one if unused.count == 1 else many, lang,
              n=format_number(unused.count, lang, 0),
              indicator=name(unused.indicator) if unused.indicator else "",
              role=unused.role or text("unused_no_role", lang),
              asked=", ".join(indicator.roles) if indicator is not None else "",
              need=indicator.min_answers if indicator is not None else "",
              column=repr(unused.column or ""))


def reasons_text(unused: Iterable[Unused], lang: str) -> str:
    """``role not asked: 12; ignored column: 3``: the unused answers summed per reason."""
    from ..messages import text
    from ..numbers import format_number

    totals: dict[str, int] = dict.fromkeys(REASONS, 0)
    for record in unused:
        totals[record.reason] += record.count
    return "; ".join(f"{text(REASON_KEYS[reason], lang)}: {format_number(n, lang, 0)}"
                     for reason, n in totals.items() if n)
