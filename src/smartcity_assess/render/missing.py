"""Why a score is missing, in words a person reads ("6 indikator perlu 50 jawaban; ada 3").

The engine leaves an indicator unscored when it has no answers or fewer than its
``min_answers``, and a pillar or dimension unscored when too few of its indicators are scored
(its ``min_coverage``). :func:`reasons` reads this back from a region-year's result and says
it in the run's language, grouped, so that a pilot with three respondents learns that six
indicators need fifty answers instead of seeing "not assessed" and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..indicators.model import IndicatorSet
from ..messages import tr
from ..numbers import format_percent
from ..scoring.results import GroupResult, RegionResult


@dataclass(frozen=True)
class Shortfall:
    """Indicators of one region-year left unscored for want of answers."""

    need: int
    """Answers each of them needs (``min_answers``); 1 for "no answers at all"."""
    count: int
    """How many indicators."""
    low: int
    high: int
    """Fewest and most answers they have."""


def shortfalls(result: RegionResult, indicator_set: IndicatorSet) -> list[Shortfall]:
    """Unscored indicators grouped by the answers they need, most needed first; those with
    no answer at all last (``need`` 1, ``low`` = ``high`` = 0)."""
    indicators = indicator_set.indicator_map()
    groups: dict[int, list[int]] = {}
    empty = 0
    for res in result.indicators():
        if res.score is not None or res.imputed:
            continue
        need = indicators[res.id].min_answers if res.id in indicators else 1
        if res.n == 0:
            empty += 1
        elif res.n < need:
            groups.setdefault(need, []).append(res.n)
    found = [Shortfall(need, len(have), min(have), max(have))
             for need, have in sorted(groups.items(), reverse=True)]
    if empty:
        found.append(Shortfall(1, empty, 0, 0))
    return found


def reasons(result: RegionResult, indicator_set: IndicatorSet, lang: str) -> list[str]:
    """Every reason a score of this region-year is missing, one sentence each: indicators
    short of answers, then groups (pillars, dimensions) short of scored indicators."""
    lines = []
    for short in shortfalls(result, indicator_set):
        have = str(short.low) if short.low == short.high else f"{short.low}–{short.high}"
        if short.high == 0:
            key = "why_no_answers_one" if short.count == 1 else "why_no_answers"
            lines.append(tr(key, lang, count=short.count))
        else:
            key = "why_fewer_one" if short.count == 1 else "why_fewer"
            lines.append(tr(key, lang, count=short.count, need=short.need, have=have))
    titles = {g.id: g.title.get(lang) or g.id for g in indicator_set.groups()}
    minimum = {g.id: g.min_coverage for g in indicator_set.groups()}

    def walk(group: GroupResult) -> None:
        if group.score is None:
            floor = minimum.get(group.id, 0.0)
            if group.aggregation == "geometric" and group.coverage + 1e-12 >= floor:
                lines.append(tr("why_geometric_zero", lang,
                                name=titles.get(group.id, group.id)))
                return
            lines.append(tr("why_coverage", lang, name=titles.get(group.id, group.id),
                            coverage=format_percent(group.coverage, lang),
                            minimum=format_percent(floor, lang)))
            return  # the groups below say nothing more than their parent
        for child in group.children:
            if isinstance(child, GroupResult):
                walk(child)

    for pillar in result.pillars:
        walk(pillar)
    if result.score is None and indicator_set.aggregation == "geometric" and (
            result.coverage + 1e-12 >= indicator_set.min_coverage):
        lines.append(tr("why_geometric_zero", lang, name=tr("why_the_index", lang)))
    elif result.score is None:
        lines.append(tr("why_index", lang, coverage=format_percent(result.coverage, lang),
                        minimum=format_percent(indicator_set.min_coverage, lang)))
    return lines
