"""The terminal scorecard: Rich renderables built from an Assessment (the CLI prints them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..numbers import format_number, format_percent
from ..render.scores_md import sensitivity_cells
from ..scoring.results import Assessment, GroupResult, Interval, RegionResult

if TYPE_CHECKING:
    from ..scoring.sensitivity import RegionSensitivity, SensitivityResult

BAR_WIDTH = 20
DETAIL_LIMIT = 5
"""Up to this many region-years get a detailed table each; more get one compact table."""

_WORDS = {
    "id": {"pillar": "Pilar", "score": "Skor", "band": "Kategori", "coverage": "Cakupan",
           "indicators": "Indikator", "index": "Indeks", "region": "Wilayah", "year": "Tahun",
           "not": "tidak dinilai", "respondents": "responden", "dimension": "dimensi",
           "ci": "± = setengah lebar interval kepercayaan bootstrap {level} ({draws} ulangan, "
                 "{level_of})", "respondents_level": "responden diambil ulang",
           "answers_level": "jawaban diambil ulang per indikator",
           "sens_title": "Analisis sensitivitas", "interval": "Interval {p}",
           "likely": "Kategori paling mungkin", "rank": "Peringkat {p}",
           "moves": "Paling berpengaruh", "weights": "bobot", "aggregation": "agregasi",
           "imputation": "imputasi", "nothing": "tidak ada", "choice": "Pilihan",
           "share": "Bagian varians", "alone": "Indeks bila hanya ini berubah",
           "sens_caption": "{scenarios} skenario: {draws} set bobot acak (±{range}) × agregasi "
                           "({aggs}) × imputasi ({imps}); seed {seed}. Angka dalam kurung: "
                           "bagian varians indeks yang dijelaskan pilihan itu sendiri."},
    "en": {"pillar": "Pillar", "score": "Score", "band": "Band", "coverage": "Coverage",
           "indicators": "Indicators", "index": "Index", "region": "Region", "year": "Year",
           "not": "not assessed", "respondents": "respondents", "dimension": "dimension",
           "ci": "± = half the width of the {level} bootstrap interval ({draws} draws, "
                 "{level_of})", "respondents_level": "respondents resampled",
           "answers_level": "answers resampled per indicator",
           "sens_title": "Sensitivity analysis", "interval": "Interval {p}",
           "likely": "Most likely band", "rank": "Rank {p}",
           "moves": "Moves it most", "weights": "weights", "aggregation": "aggregation",
           "imputation": "imputation", "nothing": "nothing", "choice": "Choice",
           "share": "Share of variance", "alone": "Index when only this varies",
           "sens_caption": "{scenarios} scenarios: {draws} random weight sets (±{range}) × "
                           "aggregation ({aggs}) × imputation ({imps}); seed {seed}. In "
                           "brackets: the share of the index's variance that choice explains "
                           "on its own."},
}


def _margin(interval: Interval | None, lang: str) -> str:
    return "" if interval is None else "± " + format_number(interval.margin, lang, 1)


def _bootstrap_caption(assessment: Assessment, lang: str) -> str | None:
    info = assessment.bootstrap
    if info is None:
        return None
    words = _WORDS.get(lang, _WORDS["en"])
    return words["ci"].format(level=format_percent(info.confidence, lang),
                              draws=info.draws, level_of=words[f"{info.level}_level"])


def scorecard(assessment: Assessment, lang: str = "id", width: int = 80) -> RenderableType:
    """Detailed tables for a few region-years, a compact ranking-style table for many."""
    if len(assessment.results) <= DETAIL_LIMIT:
        return RichGroup(*(region_table(assessment, r, lang, width)
                           for r in assessment.results))
    return compact_table(assessment, lang, width)


def _bar(score: float | None, scale: tuple[float, float], color: str | None,
         size: int = BAR_WIDTH) -> Text:
    if score is None:
        return Text("")
    share = (score - scale[0]) / (scale[1] - scale[0])
    filled = round(max(0.0, min(1.0, share)) * size)
    return Text("█" * filled, style=color or "cyan") + Text("░" * (size - filled),
                                                             style="grey50")


def region_table(assessment: Assessment, result: RegionResult, lang: str,
                 width: int = 80) -> Table:
    """One region-year: index and band in the title, a row per pillar and dimension."""
    words = _WORDS.get(lang, _WORDS["en"])
    iset = assessment.indicator_set
    band = result.band.label.get(lang) if result.band else words["not"]
    when = f" {result.year}" if result.year is not None else ""
    margin = _margin(result.interval, lang)
    title = Text.assemble(
        (f"{result.region}{when}", "bold"),
        f" · {words['index']} ",
        (format_number(result.score, lang, 1, words["not"]), "bold"),
        f" {margin}" if margin and result.score is not None else "",
        f" · {band} · {words['coverage']} {format_percent(result.coverage, lang)}"
        f" · {result.respondents} {words['respondents']}",
    )
    table = Table(title=title, title_justify="left", expand=False, pad_edge=False,
                  box=box.SIMPLE_HEAD, caption=_bootstrap_caption(assessment, lang),
                  caption_justify="left")
    bar = BAR_WIDTH if width >= 100 else 12
    margin_width = 6 if assessment.bootstrap is not None else 0
    # Numbers are never cut; long names are, so that a row fits one line.
    table.add_column(words["pillar"], no_wrap=True, overflow="ellipsis",
                     width=max(16, width - bar - 45 - margin_width))
    table.add_column(words["score"], justify="right", no_wrap=True, width=5)
    if assessment.bootstrap is not None:
        table.add_column("±", justify="right", no_wrap=True, width=margin_width - 2)
    table.add_column("", no_wrap=True, width=bar)
    table.add_column(words["band"], no_wrap=True, overflow="ellipsis", width=11)
    table.add_column(words["coverage"][:5], justify="right", no_wrap=True, width=5)
    table.add_column(words["indicators"][:5], justify="right", no_wrap=True, width=5)
    titles = {g.id: g.title.get(lang) for g in iset.groups()}
    for pillar in result.pillars:
        _add_group_row(table, pillar, titles, assessment, lang, 0, bar)
    return table


def _add_group_row(table: Table, node: GroupResult, titles: dict[str, str],
                   assessment: Assessment, lang: str, depth: int, bar: int) -> None:
    words = _WORDS.get(lang, _WORDS["en"])
    iset = assessment.indicator_set
    band = iset.band_for(node.score)
    indicators = list(node.indicators())
    assessed = sum(1 for i in indicators if i.assessed)
    name = ("  " * depth) + titles.get(node.id, node.id)
    table.add_row(
        Text(name, style="bold" if depth == 0 else ""),
        format_number(node.score, lang, 1, words["not"]),
        *([_margin(node.interval, lang).removeprefix("± ")]
          if assessment.bootstrap is not None else []),
        _bar(node.score, iset.scale, band.color if band else None, bar),
        band.label.get(lang) if band else "",
        format_percent(node.coverage, lang),
        f"{assessed}/{len(indicators)}",
    )
    for child in node.children:
        if isinstance(child, GroupResult):
            _add_group_row(table, child, titles, assessment, lang, depth + 1, bar)


def compact_table(assessment: Assessment, lang: str, width: int = 80) -> Table:
    """Many region-years: one row each, sorted as in the data, pillar scores as columns."""
    words = _WORDS.get(lang, _WORDS["en"])
    iset = assessment.indicator_set
    intervals = assessment.bootstrap is not None
    table = Table(title=Text(iset.title.get(lang), style="bold"), title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False,
                  caption=_bootstrap_caption(assessment, lang), caption_justify="left")
    # One line per region-year: long names are cut, numbers never are.
    table.add_column(words["region"], no_wrap=True, overflow="ellipsis",
                     width=max(17, width - 47 - (8 if intervals else 0)
                               - 11 * len(iset.pillars)))
    table.add_column(words["year"], justify="right", no_wrap=True, width=5)
    table.add_column(words["index"], justify="right", no_wrap=True, width=6)
    if intervals:
        table.add_column("±", justify="right", no_wrap=True, width=5)
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
            *([_margin(result.interval, lang).removeprefix("± ")] if intervals else []),
            result.band.label.get(lang) if result.band else "",
            format_percent(result.coverage, lang),
            *(format_number(p.score, lang, 1, "–") for p in result.pillars),
        )
    return table


def sensitivity_table(assessment: Assessment, result: SensitivityResult, lang: str = "id"
                      ) -> RenderableType:
    """``score --sensitivity``: per region-year the index interval, the most likely band,
    the rank interval and the judgement call that moves the index most."""
    words = _WORDS.get(lang, _WORDS["en"])
    low, high = result.interval
    span = f"{format_number(low * 100, lang, 0)}–{format_number(high * 100, lang, 0)}%"
    caption = words["sens_caption"].format(
        scenarios=result.scenarios, draws=result.draws,
        range=format_percent(result.weight_range, lang),
        aggs=" / ".join(result.aggregations), imps=" / ".join(result.imputations),
        seed=result.seed)
    table = Table(title=Text(words["sens_title"], style="bold"), title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, caption=caption, caption_justify="left")
    table.add_column(words["region"], overflow="ellipsis", no_wrap=True, min_width=12,
                     max_width=28)
    table.add_column(words["year"], justify="right", min_width=4)
    table.add_column(words["index"], justify="right", min_width=5)
    table.add_column(words["interval"].format(p=span), justify="right", min_width=9)
    table.add_column(words["likely"], min_width=10)
    ranked = any(r.rank is not None for r in result.regions)
    if ranked:
        table.add_column(words["rank"].format(p=span), justify="right", min_width=7)
    table.add_column(words["moves"], min_width=10)
    for reg in result.regions:
        table.add_row(reg.region, "" if reg.year is None else str(reg.year),
                      *sensitivity_cells(reg, lang, ranked))
    if len(result.regions) > DETAIL_LIMIT:
        return table
    return RichGroup(table, *(_effects_table(reg, lang) for reg in result.regions))


def _effects_table(reg: RegionSensitivity, lang: str) -> Table:
    """One region-year: each choice's share of the variance and the index when only it
    varies, then the probability of every band."""
    words = _WORDS.get(lang, _WORDS["en"])
    when = f" {reg.year}" if reg.year is not None else ""
    bands = " · ".join(
        f"{b.band.label.get(lang) if b.band else words['not']} "
        f"{format_percent(b.probability, lang)}" for b in reg.bands if b.probability > 0)
    table = Table(title=Text.assemble((f"{reg.region}{when}", "bold"), f" · {bands}"),
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(words["choice"])
    table.add_column(words["share"], justify="right")
    table.add_column(words["alone"], justify="right")
    for effect in reg.effects:
        span = ("–" if effect.low is None or effect.high is None else
                f"{format_number(effect.low, lang, 1)}–{format_number(effect.high, lang, 1)}")
        table.add_row(words[effect.factor], format_percent(effect.first_order, lang), span)
    return table
