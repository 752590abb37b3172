"""The charts of the scores: the pillars (radar or bars) and each pillar's indicators."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...numbers import format_number
from .common import (
    GRID,
    INK,
    MUTED,
    SCORE,
    TARGET,
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


def pillar_chart(name: str, labels: Sequence[str], scores: Sequence[float | None],
                 targets: Sequence[float | None], scale: tuple[float, float], lang: str,
                 texts: Mapping[str, str], title: str, description: str,
                 intervals: Sequence[tuple[float, float] | None] | None = None) -> Chart:
    """Radar of the pillars (three or more) with the target polygon; bars for fewer.

    ``intervals`` (low, high) per pillar draw an error bar on each score; ``texts`` then
    needs ``interval`` (its legend label).
    """
    with style():
        if len(labels) >= 3:
            return _radar(name, title, description, labels, scores, targets, scale, lang,
                          texts, intervals)
        return _pillar_bars(name, title, description, labels, scores, targets, scale, lang,
                            texts, intervals)


def _radar_frame(labels: tuple[str, ...], limits: tuple[float, float], lang: str) -> Figure:
    """The radar's axes, rings and spokes (``limits``: the scale, reached past where scores
    lie beyond it)."""
    import math

    low, high = limits
    figure = new_figure(5.0)
    axes: Any = figure.add_axes((0.21, 0.13, 0.58, 0.76), projection="polar")
    count = len(labels)
    angles = [2 * math.pi * k / count for k in range(count)]
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    axes.set_ylim(low, high)
    ticks = [low + (high - low) * k / 5 for k in range(1, 6)]
    axes.set_yticks(ticks)
    axes.set_yticklabels([format_number(t, lang, 0) for t in ticks], color=MUTED, fontsize=7)
    axes.set_rlabel_position(180 / count)
    axes.set_xticks(angles)
    axes.set_xticklabels([wrap(label, 18) for label in labels], fontsize=8.5)
    axes.tick_params(axis="x", pad=18)
    axes.grid(color=GRID, linewidth=0.8)
    axes.spines["polar"].set_color(GRID)
    return figure


def _ring(values: Sequence[float | None], low: float) -> list[float]:
    """A closed polygon of ``values`` (missing ones at the centre)."""
    filled = [low if v is None else v for v in values]
    return [*filled, filled[0]]


def _radar(name: str, title: str, description: str, labels: Sequence[str],
           scores: Sequence[float | None], targets: Sequence[float | None],
           scale: tuple[float, float], lang: str, texts: Mapping[str, str],
           intervals: Sequence[tuple[float, float] | None] | None = None) -> Chart:
    import math

    limits = reach(scale, [*scores, *targets,
                           *(v for i in intervals or () if i is not None for v in i)])
    low, high = limits
    key = ("radar", tuple(labels), limits, lang)
    with reused_figure(key, lambda: _radar_frame(tuple(labels), limits, lang)) as figure:
        axes: Any = figure.axes[0]
        count = len(labels)
        angles = [2 * math.pi * k / count for k in range(count)]
        closed = [*angles, angles[0]]
        if any(t is not None for t in targets):
            axes.plot(closed, _ring(targets, low), color=TARGET, linewidth=1.4,
                      linestyle=(0, (4, 2)), label=texts["target"])
        axes.plot(closed, _ring(scores, low), color=SCORE, linewidth=2.0, marker="o",
                  markersize=4, label=texts["score"])
        axes.fill(closed, _ring(scores, low), color=SCORE, alpha=0.16)
        spans = [(a, i) for a, i, s in zip(angles, intervals or [None] * count, scores,
                                           strict=True)
                 if i is not None and s is not None and i[1] - i[0] > 1e-9]
        for number, (angle, (bottom, top)) in enumerate(spans):
            # An error bar along the spoke, with caps across it (a cap is a short tangential
            # segment: its angular half-width shrinks with the radius so that it keeps its
            # length).
            axes.plot([angle, angle], [bottom, top], color=INK, linewidth=1.3,
                      solid_capstyle="butt",
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
        return finish(figure, name, title, description)


def _pillar_bars_frame(wrapped: tuple[str, ...], lang: str) -> Figure:
    figure = new_figure(1.1 + 0.55 * len(wrapped))
    place(figure, left=text_width(wrapped, 8.5) + 0.25, right=0.3, top=0.35, bottom=0.35)
    axes = figure.add_subplot()
    axes.set_yticks(list(range(len(wrapped)))[::-1], wrapped)
    axes.xaxis.set_major_formatter(formatter(lang))
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    return figure


def _pillar_bars(name: str, title: str, description: str, labels: Sequence[str],
                 scores: Sequence[float | None], targets: Sequence[float | None],
                 scale: tuple[float, float], lang: str, texts: Mapping[str, str],
                 intervals: Sequence[tuple[float, float] | None] | None = None) -> Chart:
    wrapped = tuple(wrap(label, 28) for label in labels)
    with reused_figure(("pillar-bars", wrapped, lang),
                       lambda: _pillar_bars_frame(wrapped, lang)) as figure:
        axes: Any = figure.axes[0]
        positions = list(range(len(labels)))[::-1]
        axes.barh(positions, [0 if s is None else s for s in scores], color=SCORE, height=0.5,
                  label=texts["score"])
        marks = [(t, y) for y, t in zip(positions, targets, strict=True) if t is not None]
        if marks:
            axes.vlines([t for t, _ in marks], [y - 0.35 for _, y in marks],
                        [y + 0.35 for _, y in marks], color=TARGET, linewidth=2,
                        label=texts["target"])
        spans = intervals or [None] * len(labels)
        _error_bars(axes, [(s, i, y) for s, i, y in zip(scores, spans, positions,
                                                        strict=True)],
                    texts.get("interval"))
        for y, score, span in zip(positions, scores, spans, strict=True):
            right = score if span is None or score is None else max(score, span[1])
            axes.text(scale[0] if right is None else right, y,
                      "  " + (texts["not_assessed"] if score is None
                              else format_number(score, lang, 1)),
                      va="center", fontsize=8, color=INK)
        # a score below the bottom of the scale (clip: false) is a bar drawn below it
        axes.set_xlim(*reach(scale, [*scores, *targets,
                                     *(v for i in spans if i is not None for v in i)]))
        axes.legend(loc="lower right", ncols=2, bbox_to_anchor=(1.0, 1.0))
        return finish(figure, name, title, description)


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


def _indicator_frame(labels: tuple[str, ...], limits: tuple[float, float],
                     zones: tuple[BandZone, ...], lang: str, texts: tuple[tuple[str, str], ...],
                     interval: bool) -> Figure:
    """A pillar's bar chart without the bars: the grade zones, the indicators' names, the
    axis (``limits``: the scale, reached past where values lie beyond it) and the legend
    (the same for every region)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    named = dict(texts)
    figure = new_figure(1.15 + 0.38 * max(len(labels), 1))
    # right: room for "100,0" after a full bar
    place(figure, left=text_width(labels, 8) + 0.2, right=0.5, top=0.12, bottom=0.95)
    axes = figure.add_subplot()
    low, high = limits
    for index, zone in enumerate(zones):
        upper = zones[index + 1].lower if index + 1 < len(zones) else high
        axes.axvspan(low if index == 0 else zone.lower, upper, color=zone.color,
                     alpha=0.07, linewidth=0)
    axes.set_yticks(list(range(len(labels)))[::-1], labels, fontsize=8)
    axes.set_xlim(low, high)
    axes.set_ylim(-0.6, len(labels) - 0.4)
    axes.xaxis.set_major_formatter(formatter(lang))
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    axes.set_xlabel(named["score_axis"])
    handles: list[Any] = [Patch(color=z.color, label=z.label) for z in zones]
    handles.append(Line2D([], [], color=INK, linewidth=1.8, label=named["target"]))
    if interval:
        handles.append(Line2D([], [], color=INK, linewidth=1.0, marker="|",
                              markersize=6, label=named["interval"]))
    figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                  ncols=min(len(handles), 7), fontsize=7.5, handlelength=1.2)
    return figure


