"""What every chapter of the masterplan and the roadmap may show: typed facts, computed once.

:func:`build_facts` turns the assessment, the roadmap and the plan into :class:`ReportFacts`
in the report's language; the chapters (:mod:`.chapters`) pick and derive from them, and the
templates read both. This is the only place the reports read the clock or the environment
(:func:`report_date`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..indicators.model import Group, Indicator, IndicatorSet
from ..indicators.vocabulary import KOMINFO_TITLES
from ..messages import text, tr
from ..messages.keys import BASIS_KEYS, EFFORT_KEYS, PHASE_KEYS
from ..numbers import format_number
from ..planning.plan import Plan
from ..planning.planner import PHASES, PlannedAction, Roadmap, phase_of
from ..scoring.results import (
    Assessment,
    GroupResult,
    IndicatorResult,
    InputFile,
    Interval,
    RegionResult,
)
from ..scoring.views import region_view, view_keys
from .certainty import IMPUTATION_KEYS, Certainty, build_certainty
from .money import funding_label, year_costs
from .trends import HistoryLike, Trends, trend_context
from .views import (
    ActionView,
    BandRange,
    BandView,
    BootstrapInfo,
    DimensionRow,
    DimensionScore,
    GapView,
    IndexView,
    IndicatorRow,
    IntervalView,
    KpiRow,
    MethodsInfo,
    OwnerLimit,
    OwnerView,
    Period,
    PhaseView,
    PillarView,
    PlanFile,
    PlanningInfo,
    RegionInfo,
    Respondents,
    RoleCount,
    Scale,
    SetInfo,
    Tool,
    YearCostView,
)

if TYPE_CHECKING:
    from ..geo.inputs import GeoContext
    from ..scoring.sensitivity import SensitivityResult
    from .maps import MapsFacts, SourcesFacts

CONTEXT_VERSION = 2
"""Bumped when a name templates rely on is renamed or removed (2: chapters)."""

FALLBACK_BANDS = ("#D55E00", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#CC79A7")
"""Okabe–Ito colours for bands that do not set their own, lowest first."""



def report_date() -> dt.date:
    """The date printed on the cover: ``SOURCE_DATE_EPOCH`` (UTC) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, "
                             f"found {epoch!r}") from None
    return dt.date.today()


def select_result(assessment: Assessment, region: str | None, year: int | None
                  ) -> RegionResult:
    """The one region-year a report is about."""
    results = assessment.results
    if region is not None or year is not None:
        chosen = [r for r in results if (region is None or r.region == region)
                  and (year is None or r.year == year)]
        if len(chosen) == 1:
            return chosen[0]
        available = ", ".join(_label(r) for r in results) or "none"
        what = " ".join(str(p) for p in (region, year) if p is not None)
        if not chosen:
            raise UsageError(f"no results for {what!r}; the data hold: {available}")
        raise UsageError(f"several region-years match {what!r} ({available}); "
                         "choose one region and one year")
    if not results:
        raise UsageError("the assessment has no results: the survey data hold no region")
    if len(results) > 1:
        available = ", ".join(_label(r) for r in results)
        raise UsageError(f"the data hold several region-years ({available}); a report covers "
                         "one: choose a region and a year")
    return results[0]


def _label(result: RegionResult) -> str:
    return result.region if result.year is None else f"{result.region} {result.year}"


def band_colors(indicator_set: IndicatorSet) -> list[str]:
    """Colour of each band, lowest first: the set's own, else a colour-blind-safe default."""
    count = len(indicator_set.bands)
    defaults = _spread(FALLBACK_BANDS[:5], count)
    return [band.color or defaults[i] for i, band in enumerate(indicator_set.bands)]


def _spread(colors: Sequence[str], count: int) -> list[str]:
    if count <= len(colors):
        if count <= 1:
            return list(colors[:count])
        step = (len(colors) - 1) / (count - 1)
        return [colors[round(i * step)] for i in range(count)]
    return [colors[i % len(colors)] for i in range(count)]


def band_ranges(indicator_set: IndicatorSet, lang: str) -> tuple[BandRange, ...]:
    """Every grade with its range and colour, lowest first."""
    colors = band_colors(indicator_set)
    bands = indicator_set.bands
    high = indicator_set.scale[1]
    return tuple(BandRange(b.label.get(lang), b.lower,
                           bands[i + 1].lower if i + 1 < len(bands) else high, colors[i],
                           b.description.get(lang)) for i, b in enumerate(bands))


