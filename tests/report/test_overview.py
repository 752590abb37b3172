"""Reports for many region-years: one folder each, and the overview (index.html, index.md).

The fixture (fixtures/multi-set.yaml, fixtures/multi-survey.csv) has three regions in 2024
and 2025; every indicator is a percentage scored as itself and the index is the mean of the
three pillars, so every number below is worked out by hand:

    region                      2024: net svc lit → index     2025: net svc lit → index
    Kota Alpha                        60  50  70  →  60             70  60  80  →  70
    <script>alert(1)</script>         40  30  50  →  40             90  80  70  →  80
    ../../etc                         50  50  50  →  50             70  70  70  →  70
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smartcity_assess.assessment.report_set import choose, write_report_set
from smartcity_assess.errors import UsageError
from smartcity_assess.pipeline import run_assessment
from smartcity_assess.planning.plan import Plan
from smartcity_assess.report.charts.overview import (
    EDGE_ROWS,
    MAX_ROWS,
    bin_edges,
    class_edges,
)
from smartcity_assess.report.overview import render_overview
from smartcity_assess.report.overview_facts import rank_results
from smartcity_assess.scoring.results import Assessment, RegionResult

FIXTURES = Path(__file__).parent / "fixtures"
SET = FIXTURES / "multi-set.yaml"
SURVEY = FIXTURES / "multi-survey.csv"
HOSTILE = "<script>alert(1)</script>"
FOLDERS = ["etc-2024", "etc-2025", "kota-alpha-2024", "kota-alpha-2025",
           "script-alert-1-script-2024", "script-alert-1-script-2025"]
REGION_FILES = {"masterplan.html", "masterplan.md", "roadmap.html", "roadmap.md",
                "scores.json", "roadmap.json", "warga.html", "warga.md"}


@pytest.fixture(scope="module")
def multi() -> Assessment:
    return run_assessment([SURVEY], SET)


@pytest.fixture(scope="module")
def written(multi: Assessment, tmp_path_factory: pytest.TempPathFactory
            ) -> Callable[..., Path]:
    """Write the report set once per (lang, processes) and return the output folder."""
    done: dict[tuple[str, int], Path] = {}

    def make(lang: str = "id", processes: int = 2) -> Path:
        key = (lang, processes)
        if key not in done:
            out = tmp_path_factory.mktemp(f"multi-{lang}-{processes}") / "out"
            write_report_set(multi, out, list(multi.results), plan=Plan(),
                             formats=("html", "md"), lang=lang, processes=processes)
            done[key] = out
        return done[key]

    return make


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def table_rows(markdown: str, header: str) -> list[list[str]]:
    """Cells of the Markdown table whose header row starts with ``header``."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


# --------------------------------------------------------------------------- layout


@pytest.mark.slow
def test_one_folder_per_region_year_and_the_overview_on_top(written: Callable[..., Path]
                                                             ) -> None:
    out = written()
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == FOLDERS
    top = sorted(p.name for p in out.iterdir() if p.is_file())
    assert top == [".smartcity-assess.json", "index-distribution.svg",
                   "index-heatmap-2024.svg", "index-heatmap-2025.svg", "index.html",
                   "index.md", "scores.json"]
    for folder in FOLDERS:
        files = {p.name for p in (out / folder).iterdir() if p.is_file()}
        assert files == REGION_FILES, folder
        assert any((out / folder / "charts").glob("*.svg")), folder
    # Nothing escaped the output folder: "../../etc" is a folder name, not a path.
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]


@pytest.mark.slow
def test_each_folder_holds_its_own_region_year(written: Callable[..., Path]) -> None:
    out = written()
    scores = json.loads((out / "script-alert-1-script-2025" / "scores.json").read_text("utf-8"))
    [result] = scores["results"]
    assert (result["region"], result["year"], result["score"]) == (HOSTILE, 2025, 80.0)
    everything = json.loads((out / "scores.json").read_text("utf-8"))
    assert [(r["region"], r["year"]) for r in everything["results"]] == [
        ("../../etc", 2024), ("../../etc", 2025), (HOSTILE, 2024), (HOSTILE, 2025),
        ("Kota Alpha", 2024), ("Kota Alpha", 2025)]


# --------------------------------------------------------------------------- contents


