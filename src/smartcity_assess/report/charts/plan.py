"""The charts of the plan: the impact–effort matrix, the timeline and the trajectory."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...numbers import format_number
from .common import (
    GRID,
    MUTED,
    OKABE_ITO,
    SCORE,
    TARGET,
    WIDTH_IN,
    BandZone,
    Chart,
    finish,
    formatter,
    new_figure,
    place,
    reach,
    reused_figure,
    style,
    text_width,
    wrap,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Point:
    """One proposed action in the impact–effort matrix."""

    rank: int
    effort: int
    """1 low, 2 medium, 3 high."""
    impact: float
    quick_win: bool


def _matrix_frame(height: float, lang: str, texts: tuple[tuple[str, str], ...]) -> Figure:
    """The matrix's axes: effort columns and names, axis titles, grid."""
    named = dict(texts)
    figure = new_figure(height)
    place(figure, left=MATRIX_LEFT, right=MATRIX_RIGHT, top=MATRIX_TOP, bottom=MATRIX_BOTTOM)
    axes = figure.add_subplot()
    axes.set_xlim(0.5, 3.5)
    axes.set_xticks([1, 2, 3], [named["low"], named["medium"], named["high"]])
    axes.set_xlabel(named["effort_axis"])
    axes.set_ylabel(named["impact_axis"])
    axes.yaxis.set_major_formatter(formatter(lang, 2))
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    return figure


MATRIX_LEFT, MATRIX_RIGHT, MATRIX_TOP, MATRIX_BOTTOM = 0.8, 0.2, 0.35, 0.6
"""Margins of the matrix (inches)."""


def matrix_chart(name: str, points: Sequence[Point], threshold: float, lang: str,
                 texts: Mapping[str, str], title: str, description: str) -> Chart:
    """Impact (index points) against effort; quadrants split at the median impact."""
    with style():
        height = 4.4 if len(points) <= 24 else 5.8
        shown = tuple((k, texts[k]) for k in ("low", "medium", "high", "effort_axis",
                                               "impact_axis"))
        with reused_figure(("matrix", height, lang, shown),
                           lambda: _matrix_frame(height, lang, shown)) as figure:
            axes: Any = figure.axes[0]
            top = max([p.impact for p in points] + [threshold, 0.01]) * 1.15
            axes.axhline(threshold, color=MUTED, linewidth=0.8, linestyle=(0, (3, 3)))
            axes.axvline(1.5, color=MUTED, linewidth=0.8, linestyle=(0, (3, 3)))
            corner: dict[str, Any] = {"fontsize": 8, "color": MUTED, "fontweight": "bold"}
            axes.text(0.55, top * 0.97, texts["q_quick"], va="top", ha="left", **corner)
            axes.text(3.45, top * 0.97, texts["q_major"], va="top", ha="right", **corner)
            # The lower corners sit below zero, where no point can cover them.
            axes.text(0.55, -top * 0.075, texts["q_fill"], va="center", ha="left", **corner)
            axes.text(3.45, -top * 0.075, texts["q_review"], va="center", ha="right",
                      **corner)
            inch_x = (WIDTH_IN - MATRIX_LEFT - MATRIX_RIGHT) / 3.0
            inch_y = (height - MATRIX_TOP - MATRIX_BOTTOM) / (top * 1.12)
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
            from matplotlib.ticker import AutoLocator

            axes.yaxis.set_major_locator(AutoLocator())  # (the last chart fixed its ticks)
            axes.set_ylim(-top * 0.12, top)
            axes.set_yticks([t for t in axes.get_yticks() if -1e-9 <= t <= top])
            axes.set_ylim(-top * 0.12, top)
            axes.axhline(0, color=GRID, linewidth=0.8)
            axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2)
            return finish(figure, name, title, description)


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


def _gantt_frame(labels: tuple[str, ...], groups: tuple[str, ...], years: tuple[int, ...],
                 phases: tuple[tuple[str, int, int], ...], quick_win: str) -> Figure:
    """The timeline without its bars: the phases, the actions' names, the years and the
    legend."""
    from matplotlib.patches import Patch

    rows = len(labels)
    legend_rows = (len(groups) + 1 + 2) // 3
    bottom = 0.4 + 0.2 * legend_rows
    figure = new_figure(0.55 + bottom + 0.25 * (max(rows, 1) + 1))
    place(figure, left=min(text_width(labels, 7) + 0.15, 3.0), right=0.2, top=0.3,
          bottom=bottom)
    axes = figure.add_subplot()
    first, last = years[0], years[-1] + 1
    shades = ("#eef1f5", "#ffffff")
    for index, (label, start, end) in enumerate(phases):
        axes.axvspan(start, end + 1, color=shades[index % 2], linewidth=0, zorder=0)
        axes.text((start + end + 1) / 2, -0.75, label, ha="center", va="center",
                  fontsize=7.5, color=MUTED, fontweight="bold")
    axes.vlines(list(range(first, last + 1)), rows - 0.4, -1.2, color=GRID, linewidth=0.6,
                zorder=1)
    axes.set_yticks(range(rows), labels, fontsize=7)
    axes.set_ylim(rows - 0.4, -1.2)
    axes.set_xlim(first, last)
    axes.set_xticks([y + 0.5 for y in years], [str(y) for y in years])
    axes.tick_params(axis="x", length=0, labeltop=rows > 12)
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    handles = [Patch(color=OKABE_ITO[i % len(OKABE_ITO)], label=g)
               for i, g in enumerate(groups)]
    handles.append(Patch(facecolor=MUTED, hatch="////", edgecolor="#ffffff",
                         label=quick_win))
    figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                  ncols=min(len(handles), 3), fontsize=7.5)
    return figure


