"""Property-based and fuzz tests of everything that reads input.

Whatever arrives — arbitrary bytes, YAML-ish token soup, structures with the right keys and
wrong values, mutated valid files, workbooks with fuzzed XML — the YAML reader, the
indicator-set, plan and config loaders and the CSV, JSON and XLSX readers either give a valid
result or raise the tool's own :class:`InputError`. Any other exception is a bug.

Determinism: the examples are derandomised (the same on every run and machine) and no
example database is used, so CI sees the same inputs every time. For a longer search::

    SMARTCITY_FUZZ_EXAMPLES=5000 SMARTCITY_FUZZ_RANDOM=1 .venv/bin/pytest tests/hardening -k fuzz
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcity_assess.assessment.config import build_config, check_against_set
from smartcity_assess.errors import InputError
from smartcity_assess.indicators.loader import build_indicator_set, load_indicator_set
from smartcity_assess.indicators.model import IndicatorSet
from smartcity_assess.planning.plan import build_plan, check_plan
from smartcity_assess.scoring.engine import assess
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.readers import open_table
from smartcity_assess.yamlio import parse_yaml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

pytestmark = pytest.mark.slow  # fuzzing

EXAMPLES = int(os.environ.get("SMARTCITY_FUZZ_EXAMPLES", "0"))
RANDOM = os.environ.get("SMARTCITY_FUZZ_RANDOM") == "1"
ISET = load_indicator_set(HERE / "corpus" / "set.yaml")


def fuzz(examples: int) -> settings:
    """Bounded, derandomised settings (``SMARTCITY_FUZZ_*`` widen them)."""
    return settings(max_examples=EXAMPLES or examples, deadline=None, derandomize=not RANDOM,
                    database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def write(folder: Path, name: str, data: bytes) -> Path:
    """A new file in a new folder (examples never see each other's files)."""
    path = Path(tempfile.mkdtemp(dir=folder)) / name
    path.write_bytes(data)
    return path


def only_input_errors(action: Callable[[], object]) -> object:
    """Run ``action``: its result, or None when it raised InputError (with problems that all
    have a file and a message)."""
    try:
        return action()
    except InputError as error:
        assert error.problems, "an InputError must carry its problems"
        assert all(p.file and p.message for p in error.problems)
        assert str(error)  # renders
        return None


# -- values ----------------------------------------------------------------------------------

WORDS = st.sampled_from([
    "", " ", "x", "id", "p", "a", "net", "Tegal", "<script>", "../..", "a.b", "é", "1", "0",
    "-1", "1e3", "1e400", ".nan", "nan", "inf", "true", "null", "~", "yes", "off", "2025",
    "72,5", "72.5", "\t", "\n", "\x00", "\u202e", "%", "#", "&a", "*a", "!!str", "=1+1",
])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**6, max_value=10**6),
    st.integers(), st.floats(allow_nan=True, allow_infinity=True), WORDS,
    st.text(max_size=12))


def values(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """Any YAML/JSON data, with mapping keys drawn from ``keys``."""
    return st.recursive(SCALARS, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)), max_leaves=20)


def shaped(fields: dict[str, st.SearchStrategy[Any]], extra: st.SearchStrategy[str]
           ) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping with some of ``fields`` (each from its strategy) and maybe unknown keys."""
    return st.fixed_dictionaries({}, optional={
        **fields, **{"zz_unknown": SCALARS}}).flatmap(
        lambda found: st.dictionaries(extra, SCALARS, max_size=1).map(
            lambda more: {**found, **more}))


def dump(data: Any) -> bytes:
    """YAML text of ``data`` (any Python data yaml can represent)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


# -- the YAML reader --------------------------------------------------------------------------

