"""The plan file: defaults, a full file, and every problem of a bad file at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.errors import InputError
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.indicators.vocabulary import FUNDING_SOURCES as SET_FUNDING
from smartcity_assess.planning.plan import (
    DEFAULT_CAPACITY,
    DEFAULT_QUICK_WINS,
    DEFAULT_YEARS,
    FUNDING_SOURCES,
    Plan,
    PlanSpec,
    check_plan,
    load_plan,
)
from smartcity_assess.resources import sample_dir

FULL = """\
sample: true
prepared_by: {id: Tim Penyusun, en: Drafting team}
region:
  name: Kabupaten Uji
  province: Jawa Tengah
  population: 1596996
  population_year: 2020
  area_km2: 878.79
  notes: Catatan
vision: {id: Uji Cerdas, en: Smart Test}
mission:
  - Satu
  - {id: Dua, en: Two}
goals:
  infra: {id: Internet untuk semua desa, en: Internet in every village}
horizon: {start_year: 2027, years: 7}
targets:
  index: 70
  pillars: {infra: 75, gov: 65.5}
opd:
  Diskominfo: Dinas Komunikasi dan Informatika
  Bappeda: {id: Badan Perencanaan Pembangunan Daerah, en: Regional Planning Agency}
capacity:
  per_year: 4
  per_owner: {Diskominfo: 2}
quick_wins_per_year: 5
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_plan_gives_defaults() -> None:
    plan = load_plan(None)
    assert plan == Plan()
    assert plan.period.masterplan is None and plan.period.first_year is None
    assert plan.period.years == DEFAULT_YEARS == 5
    assert plan.capacity.per_year == DEFAULT_CAPACITY == 6
    assert plan.quick_wins.max == DEFAULT_QUICK_WINS == 6
    assert plan.budget is None and plan.envelope(2026) is None
    assert plan.sample is False
    assert plan.opd_name("Diskominfo") == "Diskominfo"
    assert plan.source is None


def test_full_plan(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path, FULL))
    assert plan.sample is True
    assert plan.region.name == "Kabupaten Uji"
    assert plan.region.population == 1596996
    assert plan.region.area_km2 == 878.79
    assert plan.vision.get("en") == "Smart Test"
    assert [m.get("en") for m in plan.mission] == ["Satu", "Two"]
    assert plan.goal("infra").get("id") == "Internet untuk semua desa"
    assert plan.goal("gov").get("id") == ""
    assert plan.period.masterplan == (2027, 2033) and plan.period.first_year == 2027
    assert plan.targets.index == 70
    assert plan.targets.pillar("gov") == 65.5
    assert plan.opd_name("Bappeda", "en") == "Regional Planning Agency"
    assert plan.opd_name("Diskominfo", "en") == "Dinas Komunikasi dan Informatika"
    assert plan.capacity.per_year == 4
    assert plan.capacity.owner_limit("Diskominfo") == 2
    assert plan.capacity.owner_limit("Bappeda") is None
    assert plan.quick_wins.max == 5
    assert [n.message for n in plan.notices] == [
        "'horizon' is a version-1 key, read as period.masterplan (and period.first_year); "
        "write 'period.masterplan' instead",
        "'opd' is a version-1 key, read as owners.names; write 'owners.names' instead",
        "'quick_wins_per_year' is a version-1 key, read as quick_wins.max; "
        "write 'quick_wins.max' instead"]
    assert [n.line for n in plan.notices] == [16, 20, 26]
    assert plan.prepared_by.get("en") == "Drafting team"
    assert plan.source == str(tmp_path / "plan.yaml")
    assert plan.sha256 is not None and len(plan.sha256) == 64


def test_every_problem_of_a_bad_file_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, """\
region:
  name: X
  populaton: 12
horizon: {start_year: 2026, years: 12}
capacity: {per_year: 0}
quick_wins_per_year: many
mission: Satu
""")
    with pytest.raises(InputError) as caught:
        load_plan(path)
    found = {(p.field, p.line) for p in caught.value.problems}
    assert found == {
        ("region.populaton", 3),
        ("horizon.years", 4),
        ("capacity.per_year", 5),
        ("quick_wins_per_year", 6),
        ("mission", 7),
    }
    unknown = next(p for p in caught.value.problems if p.field == "region.populaton")
    assert unknown.message == "unknown key 'populaton' (did you mean 'population'?)"
    assert unknown.expected == ("one of name, province, population, population_year, "
                                "area_km2, notes")
    assert all(p.file == str(path) for p in caught.value.problems)


