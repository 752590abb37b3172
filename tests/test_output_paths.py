"""Region names cannot escape the output folder (issue 5, item 3): ``paths`` on hostile
names. (``tests/assessment/test_run_safety.py`` runs them through ``run``.)"""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from hypothesis import given
from hypothesis import strategies as st

from smartcity_assess.outputs import check_relative
from smartcity_assess.paths import WINDOWS_RESERVED, is_safe_component, region_folders

HOSTILE = [
    "../../etc", "..", ".", "...", "", " ", "/etc/passwd", "/", "~", "~root", "$HOME",
    "C:\\Windows\\System32", "C:", "\\\\server\\share", "a/b", "a\\b", "a:b", "a*b?c",
    "CON", "con", "Con.txt", "NUL", "nul.tar.gz", "AUX", "PRN", "COM1", "com9", "LPT1",
    "lpt9.x", "COM\u00b9", "CONIN$", "CLOCK$", "x" * 5000, "Kota " * 400,
    "Kota Batu", "KOTA BATU", "kota batu", "Kota-Batu", "Kota_Batu", "Kota.Batu",
    "\u212aota Batu",  # Kelvin sign K
    "\uff2b\uff4f\uff54\uff41 Batu",  # full-width
    unicodedata.normalize("NFC", "Bogotá"), unicodedata.normalize("NFD", "Bogotá"),
    "Ko\u200bta", "\u202eevil.exe", "trailing.", "trailing ", "\x00nul", "line\nbreak",
    "雅加达", "🙂", "<script>", "%2e%2e%2f", "..%2f..%2f",
]


def test_every_hostile_name_gets_its_own_safe_folder() -> None:
    keys = [(name, 2025) for name in HOSTILE] + [(name, None) for name in HOSTILE]
    folders = region_folders(keys)
    assert len(set(folders.values())) == len(folders) == len(set(keys))
    # Distinct on case-insensitive file systems (Windows, macOS) too.
    assert len({f.lower() for f in folders.values()}) == len(folders)
    root = Path("/srv/out/reports/en")
    for (name, year), folder in folders.items():
        base = folder.removesuffix(f"-{year}") if year else folder
        assert is_safe_component(base), (name, folder)
        assert folder not in (".", "..") and folder.lower() not in WINDOWS_RESERVED
        assert folder.split(".")[0].lower() not in WINDOWS_RESERVED
        assert len(folder) <= 90, (name, folder)
        assert not folder.endswith((".", " "))
        # One component on both kinds of system, and a plain path inside the folder.
        assert PurePosixPath(folder).name == folder == PureWindowsPath(folder).name
        assert (root / folder).resolve().parent == root
        check_relative(f"reports/en/{folder}/masterplan.html")


def test_normalisation_forms_of_one_name_are_two_regions() -> None:
    nfc = unicodedata.normalize("NFC", "Bogotá")
    nfd = unicodedata.normalize("NFD", "Bogotá")
    folders = region_folders([(nfc, 2025), (nfd, 2025), ("Bogota", 2025)])
    assert len(set(folders.values())) == 3
    # The composed (NFC) name keeps the short hash it would have alone with its clashes.
    assert folders[(nfc, 2025)].count("-") == 2


@given(st.text(min_size=1, max_size=30), st.one_of(st.none(), st.integers(1900, 2200)))
def test_any_two_forms_of_a_name_get_two_folders(name: str, year: int | None) -> None:
    forms = {unicodedata.normalize(form, name) for form in ("NFC", "NFD", "NFKC", "NFKD")}
    folders = region_folders([(form, year) for form in forms])
    assert len(set(folders.values())) == len(forms)
