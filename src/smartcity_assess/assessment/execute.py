"""Executing an assessment config (``smartcity-assess run``): scores, reports, summary,
provenance.

Everything that can be wrong with the inputs (config, indicator set, plan, survey files,
history) is found before anything is written, and reported at once (exit 2 in the CLI).
Then the outputs are written into the config's output folder::

    scorecard/
      scores.json          every region-year at full precision (docs/scores-json.md)
      summary.md           verdict, scores with changes, assertion results
      provenance.json      versions, hashes of every input and output, resolved config
      reports/<lang>/<region>-<year>/masterplan.html, roadmap.html, *.md, charts/ ...

The folder holds one run's output as a whole: everything is staged first and published
together (:class:`smartcity_assess.outputs.OutputFolder`), and the files of the previous run
that this one no longer writes (a region that left the data) are removed — only those the
folder's manifest lists, still holding what the tool wrote — so a commit of the folder shows
a clean diff. Nothing else in it is touched: a file the tool did not write, or an input of the
run, is never replaced (the run stops before it changes anything, exit 2), and a second run
into the same folder at the same time stops with a clear error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..compare import pair
from ..errors import InputError, Problem, gather
from ..history import History, Snapshot, Timeline, from_assessment, read_history
from ..notices import Notice
from ..outputs import OutputFolder
from ..paths import region_folders
from ..scoring.results import Assessment, RegionResult
from .assertions import Outcome, evaluate, in_scope
from .config import AssessmentConfig, check_against_set, load_config
from .provenance import bytes_record, provenance
from .provenance import to_json as provenance_json
from .summary import Row, to_markdown

if TYPE_CHECKING:
    from ..geo.inputs import GeoContext
    from ..scoring.sensitivity import SensitivityResult


Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` while reports are written."""

SCORES = "scores.json"
SUMMARY = "summary.md"
PROVENANCE = "provenance.json"
REPORTS = "reports"


@dataclass(frozen=True)
class RunResult:
    """What a run found and wrote."""

    config: AssessmentConfig
    assessment: Assessment
    outcomes: tuple[Outcome, ...]
    summary: str
    written: tuple[Path, ...]
    removed: tuple[Path, ...]
    notes: tuple[Notice, ...]
    """Things to tell the user (history conflicts, assessment warnings)."""

    @property
    def exit_code(self) -> int:
        """1 when an ``error`` assertion failed, else 0."""
        return 1 if any(o.is_error for o in self.outcomes) else 0

    @property
    def failures(self) -> tuple[Outcome, ...]:
        """Failed checks, errors first."""
        failed = [o for o in self.outcomes if o.status == "fail"]
        return tuple(sorted(failed, key=lambda o: o.level != "error"))


@dataclass(frozen=True)
class Prepared:
    """A run with its inputs read and checked, before anything is written."""

    config: AssessmentConfig
    assessment: Assessment
    plan: Any
    history: History | None
    sensitivity: SensitivityResult | None = None
    geo: GeoContext | None = None
    """The boundaries, problem layers and complaints of ``maps:`` (None: none)."""


