"""Sensitivity analysis: how much do the judgement calls behind a score move it?

A Monte Carlo over the choices an index builder makes (OECD/JRC Handbook 2008, step 7):

* **weights** — every weight in the tree (indicators, dimensions, pillars) multiplied by an
  independent factor drawn uniformly from ``[1 − r, 1 + r]`` (default r = 0.25), then
  renormalised among its siblings as usual;
* **aggregation** of the pillars into the index — each of ``aggregations``
  (default arithmetic and geometric);
* **imputation** of missing indicators — each of ``imputations`` (default none and group-mean),
  applied to every indicator;
* **normalisation** — the set's own methods and each of ``normalisations`` (default:
  distance-to-target for the indicators with a target, when the set has any);
* **goalposts** — the set's, and ``goalpost_draws`` (default 4) sets in which every goalpost
  of every indicator moves independently by a uniform amount within ± ``goalpost_shift``
  (default 10 %) of its span;
* **band thresholds** — each band's lower bound moved by a uniform amount within
  ± ``band_shift`` (default 2 %) of the scale in every scenario: they change the grade, not
  the index.

The design is crossed: each of the ``draws`` random weight sets is combined with every
combination of the discrete choices (aggregation × imputation × normalisation × goalposts),
so there are ``draws`` × that many scenarios, equally likely. From them, per region-year: the
5th–95th percentile interval of the index and of each pillar, the probability of each band,
the rank interval among the region-years of the same year, and for each choice

* its *first-order effect* ``S = Var(E[Y | choice]) / Var(Y)`` — the share of the index's
  variance that this choice alone explains (exact for the discrete choices in this design; for
  the weights, the conditional mean is taken over the discrete combinations of each weight draw);
* the range of the index when *only* this choice varies and the others stay as the set says.

Pure: no I/O. Seeded: the same input and seed give the same result. Formulas: docs/methods.md.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..indicators.model import Band, Group, Indicator, IndicatorSet
from ..survey.data import RegionYear, SurveyData
from .aggregate import AGGREGATORS
from .engine import DEFAULT_SEED, ScoringOptions, combine_all
from .impute import IMPUTATION_METHODS
from .indicator_scores import Config, score_run
from .normalise import NORMALISERS
from .stats import quantile
from .tree import Tree, evaluate_draws, normalised, weight_arrays

DEFAULT_DRAWS = 500
"""Random weight sets; each is crossed with every combination of the discrete choices."""
DEFAULT_WEIGHT_RANGE = 0.25
"""Weights vary uniformly within ±25 % of their stated value."""
DEFAULT_GOALPOST_SHIFT = 0.10
"""Each goalpost moves within ±10 % of its indicator's span."""
DEFAULT_GOALPOST_DRAWS = 4
"""Random sets of goalposts tried besides the set's own."""
DEFAULT_BAND_SHIFT = 0.02
"""Band thresholds move uniformly within ±2 % of the scale (±2 points on 0–100)."""


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
    normalisations: tuple[str, ...] | None = None
    """Normalisations tried besides the set's own, each for every indicator it can score
    (distance-to-target: the indicators with a usable target). None: distance-to-target when
    the set has targets (and does not use it everywhere already); (): only the set's."""
    goalpost_shift: float = DEFAULT_GOALPOST_SHIFT
    """Each goalpost moves within ± this share of its indicator's span (0: not varied)."""
    goalpost_draws: int = DEFAULT_GOALPOST_DRAWS
    """Random sets of goalposts tried besides the set's (0: not varied)."""
    band_shift: float = DEFAULT_BAND_SHIFT
    """Share of the scale within which each band threshold moves (0: not varied)."""

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
        for name in self.normalisations or ():
            if name not in NORMALISERS:
                raise ValueError(f"unknown normalisation {name!r}")
        if not 0.0 <= self.goalpost_shift < 0.5:
            raise ValueError("goalpost_shift must lie in [0, 0.5)")
        if self.goalpost_draws < 0:
            raise ValueError("goalpost_draws must be 0 or more")
        if not 0.0 <= self.band_shift < 0.5:
            raise ValueError("band_shift must lie in [0, 0.5)")


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
    """``weights``, ``aggregation``, ``imputation``, ``normalisation``, ``goalposts`` or
    ``bands``."""
    first_order: float | None
    """Share (0–1) of the index's variance explained by this choice alone (None: the index
    does not vary, or — band thresholds — the choice moves the grade, not the index)."""
    low: float | None
    high: float | None
    """Range of the index when only this choice varies (percentile interval for the weights;
    lowest and highest for a discrete choice; None for the band thresholds)."""
    grade_change: float | None = None
    """Band thresholds: the share of their draws in which the nominal index gets another
    grade (None for the other choices)."""


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
    normalisations: tuple[str, ...] = ("set",)
    """The normalisations tried: ``set`` (the set's own) and the alternatives."""
    goalposts: tuple[str, ...] = ("set",)
    """The goalposts tried: ``set`` and the random sets ``1``, ``2`` …"""
    goalpost_shift: float = 0.0
    band_shift: float = 0.0

    def for_region(self, region: str, year: int | None) -> RegionSensitivity:
        """The sensitivity of one region-year."""
        for found in self.regions:
            if found.region == region and found.year == year:
                return found
        raise KeyError((region, year))

    def restricted(self, keys: Collection[tuple[str, int | None]]) -> SensitivityResult:
        """The analysis of the region-years ``keys`` only, ``overall`` taken over them: what a
        region's own documents hold. Their ranks stay ranks among every region-year
        analysed."""
        regions = tuple(r for r in self.regions if (r.region, r.year) in keys)
        return replace(self, regions=regions, overall=_overall(self.factors, regions))


