"""The chapters of the roadmap: what each shows beyond the shared facts, and its builder.

Templates: ``templates/chapters/roadmap/<name>.html`` and ``.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...messages import text
from ...planning.planner import Money
from ..facts import ReportFacts, ReportSources, program_references
from ..views import ActionView, DependencyView, YearCostView
from . import Chapter, Document
from .plans import (
    ExistingView,
    KpiView,
    MandateView,
    MissingView,
    OwnerLoad,
    StageView,
    cost_by_source,
    dimension_views,
    existing_views,
    kpi_views,
    mandate_views,
    owner_loads,
    stage_views,
)


@dataclass(frozen=True, kw_only=True)
class OverviewChapter(Chapter):
    """The roadmap at a glance: key figures, the stages and what a planner must know."""

    TITLE = "ch_overview"
    ANCHOR = "ikhtisar"
    PARTIAL = "chapters/roadmap/overview"

    stages: tuple[StageView, ...]
    masterplan: tuple[int, int]
    rpjmd: tuple[int, int]
    cost: Money
    unfunded: int
    beyond: int
    existing: int
    mandatory: int
    warnings: tuple[str, ...]


def overview(facts: ReportFacts, src: ReportSources) -> OverviewChapter:
    roadmap = src.roadmap
    refer = program_references(roadmap, src.plan, src.assessment.indicator_set, src.lang)
    return OverviewChapter(
        stages=stage_views(facts, src), masterplan=roadmap.masterplan, rpjmd=roadmap.rpjmd,
        cost=roadmap.total_cost(), unfunded=len(roadmap.unfunded()),
        beyond=len(roadmap.beyond_horizon()), existing=len(roadmap.existing),
        mandatory=len(roadmap.mandates),
        warnings=tuple(refer(w.get(src.lang)) for w in roadmap.warnings))


@dataclass(frozen=True, kw_only=True)
class BaselineChapter(Chapter):
    """What already runs or is done before the first plan year: never proposed again."""

    TITLE = "ch_baseline"
    ANCHOR = "kondisi-awal"
    PARTIAL = "chapters/roadmap/baseline"

    existing: tuple[ExistingView, ...]
    first_year: int


def baseline(facts: ReportFacts, src: ReportSources) -> BaselineChapter | None:
    found = existing_views(src)
    return BaselineChapter(existing=found, first_year=src.roadmap.start_year) if found \
        else None


@dataclass(frozen=True, kw_only=True)
class MandatesChapter(Chapter):
    """The programs a regulation requires, scheduled first, and their deadline."""

    TITLE = "ch_mandates"
    ANCHOR = "wajib"
    PARTIAL = "chapters/roadmap/mandates"

    mandates: tuple[MandateView, ...]
    deadline: int


def mandates(facts: ReportFacts, src: ReportSources) -> MandatesChapter | None:
    found = mandate_views(facts, src)
    return MandatesChapter(mandates=found, deadline=src.roadmap.rpjmd[1]) if found else None


@dataclass(frozen=True, kw_only=True)
class YearsChapter(Chapter):
    """What starts in each stage: each year of the current RPJMD, then the later phases,
    with the reason for every placement."""

    TITLE = "ch_years"
    ANCHOR = "tahapan"
    PARTIAL = "chapters/roadmap/years"

    stages: tuple[StageView, ...]


def years(facts: ReportFacts, src: ReportSources) -> YearsChapter:
    return YearsChapter(stages=stage_views(facts, src))


@dataclass(frozen=True, kw_only=True)
class TimelineChapter(Chapter):
    """The scheduled programs on a timeline."""

    TITLE = "ch_timeline"
    ANCHOR = "linimasa"
    PARTIAL = "chapters/roadmap/timeline"


def timeline(facts: ReportFacts, src: ReportSources) -> TimelineChapter:
    return TimelineChapter()


@dataclass(frozen=True, kw_only=True)
class CostsChapter(Chapter):
    """Indicative cost per year and funding source against the envelopes."""

    TITLE = "ch_costs"
    ANCHOR = "biaya"
    PARTIAL = "chapters/roadmap/costs"

    years: tuple[YearCostView, ...]
    sources: tuple[str, ...]
    total: Money
    budget_given: bool


def costs(facts: ReportFacts, src: ReportSources) -> CostsChapter:
    found = facts.year_costs
    return CostsChapter(years=found, sources=tuple(s for s, _ in found[0].by_source)
                        if found else (), total=src.roadmap.total_cost(),
                        budget_given=src.roadmap.budget_given)


@dataclass(frozen=True, kw_only=True)
class TrajectoryChapter(Chapter):
    """The projected scores against the target path."""

    TITLE = "ch_trajectory"
    ANCHOR = "proyeksi"
    PARTIAL = "chapters/roadmap/trajectory"


def trajectory(facts: ReportFacts, src: ReportSources) -> TrajectoryChapter:
    return TrajectoryChapter()


@dataclass(frozen=True, kw_only=True)
class KpisChapter(Chapter):
    """The target of every KPI, year by year."""

    TITLE = "ch_kpis"
    ANCHOR = "target-kpi"
    PARTIAL = "chapters/roadmap/kpis"

    kpis: tuple[KpiView, ...]
    years: tuple[int, ...]


def kpis(facts: ReportFacts, src: ReportSources) -> KpisChapter:
    return KpisChapter(kpis=kpi_views(facts, src), years=src.roadmap.plan_years)


@dataclass(frozen=True, kw_only=True)
class OwnersChapter(Chapter):
    """The programs of each agency, its money and its starts per year against its limit."""

    TITLE = "ch_owners"
    ANCHOR = "opd"
    PARTIAL = "chapters/roadmap/owners"

    owners: tuple[OwnerLoad, ...]
    years: tuple[int, ...]
    per_year: int


def owners(facts: ReportFacts, src: ReportSources) -> OwnersChapter:
    return OwnersChapter(owners=owner_loads(facts, src, dimension_views(facts, src)),
                         years=src.roadmap.plan_years, per_year=src.roadmap.capacity_per_year)


@dataclass(frozen=True, kw_only=True)
class DependenciesChapter(Chapter):
    """Programs that wait for others, and what nothing provides."""

    TITLE = "ch_dependencies"
    ANCHOR = "ketergantungan"
    PARTIAL = "chapters/roadmap/dependencies"

    dependencies: tuple[DependencyView, ...]
    missing: tuple[MissingView, ...]


def dependencies(facts: ReportFacts, src: ReportSources) -> DependenciesChapter:
    by_id = {a.id: a for a in facts.actions}
    catalogue = {a.id: a for a in src.assessment.indicator_set.actions()}
    existing = {e.id: e for e in src.roadmap.existing}
    existing |= {e.action: e for e in src.roadmap.existing if e.action}
    found = []
    seen: set[tuple[str, str]] = set()
    for dep in src.roadmap.dependencies:
        if (dep.action, dep.depends_on) in seen:  # a depends_on and a requires edge
            continue
        seen.add((dep.action, dep.depends_on))
        planned = by_id.get(dep.depends_on)
        if planned is not None:
            title = planned.title
        elif dep.basis == "existing" and dep.depends_on in existing:
            title = existing[dep.depends_on].title.get(src.lang) or dep.depends_on
        elif dep.depends_on in catalogue:
            title = catalogue[dep.depends_on].title.get(src.lang) or dep.depends_on
        elif dep.depends_on in existing:
            title = existing[dep.depends_on].title.get(src.lang) or dep.depends_on
        else:
            title = dep.depends_on
        found.append(DependencyView(
            action=by_id[dep.action], depends_on=dep.depends_on, depends_title=title,
            depends_start=planned.start if planned is not None else None, status=dep.status,
            status_label=text(BASIS_KEYS[dep.basis], src.lang)))
    found.sort(key=lambda d: (d.action.start is None, d.action.start or 0, d.action.rank))
    missing = tuple(MissingView(by_id[m.action], m.artefact) for m in src.roadmap.missing)
    return DependenciesChapter(dependencies=tuple(found), missing=missing)


BASIS_KEYS = {"scheduled": "dep_scheduled", "existing": "dep_existing", "fact": "dep_fact",
              "unfunded": "dep_unfunded", "beyond_horizon": "dep_beyond",
              "missing": "dep_missing"}
"""How a prerequisite stands (the planner's ``basis``) → catalogue key of the words."""


@dataclass(frozen=True, kw_only=True)
class DeferredChapter(Chapter):
    """Programs the money does not reach and programs beyond the horizon, with the reason
    for each, and notes on the planning method."""

    TITLE = "ch_deferred"
    ANCHOR = "belum-terjadwal"
    PARTIAL = "chapters/roadmap/deferred"

    unfunded: tuple[ActionView, ...]
    beyond: tuple[ActionView, ...]
    sources: tuple[str, ...]


def deferred(facts: ReportFacts, src: ReportSources) -> DeferredChapter:
    by_id = {a.id: a for a in facts.actions}
    return DeferredChapter(
        unfunded=tuple(by_id[a.id] for a in src.roadmap.unfunded()),
        beyond=tuple(by_id[a.id] for a in src.roadmap.beyond_horizon()),
        sources=tuple(line.key for line in cost_by_source(src)))


ROADMAP: Document[ReportFacts, ReportSources] = Document("roadmap", (
    overview, baseline, mandates, years, timeline, costs, trajectory, kpis, owners,
    dependencies, deferred))
"""The roadmap's chapters, in order."""
