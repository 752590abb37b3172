"""Bootstrap confidence intervals: resample respondents, recompute the whole tree, take
percentiles. Seeded (``random.Random(seed)``), so the same input gives the same intervals.

Resampling is stratified so that the design of the survey is kept in every draw:

* with respondent ids (``Answers.respondents``), whole respondents are drawn with replacement
  within each region-year and within each *stratum*: respondents of one role linked by the
  indicators they answer. A citizen's answers move together (the correlation between
  indicators is kept); a citizen survey, an agency self-assessment and a row of official
  statistics are separate strata, so the single statistics row is in every draw.
* without ids, each indicator's answers are drawn with replacement within each role,
  independently of the other indicators (a simplification that ignores the correlation
  between a respondent's answers; intervals of groups are then somewhat too narrow when
  answers correlate positively).

A stratum of one respondent (a row of official statistics) is the same in every draw, so its
indicators get intervals of zero width — correct: there is no sampling variation to show.
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Sequence
from operator import mul

from ..indicators.model import Indicator
from ..survey.data import RegionData, RegionYear, SurveyData
from .combine import combine_values, usable_answers
from .results import Interval
from .run import Config, Run, score_run
from .stats import quantile
from .tree import Tree

_FAST_RULES = frozenset({"mean", "share"})


class _Entries:
    """The usable answers of one indicator in one region-year, by resampling unit."""

    __slots__ = ("indicator", "units", "values", "weights", "weighted", "fast")

    def __init__(self, indicator: Indicator, units: list[int], values: list[float],
                 weights: list[float]) -> None:
        self.indicator = indicator
        self.units = units
        self.values = values
        self.weights = weights
        rule = indicator.respondents
        outliers = indicator.outliers
        self.fast = rule in _FAST_RULES and not (outliers is not None
                                                 and outliers.over == "answers")
        if rule == "share":
            threshold = 1.0 if indicator.share_from is None else indicator.share_from
            self.weighted = [100.0 * w if v >= threshold else 0.0
                             for v, w in zip(values, weights, strict=True)]
        else:
            self.weighted = [v * w for v, w in zip(values, weights, strict=True)]

    def value(self, counts: Sequence[int]) -> float | None:
        """The combined value when unit ``u`` is drawn ``counts[u]`` times."""
        if self.fast:
            drawn = [counts[u] for u in self.units]
            n = sum(drawn)
            bottom: float = sum(map(mul, drawn, self.weights))
            if n < self.indicator.min_answers or bottom <= 0:
                return None
            top: float = sum(map(mul, drawn, self.weighted))
            return top / bottom
        values: list[float] = []
        weights: list[float] = []
        for unit, v, w in zip(self.units, self.values, self.weights, strict=True):
            c = counts[unit]
            if c:
                values.extend([v] * c)
                weights.extend([w] * c)
        if not values or len(values) < self.indicator.min_answers:
            return None
        return combine_values(self.indicator, values, weights)[0]


class Resampler:
    """One region-year's answers arranged for fast stratified resampling."""

    def __init__(self, tree: Tree, data: RegionData, by_respondent: bool) -> None:
        role_weights = dict(tree.set.role_weights)
        self.entries: list[_Entries | None] = []
        unit_of: dict[str, int] = {}
        strata_keys: list[tuple[str, str | None]] = []  # per unit, for answer-level strata
        links: list[list[int]] = []  # groups of units that must share a stratum
        for ind in tree.indicators:
            answers = data.answers.get(ind.id)
            values, weights, positions = usable_answers(ind, answers, role_weights)
            if answers is None or not values:
                self.entries.append(None)
                continue
            used = range(len(values)) if positions is None else positions
            roles = [answers.roles[p] for p in used]
            units: list[int] = []
            if by_respondent:
                for p in used:
                    rid = answers.respondents[p]
                    unit = unit_of.get(rid)
                    if unit is None:
                        unit = unit_of[rid] = len(unit_of)
                    units.append(unit)
                by_role: dict[str | None, list[int]] = {}
                for unit, role in zip(units, roles, strict=True):
                    by_role.setdefault(role, []).append(unit)
                links.extend(by_role.values())
            else:
                for role in roles:
                    units.append(len(strata_keys))
                    strata_keys.append((ind.id, role))
            self.entries.append(_Entries(ind, units, list(values), list(weights)))
        if by_respondent:
            self.strata = _components(len(unit_of), links)
            size = len(unit_of)
        else:
            grouped: dict[tuple[str, str | None], list[int]] = {}
            for unit, key in enumerate(strata_keys):
                grouped.setdefault(key, []).append(unit)
            self.strata = list(grouped.values())
            size = len(strata_keys)
        self.base = [0] * size
        for stratum in self.strata:
            if len(stratum) == 1:
                self.base[stratum[0]] = 1
        self.varying = [s for s in self.strata if len(s) > 1]

    @property
    def constant(self) -> bool:
        """True when every draw reproduces the data (every stratum has one unit)."""
        return not self.varying

    def draw(self, rng: random.Random) -> list[float | None]:
        """Combined values of every indicator in one bootstrap draw."""
        counts = self.base[:]
        rand = rng.random
        for stratum in self.varying:
            m = len(stratum)
            for _ in range(m):
                counts[stratum[int(rand() * m)]] += 1
        return [None if e is None else e.value(counts) for e in self.entries]


