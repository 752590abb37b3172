"""The default set smartcity-id version 2: six dimensions, SPBE numbers, facts, sources,
targets, actions, and texts fit for the reader (no internal notes)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.indicators.vocabulary import KOMINFO_DIMENSIONS
from smartcity_assess.text import Text

ROOT = Path(__file__).parents[2]
OWNERS = {"Diskominfo", "Bappeda", "Bapenda", "BKPSDM", "Inspektorat", "Bagian Organisasi",
          "Bagian PBJ", "DPMPTSP", "Disdukcapil", "Dinas Pendidikan", "Dinas Kesehatan",
          "Dinas PMD", "Dinas PUPR", "Dinas Dagkop UKM", "Disnaker", "Dinas Pariwisata", "BPBD",
          "DLH", "Satpol PP"}
"""The agencies of the set's header comment and docs/bundled-sets.md, one name each."""


@pytest.fixture(scope="module")
def iset() -> IndicatorSet:
    return load_indicator_set("smartcity-id")


def test_structure_five_pillars_and_impact(iset: IndicatorSet) -> None:
    assert iset.version == "2.0"
    assert [p.id for p in iset.pillars] == ["infrastructure", "government", "society",
                                            "economy", "dampak"]
    assert {p.weight for p in iset.pillars} == {1.0}  # impact = 1/5 = 20% of the index
    dampak = {i.id for i in iset.pillars[-1].indicators()}
    assert {"dampak.aduan_selesai", "dampak.aduan_hari_selesai", "dampak.aduan_dijawab",
            "dampak.dbd_insiden", "dampak.rasa_aman", "dampak.peringatan_dini",
            "dampak.sampah_tertangani"} <= dampak
    days = iset.indicator_map()["dampak.aduan_hari_selesai"]
    assert days.direction == "lower" and days.unit_text.get("id") == "hari"


def test_every_indicator_in_one_kominfo_dimension_at_least_three_each(iset: IndicatorSet
                                                                      ) -> None:
    dims = [i.crosswalk_value("kominfo") for i in iset.indicators()]
    assert None not in dims
    counts = Counter(dims)
    assert set(counts) == set(KOMINFO_DIMENSIONS)
    assert min(counts.values()) >= 3


def test_spbe_numbers_name_the_operational_indicators(iset: IndicatorSet) -> None:
    spbe = {i.id: i.crosswalk_value("spbe") for i in iset.indicators()}
    assert spbe["infra.datacenter_cloud"] == "16"
    assert spbe["infra.intra_gov_network"] == "17"
    assert spbe["infra.service_bus"] == "18"
    assert spbe["gov.tim_koordinasi"] == "19"
    assert spbe["gov.collaboration"] == "20"
    assert spbe["gov.plan_budget"] == "13"
    assert spbe["gov.process_innovation"] == "14"
    assert spbe["gov.app_development"] == "15"
    assert spbe["gov.kebijakan_internal"] == "1-10"
    # Each single SPBE number names the same subject in the spbe-2020 set.
    titles = {i.id: i.title.get("id") for i in load_indicator_set("spbe-2020").indicators()}
    subjects = {"16": "Pusat Data", "17": "Jaringan Intra", "18": "Penghubung Layanan",
                "19": "Tim Koordinasi", "20": "Kolaborasi", "22": "Keamanan Informasi",
                "23": "Manajemen Data", "42": "Pengaduan", "43": "Data Terbuka"}
    for number, subject in subjects.items():
        assert subject in titles[f"ind{int(number):02d}"]
        assert number in spbe.values()


def test_roles_are_indonesian_and_statistics_are_facts(iset: IndicatorSet) -> None:
    roles = {r for i in iset.indicators() for r in i.roles}
    assert roles == {"warga", "umkm", "opd", "asn", "statistik"}
    for ind in iset.indicators():
        if ind.roles == ("statistik",):
            assert ind.kind == "fact", ind.id
        else:
            assert ind.kind == "measure", ind.id


def test_no_double_counting(iset: IndicatorSet) -> None:
    zero = {i.id for i in iset.indicators() if i.weight == 0}
    assert zero == {"gov.spbe_index", "soc.imdi"}
    imdi = {i.id: i.crosswalk_value("imdi") for i in iset.indicators()
            if i.crosswalk_value("imdi")}
    assert {"soc.imdi_skills", "eco.imdi_empowerment", "eco.imdi_work"} <= set(imdi)


