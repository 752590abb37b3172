"""The reference of issue 14's rows 3 and 4: the same charts drawn by a short matplotlib script.

A standalone script (matplotlib and the standard library only, no smartcity-assess): it reads
a JSON file of chart data that a benchmark dumped beforehand (:func:`dump`, not timed) and
draws every chart to an SVG file with matplotlib's ``Figure`` API, text as text
(``svg.fonttype: none``), each chart with what the report's chart of that kind shows: the
band zones, the bars or lines or points with their value labels, the targets, error bars,
the axes with their tick labels, the axis titles and the legend. It leaves out what the
report adds around the drawing (ids unique per chart, the accessible title and description,
escaping) and the care of the report's layout (margins measured from the labels, wrapped
names, swarmed points).

Two ways of drawing:

* ``fresh`` (row 4): a new figure per chart, as a script usually does;
* ``reuse`` (row 3, "the floor"): one figure per chart kind and layout, set up once; for each
  chart only the data artists are replaced before the SVG is written.

``--processes N`` shares the charts among N forked processes (matplotlib imported once,
before the fork).

Run: python benchmarks/reference_charts.py DATA.json OUT_DIR [--mode fresh|reuse]
     [--processes N]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

RC = {"svg.fonttype": "none", "svg.hashsalt": "reference", "font.family": "DejaVu Sans",
      "font.size": 8.5, "text.parse_math": False, "figure.dpi": 72,
      "axes.spines.top": False, "axes.spines.right": False, "legend.frameon": False}
WIDTH = 6.7
SCORE, TARGET, INK, MUTED, GRID = "#0072B2", "#D55E00", "#2b2b2b", "#6b7280", "#d9dde3"
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")


# --------------------------------------------------------------------------- dumping (bench)


def dump(jobs: list[Any], path: Path) -> int:
    """Write the data of smartcity-assess chart jobs as JSON for this script; returns the
    number of charts. (Run by the benchmarks, in their own process, before any timing.)"""
    import dataclasses

    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    def spec_of(spec: Any) -> Any:
        if type(spec).__name__ != "MapSpec":
            return plain(spec)
        # a map: each area's outline (exterior rings, lon/lat) and what colours it
        areas = []
        for area in spec.boundaries.areas:
            shape = area.geometry
            polygons = getattr(shape, "geoms", [shape])
            areas.append({"key": area.key, "name": area.name,
                          "rings": [[list(xy) for xy in p.exterior.coords] for p in polygons]})
        values = {v.key: v.value for v in spec.values}
        if spec.bivariate is not None:
            values = {r.key: r.readiness for r in spec.bivariate.rows}
        return {"areas": areas, "values": values,
                "bands": [[b.lower, b.color, b.label] for b in spec.bands],
                "points": [[p.lon, p.lat] for p in spec.points],
                "title": spec.texts.title, "legend": spec.texts.legend_title,
                "lang": spec.texts.lang, "scale": list(spec.scale)}

    charts = [{"kind": type(job.spec).__name__, "name": job.name, "title": job.title,
               "spec": spec_of(job.spec)} for job in jobs]
    path.write_text(json.dumps(charts, ensure_ascii=False), encoding="utf-8")
    return len(charts)


# --------------------------------------------------------------------------- drawing


def fmt(value: float | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


class Drawer:
    """Draws charts of every kind; in ``reuse`` mode keeps one figure per kind and layout."""

    def __init__(self, reuse: bool) -> None:
        self.reuse = reuse
        self.kept: dict[tuple[Any, ...], tuple[Any, Any, int]] = {}

    def figure(self, key: tuple[Any, ...], height: float, setup: Any) -> tuple[Any, Any]:
        """(figure, axes) for ``key``: made and set up by ``setup(axes)`` once when reusing."""
        from matplotlib.figure import Figure

        if self.reuse and key in self.kept:
            figure, axes, count = self.kept[key]
            for artist in axes._children[count:]:  # the previous chart's data
                artist.remove()
            axes.containers.clear()
            for legend in figure.legends[1:]:
                legend.remove()
            return figure, axes
        figure = Figure(figsize=(WIDTH, height))
        axes = setup(figure)
        if self.reuse:
            self.kept[key] = (figure, axes, len(axes._children))
        return figure, axes

    def draw(self, chart: dict[str, Any], path: Path) -> None:
        import matplotlib

        with matplotlib.rc_context(RC):
            figure = getattr(self, "_" + chart["kind"])(chart["spec"])
            figure.savefig(path, format="svg", metadata={"Date": None})

    # -- the kinds

    def _PillarChart(self, s: dict[str, Any]) -> Any:  # noqa: N802  (named by the spec)
        labels, scores, targets = s["labels"], s["scores"], s["targets"]
        low, high = s["scale"]
        count = len(labels)
        angles = [2 * math.pi * k / count for k in range(count)] + [0.0]

        def setup(figure: Any) -> Any:
            axes = figure.add_axes((0.21, 0.13, 0.58, 0.76), projection="polar")
            axes.set_theta_offset(math.pi / 2)
            axes.set_theta_direction(-1)
            axes.set_ylim(low, high)
            axes.set_xticks(angles[:-1], labels)
            axes.grid(color=GRID)
            return axes

        figure, axes = self.figure(("radar", tuple(labels)), 5.0, setup)
        ring = [v if v is not None else low for v in scores]
        axes.plot(angles, [*ring, ring[0]], color=SCORE, marker="o", label=s["texts"]["score"])
        axes.fill(angles, [*ring, ring[0]], color=SCORE, alpha=0.16)
        if any(t is not None for t in targets):
            goal = [t if t is not None else low for t in targets]
            axes.plot(angles, [*goal, goal[0]], color=TARGET, linestyle="--",
                      label=s["texts"]["target"])
        for angle, value in zip(angles, scores, strict=False):
            if value is not None:
                axes.annotate(fmt(value, s["lang"]), (angle, value), xytext=(0, 7),
                              textcoords="offset points", ha="center", color=SCORE)
        figure.legend(loc="upper right")
        return figure

    def _IndicatorBars(self, s: dict[str, Any]) -> Any:  # noqa: N802
        bars, zones, texts = s["bars"], s["zones"], s["texts"]
        low, high = s["scale"]
        labels = [b["label"] for b in bars]
        positions = list(range(len(bars)))[::-1]

        def setup(figure: Any) -> Any:
            axes = figure.add_subplot()
            figure.subplots_adjust(left=0.4, right=0.96, bottom=0.35, top=0.95)
            for i, zone in enumerate(zones):
                upper = zones[i + 1]["lower"] if i + 1 < len(zones) else high
                axes.axvspan(zone["lower"], upper, color=zone["color"], alpha=0.07, lw=0)
            axes.set_yticks(positions, labels)
            axes.set_xlim(low, high)
            axes.set_ylim(-0.6, len(bars) - 0.4)
            axes.grid(axis="x", color=GRID)
            axes.set_xlabel(texts["score_axis"])
            from matplotlib.patches import Patch
            figure.legend(handles=[Patch(color=z["color"], label=z["label"]) for z in zones],
                          loc="lower center", ncols=len(zones))
            return axes

        figure, axes = self.figure(("bars", tuple(labels)), 1.15 + 0.38 * len(bars), setup)
        axes.barh(positions, [(b["score"] or low) - low for b in bars], left=low,
                  color=[b["color"] for b in bars], height=0.56)
        for y, b in zip(positions, bars, strict=True):
            if b["target"] is not None:
                axes.vlines(b["target"], y - 0.38, y + 0.38, color=INK, lw=1.8)
            if b["low"] is not None and b["score"] is not None:
                axes.errorbar(b["score"], y, xerr=[[b["score"] - b["low"]],
                                                   [b["high"] - b["score"]]], fmt="none",
                              ecolor=INK, capsize=2.5)
            axes.text((b["score"] or low) + 1, y, fmt(b["score"], s["lang"]), va="center")
        return figure

    def _Matrix(self, s: dict[str, Any]) -> Any:  # noqa: N802
        points, texts = s["points"], s["texts"]

        def setup(figure: Any) -> Any:
            axes = figure.add_subplot()
            axes.set_xlim(0.5, 3.5)
            axes.set_xticks([1, 2, 3], [texts["low"], texts["medium"], texts["high"]])
            axes.set_xlabel(texts["effort_axis"])
            axes.set_ylabel(texts["impact_axis"])
            axes.grid(axis="y", color=GRID)
            return axes

        figure, axes = self.figure(("matrix",), 4.4, setup)
        top = max([p["impact"] for p in points] + [s["threshold"], 0.01]) * 1.15
        axes.axhline(s["threshold"], color=MUTED, linestyle=":")
        axes.axvline(1.5, color=MUTED, linestyle=":")
        for quick, marker, color in ((False, "o", SCORE), (True, "D", TARGET)):
            group = [p for p in points if p["quick_win"] is quick]
            axes.scatter([p["effort"] for p in group], [p["impact"] for p in group], s=130,
                         color=color, marker=marker, label=texts["quick_win" if quick
                                                                  else "program"])
        for p in points:
            axes.text(p["effort"], p["impact"], str(p["rank"]), color="white", ha="center",
                      va="center", fontsize=6.5)
        axes.set_ylim(0, top)
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2)
        return figure

    def _Gantt(self, s: dict[str, Any]) -> Any:  # noqa: N802
        tasks, years = s["tasks"], s["years"]

        def setup(figure: Any) -> Any:
            axes = figure.add_subplot()
            figure.subplots_adjust(left=0.4, right=0.97)
            axes.set_xlim(years[0], years[-1] + 1)
            axes.set_xticks([y + 0.5 for y in years], [str(y) for y in years])
            return axes

        figure, axes = self.figure(("gantt", len(tasks)), 1.5 + 0.25 * (len(tasks) + 1), setup)
        for label, start, end in s["phases"]:
            axes.axvspan(start, end + 1, color="#eef1f5", lw=0)
            axes.text((start + end + 1) / 2, -0.75, label, ha="center")
        if tasks:
            axes.barh(range(len(tasks)), [t["end"] + 1 - t["start"] for t in tasks],
                      left=[t["start"] for t in tasks],
                      color=[PALETTE[t["group"] % len(PALETTE)] for t in tasks])
        axes.set_yticks(range(len(tasks)), [t["label"] for t in tasks], fontsize=7)
        axes.set_ylim(len(tasks) - 0.4, -1.2)
        return figure

    def _Trajectory(self, s: dict[str, Any]) -> Any:  # noqa: N802
        years, zones = s["years"], s["zones"]
        low, high = s["scale"]

        def setup(figure: Any) -> Any:
            axes = figure.add_subplot()
            for i, zone in enumerate(zones):
                upper = zones[i + 1]["lower"] if i + 1 < len(zones) else high
                axes.axhspan(zone["lower"], upper, color=zone["color"], alpha=0.06, lw=0)
                axes.text(years[-1] + 0.95, (zone["lower"] + upper) / 2, zone["label"],
                          ha="right", va="center", fontsize=7)
            axes.set_xlim(years[0] - 0.3, years[-1] + 1)
            axes.set_ylim(low, high)
            axes.set_xticks(years, [str(y) for y in years])
            axes.set_ylabel(s["texts"]["score_axis"])
            axes.grid(axis="y", color=GRID)
            return axes

        figure, axes = self.figure(("trajectory", tuple(years)), 4.0, setup)
        for line in s["lines"]:
            points = [(x, y) for x, y in zip(years, line["values"], strict=False) if y is not None]
            if points:
                axes.plot(*zip(*points, strict=True), color=line["color"], lw=line["width"],
                          linestyle="--" if line["dashed"] else "-",
                          marker="o" if line["markers"] else None, label=line["label"])
                if line["markers"]:
                    axes.annotate(fmt(points[-1][1], s["lang"]), points[-1], xytext=(0, 7),
                                  textcoords="offset points", ha="center")
        figure.legend(loc="lower center", ncols=3, fontsize=7.5)
        return figure

    def _CertaintyChart(self, s: dict[str, Any]) -> Any:  # noqa: N802
        rows, zones, texts = s["rows"], s["zones"], s["texts"]
        low, high = s["scale"]
        labels = [r["label"] for r in rows]
        positions = list(range(len(rows)))[::-1]

        def setup(figure: Any) -> Any:
            axes = figure.add_subplot()
            figure.subplots_adjust(left=0.3, right=0.85, bottom=0.3)
            for i, zone in enumerate(zones):
                upper = zones[i + 1]["lower"] if i + 1 < len(zones) else high
                axes.axvspan(zone["lower"], upper, color=zone["color"], alpha=0.22, lw=0)
            axes.set_yticks(positions, labels)
            axes.set_xlabel(texts["axis"])
            axes.grid(axis="x", color=GRID)
            return axes

        figure, axes = self.figure(("certainty", tuple(labels)), 1.35 + 0.46 * len(rows), setup)
        values = [v for r in rows for v in (r["score"], r["low"], r["high"], r["range_low"],
                                            r["range_high"]) if v is not None]
        axes.set_xlim(max(low, min(values) - 5), min(high, max(values) + 5))
        for y, r in zip(positions, rows, strict=True):
            if r["range_low"] is not None:
                axes.barh(y, r["range_high"] - r["range_low"], left=r["range_low"],
                          height=0.44, color=SCORE, alpha=0.28)
            if r["low"] is not None and r["high"] - r["low"] > 1e-9:
                axes.errorbar(r["score"], y, xerr=[[r["score"] - r["low"]],
                                                   [r["high"] - r["score"]]], fmt="none",
                              ecolor=INK, capsize=4)
            axes.plot(r["score"], y, marker="o", color=SCORE)
            axes.text(1.01, y, fmt(r["score"], s["lang"]), transform=axes.get_yaxis_transform(),
                      va="center")
        from matplotlib.lines import Line2D
        figure.legend(handles=[Line2D([], [], marker="o", color=SCORE, linestyle="none")],
                      labels=[texts["score"]], loc="lower center")
        return figure

    def _DimensionBars(self, s: dict[str, Any]) -> Any:  # noqa: N802
        bars, zones = s["bars"], s["zones"]
        low, high = s["scale"]
        labels = [b["label"] for b in bars]
        positions = list(range(len(bars)))[::-1]

        def setup(figure: Any) -> Any:
            axes = figure.add_subplot()
            figure.subplots_adjust(left=0.35, right=0.95, bottom=0.2)
            for i, zone in enumerate(zones):
                upper = zones[i + 1]["lower"] if i + 1 < len(zones) else high
                axes.axvspan(zone["lower"], upper, color=zone["color"], alpha=0.07, lw=0)
            axes.set_yticks(positions, labels)
            axes.set_xlim(low, high)
            axes.grid(axis="x", color=GRID)
            axes.set_xlabel(s["texts"]["score_axis"])
            return axes

        figure, axes = self.figure(("dimensions", tuple(labels)), 1.2 + 0.4 * len(bars), setup)
        axes.barh(positions, [(b["score"] or low) - low for b in bars], left=low,
                  color=[b["color"] for b in bars], height=0.56)
        for y, b in zip(positions, bars, strict=True):
            axes.text((b["score"] or low) + 1, y, fmt(b["score"], s["lang"]), va="center")
        return figure

    def _CostBars(self, s: dict[str, Any]) -> Any:  # noqa: N802
        years, sources = s["years"], s["sources"]
        labels = [str(y["year"]) for y in years]

        def setup(figure: Any) -> Any:
            axes = figure.add_subplot()
            axes.set_ylabel(s["texts"]["cost_axis"])
            axes.grid(axis="y", color=GRID)
            return axes

        figure, axes = self.figure(("costs", tuple(labels)), 3.6, setup)
        bottom = [0.0] * len(years)
        for k, source in enumerate(sources):
            heights = [y["amounts"][k] / 1e9 for y in years]
            axes.bar(labels, heights, bottom=bottom, color=PALETTE[k % len(PALETTE)],
                     label=source)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        for x, y in enumerate(years):
            if y["envelope"] is not None:
                axes.hlines(y["envelope"] / 1e9, x - 0.4, x + 0.4, color=INK,
                            linestyle="--")
            axes.text(x, bottom[x], fmt(bottom[x], s["lang"]), ha="center", va="bottom")
        figure.legend(loc="lower center", ncols=4, fontsize=7.5)
        return figure

    def _MapSpec(self, s: dict[str, Any]) -> Any:  # noqa: N802
        from matplotlib.collections import PolyCollection
        from matplotlib.figure import Figure
        from matplotlib.patches import Patch

        bands = sorted(s["bands"])

        def colour(value: float | None) -> str:
            if value is None or not bands:
                return "#ffffff"
            below = [color for lower, color, _ in bands if lower <= value]
            return below[-1] if below else bands[0][1]

        figure = Figure(figsize=(WIDTH, 5.5))
        axes = figure.add_axes((0.02, 0.12, 0.96, 0.8))
        rings = [ring for area in s["areas"] for ring in area["rings"]]
        fills = [colour(s["values"].get(area["key"])) for area in s["areas"]
                 for _ in area["rings"]]
        axes.add_collection(PolyCollection(rings, facecolors=fills, edgecolors="#ffffff",
                                           linewidths=0.45))
        for area in s["areas"]:
            xs = [x for ring in area["rings"] for x, _ in ring]
            ys = [y for ring in area["rings"] for _, y in ring]
            value = s["values"].get(area["key"])
            axes.text(sum(xs) / len(xs), sum(ys) / len(ys),
                      area["name"] + ("" if value is None else "\n" + fmt(value, s["lang"])),
                      ha="center", va="center", fontsize=6.5)
        if s["points"]:
            axes.scatter([p[0] for p in s["points"]], [p[1] for p in s["points"]], s=4,
                         color=INK)
        axes.autoscale_view()
        axes.set_aspect("equal")
        axes.set_axis_off()
        axes.set_title(s["title"])
        figure.legend(handles=[Patch(color=color, label=label) for _, color, label in bands],
                      loc="lower center", ncols=min(len(bands), 5) or 1, title=s["legend"])
        return figure

    def _TrendChart(self, s: dict[str, Any]) -> Any:  # noqa: N802
        years = s["years"]
        low, high = s["scale"]

        def setup(figure: Any) -> Any:
            axes = figure.add_subplot()
            axes.set_xticks(years, [str(y) for y in years])
            axes.set_ylim(low, high)
            axes.grid(axis="y", color=GRID)
            return axes

        figure, axes = self.figure(("trend", tuple(years)), 4.0, setup)
        for line in s["series"]:
            axes.plot(years, [math.nan if v is None else v for v in line["values"]],
                      color=line["color"], marker="o", label=line["label"])
        figure.legend(loc="lower center", ncols=3)
        return figure


def draw_all(charts: list[tuple[int, dict[str, Any]]], out: Path, reuse: bool) -> None:
    drawer = Drawer(reuse)
    for number, chart in charts:
        drawer.draw(chart, out / f"{number:05d}-{chart['name']}.svg")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mode", choices=("fresh", "reuse"), default="fresh")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    charts = json.loads(args.data.read_text(encoding="utf-8"))
    import matplotlib.figure  # noqa: F401  (once, before any fork)

    args.out.mkdir(parents=True, exist_ok=True)
    numbered = list(enumerate(charts))
    # Consecutive runs of charts per process (a region's charts stay together).
    size = -(-len(numbered) // args.processes)
    shares = [numbered[k * size:(k + 1) * size] for k in range(args.processes)]
    children = []
    for share in shares[1:]:
        pid = os.fork()
        if pid == 0:
            try:
                draw_all(share, args.out, args.mode == "reuse")
            finally:
                os._exit(0)
        children.append(pid)
    draw_all(shares[0], args.out, args.mode == "reuse")
    failed = sum(os.waitpid(pid, 0)[1] != 0 for pid in children)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
