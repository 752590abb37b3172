"""What the planning chapters of the masterplan and the roadmap show, and how it is derived.

The regional profile, the six Kominfo dimensions, the strategic issues, the baseline of
existing programs, the mandates, the money (per year, funding source, agency and dimension),
the RPJMD-aligned stages, the institutions and the monitoring rows: frozen views built from
the facts (:mod:`..facts`) and the roadmap (:mod:`...planning.planner`), in the report's
language. The chapter builders of :mod:`.masterplan` and :mod:`.roadmap` pick from here, so
that both documents say the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...indicators.model import IndicatorSet
from ...indicators.vocabulary import KOMINFO_TITLES
from ...messages import text, tr
from ...messages.keys import EXISTING_KEYS, ROLE_KEYS
from ...numbers import format_number
from ...planning.plan import Body, Figure, Plan
from ...planning.planner import ZERO, Money, PlannedAction
from ...scoring.results import GroupResult
from ..facts import ReportFacts, ReportSources, scale_of
from ..money import funding_label, funding_sources, rupiah, stage_rpjmd
from ..views import ActionView, BandView, IndicatorRow

# --- small words ----------------------------------------------------------------------------

STAGE_KEYS = {"baseline": "stage_baseline", "year": "stage_year", "phase": "stage_phase"}
"""A stage's kind → catalogue key of its heading."""
TARGET_BASIS_KEYS = {"policy": "kpi_basis_policy", "plan": "kpi_basis_plan",
                     "programs": "kpi_basis_programs"}
"""Where a KPI's target comes from → catalogue key of the words."""

IPM_CATEGORIES = ((80.0, "ipm_very_high"), (70.0, "ipm_high"), (60.0, "ipm_medium"),
                  (0.0, "ipm_low"))
"""BPS's status of human development by IPM (lower bound → key): below 60 rendah, 60–70
sedang, 70–80 tinggi, 80 and above sangat tinggi (BPS Kabupaten Tegal, "Wajah ganda
pembangunan manusia", jatengdaily.com, 2026, https://jatengdaily.com/2026/wajah-ganda-
pembangunan-manusia-refleksi-capaian-kabupaten-tegal-2025: "kategori tinggi (70–80)";
puskapik.com, 2025, on Kabupaten Pemalang's 68.65 as "sedang")."""

SPBE_PREDICATES = (1.8, 2.6, 3.5, 4.2)
"""The SPBE index predicate boundaries on its 1–5 scale (PermenPANRB 59/2020): Kurang,
Cukup from 1.8, Baik from 2.6, Sangat Baik from 3.5, Memuaskan from 4.2."""

MAX_DERIVED_ISSUES = 6
"""Strategic issues derived from the scores, at most."""
EVIDENCE_SHOWN = 4
"""Indicators named as the evidence of one issue, at most."""


def role_words(roles: Iterable[str], lang: str) -> str:
    """``survei warga, statistik resmi`` for the roles given (empty: every role)."""
    names = [text(ROLE_KEYS[r], lang) if r in ROLE_KEYS else r for r in roles]
    return ", ".join(names)


def band_source(indicator_set: IndicatorSet, lang: str) -> str:
    """Where a set's grade bands come from, in words: the SPBE predicates (on their own 1–5
    scale, or rescaled linearly onto the set's scale) or the set's own bands (empty: the set
    has no bands)."""
    if not indicator_set.bands:
        return ""
    low, high = indicator_set.scale
    lowers = [b.lower for b in indicator_set.bands[1:]]
    if len(lowers) == len(SPBE_PREDICATES) and indicator_set.bands[0].lower <= low + 1e-9:
        rescaled = [low + (p - 1) / 4 * (high - low) for p in SPBE_PREDICATES]
        if all(abs(a - b) < 1e-6 * max(1.0, high - low)
               for a, b in zip(lowers, rescaled, strict=True)):
            if abs(low - 1) < 1e-9 and abs(high - 5) < 1e-9:
                return text("bands_spbe", lang)
            return tr("bands_spbe_rescaled", lang, scale=scale_of(indicator_set, lang).text)
    return text("bands_own", lang)


