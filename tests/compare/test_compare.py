"""compare: deltas, ranks and breaks between files, years and regions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from compare.compare_helpers import only_year, result
from smartcity_assess.compare import (
    Comparison,
    compare,
    ranks,
    signed,
    to_dict,
    to_json,
    to_markdown,
)
from smartcity_assess.errors import UsageError
from smartcity_assess.history import Criteria, Snapshot, from_dict

Write = Callable[[str, dict[str, Any]], Path]


def load(label: str, data: dict[str, Any]) -> tuple[str, list[Snapshot]]:
    return (label, from_dict(data, label))


def test_years_within_one_file_year_over_year(ipm_scores: dict[str, Any]) -> None:
    comparison = compare([load("s.json", ipm_scores)])
    assert comparison.mode == "years"
    assert [s.label for s in comparison.sides] == ["2022", "2023", "2024"]
    assert len(comparison.pairs) == 6  # three regions × (2022→2023, 2023→2024)
    tegal = next(p for p in comparison.pairs if p.key == "Kabupaten Tegal"
                 and p.other_side == "2024")
    before, after = (result(ipm_scores, "Kabupaten Tegal", y) for y in (2023, 2024))
    assert tegal.base_side == "2023"
    assert tegal.index.delta == pytest.approx(after["score"] - before["score"])
    pillars = {d.id: d for d in tegal.pillars()}
    assert list(pillars) == ["health", "education", "living"]
    assert pillars["education"].delta == pytest.approx(
        after["pillars"][1]["score"] - before["pillars"][1]["score"])
    indicators = {d.id: d for d in tegal.indicators}
    assert set(indicators) == {"uhh", "hls", "rls", "pengeluaran"}
    assert indicators["rls"].pillar == "education"
    assert not tegal.is_break and tegal.break_reason is None


def test_against_first_compares_every_side_with_the_first(ipm_scores: dict[str, Any]) -> None:
    comparison = compare([load("s.json", ipm_scores)], against="first",
                         regions=["Kota Tegal"])
    assert [(p.base_side, p.other_side) for p in comparison.pairs] == [
        ("2022", "2023"), ("2022", "2024")]


def test_ranks_are_among_the_regions_of_the_same_file_and_year(
        ipm_scores: dict[str, Any]) -> None:
    comparison = compare([load("s.json", ipm_scores)], years=[2022, 2024])
    by_region = {p.key: p for p in comparison.pairs}
    scores_2024 = sorted((r["score"], r["region"]) for r in ipm_scores["results"]
                         if r["year"] == 2024)
    best = scores_2024[-1][1]
    rank = by_region[best].other_rank
    assert rank is not None and (rank.rank, rank.of) == (1, 3)
    assert all(p.rank_change is not None for p in comparison.pairs)


def test_competition_ranking_with_ties() -> None:
    def snap(region: str, score: float | None) -> Snapshot:
        return Snapshot(region, 2024, score, None, 1.0, Criteria("s", "1"), (), "f")

    found = ranks([snap("A", 50.0), snap("B", 70.0), snap("C", 50.0), snap("D", 40.0),
                   snap("E", None)])
    assert {k[1]: (r.rank, r.of) for k, r in found.items()} == {
        "B": (1, 4), "A": (2, 4), "C": (2, 4), "D": (4, 4)}


def test_regions_against_each_other_by_year(ipm_scores: dict[str, Any]) -> None:
    comparison = compare([load("s.json", ipm_scores)],
                         regions=["Kabupaten Tegal", "Kota Tegal"], years=[2024])
    assert comparison.mode == "regions"
    [pair] = comparison.pairs
    assert pair.key == "2024"
    assert (pair.base_side, pair.other_side) == ("Kabupaten Tegal", "Kota Tegal")
    assert pair.index.delta == pytest.approx(
        result(ipm_scores, "Kota Tegal", 2024)["score"]
        - result(ipm_scores, "Kabupaten Tegal", 2024)["score"])


def test_two_files_match_regions_and_flag_a_break(ipm_scores: dict[str, Any]) -> None:
    old = only_year(ipm_scores, 2023)
    new = only_year(ipm_scores, 2024)
    new["criteria"]["version"] = "2025"
    new["results"] = [r for r in new["results"] if r["region"] != "Kabupaten Brebes"]
    comparison = compare([load("2023.json", old), load("2024.json", new)])
    assert comparison.mode == "files"
    assert [p.key for p in comparison.pairs] == ["Kabupaten Tegal", "Kota Tegal"]
    assert all(p.is_break for p in comparison.pairs)
    assert comparison.pairs[0].break_reason == (
        "indicator set changed: bps-ipm 2010 → bps-ipm 2025")
    assert comparison.unmatched == (("Kabupaten Brebes", "2023.json", "2024.json"),)
    data = to_dict(comparison)
    assert data["pairs"][0]["break"] is True and data["unmatched"][0]["missing_from"] == (
        "2024.json")
    text = to_markdown(comparison)
    assert "**break**: indicator set changed" in text and "Kabupaten Brebes: in 2023\\.json" \
        in text


def test_a_changed_set_file_with_the_same_version_is_noted(ipm_scores: dict[str, Any]) -> None:
    old, new = only_year(ipm_scores, 2023), only_year(ipm_scores, 2024)
    new["criteria"]["sha256"] = "0" * 64
    pair = compare([load("a", old), load("b", new)]).pairs[0]
    assert not pair.is_break and "changed but kept its id and version" in str(pair.notes[0])


def test_a_file_with_several_years_gives_its_latest_in_files_mode(
        ipm_scores: dict[str, Any]) -> None:
    comparison = compare([load("all.json", ipm_scores), load("2023.json",
                                                            only_year(ipm_scores, 2023))])
    assert {(p.base.year, p.other.year) for p in comparison.pairs} == {(2024, 2023)}
    picked = compare([load("all.json", ipm_scores), load("2023.json",
                                                        only_year(ipm_scores, 2023))],
                     years=[2023])
    assert all(p.index.delta == 0 for p in picked.pairs)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"regions": ["Kota Tgal", "Kota Tegal"]}, "region 'Kota Tgal' is not in the scores"),
    ({"regions": ["kota tegal", "Kota Tegal"]}, "did you mean 'Kota Tegal'"),
    ({"years": [2019, 2024]}, "year 2019 is not in the scores"),
    ({"years": [2024, 2024]}, "given once"),
    ({"against": "best"}, "unknown baseline"),
])
def test_usage_errors(ipm_scores: dict[str, Any], kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        compare([load("s.json", ipm_scores)], **kwargs)


def test_one_file_with_one_year_has_nothing_to_compare(ipm_scores: dict[str, Any]) -> None:
    with pytest.raises(UsageError, match="nothing to compare"):
        compare([load("s.json", only_year(ipm_scores, 2024))])


def test_the_same_region_year_in_two_files_is_ambiguous_for_years(
        ipm_scores: dict[str, Any]) -> None:
    with pytest.raises(UsageError, match="is in both a.json and b.json"):
        compare([load("a.json", ipm_scores), load("b.json", ipm_scores)], years=[2023, 2024])


def test_json_is_stable_and_complete(ipm_scores: dict[str, Any]) -> None:
    comparison: Comparison = compare([load("s.json", ipm_scores)], regions=["Kota Tegal"])
    text = to_json(comparison)
    assert text == to_json(compare([load("s.json", ipm_scores)], regions=["Kota Tegal"]))
    data = json.loads(text)
    assert list(data) == ["schema_version", "mode", "against", "sides", "pairs", "unmatched"]
    pair = data["pairs"][0]
    assert list(pair) == ["key", "base", "other", "break", "break_reason", "index",
                          "band_changed", "rank_change", "pillars", "dimensions", "indicators",
                          "notes"]
    assert pair["base"]["year"] == 2022 and pair["other"]["year"] == 2023
    assert pair["index"]["delta"] == pytest.approx(
        pair["index"]["other"] - pair["index"]["base"])


def test_signed_numbers() -> None:
    assert signed(1.25, "en") == "+1.2" or signed(1.25, "en") == "+1.3"
    assert signed(-0.44, "id") == "−0,4"
    assert signed(0.01, "en") == "±0.0"
    assert signed(None) == "–"


def test_markdown_escapes_region_names(ipm_scores: dict[str, Any]) -> None:
    hostile = json.loads(json.dumps(ipm_scores))
    for r in hostile["results"]:
        if r["region"] == "Kota Tegal":
            r["region"] = "[click](http://x) | <b>Kota</b>"
    text = to_markdown(compare([load("s.json", hostile)]))
    assert "[click](http" not in text and "<b>" not in text
    assert "\\[click\\]\\(http\\://x\\) \\| &lt;b&gt;Kota&lt;/b&gt;" in text


@pytest.mark.validator
def test_markdown_passes_markdownlint(ipm_scores: dict[str, Any], tmp_path: Path) -> None:
    from support.validators import markdownlint

    path = tmp_path / "compare.md"
    path.write_text(to_markdown(compare([load("s.json", ipm_scores)]), "id", detail=True),
                    encoding="utf-8")
    assert markdownlint([path]) == []


def test_trend_compares_each_year_with_the_one_before(ipm_scores: dict[str, Any]) -> None:
    from smartcity_assess.compare import trend
    from smartcity_assess.history import Timeline

    snapshots = from_dict(ipm_scores, "s.json")
    older = json.loads(json.dumps(only_year(ipm_scores, 2022)))
    older["criteria"]["version"] = "2009"
    for r in older["results"]:
        r["year"] = 2021
    timeline = Timeline([*from_dict(older, "old.json"), *snapshots])
    points = trend(timeline, "Kota Tegal", until=2023)
    assert [p.snapshot.year for p in points] == [2021, 2022, 2023]
    assert points[0].change is None and points[1].is_break and not points[2].is_break
    change = points[2].change
    assert change is not None and change.index.delta == pytest.approx(
        result(ipm_scores, "Kota Tegal", 2023)["score"]
        - result(ipm_scores, "Kota Tegal", 2022)["score"])
    assert [p.snapshot.year for p in trend(timeline, "Kota Tegal")] == [2021, 2022, 2023, 2024]
