"""A region's folder holds that region only: its size does not depend on how many regions
were run (issue 14, item 3).

The same region (Kabupaten Nias, BPS IPM 2024) is reported from data on 25 and on 50
kab/kota. What may legitimately differ between the two folders is what a region's documents
say about the others — its rank among the region-years of its year (``rank`` in
``scores.json``, one sentence of the masterplan) — and the input files' names, row counts and
hashes, and the total of their answers that do not count (the two runs read different
files). Everything else is the same to the byte: the
charts, the roadmap, the region's results and its own sensitivity analysis. Both runs have
more than ``RANKS_LISTED`` (20) regions, so neither lists its peers' ranks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from smartcity_assess.assessment.report_set import choose, write_report_set
from smartcity_assess.pipeline import Uncertainty, run_with_uncertainty
from smartcity_assess.planning.plan import Plan
from smartcity_assess.report.certainty import RANKS_LISTED

EXAMPLES = Path(__file__).parents[2] / "examples" / "bps-ipm"
DATA = EXAMPLES / "bps-ipm-kabkota-2020-2024.csv"
IPM = EXAMPLES / "ipm.yaml"
REGION = "Kabupaten Nias"
FOLDER = "kabupaten-nias-2024"


def _data(tmp: Path, count: int) -> Path:
    """The first ``count`` kab/kota of 2024 (Kabupaten Nias among them)."""
    header, *rows = DATA.read_text(encoding="utf-8").splitlines()
    chosen = [row for row in rows if row.split(",")[1] == "2024"][:count]
    assert any(row.startswith(REGION + ",") for row in chosen)
    path = tmp / f"ipm-{count}.csv"
    path.write_text("\n".join([header, *chosen]) + "\n", encoding="utf-8")
    return path


def _folder(tmp: Path, count: int) -> dict[str, bytes]:
    assessment, tested = run_with_uncertainty(
        [_data(tmp, count)], IPM, uncertainty=Uncertainty(bootstrap=0, draws=40))
    assert tested is not None and len(tested.regions) == count
    out = tmp / f"out-{count}"
    # Two region folders (the overview on top holds all): enough for the layout of a set.
    chosen = choose(assessment, [REGION, "Kabupaten Asahan"])
    write_report_set(assessment, out, chosen, plan=Plan(), formats=("html", "md"), lang="en",
                     processes=1, sensitivity=tested)
    top = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert len(top["sensitivity"]["results"]) == count  # the overview's scores: every region
    folder = out / FOLDER
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _without_rank_and_inputs(scores: dict[str, object]) -> dict[str, object]:
    plain = json.loads(json.dumps(scores))
    del plain["inputs"]
    plain.pop("unused", None)  # answers of the input files that do not count, in total
    for region in plain["sensitivity"]["results"]:
        del region["rank"]
    return plain


@pytest.mark.slow
def test_a_region_folder_does_not_grow_with_the_regions_run(tmp_path: Path) -> None:
    assert RANKS_LISTED < 25
    few, many = _folder(tmp_path, 25), _folder(tmp_path, 50)
    assert sorted(few) == sorted(many)
    differ = sorted(name for name in few if few[name] != many[name])
    # Only the documents that state the rank and the input files (the HTML embeds
    # scores.json).
    assert differ == ["masterplan.html", "masterplan.md", "roadmap.html", "scores.json"]
    for name in differ:
        # "of 25" / "of 50", a rank of one or two digits, a file name and row count:
        # a few bytes, where the sensitivity of 25 more regions would add about 50 KB.
        assert abs(len(few[name]) - len(many[name])) <= 12, name

    small, large = (json.loads(f["scores.json"]) for f in (few, many))
    [own] = small["sensitivity"]["results"]
    assert (own["region"], own["year"]) == (REGION, 2024)
    assert [(r["region"], r["year"]) for r in small["results"]] == [(REGION, 2024)]
    assert (own["rank"]["of"], large["sensitivity"]["results"][0]["rank"]["of"]) == (25, 50)
    assert _without_rank_and_inputs(small) == _without_rank_and_inputs(large)
    # ``overall`` is the mean over the file's own region-years: here this region's effects.
    assert small["sensitivity"]["overall"] == {
        e["factor"]: e["first_order"] for e in own["effects"]
        if e["first_order"] is not None}

    # The masterplan differs only in the sentence of the rank and the input files' table.
    def lines(data: bytes) -> list[str]:
        return data.decode("utf-8").splitlines()

    changed = [(a, b) for a, b in zip(lines(few["masterplan.md"]), lines(many["masterplan.md"]),
                                      strict=True) if a != b]
    # The rank, then what the input files are and hold: the data sources' table, the
    # answers read (and those of the ignored column), the input files' table.
    assert len(changed) == 5, changed
    rank_line, source, answers, ignored, input_line = (
        tuple(line.replace("\\", "") for line in pair) for pair in changed)  # Markdown escapes
    assert re.search(r"\b25\b", rank_line[0]) and re.search(r"\b50\b", rank_line[1])
    assert "ipm-25.csv | Survey or statistics" in source[0]
    assert "ipm-50.csv | Survey or statistics" in source[1]
    assert answers == ("125 answers were read from the survey files; 100 of them count in a "
                       "score.", "250 answers were read from the survey files; 200 of them "
                       "count in a score.")
    assert ignored[0].startswith("- 25 values in column 'ipm'")
    assert ignored[1].startswith("- 50 values in column 'ipm'")
    assert "ipm-25.csv | csv (wide) | 25 |" in input_line[0]
    assert "ipm-50.csv | csv (wide) | 50 |" in input_line[1]