YAML_TOKENS = st.sampled_from([
    "\n", "  ", "    ", "\t", "- ", ": ", "? ", "&a ", "*a ", "&b ", "*b ", "<<: ", "<<: *a",
    "!!python/object/apply:os.system ", "!!python/name:os.system ", "!!str ", "!!binary ",
    "!!set ", "!!omap ", "!custom ", "[", "]", "{", "}", ", ", "'", '"', "# c", "|", ">",
    "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "id", "title", "pillars",
    "1", "1.5", "1e400", ".inf", ".nan", "~", "null", "2025-01-01", "\\x00", "\ufeff", "é",
    "\r", "\r\n", "\x85", "\u2028",
])


@fuzz(300)
@given(raw=st.binary(max_size=600))
def test_fuzz_yaml_bytes(raw: bytes) -> None:
    only_input_errors(lambda: parse_yaml(raw, "f.yaml"))


@fuzz(400)
@given(tokens=st.lists(YAML_TOKENS, max_size=80))
def test_fuzz_yaml_token_soup(tokens: list[str]) -> None:
    only_input_errors(lambda: parse_yaml("".join(tokens).encode("utf-8", "surrogatepass"),
                                         "f.yaml"))


PLAIN = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(),
              st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=25)


@fuzz(200)
@given(data=PLAIN)
def test_fuzz_yaml_plain_data_reads_as_pyyaml_reads_it(data: Any) -> None:
    """Valid input is not refused, nor read differently: for plain data written by PyYAML,
    the reader gives what PyYAML's own safe loader gives."""
    raw = dump(data)
    expected = yaml.safe_load(raw)
    if expected is None:  # an empty document is refused on purpose
        return
    assert parse_yaml(raw, "f.yaml").data == expected


def test_yaml_every_problem_of_a_file_at_once() -> None:
    raw = (b"a: !!python/object:os.system x\nb: 1\nb: 2\n"
           b"? [k]\n: v\nc: !!python/name:eval y\n")
    with pytest.raises(InputError) as caught:
        parse_yaml(raw, "f.yaml")
    assert [(p.line, p.message.split(" (")[0]) for p in caught.value.problems] == [
        (1, "YAML tag '!!python/object:os.system' is not allowed"),
        (3, "duplicate key 'b'"),
        (4, "a key is a list"),
        (6, "YAML tag '!!python/name:eval' is not allowed"),
    ]


# -- indicator sets ---------------------------------------------------------------------------

ACTION = shaped({
    "id": WORDS, "title": SCALARS, "owner": WORDS, "effort": WORDS, "horizon": WORDS,
    "gain": SCALARS, "applies_below": SCALARS,
    "depends_on": st.lists(st.sampled_from(["x.a", "x.b", "x.c", "y"]), max_size=3),
}, WORDS)
INDICATOR = shaped({
    "id": st.sampled_from(["net", "x", "y", "x", "a b", ""]), "title": SCALARS,
    "type": st.sampled_from(["number", "percent", "likert", "boolean", "choice", "x"]),
    "goalposts": st.lists(SCALARS, max_size=3), "range": st.lists(SCALARS, max_size=3),
    "direction": st.sampled_from(["higher", "lower", "up"]), "transform": WORDS,
    "target": SCALARS, "weight": SCALARS, "respondents": WORDS, "share_from": SCALARS,
    "levels": st.dictionaries(st.integers(-2, 9), SCALARS, max_size=4),
    "choices": st.dictionaries(WORDS, SCALARS, max_size=3), "min_answers": SCALARS,
    "normalisation": st.sampled_from(["goalposts", "distance-to-target", "minmax", "zscore"]),
    "imputation": st.sampled_from(["none", "group-mean", "previous-year"]),
    "outliers": values(WORDS), "actions": st.lists(ACTION, max_size=3),
    "roles": st.lists(WORDS, max_size=2),
}, WORDS)
GROUP = shaped({
    "id": st.sampled_from(["p", "q", "p", "x"]), "title": SCALARS, "weight": SCALARS,
    "aggregation": st.sampled_from(["arithmetic", "geometric", "median"]),
    "min_coverage": SCALARS, "indicators": st.lists(INDICATOR, max_size=3),
}, WORDS)
INDICATOR_SET = shaped({
    "id": WORDS, "version": SCALARS, "title": SCALARS, "scale": st.lists(SCALARS, max_size=3),
    "aggregation": WORDS, "min_coverage": SCALARS,
    "bands": st.lists(st.fixed_dictionaries({"from": SCALARS, "label": SCALARS}), max_size=3),
    "pillars": st.lists(st.one_of(GROUP, st.builds(
        lambda g, dims: {**g, "dimensions": dims}, GROUP, st.lists(GROUP, max_size=2))),
        max_size=3),
    "role_weights": st.dictionaries(WORDS, SCALARS, max_size=2),
}, WORDS)


