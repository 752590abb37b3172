"""Charts as deterministic SVG, drawn with matplotlib's ``Figure`` API (never pyplot).

Every function returns a :class:`Chart`: the SVG text with a ``<title>`` and ``<desc>``,
ids prefixed with the chart's name so that several charts can be inlined in one HTML page,
and no date or other run-dependent metadata (same input → same bytes).

Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies); band
colours come from the indicator set. Text stays text (``svg.fonttype: none``): laid out with
the metrics of DejaVu Sans, which ships with matplotlib, so the bytes do not depend on the
machine; viewers without DejaVu fall back to Verdana (the same metrics) or their sans-serif.
Text as paths would be 2–3 times slower to draw and make the files six times larger.
"""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

from ..numbers import format_number
from ..render.escape import printable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

HASH_SALT = "smartcity-assess"
"""Fixed salt for matplotlib's SVG ids: without it ids change on every run."""

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")
"""Okabe & Ito (2008) colour-blind-safe palette, most distinct colours first."""
INK = "#2b2b2b"
MUTED = "#6b7280"
GRID = "#d9dde3"
SCORE = "#0072B2"
TARGET = "#D55E00"
WIDTH_IN = 6.7
"""Chart width in inches: the text width of an A4 page with 2 cm margins."""

_RC: dict[str, Any] = {
    "svg.hashsalt": HASH_SALT,
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "text.parse_math": False,  # "$" in a region or indicator name is just a dollar sign
    "text.color": INK,
    "axes.edgecolor": GRID,
    "axes.labelcolor": INK,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "figure.dpi": 72,
    "savefig.transparent": False,
    "hatch.color": "#ffffff",
}


@dataclass(frozen=True)
class Chart:
    """One chart: its name (the file stem), accessible texts and the SVG."""

    name: str
    title: str
    description: str
    svg: str
    """The ``<svg>`` element alone: ready to inline in HTML."""

    def file_text(self) -> str:
        """The SVG as a standalone file."""
        return '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + self.svg + "\n"


@contextmanager
def _style() -> Iterator[None]:
    """The charts' look; numeric warnings of the drawing (an overflow while laying out the
    axes) stay out of the terminal: the numbers drawn were checked where they were read."""
    import matplotlib

    with matplotlib.rc_context(_RC), warnings.catch_warnings():  # type: ignore[arg-type]
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


def _new_figure(height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH_IN, height))


def _text_width(lines: Sequence[str], size: float) -> float:
    """Width in inches of the widest of ``lines`` set in DejaVu Sans at ``size`` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family="DejaVu Sans", size=size)
    widest = 0.0
    for text in lines:
        for line in text.split("\n"):
            if line:
                width, _, _ = text_to_path.get_text_width_height_descent(line, prop,
                                                                         ismath=False)
                widest = max(widest, width)
    return widest / 72.0


def _place(figure: Figure, left: float, right: float, top: float, bottom: float) -> None:
    """Fix the axes margins in inches (a fixed layout: no layout engine, one draw only)."""
    width, height = figure.get_size_inches()
    figure.subplots_adjust(left=left / width, right=1 - right / width,
                           top=1 - top / height, bottom=bottom / height)


def _formatter(lang: str, digits: int = 0) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: format_number(value, lang, digits))


def _wrap(text: str, width: int, lines: int = 2) -> str:
    parts = textwrap.wrap(text, width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(parts)


# A script DejaVu Sans lacks (a region name in Chinese, say) is drawn as boxes in a chart;
# the tables beside it show the text. No warning on the user's terminal for that.
warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)

_FONT = "font-family: 'DejaVu Sans'"
FONT_STACK = "font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif"
"""What the SVG asks for: DejaVu first, then fonts of the same metrics, then any sans."""
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|xlink:href="#|href="#)([^")]+)')
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_HEAD = re.compile(r"^.*?(?=<svg\b)", re.S)
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def _finish(figure: Figure, name: str, title: str, description: str) -> Chart:
    """SVG text of ``figure`` with a title, a description and ids unique to ``name``."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = _HEAD.sub("", text, count=1)
    text = _METADATA.sub("", text, count=1)
    text = text.replace(_FONT, FONT_STACK)
    text = _ID.sub(lambda m: f'id="{name}-{m.group(1)}"', text)
    text = _REF.sub(lambda m: f"{m.group(1)}{name}-{m.group(2)}", text)
    opening = _SVG_OPEN.search(text)
    assert opening is not None
    tag = opening.group(0)[:-1].rstrip("/")
    accessible = (
        f'{tag} role="img" aria-labelledby="{name}-title {name}-desc">'
        f'<title id="{name}-title">{xml_escape(title)}</title>'
        f'<desc id="{name}-desc">{xml_escape(description)}</desc>'
    )
    text = text[: opening.start()] + accessible + text[opening.end():]
    # Control characters of the data (ESC, BEL ...) are not even allowed in XML.
    text = printable(text.strip(), keep_whitespace=True)
    return Chart(name=name, title=title, description=description, svg=text)


