"""matplotlib's SVG backend with text measured once per process.

Laying out text is the largest part of drawing a chart: matplotlib measures every label (its
width, height and descent in DejaVu Sans) and looks up the font's line metrics for every text
it draws, and its cache of those measurements lives only as long as one renderer, that is one
``savefig``. A report draws the same tick labels, legends and titles in every chart and every
region, so :class:`Canvas` draws with a renderer whose measurements are kept for the whole
process. The measurements are the ones matplotlib's own SVG renderer makes (it is asked the
first time), so the SVG is the same to the byte (``tests/report/test_charts.py`` checks it).

Imported only by the drawing code (it imports matplotlib).
"""

from __future__ import annotations

import codecs
from typing import Any

from matplotlib import cbook
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG
from matplotlib.font_manager import FontProperties, fontManager, get_font

LIMIT = 100_000
"""Measurements kept before the caches start afresh (a report uses a few thousand)."""

_METRICS: dict[tuple[Any, ...], tuple[float, float, float]] = {}
_HEIGHTS: dict[tuple[Any, ...], tuple[float | None, float | None, float | None]] = {}
SVG_DPI = 72
"""matplotlib draws SVG at 72 dpi whatever the figure's dpi (``FigureCanvasSVG.fixed_dpi``)."""


def _font_key(prop: FontProperties) -> tuple[Any, ...]:
    """Everything of ``prop`` that chooses the font and its size (what its hash covers)."""
    return (tuple(prop.get_family()), prop.get_slant(), prop.get_variant(), prop.get_weight(),
            prop.get_stretch(), prop.get_size_in_points(), prop.get_file(),
            prop.get_math_fontfamily())


class Renderer(RendererSVG):
    """The SVG renderer, its text measurements cached for the process."""

    def get_text_width_height_descent(self, s: str, prop: FontProperties, ismath: Any
                                      ) -> tuple[float, float, float]:
        key = (s, ismath, _font_key(prop))
        found = _METRICS.get(key)
        if found is None:
            if len(_METRICS) >= LIMIT:
                _METRICS.clear()
            svg: Any = super()  # matplotlib's SVG renderer has no type hints
            width, height, descent = svg.get_text_width_height_descent(s, prop, ismath)
            found = _METRICS[key] = (width, height, descent)
        return found

    def _get_font_height_metrics(self, prop: FontProperties
                                 ) -> tuple[float | None, float | None, float | None]:
        """Ascent, descent and line gap of the font (matplotlib ≥ 3.10 asks a renderer
        for them before it reads them from the font itself, for every text it lays out):
        the very numbers ``Text._get_layout`` reads from the font, at 72 dpi."""
        key = _font_key(prop)
        found = _HEIGHTS.get(key)
        if found is None:
            found = (None, None, None)
            font = get_font(fontManager._find_fonts_by_props(prop))
            lines: tuple[int, int, int] | None = None  # line gap, ascent, descent
            os2 = font.get_sfnt_table("OS/2")
            if os2 is not None:
                lines = (os2["sTypoLineGap"], os2["sTypoAscender"], os2["sTypoDescender"])
            else:
                hhea = font.get_sfnt_table("hhea")
                if hhea is not None:
                    lines = (hhea["lineGap"], hhea["ascent"], hhea["descent"])
            head = font.get_sfnt_table("head")
            if lines is not None and head is not None:
                fontsize = prop.get_size_in_points()
                units_per_em = head["unitsPerEm"]
                # The same expression as matplotlib's, so the same floating-point result.
                scale = 1 / units_per_em * fontsize * SVG_DPI / 72
                gap, ascent, descent = lines
                found = (ascent * scale, -descent * scale, gap * scale)
            if len(_HEIGHTS) >= LIMIT:
                _HEIGHTS.clear()
            _HEIGHTS[key] = found
        return found


class Canvas(FigureCanvasSVG):
    """``FigureCanvasSVG`` drawing with :class:`Renderer`."""

    def print_svg(self, filename: Any, *, bbox_inches_restore: Any = None,
                  metadata: dict[str, Any] | None = None, **_: Any) -> None:
        # FigureCanvasSVG.print_svg, with this module's renderer. (savefig also passes the
        # face and edge colours, dpi and orientation, which matplotlib drops before calling
        # its own print_svg: they are ignored here as there.)
        with cbook.open_file_cm(filename, "w", encoding="utf-8") as opened:
            fh: Any = opened  # (matplotlib's SVG renderer and mixed renderer have no hints)
            if not cbook.file_requires_unicode(fh):
                fh = codecs.getwriter("utf-8")(fh)
            dpi = self.figure.dpi
            self.figure.dpi = SVG_DPI
            width, height = self.figure.get_size_inches()
            w, h = width * SVG_DPI, height * SVG_DPI
            make: Any = Renderer
            mixed: Any = MixedModeRenderer
            renderer = mixed(self.figure, width, height, dpi,
                             make(w, h, fh, image_dpi=dpi, metadata=metadata),
                             bbox_inches_restore=bbox_inches_restore)
            self.figure.draw(renderer)
            renderer.finalize()