def test_targets_only_from_policy_documents(iset: IndicatorSet) -> None:
    targets = {i.id: i.target for i in iset.indicators() if i.target is not None}
    assert targets == {"infra.desa_4g": 100.0, "soc.internet_users": 82.3,
                       "eco.umkm_digital": 50.0, "eco.etpd": 100.0,
                       "dampak.dbd_insiden": 49.0, "dampak.sampah_tertangani": 70.0,
                       "dampak.sampah_berkurang": 30.0}


def test_every_indicator_cites_public_documents(iset: IndicatorSet) -> None:
    for ind in iset.indicators():
        assert ind.references, ind.id
        for ref in ind.references:
            assert re.search(r"https?://\S+$", ref), (ind.id, ref)
            assert re.search(r"\(\d{4}\)|\((terbit|tahunan)", ref) or "Bank Indonesia" in ref \
                or "Ombudsman RI" in ref or "Sleman" in ref, (ind.id, ref)


def _texts(iset: IndicatorSet) -> list[tuple[str, Text]]:
    found: list[tuple[str, Text]] = [("set.title", iset.title), ("set", iset.description)]
    for group in iset.groups():
        found += [(group.id, group.title), (group.id, group.description)]
    for ind in iset.indicators():
        found += [(ind.id, ind.title), (ind.id, ind.question), (ind.id, ind.description),
                  (ind.id, ind.unit_text)]
        found += [(f"{ind.id}.level{n}", text) for n, text in ind.levels]
        for action in ind.actions:
            found += [(action.id, action.title), (action.id, action.description)]
    for band in iset.bands:
        found.append(("band", band.label))
    return found


def test_texts_are_for_the_reader(iset: IndicatorSet) -> None:
    internal = re.compile(r"judgement|judgment|domain\.md|tegal-facts|\.md\b|unverified|"
                          r"from memory|guess|TODO|per 10k|bundled:", re.I)
    for where, text in _texts(iset):
        if not text:
            continue
        assert set(text.languages()) in ({"id", "en"}, {"*"}), where
        for lang in ("id", "en"):
            assert not internal.search(text.get(lang)), (where, text.get(lang))
    for ind in iset.indicators():
        for ref in ind.references:
            assert not internal.search(ref.rsplit(" http", 1)[0]), (ind.id, ref)


def test_actions_owners_regulations_and_links(iset: IndicatorSet) -> None:
    actions = list(iset.actions())
    assert {a.owner for a in actions} <= OWNERS
    by_id = {a.id: a for a in actions}
    assert by_id["gov.manajemen_data.satu_data_perbup"].regulation == "Perpres 39/2019"
    assert by_id["gov.csirt_registered.register"].regulation == "Peraturan BSSN 10/2020"
    assert by_id["gov.data_protection.officer"].regulation == "UU 27/2022"
    assert by_id["gov.kebijakan_internal.perbup_spbe"].regulation == "Perpres 95/2018"
    portal = by_id["gov.open_data.portal"]
    assert "data:daftar-data-prioritas" in portal.requires
    assert "data:daftar-data-prioritas" in by_id["gov.manajemen_data.daftar_data"].provides
    provided = {p for a in actions for p in a.provides}
    assert {r for a in actions for r in a.requires} <= provided
    assert by_id["gov.reports_back.close_the_loop"].citizen_impact == "high"
    assert by_id["gov.reports_back.publish_outcomes"].citizen_impact == "high"
    assert all(a.cost_class is not None and a.funding for a in actions)


def test_indicator_sources_doc_is_generated_from_the_set() -> None:
    done = CliRunner().invoke(app, ["criteria", "sources", "smartcity-id"])
    assert done.exit_code == 0, done.output
    saved = (ROOT / "docs" / "indicator-sources.md").read_text(encoding="utf-8")
    assert done.stdout == saved, ("regenerate: smartcity-assess criteria sources "
                                  "-o docs/indicator-sources.md")
    assert "| `dampak.dbd_insiden` |" in saved and "at most 49 cases per 100,000" in saved
