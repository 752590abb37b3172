"""The trend chart: index and pillar scores over the years, breaks marked.

Drawn like every other chart (:mod:`.charts`): matplotlib's ``Figure`` API, the same style,
deterministic SVG with a title and a description. A *break* (the indicator set's id or version
changed between two years) is a dashed vertical line between the two years with a label, and
no line joins the years on either side of it: the scores were not made the same way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...numbers import format_number
from .common import (
    GRID,
    INK,
    MUTED,
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
class Series:
    """One line: the index or a pillar, a score (or None) per year."""

    label: str
    values: Sequence[float | None]
    color: str
    width: float = 1.2
    emphasis: bool = False
    """Label every point with its value (the index)."""


@dataclass(frozen=True)
class SeriesBreak:
    """A change of indicator set between ``before`` and ``after`` (years)."""

    before: int
    after: int
    label: str
    """``Indicator set changed``."""
    detail: str
    """``smartcity-id 1.0 → 2.0`` (or ``old-set 1.0 → new-set 1.0``)."""


def _segments(years: Sequence[int], breaks: Sequence[SeriesBreak]) -> list[tuple[int, int]]:
    """Index ranges [start, end) of the years between breaks."""
    cuts = sorted({years.index(b.after) for b in breaks if b.after in years})
    bounds = [0, *cuts, len(years)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i] < bounds[i + 1]]


def _limits(values: Sequence[float], scale: tuple[float, float]) -> tuple[float, float]:
    """The score axis: the data with some room, at least 30 points tall, in steps of ten,
    within the scale (the full scale when there are no data)."""
    low, high = reach(scale, values)  # beyond the scale with clip: false
    if not values:
        return low, high
    span = scale[1] - scale[0]
    least = min(span, 30.0 * span / 100.0)
    bottom = max(min(values), low) - 0.05 * span
    top = min(max(values), high) + 0.08 * span
    if top - bottom < least:
        middle = (top + bottom) / 2
        bottom, top = middle - least / 2, middle + least / 2
    step = span / 10.0
    bottom = max(low, math.floor((bottom - low) / step) * step + low)
    top = min(high, math.ceil((top - low) / step) * step + low)
    return bottom, top


def trend_chart(name: str, years: Sequence[int], series: Sequence[Series],
                breaks: Sequence[SeriesBreak], scale: tuple[float, float],
                zones: Sequence[BandZone], lang: str, texts: Mapping[str, str], title: str,
                description: str) -> Chart:
    """Index and pillar scores by year; lines broken and marked where the set changed."""
    with style():
        legend_rows = (len(series) + 2) // 3
        top_margin = 0.5 if breaks else 0.15
        with reused_figure(("trend", legend_rows, top_margin),
                           lambda: _frame(legend_rows, top_margin)) as figure:
            return _draw(figure, name, years, series, breaks, scale, zones, lang, texts,
                         title, description)


def _frame(legend_rows: int, top_margin: float) -> Figure:
    """The trend chart's figure and axes (everything else depends on the years)."""
    figure = new_figure(3.5 + top_margin + 0.2 * legend_rows)
    place(figure, left=0.65, right=0.2, top=top_margin, bottom=0.45 + 0.2 * legend_rows)
    figure.add_subplot()
    return figure


