"""``demo``: the main job on the bundled Kabupaten Tegal sample (sample data)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .console import message, run, stdout
from .mapping import (
    Boundaries,
    BoundaryKey,
    BoundaryKeyOption,
    Complaints,
    Layers,
    MapIndicators,
)
from .options import Lang, NoUncertainty

if TYPE_CHECKING:
    from ..geo.inputs import GeoOptions
    from ..scoring.results import Assessment

SAMPLE_FILES = (
    "tegal-citizen-survey.csv",
    "tegal-opd-self-assessment.xlsx",
    "tegal-official-statistics.csv",
)

SAMPLE_LABEL = "sample"
"""How the reports name the folder of the bundled sample files."""

SAMPLE_BOUNDARIES = "geo/tegal-kecamatan.geojson"
SAMPLE_LAYER = "geo/tegal-dbd-2024.csv"
"""The ILLUSTRATIVE dengue cases by kecamatan drawn over the sample's maps."""
SAMPLE_COMPLAINTS = "geo/tegal-aduan-2024.csv"
SAMPLE_MAP_INDICATORS = ("dampak.aduan_selesai",)
"""Indicators the sample maps by kecamatan besides the index and the pillars."""

SECOND_LANGUAGE_FOLDER = "en"
"""Without ``--lang`` the demo writes Indonesian into DIR and English into DIR/en."""


def demo_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the reports into.")]
    = Path("smartcity-demo"),
    lang: Annotated[Lang | None, typer.Option(
        "--lang", "-l", help="Write the reports in this language only. Default: Indonesian "
        "into DIR and English into DIR/en.", show_default=False)] = None,
    uncertainty: NoUncertainty = True,
    boundaries: Boundaries = None,
    boundary_key: BoundaryKeyOption = BoundaryKey.kode,
    layer: Layers = None,
    complaints: Complaints = None,
    map_indicator: MapIndicators = None,
) -> None:
    """Score the bundled Kabupaten Tegal SAMPLE survey and write its masterplan, roadmap and
    citizens' scorecard, with maps by kecamatan (the sample's boundaries, its ILLUSTRATIVE
    dengue layer and complaints; each option replaces the sample's own)."""

    def body() -> None:
        from ..report.build import warm_up

        warm_up()  # the chart worker imports matplotlib while the sample is read and scored

        from ..messages import text, tr
        from ..pipeline import Uncertainty, assess_files
        from ..planning.plan import load_plan
        from ..report.build import write_reports_languages
        from ..resources import sample_dir
        from .mapping import geo_notices
        from .scorecard import scorecard

        folder = sample_dir()
        files = [folder / name for name in SAMPLE_FILES]
        plan = load_plan(folder / "plan.yaml")
        geo = sample_geo(folder, boundaries, boundary_key, layer, complaints, map_indicator)
        scored = assess_files(files, uncertainty=Uncertainty() if uncertainty else None,
                              geo=geo, design=plan.design)
        tested = scored.sensitivity
        assessment = _relabelled(scored.assessment)
        # The reports name the bundled files as "sample/...", not by where Python installed them.
        plan = replace(plan, source=f"{SAMPLE_LABEL}/plan.yaml")
        shown = lang.value if lang else Lang.id.value
        message(text("cli_demo_banner", shown), "bold yellow")
        geo_notices(assessment, scored.geo, plan, shown)
        stdout.print(scorecard(assessment, shown, stdout.width))
        targets = [(shown, out)] if lang else [(Lang.id.value, out),
                                               (Lang.en.value, out / SECOND_LANGUAGE_FOLDER)]
        # One chart worker for both languages (see write_reports_languages).
        for path in write_reports_languages(assessment, targets, plan=plan,
                                            formats=("html", "md"), sensitivity=tested,
                                            geo=scored.geo):
            message(tr("cli_wrote", shown, path=path))

    run(body)


def _relabelled(assessment: Assessment) -> Assessment:
    """The assessment with its survey files named ``sample/<file>``, the same on every
    machine (the geographic files already carry their labels)."""
    inputs = tuple(item if item.layout in ("boundaries", "layer", "complaints")
                   else replace(item, path=f"{SAMPLE_LABEL}/{Path(item.path).name}")
                   for item in assessment.inputs)
    return replace(assessment, inputs=inputs)


def sample_geo(folder: Path, boundaries: Path | None, key: BoundaryKey,
               layers: list[str] | None, complaints: Path | None,
               indicators: list[str] | None) -> GeoOptions:
    """The sample's maps: its kecamatan, its ILLUSTRATIVE dengue layer and complaints,
    named ``sample/geo/...``; an option the user gives replaces the sample's."""
    from ..geo.inputs import GeoOptions, LayerSpec, parse_layer

    def label(name: str) -> str:
        return f"{SAMPLE_LABEL}/{name}"

    sample_layer = LayerSpec(folder / SAMPLE_LAYER, "dengue", illustrative=True,
                             label=label(SAMPLE_LAYER))
    return GeoOptions(
        boundaries=boundaries or folder / SAMPLE_BOUNDARIES, key=key.value,
        boundaries_label=None if boundaries else label(SAMPLE_BOUNDARIES),
        layers=(tuple(parse_layer(text) for text in layers) if layers else (sample_layer,)),
        complaints=complaints or folder / SAMPLE_COMPLAINTS,
        complaints_label=None if complaints else label(SAMPLE_COMPLAINTS),
        map_indicators=tuple(indicators) if indicators else SAMPLE_MAP_INDICATORS)
