"""The scoring pipeline: answers → combined values → scores → groups → index. Pure, no I/O.

```
answers ─> combine respondents ─> outliers ─> impute raw (previous-year) ─> normalise
        ─> impute scores (group-mean / -median) ─> aggregate up the tree ─> band, gaps
        ─> optional: bootstrap intervals, internal consistency
```

Every method is chosen by name from a registry (:data:`.normalise.NORMALISERS`,
:data:`.aggregate.AGGREGATORS`, :data:`.respondents.COMBINERS`, :mod:`.impute`,
:mod:`.outliers`) and recorded in :class:`.results.Methods`. Formulas: docs/methods.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .. import __version__
from ..indicators.model import IndicatorSet
from ..notices import Notice
from ..survey.data import RegionData, RegionYear, SurveyData
from .areas import AreaOptions, score_areas
from .columns import Lineup
from .combine import Cell, combine_column
from .consistency import ConsistencyBuilder
from .design import SurveyDesign, poststrata
from .impute import IMPUTATION_METHODS
from .indicator_scores import Config, Run, score_run, target_score
from .normalise import CROSS_REGION, NORMALISERS
from .results import (
    Assessment,
    Bootstrap,
    Consistency,
    GroupResult,
    IndicatorResult,
    Interval,
    Methods,
    RegionResult,
)
from .tree import Tree

DEFAULT_SEED = 20250101
"""Seed of every random draw unless a user gives another: results are byte-reproducible."""
DEFAULT_CONFIDENCE = 0.95
"""Level of bootstrap intervals (the "margin of error" convention of opinion polls)."""
DEFAULT_BOOTSTRAP_DRAWS = 1000
"""Bootstrap draws used where intervals are shown by default (terminal scorecard, reports)."""


@dataclass(frozen=True)
class ScoringOptions:
    """Choices a user may make at run time; the defaults reproduce PRODUCT.md exactly."""

    normalisation: str | None = None
    """A normalisation for every indicator, replacing the set's (None: as the set says)."""
    imputation: str | None = None
    """An imputation for every indicator, replacing the set's (None: as the set says)."""
    bootstrap: int = 0
    """Bootstrap draws for confidence intervals (0: none, the default)."""
    confidence: float = DEFAULT_CONFIDENCE
    seed: int = DEFAULT_SEED
    consistency: bool = True
    """Compute Cronbach's alpha where the data has respondent ids."""
    design: SurveyDesign | None = None
    """The survey's design (the plan's ``design:``): post-stratification, population sizes
    and how each role was sampled. Design weights (the survey's ``weight`` column) apply
    with or without it."""
    areas: AreaOptions = AreaOptions()
    """How the breakdown by area inside a region is made (when the data names areas)."""

    def check(self) -> None:
        """Raise ValueError for an unknown method or an impossible setting."""
        if self.normalisation is not None and self.normalisation not in NORMALISERS:
            raise ValueError(f"unknown normalisation {self.normalisation!r}; "
                             f"known: {', '.join(NORMALISERS)}")
        if self.imputation is not None and self.imputation not in IMPUTATION_METHODS:
            raise ValueError(f"unknown imputation {self.imputation!r}; "
                             f"known: {', '.join(sorted(IMPUTATION_METHODS))}")
        if self.bootstrap < 0:
            raise ValueError("bootstrap draws must be 0 or more")
        if not 0.0 < self.confidence < 1.0:
            raise ValueError("confidence must lie strictly between 0 and 1")
        if self.areas.min_respondents < 1:
            raise ValueError("an area needs at least 1 respondent (min_respondents)")


