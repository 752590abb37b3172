"""The bundled sets spbe-2020 and kominfo-evaluasi reproduce their regulations and published
results; criteria list shows every bundled set."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.indicators.loader import bundled_sets, load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.results import RegionResult
from smartcity_assess.survey.load import read_survey

SPBE_COLUMNS = [f"ind{n:02d}" for n in range(1, 48)]


@pytest.fixture(scope="module")
def spbe() -> IndicatorSet:
    return load_indicator_set("spbe-2020")


def spbe_result(spbe: IndicatorSet, tmp_path: Path, levels: dict[int, int]) -> RegionResult:
    """Score one institution from a CSV with the 47 final levels (1 where not given), in the
    layout the set documents: region, year and the indicator columns, nothing else."""
    row = [str(levels.get(n, 1)) for n in range(1, 48)]
    path = tmp_path / "spbe.csv"
    path.write_text("region,year," + ",".join(SPBE_COLUMNS) + "\n"
                    "Pemerintah Kabupaten Uji,2024," + ",".join(row) + "\n", encoding="utf-8")
    return assess(spbe, read_survey([path], spbe)).results[0]


def levels(value: int, *ranges: tuple[int, int]) -> dict[int, int]:
    return {n: value for first, last in ranges for n in range(first, last + 1)}


def test_spbe_structure_and_official_weights(spbe: IndicatorSet, tmp_path: Path) -> None:
    assert [p.id for p in spbe.pillars] == ["d1", "d2", "d3", "d4"]
    assert [len(list(p.groups())) - 1 for p in spbe.pillars] == [1, 3, 2, 2]  # 8 aspects
    assert [i.id for i in spbe.indicators()] == SPBE_COLUMNS
    result = spbe_result(spbe, tmp_path, {})
    weights = {r.id: r.effective_weight for r in result.indicators()}
    # PermenPANRB 59/2020: 1.3% (1–10), 2.5% (11–20), 1.5% (21–31), 2.75% (32–41), 3% (42–47).
    expected = {**{f"ind{n:02d}": 0.013 for n in range(1, 11)},
                **{f"ind{n:02d}": 0.025 for n in range(11, 21)},
                **{f"ind{n:02d}": 0.015 for n in range(21, 32)},
                **{f"ind{n:02d}": 0.0275 for n in range(32, 42)},
                **{f"ind{n:02d}": 0.03 for n in range(42, 48)}}
    assert weights == pytest.approx(expected)
    assert sum(weights.values()) == pytest.approx(1.0)
    # Domain weights 13 / 25 / 16.5 / 45.5 %.
    assert [p.effective_weight for p in result.pillars] == pytest.approx(
        [0.13, 0.25, 0.165, 0.455])


def test_every_indicator_at_level_3_gives_3_baik(spbe: IndicatorSet, tmp_path: Path) -> None:
    result = spbe_result(spbe, tmp_path, levels(3, (1, 47)))
    assert result.score == pytest.approx(3.0)
    assert f"{result.score:.2f}" == "3.00"
    assert result.band is not None and result.band.label.get("id") == "Baik"


@pytest.mark.parametrize(("raised", "index", "at", "below"), [
    # Index = 1 + sum(w_i × (level_i − 1)) with the weights above, all others at level 1.
    # 1.8: ind 11–18 at 5: 8 × 2.5% × 4 = 0.80.
    (levels(5, (11, 18)), 1.8, "Cukup", "Kurang"),
    # 2.6: ind 15–18 at 4 (4 × 2.5% × 3 = 0.30), 19–20 at 5 (0.20), 32–41 at 5 (1.10).
    ({**levels(4, (15, 18)), **levels(5, (19, 20), (32, 41))}, 2.6, "Baik", "Cukup"),
    # 3.5: ind 19–20 (0.20), 21–28 (8 × 1.5% × 4 = 0.48), 32–41 (1.10), 42–47 (0.72) at 5.
    (levels(5, (19, 20), (21, 28), (32, 41), (42, 47)), 3.5, "Sangat Baik", "Baik"),
    # 4.2: ind 11–14 at 4 (0.30), 15–20 at 5 (0.60), 21–28 (0.48), 32–47 (1.82) at 5.
    ({**levels(4, (11, 14)), **levels(5, (15, 20), (21, 28), (32, 47))}, 4.2, "Memuaskan",
     "Sangat Baik"),
])
def test_predicate_boundaries(spbe: IndicatorSet, tmp_path: Path, raised: dict[int, int],
                              index: float, at: str, below: str) -> None:
    result = spbe_result(spbe, tmp_path, raised)
    assert result.score == pytest.approx(index)
    assert result.band is not None and result.band.label.get("id") == at
    # One level less on a 2.5% indicator: 0.025 under the boundary, the predicate below.
    lowered = next(n for n in (11, 19) if raised.get(n, 1) > 1)
    result = spbe_result(spbe, tmp_path, {**raised, lowered: raised[lowered] - 1})
    assert result.score == pytest.approx(index - 0.025)
    assert result.band is not None and result.band.label.get("id") == below


def test_spbe_index_needs_all_47_levels(spbe: IndicatorSet, tmp_path: Path) -> None:
    path = tmp_path / "spbe.csv"
    row = ["3"] * 46 + [""]
    path.write_text("region,year," + ",".join(SPBE_COLUMNS) + "\n"
                    "Instansi Uji,2024," + ",".join(row) + "\n", encoding="utf-8")
    result = assess(spbe, read_survey([path], spbe)).results[0]
    assert result.score is None and result.band is None


@pytest.mark.parametrize(("region", "scores", "published"), [
    # Kota Kediri 2022 (BangsaOnline, 28 Dec 2022): 0.1×3.60 + 0.2×3.21 + 0.3×3.23
    # + 0.2×3.07 + 0.2×3.65 = 0.360 + 0.642 + 0.969 + 0.614 + 0.730 = 3.315 → 3.31.
    ("Kota Kediri", (3.60, 3.21, 3.23, 3.07, 3.65), 3.31),
    # Kota Jambi 2024 (jambikota.go.id, Jan 2025): 0.384 + 0.636 + 1.059 + 0.726 + 0.670
    # = 3.475 → 3.48.
    ("Kota Jambi", (3.84, 3.18, 3.53, 3.63, 3.35), 3.48),
])
def test_kominfo_evaluation_reproduces_published_results(
        tmp_path: Path, region: str, scores: tuple[float, ...], published: float) -> None:
    iset = load_indicator_set("kominfo-evaluasi")
    path = tmp_path / "eval.csv"
    path.write_text("region,year,baseline,output,outcome,impact,quick_win\n"
                    f"{region},2024," + ",".join(f"{s:.2f}" for s in scores) + "\n",
                    encoding="utf-8")
    result = assess(iset, read_survey([path], iset)).results[0]
    assert result.score is not None
    # Dimension scores are published with two decimals, so the weighted sum may differ
    # from the published (rounded) final value by up to 0.005 + 0.005.
    assert abs(result.score - published) <= 0.0051
    # The other weightings found in the sources miss by 0.02 or more.
    equal = sum(scores) / 5
    sleman = sum(w * s for w, s in zip((0.1, 0.2, 0.3, 0.3, 0.1), scores, strict=True))
    assert abs(equal - published) >= 0.02 and abs(sleman - published) >= 0.02


@pytest.mark.slow
def test_criteria_list_shows_every_bundled_set() -> None:
    assert list(bundled_sets()) == ["kominfo-evaluasi", "smartcity-id", "smartcity-id@1",
                                    "spbe-2020"]
    assert load_indicator_set("smartcity-id").version == "2.0"
    assert load_indicator_set("smartcity-id@2").version == "2.0"
    old = load_indicator_set("smartcity-id@1")
    assert old.id == "smartcity-id" and old.version == "1.0"
    assert load_indicator_set("spbe-2020").based_on == "PermenPANRB 59/2020"
    assert "2022–2024" in load_indicator_set("kominfo-evaluasi").based_on
    done = CliRunner().invoke(app, ["criteria", "list"])
    assert done.exit_code == 0
    # The name column never wraps; version and source sit on the same row.
    for name, version in (("kominfo-evaluasi", "2022"), ("smartcity-id", "2.0"),
                          ("smartcity-id@1", "1.0"), ("spbe-2020", "1.0")):
        row = next(line for line in done.stdout.splitlines()
                   if line.startswith(f"│ {name} "))
        assert f"│ {version} " in row
