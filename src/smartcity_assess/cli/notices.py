"""Notices (the engine's warnings, history conflicts) on stderr, in the run's language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .console import message

if TYPE_CHECKING:
    from ..indicators.model import IndicatorSet
    from ..notices import Notice
    from ..scoring.results import Assessment

SHOWN = 10
"""Notices printed; the rest are counted (the JSON and scores.json keep them all)."""


def notices(found: Sequence[Notice], assessment: Assessment | None, lang: str,
            more_key: str, indicator_set: IndicatorSet | None = None,
            shown: int = SHOWN) -> None:
    """Print up to ``shown`` notices as warnings, naming indicators and groups by their
    title in ``lang`` (from the assessment's set, or ``indicator_set``); ``more_key`` says
    where the rest are."""
    from ..messages import text, tr

    names: dict[str, str] = {}
    iset = assessment.indicator_set if assessment is not None else indicator_set
    if iset is not None:
        names = {g.id: g.title.get(lang) for g in iset.groups()}
        names |= {i.id: i.title.get(lang) for i in iset.indicators()}
    prefix = text("cli_warning", lang)
    for notice in found[:shown]:
        message(f"{prefix}: {notice.text(lang, names)}", "yellow")
    if len(found) > shown:
        message(tr(more_key, lang, n=len(found) - shown), "yellow")
