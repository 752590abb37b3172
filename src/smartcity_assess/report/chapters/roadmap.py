"""The chapters of the roadmap: what each shows beyond the shared facts, and its builder.

Templates: ``templates/chapters/roadmap/<name>.html`` and ``.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...messages import text
from ...messages.keys import PHASE_KEYS
from ...planning.planner import phase_of
from ..facts import ReportFacts, ReportSources
from ..views import DependencyView, YearView
from . import Chapter, Document

STATUS_KEYS = {"scheduled": "status_scheduled", "in-place": "status_in-place",
               "unverified": "status_unverified", "deferred": "status_deferred"}
"""How the roadmap treats a dependency → catalogue key of its description."""


@dataclass(frozen=True, kw_only=True)
class OverviewChapter(Chapter):
    """The roadmap at a glance: key figures and the phases."""

    TITLE = "ch_overview"
    ANCHOR = "ikhtisar"
    PARTIAL = "chapters/roadmap/overview"


def overview(facts: ReportFacts, src: ReportSources) -> OverviewChapter:
    return OverviewChapter()


@dataclass(frozen=True, kw_only=True)
class YearsChapter(Chapter):
    """What starts and what continues in each year of the plan."""

    TITLE = "ch_years"
    ANCHOR = "tahapan"
    PARTIAL = "chapters/roadmap/years"

    years: tuple[YearView, ...]


def years(facts: ReportFacts, src: ReportSources) -> YearsChapter:
    roadmap = src.roadmap
    found = []
    for year in roadmap.plan_years:
        offset = year - roadmap.start_year + 1
        starting = tuple(facts.action(a.id) for a in roadmap.starting_in(year))
        continuing = tuple(facts.action(a.id) for a in roadmap.running_in(year)
                           if a.start_year is not None and a.start_year < year)
        phase = phase_of(offset)
        found.append(YearView(year, offset, phase, text(PHASE_KEYS[phase], src.lang), starting,
                              continuing, tuple(a for a in starting if a.quick_win)))
    return YearsChapter(years=tuple(found))


@dataclass(frozen=True, kw_only=True)
class TimelineChapter(Chapter):
    """The scheduled programs on a timeline."""

    TITLE = "ch_timeline"
    ANCHOR = "linimasa"
    PARTIAL = "chapters/roadmap/timeline"


def timeline(facts: ReportFacts, src: ReportSources) -> TimelineChapter:
    return TimelineChapter()


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


def kpis(facts: ReportFacts, src: ReportSources) -> KpisChapter:
    return KpisChapter()


@dataclass(frozen=True, kw_only=True)
class OwnersChapter(Chapter):
    """The programs of each agency."""

    TITLE = "ch_owners"
    ANCHOR = "opd"
    PARTIAL = "chapters/roadmap/owners"


def owners(facts: ReportFacts, src: ReportSources) -> OwnersChapter:
    return OwnersChapter()


@dataclass(frozen=True, kw_only=True)
class DependenciesChapter(Chapter):
    """Programs that wait for others."""

    TITLE = "ch_dependencies"
    ANCHOR = "ketergantungan"
    PARTIAL = "chapters/roadmap/dependencies"

    dependencies: tuple[DependencyView, ...]


def dependencies(facts: ReportFacts, src: ReportSources) -> DependenciesChapter:
    by_id = {a.id: a for a in facts.actions}
    catalogue = {a.id: a for a in src.assessment.indicator_set.actions()}
    found = []
    for dep in src.roadmap.dependencies:
        planned = by_id.get(dep.depends_on)
        if planned is not None:
            title = planned.title
        elif dep.depends_on in catalogue:
            title = catalogue[dep.depends_on].title.get(src.lang) or dep.depends_on
        else:
            title = dep.depends_on
        found.append(DependencyView(
            action=by_id[dep.action], depends_on=dep.depends_on, depends_title=title,
            depends_start=planned.start if planned is not None else None, status=dep.status,
            status_label=text(STATUS_KEYS[dep.status], src.lang)))
    return DependenciesChapter(dependencies=tuple(found))


@dataclass(frozen=True, kw_only=True)
class DeferredChapter(Chapter):
    """Programs beyond the horizon, and notes on the planning method."""

    TITLE = "ch_deferred"
    ANCHOR = "di-luar-horizon"
    PARTIAL = "chapters/roadmap/deferred"


def deferred(facts: ReportFacts, src: ReportSources) -> DeferredChapter:
    return DeferredChapter()


ROADMAP: Document[ReportFacts, ReportSources] = Document("roadmap", (
    overview, years, timeline, trajectory, kpis, owners, dependencies, deferred))
"""The roadmap's chapters, in order."""
