"""The chapters of the masterplan: what each shows beyond the shared facts, and its builder.

Templates: ``templates/chapters/masterplan/<name>.html`` and ``.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...messages import text
from ...messages.keys import DIRECTION_KEYS
from ...scoring.results import GroupResult, IndicatorResult
from ..facts import ReportFacts, ReportSources
from ..views import IndicatorRow, PillarView, WeightRow
from . import Chapter, Document
from .areas import areas, sources

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


def summary(facts: ReportFacts, src: ReportSources) -> SummaryChapter:
    assessed = [r for r in facts.indicators if r.score is not None]
    ordered = sorted(assessed, key=lambda r: (-(r.score or 0.0), r.id))
    scored = [p for p in facts.pillars if p.score is not None]
    weakest = (list(reversed(ordered[-STRONGEST:])) if len(ordered) > STRONGEST
               else ordered[::-1])
    return SummaryChapter(
        strongest=tuple(ordered[:STRONGEST]), weakest=tuple(weakest),
        best_pillar=max(scored, key=lambda p: (p.score or 0.0, p.id), default=None),
        worst_pillar=min(scored, key=lambda p: (p.score or 0.0, p.id), default=None))


@dataclass(frozen=True, kw_only=True)
class PillarsChapter(Chapter):
    """Each pillar with its chart and indicator table, then "How sure are we?"."""

    TITLE = "ch_pillars"
    ANCHOR = "pilar"
    PARTIAL = "chapters/masterplan/pillars"


def pillars(facts: ReportFacts, src: ReportSources) -> PillarsChapter:
    return PillarsChapter()


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
class VisionChapter(Chapter):
    """Vision, mission, notes on the region and the strategic goal of each pillar."""

    TITLE = "ch_vision"
    ANCHOR = "visi"
    PARTIAL = "chapters/masterplan/vision"


def vision(facts: ReportFacts, src: ReportSources) -> VisionChapter:
    return VisionChapter()


@dataclass(frozen=True, kw_only=True)
class ProgramsChapter(Chapter):
    """The proposed programs of each pillar."""

    TITLE = "ch_programs"
    ANCHOR = "program"
    PARTIAL = "chapters/masterplan/programs"


def programs(facts: ReportFacts, src: ReportSources) -> ProgramsChapter:
    return ProgramsChapter()


@dataclass(frozen=True, kw_only=True)
class QuickWinsChapter(Chapter):
    """The quick wins, by year."""

    TITLE = "ch_quick_wins"
    ANCHOR = "quick-win"
    PARTIAL = "chapters/masterplan/quick-wins"


def quick_wins(facts: ReportFacts, src: ReportSources) -> QuickWinsChapter:
    return QuickWinsChapter()


@dataclass(frozen=True, kw_only=True)
class GovernanceChapter(Chapter):
    """The agencies responsible, the KPIs and their targets, and evaluation."""

    TITLE = "ch_governance"
    ANCHOR = "tata-kelola"
    PARTIAL = "chapters/masterplan/governance"


def governance(facts: ReportFacts, src: ReportSources) -> GovernanceChapter:
    return GovernanceChapter()


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


def method(facts: ReportFacts, src: ReportSources) -> MethodChapter:
    iset = src.assessment.indicator_set
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
                aggregation=None))
            return
        rows.append(WeightRow(
            kind=node.kind, id=node.id, title=src.title_of(node.id), depth=depth,
            weight=node.weight, effective_weight=node.effective_weight, goalposts=None,
            direction=None, direction_label=None, target=None, respondents_rule=None,
            transform=None, references=(), normalisation=None, aggregation=node.aggregation))
        for child in node.children:
            walk(child, depth + 1)

    for pillar in src.result.pillars:
        walk(pillar, 0)
    return MethodChapter(weights=tuple(rows))


MASTERPLAN: Document[ReportFacts, ReportSources] = Document("masterplan", (
    summary, pillars, gaps, areas, vision, programs, quick_wins, governance, sources, method))
"""The masterplan's chapters, in order."""
