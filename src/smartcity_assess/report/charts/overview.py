"""Charts of the overview of many region-years: a pillar-by-region heatmap and the
distribution of the index. Deterministic SVG drawn with matplotlib's ``Figure`` API, with the
style, fonts, ids and accessibility texts of :mod:`.charts` (same input → same bytes).

Legibility with hundreds of regions: a heatmap shows at most :data:`MAX_ROWS` rows; above
that the caller passes the top and bottom of the ranking and a gap row that says how many
are left out (every region is in the overview's ranking table, whose pillar cells are tinted
by band). Cells are coloured in a few classes of one sequential blue ramp (lightness carries
the value, safe for colour-vision deficiencies) and carry their value as text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...numbers import format_number
from .common import (
    GRID,
    INK,
    MUTED,
    OKABE_ITO,
    SCORE,
    WIDTH_IN,
    BandZone,
    Chart,
    finish,
    formatter,
    new_figure,
    place,
    style,
    text_width,
    wrap,
)

MAX_ROWS = 60
"""Most rows a heatmap draws; above that the overview shows the top and bottom of the
ranking (:data:`EDGE_ROWS` each) and a gap row between them."""
EDGE_ROWS = 25
ROW_IN = 0.22
"""Height of a heatmap row in inches (labels at 7.5 pt)."""
RAMP = ("#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
"""Sequential blues, light to dark (after ColorBrewer *Blues*)."""


@dataclass(frozen=True)
class HeatRow:
    """One row of the heatmap: its label and a value per column (None: not assessed)."""

    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Gap:
    """A row standing for the region-years left out between the top and the bottom."""

    after: int
    """Number of rows drawn above it."""
    text: str


def class_edges(values: Sequence[float], scale: tuple[float, float], classes: int = 6
                ) -> list[float]:
    """Edges of the colour classes: quantile classes (about as many cells in each), their
    inner edges rounded to whole points and the outer ones to fives, within the scale.

    Scores of many regions crowd into a part of the scale (IPM: most between 65 and 85);
    equal steps over the whole range would paint nearly every cell in one or two colours.
    The cells carry their values, and the key under the chart gives every edge.
    """
    lo_scale, hi_scale = scale
    if not values:
        return [lo_scale, hi_scale]
    ordered = sorted(values)
    # within the scale, unless a value lies beyond it (clip: false)
    low = max(min(lo_scale, ordered[0]), math.floor(ordered[0] / 5) * 5)
    high = min(max(hi_scale, ordered[-1]), math.ceil(ordered[-1] / 5) * 5)
    if high <= low:
        high = min(hi_scale, low + 5) if low + 5 <= hi_scale else low + 1
    unit = 1.0 if hi_scale - lo_scale >= 20 else (hi_scale - lo_scale) / 100
    edges = [low]
    for k in range(1, classes):
        position = k * (len(ordered) - 1) / classes
        below = ordered[math.floor(position)]
        above = ordered[math.ceil(position)]
        edge = round((below + (above - below) * (position - math.floor(position))) / unit) * unit
        if edges[-1] < edge < high:
            edges.append(edge)
    edges.append(high)
    return edges


def _nice(raw: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k not below ``raw``."""
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw - 1e-12:
            return factor * power
    return 10 * power


def _ramp(count: int) -> list[str]:
    """``count`` colours spread along :data:`RAMP` (interpolated in RGB)."""
    if count == 1:
        return [RAMP[3]]
    colours = []
    for k in range(count):
        position = k * (len(RAMP) - 1) / (count - 1)
        i = min(int(position), len(RAMP) - 2)
        share = position - i
        a, b = _rgb(RAMP[i]), _rgb(RAMP[i + 1])
        colours.append("#" + "".join(f"{round(x + (y - x) * share):02x}"
                                     for x, y in zip(a, b, strict=True)))
    return colours


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _dark(colour: str) -> bool:
    """True when white text reads better than dark text on ``colour`` (WCAG luminance)."""
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / (0.11 + 0.05))


