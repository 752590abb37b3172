"""Folder names for region-years: safe whatever the region is called, stable, distinct."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcity_assess.paths import (
    MAX_SLUG,
    WINDOWS_RESERVED,
    is_safe_component,
    name_hash,
    region_folders,
    region_slug,
)

SAFE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(("name", "slug"), [
    ("Kabupaten Tegal", "kabupaten-tegal"),
    ("Kab. Pidie Jaya", "kab-pidie-jaya"),
    ("Kota Bau-Bau", "kota-bau-bau"),
    ("Kepulauan Bangka & Belitung", "kepulauan-bangka-dan-belitung"),
    ("Ma'rang", "marang"),
    ("Bogotá", "bogota"),
    ("São Tomé", "sao-tome"),
    ("Straße", "strasse"),
    ("Łódź", "lodz"),
    ("Ærø", "aero"),
    ("  Kota   Tegal  ", "kota-tegal"),
    ("../../etc/passwd", "etc-passwd"),
    ("C:\\Windows\\System32", "c-windows-system32"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
])
def test_slugs(name: str, slug: str) -> None:
    assert region_slug(name) == slug


@pytest.mark.parametrize("name", ["", "   ", ".", "..", "...", "???", "雅加达", "\x00\x1f",
                                  "🙂"])
def test_names_with_nothing_left_get_a_fallback_with_their_hash(name: str) -> None:
    slug = region_slug(name)
    assert slug == f"region-{name_hash(name)}"
    assert is_safe_component(slug)


@pytest.mark.parametrize("name", ["CON", "nul", "Aux", "prn", "COM1", "lpt9", "Com0"])
def test_windows_device_names_are_never_used_bare(name: str) -> None:
    slug = region_slug(name)
    assert slug != name.lower() and slug.startswith(name.lower() + "-")
    assert slug not in WINDOWS_RESERVED and is_safe_component(slug)


def test_long_names_are_cut_at_a_word_and_hashed() -> None:
    name = "Kabupaten " + "Sangat Panjang Sekali " * 10
    slug = region_slug(name)
    assert len(slug) <= MAX_SLUG + 9
    assert slug.endswith("-" + name_hash(name))
    assert slug.startswith("kabupaten-sangat-panjang-sekali-")
    assert "--" not in slug
    # two long names that share their first 60 characters stay apart
    assert region_slug(name + "A") != region_slug(name + "B")


def test_folders_add_the_year_and_keep_clashing_regions_apart() -> None:
    keys = [("Kota Batu", 2024), ("KOTA BATU", 2024), ("Kota Batu", 2025),
            ("Kabupaten Tegal", 2025), ("Kabupaten Tegal", None)]
    folders = region_folders(keys)
    assert folders[("Kabupaten Tegal", 2025)] == "kabupaten-tegal-2025"
    assert folders[("Kabupaten Tegal", None)] == "kabupaten-tegal"
    batu = name_hash("Kota Batu")
    assert folders[("Kota Batu", 2024)] == f"kota-batu-{batu}-2024"
    assert folders[("Kota Batu", 2025)] == f"kota-batu-{batu}-2025"
    assert folders[("KOTA BATU", 2024)] == f"kota-batu-{name_hash('KOTA BATU')}-2024"
    assert len(set(folders.values())) == len(folders)
    # the same whatever order the data came in
    assert region_folders(reversed(keys)) == folders


def test_a_year_folder_never_clashes_with_a_region_named_like_it() -> None:
    folders = region_folders([("Kota A", 2025), ("Kota A 2025", None)])
    assert len(set(folders.values())) == 2
    assert all(is_safe_component(f) for f in folders.values())


@given(st.text(max_size=300))
def test_any_name_gives_a_safe_stable_component(name: str) -> None:
    slug = region_slug(name)
    assert SAFE.match(slug) and is_safe_component(slug)
    assert slug not in (".", "..") and slug not in WINDOWS_RESERVED
    assert region_slug(name) == slug


@given(st.lists(st.tuples(st.text(max_size=40), st.one_of(st.none(), st.integers(1900, 2200))),
                max_size=12))
def test_folders_are_distinct_for_distinct_region_years(keys: list[tuple[str, int | None]]
                                                        ) -> None:
    folders = region_folders(keys)
    assert len(set(folders.values())) == len(folders) == len(set(keys))
    assert all(SAFE.match(f) for f in folders.values())