def scale_of(indicator_set: IndicatorSet, lang: str) -> Scale:
    low, high = indicator_set.scale
    return Scale(low, high, f"{format_number(low, lang, 0)}–{format_number(high, lang, 0)}")


def interval_view(interval: Interval | None) -> IntervalView | None:
    """A bootstrap interval as plain data (None when none was computed)."""
    if interval is None:
        return None
    return IntervalView(interval.low, interval.high, interval.margin)


@dataclass(frozen=True)
class ReportFacts:
    """Everything the chapters of the masterplan and the roadmap share, in one language.

    The templates see every field by its name (docs/reports.md lists them).
    """

    context_version: int
    lang: str
    date: dt.date
    sample: bool
    tool: Tool
    region: RegionInfo
    prepared_by: str
    assessment_year: int | None
    period: Period
    set: SetInfo
    scale: Scale
    bands: tuple[BandRange, ...]
    confidence: float | None
    bootstrap: BootstrapInfo | None
    warnings: tuple[str, ...]
    """The engine's notices on the data, in the report's language."""
    index: IndexView
    respondents: Respondents
    pillars: tuple[PillarView, ...]
    indicators: tuple[IndicatorRow, ...]
    """Every indicator, in the set's order."""
    vision: str
    mission: tuple[str, ...]
    actions: tuple[ActionView, ...]
    """Every proposed action, by rank."""
    scheduled: tuple[ActionView, ...]
    quick_wins: tuple[ActionView, ...]
    deferred: tuple[ActionView, ...]
    calendar: tuple[int, ...]
    phases: tuple[PhaseView, ...]
    owners: tuple[OwnerView, ...]
    kpis: tuple[KpiRow, ...]
    planning: PlanningInfo
    methods: MethodsInfo
    inputs: tuple[InputFile, ...]
    plan_file: PlanFile
    trends: Trends | None
    """None with fewer than two years (see :mod:`.trends`)."""
    certainty: Certainty
    dimension_scores: tuple[DimensionScore, ...] = ()
    """The scores by Kominfo's six dimensions (empty: the set maps none)."""
    year_costs: tuple[YearCostView, ...] = ()
    """Every plan year's scheduled cost by funding source against its envelope."""

    def action(self, action_id: str) -> ActionView:
        """A proposed action by id."""
        return next(a for a in self.actions if a.id == action_id)


@dataclass(frozen=True)
class ReportSources:
    """What the facts were built from, for chapters that need more than the facts."""

    assessment: Assessment
    result: RegionResult
    roadmap: Roadmap
    plan: Plan
    lang: str
    date: dt.date
    history: HistoryLike | None = None
    sensitivity: SensitivityResult | None = None
    geo: GeoContext | None = None
    """The run's boundaries, problem layers and complaints (None: it named none)."""
    maps: MapsFacts | None = None
    """The breakdown by area with its maps (None: the data names no area); set by
    :mod:`.build` once the facts are known."""
    sources: SourcesFacts | None = None
    """Every data source, dated, with the plan's limit (None: no file was read)."""

    @cached_property
    def _titles(self) -> dict[str, str]:
        iset = self.assessment.indicator_set
        titles = {g.id: g.title.get(self.lang) for g in iset.groups()}
        return titles | {i.id: i.title.get(self.lang) for i in iset.indicators()}

    def title_of(self, node_id: str) -> str:
        """The name of an indicator or group in the report's language (its id without one)."""
        return self._titles.get(node_id) or node_id


