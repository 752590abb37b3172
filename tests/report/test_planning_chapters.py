"""The planning chapters on the bundled Kabupaten Tegal sample: what each derives from the
roadmap and the plan, checked against the roadmap itself and against hand-worked numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import Band
from smartcity_assess.pipeline import run_assessment
from smartcity_assess.planning.plan import load_plan
from smartcity_assess.planning.planner import build_roadmap
from smartcity_assess.report.chapters.masterplan import institutions, programs
from smartcity_assess.report.chapters.plans import (
    band_source,
    cost_by_source,
    dimension_views,
    evaluation_rows,
    issue_threshold,
    issue_views,
    kpi_views,
    owner_loads,
    profile_figures,
    stage_views,
)
from smartcity_assess.report.chapters.roadmap import dependencies
from smartcity_assess.report.charts.jobs import matrix_job, trajectory_job
from smartcity_assess.report.charts.plan import Matrix, Trajectory
from smartcity_assess.report.facts import ReportFacts, ReportSources, build_facts
from smartcity_assess.report.money import funding_label, millions, rupiah
from smartcity_assess.resources import sample_dir
from smartcity_assess.scoring.views import region_view
from smartcity_assess.text import Text

Sample = tuple[ReportFacts, ReportSources]


@pytest.fixture(scope="module")
def sample() -> Sample:
    folder = sample_dir()
    surveys = sorted(str(p) for p in folder.iterdir() if p.name.startswith("tegal-"))
    assessment = run_assessment(surveys, None)
    plan = load_plan(folder / "plan.yaml")
    result = assessment.results[0]
    roadmap = build_roadmap(result, assessment.indicator_set, plan)
    src = ReportSources(assessment, result, roadmap, plan, "id", dt.date(2026, 1, 1))
    return build_facts(src), src


def test_rupiah_in_words_and_in_millions() -> None:
    assert rupiah(3_080_000_000_000, "id") == "Rp3,08 triliun"
    assert rupiah(3_080_000_000_000, "en") == "Rp3.08 trillion"
    assert rupiah(44_700_000_000, "id") == "Rp44,7 miliar"
    assert rupiah(1_000_000_000, "id") == "Rp1 miliar"  # trailing zeros dropped
    assert rupiah(383_333_333, "id") == "Rp383 juta"  # whole millions
    assert rupiah(50_000, "id") == "Rp50.000"
    assert millions(1_250_000_000, "id") == "1.250" and millions(None, "id") == "–"


def test_band_scheme_is_recognised_for_its_scale() -> None:
    smartcity = load_indicator_set("smartcity-id")
    spbe = load_indicator_set("spbe-2020")
    # smartcity-id: 20, 40, 62.5, 80 on 0–100 = (1.8, 2.6, 3.5, 4.2 − 1) / 4 × 100.
    assert "dipetakan secara linear ke skala 0–100" in band_source(smartcity, "id")
    assert band_source(spbe, "en").startswith("the SPBE index predicates of PermenPANRB")
    moved = replace(smartcity, bands=(*smartcity.bands[:2],
                                      Band(45.0, Text.of("Baik")), *smartcity.bands[3:]))
    assert band_source(moved, "id").startswith("rentang yang ditetapkan instrumen")
    assert band_source(replace(smartcity, bands=()), "id") == ""


def test_profile_figures_with_their_readings(sample: Sample) -> None:
    _, src = sample
    figures = {f.key: f for f in profile_figures(src.plan, "id")}
    assert figures["population"].value == "1.623.595 jiwa"
    # 1,623,595 people / 878.79 km² = 1,847.5 → 1.848
    assert figures["population"].note == "kepadatan 1.848 jiwa per km²"
    assert figures["ipm"].note == "status pembangunan manusia tinggi menurut BPS"  # 70 ≤ 71.12
    assert figures["apbd"].value == "Rp3,08 triliun"
    assert all(f.source.startswith(("BPS", "Pemerintah", "Suara", "Diskominfo"))
               for f in figures.values())


def test_six_dimensions_read_the_same_scores(sample: Sample) -> None:
    facts, src = sample
    found = dimension_views(facts, src)
    view = region_view(src.assessment.indicator_set, src.result, "kominfo")
    assert [d.id for d in found] == ["governance", "branding", "economy", "living", "society",
                                     "environment"]
    assert [d.score for d in found] == [g.score for g in view.groups]
    assert sum(len(d.programs) for d in found) == len(facts.actions)  # each program once
    assert {d.id: d.lead for d in found} == {
        "governance": "Diskominfo", "branding": "Disporapar", "economy": "Dinas Dagkop UKM",
        "living": "Dinas Kesehatan", "society": "Dinas Pendidikan", "environment": "DLH"}
    assert all(d.lead_from_plan for d in found)


def test_strategic_issues_named_first_then_weak_groups(sample: Sample) -> None:
    facts, src = sample
    found = issue_views(facts, src)
    threshold = issue_threshold(facts)
    assert threshold == 40.0  # the index 46.5 is "Baik", which starts at 40
    named = [i for i in found if i.named]
    assert [i.title for i in named] == [i.title.get("id") for i in src.plan.issues]
    derived = [i for i in found if not i.named]
    assert derived and all(i.score is not None and i.score < 40.0 for i in derived)
    assert all(i.title.startswith("Belum optimalnya ") for i in derived)
    # Waste and disaster readiness are named by the plan: not repeated from the scores.
    assert "Belum optimalnya Lingkungan dan Kebencanaan" not in [i.title for i in derived]
    complaints = named[0]
    assert {r.id for r in complaints.evidence} >= {"dampak.aduan_dijawab", "gov.reports_back"}
    assert complaints.programs[0].scheduled


def test_every_kpi_with_a_baseline_has_targets(sample: Sample) -> None:
    facts, src = sample
    rows = kpi_views(facts, src)
    years = src.roadmap.plan_years
    assert rows[0].kind == "index" and rows[0].target_end == 62.0  # the plan's index target
    for row in rows:
        if row.baseline is not None:
            assert [y for y, _ in row.targets] == list(years)
            assert all(v is not None for _, v in row.targets), row.title
    by_id = {r.id: r for r in rows}
    dengue = by_id["dampak.dbd_insiden"]
    assert dengue.basis == "target kebijakan" and dengue.target_end == pytest.approx(51.0)
    link = by_id["gov.lapor_integrated"]  # no policy target: what its program reaches
    assert link.basis == "capaian program terjadwal"
    assert (link.baseline, link.target_rpjmd, link.target_end) == (0.0, 100.0, 100.0)
    # a yes/no statistic at "no": "0%", not "0,00%"
    assert link.value == "0%" and link.owners == ("Diskominfo",)


def test_money_by_year_adds_up(sample: Sample) -> None:
    facts, src = sample
    years = facts.year_costs
    assert [y.year for y in years] == list(range(2026, 2034))
    assert sum(y.total.high for y in years) == src.roadmap.total_cost().high
    for year in years:
        assert year.envelope_total is not None and year.left is not None
        assert year.left == year.envelope_total - year.total.high >= 0
        assert sum(m.high for _, m in year.by_source) == year.total.high
    assert years[0].by_source[0][0] == "APBD"


def test_funding_sources_named_as_a_reader_writes_them(sample: Sample) -> None:
    facts, src = sample
    # the plan's ids stay the keys (the chart's colours); a reader sees "Dana Desa"
    year = facts.year_costs[0]
    assert [s for s, _ in year.by_source] == ["APBD", "DAK", "DanaDesa", "BOS", "CSR",
                                              "BAKTI"]
    assert year.labels == ("APBD", "DAK", "Dana Desa", "BOS", "CSR", "BAKTI")
    funded = [a for a in facts.scheduled if "Dana Desa" in a.funding]
    assert funded and not any("DanaDesa" in a.funding for a in facts.actions)
    assert [line.label for line in cost_by_source(src)
            if line.key == "DanaDesa"] == ["Dana Desa"]
    # the planner's reasons too ("pagu APBD/Dana Desa 2028 cukup")
    reasons = [p.reason.get("id") for p in src.roadmap.actions]
    assert any("Dana Desa" in r for r in reasons)
    assert not any("DanaDesa" in r for r in reasons)
    assert funding_label("Hibah", "en") == "Grants" and funding_label("Hibah", "id") == "Hibah"


def test_stages_follow_the_rpjmd(sample: Sample) -> None:
    facts, src = sample
    found = stage_views(facts, src)
    assert [(s.kind, s.span, s.rpjmd) for s in found] == [
        ("year", "2026", "RPJMD 2025–2029"), ("year", "2027", "RPJMD 2025–2029"),
        ("year", "2028", "RPJMD 2025–2029"), ("year", "2029", "RPJMD 2025–2029"),
        ("phase", "2030–2033", "RPJMD 2030–2034")]
    assert sum(len(s.starting) for s in found) == len(facts.scheduled)
    assert found[0].heading == "Tahun 2026 — RPJMD 2025–2029"


def test_reasons_name_programs_by_number(sample: Sample) -> None:
    facts, _ = sample
    audits = facts.action("gov.audit_tik.security_audits")
    plan = facts.action("gov.audit_tik.plan")
    assert f"menunggu program {plan.rank}" in audits.reason
    assert "gov.audit_tik" not in audits.reason
    assert audits.reason.startswith("2027: wajib menurut Perpres 95/2018")


def test_matrix_plots_the_benefit_of_the_quick_win_rule(sample: Sample) -> None:
    facts, _ = sample
    job = matrix_job(facts, facts.planning.median_benefit)
    assert isinstance(job.spec, Matrix) and job.spec.threshold == facts.planning.median_benefit
    points = {p.rank: p.impact for p in job.spec.points}
    assert points == {a.rank: a.benefit for a in facts.actions}
    assert facts.quick_wins and all(a.benefit >= facts.planning.median_benefit
                                    for a in facts.quick_wins)


def test_agencies_keep_their_limits(sample: Sample) -> None:
    facts, src = sample
    loads = {o.short: o for o in owner_loads(facts, src, dimension_views(facts, src))}
    assert loads["Diskominfo"].limit == 4
    assert max(n for _, n in loads["Diskominfo"].starts) <= 4
    assert "Dinas Pariwisata" not in loads and "Disporapar" in loads  # one name per agency
    assert loads["Disporapar"].leads == ("Smart Branding (Pencitraan Daerah)",)
    chapter = institutions(facts, src)
    assert chapter.council is not None and chapter.council.chair == "Bupati Tegal"
    assert chapter.secretariat_name == "Dinas Komunikasi dan Informatika"


def test_programs_by_dimension_and_pillar(sample: Sample) -> None:
    facts, src = sample
    chapter = programs(facts, src)
    assert len(chapter.existing) == 11 and chapter.existing[0].since == 2016  # oldest first
    assert sum(sum(counts) for _, counts in chapter.by_group) == len(facts.actions)
    assert len(chapter.pillar_titles) == 5


def test_dependencies_listed_once_and_by_what_exists(sample: Sample) -> None:
    facts, src = sample
    chapter = dependencies(facts, src)
    pairs = [(d.action.id, d.depends_on) for d in chapter.dependencies]
    assert len(pairs) == len(set(pairs))
    buy_local = next(d for d in chapter.dependencies
                     if d.action.id == "eco.consumer_online.buy_local")
    assert buy_local.depends_title == "Dodolan Online (DOLAN)"  # the existing program
    assert buy_local.status_label == "sudah tersedia (program berjalan)"


def test_evaluation_weights_from_the_bundled_set(sample: Sample) -> None:
    facts, src = sample
    rows = evaluation_rows(facts, src)
    assert [(r.title, round(r.weight, 2)) for r in rows] == [
        ("Baseline", 0.1), ("Output", 0.2), ("Outcome", 0.3), ("Impact", 0.2),
        ("Quick Win", 0.2)]
    assert rows[4].evidence == f"{len(facts.quick_wins)} quick win yang dimulai 2026–2027."


def test_trajectory_lines_readable_on_white(sample: Sample) -> None:
    facts, _ = sample
    spec = trajectory_job(facts, 2033).spec
    assert isinstance(spec, Trajectory)
    colors = [line.color for line in spec.lines]
    # the index, its target path and five pillars, each its own colour; no Okabe–Ito
    # yellow (#F0E442), which is about 1.2:1 against white as a thin line
    assert len(colors) == 7 and len(set(colors)) == 7
    assert "#F0E442" not in colors
