"""One indicator's answers across every region-year of a run, as one grouped column.

The survey holds answers per region-year and indicator (:class:`~..survey.data.Answers`).
Scoring works per indicator over all region-years at once: :class:`Lineup` concatenates an
indicator's answers in the run's region-year order, keeps the usable ones (the roles the
indicator asks, role weight above 0) with their role weight, and records where each
region-year's answers start (a region-year code per answer, as offsets). Role and respondent
codes are brought onto one table for the whole run, so that a respondent is recognised across
indicators (the survey reader shares one table already; hand-built surveys are re-coded).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..indicators.model import Indicator
from ..survey.data import Answers, Labels, RegionYear, SurveyData
from .grouped import Bools, FloatArray, IntArray, counts_where


@dataclass(frozen=True)
class Column:
    """The usable answers of one indicator, grouped by region-year (in the run's order)."""

    values: FloatArray
    weights: FloatArray
    """Each answer's role weight (all above 0)."""
    roles: IntArray
    """Each answer's role, a code of :attr:`Lineup.roles`."""
    respondents: IntArray
    """Each answer's respondent, a code of the run's respondent table (−1: unknown)."""
    starts: IntArray
    """Region-year ``g`` holds ``values[starts[g]:starts[g + 1]]``."""
    identified: Bools
    """Per region-year: every answer (usable or not) carries its respondent's id."""
    strata: IntArray | None = None
    """Each answer's design stratum, a code of :attr:`Lineup.strata` (−1: none); None when
    the survey has no stratum column."""

    @property
    def uniform(self) -> bool:
        """True when every answer has the same weight."""
        return not len(self.weights) or bool((self.weights == self.weights[0]).all())


class Lineup:
    """The answers of a survey, ready to be lined up per indicator for a run's region-years."""

    def __init__(self, survey: SurveyData, keys: Sequence[RegionYear],
                 role_weights: dict[str, float], design_weights: bool = True) -> None:
        self.keys = list(keys)
        self.regions = [survey.regions[key] for key in keys]
        self.role_weights = role_weights
        role_tables: dict[int, Labels] = {}
        tables: dict[int, Labels] = {}
        for region in self.regions:
            for answers in region.answers.values():
                role_tables.setdefault(id(answers.role_labels), answers.role_labels)
                labels = answers.respondent_labels
                if labels is not None:
                    tables.setdefault(id(labels), labels)
        self._role_maps: dict[int, IntArray | None] = {}
        if len(role_tables) == 1:  # one table (the reader's): its codes are the run's
            (key, self.roles), = role_tables.items()
            self._role_maps[key] = None
        else:
            self.roles = Labels()
        """Every role of the run (None for "no role")."""
        self._respondent_maps: dict[int, IntArray | None] = {}
        if len(tables) > 1:  # surveys built by hand: one table per Answers; bring them together
            merged = Labels()
            for key, labels in tables.items():
                self._respondent_maps[key] = np.array(merged.codes(labels.names),
                                                      dtype=np.int64)
            self.respondents = len(merged)
        else:
            self._respondent_maps = dict.fromkeys(tables)
            self.respondents = sum(len(labels) for labels in tables.values())
        """Respondent codes of the run: every code is below this."""
        self.weighted = design_weights and any(region.weights for region in self.regions)
        """Some respondent has a design weight (the survey's ``weight`` column)."""
        self.strata = Labels()
        """Every design stratum of the run (the survey's ``stratum`` column)."""
        self.stratified = any(region.strata for region in self.regions)
        self._design: dict[tuple[int, int], tuple[IntArray, FloatArray, IntArray]] = {}

    def _design_of(self, g: int, answers: Answers) -> tuple[FloatArray, IntArray]:
        """Each answer's design weight (1 without one) and stratum code (−1 without one), from
        its respondent's entries in region-year ``g``."""
        labels = answers.respondent_labels
        codes = answers.respondent_codes
        if labels is None or codes is None:
            return np.ones(len(answers)), np.full(len(answers), -1, dtype=np.int64)
        key = (g, id(labels))
        found = self._design.get(key)
        if found is None:
            region = self.regions[g]
            names = sorted(set(region.weights) | set(region.strata))
            known = np.array(labels.codes(names), dtype=np.int64)
            order = np.argsort(known, kind="stable")
            weights = np.array([region.weights.get(n, 1.0) for n in names])[order]
            strata = np.array([self.strata.code(region.strata[n]) if n in region.strata
                               else -1 for n in names], dtype=np.int64)[order]
            found = self._design[key] = (known[order], weights, strata)
        known, weights, strata = found
        if not len(known):
            return np.ones(len(answers)), np.full(len(answers), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(known, codes), len(known) - 1)
        hit = known[at] == codes
        return (np.where(hit, weights[at], 1.0),
                np.where(hit, strata[at], -1).astype(np.int64))

    def _role_codes(self, answers: Answers) -> IntArray:
        labels = answers.role_labels
        key = id(labels)
        if key in self._role_maps and self._role_maps[key] is None:
            return answers.role_codes.astype(np.int64)
        found = self._role_maps.get(key)
        if found is None or len(found) < len(labels):
            found = self._role_maps[key] = np.array(self.roles.codes(labels.names),
                                                    dtype=np.int64)
        return found[answers.role_codes]

    def _respondent_codes(self, answers: Answers) -> IntArray:
        codes = answers.respondent_codes
        labels = answers.respondent_labels
        if codes is None or labels is None:
            return np.full(len(answers), -1, dtype=np.int64)
        mapping = self._respondent_maps.get(id(labels))
        return codes.astype(np.int64) if mapping is None else mapping[codes]

    def role_weight(self, indicator: Indicator, role: str | None) -> float:
        """The weight of an answer from ``role`` (0: the indicator does not ask this role)."""
        if indicator.roles and role not in indicator.roles:
            return 0.0
        return self.role_weights.get(role or "", 1.0)

    def column(self, indicator: Indicator) -> Column:
        """The indicator's usable answers in every region-year of the run."""
        parts = [region.answers.get(indicator.id) for region in self.regions]
        present = [p for p in parts if p is not None and len(p)]
        design = None
        if self.weighted or self.stratified:
            design = [self._design_of(g, p) for g, p in enumerate(parts)
                      if p is not None and len(p)]
        sizes = np.array([len(p) if p is not None else 0 for p in parts], dtype=np.int64)
        identified = np.array([p is None or not len(p) or p.respondent_codes is not None
                               for p in parts], dtype=bool)
        if present:
            values = np.concatenate([p.values for p in present])
            roles = np.concatenate([self._role_codes(p) for p in present])
            respondents = np.concatenate([self._respondent_codes(p) for p in present])
        else:
            values = np.empty(0)
            roles = respondents = np.empty(0, dtype=np.int64)
        table = np.array([self.role_weight(indicator, name) for name in self.roles.names],
                         dtype=np.float64)
        starts = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
        chosen: FloatArray | None = None  # the respondents' design weights
        strata: IntArray | None = None
        if design:
            chosen = np.concatenate([d[0] for d in design])
            strata = np.concatenate([d[1] for d in design]) if self.stratified else None
        if len(table) and (table > 0).all() and (table == table[0]).all():
            weights = np.full(len(values), table[0])
        else:
            weights = table[roles] if len(table) else np.empty(0)
            if not (weights > 0).all():
                keep = weights > 0
                starts = np.concatenate(([0], np.cumsum(counts_where(keep, starts))))
                values, roles, respondents, weights = (values[keep], roles[keep],
                                                       respondents[keep], weights[keep])
                chosen = chosen[keep] if chosen is not None else None
                strata = strata[keep] if strata is not None else None
        if chosen is not None and self.weighted:  # design weight × role weight
            weights = weights * chosen
        return Column(values, weights, roles, respondents, starts, identified, strata)