# --- the regional profile -------------------------------------------------------------------


@dataclass(frozen=True)
class FigureView:
    """One published figure of the regional profile, formatted, with its source."""

    key: str
    label: str
    value: str
    """The value in words and units (``1.623.595 jiwa``, ``Rp3,08 triliun``)."""
    year: int | None
    source: str
    note: str = ""
    """A derived reading (the IPM's BPS category, the population density)."""


def _figure_value(key: str, value: float, lang: str) -> str:
    if key == "population":
        return f"{format_number(value, lang, 0)} {text('people', lang)}"
    if key == "area_km2":
        return f"{format_number(value, lang, 2)} km²"
    if key == "apbd":
        return rupiah(value, lang)
    if key == "poverty":
        return format_number(value, lang, 2) + "%"
    if key == "ipm":
        return format_number(value, lang, 2)
    return format_number(value, lang, 0)


PROFILE_LABELS = {"population": "profile_population", "area_km2": "profile_area",
                  "kecamatan": "profile_kecamatan", "desa": "profile_desa",
                  "kelurahan": "profile_kelurahan", "apbd": "profile_apbd",
                  "ipm": "profile_ipm", "poverty": "profile_poverty"}


def profile_figures(plan: Plan, lang: str) -> tuple[FigureView, ...]:
    """The plan's published figures, with a reading where one follows from them."""
    found = []
    area = plan.figure("area_km2")
    figures = list(plan.profile)
    region = plan.region
    if region.population is not None and plan.figure("population") is None:
        figures.insert(0, Figure("population", float(region.population),
                                 region.population_year, ""))
    if region.area_km2 is not None and area is None:
        area = Figure("area_km2", region.area_km2, None, "")
        figures.insert(1 if figures and figures[0].key == "population" else 0, area)
    for figure in figures:
        note = ""
        if figure.key == "ipm":
            key = next(k for lower, k in IPM_CATEGORIES if figure.value >= lower)
            note = tr("ipm_category", lang, category=text(key, lang))
        elif figure.key == "population" and area is not None and area.value > 0:
            note = tr("profile_density", lang,
                      value=format_number(figure.value / area.value, lang, 0))
        found.append(FigureView(figure.key, text(PROFILE_LABELS[figure.key], lang),
                                _figure_value(figure.key, figure.value, lang), figure.year,
                                figure.source, note))
    return tuple(found)


# --- existing programs and mandates -------------------------------------------------------


@dataclass(frozen=True)
class ExistingView:
    """A program already running or done: the baseline, never proposed again."""

    id: str
    title: str
    since: int | None
    status: str
    status_label: str
    owner: str | None
    owner_name: str | None
    dimension_title: str
    evidence: tuple[str, ...]
    realises: str | None
    """The title of the catalogue action it realises (None: none named)."""


def existing_views(src: ReportSources) -> tuple[ExistingView, ...]:
    """The plan's existing programs, oldest first (those without a year last)."""
    lang, plan = src.lang, src.plan
    catalogue = {a.id: a for a in src.assessment.indicator_set.actions()}
    found = []
    for entry in src.roadmap.existing:
        owner = plan.owner(entry.owner) if entry.owner else None
        action = catalogue.get(entry.action or "")
        found.append(ExistingView(
            id=entry.id, title=entry.title.get(lang) or entry.id, since=entry.since,
            status=entry.status, status_label=text(EXISTING_KEYS[entry.status], lang),
            owner=owner, owner_name=plan.opd_name(owner, lang) if owner else None,
            dimension_title=(KOMINFO_TITLES[entry.dimension].get(lang)
                             if entry.dimension in KOMINFO_TITLES else ""),
            evidence=entry.evidence,
            realises=(action.title.get(lang) or action.id) if action else None))
    return tuple(sorted(found, key=lambda e: (e.since is None, e.since or 0)))


@dataclass(frozen=True)
class MandateView:
    """A program a regulation requires, and where the roadmap put it."""

    regulation: str
    title: str
    action: ActionView | None
    """The program (None: an existing program realises it)."""
    start: int | None
    deadline: int
    on_time: bool
    existing: bool