# --- the charts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BandZone:
    """A band drawn as a background zone: lower bound, label and colour."""

    lower: float
    label: str
    color: str


def pillar_chart(name: str, labels: Sequence[str], scores: Sequence[float | None],
                 targets: Sequence[float | None], scale: tuple[float, float], lang: str,
                 texts: dict[str, str], title: str, description: str,
                 intervals: Sequence[tuple[float, float] | None] | None = None) -> Chart:
    """Radar of the pillars (three or more) with the target polygon; bars for fewer.

    ``intervals`` (low, high) per pillar draw an error bar on each score; ``texts`` then
    needs ``interval`` (its legend label).
    """
    with _style():
        if len(labels) >= 3:
            figure = _radar(labels, scores, targets, scale, lang, texts, intervals)
        else:
            figure = _pillar_bars(labels, scores, targets, scale, lang, texts, intervals)
        return _finish(figure, name, title, description)


def _radar(labels: Sequence[str], scores: Sequence[float | None],
           targets: Sequence[float | None], scale: tuple[float, float], lang: str,
           texts: dict[str, str],
           intervals: Sequence[tuple[float, float] | None] | None = None) -> Figure:
    import math

    low, high = scale
    figure = _new_figure(5.0)
    axes: Any = figure.add_axes((0.21, 0.13, 0.58, 0.76), projection="polar")
    count = len(labels)
    angles = [2 * math.pi * k / count for k in range(count)]
    closed = [*angles, angles[0]]
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)

    def ring(values: Sequence[float | None]) -> list[float]:
        filled = [low if v is None else v for v in values]
        return [*filled, filled[0]]

    axes.set_ylim(low, high)
    ticks = [low + (high - low) * k / 5 for k in range(1, 6)]
    axes.set_yticks(ticks)
    axes.set_yticklabels([format_number(t, lang, 0) for t in ticks], color=MUTED, fontsize=7)
    axes.set_rlabel_position(180 / count)
    axes.set_xticks(angles)
    axes.set_xticklabels([_wrap(label, 18) for label in labels], fontsize=8.5)
    axes.tick_params(axis="x", pad=18)
    axes.grid(color=GRID, linewidth=0.8)
    axes.spines["polar"].set_color(GRID)
    if any(t is not None for t in targets):
        axes.plot(closed, ring(targets), color=TARGET, linewidth=1.4, linestyle=(0, (4, 2)),
                  label=texts["target"])
    axes.plot(closed, ring(scores), color=SCORE, linewidth=2.0, marker="o", markersize=4,
              label=texts["score"])
    axes.fill(closed, ring(scores), color=SCORE, alpha=0.16)
    spans = [(a, i) for a, i, s in zip(angles, intervals or [None] * count, scores, strict=True)
             if i is not None and s is not None and i[1] - i[0] > 1e-9]
    for number, (angle, (bottom, top)) in enumerate(spans):
        # An error bar along the spoke, with caps across it (a cap is a short tangential
        # segment: its angular half-width shrinks with the radius so that it keeps its length).
        axes.plot([angle, angle], [bottom, top], color=INK, linewidth=1.3, solid_capstyle="butt",
                  label=texts.get("interval") if number == 0 else None, zorder=4)
        for radius in (bottom, top):
            half = 0.018 * (high - low) / max(radius - low, 0.06 * (high - low))
            axes.plot([angle - half, angle + half], [radius, radius], color=INK,
                      linewidth=1.3, zorder=4)
    for angle, value in zip(angles, scores, strict=True):
        if value is not None:
            axes.annotate(format_number(value, lang, 1), (angle, value),
                          textcoords="offset points", xytext=(0, 7), ha="center",
                          fontsize=8, fontweight="bold", color=SCORE,
                          bbox={"facecolor": "#ffffff", "edgecolor": "none", "alpha": 0.8,
                                "pad": 0.5})
    figure.legend(loc="upper right", ncols=1, bbox_to_anchor=(0.99, 0.99))
    return figure


