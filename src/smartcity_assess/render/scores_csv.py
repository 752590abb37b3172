"""Scores as CSV: one row per node (index, pillar, dimension, indicator) per region-year."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..scoring.results import Assessment, GroupResult, IndicatorResult, RegionResult
from .escape import spreadsheet_cell

COLUMNS = ("region", "year", "level", "id", "parent", "score", "band", "coverage", "value", "n",
           "target", "gap", "weight", "effective_weight")
INTERVAL_COLUMNS = ("interval_low", "interval_high")
"""Added after COLUMNS when the assessment has bootstrap intervals (``score --bootstrap N``)."""


def _interval(node: GroupResult | IndicatorResult | RegionResult) -> dict[str, str]:
    if node.interval is None:
        return {}
    return {"interval_low": _number(node.interval.low),
            "interval_high": _number(node.interval.high)}


def _number(value: float | int | None) -> str:
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)


def _rows(node: GroupResult | IndicatorResult, parent: str) -> Iterator[dict[str, str]]:
    row = {"level": node.kind if isinstance(node, GroupResult) else "indicator", "id": node.id,
           "parent": parent, "score": _number(node.score), "coverage": _number(node.coverage),
           "weight": _number(node.weight), "effective_weight": _number(node.effective_weight)}
    if isinstance(node, IndicatorResult):
        row |= {"value": _number(node.value), "n": _number(node.n),
                "target": _number(node.target), "gap": _number(node.gap)}
        yield row | _interval(node)
    else:
        yield row | _interval(node)
        for child in node.children:
            yield from _rows(child, node.id)


def to_csv(assessment: Assessment, lang: str = "id") -> str:
    """CSV text with a header; text cells (region, band) are neutralised against spreadsheet
    formulas, numeric cells are plain numbers (``-1.5`` stays a number)."""
    buffer = io.StringIO()
    columns = COLUMNS + (INTERVAL_COLUMNS if assessment.bootstrap is not None else ())
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    for result in assessment.results:
        base = {"region": spreadsheet_cell(result.region),
                "year": "" if result.year is None else str(result.year)}
        writer.writerow(base | {"level": "index", "id": assessment.indicator_set.id,
                                "score": _number(result.score),
                                "band": spreadsheet_cell(result.band.label.get(lang))
                                if result.band else "",
                                "coverage": _number(result.coverage), "weight": "1",
                                "effective_weight": "1"} | _interval(result))
        for pillar in result.pillars:
            for row in _rows(pillar, assessment.indicator_set.id):
                writer.writerow(base | row)
    return buffer.getvalue()