def heatmap_chart(name: str, rows: Sequence[HeatRow], columns: Sequence[str],
                  edges: Sequence[float], gap: Gap | None, lang: str, texts: Mapping[str, str],
                  title: str, description: str) -> Chart:
    """Scores of each row (region-year) in each column (the index, then the pillars)."""
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Rectangle

    with style():
        colours = _ramp(len(edges) - 1)
        cmap = ListedColormap(colours)
        norm = BoundaryNorm(list(edges), len(colours), clip=True)
        lines = len(rows) + (1 if gap else 0)
        labels = [wrap(row.label, 40, 1) for row in rows]
        headers = [wrap(column, 18, 3) for column in columns]
        header_lines = max((h.count("\n") + 1 for h in headers), default=1)
        top, bottom = 0.22 + 0.14 * header_lines, 0.75
        figure = new_figure(top + bottom + ROW_IN * max(lines, 1))
        left = min(text_width(labels, 7.5) + 0.15, 3.0)
        place(figure, left=left, right=0.2, top=top, bottom=bottom)
        axes = figure.add_subplot()

        def y_of(position: int) -> int:
            return position + (1 if gap is not None and position >= gap.after else 0)

        for position, row in enumerate(rows):
            y = y_of(position)
            for x, value in enumerate(row.values):
                if value is None:
                    axes.add_patch(Rectangle((x, y), 1, 1, facecolor="#eceff3",
                                             edgecolor="#ffffff", linewidth=1.0,
                                             hatch="////"))
                    axes.text(x + 0.5, y + 0.5, texts["na"], ha="center", va="center",
                              fontsize=7, color=MUTED)
                    continue
                colour = colours[_class_of(value, edges)]
                axes.add_patch(Rectangle((x, y), 1, 1, facecolor=colour,
                                         edgecolor="#ffffff", linewidth=1.0))
                axes.text(x + 0.5, y + 0.5, format_number(value, lang, 1), ha="center",
                          va="center", fontsize=7,
                          color="#ffffff" if _dark(colour) else INK)
        if gap is not None:
            axes.text(len(columns) / 2, gap.after + 0.5, gap.text, ha="center", va="center",
                      fontsize=7.5, color=MUTED, style="italic")
        if len(columns) > 1:  # the index column stands apart from the pillars
            axes.axvline(1, color="#ffffff", linewidth=3.5)
        axes.set_xlim(0, len(columns))
        axes.set_ylim(max(lines, 1), 0)
        axes.set_yticks([y_of(p) + 0.5 for p in range(len(rows))], labels, fontsize=7.5)
        axes.set_xticks([x + 0.5 for x in range(len(columns))], headers, fontsize=7.5)
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        for side in ("left", "bottom", "top", "right"):
            axes.spines[side].set_visible(False)
        for label in axes.get_xticklabels()[:1]:
            label.set_fontweight("bold")
        # The colour key: one swatch per class, under the cells.
        key = figure.add_axes((left / WIDTH_IN, 0.3 / figure.get_size_inches()[1],
                               min(3.2, WIDTH_IN - left - 0.3) / WIDTH_IN,
                               0.14 / figure.get_size_inches()[1]))
        from matplotlib.cm import ScalarMappable
        from matplotlib.colorbar import Colorbar

        bar = Colorbar(key, ScalarMappable(norm=norm, cmap=cmap), orientation="horizontal",
                       ticks=list(edges), drawedges=True)
        bar.outline.set_edgecolor(GRID)
        bar.dividers.set_color("#ffffff")
        key.xaxis.set_major_formatter(formatter(lang, _digits(edges)))
        key.tick_params(labelsize=7, length=2, color=MUTED)
        key.set_title(texts["key"], fontsize=7.5, loc="left", fontweight="normal",
                      color=MUTED, pad=3)
        return finish(figure, name, title, description)


def _class_of(value: float, edges: Sequence[float]) -> int:
    for k in range(len(edges) - 2, -1, -1):
        if value >= edges[k]:
            return k
    return 0


def _digits(edges: Sequence[float]) -> int:
    return 0 if all(abs(e - round(e)) < 1e-9 for e in edges) else 1


@dataclass(frozen=True)
class Series:
    """The index values of one year in the distribution chart."""

    label: str
    values: tuple[float, ...]