TITLES = st.one_of(st.text(min_size=1, max_size=8),
                   st.fixed_dictionaries({"id": st.text(min_size=1, max_size=5),
                                          "en": st.text(min_size=1, max_size=5)}))


@st.composite
def valid_sets(draw: st.DrawFn) -> dict[str, Any]:
    """An indicator set that is valid, or nearly so (all weights zero, a log transform on a
    goalpost at zero, a share without share_from …): the loader must tell which, and a set
    that loads must score."""
    serial = iter(range(10_000))
    actions: list[str] = []

    def indicator() -> dict[str, Any]:
        ident = f"i{next(serial)}"
        kind = draw(st.sampled_from(["number", "percent", "likert", "boolean", "choice"]))
        found: dict[str, Any] = {"id": ident, "title": draw(TITLES), "type": kind}
        low, high = 0.0, 100.0
        if kind == "number":
            low = draw(st.integers(-50, 50))
            high = low + draw(st.integers(1, 500))
            found["goalposts"] = [low, high]
            if draw(st.booleans()):
                found["range"] = [low - draw(st.integers(0, 9)), high + draw(st.integers(0, 9))]
        elif kind == "choice":
            found["choices"] = {"none": 0, "all": 100, **{
                f"c{k}": draw(st.integers(0, 100)) for k in range(draw(st.integers(0, 2)))}}
        elif kind == "likert" and draw(st.booleans()):
            found["levels"] = {k: f"L{k}" for k in range(1, draw(st.integers(2, 7)) + 1)}
        for key, strategy in (
                ("direction", st.sampled_from(["higher", "lower"])),
                ("weight", st.sampled_from([0.5, 2, 5, 0])),
                ("target", st.floats(low, high)),
                ("respondents", st.sampled_from(["mean", "median", "share", "min", "max"])),
                ("share_from", st.floats(low, high)),
                ("min_answers", st.integers(1, 3)),
                ("transform", st.just("log") if low > 0 else st.nothing()),
                ("normalisation", st.sampled_from(["goalposts", "distance-to-target",
                                                   "minmax", "zscore"])),
                ("imputation", st.sampled_from(["none", "group-mean", "group-median",
                                                "previous-year"])),
                ("outliers", st.fixed_dictionaries({"limits": st.just([0.1, 0.9])}))):
            if draw(st.integers(0, 4)) == 0 and not strategy.is_empty:
                found[key] = draw(strategy)
        own: list[dict[str, Any]] = []
        for _ in range(draw(st.integers(0, 2))):
            action = f"{ident}.a{len(own)}"
            own.append({"id": action, "title": draw(TITLES), "owner": "Diskominfo",
                        "applies_below": draw(st.integers(0, 100)),
                        "horizon": draw(st.sampled_from(["quick-win", "short", "medium",
                                                         "long"])),
                        "depends_on": draw(st.lists(st.sampled_from(actions), max_size=2,
                                                    unique=True)) if actions else []})
            actions.append(action)
        if own:
            found["actions"] = own
        return found

    def group(depth: int) -> dict[str, Any]:
        found: dict[str, Any] = {"id": f"g{next(serial)}", "title": draw(TITLES),
                                 "weight": draw(st.sampled_from([1, 2, 0.5, 1, 1, 0]))}
        if draw(st.booleans()):
            found["aggregation"] = draw(st.sampled_from(["arithmetic", "geometric"]))
        if depth and draw(st.booleans()):
            found["dimensions"] = [group(depth - 1) for _ in range(draw(st.integers(1, 2)))]
        else:
            found["indicators"] = [indicator() for _ in range(draw(st.integers(1, 3)))]
        return found

    bands = sorted(set(draw(st.lists(st.integers(1, 99), max_size=3))))
    return {"id": "fuzz", "version": "1", "title": draw(TITLES),
            "aggregation": draw(st.sampled_from(["arithmetic", "geometric"])),
            "min_coverage": draw(st.sampled_from([0, 0.5, 1])),
            "bands": [{"from": b, "label": f"B{b}"} for b in [0, *bands]],
            "pillars": [group(1) for _ in range(draw(st.integers(1, 3)))]}