def combine_all(tree: Tree, survey: SurveyData, keys: Sequence[RegionYear],
                consistency: bool = False, design: SurveyDesign | None = None,
                design_weights: bool = True
                ) -> tuple[list[list[Cell]], list[dict[str, Consistency]]]:
    """Stage 1 for every region-year: each indicator's answers combined (per region-year in
    ``keys`` order, and indicator); with ``consistency``, also Cronbach's alpha of every group
    of Likert items per region-year (else empty). One indicator's answers at a time are lined
    up, so that memory holds the survey and one column. ``design`` post-stratifies;
    ``design_weights`` False ignores the survey's design weights."""
    lineup = Lineup(survey, keys, dict(tree.set.role_weights), design_weights)
    builder = ConsistencyBuilder(tree, len(keys), lineup.respondents) if consistency else None
    wanted = set(builder.items) if builder is not None else set()
    by_indicator: list[list[Cell]] = []
    for i, ind in enumerate(tree.indicators):
        column = lineup.column(ind)
        by_indicator.append(combine_column(ind, column, lineup.roles.names,
                                           poststrata(design, lineup, column)))
        if builder is not None and i in wanted:
            builder.add(i, column)
    cells = [list(row) for row in zip(*by_indicator, strict=True)] if by_indicator else [
        [] for _ in keys]
    return cells, builder.result() if builder is not None else [{} for _ in keys]


def assess(indicator_set: IndicatorSet, survey: SurveyData,
           options: ScoringOptions | None = None) -> Assessment:
    """Score every region-year in ``survey`` against ``indicator_set``."""
    options = options or ScoringOptions()
    options.check()
    tree = Tree(indicator_set)
    config = Config.of(tree, options.normalisation, options.imputation)
    keys = survey.region_years()
    cells, by_region = combine_all(tree, survey, keys, options.consistency, options.design)
    combined = [[c.value for c in row] for row in cells]
    run = score_run(tree, keys, combined, config)
    warnings = [*survey.notices, *_run_warnings(tree, config, run, len(keys))]

    intervals: list[list[Interval | None]] | None = None
    bootstrap: Bootstrap | None = None
    if options.bootstrap > 0:
        from .bootstrap import bootstrap_intervals

        intervals, level = bootstrap_intervals(tree, keys, survey, config, combined, run,
                                               options.bootstrap, options.seed,
                                               options.confidence, options.design)
        bootstrap = Bootstrap(draws=options.bootstrap, seed=options.seed,
                              confidence=options.confidence, level=level)

    results = []
    for r, key in enumerate(keys):
        data = survey.regions[key]
        consistency: dict[str, Consistency] = {}
        if options.consistency:
            consistency = by_region[r]
            for group_id, found in consistency.items():
                warnings.extend(_consistency_warnings(key, group_id, found))
        result = _region_result(tree, key, data, cells[r], run, r, config, consistency,
                                intervals[r] if intervals else None)
        warnings.extend(_geometric_warnings(tree, result))
        areas = score_areas(tree, data, r, run, config, options.areas)
        results.append(replace(result, areas=areas) if areas else result)
    summary = None
    if options.design is not None or any(survey.regions[key].weights for key in keys):
        from .design_summary import summarise

        unweighted, _ = combine_all(tree, survey, keys, design_weights=False)
        summary = summarise(tree, survey, keys, cells, unweighted, run, config, options.design,
                            any(survey.regions[key].weights for key in keys))
        warnings.extend(_poststratification_warnings(tree, keys, cells, options.design))
    methods = _methods(tree, config, bootstrap, any(
        g.consistency is not None for res in results for g in _all_groups(res)))
    if any(res.areas for res in results):
        methods = replace(methods, extra=(*methods.extra, ("areas", (
            f"scores by area inside the region: indicators answered by area from the area's "
            f"own answers, indicators answered for the whole region only with the region's "
            f"value; an area with fewer than {options.areas.min_respondents} survey "
            "respondents is not scored"))))
    return Assessment(
        indicator_set=indicator_set,
        results=tuple(results),
        methods=methods,
        area_min_respondents=(options.areas.min_respondents
                              if any(res.areas for res in results) else None),
        inputs=tuple(survey.files),
        tool_version=__version__,
        bootstrap=bootstrap,
        warnings=tuple(warnings),
        design=summary,
    )