@pytest.mark.slow
def test_ranking_order_and_values_in_index_md(written: Callable[..., Path]) -> None:
    md = (written() / "index.md").read_text("utf-8")
    rows = table_rows(md, "| No. | Wilayah |")
    hostile = "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
    etc = "\\.\\./\\.\\./etc"
    assert [row[:9] for row in rows] == [
        # rank, region, year, index, grade, coverage, the three pillars
        ["1", hostile, "2025", "80,0", "Tinggi", "100%", "90,0", "80,0", "70,0"],
        ["2", etc, "2025", "70,0", "Sedang", "100%", "70,0", "70,0", "70,0"],
        ["2", "Kota Alpha", "2025", "70,0", "Sedang", "100%", "70,0", "60,0", "80,0"],
        ["1", "Kota Alpha", "2024", "60,0", "Sedang", "100%", "60,0", "50,0", "70,0"],
        ["2", etc, "2024", "50,0", "Sedang", "100%", "50,0", "50,0", "50,0"],
        ["3", hostile, "2024", "40,0", "Rendah", "100%", "40,0", "30,0", "50,0"],
    ]
    assert rows[0][9] == ("[Masterplan](script-alert-1-script-2025/masterplan.md) · "
                          "[Peta jalan](script-alert-1-script-2025/roadmap.md)")
    years = table_rows(md, "| Tahun | Wilayah | Dinilai |")
    assert years == [
        ["2025", "3", "3", "70,0", "Kota Alpha (70,0)", f"{hostile} (80,0)", "1", "2", "0"],
        ["2024", "3", "3", "50,0", f"{hostile} (40,0)", "Kota Alpha (60,0)", "0", "2", "1"],
    ]
    assert ("Pada tahun 2025, 3 wilayah dinilai dengan Indeks Uji Banyak Wilayah. Median "
            "indeks adalah 70,0 pada skala 0–100") in md