def test_not_a_mapping_and_yaml_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_plan(write(tmp_path, "- a\n- b\n"))
    assert caught.value.problems[0].message == "a plan must be a YAML mapping"
    with pytest.raises(InputError) as caught:
        load_plan(write(tmp_path, "vision: [unclosed\n"))
    assert caught.value.problems[0].message.startswith("YAML syntax error")
    with pytest.raises(InputError) as caught:
        load_plan(tmp_path / "missing.yaml")
    assert caught.value.problems[0].message == "file not found"
    with pytest.raises(InputError) as caught:
        load_plan(write(tmp_path, "vision: {}\nopd: {Dinas: '  '}\n"))
    assert sorted(p.message for p in caught.value.problems) == [
        "agency 'Dinas' has a blank full name", "empty text"]


def test_check_against_the_set(tmp_path: Path, iset: IndicatorSet) -> None:
    plan = load_plan(write(tmp_path, """\
targets:
  index: 101
  pillars:
    infra: 50
    health: 60
goals:
  economy: Tumbuh
"""))
    problems = check_plan(plan, iset)
    assert sorted((p.field, p.line, p.message) for p in problems) == [
        ("goals.economy", 7, "unknown pillar 'economy' in goals"),
        ("targets.index", 2, "index target is outside the scale"),
        ("targets.pillars.health", 5, "unknown pillar 'health' in targets"),
    ]
    assert check_plan(load_plan(write(tmp_path, FULL)), iset) == []


def test_bundled_sample_plan() -> None:
    plan = load_plan(sample_dir() / "plan.yaml")
    assert plan.sample is True
    assert plan.region.name == "Kabupaten Tegal"
    assert plan.vision.get("id") == "Tegal Cerdas, Mandiri, Unggul, Kreatif dan Berbudaya"
    assert plan.period.masterplan == (2024, 2033) and plan.period.rpjmd == (2025, 2029)
    assert plan.opd_name("Diskominfo") == "Dinas Komunikasi dan Informatika"
    assert plan.notices == ()
    assert all(e.evidence and e.evidence[0].startswith("http") for e in plan.existing)


V2 = """\
period:
  rpjmd: {start: 2025, end: 2029}
  masterplan: {start: 2024, end: 2033}
owners:
  names: {Diskominfo: Dinas Komunikasi dan Informatika, Dinas Dagkop UKM: Dinas Perdagangan}
  aliases: {Dinas Perdagangan: Dinas Dagkop UKM, Dinas Koperasi UKM: Dinas Dagkop UKM}
capacity:
  per_year: 8
  per_owner: {Diskominfo: 3, Dinas Perdagangan: 1}
quick_wins: {max: 4, years: 1}
existing:
  - id: lapor-bupati
    title: Lapor Bupati
    since: 2016
    status: running
    evidence: https://example.org/lapor
    action: aduan-lapor
  - id: satu-data
    title: {id: Satu Data, en: One Data}
    since: 2022
    status: done
    evidence: [https://example.org/a, https://example.org/b]
    provides: ["data:daftar-data-prioritas"]
    dimension: governance
mandatory:
  - spbe-perbup
  - {action: spbe-arsitektur, regulation: Perpres 95/2018}
pin: {umkm-academy: 2027}
boost: {aduan-sla: 2, umkm-dolan: {factor: 1.5, reason: Janji kampanye}}
actions:
  umkm-academy: {cost: [2000000000, 3500000000], funding: [APBD, DAK], nomenclature: "2.17.03"}
  data-portal: {cost_class: M}
budget:
  2026: {APBD: 4000000000, DAK: 1000000000}
  2027: {APBD: 4500000000}
institutions:
  council: {name: Dewan Smart City, chair: Bupati, basis: Keputusan Bupati (contoh)}
  team: {name: Tim Pelaksana Smart City, chair: Sekretaris Daerah}
  secretariat: Diskominfo
  leads: {economy: Dinas Koperasi UKM, governance: Diskominfo}
"""


@pytest.fixture()
def vocab() -> IndicatorSet:
    from smartcity_assess.indicators.loader import load_indicator_set

    return load_indicator_set(Path(__file__).parent / "fixtures" / "vocab.yaml")


