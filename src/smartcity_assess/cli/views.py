"""``score --view KEY``: a region's scores regrouped by a crosswalk (e.g. Kominfo's six
dimensions), as Rich tables."""

from __future__ import annotations

from rich import box
from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..errors import UsageError
from ..indicators.model import IndicatorSet
from ..indicators.vocabulary import CROSSWALK_KEYS, unknown_value
from ..messages import text
from ..numbers import format_number, format_percent
from ..scoring.results import Assessment
from ..scoring.views import indicators_by_group, region_view, view_keys

BAR = 12

VIEW_KEYS = {"kominfo": "view_kominfo", "imdi": "view_imdi", "spbe": "view_spbe",
             "iso37122": "view_iso37122", "u4ssc": "view_u4ssc"}
"""Crosswalk → catalogue key of the heading of its group column."""


def check_view(indicator_set: IndicatorSet, key: str) -> str:
    """The view key, or a usage error that names the valid keys and the set's own."""
    if key not in CROSSWALK_KEYS:
        text, expected = unknown_value("view", key, CROSSWALK_KEYS)
        raise UsageError(f"{text}; expected {expected}")
    if key not in view_keys(indicator_set):
        used = ", ".join(view_keys(indicator_set)) or "none"
        raise UsageError(f"the indicator set {indicator_set.id} {indicator_set.version} maps no "
                         f"indicator to {key!r} (its crosswalks: {used})")
    return key


def _bar(score: float | None, scale: tuple[float, float], color: str | None) -> Text:
    if score is None:
        return Text("")
    filled = round(max(0.0, min(1.0, (score - scale[0]) / (scale[1] - scale[0]))) * BAR)
    return Text("█" * filled, style=color or "cyan") + Text("░" * (BAR - filled),
                                                             style="grey50")


def view_tables(assessment: Assessment, key: str, lang: str = "id",
                width: int = 80) -> RenderableType:
    """One table per region-year: a row per group of the view (bars from 100 columns).
    Group names wrap onto a second line in a narrow terminal; they are never cut."""
    bars = width >= 100
    iset = assessment.indicator_set
    not_assessed = text("not_assessed", lang)
    tables = []
    groups = indicators_by_group(iset, key)
    for result in assessment.results:
        view = region_view(iset, result, key, groups)
        when = f" {result.year}" if result.year is not None else ""
        band = result.band.label.get(lang) if result.band else not_assessed
        title = Text.assemble((f"{result.region}{when}", "bold"),
                              f" · {text('index_short', lang)} ",
                              (format_number(result.score, lang, 1, not_assessed), "bold"),
                              f" · {band}")
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                      caption=text("view_caption", lang), caption_justify="left")
        table.add_column(text(VIEW_KEYS[key], lang) if key in VIEW_KEYS
                         else key, ratio=1, overflow="fold")
        table.add_column(text("col_score", lang), justify="right", no_wrap=True, min_width=5)
        if bars:
            table.add_column("", no_wrap=True, width=BAR)
        table.add_column(text("col_band", lang), overflow="fold", max_width=14)
        table.add_column(text("col_coverage", lang), justify="right", no_wrap=True)
        table.add_column(text("term_col_indicators", lang), justify="right", no_wrap=True)
        for group in view.groups:
            color = group.band.color if group.band else None
            cells: list[RenderableType] = [
                Text(group.title.get(lang)), format_number(group.score, lang, 1, "–")]
            if bars:
                cells.append(_bar(group.score, iset.scale, color))
            cells += [Text(group.band.label.get(lang) if group.band else not_assessed),
                      format_percent(group.coverage, lang), str(len(group.indicators))]
            table.add_row(*cells)
        tables.append(table)
    return RichGroup(*tables)
