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
from ..numbers import format_number, format_percent
from ..scoring.results import Assessment
from ..scoring.views import indicators_by_group, region_view, view_keys

BAR = 12

_GROUP = {
    "id": {"kominfo": "Dimensi Kominfo", "imdi": "Pilar IMDI", "spbe": "Indikator SPBE",
           "iso37122": "ISO 37122", "u4ssc": "KPI U4SSC"},
    "en": {"kominfo": "Kominfo dimension", "imdi": "IMDI pillar", "spbe": "SPBE indicator",
           "iso37122": "ISO 37122", "u4ssc": "U4SSC KPI"},
}

_WORDS: dict[str, dict[str, str]] = {
    "id": {"score": "Skor", "band": "Kategori", "coverage": "Cakupan", "indicators": "Indik.",
           "index": "Indeks", "not": "tidak dinilai",
           "caption": "Skor kelompok = rata-rata skor indikatornya, berbobot bobot efektif "
                      "indikator dalam indeks; cakupan = bagian bobot yang dinilai."},
    "en": {"score": "Score", "band": "Band", "coverage": "Coverage", "indicators": "Ind.",
           "index": "Index", "not": "not assessed",
           "caption": "Group score = mean of its indicator scores weighted by each "
                      "indicator's effective weight in the index; coverage = share of that "
                      "weight assessed."},
}


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
    """One table per region-year: a row per group of the view (bars from 100 columns)."""
    bars = width >= 100
    words = _WORDS.get(lang, _WORDS["en"])
    iset = assessment.indicator_set
    tables = []
    groups = indicators_by_group(iset, key)
    for result in assessment.results:
        view = region_view(iset, result, key, groups)
        when = f" {result.year}" if result.year is not None else ""
        band = result.band.label.get(lang) if result.band else words["not"]
        title = Text.assemble((f"{result.region}{when}", "bold"), f" · {words['index']} ",
                              (format_number(result.score, lang, 1, words["not"]), "bold"),
                              f" · {band}")
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                      caption=words["caption"], caption_justify="left")
        # Numbers are never cut; a long group name is.
        table.add_column(_GROUP.get(lang, _GROUP["en"])[key], no_wrap=True, overflow="ellipsis")
        table.add_column(words["score"], justify="right", no_wrap=True, min_width=5)
        if bars:
            table.add_column("", no_wrap=True, width=BAR)
        table.add_column(words["band"], no_wrap=True, min_width=11)
        table.add_column(words["coverage"], justify="right", no_wrap=True, min_width=7)
        table.add_column(words["indicators"], justify="right", no_wrap=True, min_width=6)
        for group in view.groups:
            color = group.band.color if group.band else None
            cells: list[RenderableType] = [
                Text(group.title.get(lang)), format_number(group.score, lang, 1, "–")]
            if bars:
                cells.append(_bar(group.score, iset.scale, color))
            cells += [Text(group.band.label.get(lang) if group.band else words["not"]),
                      format_percent(group.coverage, lang), str(len(group.indicators))]
            table.add_row(*cells)
        tables.append(table)
    return RichGroup(*tables)
