"""The plan file: defaults, a full file, and every problem of a bad file at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.errors import InputError
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.planning.plan import (
    DEFAULT_CAPACITY,
    DEFAULT_QUICK_WINS,
    DEFAULT_YEARS,
    Plan,
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
    assert plan.horizon.start_year is None
    assert plan.horizon.years == DEFAULT_YEARS == 5
    assert plan.capacity.per_year == DEFAULT_CAPACITY == 6
    assert plan.quick_wins_per_year == DEFAULT_QUICK_WINS == 6
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
    assert (plan.horizon.start_year, plan.horizon.years) == (2027, 7)
    assert plan.targets.index == 70
    assert plan.targets.pillar("gov") == 65.5
    assert plan.opd_name("Bappeda", "en") == "Regional Planning Agency"
    assert plan.opd_name("Diskominfo", "en") == "Dinas Komunikasi dan Informatika"
    assert plan.capacity.per_year == 4
    assert plan.capacity.owner_limit("Diskominfo") == 2
    assert plan.capacity.owner_limit("Bappeda") is None
    assert plan.quick_wins_per_year == 5
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
    assert unknown.message == "unknown key 'populaton'"
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
    assert (plan.horizon.start_year, plan.horizon.years) == (2026, 5)
    assert plan.opd_name("Diskominfo") == "Dinas Komunikasi dan Informatika"