def prepare(config_path: str | Path, *, output: Path | None = None) -> Prepared:
    """Load the config and every input; raise :class:`InputError` with every problem."""
    from ..indicators.loader import load_indicator_set
    from ..pipeline import Uncertainty, assess_with_uncertainty
    from ..planning.plan import check_plan, load_plan
    from ..scoring.engine import ScoringOptions, assess
    from ..survey.load import read_survey

    config = load_config(config_path)
    if output is not None:
        config = replace(config, output=output)
    indicator_set = load_indicator_set(config.criteria)
    problems: list[Problem] = list(check_against_set(config, indicator_set))
    plan = gather(problems, lambda: load_plan(config.plan))
    if plan is not None:
        problems.extend(check_plan(plan, indicator_set))
    folder = config.history
    history = gather(problems, lambda: read_history(folder)) if folder is not None else None
    survey = gather(problems, lambda: read_survey(
        config.input_files, indicator_set, sheet=config.sheet,
        ignore_columns=config.ignore_columns))
    geo_options = config.geo
    geo_data = None
    if geo_options is not None and not geo_options.empty:
        from ..geo.inputs import read_geo

        geo_data = gather(problems, lambda: read_geo(geo_options))
    if problems:
        raise InputError(problems)
    assert survey is not None
    if isinstance(config.criteria, Path):  # named as the config names it, on every machine
        indicator_set = replace(indicator_set, source=config.relative(config.criteria))
    from ..scoring.areas import AreaOptions

    context = None
    areas = AreaOptions(min_respondents=geo_options.min_respondents) if (
        geo_options is not None and geo_options.min_respondents) else AreaOptions()
    if geo_data is not None:
        from ..geo.inputs import apply_geo

        context, areas = apply_geo(survey, [i.id for i in indicator_set.indicators()],
                                   geo_data)
    design = plan.design if plan is not None else None
    if config.uncertainty:
        assessment, tested = assess_with_uncertainty(indicator_set, survey,
                                                     Uncertainty(seed=config.seed),
                                                     design=design, areas=areas)
    else:
        assessment, tested = assess(indicator_set, survey,
                                    ScoringOptions(design=design, areas=areas)), None
    if context is not None and context.notices:
        assessment = replace(assessment, warnings=(*assessment.warnings, *context.notices))
    labels = {str(p): config.relative(p) for p in config.input_files}
    inputs = tuple(replace(f, path=labels.get(f.path, f.path)) for f in assessment.inputs)
    return Prepared(config, replace(assessment, inputs=inputs), plan, history, tested, context)


def run(config_path: str | Path, *, output: Path | None = None, jobs: int = 1,
        progress: Progress | None = None) -> RunResult:
    """Run an assessment config end to end (see the module text)."""
    prepared = prepare(config_path, output=output)
    return execute(prepared, jobs=jobs, progress=progress)


def execute(prepared: Prepared, *, jobs: int = 1, progress: Progress | None = None
            ) -> RunResult:
    """Evaluate the assertions and write every output of a prepared run."""
    from ..render.scores_json import to_json

    config, assessment = prepared.config, prepared.assessment
    lang = config.languages[0]
    current = from_assessment(assessment, lang)
    history = prepared.history
    timeline = Timeline([*(history.snapshots if history else ()), *current])
    outcomes = evaluate(config.assertions, assessment.indicator_set, current, timeline,
                        config.scope)
    rows = summary_rows(current, timeline, config.scope)
    summary = to_markdown(assessment, rows, outcomes, lang)

    out = config.output
    records: list[dict[str, Any]] = []
    scores = to_json(assessment, lang, prepared.sensitivity).encode("utf-8")
    summary_bytes = summary.encode("utf-8")
    # The folder is locked for the whole run (a second run into it stops with a clear
    # error); the whole output is staged and then published at once. The run's own inputs
    # are never replaced nor removed, whatever the manifest says.
    with OutputFolder(out, protect=_inputs(prepared)) as folder:
        folder.adopt(_previous_outputs(out))  # a folder written by an earlier version
        folder.check({SCORES: scores, SUMMARY: summary_bytes})
        records.extend(_reports(prepared, jobs=jobs, progress=progress, folder=folder))
        for relative, data in ((SCORES, scores), (SUMMARY, summary_bytes)):
            folder.write(relative, data)
            records.append(bytes_record(relative, data))
        record = provenance(config, assessment, history=history.files if history else (),
                            outputs=records)
        folder.write(PROVENANCE, provenance_json(record).encode("utf-8"))
        published = folder.publish()
    notes = [*(history.notes if history else ()), *assessment.warnings,
             *_stale(prepared)]
    return RunResult(config, assessment, tuple(outcomes), summary, published.written,
                     published.removed, tuple(notes))


def _stale(prepared: Prepared) -> tuple[Notice, ...]:
    """Notices of the sources older than the plan's ``max_age``."""
    from ..report.facts import report_date
    from ..report.maps import source_dates, stale_notices

    plan = prepared.plan
    return stale_notices(source_dates(prepared.assessment.inputs, prepared.geo),
                         plan.max_age if plan is not None else None, report_date())


