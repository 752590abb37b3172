"""run: outputs, provenance, history, stale files, nothing written on bad input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from assessment.assessment_helpers import CONFIG, Project, write_ipm
from smartcity_assess.assessment.batch import plan_for
from smartcity_assess.assessment.execute import run
from smartcity_assess.errors import InputError
from smartcity_assess.outputs import MANIFEST
from smartcity_assess.planning.plan import Plan, RegionProfile
from smartcity_assess.text import Text

ASSERTS = CONFIG + """\
assertions:
  index: {min_score: 70, max_drop: {value: 0.1, level: warn}}
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_run_writes_scores_summary_and_provenance(project: Project, tmp_path: Path) -> None:
    result = run(project(ASSERTS))
    out = tmp_path / "out"
    # The manifest (.smartcity-assess.json) is the tool's record of what it wrote there.
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "provenance.json",
                                                     "scores.json", "summary.md"]
    assert sorted(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]) == [
        "provenance.json", "scores.json", "summary.md"]
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert len(scores["results"]) == 6
    assert scores["inputs"][0]["path"] == "data/ipm.csv"  # relative to the config
    # Brebes is under 70 in 2024: an error. Every index rose from 2023: no drop to warn of.
    errors = [o for o in result.outcomes if o.is_error]
    assert [(o.region, o.year, o.check) for o in errors] == [
        ("Kabupaten Brebes", 2024, "min_score")]
    assert result.exit_code == 1
    # only the latest year is asserted on (scope: latest)
    assert {o.year for o in result.outcomes} == {2024}
    assert [o for o in result.outcomes if o.status == "fail" and o.level == "warn"] == []
    assert all(o.previous_year == 2023 for o in result.outcomes if o.check == "max_drop")