def _unique(seq: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(seq))


def sensitivity(indicator_set: IndicatorSet, survey: SurveyData,
                options: SensitivityOptions | None = None,
                scoring: ScoringOptions | None = None) -> SensitivityResult:
    """Monte Carlo over weights, index aggregation, imputation, normalisation, goalposts and
    band thresholds for every region-year.

    ``scoring`` carries the run-time choices of the assessment being tested (its normalisation
    and imputation overrides, its survey design), so that the nominal scenario is that
    assessment.
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
    normalisations = ("set", *_normalisation_levels(tree, nominal_config, options))
    varies_goalposts = (options.goalpost_shift > 0 and options.goalpost_draws > 0 and any(
        m in GOALPOST_METHODS for m in nominal_config.normalisation))
    goalposts = ("set", *(str(k) for k in range(1, options.goalpost_draws + 1))
                 ) if varies_goalposts else ("set",)
    moves = random.Random(options.seed + 2)  # its own stream: the weights' draws stay as were
    trees = {level: _shifted(tree, level, options.goalpost_shift, moves)
             for level in goalposts}
    # one run per combination of the choices that change indicator scores: [m][n][g]
    level_runs = [[[score_run(trees[g], keys, combined,
                              _config(trees[g], scoring, method, n, nominal_config))
                    for g in goalposts] for n in normalisations] for method in imputations]

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
    shape = (draws, len(imputations), len(normalisations), len(goalposts), len(aggregations))
    varies_bands = options.band_shift > 0 and len(indicator_set.bands) > 1
    factors = tuple(name for name, varies in (
        ("weights", varies_weights and draws > 1),
        ("aggregation", len(aggregations) > 1),
        ("imputation", len(imputations) > 1),
        ("normalisation", len(normalisations) > 1),
        ("goalposts", len(goalposts) > 1),
        ("bands", varies_bands)) if varies)
    scenarios = math.prod(shape)
    low_p, high_p = options.interval
    thresholds = _thresholds(indicator_set, scenarios, options.band_shift, options.seed)
    nominal_m = imputations.index(nominal_config.imputation[0]) if len(set(
        nominal_config.imputation)) == 1 and nominal_config.imputation[0] in imputations else 0

    per_region: list[tuple[ScoreRange, tuple[tuple[str, ScoreRange], ...],
                           tuple[BandChance, ...], tuple[FactorEffect, ...]]] = []
    index_draws: list[np.ndarray] = []
    nominal_index: list[float | None] = []
    root = len(tree.groups) - 1
    arrays = weight_arrays(tree, weight_sets)
    for row in range(len(keys)):
        # Distinct indicator vectors: the choices often agree (nothing missing, no target).
        inputs: list[tuple[list[float | None], list[float]]] = []
        nominal_u = _vector_of(inputs, nominal_run.scores[row], nominal_run.coverage[row])
        level_u = [[[_vector_of(inputs, run.scores[row], run.coverage[row]) for run in by_g]
                    for by_g in by_n] for by_n in level_runs]
        roots: list[dict[str, np.ndarray]] = []   # per vector: method → index per draw
        pillars: list[np.ndarray] = []            # per vector: draws × pillars
        roots_nominal: list[dict[str, float | None]] = []
        for scores, coverage in inputs:
            u_pillars, u_roots = evaluate_draws(tree, scores, coverage, arrays, root_methods)
            roots.append(u_roots)
            pillars.append(u_pillars)
            out, cov = tree.evaluate(scores, coverage, nominal_weights, root_methods[0])
            at_nominal: dict[str, float | None] = {root_methods[0]: out[tree.root]}
            for method in root_methods[1:]:
                at_nominal[method] = tree.node_score(root, out, cov, nominal_weights[root],
                                                     method)[0]
            roots_nominal.append(at_nominal)

        grid = np.full(shape, np.nan)  # [draw, imputation, normalisation, goalposts, agg]
        for m, by_n in enumerate(level_u):
            for n, by_g in enumerate(by_n):
                for g, u in enumerate(by_g):
                    for a, method in enumerate(aggregations):
                        grid[:, m, n, g, a] = roots[u][method]
        ys = grid.ravel()
        index_draws.append(ys)
        nominal = roots_nominal[nominal_u][set_aggregation]
        nominal_index.append(nominal)
        index_range = _score_range(nominal, ys, low_p, high_p)

        pillar_ranges = []
        nominal_out, _ = tree.evaluate(*inputs[nominal_u], nominal_weights)
        units = [u for by_n in level_u for by_g in by_n for u in by_g]
        for p, group in enumerate(pillar_ids):
            assert group is not None
            drawn = np.concatenate([pillars[u][:, p] for u in units])
            pillar_ranges.append((group.id, _score_range(
                nominal_out[pillar_nodes[p]], drawn, low_p, high_p)))

        bands = _band_chances(indicator_set, ys, thresholds)
        shares = _first_orders(grid)
        effects = []
        if "weights" in factors:
            alone = roots[nominal_u][set_aggregation]
            alone = np.sort(alone[~np.isnan(alone)]).tolist()
            effects.append(FactorEffect(
                "weights", shares[0],
                quantile(alone, low_p) if alone else None,
                quantile(alone, high_p) if alone else None))
        alone_levels = {
            "aggregation": [roots_nominal[nominal_u][a] for a in aggregations],
            "imputation": [roots_nominal[level_u[m][0][0]][set_aggregation]
                           for m in range(len(imputations))],
            "normalisation": [roots_nominal[level_u[nominal_m][n][0]][set_aggregation]
                              for n in range(len(normalisations))],
            "goalposts": [roots_nominal[level_u[nominal_m][0][g]][set_aggregation]
                          for g in range(len(goalposts))],
        }
        for axis, factor in ((4, "aggregation"), (1, "imputation"), (2, "normalisation"),
                             (3, "goalposts")):
            if factor in factors:
                found = [y for y in alone_levels[factor] if y is not None]
                effects.append(FactorEffect(factor, shares[axis],
                                            min(found) if found else None,
                                            max(found) if found else None))
        if "bands" in factors:
            effects.append(FactorEffect("bands", None, None, None,
                                        _grade_change(indicator_set, nominal, thresholds)))
        per_region.append((index_range, tuple(pillar_ranges), bands, tuple(effects)))

    ranks = _rank_ranges(keys, index_draws, nominal_index, scenarios, low_p, high_p)
    regions = tuple(
        RegionSensitivity(region=key[0], year=key[1], index=found[0], pillars=found[1],
                          bands=found[2], rank=ranks[row], effects=found[3])
        for row, (key, found) in enumerate(zip(keys, per_region, strict=True)))
    return SensitivityResult(
        draws=draws, scenarios=scenarios, seed=options.seed, weight_range=options.weight_range,
        aggregations=aggregations, imputations=tuple(imputations), interval=options.interval,
        factors=factors, regions=regions, overall=_overall(factors, regions),
        normalisations=normalisations, goalposts=goalposts,
        goalpost_shift=options.goalpost_shift if len(goalposts) > 1 else 0.0,
        band_shift=options.band_shift if varies_bands else 0.0)


def _overall(factors: Sequence[str], regions: Sequence[RegionSensitivity]
             ) -> tuple[tuple[str, float], ...]:
    """Mean first-order effect of each factor over ``regions`` (those whose index varies)."""
    overall = []
    for factor in factors:
        shares = [e.first_order for reg in regions for e in reg.effects
                  if e.factor == factor and e.first_order is not None]
        if shares:
            overall.append((factor, math.fsum(shares) / len(shares)))
    return tuple(overall)


GOALPOST_METHODS = frozenset({"goalposts", "distance-to-target"})
"""Normalisations that use an indicator's goalposts."""


