"""One language per run (issue 15, item 4): every message of a ``--lang id`` run is
Indonesian, tables fit 80 columns by wrapping names (never "Infrastruktur Di…"), and say why a
score is missing ("6 indikator perlu 50 jawaban; ada 3").

A pilot: one regency, three citizens, a set whose six Likert indicators need 50 answers each
(the minimum the bundled set asks of citizen questions), and two statistics.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.cli.scorecard import compact_table, scorecard
from smartcity_assess.indicators.loader import load_indicator_set
from smartcity_assess.notices import Notice
from smartcity_assess.scoring.engine import ScoringOptions, assess
from smartcity_assess.scoring.results import Assessment
from smartcity_assess.survey.load import read_survey

LONG_PILLAR = "Infrastruktur Digital dan Konektivitas Daerah"
LONG_REGION = "Kabupaten Contoh Bagian Utara Pegunungan"
LIKERT = [f"warga.q{n}" for n in range(1, 7)]

SET = f"""\
id: pilot
version: "1"
title: {{id: Set Uji Coba, en: Pilot Set}}
bands:
  - {{from: 0, label: {{id: Rendah, en: Low}}}}
  - {{from: 50, label: {{id: Sangat Baik Sekali, en: Very Good Indeed}}}}
pillars:
  - id: infra
    title: {{id: {LONG_PILLAR}, en: Digital Infrastructure and Regional Connectivity}}
    indicators:
""" + "".join(f"""\
      - id: {ind}
        title: {{id: Pertanyaan Warga {n}, en: Citizen question {n}}}
        type: likert
        min_answers: 50
""" for n, ind in enumerate(LIKERT, start=1)) + """\
  - id: gov
    title: {id: Pemerintahan Digital, en: Digital Government}
    indicators:
      - id: stat.a
        title: {id: Layanan Daring, en: Online services}
        type: percent
      - id: stat.b
        title: {id: Data Terbuka, en: Open data}
        type: percent