def _region_result(tree: Tree, key: RegionYear, data: RegionData, cells: Sequence[Cell],
                   run: Run, r: int, config: Config, consistency: dict[str, Consistency],
                   intervals: Sequence[Interval | None] | None) -> RegionResult:
    node_scores, node_coverage = tree.evaluate(run.scores[r], run.coverage[r])
    scale = tree.set.scale

    def interval(node: int) -> Interval | None:
        return intervals[node] if intervals is not None else None

    def indicator_result(i: int, weight: float, effective: float, carried: float
                         ) -> IndicatorResult:
        ind = tree.indicators[i]
        cell = cells[i]
        method = config.normalisation[i]
        value = run.values[r][i]
        score = run.scores[r][i]
        target = target_score(ind, method, scale, run.references[i])
        gap = score_gap = None
        if ind.target is not None and target is not None:
            if value is not None:
                shortfall = (ind.target - value if ind.direction == "higher"
                             else value - ind.target)
                gap = max(0.0, shortfall)
            if score is not None:
                score_gap = max(0.0, target - score)
        imputed = run.imputed[r][i]
        return IndicatorResult(
            id=ind.id, value=value, n=cell.n, score=score, target=ind.target, gap=gap,
            target_score=target, score_gap=score_gap, weight=weight,
            effective_weight=effective, coverage=run.coverage[r][i],
            spread=cell.spread if imputed is None else None, note=cell.note,
            normalisation=method, imputed=imputed, imputed_from=run.imputed_from[r][i],
            winsorised=cell.winsorised + (1 if run.winsorised[r][i] else 0),
            by_role=cell.by_role if imputed is None else (),
            interval=interval(i), carried_weight=carried)

    def shares(number: int, carried: float) -> list[float]:
        """What each child of group ``number`` carries in the index (``carried``: what the
        group carries): its weight over the weights of its assessed siblings."""
        node = tree.groups[number - len(tree.indicators)]
        present = [w if node_scores[c] is not None and w > 0 else 0.0
                   for c, w in zip(node.children, node.weights, strict=True)]
        total = sum(present)
        if node_scores[number] is None or total <= 0:
            return [0.0] * len(present)
        return [carried * w / total for w in present]

    def group_result(number: int, weight: float, effective: float, carried: float
                     ) -> tuple[GroupResult, float]:
        node = tree.groups[number - len(tree.indicators)]
        group = node.group
        assert group is not None
        children: list[GroupResult | IndicatorResult] = []
        imputed = 0.0
        for child, child_weight, child_carried in zip(node.children, node.weights,
                                                      shares(number, carried), strict=True):
            if child < len(tree.indicators):
                children.append(indicator_result(child, child_weight, effective * child_weight,
                                                 child_carried))
                imputed += child_weight * (1.0 if run.imputed[r][child] else 0.0)
            else:
                sub, sub_imputed = group_result(child, child_weight, effective * child_weight,
                                                child_carried)
                children.append(sub)
                imputed += child_weight * sub_imputed
        return GroupResult(
            id=group.id, kind=group.kind, score=node_scores[number],
            coverage=node_coverage[number], weight=weight, effective_weight=effective,
            children=tuple(children), aggregation=group.aggregation, imputed=imputed,
            consistency=consistency.get(group.id), interval=interval(number),
            carried_weight=carried), imputed

    root = tree.groups[-1]
    pillars = []
    imputed_share = 0.0
    for child, weight, carried in zip(root.children, root.weights, shares(tree.root, 1.0),
                                      strict=True):
        pillar, pillar_imputed = group_result(child, weight, weight, carried)
        pillars.append(pillar)
        imputed_share += weight * pillar_imputed
    score = node_scores[tree.root]
    return RegionResult(
        region=key[0],
        year=key[1],
        score=score,
        band=tree.set.band_for(score),
        coverage=node_coverage[tree.root],
        pillars=tuple(pillars),
        respondents=len(data.respondents),
        roles=tuple(sorted(data.roles.items())),
        imputed=imputed_share,
        interval=interval(tree.root),
    )