def mandate_views(facts: ReportFacts, src: ReportSources) -> tuple[MandateView, ...]:
    lang = src.lang
    by_id = {a.id: a for a in facts.actions}
    catalogue = {a.id: a for a in src.assessment.indicator_set.actions()}
    found = []
    for mandate in src.roadmap.mandates:
        action = by_id.get(mandate.action)
        title = action.title if action else (catalogue[mandate.action].title.get(lang)
                                             or mandate.action)
        found.append(MandateView(mandate.regulation, title, action, mandate.start_year,
                                 mandate.deadline, mandate.on_time,
                                 mandate.status == "existing"))
    return tuple(found)


# --- the six Kominfo dimensions ---------------------------------------------------------------


@dataclass(frozen=True)
class DimensionView:
    """A Kominfo dimension: its score (the crosswalk view), indicators, lead and programs."""

    id: str
    title: str
    score: float | None
    band: BandView | None
    coverage: float
    weight: float
    """Its share of the index (the sum of its indicators' effective weights)."""
    indicators: tuple[IndicatorRow, ...]
    lead: str | None
    lead_name: str | None
    lead_from_plan: bool
    programs: tuple[ActionView, ...]
    """Every program of the dimension: scheduled by start year, then the others."""
    scheduled: int
    quick_wins: int
    cost: Money
    """What its scheduled programs cost over the plan."""
    existing: tuple[str, ...]
    """Titles of the existing programs of the dimension."""


def dimension_views(facts: ReportFacts, src: ReportSources) -> tuple[DimensionView, ...]:
    """The six Kominfo dimensions (empty when the set maps no indicator onto them)."""
    lang, plan, roadmap = src.lang, src.plan, src.roadmap
    rows = {r.id: r for r in facts.indicators}
    by_id = {a.id: a for a in facts.actions}
    leads = {lead.dimension: lead for lead in roadmap.leads}
    costs = dict(roadmap.cost_by_dimension())
    found = []
    for group in facts.dimension_scores:
        members = tuple(by_id[a.id] for a in roadmap.for_dimension(group.id))
        lead = leads.get(group.id)
        found.append(DimensionView(
            id=group.id, title=group.title, score=group.score, band=group.band,
            coverage=group.coverage, weight=group.weight,
            indicators=tuple(rows[i] for i in group.indicators if i in rows),
            lead=lead.owner if lead else None,
            lead_name=plan.opd_name(lead.owner, lang) if lead and lead.owner else None,
            lead_from_plan=bool(lead and lead.from_plan), programs=members,
            scheduled=sum(1 for a in members if a.scheduled),
            quick_wins=sum(1 for a in members if a.quick_win),
            cost=costs.get(group.id, ZERO),
            existing=tuple(e.title.get(lang) or e.id for e in roadmap.existing
                           if e.dimension == group.id)))
    return tuple(found)


# --- strategic issues ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueView:
    """A strategic issue: a problem the plan names, or a group of weak indicators."""

    number: int
    title: str
    description: str
    named: bool
    """True: the plan names it; False: derived from the weakest scores."""
    dimension_title: str
    score: float | None
    """The group's score (derived issues; None for named ones)."""
    band: BandView | None
    evidence: tuple[IndicatorRow, ...]
    programs: tuple[ActionView, ...]
    """Programs of the roadmap that answer it, scheduled first."""


def _dimension_of(rows: Sequence[IndicatorRow], src: ReportSources) -> str:
    indicators = src.assessment.indicator_set.indicator_map()
    counts: dict[str, int] = {}
    for row in rows:
        found = indicators[row.id].crosswalk_value("kominfo")
        if found:
            counts[found] = counts.get(found, 0) + 1
    if not counts:
        return ""
    best = min(counts, key=lambda d: (-counts[d], d))
    return KOMINFO_TITLES[best].get(src.lang) if best in KOMINFO_TITLES else best