def _draw(figure: Figure, name: str, years: Sequence[int], series: Sequence[Series],
          breaks: Sequence[SeriesBreak], scale: tuple[float, float], zones: Sequence[BandZone],
          lang: str, texts: Mapping[str, str], title: str, description: str) -> Chart:
    axes: Any = figure.axes[0]
    values = [v for s in series for v in s.values if v is not None]
    low, high = _limits(values, scale)
    # Room right of the last year for the band labels, however many years there are.
    shown = [z.label for i, z in enumerate(zones)
             if min(zones[i + 1].lower if i + 1 < len(zones) else high, high)
             > max(z.lower if i else low, low)]
    label_width = text_width(shown, 7) / (WIDTH_IN - 0.85) if shown else 0.0
    left = years[0] - 0.45
    right = max(years[-1] + 0.75, (years[-1] + 0.3 - label_width * left) / (1 - label_width)
                if label_width < 0.5 else years[-1] + 0.75)
    for position, zone in enumerate(zones):
        # the lowest and highest grades reach past the scale (clip: false)
        upper = zones[position + 1].lower if position + 1 < len(zones) else high
        shown_low = max(zone.lower if position else low, low)
        shown_high = min(upper, high)
        if shown_high <= shown_low:
            continue
        axes.axhspan(shown_low, shown_high, color=zone.color, alpha=0.07, linewidth=0)
        axes.text(right - 0.05, (shown_low + shown_high) / 2, zone.label, fontsize=7,
                  color=MUTED, va="center", ha="right")
    segments = _segments(years, breaks)
    # Pillars first, the index (the first series) last so that it is drawn on top.
    for line in [*series[1:], *series[:1]]:
        labelled = False
        for start, end in segments:
            xs = list(years[start:end])
            ys = [math.nan if v is None else v for v in line.values[start:end]]
            if all(math.isnan(y) for y in ys):
                continue
            axes.plot(xs, ys, color=line.color, linewidth=line.width,
                      marker="o", markersize=5 if line.emphasis else 4,
                      markeredgecolor="#ffffff", markeredgewidth=0.6,
                      label="_nolegend_" if labelled else line.label,
                      zorder=4 if line.emphasis else 3)
            labelled = True
        if line.emphasis:
            room = (high - low) * 0.09
            for position, (x, y) in enumerate(zip(years, line.values, strict=True)):
                if y is None:
                    continue
                others = [v for s in series if s is not line
                          for v in [s.values[position]] if v is not None]
                fits_above = y + room <= high and not any(y < v <= y + room
                                                          for v in others)
                fits_below = y - room >= low and not any(y - room <= v < y for v in others)
                # Above the point; below when crowded above; left of it when crowded on
                # both sides (so that no other series' marker is covered).
                anchor: dict[str, Any] = (
                    {"xytext": (0, 8), "va": "bottom", "ha": "center"} if fits_above
                    else {"xytext": (0, -9), "va": "top", "ha": "center"} if fits_below
                    else {"xytext": (-7, 0), "va": "center", "ha": "right"})
                axes.annotate(format_number(y, lang, 1), (x, y), textcoords="offset points",
                              **anchor, fontsize=8,
                              fontweight="bold", color=line.color, zorder=5,
                              bbox={"facecolor": "#ffffff", "edgecolor": "none",
                                    "alpha": 0.8, "pad": 0.4})
    for mark in breaks:
        middle = (mark.before + mark.after) / 2
        axes.axvline(middle, color=INK, linewidth=1.0, linestyle=(0, (4, 3)), zorder=2)
        axes.annotate(f"{mark.label}\n{wrap(mark.detail, 40, 2)}", (middle, high),
                      xycoords="data", textcoords="offset points", xytext=(0, 4),
                      ha="center", va="bottom", fontsize=7, color=INK,
                      annotation_clip=False)
    axes.set_xlim(left, right)
    axes.set_ylim(low, high)
    axes.set_xticks(list(years), [str(y) for y in years])
    axes.yaxis.set_major_formatter(formatter(lang))
    axes.set_ylabel(texts["score_axis"])
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    handles: Any = axes.get_legend_handles_labels()
    if handles[0]:
        order = sorted(range(len(handles[1])),
                       key=lambda i: [s.label for s in series].index(handles[1][i]))
        figure.legend([handles[0][i] for i in order], [handles[1][i] for i in order],
                      loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=3, fontsize=7.5)
    return finish(figure, name, title, description)


@dataclass(frozen=True)
class TrendChart:
    """Spec of a trend chart job."""

    years: tuple[int, ...]
    series: tuple[Series, ...]
    breaks: tuple[SeriesBreak, ...]
    scale: tuple[float, float]
    zones: tuple[BandZone, ...]
    lang: str
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.series)

    def draw(self, name: str, title: str, description: str) -> Chart:
        return trend_chart(name, self.years, self.series, self.breaks, self.scale, self.zones,
                           self.lang, self.texts, title, description)