def _pillar_bars(labels: Sequence[str], scores: Sequence[float | None],
                 targets: Sequence[float | None], scale: tuple[float, float], lang: str,
                 texts: dict[str, str],
                 intervals: Sequence[tuple[float, float] | None] | None = None) -> Figure:
    figure = _new_figure(1.1 + 0.55 * len(labels))
    wrapped = [_wrap(label, 28) for label in labels]
    _place(figure, left=_text_width(wrapped, 8.5) + 0.25, right=0.3, top=0.35, bottom=0.35)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, [0 if s is None else s for s in scores], color=SCORE, height=0.5,
              label=texts["score"])
    marks = [(t, y) for y, t in zip(positions, targets, strict=True) if t is not None]
    if marks:
        axes.vlines([t for t, _ in marks], [y - 0.35 for _, y in marks],
                    [y + 0.35 for _, y in marks], color=TARGET, linewidth=2,
                    label=texts["target"])
    spans = intervals or [None] * len(labels)
    _error_bars(axes, [(s, i, y) for s, i, y in zip(scores, spans, positions, strict=True)],
                texts.get("interval"))
    for y, score, span in zip(positions, scores, spans, strict=True):
        right = score if span is None or score is None else max(score, span[1])
        axes.text(scale[0] if right is None else right, y,
                  "  " + (texts["not_assessed"] if score is None
                          else format_number(score, lang, 1)),
                  va="center", fontsize=8, color=INK)
    axes.set_yticks(positions, wrapped)
    axes.set_xlim(*scale)
    axes.xaxis.set_major_formatter(_formatter(lang))
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    axes.legend(loc="lower right", ncols=2, bbox_to_anchor=(1.0, 1.0))
    return figure


@dataclass(frozen=True)
class Bar:
    """One indicator in a pillar's bar chart."""

    label: str
    score: float | None
    target: float | None
    color: str
    low: float | None = None
    high: float | None = None
    """Bootstrap interval of the score, drawn as an error bar (None: none)."""


def _error_bars(axes: Any, bars: Sequence[tuple[float | None, tuple[float, float] | None, float]],
                label: str | None = None) -> None:
    """Horizontal error bars: (score, (low, high), y) for each bar with an interval."""
    drawn = [(s, i, y) for s, i, y in bars
             if s is not None and i is not None and i[1] - i[0] > 1e-9]
    if not drawn:
        return
    axes.errorbar([s for s, _, _ in drawn], [y for _, _, y in drawn],
                  xerr=[[max(0.0, s - i[0]) for s, i, _ in drawn],
                        [max(0.0, i[1] - s) for s, i, _ in drawn]],
                  fmt="none", ecolor=INK, elinewidth=1.0, capsize=2.5, capthick=1.0,
                  zorder=3, label=label)


