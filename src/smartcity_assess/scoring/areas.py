"""Scores by area inside a region: a breakdown by kecamatan or desa, beside the region's score.

Survey rows may name an area (``kecamatan``, ``desa``, ``area``, ``kode``: docs/survey-data.md);
this module scores each area of a region-year with the region's methods. The region's own
score never changes: areas are a breakdown of the same answers.

How an area's scores are made (docs/methods.md, "Areas"):

* An indicator **measured by area** — at least one of the region-year's answers to it names an
  area (the citizen survey, complaint figures per kecamatan) — is combined from the area's own
  answers only. An area without answers to it has no value for it: the region's value is
  never put in its place, so an area is not flattered (or blamed) by the region.
* An indicator **answered for the whole region only** (official statistics, the OPD
  self-assessment: rows without an area) keeps the region's value in every area, marked
  ``source="region"``. Each area says how much of its index weight was measured in the area
  itself (:attr:`AreaResult.local`), so a planner sees at once when two kecamatan differ only
  in the part the survey measured.
* An area is scored only when at least :data:`MIN_RESPONDENTS` survey respondents (answers to
  ``measure`` indicators) name it; with fewer it is ``not_enough``: no index, no pillar and no
  survey value is shown for it (statistics, which describe the area and no person, still are).
  Within a scored area an indicator needs ``min(min_answers, MIN_RESPONDENTS)`` answers: the
  set's ``min_answers`` (50 for some citizen questions) is a rule for a region-wide estimate.
* Normalisation uses the region's references (goalposts, or the run's minimum and maximum for
  ``minmax``), so area and region scores are on one yardstick. Answers outside the area rule
  of a set (outliers across regions, previous-year imputation) are not applied to areas;
  sibling imputation is, as for the region.

Everything is vectorised per indicator: an indicator's answers in a region-year are sorted by
area once and combined for all areas together with the indicator's rule
(:func:`.combine.rule_values`: the value alone, without the spread and the per-role values
the region's table shows).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..geo.model import AreaRef
from ..geo.names import normalise_code, normalise_name
from ..indicators.model import Indicator
from ..survey.data import Answers, Labels, RegionData
from .columns import Column
from .combine import rule_values
from .grouped import sizes
from .impute import SIBLING_IMPUTERS
from .indicator_scores import Config, Run
from .normalise import NORMALISERS
from .results import AreaGroup, AreaIndicator, AreaResult, AreaSource
from .tree import Tree

MIN_RESPONDENTS = 10
"""Fewest survey respondents for an area to be scored. Washington State Department of Health,
"Agency Standards for Reporting Data with Small Numbers" (2018): counts below 10 are
suppressed, and survey estimates resting on fewer than 10 respondents are not shown as they
are — both to keep individuals from being recognised and because such estimates are unstable
(https://doh.wa.gov/data-statistical-reports/data-guidelines). A kecamatan with 3 respondents
would otherwise show the answers of 3 neighbours on a public map."""

@dataclass(frozen=True)
class AreaSpec:
    """One area a breakdown reports on: its key and how to name it."""

    key: str
    """Unique key (the boundary file's key, or the data's code or name)."""
    name: str
    code: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class AreaOptions:
    """How areas are scored.

    ``areas`` and ``members`` come from a boundary file (:mod:`smartcity_assess.geo`): the
    areas in file order, and which of the data's areas (:class:`AreaRef`) belong to which
    (a desa of the data to its kecamatan on a kecamatan map). None: every distinct area of the
    data is an area (same code, or same name and kecamatan), in the order they first appear.
    """

    min_respondents: int = MIN_RESPONDENTS
    areas: tuple[AreaSpec, ...] | None = None
    members: tuple[tuple[AreaRef, str], ...] = ()
    """(area of the data, key of its area in ``areas``); areas of the data not listed count
    for the region only (the match report names them)."""


def identity(ref: AreaRef) -> tuple[str, ...]:
    """When two areas of the data are one: the same code, else the same name and parent."""
    if ref.code:
        return ("code", normalise_code(ref.code))
    return ("name", normalise_name(ref.parent or ""), normalise_name(ref.name))


def data_areas(refs: Sequence[AreaRef]) -> tuple[tuple[AreaSpec, ...], dict[AreaRef, str]]:
    """The areas of a region-year's data (no boundary file): one per identity, in the order
    they first appear, keyed by the first label seen."""
    specs: list[AreaSpec] = []
    keys: dict[tuple[str, ...], str] = {}
    members: dict[AreaRef, str] = {}
    for ref in refs:
        ident = identity(ref)
        key = keys.get(ident)
        if key is None:
            key = keys[ident] = ref.label()
            specs.append(AreaSpec(key, ref.name or (ref.code or ""), ref.code, ref.parent))
        members[ref] = key
    return tuple(specs), members


def refs_of(data: RegionData) -> list[AreaRef]:
    """Every area the region-year's answers name (statistics included), first seen first."""
    seen = dict.fromkeys(data.areas)
    done: set[int] = set()
    for answers in (*data.answers.values(), *data.area_answers.values()):
        labels = answers.area_labels
        if labels is None or answers.area_codes is None or id(labels) in done:
            continue
        names = labels.names
        if all(name in seen for name in names):  # the reader counted them all already
            done.add(id(labels))
            continue
        for code in np.unique(answers.area_codes[answers.area_codes >= 0]).tolist():
            seen.setdefault(names[code], None)
    return list(seen)


def score_areas(tree: Tree, data: RegionData, r: int, run: Run, config: Config,
                options: AreaOptions) -> tuple[AreaResult, ...]:
    """The breakdown of region-year ``r`` of ``run`` by area (empty when no answer names an
    area)."""
    refs = refs_of(data)
    if not refs:
        return ()
    if options.areas is None:
        specs, members = data_areas(refs)
    else:
        specs = options.areas
        members = dict(options.members)
    index = {spec.key: g for g, spec in enumerate(specs)}
    count = len(specs)
    group_of_ref = {ref: index[key] for ref, key in members.items() if key in index}
    scale = tree.set.scale
    indicators = tree.indicators
    n_ind = len(indicators)

    values: list[list[float | None]] = [[None] * n_ind for _ in range(count)]
    scores: list[list[float | None]] = [[None] * n_ind for _ in range(count)]
    answers_n = [[0] * n_ind for _ in range(count)]
    sources: list[list[AreaSource]] = [["none"] * n_ind for _ in range(count)]
    tagged_respondents: dict[int, tuple[Labels, list[np.ndarray]]] = {}
    """Per respondent table: (area, respondent code) pairs of survey answers, as one key."""
    survey_answers = np.zeros(count, dtype=np.int64)
    """Per area: the most answers any survey indicator has (areas without respondent ids)."""
    identified = True

    for i, ind in enumerate(indicators):
        parts = [(a, found) for a in (data.answers.get(ind.id),
                                      data.area_answers.get(ind.id))
                 if a is not None and (found := _groups(a, group_of_ref)) is not None
                 and bool((found >= 0).any())]
        if not parts:
            region_score = run.scores[r][i]
            for g in range(count):
                values[g][i] = run.values[r][i]
                scores[g][i] = region_score
                sources[g][i] = "region" if region_score is not None else "none"
            continue
        is_measure = ind.kind != "fact"
        if is_measure:
            for answers, groups in parts:
                codes = answers.respondent_codes
                if codes is None or answers.respondent_labels is None:
                    identified = False
                    continue
                table = answers.respondent_labels
                keep = groups >= 0
                keys = groups[keep].astype(np.int64) * (len(table) + 1) + codes[keep]
                tagged_respondents.setdefault(id(table), (table, []))[1].append(keys)
            tagged = np.concatenate([groups[groups >= 0] for _, groups in parts])
            survey_answers = np.maximum(survey_answers, np.bincount(tagged, minlength=count))
        minimum = (min(ind.min_answers, options.min_respondents) if is_measure
                   else ind.min_answers)
        column = _column(parts, count, ind, dict(tree.set.role_weights))
        counts = sizes(column.starts).tolist()
        enough = [n >= max(minimum, 1) for n in counts]
        combined = ([math.nan] * count if not any(enough) else
                    rule_values(ind, column.values, column.weights, column.starts)[0])
        normalise = NORMALISERS[config.normalisation[i]]
        for g in range(count):
            answers_n[g][i] = counts[g]
            if not enough[g] or math.isnan(combined[g]):
                continue
            values[g][i] = combined[g]
            scores[g][i] = normalise(combined[g], ind, scale, run.references[i])
            sources[g][i] = "area"

    survey_respondents = _respondents(tagged_respondents, count)
    pillar_nodes = [(pillar.id, tree.node_of_group[pillar.id]) for pillar in tree.set.pillars]
    reach = _reach(tree, [node for _, node in pillar_nodes] + [tree.root])
    results = []
    for g, spec in enumerate(specs):
        respondents = survey_respondents[g] if identified else int(survey_answers[g])
        ok = respondents >= options.min_respondents
        row_values, row_scores, row_sources = values[g], scores[g], sources[g]
        if not ok:  # survey values of a small area are withheld; statistics stay
            for i, ind in enumerate(indicators):
                if row_sources[i] == "area" and ind.kind != "fact":
                    row_values[i] = row_scores[i] = None
                    row_sources[i] = "none"
        coverage = [0.0 if row_scores[i] is None else
                    (run.coverage[r][i] if row_sources[i] == "region" else 1.0)
                    for i in range(n_ind)]
        imputed = _impute(tree, config, row_scores)
        local = np.array([row_sources[i] == "area" for i in range(n_ind)], dtype=np.float64)
        shares = reach @ local  # the share of each node's weight measured in the area
        node_scores, node_coverage = tree.evaluate(row_scores, coverage)
        root = tree.root
        score = node_scores[root] if ok else None
        pillars = tuple(
            AreaGroup(id=pillar_id, score=node_scores[node] if ok else None,
                      coverage=node_coverage[node], local=float(shares[k]))
            for k, (pillar_id, node) in enumerate(pillar_nodes))
        results.append(AreaResult(
            key=spec.key, name=spec.name, code=spec.code, parent=spec.parent,
            status="ok" if ok else "not_enough", respondents=respondents, score=score,
            band=tree.set.band_for(score), coverage=node_coverage[root],
            local=float(shares[-1]),
            pillars=pillars,
            indicators=tuple(AreaIndicator(
                id=ind.id, value=row_values[i], score=row_scores[i],
                n=answers_n[g][i] if row_sources[i] == "area" else 0,
                source=row_sources[i], imputed=i in imputed)
                for i, ind in enumerate(indicators)),
            data_areas=tuple(ref.label() for ref, k in group_of_ref.items() if k == g)))
    return tuple(results)


def _reach(tree: Tree, nodes: Sequence[int]) -> np.ndarray:
    """Row per node: each indicator's share of the node's nominal weight (the product of the
    normalised weights on the way down; 0 outside the node). A group's coverage is linear in
    its indicators' coverages (:meth:`.tree.Tree.node_score`), so ``reach @ covered`` is the
    coverage ``tree.evaluate`` gives, for every area at once."""
    count = len(tree.indicators)
    out = np.zeros((len(nodes), count))
    for row, node in enumerate(nodes):
        stack = [(node, 1.0)]
        while stack:
            current, share = stack.pop()
            if current < count:
                out[row, current] += share
                continue
            group = tree.groups[current - count]
            stack.extend((child, share * weight)
                         for child, weight in zip(group.children, group.weights, strict=True))
    return out


MAX_MARKS = 64_000_000
"""Largest area × respondent table marked in memory (64 MB) to count respondents; larger
ones are made unique by sorting."""


def _respondents(tagged: dict[int, tuple[Labels, list[np.ndarray]]], count: int
                 ) -> list[int]:
    """Each area's distinct respondents. With one respondent table (the reader's) the
    (area, respondent) pairs are marked in a table and counted; with several (surveys built
    by hand) they are made unique per table and counted by name, as tables differ."""
    if len(tagged) == 1:
        ((table, parts),) = tagged.values()
        width = len(table) + 1
        keys = np.concatenate(parts)
        if count * width <= MAX_MARKS:
            marks = np.zeros(count * width, dtype=bool)
            marks[keys] = True
            return [int(n) for n in marks.reshape(count, width).sum(axis=1)]
        unique = np.unique(keys)
        return [int(n) for n in np.bincount(unique // width, minlength=count)]
    found: list[set[str]] = [set() for _ in range(count)]
    for table, parts in tagged.values():
        keys = np.unique(np.concatenate(parts))
        width = len(table) + 1
        names = table.names
        for group, code in zip((keys // width).tolist(), (keys % width).tolist(),
                               strict=True):
            found[group].add(names[code])
    return [len(names) for names in found]


def _groups(answers: Answers, group_of_ref: dict[AreaRef, int]) -> np.ndarray | None:
    """Each answer's area (an index into the areas; −1: the whole region, or an area of the
    data that is in no area of the breakdown)."""
    codes = answers.area_codes
    labels = answers.area_labels
    if codes is None or labels is None:
        return None
    lookup = np.array([group_of_ref.get(ref, -1) for ref in labels.names] + [-1],
                      dtype=np.int64)
    return lookup[np.where(codes >= 0, codes, len(labels.names))]


def _column(parts: Sequence[tuple[Answers, np.ndarray]], count: int, indicator: Indicator,
            role_weights: dict[str, float]) -> Column:
    """The indicator's usable answers grouped by area. ``parts`` are (answers, each answer's
    area) from the region's answers and the area-only ones; roles are brought onto one table
    (respondent codes only say whether ids are known)."""
    roles_table = Labels()
    values, weights, roles, groups = [], [], [], []
    identified = True
    for answers, part_groups in parts:
        names = list(answers.role_labels.names)
        codes = np.array(roles_table.codes(names), dtype=np.int64)[
            answers.role_codes.astype(np.int64)] if names else np.empty(0, dtype=np.int64)
        table = np.array([0.0 if indicator.roles and name not in indicator.roles
                          else role_weights.get(name or "", 1.0) for name in names],
                         dtype=np.float64)
        part_weights = table[answers.role_codes.astype(np.int64)] if len(table) else np.empty(0)
        keep = (part_groups >= 0) & (part_weights > 0)
        values.append(answers.values[keep])
        weights.append(part_weights[keep])
        roles.append(codes[keep])
        groups.append(part_groups[keep])
        identified = identified and answers.respondent_codes is not None
    all_groups = np.concatenate(groups)
    order = np.argsort(all_groups, kind="stable")
    chosen = all_groups[order]
    starts = np.concatenate(([0], np.cumsum(np.bincount(chosen, minlength=count)))).astype(
        np.int64)
    column = Column(
        values=np.concatenate(values)[order], weights=np.concatenate(weights)[order],
        roles=np.concatenate(roles)[order], respondents=np.full(len(chosen), -1, dtype=np.int64),
        starts=starts, identified=np.full(count, identified, dtype=bool))
    return column


def _impute(tree: Tree, config: Config, scores: list[float | None]) -> set[int]:
    """Sibling imputation of an area's scores, as the engine does it for a region (from
    measured siblings only); returns the indicators filled."""
    filled: list[tuple[int, float]] = []
    for i, method in enumerate(config.imputation):
        impute = SIBLING_IMPUTERS.get(method)
        if impute is None or scores[i] is not None:
            continue
        known = [s for j in tree.siblings[i] if (s := scores[j]) is not None]
        if known:
            filled.append((i, impute(known)))
    for i, score in filled:
        scores[i] = score
    return {i for i, _ in filled}
