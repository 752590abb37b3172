"""Safe, stable folder names for region-years, whatever the region is called.

A region's name comes from survey data and may hold anything: accents (``Kabupaten
Pidie Jaya``, ``Bogotá``), slashes, ``..``, control characters, Windows device names, or
hundreds of characters. :func:`region_slug` turns it into a short name of ``[a-z0-9-]`` that
is safe as a single path component on Linux, macOS and Windows; :func:`region_folders` adds
the year and keeps names distinct within one run.

Stability: a region's folder depends only on its own name and year, except when two regions
of one run would get the same slug (``Kota Batu`` and ``KOTA BATU``, ``Kota Baru`` and
``Kota-Baru``): then each of them gets a short hash of its exact name, so neither is
silently merged into the other. Two names that are the same text in different Unicode
normalisation forms (``Bogotá`` typed on a Mac and on Windows) are two regions to the
engine; the one not in NFC also gets the hash of its code points, so their folders differ too.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import TypeVar

MAX_SLUG = 60
"""Longest slug before the hash suffix (a whole folder name stays under 80 characters)."""
HASH_LENGTH = 8
"""Hex digits of the hash suffix added to truncated, reserved or colliding names."""
FALLBACK = "region"
"""Slug of a name with no letter or digit left (``"???"``, ``"..."``, ``""``)."""

WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "clock$", "conin$", "conout$"]
    + [f"com{i}" for i in [*range(10), "¹", "²", "³"]]
    + [f"lpt{i}" for i in [*range(10), "¹", "²", "³"]]
)
"""Device names Windows refuses as a file or folder name (with or without an extension)."""

# Letters that Unicode decomposition does not reduce to ASCII, and common ligatures.
_SPECIAL = str.maketrans({
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th",
    "ı": "i", "ŋ": "ng", "Ŋ": "ng", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ĸ": "k",
    "ſ": "s", "ə": "e", "Ə": "e", "&": " dan ",
    "\u2018": "", "\u2019": "", "'": "", "`": "", "\u02bc": "",
})
"""``&`` reads "dan" (Indonesian region names: ``Kepulauan Bangka & Belitung``); apostrophes
join their word (``Ma'rang`` → ``marang``) rather than splitting it."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")

K = TypeVar("K")


def name_hash(name: str, *, exact: bool = False) -> str:
    """Short hex hash of a name (NFC-normalised, so the same text always hashes the same).

    ``exact`` hashes the code points as they are: it tells apart names that are the same
    text in different Unicode normalisation forms (``Bogotá`` composed and decomposed).
    """
    text = name if exact else unicodedata.normalize("NFC", name)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_LENGTH]


def transliterate(text: str) -> str:
    """ASCII approximation of Latin-script text: ``Bogotá`` → ``Bogota``; other scripts drop."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _base_slug(name: str) -> str:
    return _NOT_SLUG.sub("-", transliterate(name).lower()).strip("-")


def region_slug(name: str, *, max_length: int = MAX_SLUG) -> str:
    """A safe folder name for a region: lower-case ASCII letters, digits and hyphens.

    The name is cut at ``max_length`` characters (at a hyphen when one is near) and gets a
    hash suffix when it was cut, when nothing of it was left (non-Latin scripts, symbols
    only), or when it is a Windows device name. Never empty, never ``.`` or ``..``, never
    starting or ending with a hyphen.
    """
    base = _base_slug(name)
    needs_hash = False
    if len(base) > max_length:
        cut = base[:max_length]
        hyphen = cut.rfind("-")
        base = (cut[:hyphen] if hyphen >= max_length // 2 else cut).strip("-")
        needs_hash = True
    if not base:
        base, needs_hash = FALLBACK, True
    if base in WINDOWS_RESERVED:
        needs_hash = True
    return f"{base}-{name_hash(name)}" if needs_hash else base


def region_folders(keys: Iterable[tuple[str, int | None]]) -> dict[tuple[str, int | None], str]:
    """Folder name of every region-year: ``<slug>-<year>`` (or ``<slug>`` without a year).

    Regions whose slugs coincide get their name's hash added, so every distinct region name
    keeps its own folders; the result is the same whatever order ``keys`` come in.
    """
    unique = sorted(set(keys), key=lambda k: (k[0], -1 if k[1] is None else k[1]))
    slugs = {name: region_slug(name) for name in sorted({k[0] for k in unique})}

    def hashed(name: str) -> str:
        slug = slugs[name]
        return slug if slug.endswith(f"-{name_hash(name)}") else f"{slug}-{name_hash(name)}"

    for names in _clashes(slugs.items()):
        for name in names:
            slugs[name] = hashed(name)
    # The same text in two Unicode normalisation forms (data typed on different systems)
    # has one NFC hash: the names not in NFC get the hash of their exact code points too.
    for names in _clashes(slugs.items()):
        for name in names:
            if name != unicodedata.normalize("NFC", name):
                slugs[name] = f"{slugs[name]}-{name_hash(name, exact=True)}"

    def folder(key: tuple[str, int | None]) -> str:
        return slugs[key[0]] if key[1] is None else f"{slugs[key[0]]}-{key[1]}"

    folders = {key: folder(key) for key in unique}
    # ``Kota A`` in 2025 and a region called ``Kota A 2025`` without a year.
    for clashing in _clashes(folders.items()):
        for key in clashing:
            slugs[key[0]] = hashed(key[0])
    folders = {key: folder(key) for key in unique}
    for clashing in _clashes(folders.items()):  # ... in two normalisation forms
        for key in clashing:
            if key[0] != unicodedata.normalize("NFC", key[0]):
                slugs[key[0]] = f"{hashed(key[0])}-{name_hash(key[0], exact=True)}"
    return {key: folder(key) for key in unique}


def _clashes(items: Iterable[tuple[K, str]]) -> list[list[K]]:
    """Groups of keys that map to the same name."""
    owners: dict[str, list[K]] = {}
    for key, name in items:
        owners.setdefault(name, []).append(key)
    return [keys for keys in owners.values() if len(keys) > 1]


def is_safe_component(name: str) -> bool:
    """True when ``name`` is one safe path component as :func:`region_slug` makes them."""
    return (bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name))
            and name not in WINDOWS_RESERVED
            and len(name) <= MAX_SLUG + 2 * (HASH_LENGTH + 1) + 8)
