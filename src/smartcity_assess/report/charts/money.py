"""The money charts: the roadmap's indicative cost per year, stacked by funding source, with
each year's envelope."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...numbers import format_number
from .common import GRID, INK, OKABE_ITO, Chart, finish, formatter, new_figure, place, style

SOURCE_COLORS = {"APBD": OKABE_ITO[0], "DAK": OKABE_ITO[1], "DanaDesa": OKABE_ITO[2],
                 "BOS": OKABE_ITO[3], "CSR": OKABE_ITO[4], "KPBU": OKABE_ITO[5],
                 "APBN": OKABE_ITO[6], "BAKTI": "#7f7f7f", "Hibah": "#b8b8b8"}
"""One colour per funding source (Okabe–Ito, then greys), the same in every chart."""


@dataclass(frozen=True)
class CostYear:
    """One year's scheduled cost per source (upper bounds, rupiah) and its envelope."""

    year: int
    amounts: tuple[float, ...]
    """In the order of the chart's ``sources``."""
    envelope: float | None


def cost_chart(name: str, years: Sequence[CostYear], sources: Sequence[str], lang: str,
               texts: Mapping[str, str], title: str, description: str) -> Chart:
    """Stacked bars of the cost per year by funding source (billions of rupiah), the envelope
    as a dashed mark over each bar and the year's total above it."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    with style():
        legend_rows = (len(sources) + 1 + 4) // 5
        figure = new_figure(3.3 + 0.2 * legend_rows)
        place(figure, left=0.7, right=0.2, top=0.15, bottom=0.5 + 0.2 * legend_rows)
        axes = figure.add_subplot()
        positions = list(range(len(years)))
        bottoms = [0.0] * len(years)
        billions = 1e9
        for k, source in enumerate(sources):
            heights = [y.amounts[k] / billions for y in years]
            axes.bar(positions, heights, bottom=bottoms, width=0.62,
                     color=SOURCE_COLORS.get(source, OKABE_ITO[k % len(OKABE_ITO)]),
                     edgecolor="#ffffff", linewidth=0.5, zorder=2)
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        envelopes = [(x, y.envelope / billions) for x, y in zip(positions, years, strict=True)
                     if y.envelope is not None]
        if envelopes:
            axes.hlines([e for _, e in envelopes], [x - 0.42 for x, _ in envelopes],
                        [x + 0.42 for x, _ in envelopes], color=INK, linewidth=1.4,
                        linestyles=(0, (3, 1.5)), zorder=3)
        top = max([*bottoms, *(e for _, e in envelopes), 0.1])
        for x, total in zip(positions, bottoms, strict=True):
            axes.text(x, total + top * 0.015, format_number(total, lang, 1), ha="center",
                      va="bottom", fontsize=7.5, color=INK, zorder=4)
        axes.set_xticks(positions, [str(y.year) for y in years])
        axes.set_xlim(-0.6, len(years) - 0.4)
        axes.set_ylim(0, top * 1.12)
        axes.yaxis.set_major_formatter(formatter(lang, 0 if top >= 5 else 1))
        axes.set_ylabel(texts["cost_axis"])
        axes.grid(axis="y", color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        handles: list[Patch | Line2D] = [
            Patch(color=SOURCE_COLORS.get(s, OKABE_ITO[k % len(OKABE_ITO)]),
                  label=texts.get(f"source:{s}", s))
            for k, s in enumerate(sources)]
        if envelopes:
            handles.append(Line2D([], [], color=INK, linewidth=1.4, linestyle=(0, (3, 1.5)),
                                  label=texts["envelope"]))
        figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                      ncols=min(len(handles), 5), fontsize=7.5, handlelength=1.4)
        return finish(figure, name, title, description)


@dataclass(frozen=True)
class CostBars:
    """The cost per year stacked by funding source, with the envelopes."""

    years: tuple[CostYear, ...]
    sources: tuple[str, ...]
    lang: str
    texts: Mapping[str, str]

    @property
    def size(self) -> int:
        return len(self.years) * max(1, len(self.sources))

    def draw(self, name: str, title: str, description: str) -> Chart:
        return cost_chart(name, self.years, self.sources, self.lang, self.texts, title,
                          description)
