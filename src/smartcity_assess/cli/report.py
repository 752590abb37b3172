"""``report``: masterplan and roadmap documents from survey data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import message, run
from .mapping import (
    AreaMinimum,
    Boundaries,
    BoundaryKey,
    BoundaryKeyOption,
    Complaints,
    ComplaintsYear,
    Layers,
    MapIndicators,
)
from .options import Criteria, IgnoreColumns, Lang, LangOption, NoUncertainty, Seed, Sheet, Surveys

OutDir = Annotated[Path, typer.Option("--out", "-o", help="Folder to write the reports into.")]
Formats = Annotated[str, typer.Option(
    "--format", "-f", help="Comma-separated formats: html, md, pdf (pdf needs the 'pdf' extra).")]
PlanOption = Annotated[Path | None, typer.Option(
    "--plan", help="Plan file (YAML): region profile, vision, horizon, targets, OPD, capacity.",
    show_default=False)]
HistoryOption = Annotated[Path | None, typer.Option(
    "--history", help="Folder of earlier scores.json files: the masterplan shows the region's "
    "trend over those years and the years in the data.", show_default=False)]
TemplatesOption = Annotated[Path | None, typer.Option(
    "--templates", help="Folder of your own Jinja templates (rendered in a sandbox).",
    show_default=False)]


def parse_formats(text: str) -> tuple[str, ...]:
    """``"html,md"`` → ``("html", "md")``, rejecting unknown names."""
    from ..errors import UsageError

    formats = tuple(dict.fromkeys(p.strip().lower() for p in text.split(",") if p.strip()))
    unknown = [f for f in formats if f not in ("html", "md", "pdf")]
    if unknown or not formats:
        raise UsageError(f"unknown report format {', '.join(unknown) or text!r}: "
                         "use html, md and/or pdf")
    return formats


RegionFilter = Annotated[list[str] | None, typer.Option(
    "--region", "-r", help="Only this region (repeatable): its name in the data, in any letter "
    "case, or its folder name.", show_default=False)]
YearFilter = Annotated[list[int] | None, typer.Option(
    "--year", "-y", help="Only this year (repeatable).", show_default=False)]
Jobs = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Processes that write the reports of several region-years in "
    "parallel (default: the number of CPUs, at most 8).", show_default=False)]


def report_command(
    surveys: Surveys,
    criteria: Criteria = None,
    plan: PlanOption = None,
    out: OutDir = Path("smartcity-report"),
    formats: Formats = "html,md",
    lang: LangOption = Lang.id,
    templates: TemplatesOption = None,
    sheet: Sheet = None,
    ignore_column: IgnoreColumns = None,
    region: RegionFilter = None,
    year: YearFilter = None,
    jobs: Jobs = None,
    history: HistoryOption = None,
    uncertainty: NoUncertainty = True,
    seed: Seed = 20250101,
    boundaries: Boundaries = None,
    boundary_key: BoundaryKeyOption = BoundaryKey.kode,
    layer: Layers = None,
    complaints: Complaints = None,
    complaints_year: ComplaintsYear = None,
    map_indicator: MapIndicators = None,
    area_min_respondents: AreaMinimum = None,
) -> None:
    """Write the masterplan, the roadmap and the citizens' scorecard (HTML and Markdown, with
    charts), scores.json and roadmap.json; with --boundaries also the maps and scores.geojson.

    One region-year: the files go straight into --out. Several: one folder per region-year
    under --out, and an overview (index.html, index.md) with the ranking, a pillar-by-region
    heatmap and the distribution of the index, linking every region's documents.
    """

    def body() -> None:
        from dataclasses import replace

        from ..assessment.report_set import choose, write_report_set
        from ..messages import text, tr
        from ..pipeline import Uncertainty, assess_files
        from ..planning.plan import load_plan
        from ..report.build import write_reports
        from .mapping import geo_notices, geo_options
        from .progress import default_jobs, progress_bar

        chosen_formats = parse_formats(formats)
        if templates is not None:
            from ..report.environment import check_templates_dir

            check_templates_dir(templates)  # before any work: nothing read through a link
        the_plan = load_plan(plan)
        for notice in the_plan.notices:  # version-1 keys, read under their new names
            # (the notice itself is about the plan file, like its errors: in English)
            message(f"{text('cli_note', lang.value)}: {notice}")
        earlier = None
        if history is not None:
            from ..history import read_history

            earlier = read_history(history)
        scored = assess_files(
            surveys, criteria, sheet=sheet, ignore_columns=ignore_column or (),
            uncertainty=Uncertainty(seed=seed) if uncertainty else None,
            geo=geo_options(boundaries, boundary_key, layer, complaints, complaints_year,
                            map_indicator, area_min_respondents),
            design=the_plan.design)
        assessment, tested, geo = scored.assessment, scored.sensitivity, scored.geo
        geo_notices(assessment, geo, the_plan, lang.value)
        chosen = choose(assessment, region or (), year or ())
        if len(chosen) == 1:  # the flat layout: the documents straight into --out
            one = chosen[0]
            own_years = tuple(r for r in assessment.results if r.region == one.region)
            written = write_reports(replace(assessment, results=own_years), out,
                                    plan=the_plan, formats=chosen_formats, lang=lang.value,
                                    templates_dir=templates, region=one.region, year=one.year,
                                    history=earlier, sensitivity=tested, geo=geo)
            for path in written:
                message(tr("cli_wrote", lang.value, path=path))
            return
        with progress_bar(lang.value) as progress:
            files = write_report_set(assessment, out, chosen, plan=the_plan,
                                     formats=chosen_formats, lang=lang.value,
                                     templates_dir=templates,
                                     processes=jobs or default_jobs(), progress=progress,
                                     history=earlier, sensitivity=tested, geo=geo)
        overview = next((f.path for f in files if f.path in ("index.html", "index.md")), None)
        if overview:
            message(tr("cli_report_set_overview", lang.value, n=len(files), folder=out,
                       regions=len(chosen), overview=out / overview))
        else:
            message(tr("cli_report_set", lang.value, n=len(files), folder=out,
                       regions=len(chosen)))

    run(body)