def indicator_chart(name: str, bars: Sequence[Bar], scale: tuple[float, float],
                    zones: Sequence[BandZone], lang: str, texts: dict[str, str], title: str,
                    description: str) -> Chart:
    """Horizontal bars of a pillar's indicator scores, a target tick on each, band zones."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    with _style():
        rows = max(len(bars), 1)
        figure = _new_figure(1.15 + 0.38 * rows)
        labels = [_wrap(b.label, 34) for b in bars]
        _place(figure, left=_text_width(labels, 8) + 0.2, right=0.25, top=0.12, bottom=0.95)
        axes = figure.add_subplot()
        low, high = scale
        for index, zone in enumerate(zones):
            upper = zones[index + 1].lower if index + 1 < len(zones) else high
            axes.axvspan(zone.lower, upper, color=zone.color, alpha=0.07, linewidth=0)
        positions = list(range(len(bars)))[::-1]
        axes.barh(positions, [0.0 if b.score is None else b.score - low for b in bars],
                  left=low, color=[b.color for b in bars], height=0.56,
                  edgecolor="#ffffff", linewidth=0.5)
        marks = [(b.target, y) for y, b in zip(positions, bars, strict=True)
                 if b.target is not None]
        if marks:
            axes.vlines([t for t, _ in marks], [y - 0.38 for _, y in marks],
                        [y + 0.38 for _, y in marks], color=INK, linewidth=1.8)
        _error_bars(axes, [(b.score, None if b.low is None or b.high is None
                            else (b.low, b.high), y) for y, b in zip(positions, bars, strict=True)])
        for y, bar in zip(positions, bars, strict=True):
            text = (texts["not_assessed"] if bar.score is None
                    else format_number(bar.score, lang, 1))
            x = low if bar.score is None else max(bar.score, bar.high or bar.score)
            axes.text(x + (high - low) * 0.01, y, text, va="center", fontsize=7.5, color=INK)
        axes.set_yticks(positions, labels, fontsize=8)
        axes.set_xlim(low, high)
        axes.set_ylim(-0.6, len(bars) - 0.4)
        axes.xaxis.set_major_formatter(_formatter(lang))
        axes.grid(axis="x", color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        axes.set_xlabel(texts["score_axis"])
        handles: list[Any] = [Patch(color=z.color, label=z.label) for z in zones]
        handles.append(Line2D([], [], color=INK, linewidth=1.8, label=texts["target"]))
        if "interval" in texts and any(b.low is not None and b.score is not None
                                       for b in bars):
            handles.append(Line2D([], [], color=INK, linewidth=1.0, marker="|",
                                  markersize=6, label=texts["interval"]))
        figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                      ncols=min(len(handles), 7), fontsize=7.5, handlelength=1.2)
        return _finish(figure, name, title, description)


@dataclass(frozen=True)
class Point:
    """One proposed action in the impact–effort matrix."""

    rank: int
    effort: int
    """1 low, 2 medium, 3 high."""
    impact: float
    quick_win: bool


def matrix_chart(name: str, points: Sequence[Point], threshold: float, lang: str,
                 texts: dict[str, str], title: str, description: str) -> Chart:
    """Impact (index points) against effort; quadrants split at the median impact."""
    with _style():
        height = 4.4 if len(points) <= 24 else 5.8
        figure = _new_figure(height)
        left, right, top_margin, bottom = 0.8, 0.2, 0.35, 0.6
        _place(figure, left=left, right=right, top=top_margin, bottom=bottom)
        axes = figure.add_subplot()
        top = max([p.impact for p in points] + [threshold, 0.01]) * 1.15
        axes.axhline(threshold, color=MUTED, linewidth=0.8, linestyle=(0, (3, 3)))
        axes.axvline(1.5, color=MUTED, linewidth=0.8, linestyle=(0, (3, 3)))
        corner: dict[str, Any] = {"fontsize": 8, "color": MUTED, "fontweight": "bold"}
        axes.text(0.55, top * 0.97, texts["q_quick"], va="top", ha="left", **corner)
        axes.text(3.45, top * 0.97, texts["q_major"], va="top", ha="right", **corner)
        axes.text(0.55, top * 0.02, texts["q_fill"], va="bottom", ha="left", **corner)
        axes.text(3.45, top * 0.02, texts["q_review"], va="bottom", ha="right", **corner)
        inch_x = (WIDTH_IN - left - right) / 3.0
        inch_y = (height - top_margin - bottom) / top
        placed = _swarm(points, inch_x, inch_y, diameter=0.17)
        for quick, marker, color, label in ((False, "o", SCORE, texts["program"]),
                                            (True, "D", TARGET, texts["quick_win"])):
            group = [(x, p) for x, p in placed if p.quick_win is quick]
            axes.scatter([x for x, _ in group], [p.impact for _, p in group], s=130,
                         color=color, edgecolors="#ffffff", linewidths=0.8, zorder=3,
                         marker=marker, label=label)
        for x, point in placed:
            axes.text(x, point.impact, str(point.rank), fontsize=6.5, color="#ffffff",
                      ha="center", va="center", zorder=4, fontweight="bold")
        axes.set_xlim(0.5, 3.5)
        axes.set_ylim(0, top)
        axes.set_xticks([1, 2, 3], [texts["low"], texts["medium"], texts["high"]])
        axes.set_xlabel(texts["effort_axis"])
        axes.set_ylabel(texts["impact_axis"])
        axes.yaxis.set_major_formatter(_formatter(lang, 2))
        axes.grid(axis="y", color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2)
        return _finish(figure, name, title, description)


def _swarm(points: Sequence[Point], inch_x: float, inch_y: float, diameter: float
           ) -> list[tuple[float, Point]]:
    """x positions that keep markers of one effort column from covering each other.

    A beeswarm: in order of impact, each point takes the offset nearest its column's centre
    at which it touches no point placed before (distances in inches on the page); when a
    column is full it takes the least crowded offset. Deterministic.
    """
    limit = 0.44 * inch_x
    step = diameter * 0.55
    offsets = [0.0]
    k = 1
    while k * step <= limit:
        offsets += [k * step, -k * step]
        k += 1
    out: list[tuple[float, Point]] = []
    for effort in (1, 2, 3):
        column = sorted((p for p in points if p.effort == effort),
                        key=lambda p: (-p.impact, p.rank))
        taken: list[tuple[float, float]] = []
        for point in column:
            y = point.impact * inch_y
            best, best_room = 0.0, -1.0
            for dx in offsets:
                room = min((((dx - tx) ** 2 + (y - ty) ** 2) ** 0.5 for tx, ty in taken),
                           default=float("inf"))
                if room >= diameter:
                    best = dx
                    break
                if room > best_room + 1e-9:
                    best, best_room = dx, room
            taken.append((best, y))
            out.append((effort + best / inch_x, point))
    return out


@dataclass(frozen=True)
class Task:
    """One scheduled action in the Gantt chart."""

    label: str
    start: int
    end: int
    """Last year of work (inclusive)."""
    group: int
    """Index of its pillar (colour)."""
    quick_win: bool


def gantt_chart(name: str, tasks: Sequence[Task], groups: Sequence[str], years: Sequence[int],
                phases: Sequence[tuple[str, int, int]], texts: dict[str, str], title: str,
                description: str) -> Chart:
    """Timeline of the scheduled actions, coloured by pillar, with the phases shaded."""
    from matplotlib.patches import Patch

    with _style():
        rows = max(len(tasks), 1)
        legend_rows = (len(groups) + 1 + 2) // 3
        bottom = 0.4 + 0.2 * legend_rows
        figure = _new_figure(0.55 + bottom + 0.25 * (rows + 1))
        labels = [_wrap(t.label, 46, 1) for t in tasks]
        _place(figure, left=min(_text_width(labels, 7) + 0.15, 3.0), right=0.2, top=0.3,
               bottom=bottom)
        axes = figure.add_subplot()
        first, last = years[0], years[-1] + 1
        shades = ("#eef1f5", "#ffffff")
        for index, (label, start, end) in enumerate(phases):
            axes.axvspan(start, end + 1, color=shades[index % 2], linewidth=0, zorder=0)
            axes.text((start + end + 1) / 2, -0.75, label, ha="center", va="center",
                      fontsize=7.5, color=MUTED, fontweight="bold")
        if tasks:
            axes.barh(range(len(tasks)), [t.end + 1 - t.start for t in tasks],
                      left=[t.start for t in tasks], height=0.62,
                      color=[OKABE_ITO[t.group % len(OKABE_ITO)] for t in tasks],
                      edgecolor="#ffffff", linewidth=0.6,
                      hatch=["////" if t.quick_win else "" for t in tasks], zorder=2)
        axes.set_yticks(range(len(tasks)), labels, fontsize=7)
        axes.set_ylim(len(tasks) - 0.4, -1.2)
        axes.set_xlim(first, last)
        axes.set_xticks([y + 0.5 for y in years], [str(y) for y in years])
        axes.tick_params(axis="x", length=0, labeltop=len(tasks) > 12)
        axes.vlines(list(range(first, last + 1)), len(tasks) - 0.4, -1.2, color=GRID,
                    linewidth=0.6, zorder=1)
        axes.spines["left"].set_visible(False)
        axes.tick_params(axis="y", length=0)
        handles = [Patch(color=OKABE_ITO[i % len(OKABE_ITO)], label=g)
                   for i, g in enumerate(groups)]
        handles.append(Patch(facecolor=MUTED, hatch="////", edgecolor="#ffffff",
                             label=texts["quick_win"]))
        figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                      ncols=min(len(handles), 3), fontsize=7.5)
        return _finish(figure, name, title, description)


@dataclass(frozen=True)
class Line:
    """One series of the trajectory chart."""

    label: str
    values: Sequence[float | None]
    color: str
    width: float = 1.2
    dashed: bool = False
    markers: bool = False


def trajectory_chart(name: str, years: Sequence[int], lines: Sequence[Line],
                     scale: tuple[float, float], zones: Sequence[BandZone], lang: str,
                     texts: dict[str, str], title: str, description: str) -> Chart:
    """Projected scores by year against the target path."""
    with _style():
        legend_rows = (len(lines) + 2) // 3
        figure = _new_figure(3.6 + 0.2 * legend_rows)
        _place(figure, left=0.65, right=0.2, top=0.12, bottom=0.45 + 0.2 * legend_rows)
        axes = figure.add_subplot()
        low, high = scale
        for index, zone in enumerate(zones):
            upper = zones[index + 1].lower if index + 1 < len(zones) else high
            axes.axhspan(zone.lower, upper, color=zone.color, alpha=0.06, linewidth=0)
            axes.text(years[-1] + 0.95, (zone.lower + upper) / 2, zone.label, fontsize=7,
                      color=MUTED, va="center", ha="right")
        for line in lines:
            points = [(x, y) for x, y in zip(years, line.values, strict=True) if y is not None]
            if not points:
                continue
            axes.plot([p[0] for p in points], [p[1] for p in points], color=line.color,
                      linewidth=line.width, linestyle=(0, (4, 2)) if line.dashed else "-",
                      marker="o" if line.markers else None, markersize=4, label=line.label)
            if line.markers:
                last_x, last_y = points[-1]
                axes.annotate(format_number(last_y, lang, 1), (last_x, last_y),
                              textcoords="offset points", xytext=(0, 7), ha="center",
                              fontsize=8, fontweight="bold", color=line.color)
        axes.set_xlim(years[0] - 0.3, years[-1] + 1.0)
        axes.set_ylim(low, high)
        axes.set_xticks(list(years), [str(y) for y in years])
        axes.yaxis.set_major_formatter(_formatter(lang))
        axes.set_ylabel(texts["score_axis"])
        axes.grid(axis="y", color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        if axes.get_legend_handles_labels()[0]:
            figure.legend(loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=3,
                          fontsize=7.5)
        return _finish(figure, name, title, description)
