"""Write the masterplan and roadmap of one region-year: HTML, Markdown, charts, scores, PDF.

Everything is rendered in memory first; only when every document rendered are the files
written, each through a temporary file in the output folder and an atomic rename. A
rendering error therefore leaves the folder as it was.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..planning.plan import Plan
from ..planning.planner import Roadmap, build_roadmap
from ..scoring.results import Assessment
from ..text import LANGUAGES
from . import certainty, i18n
from .context import build_context, report_date, select_result
from .environment import make_environment
from .trends import HistoryLike
from .trends import chart_job as trend_chart_job

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..scoring.sensitivity import SensitivityResult
    from .charts import Chart

FORMATS = ("html", "md", "pdf")
"""Report formats ``write_reports`` knows."""
DOCUMENTS = ("masterplan", "roadmap")
CHART_DIR = "charts"


def write_reports(
    assessment: Assessment,
    out_dir: Path,
    *,
    plan: Plan,
    formats: Sequence[str] = ("html", "md"),
    lang: str = "id",
    templates_dir: Path | None = None,
    region: str | None = None,
    year: int | None = None,
    history: HistoryLike | None = None,
    sensitivity: SensitivityResult | None = None,
) -> list[Path]:
    """Render both documents for one region-year and write them into ``out_dir``.

    Returns the paths written, documents first. Raises :class:`UsageError` for an unknown
    format or language, several region-years without a choice, or a missing PDF extra;
    :class:`OutputError` when the folder cannot be written. ``history`` (earlier scores)
    adds their years to the masterplan's trends (see :mod:`.trends`); ``sensitivity`` (the
    Monte Carlo over judgement calls of the same data) fills the "How sure are we?" section
    together with the assessment's bootstrap intervals (see :mod:`.certainty`).
    """
    files = render_reports(assessment, plan=plan, formats=formats, lang=lang,
                           templates_dir=templates_dir, region=region, year=year,
                           history=history, sensitivity=sensitivity)
    return _commit(Path(out_dir), files)


def render_reports(
    assessment: Assessment,
    *,
    plan: Plan,
    formats: Sequence[str] = ("html", "md"),
    lang: str = "id",
    templates_dir: Path | None = None,
    region: str | None = None,
    year: int | None = None,
    history: HistoryLike | None = None,
    sensitivity: SensitivityResult | None = None,
) -> dict[str, bytes]:
    """Every output file as bytes, keyed by its path relative to the output folder.

    The region's other years in ``assessment`` and in ``history`` (earlier scores) make the
    masterplan's trends section (none with a single year).
    """
    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"unknown report format {', '.join(unknown) or '(none)'}: "
                         f"use {', '.join(FORMATS)}")
    if lang not in LANGUAGES:
        raise UsageError(f"unknown report language {lang!r}: use {' or '.join(LANGUAGES)}")
    if templates_dir is not None and not Path(templates_dir).is_dir():
        raise UsageError(f"templates folder {str(templates_dir)!r} does not exist")
    result = select_result(assessment, region, year)
    date = report_date()
    roadmap = build_roadmap(result, assessment.indicator_set, plan, reference_year=date.year)
    context = build_context(assessment, result, roadmap, plan, lang, date, history=history,
                            sensitivity=sensitivity)
    jobs = chart_jobs(context, roadmap, lang)
    charts_done = _background_charts(jobs)
    try:
        return _render_all(assessment, context, jobs, charts_done, chosen, lang, templates_dir,
                           sensitivity)
    finally:
        charts_done()  # collect the worker even when a template failed (returns at once if done)


def _render_all(assessment: Assessment, context: dict[str, Any], jobs: Sequence[ChartJob],
                charts_done: Callable[[], list[Chart]], chosen: tuple[str, ...], lang: str,
                templates_dir: Path | None, sensitivity: SensitivityResult | None = None
                ) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    want_html = "html" in chosen or "pdf" in chosen
    html: dict[str, str] = {}

    from markupsafe import Markup

    from ..render.scores_json import to_json

    scores = to_json(assessment, lang, sensitivity)
    context["scores_json"] = Markup(script_json(scores))
    # The templates render while the charts are drawn; each SVG replaces its placeholder.
    placeholders = {job.name: f"<!--smartcity-assess:chart:{job.name}-->" for job in jobs}
    context["charts"] = {
        job.name: {"name": job.name, "title": job.title, "description": job.description,
                   "svg": Markup(placeholders[job.name]),
                   "file": Markup(f"{CHART_DIR}/{job.name}.svg")}
        for job in jobs
    }
    if want_html:
        env = make_environment("html", lang, user_dir=templates_dir)
        for doc in DOCUMENTS:
            html[doc] = _render(env, f"{doc}.html", templates_dir, context)
    markdown: dict[str, str] = {}
    if "md" in chosen:
        env = make_environment("md", lang, user_dir=templates_dir)
        for doc in DOCUMENTS:
            markdown[doc] = _tidy_markdown(_render(env, f"{doc}.md", templates_dir, context))
    charts = dict(zip([job.name for job in jobs], charts_done(), strict=True))
    for doc, text in html.items():
        for name, chart in charts.items():
            text = text.replace(placeholders[name], chart.svg)
        html[doc] = text
    if "html" in chosen:
        for doc in DOCUMENTS:
            files[f"{doc}.html"] = html[doc].encode("utf-8")
    for doc, text in markdown.items():
        files[f"{doc}.md"] = text.encode("utf-8")
    files["scores.json"] = scores.encode("utf-8")
    if "md" in chosen:
        for name, chart in charts.items():
            files[f"{CHART_DIR}/{name}.svg"] = chart.file_text().encode("utf-8")
    if "pdf" in chosen:
        from .pdf import html_to_pdf

        for doc in DOCUMENTS:
            files[f"{doc}.pdf"] = html_to_pdf(html[doc])
    return files


def _render(env: Environment, name: str, templates_dir: Path | None,
            context: dict[str, Any]) -> str:
    """One document through the environment; a user template's error is a usage error."""
    from jinja2 import TemplateError, TemplateNotFound

    if templates_dir is None:
        return env.get_template(name).render(context)
    try:
        return env.get_template(name).render(context)
    except TemplateNotFound as exc:  # {% include '/etc/passwd' %}: only the folders' files
        where, line = _template_position(exc, name, follow_name=False)
        location = f"{where}:{line}" if line else where
        raise UsageError(f"template error in {location} (templates from {templates_dir}): "
                         f"no template {exc.name!r} in the templates folders") from None
    except TemplateError as exc:
        where, line = _template_position(exc, name)
        location = f"{where}:{line}" if line else where
        raise UsageError(f"template error in {location} (templates from "
                         f"{templates_dir}): {exc.message or type(exc).__name__}") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError,
            RecursionError, MemoryError) as exc:  # e.g. {{ 1/0 }} in the user's template
        where, line = _template_position(exc, name)
        location = f"{where}:{line}" if line else where
        raise UsageError(f"template error in {location} (templates from "
                         f"{templates_dir}): {type(exc).__name__}: {exc}") from None


