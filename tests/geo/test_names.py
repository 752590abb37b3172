"""Normalised names and the match report against the real Tegal files."""

from __future__ import annotations

import pytest

from smartcity_assess.geo.model import AreaRef, Boundaries, Unmatched
from smartcity_assess.geo.names import match_areas, normalise_code, normalise_name


@pytest.mark.parametrize(("raw", "normal"), [
    ("Slawi", "slawi"),
    ("  KEC.  SLAWI ", "slawi"),
    ("Kec.Slawi", "slawi"),
    ("Kecamatan Slawi", "slawi"),
    ("Desa Dukuhwringin", "dukuhwringin"),
    ("Kel. Slawi-Wetan", "slawi wetan"),
    ("Kelurahan slawi_wetan", "slawi wetan"),
    ("Ds. Kalisapu", "kalisapu"),
    ("Kecipir", "kecipir"),  # a name that starts like a prefix keeps its letters
    ("Desa", "desa"),  # a prefix alone stays a name
    ("Kabupaten Tegal", "kabupaten tegal"),  # Kabupaten/Kota are kept: two regions
    ("Kota Tegal", "kota tegal"),
    ("Cafe\u0301", "café"),  # NFC: e + combining accent == é
])
def test_normalise_name(raw: str, normal: str) -> None:
    assert normalise_name(raw) == normal


def test_normalise_code() -> None:
    assert normalise_code(" 33.28.10 ") == normalise_code("332810") == "332810"
    assert normalise_code("3328100") != normalise_code("33.28.10")  # BPS ≠ Kemendagri


def test_kecamatan_by_code(kecamatan: Boundaries) -> None:
    refs = [AreaRef("Slawi", code="33.28.10"), AreaRef("Adiwerna", code="332811"),
            AreaRef("Dukuhwaru", code="3328110"),  # a BPS code: not a Kemendagri code
            AreaRef("Pangkah")]  # no code: matched by name
    report = match_areas(kecamatan, refs)
    assert report.mapping() == {"Slawi (33.28.10)": "33.28.10",
                                "Adiwerna (332811)": "33.28.11", "Pangkah": "33.28.09"}
    # The area of the same name first, then the closest codes.
    assert report.not_in_file == (Unmatched(
        "Dukuhwaru (3328110)", "not_found",
        ("33.28.18 (Dukuhwaru)", "33.28.11 (Adiwerna)", "33.28.10 (Slawi)")),)
    assert len(report.not_in_data) == 15
    assert report.not_in_data[0] == "Margasari (33.28.01)"
    assert "Slawi (33.28.10)" not in report.not_in_data
    assert not report.complete


def test_kecamatan_by_name_with_did_you_mean(kecamatan: Boundaries) -> None:
    by_name = Boundaries(source=kecamatan.source, key="name", name_property="kecamatan",
                         code_property="kode", parent_property=None,
                         areas=tuple(a.__class__(number=a.number, key=a.name, name=a.name,
                                                 code=a.code, parent=a.parent,
                                                 properties=a.properties,
                                                 geometry=a.geometry)
                                     for a in kecamatan.areas))
    names = [a.name for a in kecamatan.areas]
    refs = [AreaRef(f"Kec. {n.upper()}") for n in names[:-2]]
    refs += [AreaRef("Dukuhwari"), AreaRef("Kota Tegal")]
    report = match_areas(by_name, refs)
    assert len(report.matched) == 16
    assert report.not_in_file == (
        Unmatched("Dukuhwari", "not_found", ("Dukuhwaru", "Dukuhturi")),
        Unmatched("Kota Tegal", "not_found", ()),
    )
    assert report.not_in_data == ("Warureja (33.28.17)", "Dukuhwaru (33.28.18)")


def test_desa_names_need_their_kecamatan(desa_by_name: Boundaries) -> None:
    refs = [AreaRef("Karanganyar"),  # in three kecamatan
            AreaRef("Karanganyar", parent="Kec. Kedungbanteng"),
            AreaRef("Kedungbanteng / Karanganyar"),  # the qualified key itself
            AreaRef("Pakembaran", parent="Slawi"),
            AreaRef("Dukuhwringin")]  # unique name: no parent needed
    report = match_areas(desa_by_name, refs)
    ambiguous = report.not_in_file[0]
    assert ambiguous.label == "Karanganyar" and ambiguous.reason == "ambiguous"
    assert ambiguous.suggestions == ("Pagerbarang / Karanganyar",
                                     "Kedungbanteng / Karanganyar",
                                     "Dukuhturi / Karanganyar")
    assert report.mapping() == {
        "Kec. Kedungbanteng / Karanganyar": "Kedungbanteng / Karanganyar",
        "Kedungbanteng / Karanganyar": "Kedungbanteng / Karanganyar",
        "Slawi / Pakembaran": "Pakembaran",
        "Dukuhwringin": "Dukuhwringin",
    }
    assert len(report.not_in_data) == 287 - 3


def test_every_desa_matches_itself_by_code_and_by_name(desa: Boundaries,
                                                        desa_by_name: Boundaries) -> None:
    by_code = match_areas(desa, [AreaRef(a.name, a.parent, a.code) for a in desa.areas])
    assert by_code.complete and len(by_code.matched) == 287
    by_name = match_areas(desa_by_name, [AreaRef(a.name, a.parent) for a in desa.areas])
    assert by_name.complete and len(by_name.matched) == 287


def test_a_kecamatan_never_matches_a_desa_of_its_name(kecamatan: Boundaries,
                                                      desa_by_name: Boundaries) -> None:
    """Survey rows that name only a kecamatan, read against the 287-desa file by name: the
    desa Adiwerna (in kecamatan Adiwerna) is another, smaller area."""
    refs = [AreaRef("Adiwerna", level="kecamatan"), AreaRef("Slawi", level="kecamatan")]
    by_name = desa_by_name
    report = match_areas(by_name, refs)
    assert report.mapping() == {}
    assert [u.label for u in report.not_in_file] == ["Adiwerna", "Slawi"]
    assert len(report.not_in_data) == 287
    # The same rows against the kecamatan file match.
    assert match_areas(kecamatan, refs).mapping() == {"Adiwerna": "33.28.11",
                                                      "Slawi": "33.28.10"}
    # A desa named like its kecamatan still matches when the row names a desa.
    assert match_areas(by_name, [AreaRef("Adiwerna", "Adiwerna")]).mapping() == {
        "Adiwerna / Adiwerna": "Adiwerna"}