def _normalisation_levels(tree: Tree, config: Config, options: SensitivityOptions
                          ) -> tuple[str, ...]:
    """The alternative normalisations tried (besides the set's own)."""
    if options.normalisations is not None:
        return tuple(m for m in _unique(options.normalisations)
                     if any(own != m for own in config.normalisation))
    usable = [i for i, ind in enumerate(tree.indicators)
              if _target_usable(ind) and config.normalisation[i] != "distance-to-target"]
    return ("distance-to-target",) if usable else ()


def _target_usable(indicator: Indicator) -> bool:
    """Distance-to-target can score the indicator: a target beyond its worst goalpost."""
    target = indicator.target
    if target is None:
        return False
    low, high = indicator.goalposts
    return target > low if indicator.direction == "higher" else target < high


def _config(tree: Tree, scoring: ScoringOptions, imputation: str, normalisation: str,
            nominal: Config) -> Config:
    """The methods of one scenario: ``normalisation`` (``set``: the set's own) for every
    indicator it can score, the others keep theirs; ``imputation`` for every indicator."""
    base = Config.of(tree, scoring.normalisation, imputation)
    if normalisation == "set":
        return base
    methods = tuple(
        own if normalisation == "distance-to-target" and not _target_usable(ind)
        else normalisation
        for ind, own in zip(tree.indicators, nominal.normalisation, strict=True))
    return replace(base, normalisation=methods)