def build_facts(src: ReportSources) -> ReportFacts:
    """The facts of one region-year's documents."""
    assessment, result, roadmap, plan, lang = (src.assessment, src.result, src.roadmap,
                                               src.plan, src.lang)
    iset = assessment.indicator_set
    indicators = iset.indicator_map()
    groups = {g.id: g for g in iset.groups()}
    pillar_of = {ind.id: pillar.id for pillar in iset.pillars for ind in pillar.indicators()}
    colors = band_colors(iset)

    def band_info(score: float | None) -> BandView | None:
        band = iset.band_for(score)
        if band is None:
            return None
        return BandView(band.label.get(lang), colors[iset.bands.index(band)])

    def title_of(node_id: str) -> str:
        node: Indicator | Group | None = indicators.get(node_id) or groups.get(node_id)
        return (node.title.get(lang) or node_id) if node is not None else node_id

    def indicator_row(res: IndicatorResult, dimension: str | None) -> IndicatorRow:
        ind = indicators[res.id]
        return IndicatorRow(
            id=res.id, title=title_of(res.id), dimension=dimension, pillar=pillar_of[res.id],
            value=res.value, value_digits=_digits(res.value), target=res.target,
            target_digits=_digits(res.target), unit_suffix=_suffix(ind, lang), score=res.score,
            target_score=res.target_score, score_gap=res.score_gap,
            weighted_gap=(None if res.score_gap is None
                          else res.score_gap * res.effective_weight),
            coverage=res.coverage, n=res.n, note=_note(res, lang), weight=res.weight,
            effective_weight=res.effective_weight, band=band_info(res.score),
            interval=interval_view(res.interval), sd=res.spread.sd if res.spread else None,
            type=ind.type, unit=ind.unit_text.get(lang) or ind.unit, direction=ind.direction,
            goalposts=ind.goalposts,
            respondents_rule=ind.respondents, normalisation=res.normalisation,
            references=ind.references, question=ind.question.get(lang))

    pillar_titles = {p.id: title_of(p.id) for p in result.pillars}
    refer = program_references(roadmap, plan, iset, lang)
    actions = tuple(_action(a, plan, lang, title_of, pillar_titles, roadmap, refer)
                    for a in roadmap.actions)
    by_id = {a.id: a for a in actions}

    pillars: list[PillarView] = []
    all_rows: list[IndicatorRow] = []
    charts = chart_names([p.id for p in result.pillars])
    for pillar_result, chart in zip(result.pillars, charts, strict=True):
        rows: list[IndicatorRow | DimensionRow] = []
        for child in pillar_result.children:
            if isinstance(child, IndicatorResult):
                rows.append(indicator_row(child, None))
            else:
                rows.extend(_dimension_rows(child, title_of, band_info, indicator_row))
        indicator_rows = tuple(r for r in rows if isinstance(r, IndicatorRow))
        all_rows.extend(indicator_rows)
        projected = roadmap.projection.pillar(pillar_result.id)
        pillars.append(PillarView(
            id=pillar_result.id, title=pillar_titles[pillar_result.id],
            description=groups[pillar_result.id].description.get(lang),
            score=pillar_result.score, band=band_info(pillar_result.score),
            coverage=pillar_result.coverage, weight=pillar_result.weight,
            effective_weight=pillar_result.effective_weight,
            aggregation=pillar_result.aggregation, interval=interval_view(pillar_result.interval),
            target=roadmap.pillar_target(pillar_result.id), projected_end=projected[-1],
            projection=projected, target_path=roadmap.target_path.pillar(pillar_result.id),
            goal=plan.goal(pillar_result.id).get(lang), rows=tuple(rows),
            indicators=indicator_rows,
            actions=tuple(by_id[a.id] for a in roadmap.for_pillar(pillar_result.id)),
            chart=chart))

    boot = assessment.bootstrap
    names = {g.id: g.title.get(lang) for g in iset.groups()}
    names |= {i.id: i.title.get(lang) for i in iset.indicators()}
    return ReportFacts(
        context_version=CONTEXT_VERSION,
        lang=lang,
        date=src.date,
        sample=plan.sample,
        tool=Tool("smartcity-assess", assessment.tool_version),
        region=_region(plan, result.region, lang),
        prepared_by=plan.prepared_by.get(lang),
        assessment_year=result.year,
        period=Period(roadmap.start_year, roadmap.end_year, roadmap.years,
                      roadmap.baseline_year, roadmap.masterplan, roadmap.rpjmd),
        set=SetInfo(
            id=iset.id, version=iset.version, title=iset.title.get(lang),
            description=iset.description.get(lang), source=iset.source, sha256=iset.sha256,
            references=iset.references, aggregation=iset.aggregation,
            group_aggregations=tuple(sorted({g.aggregation for g in iset.groups()})),
            min_coverage=iset.min_coverage),
        scale=scale_of(iset, lang),
        bands=band_ranges(iset, lang),
        confidence=boot.confidence if boot else None,
        bootstrap=None if boot is None else BootstrapInfo(
            boot.draws, boot.seed,
            text(BASIS_KEYS[boot.level], lang) if boot.level in BASIS_KEYS else boot.level),
        warnings=tuple(w.text(lang, names) for w in assessment.warnings),
        index=IndexView(
            score=result.score, interval=interval_view(result.interval),
            band=band_info(result.score), coverage=result.coverage,
            target=roadmap.index_target, projected_end=roadmap.projection.index[-1],
            projection=roadmap.projection.index, target_path=roadmap.target_path.index),
        respondents=Respondents(result.respondents,
                                tuple(RoleCount(role, n) for role, n in result.roles)),
        pillars=tuple(pillars),
        indicators=tuple(all_rows),
        vision=plan.vision.get(lang),
        mission=tuple(m.get(lang) for m in plan.mission),
        actions=actions,
        scheduled=tuple(by_id[a.id] for a in roadmap.scheduled()),
        quick_wins=tuple(by_id[a.id] for a in roadmap.quick_wins()),
        deferred=tuple(by_id[a.id] for a in roadmap.deferred()),
        calendar=roadmap.calendar,
        phases=_phases(roadmap, by_id, lang),
        owners=_owners(roadmap, plan, by_id, lang),
        kpis=_kpis(roadmap, result, pillars, title_of, lang),
        planning=PlanningInfo(
            capacity=roadmap.capacity_per_year,
            per_owner=tuple(OwnerLimit(o, n) for o, n in plan.capacity.per_owner),
            quick_wins_per_year=roadmap.quick_wins_per_year,
            median_impact=roadmap.median_impact, median_benefit=roadmap.median_benefit),
        methods=MethodsInfo(
            normalisation=assessment.methods.normalisation,
            aggregation=assessment.methods.aggregation,
            respondents=assessment.methods.respondents,
            missing=assessment.methods.missing),
        inputs=assessment.inputs,
        plan_file=PlanFile(plan.source, plan.sha256),
        trends=trend_context(assessment, result, src.history, lang),
        certainty=build_certainty(assessment, result, src.sensitivity, lang, colors),
        dimension_scores=_dimension_scores(src, band_info),
        year_costs=year_costs(roadmap, lang),
    )