def _all_groups(result: RegionResult) -> list[GroupResult]:
    out: list[GroupResult] = []

    def walk(group: GroupResult) -> None:
        out.append(group)
        for child in group.children:
            if isinstance(child, GroupResult):
                walk(child)

    for pillar in result.pillars:
        walk(pillar)
    return out


# --- warnings and the record of methods ---------------------------------------------------


def _consistency_warnings(key: RegionYear, group_id: str, found: Consistency) -> list[Notice]:
    return [Notice("negative-item", (("item", item.id), ("r", item.correlation),
                                     ("group", group_id)), region=key[0], year=key[1])
            for item in found.negative_items if item.correlation is not None]


def _poststratification_warnings(tree: Tree, keys: Sequence[RegionYear],
                                 cells: Sequence[Sequence[Cell]],
                                 design: SurveyDesign | None) -> list[Notice]:
    """A notice per region-year and indicator answered from several roles (post-stratifying
    by role) that could not be post-stratified: a role without a population figure."""
    if design is None or design.post_stratify != "role":
        return []
    out = []
    for key, row in zip(keys, cells, strict=True):
        for ind, cell in zip(tree.indicators, row, strict=True):
            if len(cell.by_role) > 1 and not cell.poststratified:
                missing = sorted(rv.role or "?" for rv in cell.by_role
                                 if rv.role is None or design.size_of(rv.role) is None)
                out.append(Notice("poststratification-skipped", (
                    ("indicator", ind.id), ("roles", ", ".join(missing))),
                    region=key[0], year=key[1]))
    return out


def _geometric_warnings(tree: Tree, result: RegionResult) -> list[Notice]:
    """A notice for each geometric group (or index) left not assessed because a child scores
    0 or less and the set gives no ``geometric_floor``."""
    out: list[Notice] = []
    groups = {g.id: g for g in tree.set.groups()}

    def refused(children: Sequence[GroupResult | IndicatorResult], coverage: float,
                minimum: float) -> str | None:
        if coverage + 1e-12 < minimum:
            return None
        low = [c for c in children if c.score is not None and c.score <= 0 and c.weight > 0]
        return low[0].id if low else None

    def walk(group: GroupResult) -> None:
        spec = groups[group.id]
        if (group.score is None and spec.aggregation == "geometric"
                and spec.geometric_floor is None):
            child = refused(group.children, group.coverage, spec.min_coverage)
            if child is not None:
                out.append(Notice("geometric-zero", (("group", group.id), ("item", child)),
                                  region=result.region, year=result.year))
        for sub in group.children:
            if isinstance(sub, GroupResult):
                walk(sub)

    for pillar in result.pillars:
        walk(pillar)
    iset = tree.set
    if result.score is None and iset.aggregation == "geometric" and iset.geometric_floor is None:
        child = refused(result.pillars, result.coverage, iset.min_coverage)
        if child is not None:
            out.append(Notice("geometric-zero", (("group", iset.id), ("item", child)),
                              region=result.region, year=result.year))
    return out


def _run_warnings(tree: Tree, config: Config, run: Run, region_years: int) -> list[Notice]:
    warnings = []
    for i, method in enumerate(config.normalisation):
        if method not in CROSS_REGION:
            continue
        ref = run.references[i]
        ind = tree.indicators[i]
        if ref is None:
            continue
        flat = ref.maximum <= ref.minimum if method == "minmax" else not ref.sd
        if flat:
            warnings.append(Notice("flat-normalisation", (
                ("indicator", ind.id), ("method", method), ("count", ref.count))))
    return warnings


