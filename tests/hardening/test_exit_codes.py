"""Bad input is exit 2 with the place of the problem, never exit 3 (issue 17, items 6 and 12,
and the "also" list).

Each input here made main crash (exit 3, "internal error") or accept nonsense silently:
whole numbers of thousands of digits, JSON nested tens of thousands deep, lone surrogates,
a ``depends_on`` chain of 1,000 actions, scales and goalposts of ±1e308, ``version: 1.10``,
roles in upper case, scores of 1e308 in a history file. The large inputs are generated here.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app

pytestmark = pytest.mark.slow  # end-to-end commands on pathological inputs

SET = """\
id: tiny
version: "1"
title: Tiny
{extra}pillars:
  - id: p
    title: {title}
    indicators:
      - {{id: a, title: A, type: {type}, target: 80{more}}}
"""


def indicator_set(folder: Path, *, extra: str = "", title: str = "P", type: str = "percent",
                  more: str = "", name: str = "set.yaml") -> Path:
    path = folder / name
    path.write_text(SET.format(extra=extra, title=title, type=type, more=more),
                    encoding="utf-8")
    return path


def invoke(folder: Path, *args: str) -> tuple[int, str]:
    here = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(here)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, \
        result.stderr
    return result.exit_code, result.stderr


def survey(folder: Path, rows: str = "Kota A,2025,50\n") -> Path:
    path = folder / "survey.csv"
    path.write_text("region,year,a\n" + rows, encoding="utf-8")
    return path


DIGITS = "9" * 5000


# --------------------------------------------------------------------------- huge numbers


def test_a_number_of_thousands_of_digits_in_a_set_is_exit_2(tmp_path: Path) -> None:
    indicator_set(tmp_path, more=f", actions: [{{id: x, title: X, gain: {DIGITS}}}]")
    code, err = invoke(tmp_path, "criteria", "validate", "set.yaml")
    assert code == 2, err
    assert "set.yaml:8:" in err and "gain): number too large" in err
    assert "expected at most 300 digits, found 5,000 digits" in err


def test_a_number_of_hundreds_of_digits_in_a_set_is_exit_2(tmp_path: Path) -> None:
    indicator_set(tmp_path, more=f", actions: [{{id: x, title: X, gain: {'9' * 400}}}]")
    code, err = invoke(tmp_path, "criteria", "validate", "set.yaml")
    assert code == 2 and "number too large" in err, err


def test_a_seed_of_thousands_of_digits_in_a_config_is_exit_2(tmp_path: Path) -> None:
    indicator_set(tmp_path)
    survey(tmp_path)
    (tmp_path / "assessment.yaml").write_text(
        f"criteria: set.yaml\ninputs: [survey.csv]\nseed: {DIGITS}\n", encoding="utf-8")
    code, err = invoke(tmp_path, "run")
    assert code == 2, err
    assert "assessment.yaml:3:7 (field seed): number too large" in err


def test_a_number_of_thousands_of_digits_in_a_plan_is_exit_2(tmp_path: Path) -> None:
    indicator_set(tmp_path)
    survey(tmp_path)
    (tmp_path / "plan.yaml").write_text(f"region:\n  population: {DIGITS}\n", encoding="utf-8")
    code, err = invoke(tmp_path, "report", "survey.csv", "-c", "set.yaml", "--plan",
                       "plan.yaml", "-o", "out", "--no-uncertainty")
    assert code == 2, err
    assert "plan.yaml:2:15 (field region.population): number too large" in err
    assert not (tmp_path / "out").exists()


def scores_file(results: object, scale: object = (0, 100)) -> str:
    return json.dumps({"schema_version": 1,
                       "criteria": {"id": "tiny", "version": "1", "scale": list(scale)},  # type: ignore[call-overload]
                       "results": results})


def test_history_numbers_of_thousands_of_digits_are_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(scores_file([]).replace(
        '"results": []', f'"results": [{{"region": "A", "year": 2025, "score": {DIGITS}}}]'),
        encoding="utf-8")
    code, err = invoke(tmp_path, "compare", "a.json", "a.json")
    assert code == 2 and "a.json: not valid JSON: a number is too large" in err, err
    (tmp_path / "b.json").write_text(scores_file([]).replace(
        '"results": []', f'"results": [{{"region": "A", "year": 2025, "score": {"9" * 400}}}]'),
        encoding="utf-8")
    code, err = invoke(tmp_path, "compare", "b.json", "b.json")
    assert code == 2 and "results[0].score): score must be a number" in err, err


def test_history_scores_off_the_scale_are_exit_2(tmp_path: Path) -> None:
    results = [{"region": "A", "year": 2024, "score": 1e308, "coverage": 1.0},
               {"region": "A", "year": 2025, "score": 50.0, "coverage": 1.0,
                "pillars": [{"id": "p", "score": -1e308}]},
               {"region": "B", "year": 2025, "score": 50.0, "coverage": 7}]
    (tmp_path / "a.json").write_text(scores_file(results), encoding="utf-8")
    code, err = invoke(tmp_path, "compare", "a.json", "a.json")
    assert code == 2, err
    assert "(field results[0].score): score is outside the scale; expected between 0 and " \
        "100, found 1e+308" in err
    assert "(field results[1].pillars[0].score): score is outside the scale" in err
    assert "(field results[2].coverage): coverage must be a number from 0 to 1" in err
    (tmp_path / "c.json").write_text(scores_file(results[1:2], scale=(0, 1e309)),
                                     encoding="utf-8")
    code, err = invoke(tmp_path, "compare", "c.json", "c.json")
    assert code == 2 and "(field criteria.scale): scale must be two numbers" in err, err


# --------------------------------------------------------------------------- deep nesting


def test_history_nested_50000_deep_is_exit_2(tmp_path: Path) -> None:
    deep = "[" * 50_000 + "]" * 50_000
    (tmp_path / "a.json").write_text(scores_file([]).replace('"results": []',
                                                             f'"results": {deep}'),
                                     encoding="utf-8")
    code, err = invoke(tmp_path, "compare", "a.json", "a.json")
    assert code == 2 and "a.json: the document is nested too deeply" in err, err


def test_history_nodes_nested_400_deep_are_exit_2(tmp_path: Path) -> None:
    node = '{"id": "leaf", "kind": "indicator", "score": 1.0}'
    for level in range(400):  # built as text: json.dumps itself would run out of recursion
        node = f'{{"id": "d{level}", "kind": "dimension", "score": 1.0, "children": [{node}]}}'
    results = ('[{"region": "A", "year": 2025, "score": 1.0, "coverage": 1.0, "pillars": ['
               + node.replace('"kind": "dimension"', '"kind": "pillar"', 1) + "]}]")
    (tmp_path / "a.json").write_text(scores_file([]).replace('"results": []',
                                                             f'"results": {results}'),
                                     encoding="utf-8")
    code, err = invoke(tmp_path, "compare", "a.json", "a.json")
    assert code == 2 and "pillars, dimensions and indicators are nested too deeply" in err, err


@pytest.mark.parametrize("name", ["provenance.json", ".smartcity-assess.json"])
def test_a_record_nested_100000_deep_does_not_crash_run(tmp_path: Path, name: str) -> None:
    indicator_set(tmp_path)
    survey(tmp_path)
    (tmp_path / "assessment.yaml").write_text(
        "criteria: set.yaml\ninputs: [survey.csv]\nuncertainty: false\n"
        "outputs: {folder: out, formats: [md]}\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / name).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, err = invoke(tmp_path, "run")
    if name == "provenance.json":  # not the tool's, and in the way of its own: refused
        assert code == 2 and "did not write and would replace: provenance.json" in err, err
    else:  # an unreadable manifest lists nothing: the run writes, with a manifest of its own
        assert code == 0, err
        assert "scores.json" in json.loads((tmp_path / "out" / name).read_text())["files"]


# --------------------------------------------------------------------------- lone surrogates


def test_a_lone_surrogate_in_a_set_title_is_exit_2(tmp_path: Path) -> None:
    indicator_set(tmp_path, title='"P \\ud800"')
    code, err = invoke(tmp_path, "criteria", "validate", "set.yaml")
    assert code == 2, err  # on main: "ok", then score, report and criteria show crashed
    assert "set.yaml:6:12 (field pillars[0].title): text holds half of a character (a lone " \
        "surrogate)" in err and "found U+D800" in err
    survey(tmp_path)
    for args in (["criteria", "show", "set.yaml"], ["score", "survey.csv", "-c", "set.yaml"]):
        code, err = invoke(tmp_path, *args)
        assert code == 2, err


def test_a_lone_surrogate_in_a_json_region_name_is_exit_2(tmp_path: Path) -> None:
    indicator_set(tmp_path)
    (tmp_path / "survey.json").write_text('[{"region": "Kota \\udc00", "year": 2025, "a": 50}]',
                                          encoding="utf-8")
    for args in (["score", "survey.json", "-c", "set.yaml", "-f", "json"],
                 ["report", "survey.json", "-c", "set.yaml", "-o", "out", "--no-uncertainty"]):
        code, err = invoke(tmp_path, *args)
        assert code == 2, err
        assert "survey.json:1:2 (row 1, field region): the text holds half of a character" \
            in err or "field region): the text holds half" in err, err
    assert not (tmp_path / "out").exists()


def test_a_lone_surrogate_in_a_history_file_is_exit_2(tmp_path: Path) -> None:
    results = [{"region": "A\ud800", "year": 2025, "score": 50.0, "coverage": 1.0}]
    (tmp_path / "a.json").write_text(scores_file(results), encoding="utf-8")
    code, err = invoke(tmp_path, "compare", "a.json", "a.json")
    assert code == 2 and "results[0].region): text holds half of a character" in err, err


# --------------------------------------------------------------------------- sets


def test_a_depends_on_chain_of_1000_actions_is_checked_without_recursion(tmp_path: Path) -> None:
    actions = ", ".join(f"{{id: x{n}, title: X{n}, owner: o, depends_on: [x{n + 1}]}}"
                        for n in range(1000))
    indicator_set(tmp_path, more=f", actions: [{actions}, {{id: x1000, title: Y, owner: o, "
                  "depends_on: [x0]}]")
    code, err = invoke(tmp_path, "criteria", "validate", "set.yaml")
    assert code == 2, err
    assert "actions depend on each other in a cycle: x0 → x1 → x2" in err
    assert err.count("in a cycle") == 1


@pytest.mark.parametrize(("extra", "more", "field", "message"), [
    ("scale: [-1e308, 1e308]\n", "", "scale", "scale is too wide to compute with"),
    ("", ", goalposts: [-1e308, 1e308]", "pillars[0].indicators[0].goalposts",
     "goalposts are too far apart to compute with"),
])
def test_scales_and_goalposts_too_wide_are_exit_2(tmp_path: Path, extra: str, more: str,
                                                  field: str, message: str) -> None:
    indicator_set(tmp_path, extra=extra, type="number", more=more.replace(", target: 80", ""))
    survey(tmp_path, "Kota A,2025,4.5\n")
    code, err = invoke(tmp_path, "criteria", "validate", "set.yaml")
    assert code == 2, err  # on main: inf and nan in the table, 4.5 scored as 0, exit 3 in JSON
    assert f"(field {field}): {message}" in err


def test_a_version_that_is_a_number_with_a_point_is_refused(tmp_path: Path) -> None:
    path = indicator_set(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('version: "1"', "version: 1.10"),
                    encoding="utf-8")
    code, err = invoke(tmp_path, "criteria", "validate", "set.yaml")
    assert code == 2, err  # on main: accepted as "1.1"
    assert "set.yaml:2:1 (field version):" in err and "a number, which loses digits" in err
    assert 'write it in quotes, e.g. version: "1.10"' in err
    path.write_text(path.read_text(encoding="utf-8").replace("version: 1.10", "version: 2"),
                    encoding="utf-8")
    code, err = invoke(tmp_path, "criteria", "validate", "set.yaml")
    assert code == 0 and "tiny 2," in err, err


def test_roles_in_the_set_must_be_lower_case(tmp_path: Path) -> None:
    indicator_set(tmp_path, extra="role_weights: {Warga: 100, opd: 50}\n",
                  more=", roles: [OPD, warga]")
    code, err = invoke(tmp_path, "criteria", "validate", "set.yaml")
    assert code == 2, err  # on main: "ok", and the indicator was never assessed
    assert "(field role_weights.Warga): role 'Warga' is not in lower case, as the roles of " \
        "the survey data are read; expected 'warga', found 'Warga'" in err
    assert "(field pillars[0].indicators[0].roles[0]): role 'OPD' is not in lower case" in err


# --------------------------------------------------------------------------- also


def test_the_terminal_table_of_a_large_survey_does_not_bootstrap_for_minutes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smartcity_assess.cli import score

    assert score.table_draws(2_000) == 1000
    assert score.table_draws(50_000) == 400
    assert score.table_draws(200_000) == 100
    assert score.table_draws(2_000_000) == 0
    monkeypatch.setattr(score, "TABLE_BUDGET", 3_000, raising=False)  # 30 answers = "large"
    indicator_set(tmp_path)
    survey(tmp_path, "".join(f"Kota A,2025,{n}\n" for n in range(30)))
    result = CliRunner().invoke(app, ["score", str(tmp_path / "survey.csv"), "-c",
                                      str(tmp_path / "set.yaml"), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert "note: 30 answers: 100 bootstrap draws instead of 1000" in result.stderr
    assert "(100 draws" in result.stdout


def test_chart_drawing_keeps_numeric_warnings_off_the_terminal() -> None:
    from smartcity_assess.report.charts.trends import Series, trend_chart

    texts = {"score_axis": "Score", "index": "Index"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        trend_chart("t", [2023, 2024, 2025], [Series("Index", (1e308, -1e308, 50.0), "#000")],
                    [], (0.0, 100.0), [], "en", texts, "T", "D")
    assert [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)] == []
