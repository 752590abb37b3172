"""Area names and codes normalised, and matched to a boundary file with a match report.

Names are compared after Unicode NFC, case folding, hyphens and underscores read as spaces,
spaces collapsed, and the administrative prefixes dropped that data often adds and boundary
files do not: ``Kecamatan``/``Kec.``, ``Desa``/``Ds.``, ``Kelurahan``/``Kel.``. So "KEC.
SLAWI", "Kecamatan  Slawi" and "slawi" are one area. ``Kabupaten``/``Kota`` are kept:
Kabupaten Tegal and Kota Tegal are two regions. Codes are compared without spaces and dots:
``33.28.10`` and ``332810`` are the same Kemendagri code (a BPS code such as ``3328100`` has
another length and never matches one by accident).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from .model import Area, AreaRef, Boundaries, MatchReport, Unmatched

_PREFIX = re.compile(r"^(?:kecamatan\s+|kec\.\s*|kec\s+|kelurahan\s+|kel\.\s*|kel\s+|desa\s+"
                     r"|ds\.\s*)")
_SPACES = re.compile(r"[\s\-_]+")


def normalise_name(name: str) -> str:
    """The comparable form of an area name (see the module text)."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = _SPACES.sub(" ", text).strip()
    stripped = _PREFIX.sub("", text, count=1)
    return stripped or text


def normalise_code(code: str) -> str:
    """The comparable form of a code: no spaces, no dots."""
    return re.sub(r"[\s.]+", "", unicodedata.normalize("NFC", code))


def _suggest(word: str, choices: dict[str, str], count: int = 3) -> tuple[str, ...]:
    """Display names of the closest ``choices`` (normalised → display) to ``word``."""
    close = difflib.get_close_matches(word, list(choices), n=count, cutoff=0.72)
    return tuple(dict.fromkeys(choices[c] for c in close))


def match_areas(boundaries: Boundaries, refs: Iterable[AreaRef]) -> MatchReport:
    """Match the areas named in the data to the boundary file.

    With key ``kode`` a reference with a code is matched by code, else by name; with key
    ``name`` by name, the parent (kecamatan) telling apart desa of the same name. A name that
    fits several areas is reported as ambiguous with the candidates; one that fits none gets
    did-you-mean suggestions. Areas of the file that nothing in the data names are listed too.
    """
    by_code: dict[str, Area] = {}
    by_name: dict[str, list[Area]] = {}
    by_qualified: dict[str, Area] = {}
    for area in boundaries.areas:
        if area.code:
            by_code[normalise_code(area.code)] = area
        by_name.setdefault(normalise_name(area.name), []).append(area)
        by_qualified[normalise_name(area.key)] = area
        if area.parent:
            by_qualified[f"{normalise_name(area.parent)}/{normalise_name(area.name)}"] = area
    names = {normalise_name(a.name): a.key for a in boundaries.areas}
    codes = {normalise_code(a.code): f"{a.code} ({a.name})" for a in boundaries.areas
             if a.code}

    # A file whose areas have no parent holds the top level inside the region (kecamatan).
    kecamatan_level = not any(area.parent for area in boundaries.areas)
    matched: dict[str, str] = {}
    missing: dict[str, Unmatched] = {}
    for ref in refs:
        label = ref.label()
        if label in matched or label in missing:
            continue
        found: Area | None = None
        if ref.level == "kecamatan" and not kecamatan_level:
            # The data names kecamatan, the file holds desa: a desa that bears a kecamatan's
            # name is another area.
            missing[label] = Unmatched(label, "not_found", ())
            continue
        if boundaries.key == "kode" and ref.code:
            found = by_code.get(normalise_code(ref.code))
            if found is None:
                same_name = tuple(f"{a.code} ({a.name})" for a in
                                  by_name.get(normalise_name(ref.name), []) if ref.name)
                close = _suggest(normalise_code(ref.code), codes)
                missing[label] = Unmatched(label, "not_found",
                                           tuple(dict.fromkeys(same_name + close))[:3])
                continue
        else:
            name = normalise_name(ref.name)
            if ref.parent:
                found = by_qualified.get(f"{normalise_name(ref.parent)}/{name}")
            if found is None:
                found = by_qualified.get(name)
            if found is None:
                candidates = by_name.get(name, [])
                if len(candidates) == 1:
                    found = candidates[0]
                elif candidates:
                    missing[label] = Unmatched(label, "ambiguous",
                                               tuple(a.key for a in candidates))
                    continue
                else:
                    missing[label] = Unmatched(label, "not_found", _suggest(name, names))
                    continue
        matched[label] = found.key
    used = set(matched.values())
    return MatchReport(
        key=boundaries.key,
        matched=tuple(matched.items()),
        not_in_file=tuple(missing.values()),
        not_in_data=tuple(a.label for a in boundaries.areas if a.key not in used),
    )
