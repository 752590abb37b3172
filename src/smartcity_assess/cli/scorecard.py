"""The terminal scorecard: Rich renderables built from an Assessment (the CLI prints them).

Every word comes from the message catalogue in the run's language. Tables fit the terminal
(80 columns and up) by wrapping names, never by cutting them; numbers never wrap. Under a
region-year whose scores are missing, a line says why ("6 indikator perlu 50 jawaban; ada 3").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..messages import text, tr
from ..messages.keys import BASIS_KEYS
from ..numbers import format_number, format_percent
from ..render.missing import reasons
from ..render.scores_md import FACTOR_KEYS, sensitivity_cells
from ..scoring.results import Assessment, GroupResult, Interval, RegionResult

if TYPE_CHECKING:
    from ..scoring.sensitivity import RegionSensitivity, SensitivityResult

BAR_WIDTH = 20
BAR_FROM = 100
"""Terminals this wide or wider show a score bar (narrower ones give its room to names)."""
DETAIL_LIMIT = 5
"""Up to this many region-years get a detailed table each; more get one compact table."""


def _margin(interval: Interval | None, lang: str) -> str:
    return "" if interval is None else "± " + format_number(interval.margin, lang, 1)


def _bootstrap_caption(assessment: Assessment, lang: str) -> str | None:
    info = assessment.bootstrap
    if info is None:
        return None
    return tr("term_bootstrap_note", lang, level=format_percent(info.confidence, lang),
              draws=info.draws, basis=text(BASIS_KEYS[info.level], lang))


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
    bar = Text("█" * filled, style=color or "cyan") + Text("░" * (size - filled),
                                                            style="grey50")
    if share < 0 or share > 1:  # beyond the scale (clip: false): an arrow at that end
        arrow = Text("◂" if share < 0 else "▸", style="bold")
        bar = arrow + bar[1:] if share < 0 else bar[:-1] + arrow
    return bar


def _why(result: RegionResult, assessment: Assessment, lang: str) -> Text | None:
    """Why some scores of a region-year are missing (None when none is)."""
    found = reasons(result, assessment.indicator_set, lang)
    if not found:
        return None
    return Text(text("term_why", lang) + " " + "; ".join(found) + ".", style="yellow")


def region_table(assessment: Assessment, result: RegionResult, lang: str,
                 width: int = 80) -> RenderableType:
    """One region-year: index and band in the title, a row per pillar and dimension, and
    why any score is missing."""
    iset = assessment.indicator_set
    not_assessed = text("not_assessed", lang)
    band = result.band.label.get(lang) if result.band else not_assessed
    when = f" {result.year}" if result.year is not None else ""
    margin = _margin(result.interval, lang)
    title = Text.assemble(
        (f"{result.region}{when}", "bold"),
        f" · {text('index_short', lang)} ",
        (format_number(result.score, lang, 1, not_assessed), "bold"),
        f" {margin}" if margin and result.score is not None else "",
        f" · {band} · {text('col_coverage', lang)} {format_percent(result.coverage, lang)}"
        f" · {tr('tile_respondents', lang, n=result.respondents)}",
    )
    table = Table(title=title, title_justify="left", expand=False, pad_edge=False,
                  box=box.SIMPLE_HEAD, caption=_bootstrap_caption(assessment, lang),
                  caption_justify="left")
    bar = BAR_WIDTH if width >= BAR_FROM else 0
    # Names and grades wrap at word boundaries when the terminal is narrow; numbers never do.
    table.add_column(text("col_pillar", lang), ratio=1, overflow="fold")
    table.add_column(text("col_score", lang), justify="right", no_wrap=True)
    if assessment.bootstrap is not None:
        table.add_column("±", justify="right", no_wrap=True)
    if bar:
        table.add_column("", no_wrap=True, width=bar)
    table.add_column(text("col_band", lang), overflow="fold", max_width=14)
    table.add_column(text("col_coverage", lang), justify="right", no_wrap=True)
    table.add_column(text("term_col_indicators", lang), justify="right", no_wrap=True)
    titles = {g.id: g.title.get(lang) for g in iset.groups()}
    for pillar in result.pillars:
        _add_group_row(table, pillar, titles, assessment, lang, 0, bar)
    why = _why(result, assessment, lang)
    return table if why is None else RichGroup(table, why, Text(""))


def _add_group_row(table: Table, node: GroupResult, titles: dict[str, str],
                   assessment: Assessment, lang: str, depth: int, bar: int) -> None:
    iset = assessment.indicator_set
    band = iset.band_for(node.score)
    indicators = list(node.indicators())
    assessed = sum(1 for i in indicators if i.assessed)
    # A dimension is indented under its pillar, also on the lines its name wraps onto.
    name = Padding(Text(titles.get(node.id, node.id), style="bold" if depth == 0 else ""),
                   (0, 0, 0, 2 * depth))
    table.add_row(
        name,
        format_number(node.score, lang, 1, "–"),
        *([_margin(node.interval, lang).removeprefix("± ")]
          if assessment.bootstrap is not None else []),
        *([_bar(node.score, iset.scale, band.color if band else None, bar)] if bar else []),
        band.label.get(lang) if band else text("not_assessed", lang),
        format_percent(node.coverage, lang),
        f"{assessed}/{len(indicators)}",
    )
    for child in node.children:
        if isinstance(child, GroupResult):
            _add_group_row(table, child, titles, assessment, lang, depth + 1, bar)


def compact_table(assessment: Assessment, lang: str, width: int = 80) -> RenderableType:
    """Many region-years: one row each, sorted as in the data, pillar scores as columns
    numbered P1, P2 … (their names in the legend below)."""
    iset = assessment.indicator_set
    intervals = assessment.bootstrap is not None
    legend = tr("term_pillar_legend", lang, items=" · ".join(
        f"P{n} {p.title.get(lang) or p.id}" for n, p in enumerate(iset.pillars, start=1)))
    caption = legend if not intervals else f"{legend}\n{_bootstrap_caption(assessment, lang)}"
    table = Table(title=Text(iset.title.get(lang), style="bold"), title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, caption=caption, caption_justify="left")
    table.add_column(text("col_region", lang), ratio=1, overflow="fold")
    table.add_column(text("col_year", lang), justify="right", no_wrap=True)
    table.add_column(text("index_short", lang), justify="right", no_wrap=True)
    if intervals:
        table.add_column("±", justify="right", no_wrap=True)
    table.add_column(text("col_band", lang), overflow="fold", max_width=12)
    table.add_column(text("col_coverage", lang), justify="right", no_wrap=True)
    for number, _ in enumerate(iset.pillars, start=1):
        table.add_column(f"P{number}", justify="right", no_wrap=True)
    for result in assessment.results:
        table.add_row(
            result.region,
            "" if result.year is None else str(result.year),
            format_number(result.score, lang, 2, "–"),
            *([_margin(result.interval, lang).removeprefix("± ")] if intervals else []),
            result.band.label.get(lang) if result.band else text("not_assessed", lang),
            format_percent(result.coverage, lang),
            *(format_number(p.score, lang, 1, "–") for p in result.pillars),
        )
    missing = [(r, why) for r in assessment.results if (why := reasons(r, iset, lang))]
    if not missing:
        return table
    first, why = missing[0]
    note = tr("term_missing_many", lang, n=len(missing), region=first.region
              + ("" if first.year is None else f" {first.year}"), why="; ".join(why))
    return RichGroup(table, Text(note, style="yellow"))


def sensitivity_table(assessment: Assessment, result: SensitivityResult, lang: str = "id"
                      ) -> RenderableType:
    """``score --sensitivity``: per region-year the index interval, the most likely band,
    the rank interval and the judgement call that moves the index most."""
    low, high = result.interval
    span = f"{format_number(low * 100, lang, 0)}–{format_number(high * 100, lang, 0)}%"
    caption = tr("sc_sensitivity_note", lang,
                 scenarios=format_number(result.scenarios, lang, 0),
                 draws=format_number(result.draws, lang, 0),
                 range=format_percent(result.weight_range, lang),
                 aggs=" / ".join(result.aggregations), imps=" / ".join(result.imputations),
                 seed=result.seed)
    table = Table(title=Text(text("sc_sensitivity", lang), style="bold"), title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, caption=caption, caption_justify="left")
    table.add_column(text("col_region", lang), ratio=1, overflow="fold")
    table.add_column(text("col_year", lang), justify="right", no_wrap=True)
    table.add_column(text("index_short", lang), justify="right", no_wrap=True)
    table.add_column(tr("sc_range", lang, p=span), justify="right")
    table.add_column(text("sc_likely", lang), overflow="fold")
    ranked = any(r.rank is not None for r in result.regions)
    if ranked:
        table.add_column(tr("sc_rank", lang, p=span), justify="right")
    table.add_column(text("sc_moves", lang), overflow="fold")
    for reg in result.regions:
        table.add_row(reg.region, "" if reg.year is None else str(reg.year),
                      *sensitivity_cells(reg, lang, ranked))
    if len(result.regions) > DETAIL_LIMIT:
        return table
    return RichGroup(table, *(_effects_table(reg, lang) for reg in result.regions))


def _effects_table(reg: RegionSensitivity, lang: str) -> Table:
    """One region-year: each choice's share of the variance and the index when only it
    varies, then the probability of every band."""
    when = f" {reg.year}" if reg.year is not None else ""
    bands = " · ".join(
        f"{b.band.label.get(lang) if b.band else text('not_assessed', lang)} "
        f"{format_percent(b.probability, lang)}" for b in reg.bands if b.probability > 0)
    table = Table(title=Text.assemble((f"{reg.region}{when}", "bold"), f" · {bands}"),
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(text("col_choice", lang), overflow="fold")
    table.add_column(text("col_share", lang), justify="right")
    table.add_column(text("col_alone", lang), justify="right")
    for effect in reg.effects:
        span = ("–" if effect.low is None or effect.high is None else
                f"{format_number(effect.low, lang, 1)}–{format_number(effect.high, lang, 1)}")
        if effect.grade_change is not None:  # thresholds move the grade, not the index
            span = tr("sc_grade_change", lang, share=format_percent(effect.grade_change, lang))
        table.add_row(text(FACTOR_KEYS[effect.factor], lang),
                      format_percent(effect.first_order, lang), span)
    return table
