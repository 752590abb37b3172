"""The masterplan's chapter on the survey's design: who answered, how they were chosen, the
design-weighted index next to the unweighted one, and where roles disagree.

Present when the run had a survey design (the plan's ``design:``) or design weights (the
survey's ``weight`` column); docs/reports.md describes it, docs/methods.md §14 its numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...messages import text
from ...scoring.results import RegionDesign, RoleSample
from ..facts import ReportFacts, ReportSources, interval_view
from ..views import IntervalView
from . import Chapter

SELECTION_KEYS = {"random": "design_selection_random", "census": "design_selection_census",
                  "purposive": "design_selection_purposive"}
"""How a role was sampled → catalogue key of its word."""


@dataclass(frozen=True)
class RoleRow:
    """One role of the region-year: how many answered and what they stand for."""

    role: str
    n: int
    effective_n: float
    weighted: bool
    """The role's design weights differ (its effective n is below n)."""
    population: int | None
    selection: str
    """``random``, ``census`` or ``purposive``; empty when not known."""
    selection_label: str
    sample_share: float | None
    population_share: float | None
    index: float | None
    """The index as this role sees it (None: it shares no indicator with another role)."""


@dataclass(frozen=True)
class RoleCell:
    """One role's score of an indicator several roles answer."""

    role: str
    n: int
    score: float | None
    margin: float | None


@dataclass(frozen=True)
class ComparisonRow:
    """An indicator answered by several roles."""

    id: str
    title: str
    pooled: float | None
    cells: tuple[RoleCell | None, ...]
    """One per role of :attr:`DesignChapter.compared` (None: that role did not answer)."""
    differ: bool


@dataclass(frozen=True, kw_only=True)
class DesignChapter(Chapter):
    """The survey design: roles, the design-weighted and unweighted index, role estimates."""

    TITLE = "ch_design"
    ANCHOR = "desain-survei"
    PARTIAL = "chapters/masterplan/design"

    index: float | None
    """The index as scored: design-weighted (and post-stratified)."""
    interval: IntervalView | None
    unweighted: float | None
    """The index with every answer counting once."""
    post_stratify: str | None
    weighted: bool
    roles: tuple[RoleRow, ...]
    compared: tuple[str, ...]
    """The roles with a column in :attr:`comparisons`."""
    comparisons: tuple[ComparisonRow, ...]
    differing: int
    purposive: tuple[str, ...]
    census: tuple[str, ...]
    source: str

    @property
    def shift(self) -> float | None:
        """How much the design weights move the index (weighted minus unweighted, points);
        None without both numbers."""
        if self.index is None or self.unweighted is None:
            return None
        return self.index - self.unweighted

    @property
    def shift_key(self) -> str | None:
        """The sentence that says which way the weights move the index, so that the reader
        gets a direction in words and a size, never a bare signed number."""
        shift = self.shift
        if shift is None:
            return None
        if abs(shift) < SHIFT_SHOWN:
            return SHIFT_KEYS["none"]
        return SHIFT_KEYS["up" if shift > 0 else "down"]


SHIFT_SHOWN = 0.005
"""Below this the shift shows as 0,00 with two decimals: "does not change the index"."""
SHIFT_KEYS = {"up": "design_shift_up", "down": "design_shift_down",
              "none": "design_shift_none"}


def design(facts: ReportFacts, src: ReportSources) -> DesignChapter | None:
    """The chapter, or None when the run had no design and no design weights."""
    found = src.assessment.design
    region = found.for_region(src.result.region, src.result.year) if found else None
    if found is None or region is None:
        return None
    compared = sorted({e.role or "" for c in region.comparisons for e in c.roles})
    rows = []
    for comparison in region.comparisons:
        by_role = {e.role or "": e for e in comparison.roles}
        rows.append(ComparisonRow(
            id=comparison.id, title=src.title_of(comparison.id), pooled=comparison.pooled,
            cells=tuple(RoleCell(r, e.n, e.score, e.margin) if (e := by_role.get(r)) else None
                        for r in compared),
            differ=comparison.differ))
    return DesignChapter(
        index=src.result.score, interval=interval_view(src.result.interval),
        unweighted=region.unweighted, post_stratify=found.post_stratify,
        weighted=found.weighted, roles=_roles(region, src.lang), compared=tuple(compared),
        comparisons=tuple(rows), differing=sum(1 for r in rows if r.differ),
        purposive=found.purposive, census=found.census, source=found.source)


def _roles(region: RegionDesign, lang: str) -> tuple[RoleRow, ...]:
    def row(sample: RoleSample) -> RoleRow:
        return RoleRow(
            role=sample.role or text("role_unknown", lang), n=sample.n,
            effective_n=sample.effective_n, weighted=sample.effective_n < sample.n - 1e-9,
            population=sample.population, selection=sample.selection,
            selection_label=(text(SELECTION_KEYS[sample.selection], lang)
                             if sample.selection in SELECTION_KEYS else "–"),
            sample_share=sample.sample_share, population_share=sample.population_share,
            index=sample.index)

    return tuple(row(sample) for sample in region.roles)