def gantt_chart(name: str, tasks: Sequence[Task], groups: Sequence[str], years: Sequence[int],
                phases: Sequence[tuple[str, int, int]], texts: Mapping[str, str], title: str,
                description: str) -> Chart:
    """Timeline of the scheduled actions, coloured by pillar, with the phases shaded."""
    with style():
        labels = tuple(wrap(t.label, 46, 1) for t in tasks)
        key = ("gantt", labels, tuple(groups), tuple(years), tuple(phases),
               texts["quick_win"])
        with reused_figure(key, lambda: _gantt_frame(labels, tuple(groups), tuple(years),
                                                     tuple(phases), texts["quick_win"])
                           ) as figure:
            axes: Any = figure.axes[0]
            if tasks:
                # (zorder 2: above the phases and the year lines the frame drew)
                axes.barh(range(len(tasks)), [t.end + 1 - t.start for t in tasks],
                          left=[t.start for t in tasks], height=0.62,
                          color=[OKABE_ITO[t.group % len(OKABE_ITO)] for t in tasks],
                          edgecolor="#ffffff", linewidth=0.6,
                          hatch=["////" if t.quick_win else "" for t in tasks], zorder=2)
            return finish(figure, name, title, description)


@dataclass(frozen=True)
class Line:
    """One series of the trajectory chart."""

    label: str
    values: Sequence[float | None]
    color: str
    width: float = 1.2
    dashed: bool = False
    markers: bool = False


def _trajectory_frame(years: tuple[int, ...], legend_rows: int, limits: tuple[float, float],
                      zones: tuple[BandZone, ...], lang: str, axis: str) -> Figure:
    """The trajectory's axes: the grade zones and their names, the years, the score axis
    (``limits``: the scale, reached past where values lie beyond it)."""
    figure = new_figure(3.6 + 0.2 * legend_rows)
    place(figure, left=0.65, right=0.2, top=0.12, bottom=0.45 + 0.2 * legend_rows)
    axes = figure.add_subplot()
    low, high = limits
    for index, zone in enumerate(zones):
        upper = zones[index + 1].lower if index + 1 < len(zones) else high
        axes.axhspan(zone.lower, upper, color=zone.color, alpha=0.06, linewidth=0)
        axes.text(years[-1] + 0.95, (zone.lower + upper) / 2, zone.label, fontsize=7,
                  color=MUTED, va="center", ha="right")
    axes.set_xlim(years[0] - 0.3, years[-1] + 1.0)
    axes.set_ylim(low, high)
    axes.set_xticks(list(years), [str(y) for y in years])
    axes.yaxis.set_major_formatter(formatter(lang))
    axes.set_ylabel(axis)
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    return figure


def trajectory_chart(name: str, years: Sequence[int], lines: Sequence[Line],
                     scale: tuple[float, float], zones: Sequence[BandZone], lang: str,
                     texts: Mapping[str, str], title: str, description: str) -> Chart:
    """Projected scores by year against the target path."""
    with style():
        legend_rows = (len(lines) + 2) // 3
        limits = reach(scale, [v for line in lines for v in line.values])
        key = ("trajectory", tuple(years), legend_rows, limits, tuple(zones), lang,
               texts["score_axis"])
        with reused_figure(key, lambda: _trajectory_frame(tuple(years), legend_rows, limits,
                                                          tuple(zones), lang,
                                                          texts["score_axis"])) as figure:
            axes: Any = figure.axes[0]
            for line in lines:
                points = [(x, y) for x, y in zip(years, line.values, strict=True)
                          if y is not None]
                if not points:
                    continue
                axes.plot([p[0] for p in points], [p[1] for p in points], color=line.color,
                          linewidth=line.width, linestyle=(0, (4, 2)) if line.dashed else "-",
                          marker="o" if line.markers else None, markersize=4,
                          label=line.label)
                if line.markers:
                    last_x, last_y = points[-1]
                    # beside the last point, not above it, where the target path ends
                    axes.annotate(format_number(last_y, lang, 1), (last_x, last_y),
                                  textcoords="offset points", xytext=(5, 0), ha="left",
                                  va="center", fontsize=8, fontweight="bold",
                                  color=line.color)
            if axes.get_legend_handles_labels()[0]:
                figure.legend(loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=3,
                              fontsize=7.5)
            return finish(figure, name, title, description)


# --- specs for chart jobs ------------------------------------------------------------------


@dataclass(frozen=True)
class Matrix:
    """The proposed actions on impact and effort, quadrants split at ``threshold``."""

    points: tuple[Point, ...]
    threshold: float
    lang: str
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.points)

    def draw(self, name: str, title: str, description: str) -> Chart:
        return matrix_chart(name, self.points, self.threshold, self.lang, self.texts, title,
                            description)


@dataclass(frozen=True)
class Gantt:
    """The scheduled actions over the plan's years, by pillar, with the phases."""

    tasks: tuple[Task, ...]
    groups: tuple[str, ...]
    years: tuple[int, ...]
    phases: tuple[tuple[str, int, int], ...]
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.tasks)

    def draw(self, name: str, title: str, description: str) -> Chart:
        return gantt_chart(name, self.tasks, self.groups, self.years, self.phases, self.texts,
                           title, description)


@dataclass(frozen=True)
class Trajectory:
    """The projected index and pillars against the target path, year by year."""

    years: tuple[int, ...]
    lines: tuple[Line, ...]
    scale: tuple[float, float]
    zones: tuple[BandZone, ...]
    lang: str
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.lines)

    def draw(self, name: str, title: str, description: str) -> Chart:
        return trajectory_chart(name, self.years, self.lines, self.scale, self.zones,
                                self.lang, self.texts, title, description)