def _dimension_scores(src: ReportSources,
                      band_info: Callable[[float | None], BandView | None]
                      ) -> tuple[DimensionScore, ...]:
    """The indicator scores read by Kominfo's six dimensions (the ``kominfo`` crosswalk)."""
    iset = src.assessment.indicator_set
    if "kominfo" not in view_keys(iset):
        return ()
    view = region_view(iset, src.result, "kominfo")
    return tuple(DimensionScore(g.id, g.title.get(src.lang) or g.id, g.score,
                                band_info(g.score), g.coverage, g.weight, g.indicators)
                 for g in view.groups)


def _region(plan: Plan, data_name: str, lang: str) -> RegionInfo:
    """The region for the cover: the plan's ``region``, its population and area taken from
    the ``profile`` when ``region`` does not give them."""
    region = plan.region
    population, year, area = region.population, region.population_year, region.area_km2
    people = plan.figure("population")
    if population is None and people is not None:
        population, year = int(people.value), people.year
    surface = plan.figure("area_km2")
    if area is None and surface is not None:
        area = surface.value
    return RegionInfo(name=region.name or data_name, data_name=data_name,
                      province=region.province, population=population,
                      population_year=year, area_km2=area, notes=region.notes.get(lang))


_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_.\-]{0,79}")


def chart_names(pillar_ids: Sequence[str]) -> list[str]:
    """File stems of the pillars' bar charts: ``bars-<id>`` when every id is a safe file name
    in lower case, else ``bars-1``, ``bars-2`` … for all of them. Either way no two names
    differ only by letter case (``bars-p1`` and ``bars-P1`` would be one file on macOS and
    Windows), and an id can never take the name of another pillar's position."""
    if all(_SAFE_NAME.fullmatch(p) for p in pillar_ids):
        return [f"bars-{p}" for p in pillar_ids]
    return [f"bars-{n}" for n in range(1, len(pillar_ids) + 1)]


