"""Reading earlier scores files: every shape problem located, history folders merged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smartcity_assess.errors import InputError
from smartcity_assess.history import (
    Criteria,
    NodeScore,
    Snapshot,
    Timeline,
    from_assessment,
    from_dict,
    history_files,
    read_history,
    read_scores,
)
from smartcity_assess.pipeline import run_assessment

ROOT = Path(__file__).parents[1]
IPM_SET = ROOT / "examples" / "bps-ipm" / "ipm.yaml"


def doc(region: str = "Kota A", year: int | None = 2024, score: float | None = 60.0,
        version: str = "1.0") -> dict[str, object]:
    return {
        "schema_version": 1,
        "criteria": {"id": "set", "version": version, "sha256": "ab" * 32},
        "results": [{
            "region": region, "year": year, "score": score, "band": "Good", "coverage": 1.0,
            "pillars": [{"id": "p1", "kind": "pillar", "score": score, "children": [
                {"id": "i1", "kind": "indicator", "score": score, "value": 3.5}]}],
        }],
    }


def test_snapshots_from_json_keep_every_node_with_its_pillar() -> None:
    [snap] = from_dict(doc(), "s.json")
    assert snap.key == ("Kota A", 2024) and snap.score == 60.0 and snap.band == "Good"
    assert snap.criteria == Criteria("set", "1.0", "ab" * 32)
    assert snap.nodes == (NodeScore("p1", "pillar", "p1", 60.0),
                          NodeScore("i1", "indicator", "p1", 60.0, 3.5))
    assert snap.source == "s.json" and snap.label == "Kota A 2024"


def test_the_engine_and_its_json_give_the_same_snapshots(tmp_path: Path) -> None:
    from smartcity_assess.render.scores_json import to_json

    data = tmp_path / "ipm.csv"
    data.write_text("region,year,uhh,hls,rls,pengeluaran\nKota A,2024,70,13,9,11000\n",
                    encoding="utf-8")
    assessment = run_assessment([data], IPM_SET)
    scores = tmp_path / "scores.json"
    scores.write_text(to_json(assessment, "en"), encoding="utf-8")
    [direct] = from_assessment(assessment, "en", source=str(scores))
    [read] = read_scores(scores)
    assert direct == read


def test_every_problem_of_a_scores_file_is_listed() -> None:
    bad = doc()
    bad["schema_version"] = 7
    bad["results"] = [{"region": "", "year": "2024", "score": "high", "coverage": 1.0,
                       "pillars": [{"id": "p1", "kind": "branch", "score": None}]},
                      "not an object"]
    with pytest.raises(InputError) as caught:
        from_dict(bad, "bad.json")
    fields = {p.field for p in caught.value.problems}
    assert {"schema_version", "results[0].region", "results[0].year", "results[0].score",
            "results[0].pillars[0].kind", "results[1]"} <= fields
    assert all(p.file == "bad.json" for p in caught.value.problems)


def test_a_region_year_twice_in_one_file_is_an_error() -> None:
    data = doc()
    data["results"] = data["results"] * 2  # type: ignore[operator]
    with pytest.raises(InputError, match="appears twice"):
        from_dict(data, "twice.json")


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "scores.json"
    path.write_text('{\n  "criteria": {},\n  "results": [,]\n}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_scores(path)
    [problem] = caught.value.problems
    assert problem.line == 3 and problem.column is not None and "not valid JSON" in str(problem)


@pytest.mark.parametrize("content", ["[]", '{"results": []}', '"text"'])
def test_other_json_is_not_taken_for_scores(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="not a scores file"):
        read_scores(path)


def test_history_reads_scores_files_recursively_and_only_those(tmp_path: Path) -> None:
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "scores.json").write_text(json.dumps(doc(year=2023)), "utf-8")
    (tmp_path / "2023" / "provenance.json").write_text("{}", "utf-8")
    (tmp_path / "scores-2022.json").write_text(json.dumps(doc(year=2022)), "utf-8")
    (tmp_path / "notes.json").write_text("not json", "utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in history_files(tmp_path)] == [
        "2023/scores.json", "scores-2022.json"]
    history = read_history(tmp_path)
    assert [s.year for s in history.snapshots] == [2022, 2023] and not history.notes


def test_history_conflicts_take_the_last_file_and_say_so(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "scores.json").write_text(json.dumps(doc(score=50.0)), "utf-8")
    (tmp_path / "b" / "scores.json").write_text(json.dumps(doc(score=55.0)), "utf-8")
    history = read_history(tmp_path)
    [snap] = history.snapshots
    assert snap.score == 55.0 and snap.source.endswith("b/scores.json")
    assert len(history.notes) == 1 and "different scores" in str(history.notes[0])


def test_history_problems_of_all_files_at_once(tmp_path: Path) -> None:
    (tmp_path / "scores-1.json").write_text("{", "utf-8")
    (tmp_path / "scores-2.json").write_text('{"criteria": 1, "results": 2}', "utf-8")
    with pytest.raises(InputError) as caught:
        read_history(tmp_path)
    assert {Path(p.file).name for p in caught.value.problems} == {"scores-1.json",
                                                                  "scores-2.json"}


def test_a_missing_history_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="history folder not found"):
        read_history(tmp_path / "nope")


def snap(region: str, year: int | None, score: float, source: str = "") -> Snapshot:
    return Snapshot(region, year, score, None, 1.0, Criteria("s", "1"), (), source)


def test_timeline_finds_the_latest_earlier_year_and_prefers_later_input() -> None:
    timeline = Timeline([snap("A", 2021, 1.0, "old"), snap("A", 2023, 2.0, "old"),
                         snap("A", 2023, 3.0, "data"), snap("A", 2025, 4.0),
                         snap("B", 2024, 5.0)])
    earlier = timeline.before("A", 2025)
    assert earlier is not None and earlier.score == 3.0 and earlier.source == "data"
    assert timeline.before("A", 2021) is None and timeline.before("A", None) is None
    assert timeline.before("C", 2025) is None
    assert [s.year for s in timeline.series("A")] == [2021, 2023, 2025]
