"""The issue's checks on the bundled Kabupaten Tegal sample, read from roadmap.json."""

from __future__ import annotations

import json
from typing import Any

import pytest

from smartcity_assess.pipeline import run_assessment
from smartcity_assess.planning.plan import Plan, load_plan
from smartcity_assess.planning.planner import Roadmap, build_roadmap
from smartcity_assess.planning.roadmap_json import roadmap_json
from smartcity_assess.resources import sample_dir


@pytest.fixture(scope="module")
def sample() -> tuple[Roadmap, Plan, dict[str, Any]]:
    folder = sample_dir()
    surveys = sorted(str(p) for p in folder.iterdir() if p.name.startswith("tegal-"))
    assessment = run_assessment(surveys, None)
    plan = load_plan(folder / "plan.yaml")
    roadmap = build_roadmap(assessment.results[0], assessment.indicator_set, plan)
    return roadmap, plan, json.loads(roadmap_json(roadmap, plan))


def test_covers_the_masterplan_in_rpjmd_stages(sample: tuple[Roadmap, Plan, dict[str, Any]]
                                               ) -> None:
    _, _, document = sample
    period = document["period"]
    assert period["masterplan"] == [2024, 2033] and period["rpjmd"] == [2025, 2029]
    assert [(s["kind"], s["start"], s["end"]) for s in period["stages"]] == [
        ("baseline", 2024, 2025), ("year", 2026, 2026), ("year", 2027, 2027),
        ("year", 2028, 2028), ("year", 2029, 2029), ("phase", 2030, 2033)]
    assert [c["year"] for c in document["costs"]] == list(range(2026, 2034))


def test_existing_programs_are_never_proposed(sample: tuple[Roadmap, Plan, dict[str, Any]]
                                              ) -> None:
    _, plan, document = sample
    existing = set(document["limits"]["existing"])
    assert {"mpp-satya-dahayu", "lapor-bupati", "dolan"} <= existing
    realised = {e.action for e in plan.existing if e.action}
    assert "gov.services_online.mpp_digital" in realised
    proposed = [p for p in document["programs"] if p["status"] != "existing"]
    assert not {p["id"] for p in proposed} & (existing | realised)
    assert {p["id"] for p in document["programs"] if p["status"] == "existing"} == existing


def test_mandatory_inside_the_current_rpjmd(sample: tuple[Roadmap, Plan, dict[str, Any]]
                                            ) -> None:
    _, _, document = sample
    programs = {p["id"]: p for p in document["programs"]}
    mandatory = document["limits"]["mandatory"]
    assert len(mandatory) == 5  # SPBE, Satu Data (regulation and data list), CSIRT, audits
    for entry in mandatory:
        program = programs[entry["id"]]
        assert program["status"] == "scheduled"
        assert program["start"] <= document["period"]["rpjmd"][1] == entry["deadline"]
        assert entry["regulation"] in program["reason"]


def test_every_year_within_its_envelope(sample: tuple[Roadmap, Plan, dict[str, Any]]) -> None:
    _, _, document = sample
    for year in document["costs"]:
        scheduled = sum(c["cost"][1] for p in document["programs"]
                        for c in p.get("yearly_cost", ()) if c["year"] == year["year"])
        assert scheduled == year["total"][1] <= year["envelope_total"]
        for source, cost in year["by_source"].items():
            assert cost[1] <= year["envelope"][source]
    unfunded = [p for p in document["programs"] if p["status"] == "unfunded"]
    assert unfunded, "the sample's envelopes leave some programs unfunded"
    assert all(p["start"] is None and p["reason"].startswith("tidak terdanai") for p in unfunded)


def test_owner_limits_hold_for_quick_wins_too(sample: tuple[Roadmap, Plan, dict[str, Any]]
                                              ) -> None:
    _, _, document = sample
    limits = document["limits"]["per_owner"]
    assert limits["Diskominfo"] == 4
    for year in range(2026, 2034):
        starting = [p for p in document["programs"]
                    if p["status"] == "scheduled" and p["start"] == year]
        assert len(starting) <= document["limits"]["per_year"]
        for owner, limit in limits.items():
            assert sum(1 for p in starting if p["owner"] == owner) <= limit
    wins = [p for p in document["programs"] if p["quick_win"]]
    assert 1 <= len(wins) <= 6 and all(p["start"] in (2026, 2027) for p in wins)


def test_one_name_per_agency(sample: tuple[Roadmap, Plan, dict[str, Any]]) -> None:
    _, _, document = sample
    owners = {p["owner"] for p in document["programs"]}
    assert "Dinas Dagkop UKM" in owners
    assert not owners & {"Dinas Perdagangan", "Dinas Koperasi UKM"}


def test_reasons_in_both_languages(sample: tuple[Roadmap, Plan, dict[str, Any]]) -> None:
    roadmap, plan, _ = sample
    english = json.loads(roadmap_json(roadmap, plan, "en"))
    reasons = {p["id"]: p["reason"] for p in english["programs"]}
    assert reasons["gov.keamanan_informasi.csirt"].startswith(
        "2026: mandatory under Peraturan BSSN 10/2020; budget APBD 2026 allows")
    assert all(p["reason"] for p in english["programs"])


def test_roadmap_json_is_deterministic(sample: tuple[Roadmap, Plan, dict[str, Any]]) -> None:
    roadmap, plan, _ = sample
    assert roadmap_json(roadmap, plan) == roadmap_json(roadmap, plan)