def _dimension_rows(group: GroupResult, title_of: Callable[[str], str],
                    band_info: Callable[[float | None], BandView | None],
                    indicator_row: Callable[[IndicatorResult, str | None], IndicatorRow]
                    ) -> list[IndicatorRow | DimensionRow]:
    rows: list[IndicatorRow | DimensionRow] = [DimensionRow(
        group.id, title_of(group.id), group.score, group.coverage, band_info(group.score))]
    for child in group.children:
        if isinstance(child, IndicatorResult):
            rows.append(indicator_row(child, group.id))
        else:
            rows.extend(_dimension_rows(child, title_of, band_info, indicator_row))
    return rows


_FEWER = re.compile(r"fewer than (\d+) answers")


def _note(result: IndicatorResult, lang: str) -> str | None:
    """The engine's note on an indicator, in the report's language."""
    if result.imputed:
        method = result.imputed
        named = text(IMPUTATION_KEYS[method], lang) if method in IMPUTATION_KEYS else method
        return tr("note_imputed", lang, method=named)
    note = result.note
    if note == "no answers":
        return text("note_no_answers", lang)
    if note is not None and (match := _FEWER.fullmatch(note)):
        return tr("note_fewer", lang, n=match.group(1))
    return note


def _digits(value: float | None) -> int:
    """Decimals worth showing for a raw value: 0 from 1000, 1 from 10, else 2; none for a
    zero (a "no" of a yes/no indicator reads "0%", not "0,00%")."""
    if value is None:
        return 1
    if value == 0:
        return 0
    return 0 if abs(value) >= 1000 else 1 if abs(value) >= 10 else 2


def _suffix(indicator: Indicator, lang: str) -> str:
    """What follows a raw value: ``%`` for percentages and shares, else `` unit`` (in the
    report's language when the set gives it in several)."""
    if indicator.respondents == "share" or indicator.type == "percent" or indicator.unit == "%":
        return "%"
    if indicator.unit:
        return f" {indicator.unit_text.get(lang) or indicator.unit}"
    return ""


def dimension_title(dimension: str, lang: str, pillar_titles: Mapping[str, str]) -> str:
    """A Kominfo dimension's name (a pillar's title for an action without a dimension)."""
    if dimension in KOMINFO_TITLES:
        return KOMINFO_TITLES[dimension].get(lang) or dimension
    return pillar_titles.get(dimension, dimension)


_ONE_YEAR = re.compile(r"\((\d{4})–\1\)")


def program_references(roadmap: Roadmap, plan: Plan, indicator_set: IndicatorSet, lang: str
                       ) -> Callable[[str], str]:
    """A function that rewrites the action ids in a planner's line for a reader: a program
    of the roadmap becomes ``program 12`` (its number in the tables), an existing program
    or another catalogue action its title."""
    numbers = {a.id: a.rank for a in roadmap.actions}
    titles = {a.id: a.title.get(lang) or a.id for a in indicator_set.actions()}
    titles |= {e.id: e.title.get(lang) or e.id for e in plan.existing}
    known = sorted(set(numbers) | set(titles), key=lambda i: (-len(i), i))
    alternatives = "|".join(map(re.escape, known))
    pattern = re.compile(rf"(?<![\w.\-])(?:{alternatives})(?![\w\-]|\.\w)") if known else None

    def replace_id(match: re.Match[str]) -> str:
        found = match.group(0)
        if found in numbers:
            return tr("program_ref", lang, n=numbers[found])
        return titles.get(found, found)

    def refer(line: str) -> str:
        if pattern is not None:
            line = pattern.sub(replace_id, line)
        return _ONE_YEAR.sub(r"(\1)", line)

    return refer


STATUS_LABEL_KEYS = {"unfunded": "status_unfunded", "beyond_horizon": "status_beyond",
                     "existing": "status_existing"}
"""A program's status (when not scheduled) → catalogue key of its words."""


