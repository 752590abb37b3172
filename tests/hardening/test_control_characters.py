"""Text from the data stays text on the terminal and in every file (issue 17, items 5 and 10).

A region name, title or file name with ESC sequences (clear the screen, an OSC 8 link), BEL,
a line break that would forge a log line, C1 controls or a bidi override reached the
terminal raw from ``score``, ``run``, ``compare`` and ``validate``, and Markdown, CSV, HTML
and SVG files. Now each shows as a visible stand-in (``␛``, ``␊``, ``�``), everywhere.

GitHub renders Markdown with cmark-gfm, whose autolink extension joins escaped text back
together before it looks for e-mail addresses: ``user@evil\\.example``, ``mailto\\:a@b\\.co``
and ``xmpp\\:x@evil\\.example`` became links. The Markdown is checked with cmark-gfm itself.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartcity_assess.cli.app import app
from smartcity_assess.render.escape import markdown_text, printable, spreadsheet_cell

SET = """\
id: tiny
version: "1"
title: "Tiny \\e[2J set"
pillars:
  - id: p
    title: "Pillar \\u202Eevil"
    indicators:
      - {id: a, title: A, type: percent, target: 80}
assertions: {}
"""

CLEAR = "\x1b[2J\x1b[H"
OSC8 = "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07"
FORGED = "Kota B\nerror: all assertions pass"
REGIONS = [f"Kota {CLEAR}A{OSC8}", FORGED, "Kota \u202eC\u009b[31m"]

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal or a file (tab and line feed are layout)."""


def project(folder: Path, shift: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "set.yaml").write_text(SET.replace("assertions: {}\n", ""), encoding="utf-8")
    with (folder / "survey.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["region", "year", "a"])
        for n, region in enumerate(REGIONS):
            writer.writerow([region, 2025, 20 + 10 * n + shift])
    return folder


def invoke(folder: Path, *args: str) -> tuple[int, str, str]:
    here = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(here)
    return result.exit_code, result.stdout, result.stderr


def assert_inert(text: str, lines: bool = True) -> None:
    """No raw control character; and (``lines``: text read line by line, as on a terminal,
    in a log or in Markdown) no line of the data's own making."""
    found = RAW.findall(text)
    assert not found, [hex(ord(c)) for c in found]
    if lines:
        assert not any(line.lstrip().startswith("error: all assertions pass")
                       for line in text.splitlines())


def test_printable_replaces_one_for_one() -> None:
    assert printable(CLEAR) == "␛[2J␛[H"
    assert printable("a\nb\tc\rd\x00\x07\x7f") == "a␊b␉c␍d␀␇␡"
    assert printable("x\u202ey\u2066z\u009b") == "x\ufffdy\ufffdz\ufffd"
    assert printable("Kabupaten Tegal — Bogotá ✓") == "Kabupaten Tegal — Bogotá ✓"
    assert printable("a\nb\tc", keep_whitespace=True) == "a\nb\tc"
    assert len(printable(OSC8)) == len(OSC8)


# --------------------------------------------------------------------------- the terminal


def test_score_table_is_inert(tmp_path: Path) -> None:
    folder = project(tmp_path)
    code, out, err = invoke(folder, "score", "survey.csv", "-c", "set.yaml", "--bootstrap", "0")
    assert code == 0, err
    assert_inert(out + err)
    assert "Kota ␛[2J␛[HA␛]8;;http://evil.example" in out
    assert "Kota B␊error: all assertions pass" in out


def test_score_json_on_the_terminal_escapes_controls(tmp_path: Path) -> None:
    folder = project(tmp_path)
    code, out, err = invoke(folder, "score", "survey.csv", "-c", "set.yaml", "-f", "json")
    assert code == 0, err
    assert_inert(out)
    regions = [r["region"] for r in json.loads(out)["results"]]
    assert regions == sorted(REGIONS) or set(regions) == set(REGIONS)  # the same data


def test_compare_table_is_inert(tmp_path: Path) -> None:
    folder = project(tmp_path)
    code, _, err = invoke(folder, "score", "survey.csv", "-c", "set.yaml", "-f", "json",
                          "-o", "a.json")
    assert code == 0, err
    project(folder, shift=5)
    code, _, err = invoke(folder, "score", "survey.csv", "-c", "set.yaml", "-f", "json",
                          "-o", "b.json")
    assert code == 0, err
    code, out, err = invoke(folder, "compare", "a.json", "b.json")
    assert code == 0, err
    assert_inert(out + err)
    assert "␛[2J" in out and "Kota B␊error:" in out


def test_run_messages_are_inert(tmp_path: Path) -> None:
    folder = project(tmp_path)
    (folder / "assessment.yaml").write_text(
        "criteria: set.yaml\ninputs: [survey.csv]\nuncertainty: false\n"
        "outputs: {folder: out, formats: [md], reports: none}\n"
        "assertions: {index: {min_score: 90}}\n", encoding="utf-8")
    code, out, err = invoke(folder, "run", "--summary")
    assert code == 1, err  # every region under 90: the failures name them
    assert_inert(out + err)
    assert "Kota B␊error: all assertions pass" in err


def test_validate_ok_line_names_a_hostile_file_inertly(tmp_path: Path) -> None:
    folder = project(tmp_path)
    name = f"survey{CLEAR}.csv"
    (folder / "survey.csv").rename(folder / name)
    code, out, err = invoke(folder, "validate", name, "-c", "set.yaml")
    assert code == 0, err
    assert_inert(out + err)
    assert "survey␛[2J␛[H.csv: ok" in err
    code, out, err = invoke(folder, "criteria", "validate", "set.yaml")
    assert code == 0, err
    assert_inert(out + err)


def test_a_real_terminal_process_gets_no_escape(tmp_path: Path) -> None:
    """The same through ``python -m smartcity_assess`` with colours on: Rich's own styling
    escapes are there, the data's are not."""
    folder = project(tmp_path)
    done = subprocess.run([sys.executable, "-m", "smartcity_assess", "score", "survey.csv",
                           "-c", "set.yaml", "--bootstrap", "0"], cwd=folder,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "FORCE_COLOR": "1", "NO_COLOR": "",
                               "TERM": "xterm-256color"})
    assert done.returncode == 0, done.stderr
    styling = re.compile(r"\x1b\[[0-9;]*m")
    assert_inert(styling.sub("", done.stdout))
    assert "\x1b[2J" not in done.stdout and "\x1b]8" not in done.stdout


