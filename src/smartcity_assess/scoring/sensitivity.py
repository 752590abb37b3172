"""Sensitivity analysis: how much do the judgement calls behind a score move it?

A Monte Carlo over the choices an index builder makes (OECD/JRC Handbook 2008, step 7):

* **weights** — every weight in the tree (indicators, dimensions, pillars) multiplied by an
  independent factor drawn uniformly from ``[1 − r, 1 + r]`` (default r = 0.25), then
  renormalised among its siblings as usual;
* **aggregation** of the pillars into the index — each of ``aggregations``
  (default arithmetic and geometric);
* **imputation** of missing indicators — each of ``imputations`` (default none and group-mean),
  applied to every indicator.

The design is crossed: each of the ``draws`` random weight sets is combined with every
combination of the discrete choices, so there are ``draws × |aggregations| × |imputations|``
scenarios, equally likely. From them, per region-year: the 5th–95th percentile interval of the
index and of each pillar, the probability of each band, the rank interval among the region-years
of the same year, and for each choice

* its *first-order effect* ``S = Var(E[Y | choice]) / Var(Y)`` — the share of the index's
  variance that this choice alone explains (exact for the discrete choices in this design; for
  the weights, the conditional mean is taken over the discrete combinations of each weight draw);
* the range of the index when *only* this choice varies and the others stay as the set says.

Pure: no I/O. Seeded: the same input and seed give the same result. Formulas: docs/methods.md.
"""

from __future__ import annotations

import math
import random
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..indicators.model import Band, IndicatorSet
from ..survey.data import RegionYear, SurveyData
from .aggregate import AGGREGATORS
from .engine import DEFAULT_SEED, ScoringOptions, combine_all
from .impute import IMPUTATION_METHODS
from .indicator_scores import Config, score_run
from .stats import quantile
from .tree import Tree, normalised

DEFAULT_DRAWS = 500
"""Random weight sets; each is crossed with every combination of the discrete choices."""
DEFAULT_WEIGHT_RANGE = 0.25
"""Weights vary uniformly within ±25 % of their stated value."""


@dataclass(frozen=True)
class SensitivityOptions:
    """What varies in the Monte Carlo, and how much."""

    draws: int = DEFAULT_DRAWS
    seed: int = DEFAULT_SEED
    weight_range: float = DEFAULT_WEIGHT_RANGE
    """Relative range r: each weight is multiplied by a factor uniform in [1 − r, 1 + r]."""
    aggregations: tuple[str, ...] = ("arithmetic", "geometric")
    """Methods tried for combining the pillars into the index."""
    imputations: tuple[str, ...] | None = None
    """Imputation methods tried, each applied to every indicator. None: ``none`` and
    ``group-mean``, plus any other method the set uses (so its own choice is among them)."""
    interval: tuple[float, float] = (0.05, 0.95)
    """Percentiles reported as the score and rank interval."""

    def check(self) -> None:
        """Raise ValueError for an impossible setting or an unknown method."""
        if self.draws < 1:
            raise ValueError("sensitivity needs at least one draw")
        if not 0.0 <= self.weight_range < 1.0:
            raise ValueError("weight_range must lie in [0, 1)")
        if not self.aggregations or self.imputations == ():
            raise ValueError("give at least one aggregation and one imputation")
        for name in self.aggregations:
            if name not in AGGREGATORS:
                raise ValueError(f"unknown aggregation {name!r}")
        for name in self.imputations or ():
            if name not in IMPUTATION_METHODS:
                raise ValueError(f"unknown imputation {name!r}")
        low, high = self.interval
        if not 0.0 <= low < high <= 1.0:
            raise ValueError("interval must be two percentiles 0 <= low < high <= 1")


@dataclass(frozen=True)
class ScoreRange:
    """A score across the scenarios."""

    nominal: float | None
    """The score with the set's own choices (the assessment's score)."""
    low: float | None
    median: float | None
    high: float | None
    assessed: float
    """Share (0–1) of the scenarios in which the node is assessed."""


@dataclass(frozen=True)
class BandChance:
    """Probability of one band (``band`` None: not assessed) across the scenarios."""

    band: Band | None
    probability: float


@dataclass(frozen=True)
class RankRange:
    """Rank (1 = best) among the region-years of the same year, across the scenarios."""

    nominal: int | None
    low: int
    median: float
    high: int
    of: int
    """Region-years ranked in that year (with the set's own choices)."""


@dataclass(frozen=True)
class FactorEffect:
    """How much one judgement call moves the index of one region-year."""

    factor: str
    """``weights``, ``aggregation`` or ``imputation``."""
    first_order: float | None
    """Share (0–1) of the index's variance explained by this choice alone (None: the index
    does not vary)."""
    low: float | None
    high: float | None
    """Range of the index when only this choice varies (percentile interval for the weights;
    lowest and highest for a discrete choice)."""


