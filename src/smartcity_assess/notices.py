"""Things a reader should know about a result, kept as data until someone reads them.

The engine and the history reader do not write sentences: they record a :class:`Notice` — a
code, its parameters and the region-year it is about — and each output renders it in its
own language through the message catalogue (:func:`Notice.text`). ``scores.json`` keeps the
English sentence (``str(notice)``), word for word as earlier versions wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

Value = str | int | float
"""A parameter of a notice: an id, a name, a count or a measure."""

NOTICE_KEYS = {
    "negative-item": "notice_negative_item",
    "flat-normalisation": "notice_flat_normalisation",
    "history-conflict": "notice_history_conflict",
    "set-file-changed": "notice_set_file_changed",
    "geometric-zero": "notice_geometric_zero",
    "poststratification-skipped": "notice_poststratification_skipped",
    "region-spelling": "notice_region_spelling",
    "value-jump": "notice_value_jump",
    "percent-fraction": "notice_percent_fraction",
    "respondent-regions": "notice_respondent_regions",
    "below-min-answers": "notice_below_min_answers",
    "below-min-answers-one": "notice_below_min_answers_one",
    "more-checks": "notice_more_checks",
    "complaints-replaced": "notice_complaints_replaced",
    "complaints-none-in-year": "notice_complaints_none_in_year",
    "complaints-not-scored": "notice_complaints_not_scored",
    "areas-not-in-file": "notice_areas_not_in_file",
    "areas-not-in-data": "notice_areas_not_in_data",
    "stale-source": "notice_stale_source",
}
"""Notice code → catalogue key of its sentence."""

IDS = ("item", "group", "indicator")
"""Parameters that hold an indicator or group id: shown as a quoted id, or by name when the
reader passes names."""
ID_LISTS = ("indicators",)
"""Parameters that hold several indicator ids, separated by commas: shown the same way."""
AS_TYPED = ("value", "other", "percent", "before", "after")
"""Number parameters shown as a person typed them (every digit, the language's decimal
separator), not rounded to two decimals: the data checks quote values."""


@dataclass(frozen=True)
class Notice:
    """One thing worth knowing: ``code`` (a key of :data:`NOTICE_KEYS`), its parameters,
    and the region-year it is about (None for the whole run)."""

    code: str
    params: tuple[tuple[str, Value], ...] = ()
    region: str | None = None
    year: int | None = None

    @property
    def where(self) -> str:
        """``Kabupaten Tegal 2025``, the region alone without a year, or nothing."""
        if self.region is None:
            return ""
        return self.region if self.year is None else f"{self.region} {self.year}"

    def text(self, lang: str = "en", names: Mapping[str, str] | None = None) -> str:
        """The notice as a sentence in ``lang``. With ``names`` (id → name) the indicators
        and groups it mentions are named instead of quoted by id."""
        from .messages import tr
        from .numbers import format_number

        values: dict[str, str] = {"where": self.where}
        for name, value in self.params:
            if name in IDS:
                title = (names or {}).get(str(value))
                values[name] = f"“{title}”" if title else repr(str(value))
            elif name in ID_LISTS:
                titles = [(names or {}).get(ident) for ident in str(value).split(",")]
                values[name] = ", ".join(f"“{title}”" if title else repr(ident) for ident, title
                                         in zip(str(value).split(","), titles, strict=True))
            elif isinstance(value, float) and name in AS_TYPED:
                typed = f"{value:.10g}"
                values[name] = typed.replace(".", ",") if lang == "id" else typed
            elif isinstance(value, float):
                values[name] = (f"{value:.2f}" if lang == "en"
                                else format_number(value, lang, 2))
            else:
                values[name] = str(value)
        return tr(NOTICE_KEYS[self.code], lang, **values)

    def __str__(self) -> str:
        return self.text("en")