"""

ENGLISH = ("not assessed", "Pillar", "Score", "Coverage", "Grade", "Band", "respondents",
           "Index", "wrote", "warning", "indicators need", "Why", "From", "Rank")


@pytest.fixture(scope="module")
def pilot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pilot")
    (root / "set.yaml").write_text(SET, encoding="utf-8")
    rows = ["region,year,respondent," + ",".join(LIKERT) + ",stat.a,stat.b"]
    for n, answers in enumerate(("4,3,5,4,2,3", "3,3,4,4,3,2", "5,4,4,3,3,4"), start=1):
        rows.append(f"{LONG_REGION},2025,w{n},{answers},,")
    rows.append(f"{LONG_REGION},2025,stat,,,,,,,62.5,40")
    (root / "data.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def printed(renderable: object, width: int = 80) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    console.print(renderable)
    return buffer.getvalue()


def assessed(pilot: Path, bootstrap: int = 0) -> Assessment:
    iset = load_indicator_set(pilot / "set.yaml")
    survey = read_survey([pilot / "data.csv"], iset)
    return assess(iset, survey, ScoringOptions(bootstrap=bootstrap, seed=1))


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("bootstrap", [0, 200])
def test_the_scorecard_fits_80_columns_and_says_why_scores_are_missing(
        pilot: Path, bootstrap: int) -> None:
    text = printed(scorecard(assessed(pilot, bootstrap), "id", 80))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "…" not in text  # wrapped, never cut
    flat = " ".join(words(text))
    for name in (LONG_PILLAR, LONG_REGION, "Sangat Baik Sekali", "Cakupan", "Indikator"):
        assert all(w in flat for w in words(name)), name
    assert LONG_PILLAR.split()[0] + " " + LONG_PILLAR.split()[1] in flat
    assert "Mengapa ada skor yang kosong: 6 indikator perlu 50 jawaban; ada 3;" in flat
    assert (f"{LONG_PILLAR}: cakupan 0%, di bawah minimum 50%" in flat)
    for english in ENGLISH:
        assert not re.search(rf"\b{english}\b", text), english


def test_the_same_in_english(pilot: Path) -> None:
    text = " ".join(words(printed(scorecard(assessed(pilot), "en", 80))))
    assert "Why some scores are missing: 6 indicators need 50 answers; there are 3;" in text
    assert "Digital Infrastructure and Regional Connectivity: coverage 0%, below the minimum " \
           "50%" in text


def test_many_region_years_name_the_pillars_below_the_table(pilot: Path) -> None:
    from dataclasses import replace

    one = assessed(pilot)
    many = replace(one, results=tuple(replace(one.results[0], region=f"{LONG_REGION} {n}")
                                      for n in range(6)))
    text = printed(compact_table(many, "id", 80))
    assert max(len(line) for line in text.splitlines()) <= 80 and "…" not in text
    flat = " ".join(words(text))
    assert f"Pilar: P1 {LONG_PILLAR} · P2 Pemerintahan Digital" in flat
    assert (f"6 wilayah-tahun punya skor yang kosong; misalnya {LONG_REGION} 0 2025: 6 "
            "indikator perlu 50 jawaban; ada 3;") in flat


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_score_messages_follow_lang(pilot: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.md"
    index = assessed(pilot).results[0].score
    assert index is not None and 50 < index < 60
    code, _, err = invoke("score", str(pilot / "data.csv"), "--criteria",
                          str(pilot / "set.yaml"), "--format", "md", "-o", str(out),
                          "--fail-under", "60")
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == f"ditulis: {out}"
    assert lines[-1] == (f"ambang tidak tercapai: indeks {LONG_REGION} 2025 "
                         f"{index:.2f} < 60".replace(".", ","))
    # A pilot: answers below the indicators' min_answers are read but not used, and said so
    assert lines[1].startswith("18 dari 20 jawaban tidak dipakai (jawaban kurang dari "
                               "minimum: 18)")
    # ... and the check of the data says which indicators need more answers
    assert lines[2] == (f"peringatan: {LONG_REGION} 2025: 6 indikator perlu 50 jawaban; ada "
                        "3: " + ", ".join(f"“Pertanyaan Warga {n}”" for n in range(1, 7)))
    # Three pilot answers make some Likert items run against the others: the engine's
    # notices, worded in Indonesian with the items' names.
    notices = lines[3:-1]
    assert notices and all(line.startswith(f"peringatan: {LONG_REGION} 2025: butir “Pertanyaan "
                                           "Warga ") and "berkorelasi negatif" in line
                           for line in notices)
    markdown = out.read_text(encoding="utf-8")
    assert "| Wilayah | Tahun | Indeks | Predikat | Cakupan data |" in markdown
    code, _, err = invoke("score", str(pilot / "data.csv"), "--criteria",
                          str(pilot / "set.yaml"), "--format", "md", "-o", str(out),
                          "--fail-under", "60", "--lang", "en")
    lines = err.splitlines()
    assert lines[0] == f"wrote {out}"
    assert lines[-1] == f"threshold not met: {LONG_REGION} 2025 index {index:.2f} < 60"
    assert lines[1].startswith("18 of 20 answers not used (fewer answers than needed: 18)")
    assert lines[2].startswith(f"warning: {LONG_REGION} 2025: 6 indicators need 50 "
                               "answers; there are 3: “Citizen question 1”")
    assert len(lines[3:-1]) == len(notices) and all(
        line.startswith(f"warning: {LONG_REGION} 2025: item “Citizen question ")
        and "correlates negatively" in line for line in lines[3:-1])


def test_compare_speaks_the_language_and_names_the_indicators(tmp_path: Path) -> None:
    root = Path(__file__).parents[2]
    ipm = root / "examples" / "bps-ipm"
    lines = (ipm / "bps-ipm-kabkota-2020-2024.csv").read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [line for line in lines[1:]
                         if line.startswith(("Kabupaten Tegal,", "Kota Tegal,"))]
    (tmp_path / "data.csv").write_text("\n".join(keep) + "\n", encoding="utf-8")
    scores = tmp_path / "scores.json"
    code, _, err = invoke("score", str(tmp_path / "data.csv"), "--criteria",
                          str(ipm / "ipm.yaml"), "--format", "json", "-o", str(scores))
    assert code == 0, err
    from smartcity_assess.cli.compare import node_names, tables
    from smartcity_assess.compare import compare, to_markdown
    from smartcity_assess.history import read_scores

    comparison = compare([(str(scores), read_scores(scores))], regions=["Kabupaten Tegal"],
                         years=[2023, 2024])
    names = node_names(comparison, str(ipm / "ipm.yaml"), "id")
    text = "\n".join(printed(t) for t in tables(comparison, "id", True, names))
    assert max(len(line) for line in text.splitlines()) <= 80 and "…" not in text
    flat = " ".join(words(text))
    assert "Kabupaten Tegal" in flat and "Komponen Jenis Dari Ke Δ" in flat
    iset = load_indicator_set(ipm / "ipm.yaml")
    title = next(iset.indicators()).title.get("id")
    assert title in flat and next(iset.indicators()).id not in flat.split()
    for english in ("Comparison", "pairs", "Region", "Index", "Band", "Node", "Kind", "From"):
        assert not re.search(rf"\b{english}\b", text), english
    markdown = to_markdown(comparison, "id", True, names)
    assert markdown.startswith("# Perbandingan\n") and f"| {title} | indikator |" in markdown


def test_notices_are_data_worded_in_each_language() -> None:
    notice = Notice("negative-item", (("item", "svc.slow"), ("r", -0.4167), ("group", "svc")),
                    region="Kabupaten Uji", year=2025)
    assert str(notice) == ("Kabupaten Uji 2025: item 'svc.slow' correlates negatively (r = "
                           "-0.42) with the other Likert items of 'svc'; check its wording and "
                           "its direction")
    names = {"svc.slow": "Antrean panjang", "svc": "Layanan"}
    assert notice.text("id", names) == (
        "Kabupaten Uji 2025: butir “Antrean panjang” berkorelasi negatif (r = -0,42) dengan "
        "butir Likert lain di “Layanan”; periksa kalimat dan arah pertanyaannya")
    flat = Notice("flat-normalisation", (("indicator", "x"), ("method", "minmax"),
                                         ("count", 3)))
    assert str(flat) == ("indicator 'x': minmax needs values that differ between region-years; "
                         "3 value(s) in this run, all equal — every region-year scores the "
                         "middle of the scale")
