"""The masterplan's chapters on areas and on data sources (maps, problem layers, freshness).

Templates: ``templates/chapters/masterplan/areas.html`` / ``.md`` and ``sources.html`` /
``.md``. Their facts are built in :mod:`..maps`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..facts import ReportFacts, ReportSources
from ..maps import MapsFacts, SourcesFacts
from . import Chapter


@dataclass(frozen=True, kw_only=True)
class AreasChapter(Chapter):
    """The breakdown by area: table, maps of the index, pillars and chosen indicators,
    problem layers with their bivariate maps and ranked tables, the match report."""

    TITLE = "ch_areas"
    ANCHOR = "wilayah"
    PARTIAL = "chapters/masterplan/areas"

    maps: MapsFacts


def areas(facts: ReportFacts, src: ReportSources) -> AreasChapter | None:
    return AreasChapter(maps=src.maps) if src.maps is not None else None


@dataclass(frozen=True, kw_only=True)
class SourcesChapter(Chapter):
    """Every data source with its date, and the ones older than the plan allows."""

    TITLE = "ch_sources"
    ANCHOR = "sumber-data"
    PARTIAL = "chapters/masterplan/sources"

    sources: SourcesFacts


def sources(facts: ReportFacts, src: ReportSources) -> SourcesChapter | None:
    return SourcesChapter(sources=src.sources) if src.sources is not None else None
