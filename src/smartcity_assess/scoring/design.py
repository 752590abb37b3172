"""Survey design: post-stratification, finite-population corrections and what a sample is.

Samples are rarely proportional: 110 citizens and 40 MSME owners pooled are not the
population of a regency. Three things correct or qualify that (docs/methods.md §14):

* **design weights** — the survey's ``weight`` column: a respondent's answers count with that
  weight (times the role's weight) in every mean, share and median (:mod:`.columns`);
* **post-stratification** — the answers of each post-stratum (a role, or the survey's
  ``stratum`` column) are reweighted so that the strata carry their population shares:
  ``v = Σ_h P_h v_h`` with ``v_h`` the weighted value of stratum ``h`` and
  ``P_h = N_h / Σ_{k present} N_k`` over the strata that answered (:func:`poststratify`);
* **finite-population correction** — a role whose population is small and mostly answered
  (every OPD) has little or no sampling error: its bootstrap deviations are scaled by
  ``√(1 − n/N)`` (:func:`fpc_scale`);

and a role's sample may be *purposive* (chosen, not drawn): its interval describes the spread
of the answers given, not a sampling error, and the report says so.

:class:`SurveyDesign` is what the plan file's ``design:`` section says; pure data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .columns import Column, Lineup
from .grouped import Bools, FloatArray, IntArray

PostStratify = Literal["role", "stratum"]
Selection = Literal["random", "census", "purposive"]
SELECTIONS: tuple[Selection, ...] = ("random", "census", "purposive")


@dataclass(frozen=True)
class RoleDesign:
    """How one role's respondents were chosen, and how many there are in the population."""

    role: str
    size: int | None = None
    """Units of the role in the population (e.g. 32 OPD), for the finite-population
    correction; None: large (no correction)."""
    selection: Selection = "random"
    """``random`` (a probability sample), ``census`` (every unit was asked) or ``purposive``
    (chosen: the interval is not a sampling error)."""


@dataclass(frozen=True)
class SurveyDesign:
    """The design of a survey, as the plan file's ``design:`` section gives it."""

    post_stratify: PostStratify | None = None
    """What the post-strata are: roles, or the survey's ``stratum`` column; None: none."""
    population: tuple[tuple[str, float], ...] = ()
    """Population size of each post-stratum (a role or a stratum value), sorted."""
    roles: tuple[RoleDesign, ...] = ()
    source: str = ""
    """Where the population figures come from (a citation, or "illustrative")."""

    def role(self, name: str | None) -> RoleDesign | None:
        """The design of one role (None when the design does not name it)."""
        for found in self.roles:
            if found.role == name:
                return found
        return None

    def size_of(self, stratum: str) -> float | None:
        """The population size of a post-stratum (None when not given)."""
        for name, size in self.population:
            if name == stratum:
                return size
        return None

    def population_size(self, role: str | None) -> int | None:
        """The role's population size: its own ``size``, else (post-stratifying by role)
        its population figure."""
        found = self.role(role)
        if found is not None and found.size is not None:
            return found.size
        if self.post_stratify == "role" and role is not None:
            size = self.size_of(role)
            return int(size) if size is not None else None
        return None

    def selection(self, role: str | None) -> Selection:
        found = self.role(role)
        return found.selection if found is not None else "random"

    @property
    def purposive(self) -> tuple[str, ...]:
        """Roles whose respondents were chosen, not drawn."""
        return tuple(r.role for r in self.roles if r.selection == "purposive")


def sizes_by_code(design: SurveyDesign, names: Sequence[str | None]) -> FloatArray:
    """Population size per stratum code (NaN where the design gives none)."""
    return np.array([math.nan if name is None or (size := design.size_of(str(name))) is None
                     else size for name in names], dtype=np.float64)


def poststratify(weights: FloatArray, strata: IntArray, starts: IntArray,
                 sizes: FloatArray) -> tuple[FloatArray, Bools]:
    """Weights reweighted so that within each group (region-year) every post-stratum carries
    its population share among the strata that answered:
    ``w*_i = w_i · N_h / (S_gh · Σ_{k present in g} N_k)`` with ``S_gh`` the group's weight in
    stratum ``h``. Then a weighted mean is ``Σ_h P_h v_h``.

    A group with an answer outside every known stratum (code −1 or a size of NaN) keeps its
    weights: returns (weights, per group: whether it was post-stratified).
    """
    count = len(starts) - 1
    if not len(weights):
        return weights, np.zeros(count, dtype=bool)
    group = np.repeat(np.arange(count), np.diff(starts))
    known_code = strata >= 0
    size = np.where(known_code, sizes[np.where(known_code, strata, 0)], math.nan)
    known = ~np.isnan(size)
    unknown_in = np.bincount(group, weights=(~known).astype(np.float64), minlength=count)
    applies = (unknown_in == 0) & (np.diff(starts) > 0)
    strata_count = len(sizes)
    key = group * max(strata_count, 1) + np.where(known, strata, 0)
    slots = count * max(strata_count, 1)
    total = np.bincount(key, weights=np.where(known, weights, 0.0), minlength=slots)
    present = (total > 0).reshape(count, max(strata_count, 1))
    population = np.where(present, np.nan_to_num(sizes)[None, :], 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        adjusted = weights * size / (total[key] * population[group])
    use = applies[group]
    return np.where(use, adjusted, weights), applies


def fpc_scale(n: int, size: int | None) -> float:
    """√(1 − n/N), the factor on a stratum's bootstrap deviations for a sampling fraction
    n/N; 1 when N is unknown, 0 for a census (n ≥ N)."""
    if size is None or size <= 0:
        return 1.0
    return math.sqrt(max(0.0, 1.0 - n / size))


def effective_n(weights: Sequence[float]) -> float:
    """Kish's effective sample size (Σw)² / Σw² (n when every weight is equal)."""
    total = math.fsum(weights)
    squares = math.fsum(w * w for w in weights)
    return total * total / squares if squares > 0 else 0.0


def poststrata(design: SurveyDesign | None, lineup: Lineup, column: Column
               ) -> tuple[IntArray, FloatArray] | None:
    """Each answer's post-stratum code and the population size of each code, when the design
    post-stratifies (None otherwise, or when the survey has no stratum column to use)."""
    if design is None or design.post_stratify is None:
        return None
    if design.post_stratify == "role":
        return column.roles, sizes_by_code(design, lineup.roles.names)
    if column.strata is None:
        return None
    return column.strata, sizes_by_code(design, lineup.strata.names)