def score_one_row(indicator_set: IndicatorSet, folder: Path) -> None:
    """A set that loads must also score: one survey row with a valid value everywhere."""
    header, row = ["region", "year"], ["Tegal", "2025"]
    for indicator in indicator_set.indicators():
        header.append(indicator.id)
        if indicator.type == "choice" and indicator.choices:
            row.append(indicator.choices[0][0])
        elif indicator.type == "likert":
            row.append(str((indicator.level_values() or (1,))[0]))
        elif indicator.type == "boolean":
            row.append("ya")
        else:
            low, high = indicator.valid_range or indicator.goalposts
            row.append(repr((low + high) / 2) if math.isfinite(low + high) else "")
    text = "\n".join(",".join(f'"{c}"' for c in line) for line in (header, row)) + "\n"
    path = write(folder, "survey.csv", text.encode("utf-8"))
    survey = only_input_errors(lambda: read_survey([path], indicator_set))
    if survey is not None:
        assess(indicator_set, survey)  # type: ignore[arg-type]


@fuzz(150)
@given(data=INDICATOR_SET)
def test_fuzz_indicator_set_structures(scratch: Path, data: dict[str, Any]) -> None:
    document = parse_yaml(dump(data), "set.yaml")
    built = only_input_errors(lambda: build_indicator_set(document))
    if built is not None:
        assert isinstance(built, IndicatorSet)
        score_one_row(built, scratch)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def mutate(data: Any, draw: Callable[..., Any]) -> Any:
    """Replace, delete or duplicate one node of ``data`` (a deep copy)."""
    data = json.loads(json.dumps(data))
    path = draw(st.sampled_from(_paths(data)))
    if not path:
        return draw(values(WORDS))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
    key = path[-1]
    if action == "replace":
        parent[key] = draw(values(WORDS))
    elif action == "delete":
        del parent[key]
    elif isinstance(parent, list):
        parent.append(json.loads(json.dumps(parent[key])))
    else:
        parent[f"{key}_copy"] = parent[key]
    return data


@fuzz(150)
@given(data=valid_sets())
def test_fuzz_indicator_set_valid_ish(scratch: Path, data: dict[str, Any]) -> None:
    built = only_input_errors(lambda: build_indicator_set(parse_yaml(dump(data), "set.yaml")))
    if built is not None:
        score_one_row(built, scratch)  # type: ignore[arg-type]


@fuzz(150)
@given(data=valid_sets(), draws=st.data(), times=st.integers(1, 2))
def test_fuzz_indicator_set_mutations(scratch: Path, data: dict[str, Any], draws: st.DataObject,
                                      times: int) -> None:
    for _ in range(times):
        data = mutate(data, draws.draw)
    document = parse_yaml(dump(data), "set.yaml")
    built = only_input_errors(lambda: build_indicator_set(document))
    if built is not None:
        score_one_row(built, scratch)  # type: ignore[arg-type]


# -- plans and configs ------------------------------------------------------------------------