def _components(size: int, links: Sequence[Sequence[int]]) -> list[list[int]]:
    """Connected groups of units (union–find), each sorted, in order of their first unit."""
    parent = list(range(size))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in links:
        first = find(group[0])
        for unit in group[1:]:
            other = find(unit)
            if other != first:
                parent[other] = first
    members: dict[int, list[int]] = {}
    for unit in range(size):
        members.setdefault(find(unit), []).append(unit)
    return sorted(members.values(), key=lambda m: m[0])


def has_respondent_ids(tree: Tree, survey: SurveyData) -> bool:
    """True when every answer to an indicator of the set carries its respondent's id."""
    for data in survey.regions.values():
        for ind in tree.indicators:
            answers = data.answers.get(ind.id)
            if answers is not None and answers.values and (
                    len(answers.respondents) != len(answers.values)):
                return False
    return True


def bootstrap_intervals(tree: Tree, keys: Sequence[RegionYear], survey: SurveyData,
                        config: Config, combined: Sequence[list[float | None]], point: Run,
                        draws: int, seed: int, confidence: float
                        ) -> tuple[list[list[Interval | None]], str]:
    """Percentile intervals for every node of every region-year, and the resampling level.

    ``combined`` holds the combined values of the data (stage 1, before outlier treatment and
    imputation), ``point`` the run they gave; a draw replaces the combined values of each
    region-year that can vary and replays stages 2–6.
    """
    by_respondent = has_respondent_ids(tree, survey)
    level = "respondents" if by_respondent else "answers"
    resamplers = [Resampler(tree, survey.regions[key], by_respondent) for key in keys]
    varying = [r for r, rs in enumerate(resamplers) if not rs.constant]
    spans = config.spans_region_years
    tracked = list(range(len(keys))) if (spans and varying) else varying
    samples: dict[int, list[array[float]]] = {
        r: [array("d") for _ in range(tree.size)] for r in tracked}
    rng = random.Random(seed)
    nan = math.nan
    for _ in range(draws if varying else 0):
        values = list(combined)
        for r in varying:
            values[r] = resamplers[r].draw(rng)
        if spans:
            run = score_run(tree, keys, values, config)
            for r in tracked:
                scores, _ = tree.evaluate(run.scores[r], run.coverage[r])
                for node, s in enumerate(scores):
                    samples[r][node].append(nan if s is None else s)
        else:
            for r in tracked:
                run = score_run(tree, [keys[r]], [values[r]], config)
                scores, _ = tree.evaluate(run.scores[0], run.coverage[0])
                for node, s in enumerate(scores):
                    samples[r][node].append(nan if s is None else s)

    low_p, high_p = (1 - confidence) / 2, (1 + confidence) / 2
    out: list[list[Interval | None]] = []
    for r in range(len(keys)):
        point_scores, _ = tree.evaluate(point.scores[r], point.coverage[r])
        row: list[Interval | None] = []
        for node, score in enumerate(point_scores):
            if score is None:
                row.append(None)
            elif r not in samples:
                row.append(Interval(score, score, draws))
            else:
                drawn = sorted(s for s in samples[r][node] if s == s)
                row.append(Interval(quantile(drawn, low_p), quantile(drawn, high_p),
                                    len(drawn)) if drawn else None)
        out.append(row)
    return out, level

