"""Hostile text is inert in the exports (issue 5, item 3): ``score --format csv|md``, the
``run`` summary, ``compare -o x.md``, and the XLSX and CSV survey forms.

Spreadsheets: a text cell a spreadsheet could run as a formula (``=``, ``+``, ``-``, ``@``,
tab, carriage return — OWASP's list — also after leading blanks, and full-width look-alikes)
is written with a leading ``'``; numeric cells stay numbers, negative ones included. XLSX
cells are typed strings (never formulas) and formula-like ones carry Excel's quote prefix.
Markdown: user text cannot make a link, image, raw HTML, heading, list, code or table cell.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.render.escape import is_formula_like, markdown_text, spreadsheet_cell
from support.hostile import (
    DDE,
    FORMULA,
    JINJA_EVALUATED,
    MD_BLOCKS,
    MD_INLINE,
    MD_LINK,
    SCRIPT,
    _texts,
    indicator_set_yaml,
    survey_csv,
    visible,
    write_project,
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- CSV scores

FORMULA_REGIONS = [
    "=1+1", "+SUM(1,2)", "-2+3", "@SUM(1,1)", "=cmd|' /C calc'!A0", FORMULA,
    " =lead-blank", "\uff1dfull-width", "Kota -2 (normal)", "Kabupaten Tegal",
]
"""Region names; the last two are ordinary text and must come out unchanged."""
SIGNED_SET = """\
id: signed
version: "1"
title: Signed
scale: [-100, 100]
bands:
  - {from: -100, label: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"}
  - {from: -20, label: "-minus"}
  - {from: 0, label: "+plus"}
  - {from: 50, label: "@at"}
pillars:
  - id: p
    title: P
    indicators:
      - {id: a, title: A, type: number, goalposts: [0, 100], target: 10}
      - {id: b, title: B, type: number, goalposts: [0, 100], target: 90}
"""
TEXT_COLUMNS = ("region", "band", "level", "id", "parent")
NUMBER_COLUMNS = ("year", "score", "coverage", "value", "n", "target", "gap", "weight",
                  "effective_weight")


def _signed_survey(folder: Path) -> tuple[Path, Path]:
    criteria = folder / "signed.yaml"
    criteria.write_text(SIGNED_SET, encoding="utf-8")
    survey = folder / "survey.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["region", "year", "a", "b"])
    for n, region in enumerate(FORMULA_REGIONS):
        writer.writerow([region, 2025, 5 + 9 * n, 20 + 7 * n])
    survey.write_text(buffer.getvalue(), encoding="utf-8")
    return criteria, survey


def test_csv_scores_neutralise_formulas_and_keep_negative_numbers(tmp_path: Path) -> None:
    criteria, survey = _signed_survey(tmp_path)
    out = tmp_path / "scores.csv"
    code, _, err = invoke("score", str(survey), "--criteria", str(criteria), "--format", "csv",
                          "-o", str(out))
    assert code == 0, err
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows
    negative = 0
    regions, bands = set(), set()
    for row in rows:
        for column in TEXT_COLUMNS:
            assert not is_formula_like(row[column]), (column, row[column])
        for column in NUMBER_COLUMNS:
            if row[column]:
                value = float(row[column])  # a number, never a quoted text
                negative += value < 0
        regions.add(row["region"])
        if row["band"]:
            bands.add(row["band"])
    assert negative > 0, "the test needs negative numbers to prove they stay numbers"
    # Every region is there, formula-like ones behind a ', ordinary ones untouched.
    expected = {spreadsheet_cell(r.strip()) for r in FORMULA_REGIONS}
    assert regions == expected
    assert "Kabupaten Tegal" in regions and "Kota -2 (normal)" in regions
    assert "'=1+1" in regions and "'-2+3" in regions and "'\uff1dfull-width" in regions
    assert bands <= {"'=HYPERLINK(\"http://evil.example\",\"x\")", "'-minus", "'+plus", "'@at"}
    assert len(bands) >= 2


def test_spreadsheet_cell_follows_owasp() -> None:
    for payload in ("=1+1", "+1", "-1", "@SUM(A1)", " =1+1", "\uff1d1", "\uff0b1",
                    "\uff0d1", "\uff201", DDE, FORMULA):
        assert spreadsheet_cell(payload) == "'" + payload, repr(payload)
        assert is_formula_like(payload)
    # A leading tab, carriage return or line break is a control character: it shows as its
    # picture, which no spreadsheet reads as the start of a formula (issue 17, item 5).
    for payload, shown in (("\t=1+1", "␉=1+1"), ("\r=1+1", "␍=1+1"), ("\n=1", "␊=1"),
                           (" \t=1", " ␉=1")):
        assert is_formula_like(payload)
        assert spreadsheet_cell(payload) == shown, repr(payload)
        assert not is_formula_like(shown.removeprefix("'"))
    for text in ("Kabupaten Tegal", "Kota-Batu", "a=b", "", "1+1", "'quoted"):
        assert spreadsheet_cell(text) == text
    # In drop-down lists a plain number is a number, not a formula.
    assert not is_formula_like("-12.5", numbers_ok=True)
    assert not is_formula_like("+3", numbers_ok=True)
    assert is_formula_like("-1+1", numbers_ok=True)


# --------------------------------------------------------------------------- Markdown exports


def _tokens(md: str) -> list[Any]:
    from markdown_it import MarkdownIt

    def flat(tokens: list[Any]) -> list[Any]:
        out = []
        for token in tokens:
            out.append(token)
            out += flat(token.children or [])
        return out

    return flat(list(MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(md)))


def _shape(md: str) -> Counter[str]:
    return Counter(f"{t.type}:{t.tag}" for t in _tokens(md)
                   if t.type not in ("text", "text_special", "softbreak", "inline"))


def _text(md: str) -> str:
    return " ".join(" ".join(t.content for t in _tokens(md) if t.type == "text").split())


def assert_inert_markdown(md: str, twin: str, shown: list[str]) -> None:
    """No raw HTML, no link or image beyond the document, the same structure as the plain
    twin, and every expected payload shown literally."""
    tokens = _tokens(md)
    kinds = Counter(t.type for t in tokens)
    assert kinds["html_inline"] == 0 and kinds["html_block"] == 0
    assert kinds["image"] == 0
    assert all(str(t.attrGet("href")).startswith("#") for t in tokens if t.type == "link_open")
    assert _shape(md) == _shape(twin), (_shape(md) - _shape(twin), _shape(twin) - _shape(md))
    text = _text(md)
    missing = [s for s in shown if visible(s) not in text]
    assert not missing, missing
    assert JINJA_EVALUATED not in md


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Any]:
    root = tmp_path_factory.mktemp("exports")
    return {hostile: write_project(root / ("hostile" if hostile else "plain"), hostile=hostile)
            for hostile in (True, False)}


def test_markdown_scorecard_is_inert(projects: dict[bool, Any]) -> None:
    outputs = {}
    for hostile, project in projects.items():
        code, out, err = invoke("score", str(project.survey), "--criteria",
                                str(project.criteria), "--format", "md")
        assert code == 0, err
        outputs[hostile] = out
    t = _texts(True)
    assert_inert_markdown(outputs[True], outputs[False],
                          [t["set_title"], t["version"], t["pillar_a"], t["pillar_b"],
                           t["region"], t["band_low"]])


def test_markdown_escapes_every_construct() -> None:
    for payload in (SCRIPT, MD_LINK, MD_BLOCKS, MD_INLINE, "![i](http://x.example/i.png)",
                    "<http://evil.example>", "http://evil.example", "www.evil.example",
                    "[ref]: http://evil.example", "a\\", "1. item", "+ item", "---",
                    "| a | b |", "~~~", "&lt;script&gt;", "[x][1]\n\n[1]: http://e.example"):
        md = f"| col |\n| --- |\n| {markdown_text(payload)} |\n\n{markdown_text(payload)}\n"
        twin = "| col |\n| --- |\n| plain |\n\nplain\n"
        assert_inert_markdown(md, twin, [payload])
    # No bare URL is left for GFM's autolinks (or markdownlint's MD034) to find.
    assert "http://" not in markdown_text("see http://evil.example")


def test_run_summary_and_compare_markdown_are_inert(tmp_path: Path) -> None:
    outputs: dict[bool, tuple[str, str]] = {}
    for hostile in (True, False):
        folder = tmp_path / ("hostile" if hostile else "plain")
        project = write_project(folder, hostile=hostile)
        (folder / "last-year.csv").write_text(survey_csv(hostile, year=2024), encoding="utf-8")
        (folder / "assessment.yaml").write_text(
            f"criteria: set.yaml\ninputs: [{json.dumps(project.survey.name)}, last-year.csv]\n"
            "plan: plan.yaml\nlanguages: [en]\noutputs: {folder: out, reports: none}\n",
            encoding="utf-8")
        code, _, err = invoke("run", str(folder / "assessment.yaml"), "-j", "1")
        assert code == 0, err
        summary = (folder / "out" / "summary.md").read_text(encoding="utf-8")
        code, _, err = invoke("compare", str(folder / "out" / "scores.json"), "--format", "md",
                              "-o", str(folder / "compare.md"))
        assert code == 0, err
        outputs[hostile] = (summary, (folder / "compare.md").read_text(encoding="utf-8"))
    t = _texts(True)
    assert_inert_markdown(outputs[True][0], outputs[False][0], [t["set_title"], t["region"]])
    assert_inert_markdown(outputs[True][1], outputs[False][1], [t["region"]])


# --------------------------------------------------------------------------- survey forms


def _sheets(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.endswith(".xml")}


def test_xlsx_survey_form_has_no_formula_and_quotes_formula_like_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    (tmp_path / "set.yaml").write_text(indicator_set_yaml(True), encoding="utf-8")
    form = tmp_path / "form.xlsx"
    code, _, err = invoke("survey", "template", "--criteria", str(tmp_path / "set.yaml"),
                          "-o", str(form), "--lang", "en")
    assert code == 0, err
    parts = _sheets(form.read_bytes())
    for name, xml in parts.items():
        assert not re.search(r"<f[ >]", xml), f"a formula in {name}"
    # Drop-down lists never offer a formula-like value to pick.
    lists = [m for xml in parts.values()
             for m in re.findall(r"<formula1>(?:&quot;|\")(.*?)(?:&quot;|\")</formula1>", xml)]
    assert lists and not any(is_formula_like(v, numbers_ok=True)
                             for item in lists for v in item.split(","))
    book = load_workbook(form)
    seen = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)
                    if is_formula_like(cell.value):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
                        seen += 1
    assert seen >= 2, "the hostile set puts formula-like text in the form"
    questions = [c.value for row in book["Questions"].iter_rows() for c in row]
    assert _texts(True)["ind_d"] in questions and _texts(True)["set_title"] not in questions


def test_forms_survive_control_characters(tmp_path: Path) -> None:
    """XML cannot hold most control characters; such a title gives a form, not a crash."""
    text = indicator_set_yaml(True).replace('title: "=HYPERLINK', 'title: "\\x0b\\x1f=HYPERLINK')
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    code, _, err = invoke("criteria", "validate", str(tmp_path / "set.yaml"))
    if code != 0:  # the loader may refuse control characters: then it must say so clearly
        assert code == 2 and "Traceback" not in err
        return
    code, _, err = invoke("survey", "template", "--criteria", str(tmp_path / "set.yaml"),
                          "-o", str(tmp_path / "form.xlsx"))
    assert code == 0, err
    from openpyxl import load_workbook

    values = [c.value for row in load_workbook(tmp_path / "form.xlsx")["Pertanyaan"].iter_rows()
              for c in row]
    assert "\ufffd\ufffd" + FORMULA in values


def test_csv_survey_form_is_the_header_of_ids(tmp_path: Path) -> None:
    (tmp_path / "set.yaml").write_text(indicator_set_yaml(True), encoding="utf-8")
    form = tmp_path / "form.csv"
    code, _, err = invoke("survey", "template", "--criteria", str(tmp_path / "set.yaml"),
                          "-o", str(form))
    assert code == 0, err
    header = next(csv.reader(form.open(encoding="utf-8")))
    assert header == ["region", "year", "respondent", "role", "a", "b", "c", "d"]
    assert not any(is_formula_like(cell) for cell in header)


@pytest.mark.parametrize("bad_id", ["=1+1", "+x", "-x", "@x", "<script>", "a b", "../x"])
def test_ids_cannot_carry_a_payload(tmp_path: Path, bad_id: str) -> None:
    """Ids become CSV headers, folder names and HTML anchors: the loader accepts only
    letters, digits, '.', '_' and '-', starting with a letter or digit."""
    text = indicator_set_yaml(False).replace("      - id: b\n",
                                             f"      - id: {json.dumps(bad_id)}\n")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    code, _, err = invoke("survey", "template", "--criteria", str(tmp_path / "set.yaml"),
                          "-o", str(tmp_path / "form.csv"))
    assert code == 2, err
    assert "Traceback" not in err and not (tmp_path / "form.csv").exists()
