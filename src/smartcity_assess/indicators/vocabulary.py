"""Fixed vocabularies of the indicator-set format: crosswalks, indicator kinds, action fields.

The values here are part of the file format (documented in ``docs/indicator-set-format.md``
and in the JSON Schema); the loader checks set files against them and suggests the nearest
valid value for a typo.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Literal

from ..text import Text

CrosswalkKey = Literal["kominfo", "spbe", "imdi", "iso37122", "u4ssc"]
CROSSWALK_KEYS: tuple[CrosswalkKey, ...] = ("kominfo", "spbe", "imdi", "iso37122", "u4ssc")
"""Frameworks an indicator can be mapped to (``crosswalk:`` keys), in display order."""

KOMINFO_DIMENSIONS: tuple[str, ...] = (
    "governance", "branding", "economy", "living", "society", "environment")
"""The six dimensions of Kominfo's Gerakan Menuju 100 Smart City, in the movement's order."""

KOMINFO_TITLES: dict[str, Text] = {
    "governance": Text.of({"id": "Smart Governance (Tata Kelola)", "en": "Smart Governance"}),
    "branding": Text.of({"id": "Smart Branding (Pencitraan Daerah)", "en": "Smart Branding"}),
    "economy": Text.of({"id": "Smart Economy (Ekonomi)", "en": "Smart Economy"}),
    "living": Text.of({"id": "Smart Living (Kehidupan)", "en": "Smart Living"}),
    "society": Text.of({"id": "Smart Society (Masyarakat)", "en": "Smart Society"}),
    "environment": Text.of({"id": "Smart Environment (Lingkungan)",
                            "en": "Smart Environment"}),
}

IMDI_PILLARS: tuple[str, ...] = ("infrastruktur", "keterampilan", "pemberdayaan", "pekerjaan")
"""The four pillars of IMDI (Indeks Masyarakat Digital Indonesia): Infrastruktur dan
Ekosistem, Keterampilan Digital (2025: Literasi Digital), Pemberdayaan, Pekerjaan."""

IMDI_TITLES: dict[str, Text] = {
    "infrastruktur": Text.of({"id": "Infrastruktur dan Ekosistem",
                              "en": "Infrastructure and ecosystem"}),
    "keterampilan": Text.of({"id": "Keterampilan Digital", "en": "Digital skills"}),
    "pemberdayaan": Text.of({"id": "Pemberdayaan", "en": "Empowerment"}),
    "pekerjaan": Text.of({"id": "Pekerjaan", "en": "Work"}),
}

SPBE_INDICATORS = 47
"""Indicators of the SPBE evaluation under PermenPANRB 59/2020 (numbered 1–47)."""

_SPBE_PATTERN = re.compile(r"^\d{1,2}(?:[-,]\d{1,2})*$")
_ISO37122_PATTERN = re.compile(r"^\d{1,2}\.\d{1,2}$")
_U4SSC_PATTERN = re.compile(r"^[A-Z]{2}(?::[A-Z]{1,4}){2}:\d{1,2}[CA]$")

IndicatorKind = Literal["measure", "fact"]
INDICATOR_KINDS: tuple[IndicatorKind, ...] = ("measure", "fact")
"""``measure``: answers are combined (mean, share …); ``fact``: a pemda-wide fact with one
authoritative answer (a regulation exists, a CSIRT is registered)."""

CitizenImpact = Literal["none", "low", "medium", "high"]
CITIZEN_IMPACTS: tuple[CitizenImpact, ...] = ("none", "low", "medium", "high")
"""How directly citizens feel an action or get feedback from it (default ``low``)."""

CostClass = Literal["XS", "S", "M", "L", "XL"]
COST_CLASSES: tuple[CostClass, ...] = ("XS", "S", "M", "L", "XL")
COST_CLASS_RANGES: dict[str, tuple[float, float | None]] = {
    "XS": (0.0, 100e6),
    "S": (100e6, 500e6),
    "M": (500e6, 2e9),
    "L": (2e9, 10e9),
    "XL": (10e9, None),
}
"""Rupiah range of each cost class, [low, high) over the whole action (None: no upper
bound). These are the tool's own order-of-magnitude classes, not a regulation; a plan file
may give exact costs instead."""

FUNDING_SOURCES: tuple[str, ...] = (
    "APBD", "DAK", "DanaDesa", "BOS", "CSR", "KPBU", "APBN", "BAKTI", "Hibah")
"""Funding sources an action may name: the regional budget (APBD), the special allocation
fund (DAK), village funds (Dana Desa), school operational funds (BOS), corporate social
responsibility (CSR), public–private partnership (KPBU), the state budget (APBN), Kominfo's
BAKTI programmes and grants (Hibah)."""

ARTEFACT_PATTERN = r"^[a-z]+:[a-z0-9][a-z0-9._-]*$"
"""Named data or documents an action requires or provides, e.g. ``data:daftar-data-prioritas``,
``dokumen:arsitektur-spbe``."""

NOMENCLATURE_PATTERN = r"^[0-9X](?:[0-9X]*)(?:\.[0-9X]+){1,5}$"
"""A Permendagri 90/2019 code: urusan.bidang.program[.kegiatan[.sub-kegiatan]]."""


def suggest(found: str, valid: Sequence[str]) -> str | None:
    """The nearest valid value to a typo, or None when nothing is close."""
    close = difflib.get_close_matches(found, list(valid), n=1, cutoff=0.6)
    if not close:
        folded = {v.casefold(): v for v in valid}
        return folded.get(found.casefold())
    return close[0]


def unknown_value(what: str, found: str, valid: Sequence[str]) -> tuple[str, str]:
    """(message, expected) for a value that is not in ``valid``, with a did-you-mean."""
    near = suggest(found, valid)
    message = f"unknown {what} {found!r}"
    if near is not None:
        message += f" (did you mean {near!r}?)"
    return message, "one of " + ", ".join(valid)


def crosswalk_problem(key: str, value: str) -> tuple[str, str] | None:
    """(message, expected) when ``value`` is not valid for crosswalk ``key``; None when ok.

    ``key`` must already be a known crosswalk key.
    """
    if key == "kominfo":
        if value in KOMINFO_DIMENSIONS:
            return None
        return unknown_value("Kominfo dimension", value, KOMINFO_DIMENSIONS)
    if key == "imdi":
        if value in IMDI_PILLARS:
            return None
        return unknown_value("IMDI pillar", value, IMDI_PILLARS)
    if key == "spbe":
        numbers = [int(n) for n in re.split(r"[-,]", value)] if _SPBE_PATTERN.match(value) else []
        if numbers and all(1 <= n <= SPBE_INDICATORS for n in numbers):
            return None
        return ("not an SPBE indicator number",
                f"a number 1–{SPBE_INDICATORS} of PermenPANRB 59/2020, or several as "
                "\"11,12\" or a range \"29-31\"")
    if key == "iso37122":
        if _ISO37122_PATTERN.match(value):
            return None
        return "not an ISO 37122 indicator number", "a section.indicator number such as \"10.2\""
    if _U4SSC_PATTERN.match(value):
        return None
    return "not a U4SSC KPI code", "a code such as \"EC:ICT:ICT:1C\""


def crosswalk_groups(key: str, values: Sequence[str]) -> tuple[str, ...]:
    """The groups of a crosswalk view, in display order: the framework's own order for
    ``kominfo`` and ``imdi`` (all of them, even without indicators), else the values found,
    sorted naturally."""
    if key == "kominfo":
        return KOMINFO_DIMENSIONS
    if key == "imdi":
        return IMDI_PILLARS

    def natural(text: str) -> tuple[tuple[int, str], ...]:
        return tuple((int(p), "") if p.isdigit() else (-1, p)
                     for p in re.split(r"(\d+)", text) if p)

    return tuple(sorted(set(values), key=natural))


def group_title(key: str, group: str) -> Text:
    """Display title of a crosswalk group."""
    if key == "kominfo" and group in KOMINFO_TITLES:
        return KOMINFO_TITLES[group]
    if key == "imdi" and group in IMDI_TITLES:
        return IMDI_TITLES[group]
    if key == "spbe":
        return Text.of({"id": f"Indikator SPBE {group}", "en": f"SPBE indicator {group}"})
    return Text.of(group)