PLAN = shaped({
    "sample": SCALARS, "prepared_by": values(st.sampled_from(["id", "en", "x"])),
    "region": shaped({"name": SCALARS, "province": SCALARS, "population": SCALARS,
                      "population_year": SCALARS, "area_km2": SCALARS, "notes": SCALARS},
                     WORDS),
    "vision": values(st.sampled_from(["id", "en"])), "mission": st.lists(SCALARS, max_size=3),
    "goals": st.dictionaries(st.sampled_from(["infra", "gov", "x", ""]), SCALARS, max_size=3),
    "horizon": shaped({"start_year": SCALARS, "years": SCALARS}, WORDS),
    "targets": shaped({"index": SCALARS, "pillars": st.dictionaries(
        st.sampled_from(["infra", "gov", "x"]), SCALARS, max_size=3)}, WORDS),
    "opd": st.dictionaries(WORDS, SCALARS, max_size=3),
    "capacity": shaped({"per_year": SCALARS, "per_owner": st.dictionaries(
        WORDS, SCALARS, max_size=2)}, WORDS),
    "quick_wins_per_year": SCALARS,
}, WORDS)


@fuzz(300)
@given(data=st.one_of(PLAN, values(WORDS)))
def test_fuzz_plan(data: Any) -> None:
    raw = dump(data)
    document = only_input_errors(lambda: parse_yaml(raw, "plan.yaml"))
    if document is None:
        return
    plan = only_input_errors(lambda: build_plan(document))  # type: ignore[arg-type]
    if plan is not None:
        for problem in check_plan(plan, ISET):  # type: ignore[arg-type]
            assert problem.file == "plan.yaml" and problem.message


ASSERTION = shaped({"level": st.sampled_from(["off", "warn", "error", "x", False]),
                    "min_score": SCALARS, "max_drop": st.one_of(SCALARS, values(WORDS))}, WORDS)
CONFIG = shaped({
    "version": SCALARS, "criteria": st.sampled_from(["set.yaml", "smartcity-id", "x", "x.yaml",
                                                     "../x.yaml", ""]),
    "inputs": st.lists(st.sampled_from(["good.csv", "*.csv", "**/*.csv", "none.csv", ".", "",
                                        "../good.csv", "[", "/etc/passwd"]), max_size=3),
    "sheet": SCALARS, "ignore_columns": st.lists(SCALARS, max_size=2),
    "plan": st.sampled_from(["plan.yaml", "good.csv", ".", "x"]),
    "languages": st.lists(st.sampled_from(["id", "en", "fr"]), max_size=3),
    "history": st.sampled_from([".", "x", "good.csv"]),
    "outputs": shaped({"folder": st.sampled_from(["out", ".", "", "../x"]),
                       "formats": st.lists(st.sampled_from(["html", "md", "pdf", "x"]),
                                           max_size=3),
                       "reports": WORDS}, WORDS),
    "assertions": shaped({"scope": WORDS, "index": ASSERTION,
                          "pillars": st.dictionaries(st.sampled_from(["infra", "*", "x"]),
                                                     ASSERTION, max_size=2),
                          "indicators": st.dictionaries(st.sampled_from(["net", "*", "Net"]),
                                                        ASSERTION, max_size=2)}, WORDS),
}, WORDS)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("project")
    (folder / "good.csv").write_bytes((HERE / "corpus" / "survey" / "good.csv").read_bytes())
    (folder / "set.yaml").write_bytes((HERE / "corpus" / "set.yaml").read_bytes())
    (folder / "plan.yaml").write_text("vision: V\n", encoding="utf-8")
    return folder


@fuzz(300)
@given(data=st.one_of(CONFIG, values(WORDS)))
def test_fuzz_assessment_config(project: Path, data: Any) -> None:
    path = project / "assessment.yaml"
    document = only_input_errors(lambda: parse_yaml(dump(data), str(path)))
    if document is None:
        return
    config = only_input_errors(lambda: build_config(document, path))  # type: ignore[arg-type]
    if config is not None:
        for problem in check_against_set(config, ISET):  # type: ignore[arg-type]
            assert problem.file == str(path) and problem.message


