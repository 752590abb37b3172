"""The chart of the "How sure are we?" section: deterministic SVG like every chart.

``certainty_chart`` shows, for the index and each pillar, the score, its bootstrap interval
(sampling) and its range under other judgement calls (sensitivity), over the set's bands.
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
    SCORE,
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
class Row:
    """One line of the certainty chart: the index or a pillar."""

    label: str
    score: float
    low: float | None
    """Bootstrap interval (None: not computed)."""
    high: float | None
    range_low: float | None
    """Range under other judgement calls (None: no sensitivity analysis)."""
    range_high: float | None
    bold: bool = False


def _window(rows: Sequence[Row], scale: tuple[float, float]) -> tuple[float, float]:
    """The part of the scale worth showing: every value with room, in steps of ten."""
    values = [v for r in rows for v in (r.score, r.low, r.high, r.range_low, r.range_high)
              if v is not None]
    low, high = reach(scale, values)  # beyond the scale with clip: false
    step = (scale[1] - scale[0]) / 10
    left = max(low, math.floor((max(min(values), low) - 0.6 * step) / step) * step)
    right = min(high, math.ceil((min(max(values), high) + 0.6 * step) / step) * step)
    while right - left < 3 * step:
        left, right = max(low, left - step), min(high, right + step)
        if left == low and right == high:
            break
    return left, right


def _certainty_frame(labels: tuple[str, ...], bold: tuple[bool, ...],
                     zones: tuple[BandZone, ...], scale: tuple[float, float],
                     window: tuple[float, float], lang: str,
                     texts: tuple[tuple[str, str], ...], interval: bool, spread: bool
                     ) -> Figure:
    """The certainty chart without its rows' values: the grades in the window, the names,
    the axis and the legend."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    named = dict(texts)
    count = max(len(labels), 1)
    figure = new_figure(1.35 + 0.46 * count)
    place(figure, left=text_width(labels, 8.5) + 0.25, right=1.05, top=0.32, bottom=0.85)
    axes: Any = figure.add_subplot()
    left, right = window
    for index, zone in enumerate(zones):
        # the lowest and highest grades reach past the scale (clip: false)
        upper = zones[index + 1].lower if index + 1 < len(zones) else right
        start, end = max(zone.lower if index else left, left), min(upper, right)
        if end <= start:
            continue
        axes.axvspan(start, end, color=zone.color, alpha=0.22, linewidth=0, zorder=0)
        axes.text((start + end) / 2, count - 0.35, zone.label, ha="center", va="bottom",
                  fontsize=7.5, color=MUTED, zorder=1)
        if left < zone.lower < right:
            axes.axvline(zone.lower, color=MUTED, linewidth=0.7, linestyle=(0, (2, 2)),
                         zorder=1)
    if count > 1 and bold[0]:
        axes.axhline(count - 1.5, color=GRID, linewidth=0.8, zorder=1)
    positions = list(range(count))[::-1]
    axes.set_yticks(positions, labels, fontsize=8.5)
    for tick, strong in zip(axes.get_yticklabels(), bold, strict=True):
        if strong:
            tick.set_fontweight("bold")
    axes.set_xlim(left, right)
    axes.set_ylim(-0.6, count + 0.1)
    axes.xaxis.set_major_formatter(formatter(lang))
    axes.tick_params(axis="y", length=0)
    axes.grid(axis="x", color=GRID, linewidth=0.5, zorder=0)
    axes.set_axisbelow(True)
    axes.set_xlabel(named["axis"])
    handles: list[Any] = [Line2D([], [], marker="o", color=SCORE, markeredgecolor="#ffffff",
                                 linestyle="none", markersize=6, label=named["score"])]
    if interval:
        handles.append(Line2D([], [], color=INK, linewidth=1.4, marker="|", markersize=7,
                              label=named["interval"]))
    if spread:
        handles.append(Patch(facecolor=SCORE, alpha=0.28, linewidth=0, label=named["range"]))
    figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                  ncols=len(handles), fontsize=7.5, handlelength=1.4)
    return figure


def certainty_chart(name: str, rows: Sequence[Row], zones: Sequence[BandZone],
                    scale: tuple[float, float], lang: str, texts: Mapping[str, str], title: str,
                    description: str) -> Chart:
    """Score, sampling interval and judgement-call range of the index and each pillar."""
    with style():
        labels = tuple(wrap(r.label, 30) for r in rows)
        bold = tuple(r.bold for r in rows)
        window = _window(rows, scale)
        shown = tuple((k, texts[k]) for k in ("axis", "score", "interval", "range")
                      if k in texts)
        interval = any(r.low is not None for r in rows)
        spread = any(r.range_low is not None for r in rows)
        key = ("certainty", labels, bold, tuple(zones), scale, window, lang, shown, interval,
               spread)
        with reused_figure(key, lambda: _certainty_frame(labels, bold, tuple(zones), scale,
                                                         window, lang, shown, interval,
                                                         spread)) as figure:
            axes: Any = figure.axes[0]
            left, right = window
            positions = list(range(max(len(rows), 1)))[::-1]
            for y, row in zip(positions, rows, strict=True):
                if row.range_low is not None and row.range_high is not None:
                    axes.barh(y, max(row.range_high - row.range_low, (right - left) * 0.004),
                              left=row.range_low, height=0.44, color=SCORE, alpha=0.28,
                              linewidth=0, zorder=2)
                exact = row.low is None or row.high is None or row.high - row.low <= 1e-9
                if not exact:
                    assert row.low is not None and row.high is not None
                    axes.errorbar([row.score], [y], xerr=[[max(0.0, row.score - row.low)],
                                                          [max(0.0, row.high - row.score)]],
                                  fmt="none", ecolor=INK, elinewidth=1.4, capsize=4,
                                  capthick=1.4, zorder=3)
                axes.plot([row.score], [y], marker="o", markersize=7 if row.bold else 5.5,
                          color=SCORE, markeredgecolor="#ffffff", markeredgewidth=0.8,
                          linestyle="none", zorder=4)
                text = format_number(row.score, lang, 1)
                if not exact and row.low is not None and row.high is not None:
                    text += " ± " + format_number((row.high - row.low) / 2, lang, 1)
                axes.text(1.01, y, text, transform=axes.get_yaxis_transform(), va="center",
                          ha="left", fontsize=8.5, color=INK,
                          fontweight="bold" if row.bold else "normal")
            return finish(figure, name, title, description)


@dataclass(frozen=True)
class CertaintyChart:
    """Spec of the certainty chart job."""

    rows: tuple[Row, ...]
    zones: tuple[BandZone, ...]
    scale: tuple[float, float]
    lang: str
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.rows)

    def draw(self, name: str, title: str, description: str) -> Chart:
        return certainty_chart(name, self.rows, self.zones, self.scale, self.lang, self.texts,
                               title, description)
