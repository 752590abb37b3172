"""Maps as deterministic SVG and PNG, drawn with matplotlib's ``Figure`` API (never pyplot).

A map is drawn in a local equidistant projection in kilometres (:mod:`.project`), so north
is up, the east–west and north–south scales agree (the cos-latitude aspect) and the scale bar
is exact at the centre. Every map has a legend, a north arrow, a scale bar in km, latitude and
longitude ticks on its frame, area labels where they fit, and small print with the boundary
source. Areas with too few answers are hatched grey and named in the legend; areas with no
data at all are white.

Conventions follow :mod:`smartcity_assess.report.charts`: text stays text (DejaVu Sans
metrics, ``svg.fonttype: none``), ids are prefixed with the map's name, the SVG carries a
``<title>`` and a ``<desc>`` (the alt text) and no date. Each map also returns the rows of the
data table the report prints under it, so that no one depends on seeing colours.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

from ..numbers import format_number
from .model import (
    AreaStatus,
    AreaValue,
    Bivariate,
    Boundaries,
    LayerPoint,
    MapBand,
    MapResult,
    MapRow,
    MapTexts,
)
from .project import LocalProjection
from .read import clean_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_IN = 6.7
"""Map width in inches: the text width of an A4 page with 2 cm margins."""
PNG_DPI = 200
INK = "#1f2933"
MUTED = "#5f6b7a"
EDGE = "#6b7684"
"""Boundaries between the mapped areas."""
OVERLAY_EDGE = "#1f2933"
NOT_ENOUGH_FILL = "#e4e7eb"
NOT_ENOUGH_HATCH = "#8d96a3"
NO_DATA_FILL = "#ffffff"
POINT_COLOR = "#111827"
SYMBOL_COLOR = "#b2182b"

BIVARIATE_COLORS = ("#e8e8e8", "#ace4e4", "#5ac8c8",
                    "#dfb0d6", "#a5add3", "#5698b9",
                    "#be64ac", "#8c62aa", "#3b4994")
"""Joshua Stevens' pink–blue 3×3 scheme ("Bivariate Choropleth Maps: A How-to Guide", 2015,
https://www.joshuastevens.net/cartography/make-a-bivariate-choropleth-map/), row by row:
index ``3·(r−1) + (p−1)`` for readiness class ``r`` (1 high … 3 low readiness, the pink axis)
and problem class ``p`` (1 low … 3 high problem, the teal axis). The dark blue corner
``#3b4994`` is readiness low and problem high; the light grey ``#e8e8e8`` readiness high and
problem low."""

_RC: dict[str, Any] = {
    "svg.hashsalt": "smartcity-assess-map",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "text.parse_math": False,
    "text.color": INK,
    "figure.dpi": 72,
    "savefig.transparent": False,
    "hatch.color": NOT_ENOUGH_HATCH,
    "hatch.linewidth": 0.6,
    "path.simplify_threshold": 0.05,
}
_FONT = "font-family: 'DejaVu Sans'"
_FONT_STACK = "font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif"
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|xlink:href="#|href="#)([^")]+)')
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_HEAD = re.compile(r"^.*?(?=<svg\b)", re.S)
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_PATH_DATA = re.compile(r'\bd="[^"]*"')
_DIGITS = re.compile(r"(\d\.\d\d)\d+")
"""Path coordinates are in points: two decimals (1/7200 inch) are plenty."""

_TEXTS: dict[str, dict[str, str]] = {
    "id": {
        "legend_title": "Skor", "not_enough": "Tidak cukup jawaban",
        "no_data": "Tidak ada data", "north": "U", "area_column": "Wilayah",
        "value_column": "Nilai", "band_column": "Kategori", "n_column": "Responden",
        "alt_template": "{title}. Peta {count} wilayah. Tertinggi: {high}; terendah: {low}. "
                        "{missing}{table_note}",
        "extreme_template": "{name} ({value}, {band})",
        "none_template": "{title}. Peta {count} wilayah; belum ada wilayah yang bernilai. "
                         "{missing}{table_note}",
        "missing_template": "{count} wilayah tanpa nilai ({what}). ",
        "table_note": "Data lengkap ada di tabel di bawah peta.",
        "low": "rendah", "high": "tinggi",
    },
    "en": {
        "legend_title": "Score", "not_enough": "Not enough answers", "no_data": "No data",
        "north": "N", "area_column": "Area", "value_column": "Value",
        "band_column": "Band", "n_column": "Respondents",
        "alt_template": "{title}. Map of {count} areas. Highest: {high}; lowest: {low}. "
                        "{missing}{table_note}",
        "extreme_template": "{name} ({value}, {band})",
        "none_template": "{title}. Map of {count} areas; no area has a value yet. "
                         "{missing}{table_note}",
        "missing_template": "{count} areas without a value ({what}). ",
        "table_note": "The full data is in the table below the map.",
        "low": "low", "high": "high",
    },
}


def map_texts(lang: str = "id", *, title: str = "", credit: str = "",
              **overrides: str) -> MapTexts:
    """The default words of a map in ``lang`` (``id`` or ``en``); any field can be replaced."""
    base = dict(_TEXTS.get(lang, _TEXTS["en"]))
    base.update(overrides)
    return MapTexts(lang=lang, title=title, credit=credit, **base)


# --- drawing helpers ------------------------------------------------------------------------


@contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    # matplotlib types rc keys as a Literal of every setting's name, which a dict[str, Any]
    # cannot satisfy; report/charts.py does the same.
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        yield


def _text_size(text: str, size: float, bold: bool = False) -> tuple[float, float]:
    """(width, height) in inches of ``text`` (one or more lines) in DejaVu Sans."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family="DejaVu Sans", size=size,
                          weight="bold" if bold else "normal")
    lines = text.split("\n")
    width = 0.0
    for line in lines:
        w, _, _ = text_to_path.get_text_width_height_descent(line or " ", prop, ismath=False)
        width = max(width, w)
    return width / 72.0, len(lines) * size * 1.2 / 72.0


