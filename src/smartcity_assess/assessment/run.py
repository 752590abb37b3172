"""``smartcity-assess run``: an assessment config → scores, reports, summary, provenance.

Everything that can be wrong with the inputs (config, indicator set, plan, survey files,
history) is found before anything is written, and reported at once (exit 2 in the CLI).
Then the outputs are written into the config's output folder::

    scorecard/
      scores.json          every region-year at full precision (docs/scores-json.md)
      summary.md           verdict, scores with changes, assertion results
      provenance.json      versions, hashes of every input and output, resolved config
      reports/<lang>/<region>-<year>/masterplan.html, roadmap.html, *.md, charts/ ...

Files a previous run wrote (as listed in its provenance.json) that this run does not write
are removed when they still hold what that run wrote, so the folder always reflects the
latest run and a commit of it shows a clean diff. Nothing else in the folder is touched: a
file the tool did not write is never replaced (the run stops before writing, exit 2), and a
second run into the same folder at the same time stops with a clear error
(:class:`smartcity_assess.outputs.OutputFolder`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..compare import pair
from ..errors import InputError, OutputError, Problem
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
    from ..scoring.sensitivity import SensitivityResult

T = TypeVar("T")

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


def prepare(config_path: str | Path, *, output: Path | None = None) -> Prepared:
    """Load the config and every input; raise :class:`InputError` with every problem."""
    from ..indicators.loader import load_indicator_set
    from ..pipeline import Uncertainty, assess_with_uncertainty
    from ..planning.plan import check_plan, load_plan
    from ..scoring.engine import assess
    from ..survey.load import read_survey

    config = load_config(config_path)
    if output is not None:
        config = replace(config, output=output)
    indicator_set = load_indicator_set(config.criteria)
    problems: list[Problem] = list(check_against_set(config, indicator_set))
    def collect(action: Callable[[], T]) -> T | None:
        try:
            return action()
        except InputError as error:
            problems.extend(error.problems)
            return None

    plan = collect(lambda: load_plan(config.plan))
    if plan is not None:
        problems.extend(check_plan(plan, indicator_set))
    folder = config.history
    history = collect(lambda: read_history(folder)) if folder is not None else None
    survey = collect(lambda: read_survey(config.input_files, indicator_set, sheet=config.sheet,
                                         ignore_columns=config.ignore_columns))
    if problems:
        raise InputError(problems)
    assert survey is not None
    if isinstance(config.criteria, Path):  # named as the config names it, on every machine
        indicator_set = replace(indicator_set, source=config.relative(config.criteria))
    if config.uncertainty:
        assessment, tested = assess_with_uncertainty(indicator_set, survey,
                                                     Uncertainty(seed=config.seed))
    else:
        assessment, tested = assess(indicator_set, survey), None
    labels = {str(p): config.relative(p) for p in config.input_files}
    inputs = tuple(replace(f, path=labels.get(f.path, f.path)) for f in assessment.inputs)
    return Prepared(config, replace(assessment, inputs=inputs), plan, history, tested)


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
    written: list[Path] = []
    scores = to_json(assessment, lang, prepared.sensitivity).encode("utf-8")
    summary_bytes = summary.encode("utf-8")
    # The folder is locked for the whole run (a second run into it stops with a clear
    # error); files are replaced only when the last run's provenance.json lists them, or
    # the manifest an interrupted run left behind (removed again once a run completes).
    with OutputFolder(out, manifest="interrupted") as folder:
        previous_outputs = {path: digest for path, digest in folder.previous.items()
                            if digest} | _previous_outputs(out)
        folder.owned |= set(previous_outputs) | {PROVENANCE}
        folder.check({SCORES: scores, SUMMARY: summary_bytes})

        def put(relative: str, data: bytes) -> None:
            folder.write(relative, data)
            records.append(bytes_record(relative, data))
            written.append(out / relative)

        for record in _reports(prepared, jobs=jobs, progress=progress, folder=folder):
            records.append(record)
            written.append(out / record["path"])
        put(SCORES, scores)
        put(SUMMARY, summary_bytes)
        record = provenance(config, assessment, history=history.files if history else (),
                            outputs=records)
        put(PROVENANCE, provenance_json(record).encode("utf-8"))
        removed = _remove_stale(out, previous_outputs,
                                {r["path"] for r in records} | {PROVENANCE})
    notes = [*(history.notes if history else ()), *assessment.warnings]
    return RunResult(config, assessment, tuple(outcomes), summary, tuple(written),
                     tuple(removed), tuple(notes))


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
             folder: OutputFolder | None = None) -> list[dict[str, Any]]:
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
    if folder is not None and overview:
        folder.check(overview)
    written = write_reports_many(prepared.assessment, config.output, work, plan=prepared.plan,
                                 formats=config.formats, processes=jobs, progress=progress,
                                 folder=folder, history=prepared.history,
                                 sensitivity=prepared.sensitivity)
    written = [*written, *_write_overviews(config.output, overview, folder)]
    return [{"path": w.path, "sha256": w.sha256, "bytes": w.bytes} for w in written]


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


def _write_overviews(out: Path, files: dict[str, bytes], folder: OutputFolder | None
                     ) -> list[Any]:
    import hashlib

    from ..outputs import commit_files
    from .batch import Written

    if not files:
        return []
    if folder is not None:
        folder.commit(files)
    else:
        commit_files(out, files)
    return [Written(path, hashlib.sha256(data).hexdigest(), len(data))
            for path, data in files.items()]


# --- stale outputs ---------------------------------------------------------------------------


def _previous_outputs(out: Path) -> dict[str, str]:
    """Paths the last run listed in its provenance.json, with their SHA-256 (empty when
    there is none; paths that would leave the folder are left out)."""
    import json

    from ..outputs import check_relative

    record = out / PROVENANCE
    if not record.is_file():
        return {}
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        items = [item for item in data.get("outputs", []) if isinstance(item, dict)
                 and isinstance(item.get("path"), str) and isinstance(item.get("sha256"), str)]
    except (OSError, ValueError, AttributeError):
        return {}
    found = {}
    for item in items:
        try:
            check_relative(item["path"])
        except OutputError:
            continue  # a provenance.json edited by hand: never touch anything outside
        found[item["path"]] = item["sha256"]
    return found


def _remove_stale(out: Path, before: dict[str, str], now: set[str]) -> list[Path]:
    """Delete files the previous run wrote and this one did not, then empty folders left.

    A file is deleted only when it still holds what that run wrote (its SHA-256 matches the
    record): a file edited since, or put in its place, is left alone.
    """
    import hashlib

    removed: list[Path] = []
    root = out.resolve()
    for relative in sorted(set(before) - now):
        parts = Path(relative).parts
        if not parts or Path(relative).is_absolute() or ".." in parts:
            continue  # a provenance.json edited by hand: never delete outside the folder
        target = out / relative
        try:
            if target.is_file() and not target.is_symlink() and \
                    target.resolve().is_relative_to(root) and \
                    hashlib.sha256(target.read_bytes()).hexdigest() == before[relative]:
                target.unlink()
                removed.append(target)
        except OSError:
            continue
    for folder in sorted({p.parent for p in removed}, key=lambda p: -len(p.parts)):
        probe = folder
        while probe != out and probe.resolve().is_relative_to(root):
            try:
                probe.rmdir()
            except OSError:
                break
            probe = probe.parent
    return removed