@dataclass(frozen=True)
class RegionSensitivity:
    """The sensitivity of one region-year."""

    region: str
    year: int | None
    index: ScoreRange
    pillars: tuple[tuple[str, ScoreRange], ...]
    bands: tuple[BandChance, ...]
    rank: RankRange | None
    """None when the region-year is the only one of its year (or is never assessed)."""
    effects: tuple[FactorEffect, ...]

    @property
    def most_influential(self) -> FactorEffect | None:
        """The choice with the largest first-order effect (None when nothing moves)."""
        known = [e for e in self.effects if e.first_order is not None]
        if not known:
            return None
        return max(known, key=lambda e: (e.first_order or 0.0,
                                         (e.high or 0.0) - (e.low or 0.0)))


@dataclass(frozen=True)
class SensitivityResult:
    """The Monte Carlo over judgement calls, for every region-year of a run."""

    draws: int
    scenarios: int
    seed: int
    weight_range: float
    aggregations: tuple[str, ...]
    imputations: tuple[str, ...]
    interval: tuple[float, float]
    factors: tuple[str, ...]
    """The choices that varied (a choice with one option, or r = 0, is left out)."""
    regions: tuple[RegionSensitivity, ...]
    overall: tuple[tuple[str, float], ...]
    """Mean first-order effect of each choice over the region-years whose index varies."""

    def for_region(self, region: str, year: int | None) -> RegionSensitivity:
        """The sensitivity of one region-year."""
        for found in self.regions:
            if found.region == region and found.year == year:
                return found
        raise KeyError((region, year))


def _unique(seq: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(seq))