def _luminance(color: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _label_color(fill: str) -> str:
    """White text on dark fills, ink on light ones (the higher WCAG contrast)."""
    lum = _luminance(fill)
    return "#ffffff" if (1.05 / (lum + 0.05)) > ((lum + 0.05) / (_luminance(INK) + 0.05)) \
        else INK


def _paths(geometry: Any) -> Any:
    """A matplotlib Path of a (Multi)Polygon in km, holes wound against their shell."""
    import numpy as np
    import shapely
    from matplotlib.path import Path
    from shapely.geometry.polygon import orient

    vertices: list[Any] = []
    codes: list[Any] = []
    for part in shapely.get_parts(geometry):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        part = orient(part, 1.0)
        for ring in (part.exterior, *part.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            if len(xy) < 4:
                continue
            ring_codes = np.full(len(xy), Path.LINETO, dtype=Path.code_type)
            ring_codes[0] = Path.MOVETO
            ring_codes[-1] = Path.CLOSEPOLY
            vertices.append(xy)
            codes.append(ring_codes)
    if not vertices:
        return None
    return Path(np.concatenate(vertices), np.concatenate(codes))


def nice_scale_length(width_km: float) -> float:
    """A round scale-bar length near a quarter of the map width (1, 2 or 5 × 10ⁿ km)."""
    target = max(width_km / 4, 1e-6)
    exponent = math.floor(math.log10(target))
    best = 1.0
    for step in (1.0, 2.0, 5.0, 10.0):
        if step * 10**exponent <= target:
            best = step
    return float(best * 10.0**exponent)


def _degrees(value: float, lang: str, axis: str) -> str:
    """``109°10′ BT`` / ``7°05′ LS`` (id) or ``109°10′E`` / ``7°05′S`` (en)."""
    hemisphere = {("id", "x"): ("BT", "BB"), ("id", "y"): ("LU", "LS"),
                  ("en", "x"): ("E", "W"), ("en", "y"): ("N", "S")}[
        ("id" if lang == "id" else "en", axis)]
    letter = hemisphere[0] if value >= 0 else hemisphere[1]
    minutes_total = round(abs(value) * 60)
    degrees, minutes = divmod(minutes_total, 60)
    sep = " " if lang == "id" else ""
    return f"{degrees}°{minutes:02d}′{sep}{letter}"


@dataclass
class _Canvas:
    """A figure with a map frame (left) and a legend panel (right)."""

    figure: Figure
    axes: Axes
    legend: Axes
    projection: LocalProjection
    km_per_inch: float
    legend_y: float = 1.0
    """Next free height in the legend panel, in its axes fraction (top = 1)."""


def _simplified(boundaries: Boundaries, projection: LocalProjection, tolerance_km: float
                ) -> list[Any]:
    import shapely

    shapes = [projection.project(area.geometry) for area in boundaries.areas]
    simple = shapely.coverage_simplify(shapes, tolerance_km)
    return [s if not s.is_empty else o for s, o in zip(simple, shapes, strict=True)]


def _canvas(boundaries: Boundaries, texts: MapTexts, legend_width: float = 2.05) -> _Canvas:
    from matplotlib.figure import Figure

    projection = LocalProjection.centred(boundaries.bounds())
    west, south, east, north = boundaries.bounds()
    corners = projection.forward(_array([[west, south], [east, north]]))
    width_km = corners[1, 0] - corners[0, 0]
    height_km = corners[1, 1] - corners[0, 1]
    pad = 0.04 * max(width_km, height_km)
    map_w = WIDTH_IN - legend_width - 0.55
    km_per_inch = (width_km + 2 * pad) / map_w
    map_h = (height_km + 2 * pad) / km_per_inch
    if map_h > 6.8:  # a tall region: scale down to keep the map on one page
        km_per_inch *= map_h / 6.8
        map_h = 6.8
        map_w = (width_km + 2 * pad) / km_per_inch
    top = 0.42 if texts.title else 0.12
    bottom = 0.42 if texts.credit else 0.3
    height = max(map_h, 3.6) + top + bottom
    figure = Figure(figsize=(WIDTH_IN, height))
    left = 0.4
    map_box = (left / WIDTH_IN, (bottom + (max(map_h, 3.6) - map_h) / 2) / height,
               map_w / WIDTH_IN, map_h / height)
    axes = figure.add_axes(map_box)
    axes.set_xlim(corners[0, 0] - pad, corners[1, 0] + pad)
    axes.set_ylim(corners[0, 1] - pad, corners[1, 1] + pad)
    axes.set_aspect("equal", adjustable="box")
    for spine in axes.spines.values():
        spine.set_color(MUTED)
        spine.set_linewidth(0.6)
    axes.set_facecolor("#ffffff")
    legend_left = (left + map_w + 0.3) / WIDTH_IN
    legend = figure.add_axes((legend_left, bottom / height,
                              1 - legend_left - 0.05 / WIDTH_IN, max(map_h, 3.6) / height))
    legend.set_axis_off()
    legend.set_xlim(0, 1)
    legend.set_ylim(0, 1)
    if texts.title:
        figure.text(left / WIDTH_IN, 1 - 0.14 / height, texts.title, ha="left", va="top",
                    fontsize=10, fontweight="bold", color=INK)
    if texts.credit:
        figure.text(left / WIDTH_IN, 0.08 / height, clean_text(texts.credit, 160),
                    ha="left", va="bottom", fontsize=6, color=MUTED)
    _graticule(axes, projection, texts.lang)
    return _Canvas(figure, axes, legend, projection, km_per_inch)


def _array(rows: Any) -> Any:
    import numpy as np

    return np.asarray(rows, dtype=float)


def _graticule(axes: Axes, projection: LocalProjection, lang: str) -> None:
    """Longitude ticks along the bottom, latitude ticks along the left, at round minutes."""
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    (lon0, lat0), (lon1, lat1) = projection.inverse(_array([[x0, y0], [x1, y1]]))
    for low, high, axis in ((lon0, lon1, "x"), (lat0, lat1, "y")):
        span_min = (high - low) * 60
        step = next((s for s in (1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600)
                     if span_min / s <= 4), 600)
        first = math.ceil(low * 60 / step) * step
        values = [m / 60 for m in range(first, int(math.floor(high * 60)) + 1, step)]
        if axis == "x":
            km = [(v - projection.lon0) * projection.km_per_deg_lon for v in values]
            axes.set_xticks(km, [_degrees(v, lang, "x") for v in values])
        else:
            km = [(v - projection.lat0) * projection.km_per_deg_lat for v in values]
            axes.set_yticks(km, [_degrees(v, lang, "y") for v in values])
    axes.tick_params(labelsize=6, colors=MUTED, length=3, width=0.5, direction="in",
                     top=True, right=True, pad=2)
    for label in axes.get_yticklabels():
        label.set_rotation(90)
        label.set_verticalalignment("center")


def _fill(canvas: _Canvas, shapes: Sequence[Any], colors: Sequence[str],
          hatched: Sequence[bool], linewidth: float) -> None:
    from matplotlib.patches import PathPatch

    for shape, color, hatch in zip(shapes, colors, hatched, strict=True):
        path = _paths(shape)
        if path is None:
            continue
        # add_artist, not add_patch: the limits are set already, and add_patch would walk
        # every vertex to update them (an eighth of a map's drawing time).
        canvas.axes.add_artist(PathPatch(
            path, facecolor=color, edgecolor=NOT_ENOUGH_HATCH if hatch else EDGE,
            linewidth=0 if hatch else linewidth, hatch="////" if hatch else None,
            joinstyle="round", zorder=1))
        if hatch:  # the hatch takes the edge colour: draw the outline on its own
            canvas.axes.add_artist(PathPatch(path, facecolor="none", edgecolor=EDGE,
                                            linewidth=linewidth, joinstyle="round",
                                            zorder=1.5))


def _outline(canvas: _Canvas, shapes: Sequence[Any], width: float, color: str,
             zorder: float) -> None:
    from matplotlib.patches import PathPatch

    for shape in shapes:
        path = _paths(shape)
        if path is not None:
            canvas.axes.add_artist(PathPatch(path, facecolor="none", edgecolor=color,
                                            linewidth=width, joinstyle="round",
                                            zorder=zorder))


def _region_outline(canvas: _Canvas, shapes: Sequence[Any]) -> None:
    import shapely

    whole = shapely.union_all(list(shapes))
    _outline(canvas, [whole], 1.1, INK, 3)


def _north_and_scale(canvas: _Canvas, texts: MapTexts) -> float:
    """North arrow and a scale bar in km at the foot of the legend panel, outside the map so
    that they never cover an area; returns the bar's length in km."""
    from matplotlib.patches import Polygon, Rectangle

    legend = canvas.legend
    panel_w = legend.bbox.width / canvas.figure.dpi
    # North arrow: a split arrowhead, the letter above it.
    x, base, tall, half = 0.07, _frac(canvas, 0.42), _frac(canvas, 0.36), 0.045
    tip = base + tall
    notch = base + 0.3 * tall
    legend.add_patch(Polygon([(x, tip), (x - half, base), (x, notch)], closed=True,
                             facecolor=INK, edgecolor=INK, linewidth=0.6))
    legend.add_patch(Polygon([(x, tip), (x + half, base), (x, notch)], closed=True,
                             facecolor="#ffffff", edgecolor=INK, linewidth=0.6))
    legend.text(x, tip + _frac(canvas, 0.03), texts.north, ha="center", va="bottom",
                fontsize=9, fontweight="bold", color=INK)
    # Scale bar: at most 1.6 inches long, in round kilometres.
    length = nice_scale_length(1.6 * canvas.km_per_inch * 4)
    bar_in = length / canvas.km_per_inch
    segments = 4 if length % 4 == 0 or length < 4 else 2
    step_w = bar_in / segments / panel_w
    y, height = _frac(canvas, 0.1), _frac(canvas, 0.06)
    for index in range(segments):
        legend.add_patch(Rectangle((index * step_w, y), step_w, height,
                                   facecolor=INK if index % 2 == 0 else "#ffffff",
                                   edgecolor=INK, linewidth=0.5))
    for fraction in (0.0, 0.5, 1.0):
        value = length * fraction
        legend.text(fraction * bar_in / panel_w, y + height + _frac(canvas, 0.03),
                    format_number(value, texts.lang, 0 if float(value).is_integer() else 1),
                    ha="center", va="bottom", fontsize=6.5, color=INK)
    legend.text(bar_in / panel_w + 0.04, y + height / 2, "km", ha="left", va="center",
                fontsize=6.5, color=INK)
    return length


def _legend_title(canvas: _Canvas, text: str) -> None:
    canvas.legend.text(0.0, canvas.legend_y, text, ha="left", va="top", fontsize=8,
                       fontweight="bold", color=INK, wrap=True)
    lines = max(1, math.ceil(_text_size(text, 8, bold=True)[0] / 1.9))
    canvas.legend_y -= _frac(canvas, 0.2 * lines + 0.06)


def _frac(canvas: _Canvas, inches: float) -> float:
    """Inches as a fraction of the legend panel's height."""
    return inches / (canvas.legend.bbox.height / canvas.figure.dpi)


def _legend_swatch(canvas: _Canvas, label: str, fill: str, hatch: bool = False,
                   edge: str = EDGE) -> None:
    from matplotlib.patches import Rectangle

    height = _frac(canvas, 0.15)
    y = canvas.legend_y - height
    canvas.legend.add_patch(Rectangle((0.0, y), 0.14, height, facecolor=fill,
                                      edgecolor=NOT_ENOUGH_HATCH if hatch else edge,
                                      linewidth=0 if hatch else 0.5,
                                      hatch="////" if hatch else None))
    if hatch:
        canvas.legend.add_patch(Rectangle((0.0, y), 0.14, height, facecolor="none",
                                          edgecolor=edge, linewidth=0.5))
    canvas.legend.text(0.19, y + height / 2, label, ha="left", va="center", fontsize=7.5,
                       color=INK)
    canvas.legend_y -= _frac(canvas, 0.21)


def _legend_gap(canvas: _Canvas, inches: float = 0.12) -> None:
    canvas.legend_y -= _frac(canvas, inches)


def _band_of(value: float, bands: Sequence[MapBand]) -> MapBand | None:
    chosen = None
    for band in bands:
        if value >= band.lower - 1e-9:
            chosen = band
    return chosen


def _label_point(shape: Any) -> tuple[float, float]:
    """Pole of inaccessibility of the largest part (km): where a label sits best."""
    import shapely
    from shapely.ops import polylabel

    parts = list(shapely.get_parts(shape))
    largest = max(parts, key=lambda p: p.area)
    point = polylabel(largest, tolerance=0.05)
    return float(point.x), float(point.y)


def _fits(shape: Any, x: float, y: float, width_km: float, height_km: float) -> bool:
    import shapely

    box = shapely.box(x - width_km / 2, y - height_km / 2, x + width_km / 2, y + height_km / 2)
    return bool(shape.contains(box))


def _place_labels(canvas: _Canvas, shapes: Sequence[Any], names: Sequence[str],
                  second: Sequence[str | None], fills: Sequence[str],
                  sizes: Sequence[float] = (7.0, 6.0, 5.5), fallback: bool = True) -> None:
    """Each area's name (and a second line, the value) where it fits inside the area.

    With ``fallback``, a name that fits nowhere inside is set small on a white halo at the
    area (or just beside it, with a leader line), where it covers no other label; a name that
    finds no free place is left to the data table.
    """
    import shapely

    k = canvas.km_per_inch
    taken: list[Any] = []
    pending: list[tuple[Any, str]] = []
    for shape, name, extra, fill in zip(shapes, names, second, fills, strict=True):
        x, y = _label_point(shape)
        words = name.split(" ")
        options = [name] + ([" ".join(words[: len(words) // 2]) + "\n"
                             + " ".join(words[len(words) // 2:])] if len(words) > 1 else [])
        chosen: tuple[str, float, float, float] | None = None
        for size in sizes:
            for text in options:
                for candidate in ((f"{text}\n{extra}", text) if extra is not None
                                  else (text,)):
                    w, h = _text_size(candidate, size)
                    if _fits(shape, x, y, w * k * 1.06, h * k):
                        chosen = (candidate, size, w * k, h * k)
                        break
                if chosen:
                    break
            if chosen:
                break
        if chosen is None:
            pending.append((shape, name))
            continue
        text, size, w, h = chosen
        canvas.axes.text(x, y, text, ha="center", va="center", fontsize=size,
                         color=_label_color(fill), zorder=4, linespacing=1.05)
        taken.append(shapely.box(x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    if fallback:
        _halo_labels(canvas, pending, taken, 5.5, bold=False)


def _halo_labels(canvas: _Canvas, items: Sequence[tuple[Any, str]], taken: list[Any],
                 size: float, bold: bool) -> None:
    """Names on a white halo at their area, moved aside (with a leader) to avoid others."""
    import shapely

    k = canvas.km_per_inch
    for shape, name in sorted(items, key=lambda item: -item[0].area):
        x, y = _label_point(shape)
        w, h = _text_size(name, size, bold)
        w, h = w * k * 1.15, h * k * 1.1
        for dx, dy in ((0, 0), (0, h), (0, -h), (w * 0.6, 0), (-w * 0.6, 0), (0, 2 * h),
                       (0, -2 * h), (w * 0.6, h), (-w * 0.6, -h)):
            box = shapely.box(x + dx - w / 2, y + dy - h / 2, x + dx + w / 2, y + dy + h / 2)
            if any(box.intersects(other) for other in taken):
                continue
            if dx or dy:
                canvas.axes.plot([x, x + dx * 0.75], [y, y + dy * 0.75], color=INK,
                                 linewidth=0.4, zorder=5.5)
            canvas.axes.text(x + dx, y + dy, name, ha="center", va="center", fontsize=size,
                             fontweight="bold" if bold else "normal", color=INK, zorder=6,
                             bbox={"facecolor": "#ffffff", "edgecolor": "none",
                                   "alpha": 0.8, "boxstyle": "round,pad=0.12"})
            taken.append(box)
            break


def _finish(canvas: _Canvas, name: str, title: str, alt: str) -> tuple[str, bytes]:
    """(SVG element, PNG bytes) of the canvas."""
    figure = canvas.figure
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = _HEAD.sub("", text, count=1)
    text = _METADATA.sub("", text, count=1)
    text = text.replace(_FONT, _FONT_STACK)
    text = _PATH_DATA.sub(lambda m: _DIGITS.sub(r"\1", m.group(0)), text)
    text = _ID.sub(lambda m: f'id="{name}-{m.group(1)}"', text)
    text = _REF.sub(lambda m: f"{m.group(1)}{name}-{m.group(2)}", text)
    opening = _SVG_OPEN.search(text)
    assert opening is not None
    tag = opening.group(0)[:-1].rstrip("/")
    accessible = (f'{tag} role="img" aria-labelledby="{name}-title {name}-desc">'
                  f'<title id="{name}-title">{xml_escape(title)}</title>'
                  f'<desc id="{name}-desc">{xml_escape(alt)}</desc>')
    text = text[: opening.start()] + accessible + text[opening.end():]
    png = io.BytesIO()
    figure.savefig(png, format="png", dpi=PNG_DPI,
                   metadata={"Software": None})
    return text.strip(), png.getvalue()


def _safe_name(name: str) -> str:
    """The map's name as an SVG id prefix: letters, digits, ``-`` and ``_`` only."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")
    return cleaned or "map"


# --- the maps -------------------------------------------------------------------------------


def _status_text(status: AreaStatus, texts: MapTexts) -> str:
    return texts.not_enough if status == "not_enough" else texts.no_data


def _alt(texts: MapTexts, title: str, rows: Sequence[MapRow], digits: int) -> str:
    valued = [r for r in rows if r.value is not None]
    statuses: tuple[AreaStatus, ...] = ("not_enough", "no_data")
    counts = {s: sum(1 for r in rows if r.status == s) for s in statuses}
    what = ", ".join(f"{n} {_status_text(s, texts).lower()}" for s, n in counts.items() if n)
    missing = (texts.missing_template.format(count=sum(counts.values()), what=what)
               if what else "")
    if not valued:
        return texts.none_template.format(title=title, count=len(rows), missing=missing,
                                          table_note=texts.table_note).strip()

    def extreme(row: MapRow) -> str:
        return texts.extreme_template.format(
            name=row.name, value=format_number(row.value, texts.lang, digits), band=row.band)

    high = max(valued, key=lambda r: (r.value, r.name))
    low = min(valued, key=lambda r: (r.value, r.name))
    return texts.alt_template.format(title=title, count=len(rows), high=extreme(high),
                                     low=extreme(low), missing=missing,
                                     table_note=texts.table_note).strip()


def _range_text(lower: float, upper: float | None, lang: str) -> str:
    def number(v: float) -> str:
        return format_number(v, lang, 0 if float(v).is_integer() else 1)

    return f"{number(lower)}–{number(upper)}" if upper is not None else f"≥ {number(lower)}"


def choropleth(name: str, boundaries: Boundaries, values: Sequence[AreaValue],
               bands: Sequence[MapBand], texts: MapTexts, *, title: str = "",
               scale: tuple[float, float] = (0.0, 100.0), digits: int = 1,
               overlay: Boundaries | None = None, points: Sequence[LayerPoint] = (),
               symbols: Mapping[str, float] | None = None, labels: bool = True,
               ) -> MapResult:
    """A choropleth of ``values`` (index, pillar or indicator scores) by area, banded.

    ``values`` name areas by their key in ``boundaries``; areas without a value are drawn as
    their status says (hatched "not enough answers", white "no data"). ``overlay`` draws
    the outlines of another boundary file on top (the kecamatan over a desa map) and labels
    those instead when the map has many areas. ``points`` (a problem layer's events) are
    drawn as dots, ``symbols`` (area key → count) as circles proportional in area. ``title``
    names the map in the alt text and the SVG ``<title>``; ``texts.title`` is printed.
    """
    ordered = sorted(bands, key=lambda b: b.lower)
    title = title or texts.title or texts.legend_title
    name = _safe_name(name)
    rows, fills = _choropleth_rows(boundaries, values, ordered, texts, symbols)
    hatched = [r.status == "not_enough" for r in rows]
    with _style():
        canvas = _canvas(boundaries, texts)
        k = canvas.km_per_inch
        shapes = _simplified(boundaries, canvas.projection, 0.012 * k)
        many = len(boundaries.areas) > 60
        _fill(canvas, shapes, fills, hatched, 0.25 if many else 0.45)
        overlay_shapes: list[Any] = []
        if overlay is not None:
            overlay_shapes = _simplified(overlay, canvas.projection, 0.012 * k)
            _outline(canvas, overlay_shapes, 0.9, OVERLAY_EDGE, 2.5)
        _region_outline(canvas, shapes)
        _draw_points(canvas, points)
        symbol_scale = _draw_symbols(canvas, boundaries, shapes, symbols)
        if labels:
            if many and overlay is not None:
                _label_overlay(canvas, overlay, overlay_shapes)
            elif symbols and not many:  # names on halos, readable over the circles
                _halo_labels(canvas, [(shape, area.name) for area, shape
                                      in zip(boundaries.areas, shapes, strict=True)], [],
                             6.0, bold=False)
            elif not many:
                _place_labels(canvas, shapes, [a.name for a in boundaries.areas],
                              [None if r.value is None
                               else format_number(r.value, texts.lang, digits) for r in rows],
                              fills)
            else:
                _place_labels(canvas, shapes, [a.name for a in boundaries.areas],
                              [None] * len(rows), fills, sizes=(5.0,), fallback=False)
        _north_and_scale(canvas, texts)
        _legend_title(canvas, texts.legend_title)
        counts = {b.label: sum(1 for r in rows if r.status == "ok" and r.band == b.label)
                  for b in ordered}
        for index in range(len(ordered) - 1, -1, -1):
            band = ordered[index]
            upper = ordered[index + 1].lower if index + 1 < len(ordered) else scale[1]
            text = f"{band.label}  {_range_text(band.lower, upper, texts.lang)}"
            _legend_swatch(canvas, f"{text}  ({counts[band.label]})", band.color)
        statuses = {r.status for r in rows}
        if "not_enough" in statuses:
            _legend_swatch(canvas, f"{texts.not_enough}  "
                           f"({sum(1 for r in rows if r.status == 'not_enough')})",
                           NOT_ENOUGH_FILL, hatch=True)
        if "no_data" in statuses:
            _legend_swatch(canvas, f"{texts.no_data}  "
                           f"({sum(1 for r in rows if r.status == 'no_data')})", NO_DATA_FILL)
        _layer_legend(canvas, texts, points, symbols, symbol_scale)
        alt = _alt(texts, title, rows, digits)
        svg, png = _finish(canvas, name, title, alt)
    columns: tuple[str, ...] = (texts.area_column, texts.value_column, texts.band_column,
                                texts.n_column)
    if symbols is not None:
        columns += (texts.symbols or "n",)
    return MapResult(name=name, title=title, alt=alt, svg=svg, png=png,
                     rows=tuple(sorted(rows, key=lambda r: (r.name.casefold(), r.key))),
                     columns=columns)


def _choropleth_rows(boundaries: Boundaries, values: Sequence[AreaValue],
                     ordered: Sequence[MapBand], texts: MapTexts,
                     symbols: Mapping[str, float] | None) -> tuple[list[MapRow], list[str]]:
    """Each area's row of the data table (in file order) and its fill colour."""
    known = boundaries.by_key()
    unknown = sorted(v.key for v in values if v.key not in known)
    if unknown:
        raise ValueError(f"values for areas not in {boundaries.source}: {unknown[:5]}")
    by_key = {v.key: v for v in values}
    rows: list[MapRow] = []
    fills: list[str] = []
    for area in boundaries.areas:
        value = by_key.get(area.key)
        status: AreaStatus = "no_data" if value is None else (
            value.status if value.value is not None or value.status != "ok" else "not_enough")
        number = value.value if value is not None and status == "ok" else None
        band = _band_of(number, ordered) if number is not None else None
        fills.append(band.color if band else (NOT_ENOUGH_FILL if status == "not_enough"
                                              else NO_DATA_FILL))
        rows.append(MapRow(key=area.key, name=area.name, parent=area.parent, value=number,
                           band=band.label if band else _status_text(status, texts),
                           n=value.n if value is not None else None, status=status,
                           extra=(() if symbols is None
                                  else ((texts.symbols or "n", symbols.get(area.key)),))))
    return rows, fills


def choropleth_table(boundaries: Boundaries, values: Sequence[AreaValue],
                     bands: Sequence[MapBand], texts: MapTexts, *, title: str = "",
                     digits: int = 1, symbols: Mapping[str, float] | None = None
                     ) -> tuple[tuple[MapRow, ...], str]:
    """What :func:`choropleth` returns besides the drawing — the data table's rows (by name)
    and the alt text — without drawing (no matplotlib): a report can print them while the
    map is drawn elsewhere."""
    ordered = sorted(bands, key=lambda b: b.lower)
    rows, _fills = _choropleth_rows(boundaries, values, ordered, texts, symbols)
    title = title or texts.title or texts.legend_title
    return (tuple(sorted(rows, key=lambda r: (r.name.casefold(), r.key))),
            _alt(texts, title, rows, digits))


def bivariate_alt(texts: MapTexts, title: str, bivariate: Bivariate, readiness_label: str,
                  problem_label: str, count: int, digits: int = 1) -> str:
    """The alt text :func:`bivariate_map` gives its map, without drawing."""
    return _bivariate_alt(texts, title, bivariate, readiness_label, problem_label, count,
                          digits)


def _label_overlay(canvas: _Canvas, overlay: Boundaries, shapes: Sequence[Any]) -> None:
    _halo_labels(canvas, [(shape, area.name) for area, shape
                          in zip(overlay.areas, shapes, strict=True)], [], 6.5, bold=True)


def _draw_points(canvas: _Canvas, points: Sequence[LayerPoint]) -> None:
    if not points:
        return
    xy = canvas.projection.forward(_array([[p.lon, p.lat] for p in points]))
    canvas.axes.scatter(xy[:, 0], xy[:, 1], s=9, marker="o", facecolor=POINT_COLOR,
                        edgecolor="#ffffff", linewidths=0.4, zorder=5)


def _draw_symbols(canvas: _Canvas, boundaries: Boundaries, shapes: Sequence[Any],
                  symbols: Mapping[str, float] | None) -> float:
    """Circles with area ∝ count at each area's label point; returns points² per unit."""
    if not symbols:
        return 0.0
    largest = max(symbols.values(), default=0.0)
    if largest <= 0:
        return 0.0
    scale = 380.0 / largest  # the largest circle is 380 pt² (about 0.3 inch across)
    xs, ys, sizes = [], [], []
    for area, shape in zip(boundaries.areas, shapes, strict=True):
        count = symbols.get(area.key)
        if count:
            x, y = _label_point(shape)
            xs.append(x)
            ys.append(y)
            sizes.append(count * scale)
    order = sorted(range(len(sizes)), key=lambda i: -sizes[i])  # big circles below small
    canvas.axes.scatter([xs[i] for i in order], [ys[i] for i in order],
                        s=[sizes[i] for i in order], facecolor=SYMBOL_COLOR, alpha=0.6,
                        edgecolor="#ffffff", linewidths=0.6, zorder=3.5)
    return scale


def _layer_legend(canvas: _Canvas, texts: MapTexts, points: Sequence[LayerPoint],
                  symbols: Mapping[str, float] | None, scale: float) -> None:
    if points:
        _legend_gap(canvas)
        y = canvas.legend_y - _frac(canvas, 0.08)
        canvas.legend.scatter([0.07], [y], s=9, facecolor=POINT_COLOR, edgecolor="#ffffff",
                              linewidths=0.4)
        canvas.legend.text(0.19, y, texts.points, ha="left", va="center", fontsize=7.5)
        canvas.legend_y -= _frac(canvas, 0.22)
    if symbols and scale > 0:
        _legend_gap(canvas)
        _legend_title(canvas, texts.symbols)
        largest = max(symbols.values())
        for value in _symbol_steps(largest):
            radius_in = math.sqrt(value * scale / math.pi) / 72
            y = canvas.legend_y - _frac(canvas, max(radius_in, 0.05))
            canvas.legend.scatter([0.07], [y], s=value * scale, facecolor=SYMBOL_COLOR,
                                  alpha=0.6, edgecolor="#ffffff", linewidths=0.6)
            canvas.legend.text(0.19, y, format_number(value, texts.lang, 0), ha="left",
                               va="center", fontsize=7.5)
            canvas.legend_y -= _frac(canvas, 2 * max(radius_in, 0.05) + 0.06)


def _symbol_steps(largest: float) -> list[float]:
    """Two or three round reference values up to ``largest`` for the symbol legend."""
    top = nice_scale_length(largest * 4)
    if top > largest:
        top = largest if largest < 1 else math.floor(largest)
    steps = [top, top / 2, top / 5] if top >= 5 else [top]
    return [s for s in dict.fromkeys(round(v) for v in steps) if s > 0]


def bivariate_map(name: str, boundaries: Boundaries, bivariate: Bivariate, texts: MapTexts,
                  *, readiness_label: str, problem_label: str, title: str = "",
                  digits: int = 1, overlay: Boundaries | None = None) -> MapResult:
    """The 3×3 bivariate map of readiness against a problem (:data:`BIVARIATE_COLORS`).

    ``bivariate`` comes from :func:`.layers.bivariate`. Areas missing either value are white
    ("no data"). The returned rows carry both values and the priority class.
    """
    known = boundaries.by_key()
    by_key = {row.key: row for row in bivariate.rows if row.key in known}
    title = title or texts.title or f"{readiness_label} × {problem_label}"
    name = _safe_name(name)
    fills: list[str] = []
    rows: list[MapRow] = []
    for area in boundaries.areas:
        row = by_key.get(area.key)
        cls = (None if row is None or row.readiness_class is None
               or row.problem_class is None else (row.readiness_class, row.problem_class))
        fills.append(NO_DATA_FILL if cls is None
                     else BIVARIATE_COLORS[3 * (cls[0] - 1) + cls[1] - 1])
        rows.append(MapRow(
            key=area.key, name=area.name, parent=area.parent,
            value=None if row is None else row.readiness,
            band=texts.no_data if cls is None else f"{cls[0]}-{cls[1]}", n=None,
            status="no_data" if cls is None else "ok",
            extra=((problem_label, None if row is None else row.problem),
                   ("priority", None if row is None or row.priority is None
                    else float(row.priority)))))
    with _style():
        canvas = _canvas(boundaries, texts, legend_width=2.05)
        shapes = _simplified(boundaries, canvas.projection, 0.012 * canvas.km_per_inch)
        many = len(boundaries.areas) > 60
        _fill(canvas, shapes, fills, [False] * len(fills), 0.25 if many else 0.45)
        overlay_shapes: list[Any] = []
        if overlay is not None:
            overlay_shapes = _simplified(overlay, canvas.projection,
                                         0.012 * canvas.km_per_inch)
            _outline(canvas, overlay_shapes, 0.9, OVERLAY_EDGE, 2.5)
        _region_outline(canvas, shapes)
        if many and overlay is not None:
            _label_overlay(canvas, overlay, overlay_shapes)
        elif not many:
            _place_labels(canvas, shapes, [a.name for a in boundaries.areas],
                          [None] * len(fills), fills)
        _north_and_scale(canvas, texts)
        _legend_title(canvas, texts.legend_title)
        _bivariate_key(canvas, f"{readiness_label} {texts.low}",
                       f"{problem_label} {texts.high}")
        if any(r.status == "no_data" for r in rows):
            _legend_gap(canvas, 0.1)
            _legend_swatch(canvas, f"{texts.no_data}  "
                           f"({sum(1 for r in rows if r.status == 'no_data')})", NO_DATA_FILL)
        alt = _bivariate_alt(texts, title, bivariate, readiness_label, problem_label,
                             len(boundaries.areas), digits)
        svg, png = _finish(canvas, name, title, alt)
    columns = (texts.area_column, readiness_label, texts.band_column, texts.n_column,
               problem_label, "priority")
    return MapResult(name=name, title=title, alt=alt, svg=svg, png=png,
                     rows=tuple(sorted(rows, key=lambda r: (r.name.casefold(), r.key))),
                     columns=columns)


def _bivariate_key(canvas: _Canvas, readiness_label: str, problem_label: str) -> None:
    """The 3×3 legend: the problem grows to the right, readiness falls upward, so the
    top-right cell (dark blue) is "readiness low and problem high"."""
    from matplotlib.patches import FancyArrow, Rectangle

    legend = canvas.legend
    cell_w = 0.16
    cell_h = _frac(canvas, 0.26)
    left = 0.2
    top = canvas.legend_y - _frac(canvas, 0.05)
    for readiness in (1, 2, 3):
        for problem in (1, 2, 3):
            x = left + (problem - 1) * cell_w
            y = top - (4 - readiness) * cell_h
            legend.add_patch(Rectangle((x, y), cell_w, cell_h,
                                       facecolor=BIVARIATE_COLORS[3 * (readiness - 1)
                                                                  + problem - 1],
                                       edgecolor="#ffffff", linewidth=0.8))
    bottom = top - 3 * cell_h
    legend.add_patch(FancyArrow(left, bottom - _frac(canvas, 0.07), 3 * cell_w, 0,
                                width=0.002, head_width=_frac(canvas, 0.06),
                                head_length=0.03, length_includes_head=True, color=INK))
    legend.text(left, bottom - _frac(canvas, 0.12), f"{problem_label} →", ha="left",
                va="top", fontsize=7, color=INK)
    legend.add_patch(FancyArrow(left - 0.04, bottom, 0, 3 * cell_h, width=0.002,
                                head_width=0.025, head_length=_frac(canvas, 0.06),
                                length_includes_head=True, color=INK))
    legend.text(left - 0.07, bottom + 1.5 * cell_h, f"{readiness_label} →", rotation=90,
                ha="right", va="center", fontsize=7, color=INK)
    canvas.legend_y = bottom - _frac(canvas, 0.4)


def _bivariate_alt(texts: MapTexts, title: str, bivariate: Bivariate, readiness_label: str,
                   problem_label: str, count: int, digits: int) -> str:
    top = [r for r in bivariate.rows if r.priority is not None and r.priority >= 6]
    names = ", ".join(r.name for r in top) or ("tidak ada" if texts.lang == "id" else "none")
    if texts.lang == "id":
        head = (f"{title}. Peta bivariat {count} wilayah: {readiness_label} (tiga kelas) "
                f"dan {problem_label} (tiga kelas). Wilayah dengan {readiness_label} "
                f"{texts.low} dan {problem_label} {texts.high}: {names}.")
    else:
        head = (f"{title}. Bivariate map of {count} areas: {readiness_label} (three "
                f"classes) and {problem_label} (three classes). Areas where "
                f"{readiness_label} is {texts.low} and {problem_label} {texts.high}: {names}.")
    return f"{head} {texts.table_note}"