def bin_edges(values: Sequence[float], scale: tuple[float, float]) -> list[float]:
    """Histogram bins of a round width: about 2·√n of them (5 to 30) over the values."""
    low_scale, high_scale = scale
    if not values:
        return [low_scale, high_scale]
    low, high = min(values), max(values)
    wanted = min(30, max(5, round(2 * math.sqrt(len(values)))))
    width = _nice(max(high - low, (high_scale - low_scale) / 100) / wanted)
    # below the scale only when a value is (clip: false)
    start = max(min(low_scale, low), math.floor(low / width) * width)
    count = max(1, math.floor((high - start) / width) + 1)
    return [start + width * k for k in range(count + 1)]


def _counts(values: Sequence[float], edges: Sequence[float]) -> list[int]:
    counts = [0] * (len(edges) - 1)
    for value in values:
        k = min(max(0, math.floor((value - edges[0]) / (edges[1] - edges[0]) + 1e-9)),
                len(counts) - 1)
        counts[k] += 1
    return counts


def distribution_chart(name: str, series: Sequence[Series], edges: Sequence[float],
                       scale: tuple[float, float], zones: Sequence[BandZone], lang: str,
                       texts: Mapping[str, str], title: str, description: str) -> Chart:
    """Histogram of the index over the band zones; one outline per year when there are
    several (the latest filled), with the latest year's median marked."""
    from matplotlib.ticker import MaxNLocator

    with style():
        figure = new_figure(3.5)
        place(figure, left=0.65, right=0.2, top=0.45, bottom=0.5)
        axes = figure.add_subplot()
        low, high = scale
        high = max(high, edges[-1])  # a value above the scale (clip: false) stays in view
        peak = 1
        palette = [c for c in OKABE_ITO if c != SCORE]
        for index, one in enumerate(series):
            counts = _counts(one.values, edges)
            peak = max([peak, *counts])
            latest = index == len(series) - 1
            colour = SCORE if latest else palette[index % len(palette)]
            if latest:
                axes.stairs(counts, list(edges), fill=True, color=colour, alpha=0.85,
                            label=one.label if len(series) > 1 else None)
                axes.stairs(counts, list(edges), color="#ffffff", linewidth=0.6)
            else:
                axes.stairs(counts, list(edges), color=colour, linewidth=1.4,
                            label=one.label)
        top = peak * 1.22 + 0.5
        # From a round value below the lowest bin: a few outliers far down the scale would
        # otherwise squeeze the crowd of regions into a sliver of the chart.
        step = _nice((high - low) / 10)
        start = max(min(low, edges[0]), math.floor((edges[0] - step / 2) / step) * step)
        for index, zone in enumerate(zones):
            upper = zones[index + 1].lower if index + 1 < len(zones) else high
            if upper <= start:
                continue
            shown = max(zone.lower, start)
            axes.axvspan(shown, upper, color=zone.color, alpha=0.08, linewidth=0, zorder=0)
            axes.text((shown + upper) / 2, top * 0.985, wrap(zone.label, 14, 2),
                      ha="center", va="top", fontsize=7, color=MUTED)
            if zone.lower > start:
                axes.axvline(zone.lower, color=GRID, linewidth=0.8, zorder=0)
        if series and series[-1].values:
            middle = _median(series[-1].values)
            axes.axvline(middle, color=INK, linewidth=1.0, linestyle=(0, (3, 2)))
            axes.annotate(texts["median"].format(value=format_number(middle, lang, 1)),
                          (middle, peak * 1.05), xytext=(4, 0), textcoords="offset points",
                          fontsize=7.5, color=INK, va="center")
        axes.set_xlim(start, high)
        axes.set_ylim(0, top)
        axes.xaxis.set_major_formatter(formatter(lang))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        axes.yaxis.set_major_formatter(formatter(lang))
        axes.set_xlabel(texts["score_axis"])
        axes.set_ylabel(texts["count_axis"])
        axes.grid(axis="y", color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        if len(series) > 1:
            axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=min(len(series), 6),
                        fontsize=7.5)
        return finish(figure, name, title, description)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2