def _shifted(tree: Tree, level: str, share: float, rng: random.Random) -> Tree:
    """The tree with every goalpost of every indicator moved by its own uniform amount
    within ± ``share`` of the indicator's span (on the log scale under a log transform);
    ``set``: the tree itself. ``rng`` supplies the amounts, indicator by indicator in set
    order, low goalpost first. The goalposts stay in order: each moves less than half the
    span."""
    if level == "set" or share <= 0:
        return tree

    def moved(ind: Indicator) -> Indicator:
        low, high = ind.goalposts
        down, up = rng.uniform(-share, share), rng.uniform(-share, share)
        if ind.transform == "log":
            span = math.log(high) - math.log(low)
            return replace(ind, goalposts=(math.exp(math.log(low) + down * span),
                                           math.exp(math.log(high) + up * span)))
        span = high - low
        return replace(ind, goalposts=(low + down * span, high + up * span))

    def walk(group: Group) -> Group:
        return replace(group, children=tuple(
            walk(child) if isinstance(child, Group) else moved(child)
            for child in group.children))

    return Tree(replace(tree.set, pillars=tuple(walk(p) for p in tree.set.pillars)))


def _thresholds(indicator_set: IndicatorSet, scenarios: int, share: float, seed: int
                ) -> np.ndarray | None:
    """Per scenario (rows), the bands' lower bounds each moved by a uniform amount within
    ± share of the scale (the lowest band keeps the bottom of the scale); None when not
    varied. Drawn from a numpy generator of their own, seeded with ``seed``."""
    bands = indicator_set.bands
    if share <= 0 or len(bands) < 2:
        return None
    low, high = indicator_set.scale
    spread = share * (high - low)
    rng = np.random.default_rng(seed)
    lowers = np.array([b.lower for b in bands])
    moved = lowers[None, :] + np.concatenate(
        (np.zeros((scenarios, 1)), rng.uniform(-spread, spread, (scenarios, len(bands) - 1))),
        axis=1)
    return np.sort(moved, axis=1)


def _grade_change(indicator_set: IndicatorSet, nominal: float | None,
                  thresholds: np.ndarray | None) -> float | None:
    """Share of the threshold draws in which the nominal index falls in another band."""
    if nominal is None or thresholds is None:
        return None
    band = indicator_set.band_for(nominal)
    position = indicator_set.bands.index(band) if band is not None else 0
    moved = np.maximum((thresholds - 1e-9 <= nominal).sum(axis=1) - 1, 0)
    return float((moved != position).mean())


def _vector_of(inputs: list[tuple[list[float | None], list[float]]],
               scores: list[float | None], coverage: list[float]) -> int:
    """Position of (scores, coverage) in ``inputs``, appending it when new."""
    for position, (known_scores, known_coverage) in enumerate(inputs):
        if known_scores == scores and known_coverage == coverage:
            return position
    inputs.append((scores, coverage))
    return len(inputs) - 1


