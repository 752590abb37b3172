"""The chapters of the masterplan: what each shows beyond the shared facts, and its builder.

Templates: ``templates/chapters/masterplan/<name>.html`` and ``.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...messages import text
from ...messages.keys import DIRECTION_KEYS
from ...planning.planner import Money
from ...scoring.results import GroupResult, IndicatorResult
from ...survey.usage import describe
from ..facts import ReportFacts, ReportSources
from ..views import ActionView, IndicatorRow, PillarView, WeightRow, YearCostView
from . import Chapter, Document
from .areas import areas, sources
from .design import design
from .plans import (
    BodyView,
    CostLine,
    DimensionView,
    EvaluationRow,
    ExistingView,
    FigureView,
    IssueView,
    KpiView,
    OwnerLoad,
    band_source,
    body_view,
    cost_by_dimension,
    cost_by_owner,
    cost_by_source,
    dimension_views,
    evaluation_rows,
    existing_views,
    issue_threshold,
    issue_views,
    kpi_views,
    owner_loads,
    profile_figures,
)

STRONGEST = 3
"""Indicators listed as the strongest and as the weakest."""


@dataclass(frozen=True, kw_only=True)
class SummaryChapter(Chapter):
    """The executive summary: key figures, the pillars, the strongest and weakest
    indicators, the verdict on certainty and the trends."""

    TITLE = "ch_summary"
    ANCHOR = "ringkasan"
    PARTIAL = "chapters/masterplan/summary"

    strongest: tuple[IndicatorRow, ...]
    weakest: tuple[IndicatorRow, ...]
    best_pillar: PillarView | None
    worst_pillar: PillarView | None
    cost: Money
    """What the scheduled programs cost over the plan."""
    unfunded: int
    mandatory: int
    existing: int
    budget_given: bool
    band_source: str
    """Where the grades come from, in words."""


def summary(facts: ReportFacts, src: ReportSources) -> SummaryChapter:
    assessed = [r for r in facts.indicators if r.score is not None]
    ordered = sorted(assessed, key=lambda r: (-(r.score or 0.0), r.id))
    scored = [p for p in facts.pillars if p.score is not None]
    weakest = (list(reversed(ordered[-STRONGEST:])) if len(ordered) > STRONGEST
               else ordered[::-1])
    roadmap = src.roadmap
    return SummaryChapter(
        strongest=tuple(ordered[:STRONGEST]), weakest=tuple(weakest),
        best_pillar=max(scored, key=lambda p: (p.score or 0.0, p.id), default=None),
        worst_pillar=min(scored, key=lambda p: (p.score or 0.0, p.id), default=None),
        cost=roadmap.total_cost(), unfunded=len(roadmap.unfunded()),
        mandatory=len(roadmap.mandates), existing=len(roadmap.existing),
        budget_given=roadmap.budget_given,
        band_source=band_source(src.assessment.indicator_set, src.lang))


@dataclass(frozen=True, kw_only=True)
class ProfileChapter(Chapter):
    """The region in published figures, its planning cycle and the notes of the plan."""

    TITLE = "ch_profile"
    ANCHOR = "profil"
    PARTIAL = "chapters/masterplan/profile"

    figures: tuple[FigureView, ...]
    masterplan: tuple[int, int]
    rpjmd: tuple[int, int]
    first_year: int
    existing: int


def profile(facts: ReportFacts, src: ReportSources) -> ProfileChapter:
    roadmap = src.roadmap
    return ProfileChapter(figures=profile_figures(src.plan, src.lang),
                          masterplan=roadmap.masterplan, rpjmd=roadmap.rpjmd,
                          first_year=roadmap.start_year, existing=len(roadmap.existing))


@dataclass(frozen=True, kw_only=True)
class PillarsChapter(Chapter):
    """Each pillar with its chart and indicator table, then "How sure are we?"."""

    TITLE = "ch_pillars"
    ANCHOR = "pilar"
    PARTIAL = "chapters/masterplan/pillars"


def pillars(facts: ReportFacts, src: ReportSources) -> PillarsChapter:
    return PillarsChapter()


@dataclass(frozen=True, kw_only=True)
class DimensionsChapter(Chapter):
    """The scores read by Kominfo's six smart-city dimensions (chart and table)."""

    TITLE = "ch_dimensions"
    ANCHOR = "dimensi"
    PARTIAL = "chapters/masterplan/dimensions"

    dimensions: tuple[DimensionView, ...]


