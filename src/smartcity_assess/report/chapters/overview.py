"""The chapters of the overview of many region-years (``index.html``, ``index.md``).

Templates: ``templates/chapters/overview/<name>.html`` and ``.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..overview_facts import OverviewFacts
from . import Chapter, Document


@dataclass(frozen=True, kw_only=True)
class SummaryChapter(Chapter):
    """Key figures of the latest year, the distribution of the index and the years."""

    TITLE = "ch_ov_summary"
    ANCHOR = "ringkasan"
    PARTIAL = "chapters/overview/summary"

    not_assessed: int
    """Region-years whose index is not assessed, over all years."""


def summary(facts: OverviewFacts, _: None) -> SummaryChapter:
    return SummaryChapter(not_assessed=sum(y.not_assessed for y in facts.years))


@dataclass(frozen=True, kw_only=True)
class HeatmapChapter(Chapter):
    """The index and pillar scores of every region as heatmaps, one per year."""

    TITLE = "ch_ov_heatmap"
    ANCHOR = "peta-panas"
    PARTIAL = "chapters/overview/heatmap"


def heatmap(facts: OverviewFacts, _: None) -> HeatmapChapter:
    return HeatmapChapter()


@dataclass(frozen=True, kw_only=True)
class RankingChapter(Chapter):
    """The ranking, with links to every region's documents."""

    TITLE = "ch_ov_ranking"
    ANCHOR = "peringkat"
    PARTIAL = "chapters/overview/ranking"


def ranking(facts: OverviewFacts, _: None) -> RankingChapter:
    return RankingChapter()


@dataclass(frozen=True, kw_only=True)
class MethodChapter(Chapter):
    """How the region-years were assessed and ranked, and where their documents are."""

    TITLE = "ch_ov_method"
    ANCHOR = "metode"
    PARTIAL = "chapters/overview/method"
    ANNEX = True


def method(facts: OverviewFacts, _: None) -> MethodChapter:
    return MethodChapter()


OVERVIEW: Document[OverviewFacts, None] = Document("index", (summary, heatmap, ranking, method))
"""The overview's chapters, in order."""