def _answering(indicators: set[str], facts: ReportFacts) -> tuple[ActionView, ...]:
    chosen = [a for a in facts.actions if a.gap.indicator in indicators]
    return tuple(sorted(chosen, key=lambda a: (not a.scheduled, a.start or 0, a.rank)))


def issue_threshold(facts: ReportFacts) -> float | None:
    """Groups below this score are strategic issues: the lower bound of the band the index
    is in (they pull the grade down), else the index itself (a set without bands)."""
    score = facts.index.score
    if score is None:
        return None
    lower = [b.lower for b in facts.bands if b.lower <= score]
    return max(lower) if lower else score


def issue_views(facts: ReportFacts, src: ReportSources) -> tuple[IssueView, ...]:
    """The plan's named issues first, then the weakest groups of indicators."""
    lang = src.lang
    rows = {r.id: r for r in facts.indicators}
    found: list[IssueView] = []
    for issue in src.plan.issues:
        evidence = tuple(rows[i] for i in issue.indicators if i in rows)
        dimension = (KOMINFO_TITLES[issue.dimension].get(lang)
                     if issue.dimension in KOMINFO_TITLES else _dimension_of(evidence, src))
        found.append(IssueView(len(found) + 1, issue.title.get(lang),
                               issue.description.get(lang), True, dimension, None, None,
                               evidence, _answering(set(issue.indicators), facts)))
    threshold = issue_threshold(facts)
    groups = [g for pillar in src.result.pillars for g in pillar.children
              if isinstance(g, GroupResult) and g.score is not None]
    if threshold is None or not groups:
        return tuple(found)
    weak = [g for g in groups if g.score is not None and g.score < threshold - 1e-9]
    if not weak:
        weak = sorted(groups, key=lambda g: (g.score or 0.0, g.id))[:3]
    named = {i for issue in src.plan.issues for i in issue.indicators}
    derived = 0
    for group in sorted(weak, key=lambda g: (g.score or 0.0, g.id)):
        members = [rows[i.id] for i in group.indicators() if i.id in rows]
        assessed = sorted((r for r in members if r.score is not None),
                          key=lambda r: (r.score or 0.0, r.id))
        below = [r for r in assessed if (r.score or 0.0) < threshold - 1e-9]
        if below and all(r.id in named for r in below):
            continue  # the plan already names this problem
        if derived == MAX_DERIVED_ISSUES:
            break
        derived += 1
        evidence = tuple(assessed[:EVIDENCE_SHOWN])
        band = _band(facts, group.score)
        found.append(IssueView(
            len(found) + 1, tr("issue_derived_title", lang, group=src.title_of(group.id)),
            tr("issue_derived_text", lang, score=format_number(group.score, lang, 1),
               band=band.label if band else "–",
               threshold=format_number(threshold, lang, 1)),
            False, _dimension_of(members, src), group.score, band, evidence,
            _answering({r.id for r in members}, facts)))
    return tuple(found)


def _band(facts: ReportFacts, score: float | None) -> BandView | None:
    if score is None:
        return None
    chosen = None
    for band in facts.bands:
        if score >= band.lower - 1e-9:
            chosen = band
    return BandView(chosen.label, chosen.color) if chosen else None


# --- money ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostLine:
    """Scheduled cost of one agency, dimension or funding source over the plan."""

    key: str
    label: str
    cost: Money
    programs: int
    share: float
    """Its share of the plan's scheduled cost (upper bounds)."""


def _lines(pairs: Iterable[tuple[str, PlannedAction]], labels: dict[str, str],
           total: int) -> tuple[CostLine, ...]:
    costs: dict[str, Money] = {}
    counts: dict[str, int] = {}
    for key, planned in pairs:
        counts[key] = counts.get(key, 0) + 1
        for allocation in planned.allocations:
            costs[key] = costs.get(key, ZERO) + allocation.money
    lines = [CostLine(k, labels.get(k, k), costs.get(k, ZERO), counts[k],
                      costs.get(k, ZERO).high / total if total else 0.0) for k in counts]
    return tuple(sorted(lines, key=lambda c: (-c.cost.high, c.label)))