def dimensions(facts: ReportFacts, src: ReportSources) -> DimensionsChapter | None:
    found = dimension_views(facts, src)
    return DimensionsChapter(dimensions=found) if found else None


@dataclass(frozen=True, kw_only=True)
class GapsChapter(Chapter):
    """The gaps by weighted size, the impact–effort matrix and what is not assessed."""

    TITLE = "ch_gaps"
    ANCHOR = "kesenjangan"
    PARTIAL = "chapters/masterplan/gaps"

    gaps: tuple[IndicatorRow, ...]
    """Indicators short of their target, largest weighted gap first."""
    not_assessed: tuple[IndicatorRow, ...]


def gaps(facts: ReportFacts, src: ReportSources) -> GapsChapter:
    assessed = [r for r in facts.indicators if r.score is not None]
    return GapsChapter(
        gaps=tuple(sorted((r for r in assessed if r.score_gap),
                          key=lambda r: (-(r.weighted_gap or 0.0), r.id))),
        not_assessed=tuple(r for r in facts.indicators if r.score is None))


@dataclass(frozen=True, kw_only=True)
class IssuesChapter(Chapter):
    """Strategic issues: the problems the plan names, then the weakest groups of
    indicators, each with its evidence and the programs that answer it."""

    TITLE = "ch_issues"
    ANCHOR = "isu-strategis"
    PARTIAL = "chapters/masterplan/issues"

    issues: tuple[IssueView, ...]
    threshold: float | None
    """Groups below this score count as issues."""


def issues(facts: ReportFacts, src: ReportSources) -> IssuesChapter | None:
    found = issue_views(facts, src)
    return IssuesChapter(issues=found, threshold=issue_threshold(facts)) if found else None


@dataclass(frozen=True, kw_only=True)
class VisionChapter(Chapter):
    """Vision, mission, notes on the region and the strategic goal of each pillar."""

    TITLE = "ch_vision"
    ANCHOR = "visi"
    PARTIAL = "chapters/masterplan/vision"


def vision(facts: ReportFacts, src: ReportSources) -> VisionChapter:
    return VisionChapter()


@dataclass(frozen=True, kw_only=True)
class ProgramsChapter(Chapter):
    """What already runs (the baseline), then the programs by Kominfo dimension, as Kominfo
    masterplans list them, with a count by dimension and pillar."""

    TITLE = "ch_programs"
    ANCHOR = "program"
    PARTIAL = "chapters/masterplan/programs"

    existing: tuple[ExistingView, ...]
    groups: tuple[ProgramGroup, ...]
    """Programs by dimension (by pillar when the set maps no Kominfo dimension)."""
    pillar_titles: tuple[str, ...]
    by_group: tuple[tuple[str, tuple[int, ...]], ...]
    """(group title, programs per pillar in ``pillar_titles`` order)."""


@dataclass(frozen=True)
class ProgramGroup:
    """The programs of one dimension (or pillar)."""

    id: str
    title: str
    lead: str | None
    programs: tuple[ActionView, ...]


def programs(facts: ReportFacts, src: ReportSources) -> ProgramsChapter:
    found = dimension_views(facts, src)
    if found:
        groups = tuple(ProgramGroup(d.id, d.title, d.lead, d.programs) for d in found)
    else:
        groups = tuple(ProgramGroup(p.id, p.title, None, p.actions) for p in facts.pillars)
    by_group = tuple((g.title, tuple(sum(1 for a in g.programs if a.pillar == p.id)
                                     for p in facts.pillars)) for g in groups)
    return ProgramsChapter(existing=existing_views(src), groups=groups,
                           pillar_titles=tuple(p.title for p in facts.pillars),
                           by_group=by_group)


