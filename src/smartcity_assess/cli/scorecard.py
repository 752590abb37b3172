"""The terminal scorecard: Rich renderables built from an Assessment (the CLI prints them)."""

from __future__ import annotations

from rich import box
from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..numbers import format_number, format_percent
from ..scoring.results import Assessment, GroupResult, RegionResult

BAR_WIDTH = 20
DETAIL_LIMIT = 5
"""Up to this many region-years get a detailed table each; more get one compact table."""

_WORDS = {
    "id": {"pillar": "Pilar", "score": "Skor", "band": "Kategori", "coverage": "Cakupan",
           "indicators": "Indikator", "index": "Indeks", "region": "Wilayah", "year": "Tahun",
           "not": "tidak dinilai", "respondents": "responden", "dimension": "dimensi"},
    "en": {"pillar": "Pillar", "score": "Score", "band": "Band", "coverage": "Coverage",
           "indicators": "Indicators", "index": "Index", "region": "Region", "year": "Year",
           "not": "not assessed", "respondents": "respondents", "dimension": "dimension"},
}


def scorecard(assessment: Assessment, lang: str = "id", width: int = 80) -> RenderableType:
    """Detailed tables for a few region-years, a compact ranking-style table for many."""
    if len(assessment.results) <= DETAIL_LIMIT:
        return RichGroup(*(region_table(assessment, r, lang) for r in assessment.results))
    return compact_table(assessment, lang, width)


def _bar(score: float | None, scale: tuple[float, float], color: str | None) -> Text:
    if score is None:
        return Text("")
    share = (score - scale[0]) / (scale[1] - scale[0])
    filled = round(max(0.0, min(1.0, share)) * BAR_WIDTH)
    return Text("█" * filled, style=color or "cyan") + Text("░" * (BAR_WIDTH - filled),
                                                             style="grey50")


def region_table(assessment: Assessment, result: RegionResult, lang: str) -> Table:
    """One region-year: index and band in the title, a row per pillar and dimension."""
    words = _WORDS.get(lang, _WORDS["en"])
    iset = assessment.indicator_set
    band = result.band.label.get(lang) if result.band else words["not"]
    when = f" {result.year}" if result.year is not None else ""
    title = Text.assemble(
        (f"{result.region}{when}", "bold"),
        f" · {words['index']} ",
        (format_number(result.score, lang, 1, words["not"]), "bold"),
        f" · {band} · {words['coverage']} {format_percent(result.coverage, lang)}"
        f" · {result.respondents} {words['respondents']}",
    )
    table = Table(title=title, title_justify="left", expand=False, pad_edge=False)
    table.add_column(words["pillar"], no_wrap=True)
    table.add_column(words["score"], justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(words["band"])
    table.add_column(words["coverage"], justify="right")
    table.add_column(words["indicators"], justify="right")
    titles = {g.id: g.title.get(lang) for g in iset.groups()}
    for pillar in result.pillars:
        _add_group_row(table, pillar, titles, assessment, lang, depth=0)
    return table


def _add_group_row(table: Table, node: GroupResult, titles: dict[str, str],
                   assessment: Assessment, lang: str, depth: int) -> None:
    words = _WORDS.get(lang, _WORDS["en"])
    iset = assessment.indicator_set
    band = iset.band_for(node.score)
    indicators = list(node.indicators())
    assessed = sum(1 for i in indicators if i.assessed)
    name = ("  " * depth) + titles.get(node.id, node.id)
    table.add_row(
        Text(name, style="bold" if depth == 0 else ""),
        format_number(node.score, lang, 1, words["not"]),
        _bar(node.score, iset.scale, band.color if band else None),
        band.label.get(lang) if band else "",
        format_percent(node.coverage, lang),
        f"{assessed}/{len(indicators)}",
    )
    for child in node.children:
        if isinstance(child, GroupResult):
            _add_group_row(table, child, titles, assessment, lang, depth + 1)


def compact_table(assessment: Assessment, lang: str, width: int = 80) -> Table:
    """Many region-years: one row each, sorted as in the data, pillar scores as columns."""
    words = _WORDS.get(lang, _WORDS["en"])
    iset = assessment.indicator_set
    table = Table(title=Text(iset.title.get(lang), style="bold"), title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    # One line per region-year: long names are cut, numbers never are.
    table.add_column(words["region"], no_wrap=True, overflow="ellipsis",
                     width=max(17, width - 47 - 11 * len(iset.pillars)))
    table.add_column(words["year"], justify="right", no_wrap=True, width=5)
    table.add_column(words["index"], justify="right", no_wrap=True, width=6)
    table.add_column(words["band"], no_wrap=True, overflow="ellipsis", width=10)
    table.add_column(words["coverage"][:5], justify="right", no_wrap=True, width=5)
    for pillar in iset.pillars:
        table.add_column(pillar.id, justify="right", no_wrap=True, overflow="ellipsis",
                         width=7)
    for result in assessment.results:
        table.add_row(
            result.region,
            "" if result.year is None else str(result.year),
            format_number(result.score, lang, 2, words["not"]),
            result.band.label.get(lang) if result.band else "",
            format_percent(result.coverage, lang),
            *(format_number(p.score, lang, 1, "–") for p in result.pillars),
        )
    return table
