"""The plan's complaint channels (``contact.channels``) and its ``max_age``."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.errors import InputError
from smartcity_assess.freshness import MaxAge
from smartcity_assess.planning.plan import load_plan
from smartcity_assess.resources import sample_dir


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_channels_and_max_age(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path, """\
contact:
  channels:
    - {name: Lapor Bupati, kind: whatsapp, address: " 0856-0008-0709 "}
    - {name: {id: Kantor, en: Office}, kind: office, address: "Jl. Dr. Soetomo No. 1, Slawi",
       note: {id: Senin–Jumat, en: Monday–Friday}}
max_age: 18m
"""))
    first, second = plan.channels
    assert (first.kind, first.address, first.name.get("en")) == ("whatsapp", "0856-0008-0709",
                                                                 "Lapor Bupati")
    assert second.name.get("en") == "Office" and second.note.get("id") == "Senin–Jumat"
    assert plan.max_age == MaxAge(18, "m")


def test_every_bad_channel_at_once(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_plan(write(tmp_path, """\
contact:
  channels:
    - {name: Situs, kind: web, address: "javascript:alert(1)"}
    - {name: WA, kind: whatsapp, address: "call me"}
    - {name: "", kind: sms, address: "1708"}
    - {name: X, kind: social, address: "@ok_account"}
max_age: two years
"""))
    found = {(p.field, p.line): p for p in caught.value.problems}
    assert set(found) == {("contact.channels[0].address", 3), ("contact.channels[1].address", 4),
                          ("contact.channels[2].name", 5), ("max_age", 7)}
    assert found[("contact.channels[0].address", 3)].expected == \
        "a web address starting with https://"
    assert found[("max_age", 7)].found == "'two years'"


def test_unknown_channel_kind_is_a_schema_problem(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_plan(write(tmp_path, "contact:\n  channels:\n    - {name: A, kind: fax, "
                                  "address: '1'}\n"))
    assert any(p.field == "contact.channels[0].kind" for p in caught.value.problems)


def test_the_sample_plan_lists_real_channels() -> None:
    plan = load_plan(sample_dir() / "plan.yaml")
    assert [(c.kind, c.address) for c in plan.channels] == [
        ("web", "https://laporbupati.tegalkab.go.id"), ("whatsapp", "0856-0008-0709"),
        ("web", "https://www.lapor.go.id"), ("sms", "1708")]
    assert plan.max_age == MaxAge(2, "y")