def _score_range(nominal: float | None, drawn: np.ndarray, low_p: float, high_p: float
                 ) -> ScoreRange:
    values = np.sort(drawn[~np.isnan(drawn)]).tolist()
    if not values:
        return ScoreRange(nominal, None, None, None, 0.0)
    return ScoreRange(nominal, quantile(values, low_p), quantile(values, 0.5),
                      quantile(values, high_p), len(values) / len(drawn))


def _band_chances(indicator_set: IndicatorSet, drawn: np.ndarray,
                  thresholds: np.ndarray | None = None) -> tuple[BandChance, ...]:
    """Share of the scenarios in each band (the set's rule: highest band at or below; below
    the lowest band, the lowest), with each scenario's own band thresholds (a row of
    ``thresholds``) when they vary."""
    bands = indicator_set.bands
    total = len(drawn)
    if not bands:
        return (BandChance(None, 1.0),) if total else ()
    lowers = (np.array([b.lower for b in bands])[None, :] if thresholds is None
              else thresholds) - 1e-9
    assessed = ~np.isnan(drawn)
    position = np.maximum((lowers <= np.where(assessed, drawn, 0.0)[:, None]).sum(axis=1) - 1,
                          0)
    counts = np.bincount(position[assessed], minlength=len(bands))
    out = [BandChance(band, int(counts[k]) / total) for k, band in enumerate(bands)]
    missing = int((~assessed).sum())
    if missing:
        out.append(BandChance(None, missing / total))
    return tuple(out)


def _first_orders(grid: np.ndarray) -> list[float | None]:
    """Var(E[Y | factor]) / Var(Y) for every axis of the crossed design ``grid`` (weight draw,
    imputation, normalisation, goalposts, aggregation), over the assessed scenarios (NaN: not
    assessed). All None when the index does not vary; 0 for an axis with one level.
    Population variances: every scenario is equally likely."""
    flat = grid[~np.isnan(grid)]
    if len(flat) < 2:
        return [None] * grid.ndim
    centre = float(flat.mean())
    total = float(((flat - centre) ** 2).mean())
    if total <= 1e-12 * max(1.0, abs(centre)) ** 2:
        return [None] * grid.ndim
    shares: list[float | None] = []
    for axis in range(grid.ndim):
        if grid.shape[axis] < 2:
            shares.append(0.0)
            continue
        others = tuple(k for k in range(grid.ndim) if k != axis)
        counts = (~np.isnan(grid)).sum(axis=others)
        sums = np.nansum(grid, axis=others)
        means = sums[counts > 0] / counts[counts > 0]
        if len(means) < 2:
            shares.append(0.0)
            continue
        between = float(((means - means.mean()) ** 2).mean())
        shares.append(min(1.0, between / total))
    return shares


def _rank_ranges(keys: Sequence[RegionYear], index_draws: Sequence[np.ndarray],
                 nominal: Sequence[float | None], scenarios: int, low_p: float, high_p: float
                 ) -> list[RankRange | None]:
    """Per region-year, its rank among the region-years of its year in every scenario
    (competition ranks, 1 = highest; unassessed unranked), as percentiles."""
    by_year: dict[int | None, list[int]] = {}
    for row, (_, year) in enumerate(keys):
        by_year.setdefault(year, []).append(row)
    out: list[RankRange | None] = [None] * len(keys)
    for rows in by_year.values():
        if len(rows) < 2:
            continue
        nominal_ranks = _competition_ranks([(nominal[r], r) for r in rows])
        scores = np.stack([index_draws[r] for r in rows])      # rows × scenarios
        ranks = _column_ranks(scores)
        count = sum(1 for r in rows if nominal[r] is not None)
        for k, r in enumerate(rows):
            values = np.sort(ranks[k][ranks[k] > 0]).tolist()
            if not values:
                continue
            out[r] = RankRange(nominal=nominal_ranks.get(r), low=_discrete(values, low_p),
                               median=quantile(values, 0.5), high=_discrete(values, high_p),
                               of=count)
    return out


def _column_ranks(scores: np.ndarray) -> np.ndarray:
    """Competition rank ("1224": 1 + how many score strictly higher) of every entry within
    its column; 0 for NaN (not assessed, not ranked)."""
    assessed = ~np.isnan(scores)
    ranks = np.zeros(scores.shape, dtype=np.int64)
    for s in range(scores.shape[1]):
        column = scores[:, s]
        valid = assessed[:, s]
        ordered = np.sort(column[valid])
        higher = len(ordered) - np.searchsorted(ordered, column[valid], side="right")
        ranks[valid, s] = higher + 1
    return ranks


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
