"""What every chart shares: the style, the figure and its margins, and the finished SVG.

Charts are deterministic SVG, drawn with matplotlib's ``Figure`` API (never pyplot). Every
drawing function of the chart modules (:mod:`.scores`, :mod:`.plan`, :mod:`.certainty`,
:mod:`.trends`, :mod:`.overview`) returns a :class:`Chart` made by :func:`finish`: the SVG
text with a ``<title>`` and ``<desc>``, ids prefixed with the chart's name so that several
charts can be inlined in one HTML page, and no date or other run-dependent metadata (same
input → same bytes).

Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies); band
colours come from the indicator set. Text stays text (``svg.fonttype: none``): laid out with
the metrics of DejaVu Sans, which ships with matplotlib, so the bytes do not depend on the
machine; viewers without DejaVu fall back to Verdana (the same metrics) or their sans-serif.
Text as paths would be 2–3 times slower to draw and make the files six times larger.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import pickle
import re
import textwrap
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

from ...numbers import format_number
from ...render.escape import printable

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

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

_RC: dict[RcKeyType, Any] = {
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
def style() -> Iterator[None]:
    """The charts' look; numeric warnings of the drawing (an overflow while laying out the
    axes) stay out of the terminal: the numbers drawn were checked where they were read."""
    import matplotlib

    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


def new_figure(height: float) -> Figure:
    """A figure ``height`` inches high, drawn to SVG by :class:`.svg.Canvas` (the text
    measured once per process)."""
    from matplotlib.figure import Figure

    from .svg import Canvas

    figure = Figure(figsize=(WIDTH_IN, height))
    Canvas(figure)
    return figure


@dataclass
class _Kept:
    """A figure kept for reuse, and what it held when its fixed parts were drawn."""

    figure: Any
    axes: list[Any]
    children: list[int]
    containers: list[int]
    limits: list[Any]
    ignore_limits: list[bool]
    axes_legends: list[Any]
    legends: int
    texts: int


KEPT_FIGURES = 24
"""Figures a process keeps for reuse (one per chart kind and layout in use)."""
_FIGURES: OrderedDict[bytes, _Kept] = OrderedDict()


@contextmanager
def reused_figure(key: object, frame: Callable[[], Figure]) -> Iterator[Figure]:
    """The figure ``frame()`` draws, drawn once per process for an equal ``key`` and reused.

    Setting up a figure — its axes, ticks, labels, grid, band zones and legend — takes about
    as long as drawing it to SVG, and in a report of many regions the charts of one kind
    differ only in their data. So ``frame`` draws what depends on ``key`` alone (everything
    it reads must be in ``key``), the caller adds the data inside the ``with`` block and
    draws the SVG, and afterwards the figure is put back as ``frame`` left it: the artists
    added to its axes and its figure-level legends and texts are removed, and the axes'
    data limits restored. So what the caller may do in the block is add artists and set
    what it sets every time (limits, ticks it always sets); the SVG is then the same to the
    byte as that of a figure drawn afresh (``tests/report/test_chart_drawing.py``).

    Call it inside :func:`style`. A figure whose drawing failed is not kept.
    """
    digest = hashlib.sha256(pickle.dumps(key, protocol=pickle.HIGHEST_PROTOCOL)).digest()
    kept = _FIGURES.pop(digest, None)  # out of the cache while in use
    if kept is None:
        figure: Any = frame()
        axes = list(figure.axes)
        kept = _Kept(figure, axes, [len(a._children) for a in axes],
                     [len(a.containers) for a in axes], [a.dataLim.frozen() for a in axes],
                     [a.ignore_existing_data_limits for a in axes],
                     [a.legend_ for a in axes], len(figure.legends), len(figure.texts))
    yield kept.figure
    _restore(kept)
    _FIGURES[digest] = kept
    while len(_FIGURES) > KEPT_FIGURES:
        _FIGURES.popitem(last=False)


def _restore(kept: _Kept) -> None:
    """Put ``kept``'s figure back as its frame left it (see :func:`reused_figure`)."""
    # (matplotlib keeps an axes' artists in the order they were added in ``_children``.)
    for axes, children, containers, limits, ignore, legend in zip(
            kept.axes, kept.children, kept.containers, kept.limits, kept.ignore_limits,
            kept.axes_legends, strict=True):
        for artist in axes._children[children:]:
            artist.remove()
        del axes.containers[containers:]
        if axes.legend_ is not legend:  # one made by axes.legend() after the frame
            axes.legend_.remove()
        axes.dataLim.set(limits)
        axes.ignore_existing_data_limits = ignore
    for legend in kept.figure.legends[kept.legends:]:
        legend.remove()
    for text in kept.figure.texts[kept.texts:]:
        text.remove()


def text_width(lines: Sequence[str], size: float) -> float:
    """Width in inches of the widest of ``lines`` set in DejaVu Sans at ``size`` points."""
    widest = 0.0
    for text in lines:
        for line in text.split("\n"):
            if line:
                widest = max(widest, _line_width(line, size))
    return widest / 72.0


@functools.lru_cache(maxsize=4096)
def _line_width(line: str, size: float) -> float:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family="DejaVu Sans", size=size)
    width: float = text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0]
    return width


def place(figure: Figure, left: float, right: float, top: float, bottom: float) -> None:
    """Fix the axes margins in inches (a fixed layout: no layout engine, one draw only)."""
    width, height = figure.get_size_inches()
    figure.subplots_adjust(left=left / width, right=1 - right / width,
                           top=1 - top / height, bottom=bottom / height)


def formatter(lang: str, digits: int = 0) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: format_number(value, lang, digits))


def wrap(text: str, width: int, lines: int = 2) -> str:
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


def finish(figure: Figure, name: str, title: str, description: str) -> Chart:
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


REACH = 2.0
"""How far (in widths of the scale) a chart's score axis reaches past the scale at most."""


def reach(scale: tuple[float, float], values: Iterable[float | None]
          ) -> tuple[float, float]:
    """The scale, widened to show every value beyond it (a set with ``clip: false`` scores
    beyond its scale): out to the next tenth of the scale past the farthest value, and at
    most ``REACH`` scale widths past either end (a value farther out leaves the chart)."""
    low, high = scale
    found = [v for v in values if v is not None and math.isfinite(v)]
    if not found:
        return low, high
    step = (high - low) / 10
    width = high - low
    smallest = max(min(found), low - REACH * width)
    largest = min(max(found), high + REACH * width)
    if smallest < low:
        low = low - math.ceil((low - smallest) / step + 0.25) * step
    if largest > high:
        high = high + math.ceil((largest - high) / step + 0.25) * step
    return low, high


@dataclass(frozen=True)
class BandZone:
    """A band drawn as a background zone: lower bound, label and colour."""

    lower: float
    label: str
    color: str