def cost_by_owner(src: ReportSources) -> tuple[CostLine, ...]:
    """Scheduled cost per agency, largest first."""
    roadmap, plan, lang = src.roadmap, src.plan, src.lang
    labels = {o: plan.opd_name(o, lang) for o in roadmap.owners()}
    return _lines(((a.owner, a) for a in roadmap.scheduled()), labels,
                  roadmap.total_cost().high)


def cost_by_dimension(facts: ReportFacts, src: ReportSources) -> tuple[CostLine, ...]:
    """Scheduled cost per Kominfo dimension, in the movement's order."""
    roadmap = src.roadmap
    labels = {a.dimension: a.dimension_title for a in facts.actions}
    lines = _lines(((a.dimension, a) for a in roadmap.scheduled()), labels,
                   roadmap.total_cost().high)
    order = {d: n for n, d in enumerate(roadmap.dimensions())}
    return tuple(sorted(lines, key=lambda c: order.get(c.key, len(order))))


def cost_by_source(src: ReportSources) -> tuple[CostLine, ...]:
    """Scheduled cost per funding source over the plan, in the format's order."""
    roadmap = src.roadmap
    total = roadmap.total_cost().high
    counts: dict[str, set[str]] = {}
    for planned in roadmap.scheduled():
        for allocation in planned.allocations:
            counts.setdefault(allocation.source, set()).add(planned.id)
    spent = dict(roadmap.cost_by_source())
    return tuple(CostLine(s, funding_label(s, src.lang), spent.get(s, ZERO), len(counts.get(s, ())),
                          spent.get(s, ZERO).high / total if total else 0.0)
                 for s in funding_sources(roadmap) if s in spent)


# --- stages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageView:
    """A stretch of the masterplan: a year of the current RPJMD or a later phase."""

    kind: str
    start: int
    end: int
    span: str
    """``2026`` or ``2030–2033``."""
    heading: str
    rpjmd: str
    starting: tuple[ActionView, ...]
    continuing: tuple[ActionView, ...]
    cost: Money
    """Scheduled cost in the stage's years."""
    envelope: int | None
    """The stage's envelopes summed (None: no budget)."""
    owners: tuple[str, ...]


def stage_views(facts: ReportFacts, src: ReportSources) -> tuple[StageView, ...]:
    """Every plan stage (the baseline is the existing programs' chapter)."""
    roadmap, lang = src.roadmap, src.lang
    by_id = {a.id: a for a in facts.actions}
    costs = {c.year: c for c in roadmap.costs}
    found = []
    for stage in roadmap.stages:
        if stage.kind == "baseline":
            continue
        starting = tuple(by_id[a.id] for a in roadmap.in_stage(stage))
        continuing = tuple(by_id[a.id] for a in roadmap.scheduled()
                           if a.start_year is not None and a.end_year is not None
                           and a.start_year < stage.start <= a.end_year)
        cost = ZERO
        envelope: int | None = 0
        for year in stage.years:
            if year in costs:
                cost = cost + costs[year].total
                year_envelope = costs[year].envelope_total
                envelope = None if envelope is None or year_envelope is None else \
                    envelope + year_envelope
        span = str(stage.start) if stage.start == stage.end else f"{stage.start}–{stage.end}"
        found.append(StageView(
            kind=stage.kind, start=stage.start, end=stage.end, span=span,
            heading=tr(STAGE_KEYS[stage.kind], lang, span=span, rpjmd=stage_rpjmd(stage)),
            rpjmd=stage_rpjmd(stage), starting=starting, continuing=continuing, cost=cost,
            envelope=envelope if roadmap.budget_given else None,
            owners=tuple(sorted({a.owner for a in starting}))))
    return tuple(found)


# --- agencies and institutions ---------------------------------------------------------------


@dataclass(frozen=True)
class OwnerLoad:
    """An agency's programs, money and starts per year against its limit."""

    short: str
    name: str
    limit: int | None
    starts: tuple[tuple[int, int], ...]
    """(year, programs starting) for every plan year."""
    scheduled: int
    quick_wins: int
    not_scheduled: int
    cost: Money
    dimensions: tuple[str, ...]
    leads: tuple[str, ...]
    """Titles of the dimensions it leads."""
    programs: tuple[ActionView, ...]


