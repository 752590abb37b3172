"""The chapters of the masterplan: what each shows beyond the shared facts, and its builder.

Templates: ``templates/chapters/masterplan/<name>.html`` and ``.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...messages import text
from ...messages.keys import DIRECTION_KEYS
from ...scoring.results import GroupResult, IndicatorResult
from ...survey.usage import describe
from ..facts import ReportFacts, ReportSources
from ..views import IndicatorRow, PillarView, WeightRow
from . import Chapter, Document
from .design import design

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
    summary, pillars, design, gaps, vision, programs, quick_wins, governance, method))
"""The masterplan's chapters, in order."""