def _inputs(prepared: Prepared) -> list[Path]:
    """Every file the run read: never replaced nor removed by its output."""
    config = prepared.config
    found = [config.path, *config.input_files, *config.geo_files]
    if config.plan is not None:
        found.append(config.plan)
    if isinstance(config.criteria, Path):
        found.append(config.criteria)
    if prepared.history is not None:
        found.extend(prepared.history.files)
    return found


def summary_rows(current: Sequence[Snapshot], timeline: Timeline, scope: str) -> list[Row]:
    """The region-years the summary shows, each with its change since the previous year."""
    rows = []
    for snapshot in sorted(in_scope(current, scope),
                           key=lambda s: (s.region, -1 if s.year is None else s.year)):
        prior = timeline.before(snapshot.region, snapshot.year)
        change = None if prior is None else pair(
            snapshot.region, str(prior.year), str(snapshot.year), prior, snapshot)
        rows.append(Row(snapshot, change))
    return rows


# --- reports ---------------------------------------------------------------------------------


def report_targets(assessment: Assessment, which: str) -> list[RegionResult]:
    """The region-years that get reports: ``latest`` of each region, ``all``, or ``none``."""
    if which == "none":
        return []
    results = list(assessment.results)
    if which == "all":
        return results
    latest: dict[str, RegionResult] = {}
    for result in results:
        held = latest.get(result.region)
        if held is None or (result.year or -1) > (held.year or -1):
            latest[result.region] = result
    return [r for r in results if latest[r.region] is r]


def _reports(prepared: Prepared, *, jobs: int, progress: Progress | None,
             folder: OutputFolder) -> list[dict[str, Any]]:
    """Write the reports of every chosen region-year in every language; return the
    provenance records of the files written (paths relative to the output folder)."""
    from .batch import report_jobs, write_reports_many

    config = prepared.config
    if not config.formats:
        return []
    chosen = report_targets(prepared.assessment, config.reports)
    if not chosen:
        return []
    folders = region_folders((r.region, r.year) for r in chosen)
    work = report_jobs(prepared.assessment, chosen, config.languages, folders,
                       lambda lang: f"{REPORTS}/{lang}")
    # The overview of several region-years (report_set.py): rendered before the reports, so
    # that a failure stops the run before they are written, and written after them.
    overview = _overviews(prepared, chosen)
    folder.check(overview)
    written = write_reports_many(prepared.assessment, config.output, work, plan=prepared.plan,
                                 formats=config.formats, processes=jobs, progress=progress,
                                 folder=folder, history=prepared.history,
                                 sensitivity=prepared.sensitivity, geo=prepared.geo)
    if overview:
        folder.commit(overview)
    return [*({"path": w.path, "sha256": w.sha256, "bytes": w.bytes} for w in written),
            *(bytes_record(path, data) for path, data in overview.items())]


def _overviews(prepared: Prepared, chosen: Sequence[RegionResult]) -> dict[str, bytes]:
    """``reports/<lang>/index.html`` and ``index.md`` when more than one region-year gets
    reports (none for a single one: its folder is the whole story)."""
    from .report_set import render_overviews

    if len(chosen) < 2:
        return {}
    config = prepared.config
    return render_overviews(prepared.assessment, chosen, languages=config.languages,
                            formats=config.formats, plan=prepared.plan,
                            prefix=lambda lang: f"{REPORTS}/{lang}")


# --- a folder written by an earlier version --------------------------------------------------


def _previous_outputs(out: Path) -> dict[str, str]:
    """Paths an earlier version's run listed in its provenance.json, with their SHA-256
    (empty when there is none). Used only for a folder without a manifest, and only to
    replace files that still hold exactly those bytes (:meth:`OutputFolder.adopt`)."""
    import json

    record = out / PROVENANCE
    try:
        if record.is_symlink() or not record.is_file() or record.stat().st_size > 64 << 20:
            return {}
        data = json.loads(record.read_text(encoding="utf-8"))
        items = [item for item in data.get("outputs", []) if isinstance(item, dict)
                 and isinstance(item.get("path"), str) and isinstance(item.get("sha256"), str)]
    except (OSError, ValueError, AttributeError, TypeError, RecursionError):
        return {}
    return {item["path"]: item["sha256"] for item in items}