def _action(planned: PlannedAction, plan: Plan, lang: str, title_of: Callable[[str], str],
            pillar_titles: dict[str, str], roadmap: Roadmap,
            refer: Callable[[str], str]) -> ActionView:
    action = planned.action
    gap = planned.gap
    if planned.start_year is not None and planned.end_year is not None:
        span = (str(planned.start_year) if planned.end_year == planned.start_year
                else f"{planned.start_year}–{planned.end_year}")
        stage = roadmap.stage_of(planned.start_year)
        stage_text = f"RPJMD {stage.rpjmd[0]}–{stage.rpjmd[1]}" if stage else ""
    else:
        span = text(STATUS_LABEL_KEYS[planned.status], lang)
        stage_text = ""
    return ActionView(
        id=action.id, rank=planned.rank, title=action.title.get(lang) or action.id,
        description=action.description.get(lang), owner=planned.owner,
        owner_name=plan.opd_name(planned.owner, lang), effort=action.effort,
        effort_label=text(EFFORT_KEYS[action.effort], lang),
        effort_points=planned.effort_points, horizon=action.horizon, phase=planned.phase,
        phase_label=text(PHASE_KEYS[planned.phase], lang), quick_win=planned.quick_win,
        scheduled=planned.scheduled, start=planned.start_year, end=planned.end_year,
        duration=planned.duration, gain=action.gain, impact=planned.impact,
        priority=planned.priority, pillar=gap.pillar,
        pillar_title=pillar_titles.get(gap.pillar, gap.pillar),
        depends_on=action.depends_on, required_by=planned.required_by,
        references=action.references,
        gap=GapView(
            indicator=gap.indicator, indicator_title=title_of(gap.indicator),
            score=gap.score, target_score=gap.target_score, threshold=gap.threshold,
            gap=gap.gap, effective_weight=gap.effective_weight,
            below_threshold_only=(gap.target_score is None or gap.score is None
                                  or gap.score >= gap.target_score)),
        status=planned.status, status_label=span, reason=refer(planned.reason.get(lang)),
        cost_low=planned.cost.low, cost_high=planned.cost.high,
        cost_source=planned.cost.source,
        funding=tuple(funding_label(s, lang) for s in planned.funding),
        dimension=planned.dimension,
        dimension_title=dimension_title(planned.dimension, lang, pillar_titles),
        mandatory=planned.mandatory, benefit=planned.benefit,
        citizen_impact=planned.citizen_impact, stage=stage_text)


def _phases(roadmap: Roadmap, by_id: dict[str, ActionView], lang: str
            ) -> tuple[PhaseView, ...]:
    """The phases that hold actions or years, in order, with their years and agencies."""
    phases = []
    for phase in PHASES:
        members = tuple(by_id[a.id] for a in roadmap.in_phase(phase))
        if phase == "quick-win":
            span = sorted({a.start for a in members if a.start is not None})
        elif phase == "deferred":
            span = []
        else:
            span = [y for y in roadmap.plan_years
                    if phase_of(y - roadmap.start_year + 1) == phase]
        if not members and phase in ("quick-win", "deferred"):
            continue
        if not span and phase != "deferred":
            continue
        phases.append(PhaseView(
            key=phase, label=text(PHASE_KEYS[phase], lang), first=span[0] if span else None,
            last=span[-1] if span else None, actions=members,
            owners=tuple(sorted({a.owner for a in members}))))
    return tuple(phases)


def _owners(roadmap: Roadmap, plan: Plan, by_id: dict[str, ActionView], lang: str
            ) -> tuple[OwnerView, ...]:
    """Every agency that leads an action, with its counts."""
    owners = []
    for owner in roadmap.owners():
        members = tuple(by_id[a.id] for a in roadmap.for_owner(owner))
        owners.append(OwnerView(
            short=owner, name=plan.opd_name(owner, lang), actions=members,
            programs=sum(1 for a in members if not a.quick_win and a.scheduled),
            quick_wins=sum(1 for a in members if a.quick_win and a.scheduled),
            deferred=sum(1 for a in members if not a.scheduled),
            pillars=tuple(sorted({a.pillar_title for a in members}))))
    return tuple(owners)


def _kpis(roadmap: Roadmap, result: RegionResult, pillars: Sequence[PillarView],
          title_of: Callable[[str], str], lang: str) -> tuple[KpiRow, ...]:
    """The index, each pillar and each indicator with a target path."""
    rows = [KpiRow("index", "index", text("kpi_index", lang), result.score,
                   roadmap.index_target, roadmap.target_path.index, roadmap.projection.index)]
    for pillar in pillars:
        rows.append(KpiRow("pillar", pillar.id, tr("kpi_pillar", lang, pillar=pillar.title),
                           pillar.score, pillar.target, pillar.target_path, pillar.projection))
    results = {r.id: r for r in result.indicators()}
    for indicator_id, path in roadmap.target_path.indicators:
        rows.append(KpiRow("indicator", indicator_id, title_of(indicator_id),
                           results[indicator_id].score, path[-1], path,
                           roadmap.projection.indicator(indicator_id)))
    return tuple(rows)
