"""Exports of form tools (KoboToolbox, ODK Central, SurveyCTO) read as they are.

A file is an export of a form tool when its header has a column such a tool adds to every
submission: ``_uuid``, ``_submission_time``, ``meta/instanceID``, ``KEY`` with
``SubmissionDate`` … (:func:`is_export`). In such a file:

- the tool's own columns (:data:`METADATA`: ``_id``, ``_uuid``, ``_submission_time``,
  ``_validation_status``, ``_notes``, ``_status``, ``_submitted_by``, ``__version__``,
  ``_tags``, ``_index``, ``start``, ``end``, ``today``, ``deviceid`` …, and every column whose
  name starts with ``_``) are skipped;
- a column named with its group (``infrastructure/infra.signal_quality``, or with another
  group separator: ``infrastructure-infra.signal_quality``, ``infrastructure:…``) is read
  as the field after the group, when that is an indicator or a reserved column;
- a header written as the question's label (KoboToolbox's "Labels" export) is read as its
  field, in Indonesian or English, when the label is the set's question text;
- a ``select_one`` answer exported as its label (``4 — Setuju``, ``Ya``, ``Fisik dan
  daring``) is read as its value;
- without a respondent column, the submission's ``_uuid`` (or ``KEY``, ``instanceID``) is
  the respondent, so that a respondent's answers stay together;
- a submission exported twice (the same ``_uuid`` with the same answers, as when two
  overlapping exports are given together) is counted once; the copy is reported as
  ``duplicate`` among the answers not used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..indicators.model import IndicatorSet
from .form import build_form, form_roles
from .table import Cell

METADATA = frozenset({
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "instanceid", "instancename", "meta/instanceid",
    "meta/instancename", "meta/rootuuid", "meta/deprecatedid", "meta/audit",
    "formhub/uuid", "__version__", "key", "submissiondate", "submitterid", "submittername",
    "attachmentspresent", "attachmentsexpected", "status", "reviewstate", "edits",
    "formversion", "caseid", "duration", "completiondate",
})
"""Columns of a form tool's own (folded), skipped in an export."""
MARKERS = frozenset({"_uuid", "_submission_time", "meta/instanceid", "formhub/uuid",
                     "_index", "submissiondate", "key"})
"""Columns only form tools write: one of them makes a file an export."""
SUBMISSION_IDS = ("_uuid", "meta/instanceid", "instanceid", "key")
"""Columns that identify a submission, in order of preference."""
SEPARATORS = re.compile(r"[/:-]")


def _fold(name: str) -> str:
    return name.strip().casefold()


def is_export(header: list[str]) -> bool:
    """The header is a form tool's export (it has ``_uuid``, ``_submission_time`` …)."""
    folded = {_fold(name) for name in header}
    return bool(folded & (MARKERS - {"key", "_index"})) or {"_index", "_id"} <= folded or (
        {"key", "submissiondate"} <= folded)


def is_metadata(name: str) -> bool:
    """A column the form tool adds: skipped in an export."""
    folded = _fold(name)
    return folded.startswith("_") or folded in METADATA


def submission_column(header: list[str]) -> int | None:
    """The column that identifies each submission (``_uuid`` …), if any."""
    folded = [_fold(name) for name in header]
    for name in SUBMISSION_IDS:
        if name in folded:
            return folded.index(name)
    return None


def ungrouped(name: str, known: set[str]) -> str | None:
    """The field of a column named with its group(s) (``grp/sub/field``, ``grp-field``):
    the shortest tail after a separator that is a ``known`` name (folded), or None."""
    for match in reversed(list(SEPARATORS.finditer(name))):
        tail = name[match.end():].strip()
        if _fold(tail) in known:
            return tail
    for match in SEPARATORS.finditer(name):
        tail = name[match.end():].strip()
        if _fold(tail) in known:
            return tail
    return None


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


class Labels:
    """The labels the set's forms give, in Indonesian and English: question texts → field,
    and per field the option labels → value."""

    def __init__(self, indicator_set: IndicatorSet) -> None:
        from ..messages import text

        self.fields: dict[str, str] = {}
        """Folded label → field (an indicator id or ``region``, ``year``, ``respondent``)."""
        self.options: dict[str, dict[str, str]] = {}
        """Indicator id → option label (folded) → the value in the data."""
        for lang in ("id", "en"):
            for key, field in (("form_field_region", "region"), ("form_field_year", "year"),
                               ("form_field_respondent", "respondent")):
                self.fields.setdefault(_words(text(key, lang)), field)
            for role in form_roles(indicator_set):
                for question in build_form(indicator_set, role, lang).questions:
                    self.fields.setdefault(_words(question.text), question.id)
                    options = self.options.setdefault(question.id, {})
                    for option in question.options:
                        options.setdefault(_words(option.label), option.value)
                        words = option.label.split(" — ", 1)
                        if len(words) == 2:  # "4 — Setuju": "Setuju" alone too
                            options.setdefault(_words(words[1]), option.value)

    def field(self, header: str) -> str | None:
        """The field of a header written as a label (with or without its group's label)."""
        found = self.fields.get(_words(header))
        start = header.find("/")
        while found is None and start >= 0:  # the group's label before a '/' (labels may
            found = self.fields.get(_words(header[start + 1:]))  # hold a '/' themselves)
            start = header.find("/", start + 1)
        return found

    def values(self, indicator_id: str) -> dict[str, str]:
        """Option label (folded) → value, for a ``select_one`` field."""
        return self.options.get(indicator_id, {})


def relabel(cells: Sequence[Cell], labels: dict[str, str]) -> list[Cell]:
    """The cells of a column with option labels turned into values (others unchanged)."""
    out: list[Cell] = []
    for cell in cells:
        if isinstance(cell, str) and cell:
            out.append(labels.get(_words(cell), cell))
        else:
            out.append(cell)
    return out
