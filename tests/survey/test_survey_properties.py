"""Property tests: readers never crash, and the CSV fast path agrees with csv.reader."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from survey_helpers import make_set

from smartcity_assess.errors import InputError
from smartcity_assess.survey.data import SurveyData
from smartcity_assess.survey.formats import csv as csvformat
from smartcity_assess.survey.load import read_survey
from smartcity_assess.survey.readers import open_table

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
ISET = make_set()
NAMES = ["region", "year", "respondent", "role", "net", "wifi", "speed", "online", "plan",
         "open", "indicator", "value", "Wilayah", "x", ""]
CELLS = st.one_of(
    st.sampled_from(["", " ", "NA", "Tegal", "Brebes", "2025", "1", "4", "72,5", "50%", "ya",
                     "tidak", "full", "opd", "r1", "r2", "abc", "1e3", "-1", "nan", '"', "a;b",
                     "x\ny", "2025.0"]),
    st.text(max_size=6),
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("survey-properties")


def _scratch(folder: Path, suffix: str, data: bytes) -> Path:
    path = Path(tempfile.mkdtemp(dir=folder)) / f"f{suffix}"
    path.write_bytes(data)
    return path


@SETTINGS
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".json", ""]))
def test_open_table_never_raises(scratch: Path, data: bytes, suffix: str) -> None:
    table = open_table(_scratch(scratch, suffix, data))
    if table.usable:
        list(table.rows)


@SETTINGS
@given(prefix=st.sampled_from([b"PK\x03\x04", b"[", b'{"responses": [', b"region,net\n"]),
       data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx", ".json"]))
def test_plausible_starts_never_raise(scratch: Path, prefix: bytes, data: bytes,
                                     suffix: str) -> None:
    try:
        read_survey([_scratch(scratch, suffix, prefix + data)], ISET)
    except InputError:
        pass


def _csv(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    def quote(cell: str) -> str:
        if any(c in cell for c in (delimiter, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    lines = [delimiter.join(quote(c) for c in header)]
    lines += [delimiter.join(quote(c) for c in row) for row in rows]
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@SETTINGS
@given(header=st.lists(st.sampled_from(NAMES), min_size=1, max_size=6),
       rows=st.lists(st.lists(CELLS, min_size=0, max_size=7), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_read_survey_only_raises_input_error(scratch: Path, header: list[str],
                                             rows: list[list[str]], delimiter: str) -> None:
    path = _scratch(scratch, ".csv", _csv(header, rows, delimiter).encode())
    try:
        read_survey([path], ISET)
    except InputError as error:
        assert error.problems
        assert all(p.file == str(path) for p in error.problems)


def _flatten(data: SurveyData) -> dict[object, object]:
    return {key: (sorted(region.respondents), sorted(region.roles.items()),
                  {ind: sorted(zip(a.values, [r or "" for r in a.roles], strict=True))
                   for ind, a in region.answers.items()})
            for key, region in data.regions.items()}


@pytest.mark.slow
@SETTINGS
@given(rows=st.lists(st.tuples(
    st.sampled_from(["Tegal", "Brebes", " Tegal", ""]), st.sampled_from(["2025", "", "2024"]),
    st.sampled_from(["", "opd", "OPD", "warga"]),
    st.lists(st.sampled_from(["", "1", "4", "NA", "72,5", "x", '"5"', "ya", "full"]),
             min_size=6, max_size=6)), max_size=40),
    blank_every=st.integers(min_value=0, max_value=7),
    block_chars=st.sampled_from([16, 64, 100_000]))
def test_fast_path_agrees_with_csv_reader(scratch: Path,
                                          rows: list[tuple[str, str, str, list[str]]],
                                          blank_every: int, block_chars: int) -> None:
    lines = ["region,year,role,net,wifi,speed,online,plan,open"]
    for i, (region, year, role, cells) in enumerate(rows):
        if blank_every and i % blank_every == 0:
            lines.append("")
        lines.append(",".join([region, year, role, *cells]))
    path = _scratch(scratch, ".csv", ("\n".join(lines) + "\n").encode())

    def run() -> tuple[object, object]:
        try:
            data = read_survey([path], ISET)
        except InputError as error:
            return "error", sorted(map(str, error.problems))
        return "data", _flatten(data)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csvformat, "BLOCK_CHARS", block_chars)
        fast = run()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csvformat, "SPLIT", False)
        slow = run()
    assert fast == slow
