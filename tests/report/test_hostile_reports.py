"""Hostile text is inert in the reports (issue 5, item 3): HTML in a real browser, Markdown
as a CommonMark parser reads it, SVG charts as XML, scores.json as data.

Every user string of a report run carries a payload (``support.hostile``): the indicator
set's titles, descriptions, references, band labels, levels, action texts and owners; the
plan's name, province, notes, vision, mission, goals, OPD names and author; the survey's
region names and roles; the survey's file name. The same run on a "twin" with plain text in
every slot gives the structure the hostile report must keep: hostile text may not add one
element (outside the charts), link, image, heading or table cell.

The reports are found with ``rglob`` so that the test holds whatever folder layout
``report`` writes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from support.browser import Chromium
from support.hostile import (
    JINJA_EVALUATED,
    REGION,
    ROLES,
    SURVEY_NAME,
    _texts,
    visible,
    write_project,
)
from support.validators import markdownlint, vnu_errors

pytestmark = pytest.mark.slow  # whole reports in Chromium and the validators

DOCS = ("masterplan", "roadmap")
NOT_SHOWN = {"ind_d_choice_no", "ind_d_choice_yes", "respondent_1", "respondent_2",
             "respondent_3"}
"""Slots no report shows (choice answers become numbers; respondent ids stay private)."""
ROADMAP_SHOWS = ("set_title", "pillar_a", "pillar_b", "ind_a", "ind_c_level1", "action_a",
                 "action_b", "action_b_desc", "owner", "owner_b", "owner_name",
                 "owner_b_name", "prepared_by", "display_name", "role_1", "band_low")


@dataclass(frozen=True)
class Reports:
    folder: Path
    proc: subprocess.CompletedProcess[str]

    def file(self, name: str) -> Path:
        found = sorted(self.folder.rglob(name))
        assert len(found) == 1, f"{name}: expected one file in {self.folder}, found {found}"
        return found[0]


def _report(root: Path, hostile: bool) -> Reports:
    project = write_project(root, hostile=hostile)
    out = root / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "smartcity_assess", "report", str(project.survey),
         "--criteria", str(project.criteria), "--plan", str(project.plan), "--out", str(out),
         "--format", "html,md"],
        capture_output=True, text=True, cwd=root, timeout=600)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stderr[-3000:]}"
    assert "Traceback" not in proc.stderr
    return Reports(out, proc)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Reports:
    return _report(tmp_path_factory.mktemp("hostile"), hostile=True)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Reports:
    return _report(tmp_path_factory.mktemp("plain"), hostile=False)


@pytest.fixture(scope="module")
def browser() -> Any:
    with Chromium() as b:
        yield b


# --------------------------------------------------------------------------- HTML, in Chromium

PAGE_JS = {
    "pwned": "typeof window.__pwned",
    "text": "document.body.innerText",
    "scripts": "[...document.scripts].filter(s => s.type !== 'application/json').length",
    "handlers": "[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                ".some(a => a.name.toLowerCase().startsWith('on'))).map(e => e.outerHTML"
                ".slice(0, 120))",
    "js_urls": "[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
               ".some(a => ['href', 'src', 'action', 'formaction', 'xlink:href', 'data',"
               " 'srcdoc'].includes(a.name.toLowerCase()) && /^\\s*(javascript|data|vbscript):/i"
               ".test(a.value))).map(e => e.outerHTML.slice(0, 120))",
    "tags": "(() => { const c = {}; for (const e of document.querySelectorAll('*')) {"
            " if (e.closest('svg')) continue; c[e.tagName] = (c[e.tagName] || 0) + 1 }"
            " return c })()",
    "links": "[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))",
    "styles": "[...document.querySelectorAll('style')].map(s => s.textContent.length > 0)",
    "region": "JSON.parse(document.getElementById('scores').textContent).results[0].region",
    "roles": "Object.keys(JSON.parse(document.getElementById('scores').textContent)"
             ".results[0].roles)",
}


@pytest.mark.browser
@pytest.mark.parametrize("doc", DOCS)
def test_html_hostile_text_is_inert_in_chromium(hostile: Reports, plain: Reports, doc: str,
                                                browser: Chromium) -> None:
    bad = browser.open(hostile.file(f"{doc}.html"), js=PAGE_JS, pdf=False, axe=False)
    good = browser.open(plain.file(f"{doc}.html"), js=PAGE_JS, pdf=False, axe=False)
    js = bad.js
    failures = list(bad.problems())  # console/page errors, dialogs, any request at all
    if js["pwned"] != "undefined":
        failures.append(f"a payload ran: window.__pwned is {js['pwned']!r}")
    if js["scripts"] != 0:
        failures.append(f"{js['scripts']} executable <script> elements")
    failures += [f"event-handler attribute: {h}" for h in js["handlers"]]
    failures += [f"script URL: {u}" for u in js["js_urls"]]
    if js["tags"] != good.js["tags"]:
        extra = Counter(js["tags"]) - Counter(good.js["tags"])
        missing = Counter(good.js["tags"]) - Counter(js["tags"])
        failures.append(f"hostile text changed the page's elements: +{dict(extra)} "
                        f"-{dict(missing)}")
    if js["links"] != good.js["links"]:
        failures.append(f"links differ from the plain twin: {js['links']}")
    if js["styles"] != good.js["styles"]:
        failures.append(f"style blocks differ from the plain twin: {js['styles']}")
    # The embedded scores survived "</script>" in a region name and say what the data said.
    if js["region"] != REGION:
        failures.append(f"embedded scores give region {js['region']!r}")
    if sorted(js["roles"]) != sorted(r.lower() for r in ROLES):  # roles are lower-cased
        failures.append(f"embedded scores give roles {js['roles']!r}")
    text = " ".join(str(js["text"]).split())
    texts = _texts(True)
    shown = [k for k in texts if k not in NOT_SHOWN] if doc == "masterplan" else ROADMAP_SHOWS
    failures += [f"not shown as text: {k} = {texts[k]!r}" for k in shown
                 if visible(texts[k]) not in text]
    if JINJA_EVALUATED in text:
        failures.append("a {{ 7*191 }} payload was evaluated as a template")
    assert not failures, "\n".join(failures)


@pytest.mark.browser
def test_chart_files_are_inert_in_chromium(hostile: Reports, browser: Chromium) -> None:
    """The charts beside the Markdown are SVG files a reader may open on their own."""
    charts = sorted(hostile.folder.rglob("*.svg"))
    assert charts
    failures = []
    for chart in charts:
        seen = browser.open(chart, js={"pwned": "typeof window.__pwned",
                                       "scripts": "document.querySelectorAll('script').length"},
                            pdf=False, axe=False)
        failures += [f"{chart.name}: {p}" for p in seen.problems()]
        if seen.js["pwned"] != "undefined" or seen.js["scripts"]:
            failures.append(f"{chart.name}: script in the chart")
    assert not failures, "\n".join(failures)


def test_svg_charts_are_well_formed_and_inert(hostile: Reports) -> None:
    for chart in sorted(hostile.folder.rglob("*.svg")):
        root = ET.fromstring(chart.read_bytes())  # a payload that broke the XML fails here
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            assert tag not in ("script", "foreignObject", "iframe", "a"), (chart.name, tag)
            for name, value in element.attrib.items():
                local = name.rsplit("}", 1)[-1].lower()
                assert not local.startswith("on"), (chart.name, name)
                if local == "href":
                    assert value.startswith("#"), (chart.name, value)


def test_scores_json_keeps_every_string_exactly(hostile: Reports) -> None:
    scores = json.loads(hostile.file("scores.json").read_text(encoding="utf-8"))
    result = scores["results"][0]
    assert result["region"] == REGION
    assert sorted(result["roles"]) == sorted(r.lower() for r in ROLES)
    assert scores["criteria"]["title"] == _texts(True)["set_title"]
    assert [i["path"] for i in scores["inputs"]][0].endswith(SURVEY_NAME)


def test_html_source_never_holds_a_payload_unescaped(hostile: Reports) -> None:
    for doc in DOCS:
        html = hostile.file(f"{doc}.html").read_text(encoding="utf-8")
        # (Attributes are checked in the browser: escaped text may hold onerror="...".)
        for needle in ("<script>window", "<img src=x", "<iframe", "<svg/onload",
                       "</style><script>", "<a href=\"javascript", "<b>u</b>"):
            assert needle not in html, f"{doc}.html holds {needle!r} unescaped"
        assert JINJA_EVALUATED not in html


@pytest.mark.validator
def test_hostile_reports_stay_valid_html_and_clean_markdown(hostile: Reports) -> None:
    errors = vnu_errors([hostile.file(f"{doc}.html") for doc in DOCS])
    assert not errors, "W3C Nu validator:\n" + "\n".join(errors)
    findings = markdownlint([hostile.file(f"{doc}.md") for doc in DOCS])
    assert not findings, "markdownlint:\n" + "\n".join(findings)


# --------------------------------------------------------------------------- Markdown


def _tokens(md: str) -> list[Any]:
    from markdown_it import MarkdownIt

    return list(MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(md))


def _flat(tokens: list[Any]) -> list[Any]:
    out = []
    for token in tokens:
        out.append(token)
        out += _flat(token.children or [])
    return out


def _shape(md: str) -> list[str]:
    """Every token but text: block structure, links, images, emphasis, code, HTML."""
    return [f"{t.type}:{t.tag}" for t in _flat(_tokens(md))
            if t.type not in ("text", "text_special", "softbreak", "inline")]


def _md_text(md: str) -> str:
    parts = [t.content for t in _flat(_tokens(md)) if t.type in ("text", "code_inline")]
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize("doc", DOCS)
def test_markdown_hostile_text_makes_no_markup(hostile: Reports, plain: Reports,
                                              doc: str) -> None:
    md = hostile.file(f"{doc}.md").read_text(encoding="utf-8")
    tokens = _flat(_tokens(md))
    kinds = Counter(t.type for t in tokens)
    assert kinds["html_inline"] == 0 and kinds["html_block"] == 0, "raw HTML from user text"
    hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert all(str(h).startswith("#") for h in hrefs), f"links beyond the document: {hrefs}"
    images = [t.attrGet("src") for t in tokens if t.type == "image"]
    assert all(str(s).startswith("charts/") and str(s).endswith(".svg") for s in images), images
    # Hostile text adds no heading, list, quote, code block, table cell, link or emphasis.
    # (Counted, not compared in order: sections sorted by name come in another order.)
    twin = plain.file(f"{doc}.md").read_text(encoding="utf-8")
    extra = Counter(_shape(md)) - Counter(_shape(twin))
    missing = Counter(_shape(twin)) - Counter(_shape(md))
    assert not extra and not missing, f"Markdown structure changed: +{extra} -{missing}"
    shown = _md_text(md)
    texts = _texts(True)
    wanted = [k for k in texts if k not in NOT_SHOWN] if doc == "masterplan" else ROADMAP_SHOWS
    missing = [k for k in wanted if visible(texts[k]) not in shown]
    assert not missing, f"not shown literally in {doc}.md: {missing}"
    assert JINJA_EVALUATED not in md