def indicator_chart(name: str, bars: Sequence[Bar], scale: tuple[float, float],
                    zones: Sequence[BandZone], lang: str, texts: Mapping[str, str], title: str,
                    description: str) -> Chart:
    """Horizontal bars of a pillar's indicator scores, a target tick on each, band zones."""
    with style():
        labels = tuple(wrap(b.label, 34) for b in bars)
        shown = tuple((k, texts[k]) for k in ("score_axis", "target", "interval") if k in texts)
        interval = "interval" in texts and any(b.low is not None and b.score is not None
                                               for b in bars)
        origin = scale[0]
        # beyond the scale (clip: false) the axis widens; a bar starts at the bottom of the
        # scale, so a score below it is a bar drawn below it
        limits = reach(scale, [v for b in bars for v in (b.score, b.target, b.low, b.high)])
        key = ("indicator-bars", labels, limits, tuple(zones), lang, shown, interval)
        with reused_figure(key, lambda: _indicator_frame(labels, limits, tuple(zones), lang,
                                                         shown, interval)) as figure:
            axes: Any = figure.axes[0]
            low, high = limits
            positions = list(range(len(bars)))[::-1]
            axes.barh(positions, [0.0 if b.score is None else b.score - origin for b in bars],
                      left=origin, color=[b.color for b in bars], height=0.56,
                      edgecolor=INK, linewidth=0.4)  # a pale grade's bar stands out of its zone
            marks = [(b.target, y) for y, b in zip(positions, bars, strict=True)
                     if b.target is not None]
            if marks:
                axes.vlines([t for t, _ in marks], [y - 0.38 for _, y in marks],
                            [y + 0.38 for _, y in marks], color=INK, linewidth=1.8)
            _error_bars(axes, [(b.score, None if b.low is None or b.high is None
                                else (b.low, b.high), y)
                               for y, b in zip(positions, bars, strict=True)])
            for y, bar in zip(positions, bars, strict=True):
                text = (texts["not_assessed"] if bar.score is None
                        else format_number(bar.score, lang, 1))
                x = low if bar.score is None else max(bar.score, bar.high or bar.score)
                axes.text(x + (high - low) * 0.01, y, text, va="center", fontsize=7.5,
                          color=INK)
            return finish(figure, name, title, description)


# --- specs for chart jobs ------------------------------------------------------------------


@dataclass(frozen=True)
class PillarChart:
    """The pillars against their targets (a radar from three pillars, else bars), with each
    pillar's interval as an error bar when there is one."""

    labels: tuple[str, ...]
    scores: tuple[float | None, ...]
    targets: tuple[float | None, ...]
    intervals: tuple[tuple[float, float] | None, ...]
    scale: tuple[float, float]
    lang: str
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.labels)

    def draw(self, name: str, title: str, description: str) -> Chart:
        return pillar_chart(name, self.labels, self.scores, self.targets, self.scale, self.lang,
                            self.texts, title, description,
                            intervals=self.intervals if any(
                                i is not None for i in self.intervals) else None)


@dataclass(frozen=True)
class IndicatorBars:
    """A pillar's indicators as bars over the grade zones, with their targets."""

    bars: tuple[Bar, ...]
    scale: tuple[float, float]
    zones: tuple[BandZone, ...]
    lang: str
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.bars)

    def draw(self, name: str, title: str, description: str) -> Chart:
        return indicator_chart(name, self.bars, self.scale, self.zones, self.lang, self.texts,
                               title, description)