def owner_loads(facts: ReportFacts, src: ReportSources,
                dimensions: Sequence[DimensionView]) -> tuple[OwnerLoad, ...]:
    roadmap, plan, lang = src.roadmap, src.plan, src.lang
    by_id = {a.id: a for a in facts.actions}
    limits = dict(roadmap.per_owner)
    costs = {line.key: line.cost for line in cost_by_owner(src)}
    found = []
    for owner in sorted(roadmap.owners(), key=lambda o: (o.casefold(), o)):
        members = tuple(by_id[a.id] for a in roadmap.for_owner(owner))
        found.append(OwnerLoad(
            short=owner, name=plan.opd_name(owner, lang), limit=limits.get(owner),
            starts=tuple((y, sum(1 for a in members if a.start == y))
                         for y in roadmap.plan_years),
            scheduled=sum(1 for a in members if a.scheduled),
            quick_wins=sum(1 for a in members if a.quick_win),
            not_scheduled=sum(1 for a in members if not a.scheduled),
            cost=costs.get(owner, ZERO),
            dimensions=tuple(dict.fromkeys(a.dimension_title for a in members)),
            leads=tuple(d.title for d in dimensions if d.lead == owner),
            programs=members))
    return tuple(found)


@dataclass(frozen=True)
class BodyView:
    """A smart-city body as the plan names it."""

    name: str
    chair: str
    members: tuple[str, ...]
    basis: str


def body_view(body: Body | None, lang: str) -> BodyView | None:
    if body is None:
        return None
    return BodyView(body.name.get(lang), body.chair.get(lang),
                    tuple(m.get(lang) for m in body.members), body.basis or "")


# --- monitoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiView:
    """A performance indicator with its baseline, yearly targets and data source."""

    kind: str
    id: str
    title: str
    baseline: float | None
    """Score in the assessment year."""
    value: str
    """The baseline's raw value with its unit (``72,6%``), empty for the index and pillars."""
    targets: tuple[tuple[int, float | None], ...]
    """(year, target score) for each plan year."""
    target_rpjmd: float | None
    """The target in the last year of the current RPJMD."""
    target_end: float | None
    basis: str
    """Where the targets come from, in words."""
    source: str
    """Who measures it and how, in words."""
    owners: tuple[str, ...]
    """Agencies whose programs move it."""
    dimension_title: str


def kpi_views(facts: ReportFacts, src: ReportSources) -> tuple[KpiView, ...]:
    """Index, pillars and every indicator the roadmap acts on. A row with a known baseline
    always has targets: the policy target's straight line where one exists, else what the
    scheduled programs are expected to reach (the projection)."""
    roadmap, lang = src.roadmap, src.lang
    rows = {r.id: r for r in facts.indicators}
    pillars = {p.id: p for p in facts.pillars}
    by_indicator: dict[str, list[ActionView]] = {}
    for action in facts.scheduled:
        by_indicator.setdefault(action.gap.indicator, []).append(action)
    own_targets = src.plan.targets
    deadline = roadmap.rpjmd[1]
    found = []
    for kpi in roadmap.kpis:
        targets = kpi.targets
        if kpi.baseline is not None and all(v is None for _, v in targets):
            targets = kpi.projection
            basis = "programs"
        elif kpi.kind == "index":
            basis = "plan" if own_targets.index is not None else "policy"
        elif kpi.kind == "pillar":
            basis = "plan" if own_targets.pillar(kpi.id) is not None else "policy"
        else:
            basis = "policy"
        by_year = dict(targets)
        if kpi.kind == "index":
            title, value, source = text("kpi_index", lang), "", text("kpi_source_index", lang)
            dimension = ""
        elif kpi.kind == "pillar":
            title = tr("kpi_pillar", lang, pillar=pillars[kpi.id].title)
            value, source, dimension = "", text("kpi_source_index", lang), ""
        else:
            row = rows[kpi.id]
            title = row.title
            value = _raw(row, lang)
            owners = tuple(dict.fromkeys(a.owner for a in by_indicator.get(kpi.id, ())))
            words = role_words(kpi.roles, lang) or text("role_all", lang)
            source = tr("kpi_source", lang, roles=words)
            dimension = next((a.dimension_title for a in by_indicator.get(kpi.id, ())), "")
            found.append(KpiView(kpi.kind, kpi.id, title, kpi.baseline, value, targets,
                                 by_year.get(deadline), targets[-1][1] if targets else None,
                                 text(TARGET_BASIS_KEYS[basis], lang), source, owners,
                                 dimension))
            continue
        found.append(KpiView(kpi.kind, kpi.id, title, kpi.baseline, value, targets,
                             by_year.get(deadline), targets[-1][1] if targets else None,
                             text(TARGET_BASIS_KEYS[basis], lang), source, (), dimension))
    return tuple(found)