# -- survey readers ---------------------------------------------------------------------------

COLUMNS = st.sampled_from(["region", "year", "respondent", "role", "net", "wifi", "online",
                           "plan", "open", "indicator", "value", "Wilayah", "NET", "x", "",
                           " net "])
CELLS = st.one_of(st.sampled_from([
    "", " ", "NA", "Tegal", "2025", "1", "4", "72,5", "72.5", "1.234,5", "50%", "ya", "full",
    "opd", "r1", "1e3", "-1", "nan", "inf", '"', "a;b", "x\ny", "\r", "\x00", "\ufeff", "é",
    "=1+1", "2025.0", "9" * 30]), st.text(max_size=8))
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])


def csv_text(header: list[str], rows: list[list[str]], delimiter: str, quote_all: bool) -> str:
    def quote(cell: str) -> str:
        if quote_all or any(c in cell for c in (delimiter, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    lines = [delimiter.join(map(quote, header))] + [delimiter.join(map(quote, r)) for r in rows]
    return "\n".join(lines) + "\n"


@fuzz(300)
@given(header=st.lists(COLUMNS, min_size=1, max_size=7),
       rows=st.lists(st.lists(CELLS, max_size=8), max_size=10),
       delimiter=st.sampled_from([",", ";", "\t"]), quote_all=st.booleans(),
       encoding=ENCODINGS, newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_fuzz_csv(scratch: Path, header: list[str], rows: list[list[str]], delimiter: str,
                  quote_all: bool, encoding: str, newline: str) -> None:
    text = csv_text(header, rows, delimiter, quote_all).replace("\n", newline)
    data = text.encode(encoding, errors="replace")
    path = write(scratch, "survey.csv", data)
    only_input_errors(lambda: read_survey([path], ISET))


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), CELLS),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(COLUMNS, inner, max_size=6)), max_leaves=30)
RECORDS = st.lists(st.one_of(st.dictionaries(COLUMNS, JSON_VALUES, max_size=8), JSON_VALUES),
                   max_size=6)


@fuzz(150)
@given(document=st.one_of(RECORDS, st.fixed_dictionaries({"responses": RECORDS}), JSON_VALUES),
       cut=st.integers(0, 40))
def test_fuzz_json(scratch: Path, document: Any, cut: int) -> None:
    text = json.dumps(document, ensure_ascii=False)
    data = text.encode("utf-8")
    path = write(scratch, "survey.json", data[: len(data) - cut] if cut < 5 else data)
    only_input_errors(lambda: read_survey([path], ISET))


def cell_xml(value: Any) -> str | None:
    if value is None:
        return None
    kind, payload = value
    makers: dict[str, Callable[[Any], str]] = {
        "text": generate.text, "number": generate.number, "date": generate.date,
        "error": generate.error, "formula": lambda p: generate.formula("A1+1", p),
        "raw": lambda p: str(p)}
    return makers[kind](payload)


XLSX_CELLS = st.one_of(
    st.none(),
    st.tuples(st.just("text"), CELLS.filter(lambda s: "\x00" not in s)),
    st.tuples(st.just("number"), st.one_of(st.integers(-10**20, 10**20),
                                           st.floats(allow_nan=False, allow_infinity=False))),
    st.tuples(st.just("date"), st.integers(0, 2958465)),
    st.tuples(st.just("error"), st.sampled_from(["#DIV/0!", "#N/A", "#REF!", "#VALUE!"])),
    st.tuples(st.just("formula"), st.one_of(st.none(), st.integers(0, 100))),
    st.tuples(st.just("raw"), st.sampled_from([
        "<c><v>abc</v></c>", '<c t="s"><v>99</v></c>', '<c t="b"><v>2</v></c>',
        '<c t="n"><v></v></c>', "<c><is><t>x</t></is></c>", '<c t="inlineStr"></c>',
        '<c s="99"><v>1</v></c>', "<c><f>1/0</f><v>#DIV/0!</v></c>"])),
)


