"""Loading indicator sets: good files build the model, bad files report every problem."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from smartcity_assess.errors import InputError, UsageError
from smartcity_assess.indicators.loader import bundled_sets, load_indicator_set

MINIMAL = """\
id: t
version: "1"
title: {id: Uji, en: Test}
bands:
  - {from: 0, label: Low}
  - {from: 50, label: High}
pillars:
  - id: p
    title: P
    indicators:
      - id: a
        title: A
        type: percent
        target: 80
      - id: b
        title: B
        type: likert
      - id: c
        title: C
        type: boolean
"""


def write(tmp_path: Path, text: str, name: str = "set.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_indicator_set(tmp_path / "set.yaml")
    prefix = str(tmp_path) + "/"
    return [str(p).replace(prefix, "") for p in info.value.problems]


def test_minimal_set_gets_defaults(tmp_path: Path) -> None:
    iset = load_indicator_set(write(tmp_path, MINIMAL))
    a, b, c = iset.indicators()
    assert a.goalposts == (0.0, 100.0) and a.valid_range == (0.0, 100.0) and a.unit == "%"
    assert b.goalposts == (1.0, 5.0) and b.level_values() == (1, 2, 3, 4, 5)
    assert b.share_from == 4.0 and b.respondents == "mean"
    assert c.respondents == "share" and c.share_from == 1.0 and c.goalposts == (0.0, 100.0)
    assert iset.title.get("en") == "Test" and iset.title.get("id") == "Uji"
    assert iset.band_for(49.99).label.get("en") == "Low"  # type: ignore[union-attr]
    assert iset.band_for(50).label.get("en") == "High"  # type: ignore[union-attr]
    assert len(iset.sha256) == 64


def test_every_problem_is_reported_with_line_and_field(tmp_path: Path) -> None:
    found = problems(tmp_path, """\
        id: t
        version: "1"
        title: T
        colour: red
        pillars:
          - id: p
            title: P
            weight: -1
            indicators:
              - id: a
                title: A
                type: number
                goalposts: [10, 5]
              - id: a
                title: A again
                type: nonsense
        """)
    assert "set.yaml:4:1 (field colour): unknown key 'colour'" in found
    assert any(f.startswith("set.yaml:8:5 (field pillars[0].weight): Input should be greater"
                            " than or equal to 0") for f in found)
    assert any("pillars[0].indicators[1].type" in f and "'nonsense'" in f for f in found)
    assert len(found) == 3  # shape errors stop before cross-field checks


def test_cross_field_problems_all_at_once(tmp_path: Path) -> None:
    found = problems(tmp_path, """\
        id: t
        version: "1"
        title: T
        bands:
          - {from: 10, label: A}
          - {from: 5, label: B}
        pillars:
          - id: p
            title: P
            indicators:
              - id: a
                title: A
                type: number
                goalposts: [10, 5]
                actions:
                  - {id: x, title: X, owner: Diskominfo, depends_on: [y, nope]}
                  - {id: y, title: Y, owner: Diskominfo, depends_on: [x]}
              - id: a
                title: Dup
                type: number
                transform: log
                goalposts: [0, 5]
              - id: n
                title: N
                type: number
        """)
    text = "\n".join(found)
    assert "set.yaml:6:6 (field bands[1].from): bands must be in ascending order; " \
           "expected more than 10, found 5.0" in text  # noqa: ISC001
    assert "lowest band must start at the bottom of the scale" in text
    assert "(field pillars[0].indicators[0].goalposts): goalposts must be in increasing " \
           "order" in text
    assert "duplicate id 'a' (indicator)" in text
    assert "a log transform needs positive goalposts" in text
    assert "indicator 'n' of type number needs goalposts" in text
    assert "action 'x' depends on unknown action 'nope'" in text
    assert "actions depend on each other in a cycle: x → y → x" in text


def test_yaml_syntax_error_has_position(tmp_path: Path) -> None:
    found = problems(tmp_path, "id: t\nversion: '1'\ntitle: [unclosed\n")
    assert len(found) == 1 and found[0].startswith("set.yaml:4:1: YAML syntax error")


def test_duplicate_keys_and_tabs(tmp_path: Path) -> None:
    found = problems(tmp_path, "id: t\nid: u\nversion: '1'\n")
    assert found == ["set.yaml:2:1 (field id): duplicate key 'id' (first on line 1)"]
    found = problems(tmp_path, "id: t\n\tversion: '1'\n")
    assert "YAML syntax error" in found[0] and found[0].startswith("set.yaml:2:")


def test_python_tags_are_refused(tmp_path: Path) -> None:
    found = problems(tmp_path, "id: !!python/object/apply:os.system ['echo hi']\n")
    assert found == ["set.yaml:1:5 (field id): YAML tag '!!python/object/apply:os.system' is not "
                     "allowed; expected plain data: mappings, lists, text, numbers, true/false "
                     "and null, found '!!python/object/apply:os.system'"]


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    found = problems(tmp_path, "\n".join(lines) + "\n")
    assert "too many values through anchors and aliases" in found[0]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_indicator_set(tmp_path / "nope.yaml")
    assert str(info.value.problems[0]).endswith("nope.yaml: file not found")
    with pytest.raises(InputError) as info:
        load_indicator_set(tmp_path)
    assert "is a folder, not a file" in str(info.value.problems[0])


def test_unknown_bundled_id_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown indicator set 'nope'"):
        load_indicator_set("nope")


def test_bundled_sets_load() -> None:
    sets = bundled_sets()
    assert "smartcity-id" in sets
    for set_id in sets:
        iset = load_indicator_set(set_id)
        assert iset.source == f"bundled:{set_id}"


def test_indicator_ids_cannot_be_reserved_survey_columns(tmp_path: Path) -> None:
    text = MINIMAL.replace("id: a\n", "id: Year\n").replace("id: b\n", "id: peran\n")
    found = problems(tmp_path, text)
    assert len(found) == 2
    assert found[0].startswith("set.yaml:11:9 (field pillars[0].indicators[0].id): ")
    assert "indicator id 'Year' is a reserved survey column name" in found[0]
    assert "indicator id 'peran' is a reserved survey column name" in found[1]
    assert "expected an id other than area, bobot, daerah, desa, indicator, indikator, " \
        "kecamatan, kelurahan, kode, kode_wilayah, nilai" in found[0]