def _raw(row: IndicatorRow, lang: str) -> str:
    """The baseline value with its unit; a 1–5 answer scale is named (``2,61 dari 5``)."""
    if row.value is None:
        return ""
    shown = format_number(row.value, lang, row.value_digits)
    if row.type == "likert" and not row.unit_suffix:
        return tr("value_of_scale", lang, value=shown,
                  high=format_number(row.goalposts[1], lang, 0))
    return shown + row.unit_suffix


@dataclass(frozen=True)
class EvaluationRow:
    """A dimension of Kominfo's yearly evaluation, its weight and what answers it here."""

    title: str
    weight: float
    description: str
    evidence: str


EVALUATION_EVIDENCE = {"baseline": "eval_evidence_baseline", "output": "eval_evidence_output",
                       "outcome": "eval_evidence_outcome", "impact": "eval_evidence_impact",
                       "quick_win": "eval_evidence_quick_win"}
"""An evaluation dimension (the ``kominfo-evaluasi`` pillar id without ``dim.``) → key of
what in this masterplan answers it."""


@lru_cache(maxsize=1)
def _evaluation_set() -> tuple[tuple[str, str, str, str, str, float], ...]:
    """The dimensions of the bundled ``kominfo-evaluasi`` set: (id, title id, title en,
    description id, description en, weight)."""
    from ...indicators.loader import load_indicator_set

    found = load_indicator_set("kominfo-evaluasi")
    return tuple((p.id, p.title.get("id"), p.title.get("en"), p.description.get("id"),
                  p.description.get("en"), p.weight) for p in found.pillars)


def evaluation_rows(facts: ReportFacts, src: ReportSources) -> tuple[EvaluationRow, ...]:
    """The five dimensions of the ministry's evaluation with the weights the bundled
    ``kominfo-evaluasi`` set documents, and where this masterplan answers each."""
    lang = src.lang
    dimensions = _evaluation_set()
    total = sum(d[5] for d in dimensions) or 1.0
    impact = next((p for p in facts.pillars if p.id == "dampak"), None)
    found = []
    for pid, title_id, title_en, desc_id, desc_en, weight in dimensions:
        key = EVALUATION_EVIDENCE.get(pid.removeprefix("dim."))
        if key == "eval_evidence_impact" and impact is None:
            key = "eval_evidence_impact_none"
        evidence = "" if key is None else tr(
            key, lang, index=format_number(facts.index.score, lang, 1),
            year=facts.period.baseline, scheduled=len(facts.scheduled),
            quick_wins=len(facts.quick_wins),
            impact=(format_number(impact.score, lang, 1) if impact else "–"),
            existing=len(src.roadmap.existing), first=facts.period.start,
            last=facts.period.start + src.plan.quick_wins.years - 1)
        found.append(EvaluationRow(title_en if lang == "en" else title_id, weight / total,
                                   desc_en if lang == "en" else desc_id, evidence))
    return tuple(found)


# --- dependencies ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingView:
    """An artefact a program requires that nothing provides."""

    action: ActionView
    artefact: str