def test_version_2_plan(tmp_path: Path, vocab: IndicatorSet) -> None:
    plan = load_plan(write(tmp_path, V2))
    assert plan.notices == ()
    assert (plan.period.rpjmd, plan.period.masterplan) == ((2025, 2029), (2024, 2033))
    assert plan.owner("Dinas Koperasi UKM") == "Dinas Dagkop UKM"
    assert plan.opd_name("Dinas Perdagangan") == "Dinas Perdagangan"  # the full name
    assert plan.capacity.per_year == 8
    assert (plan.quick_wins.max, plan.quick_wins.years) == (4, 1)
    assert [(e.id, e.since, e.status, e.action) for e in plan.existing] == [
        ("lapor-bupati", 2016, "running", "aduan-lapor"), ("satu-data", 2022, "done", None)]
    assert plan.existing[1].evidence == ("https://example.org/a", "https://example.org/b")
    assert [(m.action, m.regulation) for m in plan.mandatory] == [
        ("spbe-perbup", None), ("spbe-arsitektur", "Perpres 95/2018")]
    assert plan.pin == (("umkm-academy", 2027),)
    assert [(b.action, b.factor, b.reason.get()) for b in plan.boost] == [
        ("aduan-sla", 2.0, ""), ("umkm-dolan", 1.5, "Janji kampanye")]
    academy = plan.terms_for("umkm-academy")
    assert academy is not None
    assert (academy.cost, academy.funding, academy.nomenclature) == (
        (2_000_000_000, 3_500_000_000), ("APBD", "DAK"), "2.17.03")
    assert plan.envelope(2026) == {"APBD": 4_000_000_000, "DAK": 1_000_000_000}
    assert plan.envelope(2028) == {}  # not listed: nothing that costs money can run
    assert plan.institutions.leads == (("governance", "Diskominfo"),
                                       ("economy", "Dinas Koperasi UKM"))
    assert check_plan(plan, vocab) == []


def test_version_2_problems_with_lines(tmp_path: Path) -> None:
    path = write(tmp_path, """\
period:
  rpjmd: {start: 2029, end: 2025}
  masterplan: {start: 2024, end: 2033}
  first_year: 2040
owners:
  aliases: {A: B, B: C, D: D}
existing:
  - {id: x, title: X, since: 2020, status: planned, evidence: ""}
actions:
  a1: {cost: [5, 1], cost_class: S}
  a2: {funding: [APBD, Dana Desa], nomenclature: "program 1"}
budget:
  2050: {APBD: 1}
  2026: {ABPD: 1}
pin: {a1: 2040}
quick_wins: {max: 6, year: 2}
""")
    with pytest.raises(InputError) as caught:
        load_plan(path)
    found = sorted((p.line, p.field, p.message) for p in caught.value.problems)
    fields = [(line, name) for line, name, _ in found]
    assert fields == [
        (8, "existing[0].status"), (11, "actions.a2.funding[1]"),
        (11, "actions.a2.nomenclature"), (14, "budget[2026].ABPD"), (16, "quick_wins.year")]
    typo = next(p for p in caught.value.problems if p.field == "quick_wins.year")
    assert typo.message == "unknown key 'year' (did you mean 'years'?)"
    assert typo.expected == "one of max, years, per_dimension"
    # The schema errors come first; the cross-field checks once the shape is right.
    path = write(tmp_path, """\
period:
  rpjmd: {start: 2029, end: 2025}
  masterplan: {start: 2024, end: 2033}
  first_year: 2040
owners:
  aliases: {A: B, B: C, D: D}
existing:
  - {id: x, title: X, since: 2020, status: done, evidence: ""}
actions:
  a1: {cost: [5, 1], cost_class: S}
budget:
  2050: {APBD: 1}
pin: {a1: 2040}
""")
    with pytest.raises(InputError) as caught:
        load_plan(path)
    assert sorted((p.line, p.message) for p in caught.value.problems) == [
        (2, "period.rpjmd ends before it starts"),
        (4, "first_year lies outside the masterplan"),
        (6, "agency alias 'A' points to another alias 'B'"),
        (6, "agency alias 'D' names itself"),
        (8, "an existing program needs its evidence"),
        (10, "cost range is reversed"),
        (10, "give either cost or cost_class, not both"),
        (12, "budget year 2050 lies outside the masterplan"),
        (13, "pin year 2040 lies outside the masterplan"),
    ]


