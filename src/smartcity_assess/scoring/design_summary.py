"""What the survey design does to a run: the roles, the unweighted index, the index as each
role sees it, and the indicators where roles disagree (docs/methods.md §14).

The engine calls :func:`summarise` with the cells it scored (design-weighted and
post-stratified) and the cells of the same answers with every answer counting once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..survey.data import RegionData, RegionYear, SurveyData
from ..survey.load import UNSPECIFIED_ROLE
from .combine import Cell
from .design import SurveyDesign, effective_n
from .indicator_scores import Config, Run, score_run
from .normalise import NORMALISERS
from .results import DesignResult, RegionDesign, RoleComparison, RoleEstimate, RoleSample
from .tree import Tree

Z = 1.96
"""Two-sided 95 % normal quantile: roles "differ" when their scores are further apart than
1.96 standard errors of the difference."""


def summarise(tree: Tree, survey: SurveyData, keys: Sequence[RegionYear],
              cells: Sequence[Sequence[Cell]], unweighted: Sequence[Sequence[Cell]],
              run: Run, config: Config, design: SurveyDesign | None,
              weighted: bool) -> DesignResult:
    """The design of every region-year of a run."""
    plain = score_run(tree, keys, [[c.value for c in row] for row in unweighted], config)
    regions = []
    roles_seen = sorted({rv.role or "" for row in cells for c in row for rv in c.by_role})
    by_role_runs = {role: score_run(tree, keys, [
        [_role_value(c, role) for c in row] for row in cells], config) for role in roles_seen}
    for r, key in enumerate(keys):
        data = survey.regions[key]
        plain_index = tree.evaluate(plain.scores[r], plain.coverage[r])[0][tree.root]
        indices = {role: tree.evaluate(found.scores[r], found.coverage[r])[0][tree.root]
                   for role, found in by_role_runs.items()
                   if any(len(c.by_role) > 1 and any((rv.role or "") == role
                                                      for rv in c.by_role)
                          for c in cells[r])}
        regions.append(RegionDesign(
            region=key[0], year=key[1],
            roles=_roles(data, design, indices),
            unweighted=plain_index,
            comparisons=_comparisons(tree, cells[r], run, r, config),
            poststratified=tuple(ind.id for ind, c in zip(tree.indicators, cells[r],
                                                          strict=True) if c.poststratified)))
    return DesignResult(
        post_stratify=design.post_stratify if design else None, weighted=weighted,
        population=design.population if design else (),
        source=design.source if design else "",
        purposive=design.purposive if design else (),
        census=tuple(r.role for r in design.roles if r.selection == "census") if design else (),
        regions=tuple(regions))


def _role_value(cell: Cell, role: str) -> float | None:
    """The cell's value from ``role``'s answers alone when several roles answered and this
    one among them; else the cell's own value."""
    for found in cell.by_role:
        if (found.role or "") == role:
            return found.value
    return cell.value


def _roles(data: RegionData, design: SurveyDesign | None,
           indices: dict[str, float | None]) -> tuple[RoleSample, ...]:
    ids: dict[str, set[str]] = {}  # respondents per role, as data.roles counts them
    for answers in data.answers.values():
        codes = answers.respondent_codes
        labels = answers.respondent_labels
        if codes is None or labels is None or not len(answers):
            continue
        pairs = np.unique(np.column_stack((answers.role_codes.astype(np.int64),
                                           codes.astype(np.int64))), axis=0)
        roles, names = answers.role_labels.names, labels.names
        for role, respondent in pairs.tolist():  # one per distinct (role, respondent)
            ids.setdefault(roles[role] or UNSPECIFIED_ROLE, set()).add(names[respondent])
    total_post = 0
    population_total = 0.0
    if design is not None and design.post_stratify == "role":
        for role, count in data.roles.items():
            if design.size_of(role) is not None:
                total_post += count
                population_total += design.size_of(role) or 0.0
    out = []
    for role, count in sorted(data.roles.items()):
        weights = [data.weights.get(rid, 1.0) for rid in sorted(ids.get(role, ()))]
        size = design.population_size(role) if design else None
        share = population = None
        if design is not None and design.post_stratify == "role" and total_post:
            found = design.size_of(role)
            if found is not None:
                share = count / total_post
                population = found / population_total
        out.append(RoleSample(
            role=role, n=count, effective_n=effective_n(weights) if weights else float(count),
            population=size, selection=_selection(design, role),
            sample_share=share, population_share=population, index=indices.get(role)))
    return tuple(out)


def _selection(design: SurveyDesign | None, role: str) -> str:
    """How the role was chosen: as the design names it; ``random`` for a post-stratum
    without a word on it; empty (unknown) otherwise."""
    if design is None:
        return ""
    named = design.role(role)
    if named is not None:
        return named.selection
    if design.post_stratify == "role" and design.size_of(role) is not None:
        return "random"
    return ""


def _comparisons(tree: Tree, cells: Sequence[Cell], run: Run, r: int, config: Config
                 ) -> tuple[RoleComparison, ...]:
    scale = tree.set.scale
    out = []
    for i, (ind, cell) in enumerate(zip(tree.indicators, cells, strict=True)):
        if len(cell.by_role) < 2:
            continue
        method = config.normalisation[i]
        normalise = NORMALISERS[method]
        reference = run.references[i]
        estimates = []
        for found in cell.by_role:
            score = normalise(found.value, ind, scale, reference)
            margin = None
            if found.sd is not None and found.n >= 2:
                error = found.sd / math.sqrt(found.n)
                slope = (normalise(found.value + error, ind, scale, reference)
                         - normalise(found.value - error, ind, scale, reference)) / 2
                margin = Z * abs(slope)
            estimates.append(RoleEstimate(found.role, found.n, found.value, score, margin))
        out.append(RoleComparison(id=ind.id, pooled=run.scores[r][i], roles=tuple(estimates),
                                  differ=_differ(estimates)))
    return tuple(out)


def _differ(estimates: Sequence[RoleEstimate]) -> bool:
    """Some two roles' scores are further apart than 1.96 standard errors of the difference
    (each margin is 1.96 standard errors)."""
    for a in range(len(estimates)):
        for b in range(a + 1, len(estimates)):
            one, two = estimates[a], estimates[b]
            if one.score is None or two.score is None or one.margin is None \
                    or two.margin is None:
                continue
            if abs(one.score - two.score) > math.hypot(one.margin, two.margin):
                return True
    return False
