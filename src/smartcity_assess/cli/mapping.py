"""Options of ``report`` and ``demo`` for maps: boundaries, problem layers, complaints.

Declared once here; each command turns them into
:class:`~smartcity_assess.geo.inputs.GeoOptions` with :func:`geo_options` and prints the
notices of the run (:func:`geo_notices`).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..geo.inputs import GeoContext, GeoOptions
    from ..planning.plan import Plan
    from ..scoring.results import Assessment


class BoundaryKey(str, Enum):
    """How areas in the data are matched to the boundary file."""

    kode = "kode"
    name = "name"


Boundaries = Annotated[Path | None, typer.Option(
    "--boundaries", help="Boundary file (GeoJSON) of the areas inside the region (kecamatan "
    "or desa): maps by area, scores.geojson. See docs/maps.md.", show_default=False)]
BoundaryKeyOption = Annotated[BoundaryKey, typer.Option(
    "--boundary-key", help="Match areas by their official code (kode) or by name.")]
Layers = Annotated[list[str] | None, typer.Option(
    "--layer", help="A problem layer, [TYPE=]FILE: CSV with lon/lat or an area column, or "
    "GeoJSON points; TYPE is flood, dengue, crime, complaints or generic (repeatable).",
    show_default=False)]
Complaints = Annotated[Path | None, typer.Option(
    "--complaints", help="Complaints export (SP4N-LAPOR!, Lapor Bupati; CSV): measures the "
    "dampak.aduan_* indicators for the region and each area.", show_default=False)]
ComplaintsYear = Annotated[int | None, typer.Option(
    "--complaints-year", min=1900, max=2200, help="Count the complaints received in this "
    "year (default: the year before the assessment).", show_default=False)]
MapIndicators = Annotated[list[str] | None, typer.Option(
    "--map-indicator", help="Also map this indicator by area (repeatable).",
    show_default=False)]
AreaMinimum = Annotated[int | None, typer.Option(
    "--area-min-respondents", min=1, help="Fewest survey respondents for an area to get a "
    "score (default 10).", show_default=False)]


def geo_options(boundaries: Path | None, key: BoundaryKey, layers: list[str] | None,
                complaints: Path | None, complaints_year: int | None,
                indicators: list[str] | None, minimum: int | None) -> GeoOptions:
    """The options as the core takes them."""
    from ..geo.inputs import GeoOptions, parse_layer

    return GeoOptions(boundaries=boundaries, key=key.value,
                      layers=tuple(parse_layer(text) for text in layers or ()),
                      complaints=complaints, complaints_year=complaints_year,
                      map_indicators=tuple(dict.fromkeys(indicators or ())),
                      min_respondents=minimum)


def geo_notices(assessment: Assessment, geo: GeoContext | None, plan: Plan,
                lang: str) -> None:
    """On stderr: the areas not matched, the complaints used, and stale sources."""
    from ..report.facts import report_date
    from ..report.maps import source_dates, stale_notices
    from .notices import notices

    found = list(geo.notices) if geo is not None else []
    found += stale_notices(source_dates(assessment.inputs, geo), plan.max_age,
                           report_date())
    if found:
        notices(found, assessment, lang, "cli_more_warnings_scores")