@fuzz(150)
@given(header=st.lists(COLUMNS, min_size=1, max_size=6),
       rows=st.lists(st.lists(XLSX_CELLS, max_size=7), max_size=6),
       merges=st.lists(st.sampled_from(["A1:B1", "A2:A3", "C2", "ZZ9:A1", "A0:B0"]),
                       max_size=2),
       dimension=st.sampled_from([None, "A1", "A1:XFD1048576", "B2:A1", "junk"]))
def test_fuzz_xlsx_cells(scratch: Path, header: list[str], rows: list[list[Any]],
                         merges: list[str], dimension: str | None) -> None:
    sheet = generate.sheet([[generate.text(h) for h in header],
                            *[[cell_xml(c) for c in row] for row in rows]],
                           merges=merges, dimension=dimension)
    path = write(scratch, "survey.xlsx", generate.workbook(sheet))
    only_input_errors(lambda: read_survey([path], ISET))


GOOD_SHEET = generate.sheet(generate.GOOD_ROWS)
XML_TOKENS = st.sampled_from([
    "<", ">", "/", "</row>", "<row>", '<row r="0">', '<row r="99999999">', "<c>", "</c>",
    '<c r="A">', '<c r="XFD1">', "<v>", "</v>", "1", "&amp;", "&lt;", "&#0;", "&#xFFFF;",
    "<![CDATA[x]]>", "<!-- -->", '<?pi x?>', '<!DOCTYPE x [<!ENTITY e "e">]>', "&e;",
    '<mergeCell ref="A1:B2"/>', "\x00", "é", " ", '"',
])


@fuzz(200)
@given(position=st.integers(0, len(GOOD_SHEET)), cut=st.integers(0, 30),
       tokens=st.lists(XML_TOKENS, max_size=6))
def test_fuzz_xlsx_sheet_xml(scratch: Path, position: int, cut: int, tokens: list[str]) -> None:
    """The sheet XML of a valid workbook, cut and spliced at a random place."""
    xml = GOOD_SHEET[:position] + "".join(tokens) + GOOD_SHEET[position + cut:]
    path = write(scratch, "survey.xlsx", generate.workbook(xml))
    only_input_errors(lambda: read_survey([path], ISET))


GOOD_BOOK = generate.workbook(GOOD_SHEET)


@fuzz(200)
@given(flips=st.lists(st.tuples(st.integers(0, len(GOOD_BOOK) - 1), st.integers(0, 255)),
                      min_size=1, max_size=8),
       cut=st.integers(0, len(GOOD_BOOK)))
def test_fuzz_xlsx_bytes(scratch: Path, flips: list[tuple[int, int]], cut: int) -> None:
    """A valid workbook with bytes changed (ZIP headers, sizes, compressed data) or cut."""
    data = bytearray(GOOD_BOOK)
    for index, value in flips:
        data[index] = value
    path = write(scratch, "survey.xlsx", bytes(data[: max(cut, 1)]))
    only_input_errors(lambda: read_survey([path], ISET))


@fuzz(200)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".tsv", ".txt", ".json",
                                                             ".xlsx", ".xlsm", ""]),
       prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04",
                               generate.OLE_MAGIC if hasattr(generate, "OLE_MAGIC") else
                               b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"[{", b'{"responses":',
                               b"sep=;\n", b"region,net\n"]))
def test_fuzz_survey_bytes(scratch: Path, data: bytes, suffix: str, prefix: bytes) -> None:
    path = write(scratch, f"survey{suffix}", prefix + data)
    table = open_table(path)
    if table.usable:
        list(table.rows)
    only_input_errors(lambda: read_survey([path], ISET))