def test_provenance_records_versions_hashes_and_config(project: Project, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    run(project(ASSERTS))
    out = tmp_path / "out"
    record = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert list(record) == ["schema_version", "tool", "python", "libraries", "created",
                            "source_date_epoch", "config", "criteria", "plan", "inputs",
                            "history", "outputs"]
    assert record["created"] == "2026-01-01T00:00:00Z"
    assert record["source_date_epoch"] == 1767225600
    assert record["criteria"]["source"] == "ipm.yaml"
    assert record["criteria"]["sha256"] == sha(tmp_path / "ipm.yaml")
    [data] = record["inputs"]
    assert data == {"path": "data/ipm.csv", "sha256": sha(tmp_path / "data" / "ipm.csv"),
                    "bytes": (tmp_path / "data" / "ipm.csv").stat().st_size, "format": "csv",
                    "layout": "wide", "rows": 6, "date": "2024"}  # the latest year of its rows
    assert record["config"]["sha256"] == sha(tmp_path / "assessment.yaml")
    assert record["config"]["resolved"]["input_files"] == ["data/ipm.csv"]
    assert record["config"]["resolved"]["assertions"]["index"]["min_score"] == 70.0
    assert {o["path"]: o["sha256"] for o in record["outputs"]} == {
        name: sha(out / name) for name in ("scores.json", "summary.md")}
    assert record["python"]["version"].count(".") == 2 and record["libraries"]["jinja2"]


def test_history_gives_the_previous_year_and_data_wins_over_it(project: Project,
                                                               tmp_path: Path) -> None:
    path = project(ASSERTS.replace("outputs: {folder: out, reports: none}",
                                   "outputs: {folder: out, reports: none}\nhistory: history"),
                   years=(2024,))
    (tmp_path / "history" / "2023").mkdir(parents=True)
    # history made from a run on 2023 data with every score raised by 5
    write_ipm(tmp_path / "old" / "ipm.csv", (2023,))
    from smartcity_assess.pipeline import run_assessment
    from smartcity_assess.render.scores_json import assessment_to_dict

    old = assessment_to_dict(run_assessment([tmp_path / "old" / "ipm.csv"],
                                            tmp_path / "ipm.yaml"), "en")
    for result in old["results"]:
        result["score"] += 5
    (tmp_path / "history" / "2023" / "scores.json").write_text(json.dumps(old), "utf-8")
    result = run(path)
    drops = [o for o in result.outcomes if o.check == "max_drop"]
    assert len(drops) == 3 and all(o.status == "fail" and o.level == "warn" for o in drops)
    assert all(o.previous_source and o.previous_source.endswith("2023/scores.json")
               for o in drops)
    assert all(4.0 < (o.drop or 0) < 6.0 for o in drops)
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "(2023)" in summary and "fell" in summary
    record = json.loads((tmp_path / "out" / "provenance.json").read_text(encoding="utf-8"))
    assert [h["path"] for h in record["history"]] == ["history/2023/scores.json"]
    # with 2023 in the data as well, the data's 2023 (not the raised history) is used
    write_ipm(tmp_path / "data" / "ipm.csv", (2023, 2024))
    again = run(path)
    assert all(o.status != "fail" or o.check != "max_drop" or (o.drop or 0) < 1
               for o in again.outcomes)


def test_bad_input_writes_nothing_and_lists_every_problem(project: Project,
                                                          tmp_path: Path) -> None:
    path = project(CONFIG + "plan: plan.yaml\nassertions:\n  pillars: {wealth: {min_score: 1}}\n")
    (tmp_path / "plan.yaml").write_text("horizon: {years: 99}\n", encoding="utf-8")
    with (tmp_path / "data" / "ipm.csv").open("a", encoding="utf-8") as stream:
        stream.write("Kota X,2024,abc,1,1,1\n")
    with pytest.raises(InputError) as caught:
        run(path)
    files = {Path(p.file).name for p in caught.value.problems}
    assert files == {"assessment.yaml", "plan.yaml", "ipm.csv"}
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_reports_per_language_and_stale_files_are_removed(project: Project,
                                                          tmp_path: Path) -> None:
    path = project(CONFIG.replace("reports: none", "reports: latest, formats: [md]")
                   .replace("languages: [en]", "languages: [en, id]"), years=(2024,))
    run(path)
    out = tmp_path / "out"
    folders = sorted(p.name for p in (out / "reports" / "en").iterdir() if p.is_dir())
    assert folders == ["kabupaten-brebes-2024", "kabupaten-tegal-2024", "kota-tegal-2024"]
    # Several region-years: the overview above their folders, in each language.
    overview = (out / "reports" / "en" / "index.md").read_text(encoding="utf-8")
    assert "[Masterplan](kota-tegal-2024/masterplan.md)" in overview
    assert (out / "reports" / "id" / "index-heatmap-2024.svg").is_file()
    assert not (out / "reports" / "en" / "index.html").exists()  # formats: [md]
    assert (out / "reports" / "id" / "kota-tegal-2024" / "masterplan.md").is_file()
    report_scores = json.loads((out / "reports" / "en" / "kota-tegal-2024" / "scores.json")
                               .read_text(encoding="utf-8"))
    assert [r["region"] for r in report_scores["results"]] == ["Kota Tegal"]
    (out / "mine.txt").write_text("not ours", encoding="utf-8")
    write_ipm(tmp_path / "data" / "ipm.csv", (2024,), regions=("Kota Tegal",))
    result = run(path)
    assert sorted(p.name for p in (out / "reports" / "en").iterdir()) == ["kota-tegal-2024"]
    assert len(result.removed) > 0 and (out / "mine.txt").read_text() == "not ours"


def test_a_named_plan_describes_its_own_region_only() -> None:
    plan = Plan(region=RegionProfile(name="Kabupaten Tegal", province="Jawa Tengah"),
                vision=Text.of("Tegal Cerdas"))
    assert plan_for(plan, "Kabupaten Tegal") is plan
    other = plan_for(plan, "Kota Tegal")
    assert other.region.name is None and not other.vision and other.period == plan.period
    unnamed = Plan(vision=Text.of("Cerdas"))
    assert plan_for(unnamed, "Kota Tegal") is unnamed
