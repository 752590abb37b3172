"""How many answers of each file count, and why the others do not (``validate``, ``score``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .console import message

if TYPE_CHECKING:
    from ..indicators.model import IndicatorSet
    from ..scoring.results import InputFile

SHOWN = 8
"""Lines of unused answers printed per file; the rest are counted (scores.json has all)."""


def unused_lines(file: InputFile, indicator_set: IndicatorSet, lang: str) -> None:
    """The unused answers of one file, one line per reason, indicator and role."""
    from ..messages import tr
    from ..survey.usage import describe

    for record in file.unused[:SHOWN]:
        message(tr("cli_unused", lang, what=describe(record, indicator_set, lang)))
    if len(file.unused) > SHOWN:
        message(tr("cli_unused_more", lang, n=len(file.unused) - SHOWN))


def unused_total(files: Sequence[InputFile], lang: str) -> None:
    """One line when some answers do not count: how many, of how many, why."""
    from ..messages import tr
    from ..numbers import format_number
    from ..survey.usage import reasons_text

    answers = sum(f.answers for f in files)
    unused = answers - sum(f.used for f in files)
    if unused <= 0:
        return
    message(tr("cli_unused_total", lang, unused=format_number(unused, lang, 0),
               answers=format_number(answers, lang, 0),
               reasons=reasons_text((u for f in files for u in f.unused), lang)))
