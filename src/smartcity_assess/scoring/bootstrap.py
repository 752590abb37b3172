"""Bootstrap confidence intervals: resample respondents, recompute the whole tree, take
percentiles. Seeded (the random stream of ``random.Random(seed)``), so the same input gives
the same intervals.

Resampling is stratified so that the design of the survey is kept in every draw:

* with respondent ids, whole respondents are drawn with replacement within each region-year
  and within each *stratum*: respondents of one role linked by the indicators they answer. A
  citizen's answers move together (the correlation between indicators is kept); a citizen
  survey, an agency self-assessment and a row of official statistics are separate strata, so
  the single statistics row is in every draw.
* without ids, each indicator's answers are drawn with replacement within each role,
  independently of the other indicators (a simplification that ignores the correlation
  between a respondent's answers; intervals of groups are then somewhat too narrow when
  answers correlate positively).

A stratum of one respondent (a row of official statistics) is the same in every draw, so its
indicators get intervals of zero width — correct: there is no sampling variation to show.

Speed: the draws of a region-year are made many at a time. A draw is a vector of counts (how
often each respondent is drawn); the combined value of a mean or a share over many draws is
one matrix product of the counts with the answers; medians, minima and maxima come from the
counts in the order of the answers' values. Only a weighted median and outlier treatment of
answers recombine draw by draw.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import numpy as np

from ..indicators.model import Indicator
from ..survey.data import RegionYear, SurveyData
from .columns import Column, Lineup
from .combine import combine_values
from .design import SurveyDesign, fpc_scale, poststrata
from .grouped import FloatArray, IntArray
from .indicator_scores import Config, Run, score_run
from .results import Interval
from .stats import quantile
from .tree import Tree

CHUNK = 2_000_000
"""Random numbers drawn at a time (draws are made in chunks of about this many numbers)."""


class _Answers:
    """One indicator's usable answers in one region-year: their units, values and weights."""

    __slots__ = ("indicator", "units", "values", "weights", "roles", "strata", "sizes")

    def __init__(self, indicator: Indicator, units: IntArray, values: FloatArray,
                 weights: FloatArray, roles: IntArray,
                 poststrata: tuple[IntArray, FloatArray] | None = None) -> None:
        self.indicator = indicator
        self.units = units
        self.values = values
        self.weights = weights
        self.roles = roles
        self.strata: IntArray | None = None
        """Each answer's post-stratum (None: not post-stratified)."""
        self.sizes: FloatArray | None = None
        """The population size of each post-stratum code."""
        if poststrata is not None:
            codes, sizes = poststrata
            known = (codes >= 0) & ~np.isnan(sizes[np.where(codes >= 0, codes, 0)])
            if len(codes) and known.all():
                self.strata, self.sizes = codes, sizes

    def stratum_weights(self, drawn: FloatArray) -> FloatArray:
        """Per draw (a row of ``drawn``, the count of each answer) and answer: its weight
        reweighted to its post-stratum's population share among the strata drawn
        (:func:`.design.poststratify` in each draw); the plain weights when not
        post-stratified."""
        if self.strata is None or self.sizes is None:
            return np.broadcast_to(self.weights, drawn.shape)
        codes, sizes = self.strata, self.sizes
        out = np.empty(drawn.shape)
        present = np.zeros(len(drawn))
        mass: dict[int, FloatArray] = {}
        for h in np.unique(codes).tolist():
            mass[h] = drawn[:, codes == h] @ self.weights[codes == h]
            present += np.where(mass[h] > 0, sizes[h], 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            for h, found in mass.items():
                share = sizes[h] / (found * present)
                out[:, codes == h] = self.weights[codes == h][None, :] * share[:, None]
        return np.nan_to_num(out)

    @property
    def fast(self) -> bool:
        """A mean or a share (without outlier treatment of answers): a ratio of two sums."""
        outliers = self.indicator.outliers
        return self.indicator.respondents in ("mean", "share") and not (
            outliers is not None and outliers.over == "answers")

    def points(self) -> FloatArray:
        """Each answer as the rule counts it: its value (for a share: 100 when at or above
        the threshold, else 0)."""
        ind = self.indicator
        if ind.respondents == "share":
            threshold = 1.0 if ind.share_from is None else ind.share_from
            return np.where(self.values >= threshold, 100.0, 0.0)
        return self.values

    def weighted(self) -> FloatArray:
        """Each answer's contribution to the top of the ratio (value × weight; for a share,
        100 × weight when at or above the threshold)."""
        return self.points() * self.weights

    def combined(self, counts: FloatArray, scaled: FloatArray | None = None) -> FloatArray:
        """The combined value in each draw (a row of ``counts`` per draw; NaN: not assessed).
        ``scaled``: the counts with the finite-population correction, for means and shares
        (the other rules draw whole respondents and are not corrected)."""
        ind = self.indicator
        drawn = counts[:, self.units]
        n = drawn.sum(axis=1)
        rule = ind.respondents
        outliers = ind.outliers
        treated = outliers is not None and outliers.over == "answers"
        uniform = bool((self.weights == self.weights[0]).all()) and self.strata is None
        if self.fast:
            share = drawn if scaled is None else scaled[:, self.units]
            if self.strata is not None:
                weights = self.stratum_weights(share)
                bottom = (share * weights).sum(axis=1)
                top = (share * weights) @ self.points()
            else:
                bottom = share @ self.weights
                top = share @ self.weighted()
            with np.errstate(invalid="ignore", divide="ignore"):
                value = top / bottom
            return np.where((n >= ind.min_answers) & (bottom > 0), value, np.nan)
        empty = (n == 0) | (n < ind.min_answers)
        if not treated and rule in ("min", "max"):
            fill = np.inf if rule == "min" else -np.inf
            picked = np.where(drawn > 0, self.values, fill)
            value = picked.min(axis=1) if rule == "min" else picked.max(axis=1)
            return np.where(empty, np.nan, value)
        if not treated and rule == "median" and uniform:
            order = np.argsort(self.values, kind="stable")
            ordered = self.values[order]
            running = np.cumsum(drawn[:, order], axis=1)
            total = running[:, -1:]
            below = (running <= (total - 1) // 2).sum(axis=1)
            upper = (running <= total // 2).sum(axis=1)
            last = len(ordered) - 1
            low = ordered[np.minimum(below, last)]
            high = ordered[np.minimum(upper, last)]
            value = np.where(total[:, 0] % 2 == 1, high, (low + high) / 2)
            return np.where(empty, np.nan, value)
        out = np.full(len(counts), np.nan)
        values = self.values.tolist()
        reweighted = self.stratum_weights(drawn) if self.strata is not None else None
        for d, row in enumerate(drawn.astype(np.int64).tolist()):
            if empty[d]:
                continue
            weights = (self.weights if reweighted is None else reweighted[d]).tolist()
            vs: list[float] = []
            ws: list[float] = []
            for c, v, w in zip(row, values, weights, strict=True):
                if c:
                    vs.extend([v] * c)
                    ws.extend([w] * c)
            out[d] = combine_values(ind, vs, ws)[0]
        return out


class Resampler:
    """One region-year's usable answers arranged for stratified resampling."""

    def __init__(self, tree: Tree, columns: Sequence[Column], g: int,
                 by_respondent: bool,
                 poststrata: Sequence[tuple[IntArray, FloatArray] | None] | None = None,
                 design: SurveyDesign | None = None,
                 role_names: Sequence[str | None] = ()) -> None:
        self.by_respondent = by_respondent
        self._matrices: tuple[list[int], FloatArray, FloatArray, FloatArray] | None = None
        self.entries: list[_Answers | None] = []
        unit_of: dict[int, int] = {}
        links: list[IntArray] = []     # groups of units that must share a stratum
        answer_strata: list[tuple[int, int, int]] = []  # per unit without ids: (indicator,
        # role, design stratum)
        unit_roles: dict[int, int] = {}
        size = 0
        for i, ind in enumerate(tree.indicators):
            column = columns[i]
            a, b = int(column.starts[g]), int(column.starts[g + 1])
            if a == b:
                self.entries.append(None)
                continue
            roles = column.roles[a:b]
            # resampling strata: a role, and within it the survey's design stratum
            cells = (roles * 65536 + column.strata[a:b] + 1 if column.strata is not None
                     else roles)
            if by_respondent:
                codes = column.respondents[a:b].tolist()
                for code in codes:
                    if code not in unit_of:
                        unit_of[code] = len(unit_of)
                units = np.array([unit_of[c] for c in codes], dtype=np.int64)
                for cell in dict.fromkeys(cells.tolist()):
                    links.append(units[cells == cell])
                unit_roles.update(zip(units.tolist(), roles.tolist(), strict=True))
            else:
                units = np.arange(size, size + b - a, dtype=np.int64)
                answer_strata.extend((i, role, int(cell)) for role, cell in
                                     zip(roles.tolist(), cells.tolist(), strict=True))
                unit_roles.update(zip(units.tolist(), roles.tolist(), strict=True))
                size += b - a
            found = poststrata[i] if poststrata is not None else None
            self.entries.append(_Answers(
                ind, units, column.values[a:b], column.weights[a:b], roles,
                None if found is None else (found[0][a:b], found[1])))
        if by_respondent:
            size = len(unit_of)
            self.strata = _components(size, links)
        else:
            grouped: dict[tuple[int, int, int], list[int]] = {}
            for unit, key in enumerate(answer_strata):
                grouped.setdefault(key, []).append(unit)
            self.strata = [np.array(units, dtype=np.int64) for units in grouped.values()]
        self.size = size
        self.scale = np.ones(size)
        """Per unit: √(1 − n/N) of its role (finite-population correction; 1: none)."""
        if design is not None:
            counted: dict[int, int] = {}
            for role in unit_roles.values():
                counted[role] = counted.get(role, 0) + 1
            for unit, role in unit_roles.items():
                name = role_names[role] if role < len(role_names) else None
                self.scale[unit] = fpc_scale(counted[role], design.population_size(name))
        self.corrected = bool((self.scale < 1).any())
        self.base = np.zeros(size)
        for stratum in self.strata:
            if len(stratum) == 1:
                self.base[stratum[0]] = 1.0
        varying = [s for s in self.strata if len(s) > 1]
        self.varying = varying
        sizes = [len(s) for s in varying]
        self.members: IntArray = np.concatenate(varying) if varying else np.empty(
            0, dtype=np.int64)
        """The units of the varying strata, stratum after stratum."""
        self.sizes: IntArray = np.repeat(np.array(sizes, dtype=np.int64), sizes)
        """Per member: the size of its stratum."""
        starts = np.cumsum([0, *sizes[:-1]], dtype=np.int64) if sizes else np.empty(
            0, dtype=np.int64)
        self.offsets: IntArray = np.repeat(starts, sizes)
        """Per member: where its stratum starts in :attr:`members`."""

    @property
    def constant(self) -> bool:
        """True when every draw reproduces the data (every stratum has one unit)."""
        return not self.varying

    @property
    def randoms(self) -> int:
        """Random numbers one draw uses."""
        return len(self.members)

    def counts(self, uniforms: FloatArray) -> FloatArray:
        """How often each unit is drawn, one row per draw (a row of :attr:`randoms` uniform
        numbers each): the ``j``-th number of a stratum of ``m`` units picks its
        ``int(u · m)``-th unit, as ``random.Random`` draws would one by one."""
        draws = len(uniforms)
        picked = self.members[self.offsets + (uniforms * self.sizes).astype(np.int64)]
        flat = np.arange(draws)[:, None] * self.size + picked
        counts = np.bincount(flat.ravel(), minlength=draws * self.size).reshape(
            draws, self.size).astype(np.float64)
        counts += self.base
        return counts

    def draw(self, rng: random.Random) -> list[float | None]:
        """Combined values of every indicator in one draw (``rng`` supplies the numbers)."""
        uniforms = np.array([[rng.random() for _ in range(self.randoms)]])
        return [None if v != v else v for v in self.combined(self.counts(uniforms))[0]]

    def combined(self, counts: FloatArray) -> list[list[float]]:
        """Per draw, the combined value of every indicator (NaN: not assessed).

        With respondents as units, the means and shares of all indicators come from three
        matrix products of the counts: with each respondent's weight, weighted value and
        number of answers per indicator."""
        columns: list[FloatArray | None] = [None] * len(self.entries)
        # finite-population correction (means and shares): a unit drawn r times counts
        # 1 − λ + λ·r, λ = √(1 − n/N), so the deviations from the data shrink by λ
        scaled = (1.0 - self.scale + self.scale * counts) if self.corrected else counts
        dense = self._dense()
        if dense is not None:
            fast, weights, tops, answered = dense
            bottom = scaled @ weights
            with np.errstate(invalid="ignore", divide="ignore"):
                values = (scaled @ tops) / bottom
            n = counts @ answered
            for k, j in enumerate(fast):
                entry = self.entries[j]
                assert entry is not None
                columns[j] = np.where((n[:, k] >= entry.indicator.min_answers)
                                      & (bottom[:, k] > 0), values[:, k], np.nan)
        out = [np.full(len(counts), np.nan) if e is None else
               column if column is not None else e.combined(counts, scaled)
               for e, column in zip(self.entries, columns, strict=True)]
        return np.column_stack(out).tolist() if out else [[] for _ in counts]

    def _dense(self) -> tuple[list[int], FloatArray, FloatArray, FloatArray] | None:
        """(indicators that are means or shares, and per unit × such indicator: weight,
        weighted value, answers), when units are respondents; None otherwise."""
        if not self.by_respondent:
            return None
        if self._matrices is None:
            fast = [j for j, e in enumerate(self.entries)
                    if e is not None and e.fast and e.strata is None]
            weights = np.zeros((self.size, len(fast)))
            tops = np.zeros((self.size, len(fast)))
            answered = np.zeros((self.size, len(fast)))
            for k, j in enumerate(fast):
                entry = self.entries[j]
                assert entry is not None
                np.add.at(weights[:, k], entry.units, entry.weights)
                np.add.at(tops[:, k], entry.units, entry.weighted())
                np.add.at(answered[:, k], entry.units, 1.0)
            self._matrices = (fast, weights, tops, answered)
        return self._matrices


def _components(size: int, links: Sequence[IntArray]) -> list[IntArray]:
    """Connected groups of units, each sorted, in order of their first unit."""
    label = np.arange(size)
    links = [group for group in links if len(group) > 1]
    while links:
        changed = False
        for group in links:
            lowest = label[group].min()
            if (label[group] != lowest).any():
                roots = np.unique(label[group])
                label[np.isin(label, roots)] = lowest
                changed = True
        if not changed:
            break
    order = np.argsort(label, kind="stable")
    ordered = label[order]
    edges = np.flatnonzero(np.diff(ordered)) + 1
    return [np.sort(part) for part in np.split(order, edges)]


def has_respondent_ids(columns: Sequence[Column]) -> bool:
    """True when every answer to an indicator of the set carries its respondent's id."""
    return all(bool(column.identified.all()) for column in columns)


def _random_state(seed: int) -> np.random.RandomState:
    """numpy's Mersenne Twister in the state ``random.Random(seed)`` starts from: the same
    stream of numbers (``random_sample`` and ``random()`` both make 53-bit floats)."""
    state = random.Random(seed).getstate()[1]
    rs = np.random.RandomState()
    rs.set_state(("MT19937", np.array(state[:624], dtype=np.uint32), state[624], 0, 0.0))
    return rs


def bootstrap_intervals(tree: Tree, keys: Sequence[RegionYear], survey: SurveyData,
                        config: Config, combined: Sequence[list[float | None]], point: Run,
                        draws: int, seed: int, confidence: float,
                        design: SurveyDesign | None = None
                        ) -> tuple[list[list[Interval | None]], str]:
    """Percentile intervals for every node of every region-year, and the resampling level.

    ``combined`` holds the combined values of the data (stage 1, before outlier treatment and
    imputation), ``point`` the run they gave; a draw replaces the combined values of each
    region-year that can vary and replays stages 2–6.
    """
    lineup = Lineup(survey, keys, dict(tree.set.role_weights))
    columns = [lineup.column(ind) for ind in tree.indicators]
    by_respondent = has_respondent_ids(columns)
    level = "respondents" if by_respondent else "answers"
    strata = [poststrata(design, lineup, column) for column in columns]
    resamplers = [Resampler(tree, columns, g, by_respondent, strata, design,
                            lineup.roles.names) for g in range(len(keys))]
    del columns
    varying = [r for r, rs in enumerate(resamplers) if not rs.constant]
    spans = config.spans_region_years
    tracked = list(range(len(keys))) if (spans and varying) else varying
    samples: dict[int, list[list[float]]] = {r: [[] for _ in range(tree.size)] for r in tracked}
    rng = _random_state(seed)
    per_draw = sum(resamplers[r].randoms for r in varying)
    chunk = max(1, CHUNK // max(per_draw, 1))
    nan = math.nan
    done = 0
    while varying and done < draws:
        count = min(chunk, draws - done)
        uniforms = rng.random_sample((count, per_draw))
        drawn: dict[int, list[list[float]]] = {}
        at = 0
        for r in varying:
            width = resamplers[r].randoms
            drawn[r] = resamplers[r].combined(resamplers[r].counts(uniforms[:, at:at + width]))
            at += width
        del uniforms
        for d in range(count):
            values = list(combined)
            for r in varying:
                values[r] = [None if v != v else v for v in drawn[r][d]]
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
        done += count

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
                ordered = sorted(s for s in samples[r][node] if s == s)
                row.append(Interval(quantile(ordered, low_p), quantile(ordered, high_p),
                                    len(ordered)) if ordered else None)
        out.append(row)
    return out, level
