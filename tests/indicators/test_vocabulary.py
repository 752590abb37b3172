"""Set vocabulary: crosswalks, indicator kinds, action fields and bundled-set versions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from smartcity_assess.errors import InputError, UsageError
from smartcity_assess.indicators import loader
from smartcity_assess.indicators.loader import load_indicator_set, resolve_set
from smartcity_assess.indicators.vocabulary import crosswalk_groups, suggest

HEAD = """\
id: t
version: "2.1"
title: T
pillars:
  - id: p
    title: P
    indicators:
"""


def load(tmp_path: Path, indicators: str) -> object:
    path = tmp_path / "set.yaml"
    path.write_text(HEAD + textwrap.indent(textwrap.dedent(indicators), " " * 6),
                    encoding="utf-8")
    return load_indicator_set(path)


def problems(tmp_path: Path, indicators: str) -> list[str]:
    with pytest.raises(InputError) as info:
        load(tmp_path, indicators)
    prefix = str(tmp_path) + "/"
    return [str(p).replace(prefix, "") for p in info.value.problems]


def test_crosswalk_kind_and_action_fields_build_the_model(tmp_path: Path) -> None:
    iset = load(tmp_path, """\
        - id: a
          title: A
          type: percent
          kind: fact
          crosswalk: {spbe: 16, kominfo: governance, iso37122: 10.2, imdi: infrastruktur,
                      u4ssc: "EC:ICT:ICT:1C"}
          actions:
            - id: a.portal
              title: Portal
              owner: Diskominfo
              requires: [data:daftar-data-prioritas]
              provides: [sistem:portal-satu-data]
              regulation: Perpres 39/2019
              citizen_impact: high
              cost_class: M
              funding: [APBD, DAK]
              nomenclature: "2.16.03"
        - id: b
          title: B
          type: percent
          actions:
            - {id: b.x, title: X, owner: Bappeda}
        """)
    a, b = iset.indicators()  # type: ignore[attr-defined]
    assert a.kind == "fact" and b.kind == "measure"
    # Sorted by key; numbers as written (16 → "16", 10.2 → "10.2").
    assert a.crosswalk == (("imdi", "infrastruktur"), ("iso37122", "10.2"),
                           ("kominfo", "governance"), ("spbe", "16"),
                           ("u4ssc", "EC:ICT:ICT:1C"))
    assert a.crosswalk_value("kominfo") == "governance" and b.crosswalk_value("kominfo") is None
    act = a.actions[0]
    assert act.requires == ("data:daftar-data-prioritas",)
    assert act.provides == ("sistem:portal-satu-data",)
    assert act.regulation == "Perpres 39/2019" and act.citizen_impact == "high"
    assert act.cost_class == "M" and act.funding == ("APBD", "DAK")
    assert act.nomenclature == "2.16.03"
    # Defaults of an action that states none of them.
    other = b.actions[0]
    assert (other.requires, other.provides, other.regulation, other.citizen_impact,
            other.cost_class, other.funding, other.nomenclature) == (
        (), (), None, "low", None, (), None)


def test_bilingual_unit_and_based_on(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(HEAD.replace('title: T\n', 'title: T\nbased_on: PermenPANRB 59/2020\n', 1)
                    + textwrap.indent(textwrap.dedent("""\
        - {id: a, title: A, type: number, goalposts: [0, 60], unit: {id: hari, en: days}}
        - {id: b, title: B, type: number, goalposts: [0, 9], unit: m}
        - {id: c, title: C, type: percent}
        """), " " * 6), encoding="utf-8")
    iset = load_indicator_set(path)
    a, b, c = iset.indicators()
    assert iset.based_on == "PermenPANRB 59/2020"
    # `unit` keeps one string (the English text of a map); `unit_text` has every language.
    assert a.unit == "days" and a.unit_text.get("id") == "hari"
    assert b.unit == "m" and b.unit_text.get("id") == "m"
    assert c.unit == "%" and c.unit_text.get("id") == "%"


def test_crosswalk_problems_name_line_field_and_nearest_value(tmp_path: Path) -> None:
    found = problems(tmp_path, """\
        - id: a
          title: A
          type: percent
          crosswalk: {kominfo: governence, spbee: "16"}
        - id: b
          title: B
          type: percent
          crosswalk: {spbe: "48", imdi: skills, iso37122: ten, u4ssc: ICT-1, kominfo: [x]}
        """)
    assert found == [
        "set.yaml:11:21 (field pillars[0].indicators[0].crosswalk.kominfo): unknown Kominfo "
        "dimension 'governence' (did you mean 'governance'?); expected one of governance, "
        "branding, economy, living, society, environment",
        "set.yaml:11:42 (field pillars[0].indicators[0].crosswalk.spbee): unknown crosswalk "
        "key 'spbee' (did you mean 'spbe'?); expected one of kominfo, spbe, imdi, iso37122, "
        "u4ssc",
        "set.yaml:15:21 (field pillars[0].indicators[1].crosswalk.spbe): not an SPBE indicator "
        "number; expected a number 1–47 of PermenPANRB 59/2020, or several as \"11,12\" or a "
        "range \"29-31\", found '48'",
        "set.yaml:15:33 (field pillars[0].indicators[1].crosswalk.imdi): unknown IMDI pillar "
        "'skills'; expected one of infrastruktur, keterampilan, pemberdayaan, pekerjaan",
        "set.yaml:15:47 (field pillars[0].indicators[1].crosswalk.iso37122): not an ISO 37122 "
        "indicator number; expected a section.indicator number such as \"10.2\", found 'ten'",
        "set.yaml:15:62 (field pillars[0].indicators[1].crosswalk.u4ssc): not a U4SSC KPI "
        "code; expected a code such as \"EC:ICT:ICT:1C\", found 'ICT-1'",
        "set.yaml:15:76 (field pillars[0].indicators[1].crosswalk.kominfo): crosswalk kominfo "
        "must be a text or a number; expected e.g. kominfo: governance, spbe: \"16\", found "
        "['x']",
    ]


def test_action_field_problems(tmp_path: Path) -> None:
    found = problems(tmp_path, """\
        - id: a
          title: A
          type: percent
          actions:
            - id: a.x
              title: X
              owner: Diskominfo
              funding: [APBD, Dana Desa, APBD]
              requires: [dokumen:perbup, dokumen:perbup]
              provides: [dokumen:perbup]
        """)
    # Sorted by position (line, column), then by message.
    assert found == [
        "set.yaml:15:29 (field pillars[0].indicators[0].actions[0].funding[1]): unknown "
        "funding source 'Dana Desa' (did you mean 'DanaDesa'?); expected one of APBD, DAK, "
        "DanaDesa, BOS, CSR, KPBU, APBN, BAKTI, Hibah",
        "set.yaml:15:40 (field pillars[0].indicators[0].actions[0].funding[2]): 'APBD' is "
        "listed twice in funding",
        "set.yaml:16:24 (field pillars[0].indicators[0].actions[0].requires[0]): action 'a.x' "
        "requires 'dokumen:perbup', which it provides itself; expected an artefact made by "
        "another action or already in place",
        "set.yaml:16:40 (field pillars[0].indicators[0].actions[0].requires[1]): "
        "'dokumen:perbup' is listed twice in requires",
        "set.yaml:16:40 (field pillars[0].indicators[0].actions[0].requires[1]): action 'a.x' "
        "requires 'dokumen:perbup', which it provides itself; expected an artefact made by "
        "another action or already in place",
    ]


def test_shape_errors_of_the_new_keys(tmp_path: Path) -> None:
    found = problems(tmp_path, """\
        - id: a
          title: A
          type: percent
          kind: opinion
          actions:
            - id: a.x
              title: X
              owner: Diskominfo
              citizen_impact: huge
              cost_class: XXL
              requires: [Perbup SPBE]
              nomenclature: program 3
        """)
    text = "\n".join(found)
    assert "(field pillars[0].indicators[0].kind): Input should be 'measure' or 'fact'" in text
    assert ("(field pillars[0].indicators[0].actions[0].citizen_impact): Input should be "
            "'none', 'low', 'medium' or 'high'") in text
    assert "(field pillars[0].indicators[0].actions[0].cost_class): Input should be 'XS'" in text
    assert "(field pillars[0].indicators[0].actions[0].requires[0]): String should match" in text
    assert "(field pillars[0].indicators[0].actions[0].nomenclature): String should match" in text
    assert len(found) == 5


def test_suggest_and_group_order() -> None:
    assert suggest("enviroment", ["living", "environment"]) == "environment"
    assert suggest("APBd", ["APBD"]) == "APBD"  # case-only difference
    assert suggest("zzz", ["APBD"]) is None
    assert crosswalk_groups("kominfo", ["economy"])[0] == "governance"
    assert crosswalk_groups("spbe", ["16", "2", "11,12", "29-31"]) == (
        "2", "11,12", "16", "29-31")


@pytest.fixture()
def criteria(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "criteria"
    folder.mkdir()
    body = ("title: T\npillars:\n"
            "  - {id: p, title: P, indicators: [{id: a, title: A, type: percent}]}\n")
    (folder / "demo.yaml").write_text('id: demo\nversion: "2.0"\n' + body, encoding="utf-8")
    (folder / "demo@1.yaml").write_text('id: demo\nversion: "1.3"\n' + body, encoding="utf-8")
    monkeypatch.setattr(loader, "criteria_dir", lambda: folder)
    monkeypatch.chdir(tmp_path)
    return folder


def test_major_versions_of_bundled_sets(criteria: Path) -> None:
    assert list(loader.bundled_sets()) == ["demo", "demo@1"]
    assert resolve_set("demo") == (criteria / "demo.yaml", "bundled:demo")
    assert resolve_set("demo@2") == (criteria / "demo.yaml", "bundled:demo")
    assert resolve_set("demo@1") == (criteria / "demo@1.yaml", "bundled:demo@1")
    assert load_indicator_set("demo@1").version == "1.3"
    assert load_indicator_set("demo@2").version == "2.0"
    with pytest.raises(UsageError) as info:
        resolve_set("demo@3")
    assert str(info.value) == ("unknown version 'demo@3' of the bundled set 'demo': "
                               "available demo@1, demo@2")
