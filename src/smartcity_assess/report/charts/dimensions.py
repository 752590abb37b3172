"""The six Kominfo smart-city dimensions as bars over the grade zones."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...numbers import format_number
from .common import (
    GRID,
    INK,
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


@dataclass(frozen=True)
class DimensionBar:
    label: str
    score: float | None
    color: str
    coverage: float


def dimension_chart(name: str, bars: Sequence[DimensionBar], scale: tuple[float, float],
                    zones: Sequence[BandZone], lang: str, texts: Mapping[str, str],
                    title: str, description: str) -> Chart:
    """One bar per dimension, coloured by its grade, the score at its end."""
    from matplotlib.patches import Patch

    with style():
        rows = max(len(bars), 1)
        figure = new_figure(1.0 + 0.42 * rows)
        labels = [wrap(b.label, 34) for b in bars]
        # right: room for "100,0" after a full bar
        place(figure, left=text_width(labels, 8) + 0.2, right=0.5, top=0.12, bottom=0.85)
        axes = figure.add_subplot()
        low, high = scale
        for index, zone in enumerate(zones):
            upper = zones[index + 1].lower if index + 1 < len(zones) else high
            axes.axvspan(zone.lower, upper, color=zone.color, alpha=0.07, linewidth=0)
        positions = list(range(len(bars)))[::-1]
        axes.barh(positions, [0.0 if b.score is None else b.score - low for b in bars],
                  left=low, color=[b.color for b in bars], height=0.58, edgecolor=INK,
                  linewidth=0.4)
        for y, bar in zip(positions, bars, strict=True):
            shown = (texts["not_assessed"] if bar.score is None
                     else format_number(bar.score, lang, 1))
            x = low if bar.score is None else bar.score
            axes.text(x + (high - low) * 0.01, y, shown, va="center", fontsize=8, color=INK)
        axes.set_yticks(positions, labels, fontsize=8)
        axes.set_xlim(low, high)
        axes.set_ylim(-0.6, len(bars) - 0.4)
        axes.xaxis.set_major_formatter(formatter(lang))
        axes.grid(axis="x", color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        axes.set_xlabel(texts["score_axis"])
        if zones:
            handles = [Patch(color=z.color, label=z.label) for z in zones]
            figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                          ncols=min(len(handles), 6), fontsize=7.5, handlelength=1.2)
        return finish(figure, name, title, description)


@dataclass(frozen=True)
class DimensionBars:
    """The dimensions' scores over the grade zones."""

    bars: tuple[DimensionBar, ...]
    scale: tuple[float, float]
    zones: tuple[BandZone, ...]
    lang: str
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.bars)

    def draw(self, name: str, title: str, description: str) -> Chart:
        return dimension_chart(name, self.bars, self.scale, self.zones, self.lang, self.texts,
                               title, description)
