"""Crosswalk views: indicator scores regrouped by Kominfo dimension (hand-worked numbers)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.render.scores_json import to_json
from smartcity_assess.scoring.engine import assess
from smartcity_assess.scoring.views import (
    actions_by_group,
    indicators_by_group,
    region_view,
    view_keys,
)
from smartcity_assess.survey.data import Answers, RegionData, SurveyData

# Pillar p1 weighs 3, p2 weighs 1: normalised 0.75 and 0.25. Two indicators each, equal
# weights, so the effective weights are a = b = 0.375 and c = d = 0.125.
SET = """\
id: v
version: "1"
title: V
pillars:
  - id: p1
    title: P1
    weight: 3
    indicators:
      - {id: a, title: A, type: percent, crosswalk: {kominfo: governance, imdi: pekerjaan}}
      - {id: b, title: B, type: percent, crosswalk: {kominfo: living}}
  - id: p2
    title: P2
    indicators:
      - {id: c, title: C, type: percent, crosswalk: {kominfo: governance}}
      - {id: d, title: D, type: percent}
"""


@pytest.fixture()
def iset(tmp_path: Path) -> IndicatorSet:
    path = tmp_path / "v.yaml"
    path.write_text(SET, encoding="utf-8")
    return load_indicator_set(path)


def survey(values: dict[str, float]) -> SurveyData:
    data = SurveyData()
    region = RegionData()
    for ind, value in values.items():
        region.answers.setdefault(ind, Answers()).add(value, None, "r1")
    region.respondents = {"r1"}
    data.regions[("Kabupaten Uji", 2025)] = region
    return data


def test_kominfo_view_by_effective_weight(iset: IndicatorSet) -> None:
    result = assess(iset, survey({"a": 40, "b": 80, "c": 20, "d": 60})).results[0]
    # Index: 0.75 × (40 + 80)/2 + 0.25 × (20 + 60)/2 = 45 + 10 = 55.
    assert result.score == pytest.approx(55.0)
    view = region_view(iset, result, "kominfo")
    assert [g.id for g in view.groups] == ["governance", "branding", "economy", "living",
                                          "society", "environment"]
    gov, branding, _, living, _, _ = view.groups
    # governance = (0.375 × 40 + 0.125 × 20) / (0.375 + 0.125) = 17.5 / 0.5 = 35.
    assert gov.score == pytest.approx(35.0) and gov.coverage == pytest.approx(1.0)
    assert gov.weight == pytest.approx(0.5) and gov.indicators == ("a", "c")
    assert living.score == pytest.approx(80.0) and living.weight == pytest.approx(0.375)
    # A dimension without indicators is not assessed, with coverage 0.
    assert branding.score is None and branding.coverage == 0.0 and branding.indicators == ()
    assert view.unmapped == ("d",)
    # The groups, weighted by their share of the index, plus the unmapped indicator, give
    # the index back: 0.5 × 35 + 0.375 × 80 + 0.125 × 60 = 17.5 + 30 + 7.5 = 55.
    assert gov.score is not None and living.score is not None
    assert 0.5 * gov.score + 0.375 * living.score + 0.125 * 60 == pytest.approx(result.score)
    assert gov.title.get("en") == "Smart Governance"
    assert gov.title.get("id") == "Smart Governance (Tata Kelola)"


def test_view_coverage_and_min_coverage(iset: IndicatorSet) -> None:
    # c unanswered: governance from a alone, coverage 0.375 / 0.5 = 0.75.
    result = assess(iset, survey({"a": 40, "b": 80, "d": 60})).results[0]
    gov = region_view(iset, result, "kominfo").groups[0]
    assert gov.score == pytest.approx(40.0) and gov.coverage == pytest.approx(0.75)
    # a unanswered: coverage 0.125 / 0.5 = 0.25 < min_coverage 0.5, so not assessed.
    result = assess(iset, survey({"b": 80, "c": 20, "d": 60})).results[0]
    gov = region_view(iset, result, "kominfo").groups[0]
    assert gov.score is None and gov.coverage == pytest.approx(0.25)


def test_view_keys_and_groups(iset: IndicatorSet) -> None:
    assert view_keys(iset) == ("kominfo", "imdi")
    assert indicators_by_group(iset, "imdi") == {
        "infrastruktur": (), "keterampilan": (), "pemberdayaan": (), "pekerjaan": ("a",)}
    with pytest.raises(ValueError):
        region_view(iset, assess(iset, survey({"a": 1})).results[0], "nope")


def test_actions_by_kominfo_dimension() -> None:
    iset = load_indicator_set("smartcity-id")
    groups = actions_by_group(iset, "kominfo")
    assert list(groups) == ["governance", "branding", "economy", "living", "society",
                            "environment"]
    assert "gov.lapor_integrated.link" in groups["governance"]
    assert "dampak.peringatan_dini.ews" in groups["environment"]
    assert "brand.destinations_online.portal" in groups["branding"]
    # Every action of the set is in exactly one dimension.
    listed = [a for ids in groups.values() for a in ids]
    assert sorted(listed) == sorted(a.id for a in iset.actions())


def test_scores_json_carries_the_views(iset: IndicatorSet, tmp_path: Path) -> None:
    data = json.loads(to_json(assess(iset, survey({"a": 40, "b": 80, "c": 20, "d": 60}))))
    views = data["results"][0]["views"]
    assert list(views) == ["kominfo", "imdi"]
    assert views["kominfo"][0] == {"id": "governance", "score": pytest.approx(35.0),
                                   "coverage": 1.0}
    assert views["kominfo"][1] == {"id": "branding", "score": None, "coverage": 0.0}
    assert [g["id"] for g in views["kominfo"]] == ["governance", "branding", "economy",
                                                  "living", "society", "environment"]
    # A set without crosswalks writes no views key at all (earlier outputs stay identical).
    plain = tmp_path / "plain.yaml"
    plain.write_text(textwrap.dedent("""\
        id: plain
        version: "1"
        title: P
        pillars: [{id: p, title: P, indicators: [{id: a, title: A, type: percent}]}]
        """), encoding="utf-8")
    plain_set = load_indicator_set(plain)
    assert "views" not in json.loads(to_json(assess(plain_set, survey({"a": 5}))))["results"][0]


def test_score_view_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "v.yaml").write_text(SET, encoding="utf-8")
    (tmp_path / "s.csv").write_text("region,year,a,b,c,d\nKabupaten Uji,2025,40,80,20,60\n",
                                    encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(app, ["score", str(tmp_path / "s.csv"), "--criteria",
                               str(tmp_path / "v.yaml"), "--view", "kominfo", "--lang", "en"])
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert any("Kabupaten Uji 2025 · Index 55.0" in line for line in lines)
    gov = next(line for line in lines if "Smart Governance" in line)
    assert "35.0" in gov and "100%" in gov
    assert any("Smart Environment" in line and "not assessed" in line for line in lines)
    done = runner.invoke(app, ["score", str(tmp_path / "s.csv"), "--criteria",
                               str(tmp_path / "v.yaml"), "--view", "kominfx"])
    assert done.exit_code == 2
    assert ("unknown view 'kominfx' (did you mean 'kominfo'?); expected one of kominfo, spbe, "
            "imdi, iso37122, u4ssc") in done.stderr
    done = runner.invoke(app, ["score", str(tmp_path / "s.csv"), "--criteria",
                               str(tmp_path / "v.yaml"), "--view", "spbe"])
    assert done.exit_code == 2
    assert "maps no indicator to 'spbe' (its crosswalks: kominfo, imdi)" in done.stderr


def test_sample_scores_json_has_six_kominfo_dimensions() -> None:
    """``score --format json`` on the bundled Tegal sample: six dimensions, worked by hand."""
    import csv

    from smartcity_assess.resources import sample_dir

    folder = sample_dir()
    files = [str(folder / name) for name in ("tegal-citizen-survey.csv",
                                             "tegal-opd-self-assessment.xlsx",
                                             "tegal-official-statistics.csv")]
    done = CliRunner().invoke(app, ["score", *files, "--format", "json"])
    assert done.exit_code == 0, done.output
    views = json.loads(done.stdout)["results"][0]["views"]["kominfo"]
    assert [v["id"] for v in views] == ["governance", "branding", "economy", "living",
                                        "society", "environment"]
    by_id = {v["id"]: v for v in views}
    # Environment: the four indicators of dampak.environment, equal effective weights;
    # sample values 58 (handled), 14.5 (reduced), 35 (early warning), 22 (Destana), all on
    # 0–100 goalposts: (58 + 14.5 + 35 + 22) / 4 = 32.375.
    assert by_id["environment"]["score"] == pytest.approx(32.375)
    # Branding: destinations online 40, investment profile "tidak" = 0, and residents' and
    # MSME owners' mean agreement on the 1–5 scale mapped to (x − 1) / 4 × 100, computed
    # here straight from the CSV.
    with open(folder / "tegal-citizen-survey.csv", encoding="utf-8") as handle:
        answers = [int(row["brand.resident_pride"]) for row in csv.DictReader(handle)
                   if row["brand.resident_pride"]]
    pride = (sum(answers) / len(answers) - 1) / 4 * 100
    assert by_id["branding"]["score"] == pytest.approx((40 + 0 + pride) / 3)
    # Economy misses eco.startups (no data): 11 of 12 equal-weight indicators assessed.
    assert by_id["economy"]["coverage"] == pytest.approx(11 / 12)