def sensitivity(indicator_set: IndicatorSet, survey: SurveyData,
                options: SensitivityOptions | None = None,
                scoring: ScoringOptions | None = None) -> SensitivityResult:
    """Monte Carlo over weights, index aggregation and imputation for every region-year.

    ``scoring`` carries the run-time choices of the assessment being tested (its normalisation
    and imputation overrides), so that the nominal scenario is that assessment.
    """
    options = options or SensitivityOptions()
    options.check()
    scoring = scoring or ScoringOptions()
    scoring.check()
    tree = Tree(indicator_set)
    keys = survey.region_years()
    combined = [[c.value for c in row]
                for row in combine_all(tree, survey, keys, design=scoring.design)[0]]
    nominal_config = Config.of(tree, scoring.normalisation, scoring.imputation)
    nominal_run = score_run(tree, keys, combined, nominal_config)
    imputations = options.imputations or _unique(
        ("none", "group-mean", *sorted(set(nominal_config.imputation))))
    level_runs = [score_run(tree, keys, combined,
                            Config.of(tree, scoring.normalisation, method))
                  for method in imputations]

    varies_weights = options.weight_range > 0
    draws = options.draws if varies_weights else 1
    rng = random.Random(options.seed)
    r = options.weight_range
    weight_sets = []
    for _ in range(draws):
        weight_sets.append([
            normalised([w * rng.uniform(1 - r, 1 + r) for w in node.raw_weights])
            if varies_weights else node.weights
            for node in tree.groups])
    nominal_weights = [node.weights for node in tree.groups]
    set_aggregation = indicator_set.aggregation
    aggregations = options.aggregations
    root_methods = _unique((*aggregations, set_aggregation))
    pillar_nodes = tree.groups[-1].children
    pillar_ids = [tree.groups[p - len(tree.indicators)].group for p in pillar_nodes]
    factors = tuple(name for name, varies in (
        ("weights", varies_weights and draws > 1),
        ("aggregation", len(aggregations) > 1),
        ("imputation", len(imputations) > 1)) if varies)
    scenarios = draws * len(imputations) * len(aggregations)
    low_p, high_p = options.interval

    per_region: list[tuple[ScoreRange, tuple[tuple[str, ScoreRange], ...],
                           tuple[BandChance, ...], tuple[FactorEffect, ...]]] = []
    index_draws: list[array[float]] = []
    nominal_index: list[float | None] = []
    root = len(tree.groups) - 1
    for row in range(len(keys)):
        # Distinct indicator vectors: imputation methods often agree (nothing missing).
        inputs: list[tuple[list[float | None], list[float]]] = []
        nominal_u = _vector_of(inputs, nominal_run.scores[row], nominal_run.coverage[row])
        level_u = [_vector_of(inputs, run.scores[row], run.coverage[row]) for run in level_runs]
        # roots[u][i][method], pillars[u][i][p]
        roots: list[list[dict[str, float | None]]] = []
        pillars: list[list[list[float | None]]] = []
        roots_nominal: list[dict[str, float | None]] = []
        for scores, coverage in inputs:
            u_pillars, u_root_lists = tree.evaluate_many(scores, coverage, weight_sets,
                                                         root_methods)
            roots.append([dict(zip(root_methods, found, strict=True))
                          for found in u_root_lists])
            pillars.append(u_pillars)
            out, cov = tree.evaluate(scores, coverage, nominal_weights, root_methods[0])
            at_nominal: dict[str, float | None] = {root_methods[0]: out[tree.root]}
            for method in root_methods[1:]:
                at_nominal[method] = tree.node_score(root, out, cov, nominal_weights[root],
                                                     method)[0]
            roots_nominal.append(at_nominal)

        ys = array("d")
        grid: list[list[list[float | None]]] = []  # [i][m][a]
        for i in range(draws):
            per_m = []
            for m in range(len(imputations)):
                per_a = [roots[level_u[m]][i][a] for a in aggregations]
                per_m.append(per_a)
                ys.extend(math.nan if y is None else y for y in per_a)
            grid.append(per_m)
        index_draws.append(ys)
        nominal = roots_nominal[nominal_u][set_aggregation]
        nominal_index.append(nominal)
        index_range = _score_range(nominal, list(ys), low_p, high_p)

        pillar_ranges = []
        nominal_out, _ = tree.evaluate(*inputs[nominal_u], nominal_weights)
        for p, group in enumerate(pillar_ids):
            assert group is not None
            drawn = [pillars[level_u[m]][i][p] for i in range(draws)
                     for m in range(len(imputations))]
            pillar_ranges.append((group.id, _score_range(
                nominal_out[pillar_nodes[p]], [math.nan if v is None else v for v in drawn],
                low_p, high_p)))

        bands = _band_chances(indicator_set, list(ys))
        by_weights, by_imputation, by_aggregation = _first_orders(grid)
        effects = []
        if "weights" in factors:
            alone = sorted(y for i in range(draws)
                           if (y := roots[nominal_u][i][set_aggregation]) is not None)
            effects.append(FactorEffect(
                "weights", by_weights,
                quantile(alone, low_p) if alone else None,
                quantile(alone, high_p) if alone else None))
        if "aggregation" in factors:
            found = [y for a in aggregations if (y := roots_nominal[nominal_u][a]) is not None]
            effects.append(FactorEffect("aggregation", by_aggregation,
                                        min(found) if found else None,
                                        max(found) if found else None))
        if "imputation" in factors:
            found = [y for m in range(len(imputations))
                     if (y := roots_nominal[level_u[m]][set_aggregation]) is not None]
            effects.append(FactorEffect("imputation", by_imputation,
                                        min(found) if found else None,
                                        max(found) if found else None))
        per_region.append((index_range, tuple(pillar_ranges), bands, tuple(effects)))

    ranks = _rank_ranges(keys, index_draws, nominal_index, scenarios, low_p, high_p)
    regions = tuple(
        RegionSensitivity(region=key[0], year=key[1], index=found[0], pillars=found[1],
                          bands=found[2], rank=ranks[row], effects=found[3])
        for row, (key, found) in enumerate(zip(keys, per_region, strict=True)))
    overall = []
    for factor in factors:
        shares = [e.first_order for reg in regions for e in reg.effects
                  if e.factor == factor and e.first_order is not None]
        if shares:
            overall.append((factor, math.fsum(shares) / len(shares)))
    return SensitivityResult(
        draws=draws, scenarios=scenarios, seed=options.seed, weight_range=options.weight_range,
        aggregations=aggregations, imputations=tuple(imputations), interval=options.interval,
        factors=factors, regions=regions, overall=tuple(overall))


def _vector_of(inputs: list[tuple[list[float | None], list[float]]],
               scores: list[float | None], coverage: list[float]) -> int:
    """Position of (scores, coverage) in ``inputs``, appending it when new."""
    for position, (known_scores, known_coverage) in enumerate(inputs):
        if known_scores == scores and known_coverage == coverage:
            return position
    inputs.append((scores, coverage))
    return len(inputs) - 1


def _score_range(nominal: float | None, drawn: Sequence[float], low_p: float, high_p: float
                 ) -> ScoreRange:
    values = sorted(v for v in drawn if v == v)
    if not values:
        return ScoreRange(nominal, None, None, None, 0.0)
    return ScoreRange(nominal, quantile(values, low_p), quantile(values, 0.5),
                      quantile(values, high_p), len(values) / len(drawn))