@pytest.mark.slow
def test_english_overview_uses_english_numbers(written: Callable[..., Path]) -> None:
    md = (written("en", 1) / "index.md").read_text("utf-8")
    rows = table_rows(md, "| No. | Region |")
    assert rows[0][:4] == ["1", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;", "2025", "80.0"]
    assert "[Masterplan](etc-2025/masterplan.md) · [Roadmap](etc-2025/roadmap.md)" in md
    html = (written("en", 1) / "index.html").read_text("utf-8")
    assert '<html lang="en">' in html and "Regional Overview" in html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.scripts: list[tuple[str | None, str]] = []
        self._script: str | None = None
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag == "script":
            self._in_script, self._script = True, found.get("id")
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script:
            name, text = self.scripts[-1]
            self.scripts[-1] = (name, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


@pytest.mark.slow
def test_links_resolve(written: Callable[..., Path]) -> None:
    out = written()
    parser = _Links()
    parser.feed((out / "index.html").read_text("utf-8"))
    documents = [h for h in parser.hrefs if not h.startswith("#")]
    assert len(documents) == 6 * 3  # the region name and the two documents, per row
    assert all((out / h).is_file() and h.endswith(".html") for h in documents), documents
    anchors = {h[1:] for h in parser.hrefs if h.startswith("#")}
    html = (out / "index.html").read_text("utf-8")
    assert all(f'id="{a}"' in html for a in anchors)
    md = (out / "index.md").read_text("utf-8")
    targets = re.findall(r"\]\(([^)]+)\)", md)
    assert len(targets) == 6 * 2 + 3  # two documents per row, three charts
    assert all((out / t).is_file() for t in targets), targets


@pytest.mark.slow
def test_hostile_names_are_inert(written: Callable[..., Path]) -> None:
    out = written()
    html = (out / "index.html").read_text("utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parser = _Links()
    parser.feed(html)
    assert [name for name, _ in parser.scripts] == ["ranking"]
    ranking = json.loads(parser.scripts[0][1])
    assert [(r["rank"], r["region"], r["year"], r["folder"]) for r in ranking["results"][:3]] == [
        (1, HOSTILE, 2025, "script-alert-1-script-2025"), (2, "../../etc", 2025, "etc-2025"),
        (2, "Kota Alpha", 2025, "kota-alpha-2025")]
    for svg in out.glob("index-*.svg"):
        text = svg.read_text("utf-8")
        assert "<script" not in text, svg.name
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (
        out / "index-heatmap-2025.svg").read_text("utf-8")


@pytest.mark.slow
def test_heatmap_and_distribution_are_accessible_svg(written: Callable[..., Path]) -> None:
    html = (written() / "index.html").read_text("utf-8")
    for name in ("distribution", "heatmap-2025", "heatmap-2024"):
        assert f'aria-labelledby="{name}-title {name}-desc"' in html, name
    assert html.count("<svg") == 3
    assert "Semua wilayah, diurutkan menurut peringkat." in html


# --------------------------------------------------------------------------- determinism


@pytest.mark.slow
def test_rerun_is_byte_identical_and_independent_of_processes(
        written: Callable[..., Path], multi: Assessment, tmp_path: Path) -> None:
    again = tmp_path / "again"
    write_report_set(multi, again, list(multi.results), plan=Plan(), formats=("html", "md"),
                     lang="id", processes=1)
    first, second = tree(written()), tree(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.slow
def test_a_second_run_into_the_same_folder_replaces_its_own_files(
        multi: Assessment, tmp_path: Path) -> None:
    out = tmp_path / "out"
    chosen = choose(multi, years=[2025])
    write_report_set(multi, out, chosen, plan=Plan(), formats=("md",), lang="id")
    before = tree(out)
    write_report_set(multi, out, chosen, plan=Plan(), formats=("md",), lang="id")
    assert tree(out) == before
    assert "index.html" not in before and "index.md" in before


# --------------------------------------------------------------------------- choosing


def test_choose_by_name_case_folder_name_and_year(multi: Assessment) -> None:
    def keys(results: list[RegionResult]) -> list[tuple[str, int | None]]:
        return [(r.region, r.year) for r in results]

    assert len(choose(multi)) == 6
    assert keys(choose(multi, ["kota alpha"])) == [("Kota Alpha", 2024), ("Kota Alpha", 2025)]
    assert keys(choose(multi, ["etc"], [2025])) == [("../../etc", 2025)]
    assert keys(choose(multi, [HOSTILE, "Kota Alpha"], [2024])) == [
        (HOSTILE, 2024), ("Kota Alpha", 2024)]
    with pytest.raises(UsageError, match="no region 'Kota Beta' in the data; it holds "):
        choose(multi, ["Kota Beta"])
    with pytest.raises(UsageError, match="no data for the year 2023; the data hold 2024, 2025"):
        choose(multi, years=[2023])


# --------------------------------------------------------------------------- ranks, scale


def _result(region: str, year: int | None, score: float | None) -> RegionResult:
    return RegionResult(region=region, year=year, score=score, band=None, coverage=1.0,
                        pillars=(), respondents=1)


def test_ranks_are_competition_ranks_within_each_year() -> None:
    results = [_result("B", 2024, 50.0), _result("A", 2024, 50.0), _result("C", 2024, None),
               _result("D", 2024, 70.0), _result("A", 2025, 10.0), _result("Z", None, 5.0)]
    folders = {(r.region, r.year): f"{r.region}-{r.year}" for r in results}
    ranked = [(r.result.region, r.result.year, r.rank, r.of)
              for r in rank_results(results, folders)]
    assert ranked == [("A", 2025, 1, 1), ("D", 2024, 1, 3), ("A", 2024, 2, 3),
                      ("B", 2024, 2, 3), ("C", 2024, None, 3), ("Z", None, 1, 1)]


@pytest.mark.slow
def test_many_regions_keep_the_heatmap_legible(multi: Assessment) -> None:
    """Above MAX_ROWS region-years the heatmap draws the top and bottom EDGE_ROWS and a gap
    row; the ranking table still lists every region."""
    base = multi.results[0]
    results = tuple(replace(base, region=f"Kabupaten {k:03d}", year=2024,
                            score=20.0 + k * 0.5) for k in range(MAX_ROWS + 15))
    from smartcity_assess.paths import region_folders

    files = render_overview(replace(multi, results=results), results,
                            region_folders((r.region, r.year) for r in results),
                            formats=("md",))
    heatmap = files["index-heatmap-2024.svg"].decode()
    shown = re.findall(r"\d+\. Kabupaten (\d{3})", heatmap)
    top = [f"{k:03d}" for k in range(MAX_ROWS + 14, MAX_ROWS + 14 - EDGE_ROWS, -1)]
    assert shown[:EDGE_ROWS] == top and len(shown) == 2 * EDGE_ROWS
    assert "… 25 wilayah lain, lihat tabel peringkat …" in heatmap
    md = files["index.md"].decode()
    assert len(table_rows(md, "| No. | Wilayah |")) == MAX_ROWS + 15
    assert "Ditampilkan 25 wilayah teratas dan 25 terbawah dari 75" in md


def test_class_and_bin_edges_are_round() -> None:
    values = [60.0 + k * 0.25 for k in range(100)]  # 60 … 84.75
    edges = class_edges(values, (0.0, 100.0))
    assert edges[0] == 60 and edges[-1] == 85 and edges == sorted(set(edges))
    assert all(e == int(e) for e in edges) and len(edges) == 7
    assert class_edges([], (0.0, 100.0)) == [0.0, 100.0]
    assert bin_edges([40.0, 50.0, 60.0, 70.0, 70.0, 80.0], (0.0, 100.0)) == [
        40.0, 50.0, 60.0, 70.0, 80.0, 90.0]


@pytest.mark.slow
def test_a_region_year_not_assessed_has_no_rank_and_comes_last(multi: Assessment) -> None:
    from smartcity_assess.paths import region_folders

    results = tuple(replace(r, score=None, band=None, coverage=0.2)
                    if (r.region, r.year) == ("Kota Alpha", 2025) else r
                    for r in multi.results)
    files = render_overview(replace(multi, results=results), results,
                            region_folders((r.region, r.year) for r in results),
                            formats=("html", "md"), lang="en")
    md = files["index.md"].decode()
    rows = table_rows(md, "| No. | Region |")
    assert [row[:6] for row in rows[:3]] == [
        ["1", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;", "2025", "80.0", "High", "100%"],
        ["2", "\\.\\./\\.\\./etc", "2025", "70.0", "Medium", "100%"],
        ["–", "Kota Alpha", "2025", "–", "not assessed", "20%"],
    ]
    assert "Region-years not assessed because their data coverage is under the threshold " \
        "(not ranked): 1." in md
    html = files["index.html"].decode()
    assert '<tr class="unranked">' in html