def test_version_1_and_2_keys_together(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_plan(write(tmp_path, "horizon: {start_year: 2026}\n"
                                  "period: {masterplan: {start: 2026, end: 2030}}\n"))
    assert [p.message for p in caught.value.problems] == [
        "'horizon' (version 1) and 'period.masterplan' are both given"]


def test_checks_against_the_set_name_actions_and_agencies(tmp_path: Path,
                                                          vocab: IndicatorSet) -> None:
    plan = load_plan(write(tmp_path, """\
existing:
  - {id: lapor, title: Lapor, since: 2016, status: running, evidence: u, action: aduan-lapor}
mandatory: [data-portal, aduan-lapr]
pin: {aduan-lapor: 2027}
capacity:
  per_owner: {Diskominfo: 1, Diskominpo: 0}
institutions:
  leads: {living: Dinkes}
"""))
    problems = sorted((p.line, p.field, p.message) for p in check_plan(plan, vocab))
    assert problems == [
        (3, "mandatory[0]", "mandatory action 'data-portal' names no regulation"),
        (3, "mandatory[1]", "unknown action 'aduan-lapr' in mandatory"),
        (4, "pin.aduan-lapor", "action 'aduan-lapor' is realised by existing program 'lapor'"),
        (6, "capacity.per_owner.Diskominpo", "unknown agency 'Diskominpo' in per_owner"),
        (8, "institutions.leads.living", "unknown agency 'Dinkes'"),
    ]
    typo = next(p for p in check_plan(plan, vocab) if "Diskominpo" in p.message)
    assert typo.expected is not None and "Diskominfo" in typo.expected


def test_funding_sources_match_the_set_format() -> None:
    assert FUNDING_SOURCES == SET_FUNDING


def test_json_schema_is_current() -> None:
    import json

    saved = (Path(__file__).parents[2] / "docs" / "plan.schema.json").read_text("utf-8")
    assert json.loads(saved) == PlanSpec.model_json_schema()


PROFILE = """\
region: {name: Kabupaten Uji, population: 1000, area_km2: 10}
profile:
  population: {value: 1000, year: 2022, source: "BPS (2023). Kabupaten Uji Dalam Angka 2023. https://example.org/bps"}
  kecamatan: {value: 18, year: 2018, source: "RPJMD Kabupaten Uji, Bab II. https://example.org/rpjmd"}
  apbd: {value: 3080000000000, year: 2025, source: "DPA APBD 2025. https://example.org/apbd"}
  ipm: {value: 71.12, year: 2023, source: "RLPPD 2023. https://example.org/rlppd"}
issues:
  - title: {id: Aduan dijawab, en: Complaints answered}
    dimension: governance
    indicators: [aduan]
  - title: Sampah
"""


def test_profile_and_issues(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path, PROFILE))
    assert [(f.key, f.value, f.year) for f in plan.profile] == [
        ("population", 1000, 2022), ("kecamatan", 18, 2018),
        ("apbd", 3080000000000, 2025), ("ipm", 71.12, 2023)]  # PROFILE_KEYS order
    apbd = plan.figure("apbd")
    assert apbd is not None and apbd.source == "DPA APBD 2025. https://example.org/apbd"
    assert plan.figure("ipm") is not None and plan.figure("desa") is None
    assert [(i.title.get("en"), i.dimension, i.indicators) for i in plan.issues] == [
        ("Complaints answered", "governance", ("aduan",)), ("Sampah", None, ())]


def test_profile_problems_all_at_once(tmp_path: Path) -> None:
    # The shape first (every problem of it at once) …
    with pytest.raises(InputError) as caught:
        load_plan(write(tmp_path, """\
profile:
  poverty: {value: 7, source: ""}
  desa: {value: 281}
  luas: {value: 1, source: "x"}
"""))
    assert sorted((p.field, p.line, p.message) for p in caught.value.problems) == [
        ("profile.desa.source", 3, "required key 'source' is missing"),
        ("profile.luas", 4, "unknown key 'luas'"),
        ("profile.poverty.source", 2, "String should have at least 1 character"),
    ]
    # … then what the values mean, again all at once.
    with pytest.raises(InputError) as caught:
        load_plan(write(tmp_path, """\
region: {population: 999}
profile:
  population: {value: 1000, source: "BPS"}
  kecamatan: {value: 18.5, source: "RPJMD"}
  ipm: {value: 171, source: "RLPPD"}
issues:
  - {title: {}}
"""))
    assert sorted((p.field, p.line, p.message) for p in caught.value.problems) == [
        ("issues[0].title", 7, "empty text"),
        ("profile.ipm.value", 5, "profile.ipm lies outside 0–100"),
        ("profile.kecamatan.value", 4, "profile.kecamatan must be a whole number"),
        ("region.population", 1, "region.population and profile.population disagree"),
    ]


def test_issues_name_indicators_of_the_set(tmp_path: Path, vocab: IndicatorSet) -> None:
    plan = load_plan(write(tmp_path, "issues:\n  - title: Aduan\n    indicators: [aduanx]\n"))
    problems = check_plan(plan, vocab)
    assert [(p.field, p.line, p.message) for p in problems] == [
        ("issues[0].indicators[0]", 3, "unknown indicator 'aduanx' in issues")]
    assert problems[0].expected is not None and "aduan" in problems[0].expected