def _template_position(exc: Exception, default: str, *, follow_name: bool = True
                       ) -> tuple[str, int | None]:
    """Template file and line of a Jinja error (syntax errors carry them; runtime errors
    have them in the traceback Jinja rewrites to point into the template)."""
    import traceback

    filename = getattr(exc, "filename", None) or (getattr(exc, "name", None)
                                                  if follow_name else None)
    lineno = getattr(exc, "lineno", None)
    if filename:
        return Path(str(filename)).name, lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if not frame.filename.endswith(".py") and not frame.filename.startswith("<"):
            return Path(frame.filename).name, frame.lineno
    return default, None


def script_json(text: str) -> str:
    """JSON made safe inside ``<script>``: no ``<``, ``>`` or ``&`` can end or open a tag, and
    control and bidi characters are ``\\u`` escapes (the same JSON, nothing raw in the page)."""
    from ..render.escape import json_controls_escaped

    return json_controls_escaped(text.replace("&", "\\u0026").replace("<", "\\u003c")
                                 .replace(">", "\\u003e"))


def _tidy_markdown(text: str) -> str:
    """One newline at the end, no trailing spaces, never two blank lines in a row."""
    lines = [line.rstrip() for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if not line and tidy and not tidy[-1]:
            continue
        tidy.append(line)
    while tidy and not tidy[-1]:
        tidy.pop()
    while tidy and not tidy[0]:
        tidy.pop(0)
    return "\n".join(tidy) + "\n"


def _commit(out_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file through a temporary file in its folder, then rename them all
    (:class:`~smartcity_assess.outputs.OutputFolder`: locked, and never over a file the
    tool did not write)."""
    from ..outputs import OutputFolder

    with OutputFolder(out_dir, wait=LOCK_WAIT) as folder:
        return folder.commit(files)


LOCK_WAIT = 30.0
"""Seconds to wait for another process that is writing into the same folder."""


# --- charts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartJob:
    """Everything needed to draw one chart: picklable, so a worker process can draw it."""

    name: str
    title: str
    description: str
    function: str
    """Name of the drawing function in :mod:`.charts`, or ``module.function`` for one in
    another module of this package (``trend_charts.trend_chart``)."""
    args: tuple[Any, ...]
    """Its arguments between ``name`` and ``title``."""


def draw(job: ChartJob) -> Chart:
    """Draw one chart (imports matplotlib on first use)."""
    import importlib

    module, _, name = job.function.rpartition(".")
    function = getattr(importlib.import_module(f".{module or 'charts'}", __package__), name)
    chart: Chart = function(job.name, *job.args, title=job.title, description=job.description)
    return chart


def _draw_all(jobs: Sequence[ChartJob]) -> list[Chart]:
    return [draw(job) for job in jobs]


def _split(jobs: Sequence[ChartJob], parts: int) -> list[list[ChartJob]]:
    """Jobs shared into ``parts`` lists of about equal drawing time (longest first)."""
    shares: list[list[ChartJob]] = [[] for _ in range(parts)]
    loads = [0.0] * parts
    for job in sorted(jobs, key=lambda j: -_cost(j)):
        lightest = loads.index(min(loads))
        shares[lightest].append(job)
        loads[lightest] += _cost(job)
    return shares


def _draw_in_two(jobs: Sequence[ChartJob]) -> list[Chart]:
    """In the worker: import matplotlib once, then fork, and draw half the charts in each
    process. Two cores draw while matplotlib is imported only once (the import costs about
    as much as drawing all the charts)."""
    import pickle

    import matplotlib.figure  # noqa: F401  imported before the fork: both halves share it

    first, second = _split(jobs, 2)
    if not second or not hasattr(os, "fork"):
        return _draw_all(jobs)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the second half, in a child of the worker
        try:
            os.close(read)
            try:
                payload = pickle.dumps((True, _draw_all(second)))
            except BaseException as exc:  # hand any failure to the parent, which raises it
                try:
                    payload = pickle.dumps((False, exc))
                except Exception:
                    payload = pickle.dumps((False, RuntimeError(repr(exc))))
            with os.fdopen(write, "wb") as stream:
                stream.write(payload)
        finally:
            os._exit(0)
    os.close(write)
    try:
        mine = _draw_all(first)
    finally:
        with os.fdopen(read, "rb") as stream:
            data = stream.read()
        os.waitpid(pid, 0)
    if not data:
        raise RuntimeError("the chart drawing process ended without a result")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    drawn = {chart.name: chart for chart in (*mine, *value)}
    return [drawn[job.name] for job in jobs]


def make_charts(context: dict[str, Any], roadmap: Roadmap, lang: str) -> dict[str, Chart]:
    """Every chart of both documents, drawn in this process, by name."""
    return {job.name: draw(job) for job in chart_jobs(context, roadmap, lang)}


WORKERS = 1
"""Worker processes in the pool (the worker forks once more to draw on two cores)."""


def _cost(job: ChartJob) -> float:
    """Rough drawing time of a chart in milliseconds, to share the work between workers."""
    rows = next((len(a) for a in job.args if isinstance(a, list) and a
                 and not isinstance(a[0], str | float | int)), 0)
    return 45.0 + 3.0 * rows


_warm: list[Any] = []
"""A pool started by :func:`warm_up` and not yet used (at most one)."""


def _fork_available() -> bool:
    import multiprocessing

    return (not os.environ.get("SMARTCITY_ASSESS_SERIAL")
            and "fork" in multiprocessing.get_all_start_methods()
            and "matplotlib.figure" not in sys.modules)


def _new_pool() -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("fork"),
                               initializer=_quiet_worker)


def _quiet_worker() -> None:
    """Ctrl-C is the main process's to handle: a worker ignores it instead of printing a
    traceback of its own. It never outlives the main process (``kill -9`` included)."""
    import signal

    from ..processes import die_with_parent

    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _import_matplotlib() -> None:
    import matplotlib.figure  # noqa: F401


def warm_up() -> None:
    """Start the chart workers now, so that they import matplotlib while the caller reads and
    scores the survey. Optional: :func:`write_reports` starts them itself when needed.

    Call it first thing in a command that will write reports; it does nothing where the charts
    are drawn in-process (no ``fork``, or ``SMARTCITY_ASSESS_SERIAL``).
    """
    if _warm or not _fork_available():
        return
    try:
        pool = _new_pool()
        pool.submit(_import_matplotlib)
    except OSError:
        return
    _warm.append(pool)


def _background_charts(jobs: Sequence[ChartJob]) -> Callable[[], list[Chart]]:
    """Start drawing the charts in a forked worker; returns a function that waits for them.

    matplotlib's import and the drawing take most of a report's time; a worker does them while
    this process renders the templates (which never imports matplotlib), and splits the
    drawing over two processes once matplotlib is imported. Where ``fork`` is not available
    (or ``SMARTCITY_ASSESS_SERIAL`` is set) the charts are drawn here when they are needed.
    The result is the same either way: each chart is drawn by the same code from the same job.
    """
    pool = _warm.pop() if _warm else None
    if pool is None and (not _fork_available() or len(jobs) < 2):
        return _once(lambda: _draw_all(jobs))
    try:
        pool = pool or _new_pool()
        future = pool.submit(_draw_in_two, list(jobs))
    except OSError:
        return _once(lambda: _draw_all(jobs))

    def wait() -> list[Chart]:
        try:
            charts: list[Chart] = future.result()
            return charts
        finally:
            pool.shutdown(wait=True)

    return _once(wait)


def _once(function: Callable[[], list[Chart]]) -> Callable[[], list[Chart]]:
    """``function`` called at most once; later calls return (or raise) the same."""
    done: list[list[Chart]] = []
    failed: list[BaseException] = []

    def call() -> list[Chart]:
        if failed:
            raise failed[0]
        if not done:
            try:
                done.append(function())
            except BaseException as exc:
                failed.append(exc)
                raise
        return done[0]

    return call


def chart_jobs(context: dict[str, Any], roadmap: Roadmap, lang: str) -> list[ChartJob]:
    """The charts of both documents as jobs, in a fixed order (cheap: nothing is drawn)."""
    from . import charts as ch

    def t(key: str, **values: Any) -> str:
        text = i18n.text(key, lang)
        return text.format(**values) if values else text

    def num(value: float | None, digits: int = 1) -> str:
        from ..numbers import format_number

        return format_number(value, lang, digits)

    scale = (context["scale"]["low"], context["scale"]["high"])
    texts = {key: t(key) for key in (
        "target", "score", "not_assessed", "q_quick", "q_major", "q_fill", "q_review",
        "low", "medium", "high", "effort_axis", "impact_axis", "program")}
    texts["quick_win"] = t("phase_quick-win")
    texts["score_axis"] = t("score_axis", scale=context["scale"]["text"])
    texts["interval"] = certainty.interval_label(context, lang)
    zones = [ch.BandZone(b["lower"], b["label"], b["color"]) for b in context["bands"]]
    pillars = context["pillars"]
    jobs: list[ChartJob] = []

    items = "; ".join(f"{p['title']} {num(p['score'])}{certainty.margin_text(p, lang)} "
                      f"(target {num(p['target'])})" for p in pillars)
    jobs.append(ChartJob(
        "pillars", t("radar_title"), t("radar_desc", items=items),
        "certainty_charts.pillar_chart_with_intervals",
        ([p["title"] for p in pillars], [p["score"] for p in pillars],
         [p["target"] for p in pillars], certainty.bounds(pillars), scale, lang, texts)))

    for pillar in pillars:
        bars = [ch.Bar(r["title"], r["score"], r["target_score"],
                       r["band"]["color"] if r["band"] else "#9aa5b1",
                       *(certainty.bounds([r])[0] or (None, None)))
                for r in pillar["indicators"]]
        items = "; ".join(f"{r['title']} {num(r['score'])} → {num(r['target_score'])}"
                          for r in pillar["indicators"])
        jobs.append(ChartJob(
            pillar["chart"], t("bars_title", pillar=pillar["title"]),
            t("bars_desc", items=items), "indicator_chart", (bars, scale, zones, lang, texts)))

    points = [ch.Point(a["rank"], a["effort_points"], a["impact"], a["quick_win"])
              for a in context["actions"]]
    jobs.append(ChartJob(
        "matrix", t("matrix_title"), t("matrix_desc", median=num(roadmap.median_impact, 2)),
        "matrix_chart", (points, roadmap.median_impact, lang, texts)))

    pillar_index = {p["id"]: i for i, p in enumerate(pillars)}
    tasks = [ch.Task(f"{a['rank']}. {a['title']}", a["start"], a["end"],
                     pillar_index[a["pillar"]], a["quick_win"])
             for a in context["scheduled"]]
    phases = [(p["label"], p["first"], p["last"]) for p in context["phases"]
              if p["key"] in ("short", "medium", "long")]
    jobs.append(ChartJob(
        "gantt", t("gantt_title", start=roadmap.start_year, end=roadmap.end_year),
        t("gantt_desc", count=len(tasks)), "gantt_chart",
        (tasks, [p["title"] for p in pillars], list(roadmap.plan_years), phases, texts)))

    index = context["index"]
    lines = [ch.Line(t("index_projected"), index["projection"], ch.SCORE, 2.4, markers=True),
             ch.Line(t("index_target_path"), index["target_path"], ch.TARGET, 1.6,
                     dashed=True)]
    palette = [c for c in ch.OKABE_ITO if c not in (ch.SCORE, ch.TARGET)]
    for i, pillar in enumerate(pillars):
        lines.append(ch.Line(pillar["title"], pillar["projection"], palette[i % len(palette)],
                             1.1))
    items = "; ".join(f"{y} {num(v)}" for y, v in zip(context["calendar"], index["projection"],
                                                       strict=True))
    jobs.append(ChartJob(
        "trajectory", t("trajectory_title"),
        t("trajectory_desc", items=items, target=num(index["target"]), year=roadmap.end_year),
        "trajectory_chart", (context["calendar"], lines, scale, zones, lang, texts)))
    trend = trend_chart_job(context, lang)
    if trend is not None:
        jobs.append(trend)
    jobs.extend(certainty.chart_jobs(context, lang))
    return jobs