@dataclass(frozen=True, kw_only=True)
class QuickWinsChapter(Chapter):
    """The quick wins, by year, and the rule that chose them."""

    TITLE = "ch_quick_wins"
    ANCHOR = "quick-win"
    PARTIAL = "chapters/masterplan/quick-wins"

    most: int
    years: int
    per_dimension: int
    last_year: int
    median_benefit: float


def quick_wins(facts: ReportFacts, src: ReportSources) -> QuickWinsChapter:
    roadmap, rule = src.roadmap, src.plan.quick_wins
    return QuickWinsChapter(most=rule.max, years=rule.years, per_dimension=rule.per_dimension,
                            last_year=roadmap.start_year + rule.years - 1,
                            median_benefit=roadmap.median_benefit)


@dataclass(frozen=True, kw_only=True)
class InstitutionsChapter(Chapter):
    """Who steers and who implements: the council, the team, the secretariat, the agency
    leading each dimension, and every agency's programs and money."""

    TITLE = "ch_institutions"
    ANCHOR = "kelembagaan"
    PARTIAL = "chapters/masterplan/institutions"

    council: BodyView | None
    team: BodyView | None
    secretariat: str | None
    secretariat_name: str | None
    dimensions: tuple[DimensionView, ...]
    owners: tuple[OwnerLoad, ...]


def institutions(facts: ReportFacts, src: ReportSources) -> InstitutionsChapter:
    plan, lang = src.plan, src.lang
    found = dimension_views(facts, src)
    secretariat = plan.owner(plan.institutions.secretariat) \
        if plan.institutions.secretariat else None
    return InstitutionsChapter(
        council=body_view(plan.institutions.council, lang),
        team=body_view(plan.institutions.team, lang), secretariat=secretariat,
        secretariat_name=plan.opd_name(secretariat, lang) if secretariat else None,
        dimensions=found, owners=owner_loads(facts, src, found))


@dataclass(frozen=True, kw_only=True)
class FinancingChapter(Chapter):
    """Indicative cost per year and funding source against the envelopes, per agency and
    per dimension, and the programs the money does not reach."""

    TITLE = "ch_financing"
    ANCHOR = "pembiayaan"
    PARTIAL = "chapters/masterplan/financing"

    years: tuple[YearCostView, ...]
    sources: tuple[CostLine, ...]
    owners: tuple[CostLine, ...]
    dimensions: tuple[CostLine, ...]
    unfunded: tuple[ActionView, ...]
    total: Money
    budget_given: bool
    envelope_total: int | None
    rpjmd: tuple[int, int]
    rpjmd_cost: Money
    """Scheduled cost in the years of the current RPJMD."""


def financing(facts: ReportFacts, src: ReportSources) -> FinancingChapter:
    roadmap = src.roadmap
    years = facts.year_costs
    rpjmd_cost = Money(0, 0)
    for year in years:
        if roadmap.rpjmd[0] <= year.year <= roadmap.rpjmd[1]:
            rpjmd_cost = rpjmd_cost + year.total
    envelopes = [y.envelope_total for y in years]
    by_id = {a.id: a for a in facts.actions}
    return FinancingChapter(
        years=years, sources=cost_by_source(src), owners=cost_by_owner(src),
        dimensions=cost_by_dimension(facts, src),
        unfunded=tuple(by_id[a.id] for a in roadmap.unfunded()), total=roadmap.total_cost(),
        budget_given=roadmap.budget_given,
        envelope_total=(sum(e for e in envelopes if e is not None)
                        if roadmap.budget_given else None),
        rpjmd=roadmap.rpjmd, rpjmd_cost=rpjmd_cost)


