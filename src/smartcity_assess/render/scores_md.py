"""Scores as a Markdown scorecard (for $GITHUB_STEP_SUMMARY or a pull-request comment)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..messages import text, tr
from ..messages.keys import BASIS_KEYS
from ..numbers import format_number, format_percent
from ..scoring.results import Assessment, Interval, RegionResult
from .escape import markdown_text

if TYPE_CHECKING:
    from ..scoring.sensitivity import RegionSensitivity, SensitivityResult

FACTOR_KEYS = {"weights": "sc_factor_weights", "aggregation": "sc_factor_aggregation",
               "imputation": "sc_factor_imputation", "normalisation": "sc_factor_normalisation",
               "goalposts": "sc_factor_goalposts", "bands": "sc_factor_bands"}
"""Judgement call of the sensitivity analysis → catalogue key of its short name."""


def to_markdown(assessment: Assessment, lang: str = "id",
                sensitivity: SensitivityResult | None = None) -> str:
    """A heading, one summary table of all region-years (scores with "± x" when the
    assessment has bootstrap intervals), then the sensitivity analysis when given."""
    iset = assessment.indicator_set
    pillar_titles = [markdown_text(p.title.get(lang)) for p in iset.pillars]

    def w(key: str) -> str:
        return text(key, lang)

    lines = [
        f"# {w('sc_title')}: {markdown_text(iset.title.get(lang))}",
        "",
        f"{markdown_text(iset.id)} {markdown_text(iset.version)} · "
        f"smartcity-assess {markdown_text(assessment.tool_version)}",
        "",
        "| " + " | ".join([w("col_region"), w("col_year"), w("index_short"), w("col_band"),
                          w("coverage"), *pillar_titles]) + " |",
        "| " + " | ".join(["---", "---:", "---:", "---", "---:"]
                          + ["---:"] * len(pillar_titles)) + " |",
    ]
    for result in assessment.results:
        lines.append("| " + " | ".join(_summary_row(result, lang, w("not_assessed"))) + " |")
    lines.append("")
    info = assessment.bootstrap
    if info is not None:
        lines += [tr("sc_bootstrap_note", lang, level=format_percent(info.confidence, lang),
                     draws=format_number(info.draws, lang, 0),
                     basis=w(BASIS_KEYS[info.level]), seed=info.seed), ""]
    if sensitivity is not None:
        lines += _sensitivity(sensitivity, lang)
    return "\n".join(lines)


def _summary_row(result: RegionResult, lang: str, not_assessed: str) -> list[str]:
    def score(value: float | None, interval: Interval | None) -> str:
        if value is None:
            return not_assessed
        margin = "" if interval is None else " ± " + format_number(interval.margin, lang, 1)
        return format_number(value, lang, 1) + margin

    return [
        markdown_text(result.region),
        "" if result.year is None else str(result.year),
        score(result.score, result.interval),
        markdown_text(result.band.label.get(lang)) if result.band else "",
        format_percent(result.coverage, lang),
        *(score(p.score, p.interval) for p in result.pillars),
    ]


def _sensitivity(result: SensitivityResult, lang: str) -> list[str]:
    """Per region-year: the index's range, the most likely band, the rank range and the
    choice that moves the index most (as ``score --sensitivity`` shows in the terminal)."""
    low, high = result.interval
    span = f"{format_number(low * 100, lang, 0)}–{format_number(high * 100, lang, 0)}%"
    ranked = any(r.rank is not None for r in result.regions)
    head = [text("col_region", lang), text("col_year", lang), text("index_short", lang),
            tr("sc_range", lang, p=span), text("sc_likely", lang),
            *([tr("sc_rank", lang, p=span)] if ranked else []), text("sc_moves", lang)]
    lines = [f"## {text('sc_sensitivity', lang)}", "", "| " + " | ".join(head) + " |",
             "| " + " | ".join(["---", "---:", "---:", "---:", "---",
                                *(["---:"] if ranked else []), "---"]) + " |"]
    for reg in result.regions:
        cells = [markdown_text(reg.region), "" if reg.year is None else str(reg.year),
                 *sensitivity_cells(reg, lang, ranked, escape=markdown_text)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", tr("sc_sensitivity_note", lang,
        scenarios=format_number(result.scenarios, lang, 0),
        draws=format_number(result.draws, lang, 0),
        range=format_percent(result.weight_range, lang),
        aggs=" / ".join(result.aggregations), imps=" / ".join(result.imputations),
        seed=result.seed), ""]
    return lines


def sensitivity_cells(reg: RegionSensitivity, lang: str, ranked: bool,
                      escape: Callable[[str], str] = str) -> list[str]:
    """A region-year's sensitivity in table cells: index, its scenario range, the most likely
    band with its probability, the rank range (when ``ranked``) and the choice that moves
    the index most. ``escape`` makes band labels safe for the output format. Shared by the
    Markdown scorecard and the terminal table."""
    index = reg.index
    span = ("–" if index.low is None or index.high is None else
            f"{format_number(index.low, lang, 1)}–{format_number(index.high, lang, 1)}")
    likely = max(reg.bands, key=lambda b: b.probability, default=None)
    band = "–" if likely is None else (
        (escape(likely.band.label.get(lang)) if likely.band else text("not_assessed", lang))
        + f" ({format_percent(likely.probability, lang)})")
    cells = [format_number(index.nominal, lang, 1, text("not_assessed", lang)), span, band]
    if ranked:
        rank = reg.rank
        cells.append("–" if rank is None else (
            f"{rank.low}–{rank.high} / {rank.of}" if rank.low != rank.high
            else f"{rank.low} / {rank.of}"))
    top = reg.most_influential
    cells.append(text("sc_nothing", lang) if top is None or not top.first_order else
                 f"{text(FACTOR_KEYS[top.factor], lang)} "
                 f"({format_percent(top.first_order, lang)})")
    return cells