_NORMALISATION_TEXT = {
    "goalposts": "linear between goalposts, clipped; natural log first where transform: log; "
                 "flipped for direction: lower",
    "distance-to-target": "share of the way from the worst goalpost to the target, capped at "
                          "the target",
    "minmax": "linear between the lowest and highest value of all region-years in the run",
    "zscore": "z-score over all region-years in the run, placed on the scale as "
              "middle + z × a tenth of its width, clipped",
}


def _methods(tree: Tree, config: Config, bootstrap: Bootstrap | None,
             consistency: bool) -> Methods:
    indicator_set = tree.set
    rules = sorted({ind.respondents for ind in tree.indicators})
    group_methods = sorted({g.aggregation for g in indicator_set.groups()})
    used = sorted(set(config.normalisation), key=list(NORMALISERS).index)
    if used == ["goalposts"]:
        normalisation = f"goalposts: {_NORMALISATION_TEXT['goalposts']}"
    else:
        normalisation = "; ".join(
            f"{name} ({config.normalisation.count(name)} indicators): {_NORMALISATION_TEXT[name]}"
            for name in used)
    extra: list[tuple[str, str]] = []
    unclipped = sum(1 for ind in tree.indicators if not ind.clip)
    if unclipped:
        extra.append(("clip", f"{unclipped} indicators not clipped: fixed bounds, a value "
                      "beyond a goalpost scores beyond the scale; a score below the lowest "
                      "band gets the lowest band"))
    floors = [node.floor for node in tree.groups if node.aggregation == "geometric"]
    if floors:
        given = sorted({f for f in floors if f is not None})
        extra.append(("geometric", "child scores below " + " / ".join(f"{f:g}" for f in given)
                      + " raised to that floor before a geometric mean" if given else
                      "a geometric mean with a child scoring 0 or less is refused (the group "
                      "is not assessed)"))
    imputations = [m for m in config.imputation if m != "none"]
    if imputations:
        counts = {m: imputations.count(m) for m in sorted(set(imputations))}
        extra.append(("imputation", "; ".join(
            f"{m} ({n} indicators)" for m, n in counts.items())
            + ". group-mean / group-median fill a missing score with the unweighted mean / "
              "median of the measured sibling indicators' scores and do not count as coverage; "
              "previous-year carries the region's latest earlier value forward and counts as "
              "coverage"))
    treatments: dict[tuple[str, tuple[float, float], str], int] = {}
    for outliers in config.outliers:
        if outliers is not None:
            kind = (outliers.method, outliers.limits, outliers.over)
            treatments[kind] = treatments.get(kind, 0) + 1
    if treatments:
        extra.append(("outliers", "; ".join(
            f"{method} at the {low:g} and {high:g} quantiles of the "
            + ("answers of each region-year" if over == "answers"
               else "values of all region-years in the run")
            + f" ({count} indicators)"
            for (method, (low, high), over), count in sorted(treatments.items()))))
    if bootstrap is not None:
        extra.append(("bootstrap", (
            f"{bootstrap.draws} draws, seed {bootstrap.seed}, {bootstrap.confidence:.0%} "
            f"percentile intervals; {bootstrap.level} resampled with replacement within each "
            "region-year (and within each role)")))
    if consistency:
        extra.append(("consistency", "Cronbach's alpha and corrected item–total correlations "
                      "of the Likert items of each group, over respondents who answered all"))
    return Methods(
        normalisation=normalisation,
        aggregation=f"within groups: weighted {' / '.join(group_methods)} mean; "
                    f"pillars into the index: weighted {indicator_set.aggregation} mean",
        respondents="answers combined per indicator by " + ", ".join(rules)
                    + ("; role weights " + ", ".join(f"{r}={w:g}"
                                                     for r, w in indicator_set.role_weights)
                       if indicator_set.role_weights else ""),
        missing="not answered = not assessed; weights renormalised over assessed siblings; "
                "a group below its minimum coverage is not assessed",
        min_coverage=indicator_set.min_coverage,
        extra=tuple(extra),
    )