@dataclass(frozen=True, kw_only=True)
class MonitoringChapter(Chapter):
    """Monitoring and evaluation: the KPIs with their baseline, targets and data source,
    and the ministry's yearly evaluation."""

    TITLE = "ch_monitoring"
    ANCHOR = "monev"
    PARTIAL = "chapters/masterplan/monitoring"

    kpis: tuple[KpiView, ...]
    evaluation: tuple[EvaluationRow, ...]
    rpjmd_end: int


def monitoring(facts: ReportFacts, src: ReportSources) -> MonitoringChapter:
    return MonitoringChapter(kpis=kpi_views(facts, src), evaluation=evaluation_rows(facts, src),
                             rpjmd_end=src.roadmap.rpjmd[1])


@dataclass(frozen=True, kw_only=True)
class MethodChapter(Chapter):
    """The methodology annex: set, normalisation, aggregation, respondents, notes on the
    data, uncertainty, weights and parameters, planning and provenance."""

    TITLE = "ch_method"
    ANCHOR = "metodologi"
    PARTIAL = "chapters/masterplan/method"
    ANNEX = True

    weights: tuple[WeightRow, ...]
    """Every pillar, dimension and indicator, depth first."""
    unclipped: int = 0
    """Indicators with ``clip: false`` (scores may leave the scale)."""
    geometric_floor: float | None = None
    """The floor of the set's geometric means (None: see ``geometric``)."""
    geometric: bool = False
    """Some group (or the index) uses a geometric mean."""
    answers: tuple[int, int] = (0, 0)
    """Answers read from the survey files, and how many of them count in a score."""
    unused: tuple[str, ...] = ()
    """The answers read that do not count, by reason, worded (``survey.usage.describe``)."""


def method(facts: ReportFacts, src: ReportSources) -> MethodChapter:
    iset = src.assessment.indicator_set
    geometric = [g.geometric_floor for g in iset.groups() if g.aggregation == "geometric"]
    if iset.aggregation == "geometric":
        geometric.append(iset.geometric_floor)
    floors = sorted({f for f in geometric if f is not None})
    indicators = iset.indicator_map()
    lang = src.lang
    rows: list[WeightRow] = []

    def walk(node: GroupResult | IndicatorResult, depth: int) -> None:
        if isinstance(node, IndicatorResult):
            ind = indicators[node.id]
            rows.append(WeightRow(
                kind="indicator", id=node.id, title=src.title_of(node.id), depth=depth,
                weight=node.weight, effective_weight=node.effective_weight,
                goalposts=ind.goalposts, direction=ind.direction,
                direction_label=text(DIRECTION_KEYS[ind.direction], lang), target=node.target,
                respondents_rule=ind.respondents, transform=ind.transform,
                references=ind.references, normalisation=node.normalisation,
                aggregation=None, carried_weight=node.carried_weight))
            return
        rows.append(WeightRow(
            kind=node.kind, id=node.id, title=src.title_of(node.id), depth=depth,
            weight=node.weight, effective_weight=node.effective_weight, goalposts=None,
            direction=None, direction_label=None, target=None, respondents_rule=None,
            transform=None, references=(), normalisation=None, aggregation=node.aggregation,
            carried_weight=node.carried_weight))
        for child in node.children:
            walk(child, depth + 1)

    for pillar in src.result.pillars:
        walk(pillar, 0)
    inputs = src.assessment.inputs
    unused = tuple(describe(u, iset, lang, lambda ind_id: f"“{src.title_of(ind_id)}”")
                   for f in inputs for u in f.unused)
    return MethodChapter(weights=tuple(rows), unused=unused,
                         answers=(sum(f.answers for f in inputs), sum(f.used for f in inputs)),
                         unclipped=sum(1 for ind in iset.indicators() if not ind.clip),
                         geometric=bool(geometric),
                         geometric_floor=floors[0] if floors else None)


MASTERPLAN: Document[ReportFacts, ReportSources] = Document("masterplan", (
    summary, profile, pillars, design, dimensions, gaps, areas, issues, vision, programs,
    quick_wins, institutions, financing, monitoring, sources, method))
"""The masterplan's chapters, in order."""