def _band_chances(indicator_set: IndicatorSet, drawn: Sequence[float]) -> tuple[BandChance, ...]:
    """Share of the scenarios in each band (the set's rule: highest band at or below)."""
    lowers = [band.lower - 1e-9 for band in indicator_set.bands]
    counts = [0] * len(lowers)
    missing = 0
    for y in drawn:
        # below the lowest band (clip: false): still the lowest band, as IndicatorSet.band_for
        position = max(0, bisect_right(lowers, y) - 1) if y == y and lowers else -1
        if position < 0:
            missing += 1
        else:
            counts[position] += 1
    total = len(drawn)
    out = [BandChance(band, counts[k] / total) for k, band in enumerate(indicator_set.bands)]
    if missing:
        out.append(BandChance(None, missing / total))
    return tuple(out)


def _first_orders(grid: Sequence[Sequence[Sequence[float | None]]]
                  ) -> tuple[float | None, float | None, float | None]:
    """Var(E[Y | factor]) / Var(Y) for (weights, imputation, aggregation) on the crossed
    design ``grid[weight draw][imputation][aggregation]``, over the assessed scenarios.

    None when the index does not vary. Population variances: every scenario is equally likely.
    """
    flat = [y for per_m in grid for per_a in per_m for y in per_a if y is not None]
    if len(flat) < 2:
        return None, None, None
    centre = sum(flat) / len(flat)
    total = sum((y - centre) ** 2 for y in flat) / len(flat)
    if total <= 1e-12 * max(1.0, abs(centre)) ** 2:
        return None, None, None
    draws = len(grid)
    methods = len(grid[0]) if grid else 0
    aggregations = len(grid[0][0]) if methods else 0
    sums = ([0.0] * draws, [0.0] * methods, [0.0] * aggregations)
    counts = ([0] * draws, [0] * methods, [0] * aggregations)
    by_draw, by_method, by_aggregation = sums
    n_draw, n_method, n_aggregation = counts
    for i, per_m in enumerate(grid):
        for m, per_a in enumerate(per_m):
            for a, y in enumerate(per_a):
                if y is not None:
                    by_draw[i] += y
                    n_draw[i] += 1
                    by_method[m] += y
                    n_method[m] += 1
                    by_aggregation[a] += y
                    n_aggregation[a] += 1
    shares: list[float | None] = []
    for axis in range(3):
        means = [t / n for t, n in zip(sums[axis], counts[axis], strict=True) if n]
        if len(means) < 2:
            shares.append(0.0)
            continue
        mid = sum(means) / len(means)
        between = sum((v - mid) ** 2 for v in means) / len(means)
        shares.append(min(1.0, between / total))
    return shares[0], shares[1], shares[2]


def _rank_ranges(keys: Sequence[RegionYear], index_draws: Sequence[array[float]],
                 nominal: Sequence[float | None], scenarios: int, low_p: float, high_p: float
                 ) -> list[RankRange | None]:
    by_year: dict[int | None, list[int]] = {}
    for row, (_, year) in enumerate(keys):
        by_year.setdefault(year, []).append(row)
    out: list[RankRange | None] = [None] * len(keys)
    for rows in by_year.values():
        if len(rows) < 2:
            continue
        nominal_ranks = _competition_ranks([(nominal[r], r) for r in rows])
        ranked = [array("i") for _ in rows]
        slot = {r: k for k, r in enumerate(rows)}
        for s in range(scenarios):
            ranks = _competition_ranks([(index_draws[r][s], r) for r in rows])
            for r, rank in ranks.items():
                ranked[slot[r]].append(rank)
        count = sum(1 for r in rows if nominal[r] is not None)
        for r in rows:
            values = sorted(ranked[slot[r]])
            if not values:
                continue
            out[r] = RankRange(nominal=nominal_ranks.get(r), low=_discrete(values, low_p),
                               median=quantile(values, 0.5), high=_discrete(values, high_p),
                               of=count)
    return out


def _competition_ranks(entries: Sequence[tuple[float | None, int]]) -> dict[int, int]:
    """Rank 1 = highest score; ties share the better rank ("1224"); unassessed are unranked."""
    scored = sorted(((y, r) for y, r in entries if y is not None and y == y),
                    key=lambda e: (-e[0], e[1]))
    ranks: dict[int, int] = {}
    previous: float | None = None
    rank = 0
    for position, (y, r) in enumerate(scored, start=1):
        if y != previous:
            rank = position
            previous = y
        ranks[r] = rank
    return ranks


def _discrete(ordered: Sequence[int], p: float) -> int:
    """Inverse of the empirical distribution (Hyndman & Fan 1): an observed rank."""
    position = max(1, math.ceil(p * len(ordered)))
    return ordered[min(position, len(ordered)) - 1]