# --------------------------------------------------------------------------- files


@pytest.mark.slow
def test_markdown_csv_html_and_svg_files_are_inert(tmp_path: Path) -> None:
    folder = project(tmp_path)
    code, out, err = invoke(folder, "score", "survey.csv", "-c", "set.yaml", "-f", "md")
    assert code == 0, err
    assert_inert(out)
    code, out, err = invoke(folder, "score", "survey.csv", "-c", "set.yaml", "-f", "csv")
    assert code == 0, err
    assert_inert(out.replace("\r\n", "\n"))  # CSV's own line ends
    code, _, err = invoke(folder, "report", "survey.csv", "-c", "set.yaml", "--out", "r",
                          "--no-uncertainty", "-j", "1")
    assert code == 0, err
    checked = 0
    for path in (folder / "r").rglob("*"):
        if path.suffix in (".html", ".md", ".svg"):  # in HTML and SVG a line break is a space
            assert_inert(path.read_text(encoding="utf-8"), lines=path.suffix == ".md")
            checked += 1
    assert checked >= 10


def test_one_function_for_every_format() -> None:
    for text in REGIONS:
        assert not RAW.search(markdown_text(text))
        assert not RAW.search(spreadsheet_cell(text).replace("\n", ""))
        assert not RAW.search(printable(text))


# --------------------------------------------------------------------------- GitHub's parser


GFM_LINKS = ["user@evil\\.example", "user@evil.example", "mailto:a@b.co", "mailto\\:a@b\\.co",
             "xmpp:x@evil.example", "xmpp\\:x@evil\\.example", "http://evil.example",
             "https://evil.example/path", "www.evil.example", "<http://evil.example>",
             "[x](http://evil.example)", "ftp://evil.example", "a.b@c.d.example"]


def gfm(text: str) -> str:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    html: str = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return html


def test_the_gfm_parser_reproduces_the_finding() -> None:
    """The test parser is GitHub's: escaped e-mail text does become a link there."""
    assert "<a href=\"mailto:user@evil.example\"" in gfm("user@evil\\.example")
    assert "<a href=\"xmpp:x@evil.example\"" in gfm("xmpp\\:x@evil\\.example")


@pytest.mark.parametrize("payload", GFM_LINKS)
def test_markdown_text_never_becomes_a_link_on_github(payload: str) -> None:
    for context in ("{}", "| {} |", "- {}", "**{}**", "text {} text"):
        html = gfm(f"| h |\n| --- |\n| {markdown_text(payload)} |\n\n"
                   + context.format(markdown_text(payload)) + "\n")
        assert "<a " not in html and "<img" not in html, (payload, context, html)


def test_score_markdown_has_no_link_on_github(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "set.yaml").write_text(SET.replace("assertions: {}\n", "")
                                     .replace("Pillar \\u202Eevil", "mailto:a@b.co"),
                                     encoding="utf-8")
    with (folder / "survey.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["region", "year", "a"])
        for n, region in enumerate(GFM_LINKS):
            writer.writerow([region, 2025, 20 + n])
    code, out, err = invoke(folder, "score", "survey.csv", "-c", "set.yaml", "-f", "md")
    assert code == 0, err
    html = gfm(out)
    assert "<a " not in html and "<img" not in html, html
    assert "user@\u2060evil.example" in html  # shown, with an invisible word joiner


@pytest.mark.slow
def test_the_progress_bar_shows_region_names_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress bar (a terminal only) named each region-year with Rich markup on: a
    region called ``[/]`` crashed it, ``[red]`` coloured it, and ESC went through raw."""
    import io

    from rich.console import Console

    from smartcity_assess.cli import progress

    screen = io.StringIO()
    monkeypatch.setenv("TERM", "xterm")  # not "dumb": the bar is drawn
    monkeypatch.setattr(progress, "stderr", Console(file=screen, force_terminal=True,
                                                    width=100, color_system=None))
    import time

    with progress.progress_bar() as update:
        assert update is not None
        update(1, 3, "[/] [red]Kota A" + CLEAR)
        time.sleep(0.6)  # the bar redraws itself ten times a second
        update(2, 3, FORGED)
        time.sleep(0.6)
    shown = screen.getvalue()
    assert "[/] [red]Kota A␛[2J␛[H" in shown
    assert "Kota B␊error: all assertions pass" in shown
    assert "\x1b[2J" not in shown
