"""Acceptance for the reports, as people and third-party tools see them (issue 3, item 7).

Written against the command-line contract only (PRODUCT.md): ``demo`` and ``report`` are run as
a user runs them, and their files are opened in a real Chromium, checked by the W3C Nu
validator, markdownlint, axe-core and a CommonMark renderer. Screenshots and print-to-PDF
files land in ``tests/report/_artifacts/`` (gitignored) so that people can look at them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from support.browser import Chromium
from support.validators import broken_image_links, image_links, markdownlint, vnu_errors

pytestmark = pytest.mark.slow  # the demo in a subprocess, Chromium and the validators

ARTIFACTS = Path(__file__).parent / "_artifacts"
LANGS = ("id", "en")
DOCS = ("masterplan", "roadmap")
ALL_DOCS = (*DOCS, "warga")
"""Every document; the citizens' scorecard (warga) embeds no scores."""
EXPECTED_FILES = (
    "masterplan.html",
    "masterplan.md",
    "roadmap.html",
    "roadmap.md",
    "warga.html",
    "warga.md",
    "scores.json",
    "scores.geojson",
    "NOTICE.txt",
    "maps/peta-indeks.svg",
    "maps/peta-indeks.png",
)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smartcity_assess", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


def explain(proc: subprocess.CompletedProcess[str]) -> str:
    return (
        f"exit {proc.returncode}\n--- stdout\n{proc.stdout[-3000:]}"
        f"\n--- stderr\n{proc.stderr[-3000:]}"
    )


@dataclass(repr=False)
class Run:
    lang: str
    out: Path
    proc: subprocess.CompletedProcess[str]

    def __repr__(self) -> str:
        return f"Run(lang={self.lang!r}, out={str(self.out)!r}, exit={self.proc.returncode})"

    def ok(self) -> Path:
        """The output folder, after checking the command succeeded."""
        if self.proc.returncode != 0:
            pytest.fail(f"{' '.join(self.proc.args[1:])}\n{explain(self.proc)}", pytrace=False)
        return self.out


@pytest.fixture(scope="module", params=LANGS)
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """``smartcity-assess demo --out DIR --lang LANG`` once per language; DIR does not exist yet."""
    lang: str = request.param
    out = tmp_path_factory.mktemp(f"demo-{lang}") / "out"
    proc = run_cli("demo", "--out", str(out), "--lang", lang, cwd=out.parent)
    return Run(lang, out, proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    with Chromium() as b:
        yield b


# --------------------------------------------------------------------------- files


def test_demo_writes_both_documents_in_both_formats(demo: Run) -> None:
    out = demo.ok()
    missing = [name for name in EXPECTED_FILES if not (out / name).is_file()]
    assert missing == [], f"missing in {out}: {missing}; present: {sorted(_tree(out))}"
    for name in EXPECTED_FILES:
        assert (out / name).stat().st_size > 0, name
    # Charts are files beside the Markdown, and each document has at least one.
    for doc in DOCS:
        assert image_links(out / f"{doc}.md"), f"{doc}.md links no chart"


def test_scores_json_is_the_contract(demo: Run) -> None:
    scores = json.loads((demo.ok() / "scores.json").read_text(encoding="utf-8"))
    assert {"criteria", "results"} <= scores.keys()
    assert len(scores["results"]) >= 1
    first = scores["results"][0]
    assert {"region", "year", "score", "band", "coverage", "pillars"} <= first.keys()
    assert 0 <= first["score"] <= 100


@pytest.mark.parametrize("doc", DOCS)
def test_html_embeds_the_scores_for_machines(demo: Run, doc: str) -> None:
    out = demo.ok()
    html = (out / f"{doc}.html").read_text(encoding="utf-8")
    blocks = _script_blocks(html)
    scores_blocks = [b for b in blocks if b["id"] == "scores"]
    assert len(scores_blocks) == 1, blocks
    assert scores_blocks[0]["type"] == "application/json"
    embedded = json.loads(scores_blocks[0]["text"])
    assert embedded["results"], "embedded scores have no results"
    on_disk = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert embedded["results"] == on_disk["results"]


def test_markdown_images_resolve(demo: Run) -> None:
    out = demo.ok()
    for doc in ALL_DOCS:
        broken = broken_image_links(out / f"{doc}.md")
        assert not broken, "\n".join(broken)


def test_rerun_is_byte_identical(demo: Run, tmp_path: Path) -> None:
    first = demo.ok()
    second = tmp_path / "elsewhere" / "out"
    proc = run_cli("demo", "--out", str(second), "--lang", demo.lang, cwd=tmp_path)
    assert proc.returncode == 0, explain(proc)
    a, b = _tree(first), _tree(second)
    assert sorted(a) == sorted(b)
    differ = [name for name in sorted(a) if a[name] != b[name]]
    assert not differ, f"files differ between two runs: {differ}\n" + _first_difference(
        a[differ[0]], b[differ[0]]
    )


# --------------------------------------------------------------------------- validators


@pytest.mark.validator
def test_html_is_valid_html5(demo: Run) -> None:
    out = demo.ok()
    errors = vnu_errors([out / f"{doc}.html" for doc in ALL_DOCS])
    assert not errors, "W3C Nu validator:\n" + "\n".join(errors)


@pytest.mark.validator
def test_markdown_is_lint_clean(demo: Run) -> None:
    out = demo.ok()
    findings = markdownlint([out / f"{doc}.md" for doc in ALL_DOCS])
    assert not findings, "markdownlint:\n" + "\n".join(findings)


# --------------------------------------------------------------------------- browser


@pytest.mark.browser
@pytest.mark.parametrize("doc", DOCS)
def test_html_in_chromium(demo: Run, doc: str, browser: Chromium) -> None:
    out = demo.ok()
    report = browser.open(
        out / f"{doc}.html",
        screenshot=ARTIFACTS / f"{doc}-{demo.lang}.png",
        pdf_path=ARTIFACTS / f"{doc}-{demo.lang}.pdf",
        js={
            "lang": "document.documentElement.lang",
            "results": "JSON.parse(document.getElementById('scores').textContent).results.length",
            "svg": "document.querySelectorAll('svg').length",
        },
    )
    # data: URLs (report.data_requests) never reach the network and are allowed.
    problems = report.problems()
    assert not problems, "\n".join(problems)
    assert report.js["lang"] == demo.lang
    assert report.js["results"] >= 1
    assert report.js["svg"] >= 1, "no inline SVG chart"
    assert report.pdf_pages >= 1


@pytest.mark.browser
def test_citizens_scorecard_is_one_a4_page(demo: Run, browser: Chromium) -> None:
    """warga.html prints on one A4 page, passes axe, and fits a phone without sideways
    scrolling (issue 13, item 5)."""
    out = demo.ok()
    report = browser.open(out / "warga.html", screenshot=ARTIFACTS / f"warga-{demo.lang}.png",
                          pdf_path=ARTIFACTS / f"warga-{demo.lang}.pdf",
                          js={"svg": "document.querySelectorAll('svg[role=img]').length",
                              "links": "document.querySelectorAll('a[href]').length"})
    problems = report.problems()
    assert not problems, "\n".join(problems)
    assert report.pdf_pages == 1, f"warga.html prints on {report.pdf_pages} A4 pages"
    assert report.js["svg"] == 1 and report.js["links"] >= 4
    phone = browser.open(out / "warga.html", axe=False, pdf=False, viewport=(360, 740),
                         screenshot=ARTIFACTS / f"warga-{demo.lang}-phone.png",
                         js={"wide": "document.documentElement.scrollWidth",
                             "view": "window.innerWidth"})
    assert phone.js["wide"] <= phone.js["view"], "the phone has to scroll sideways"


CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'none'")


@pytest.mark.browser
def test_content_security_policy_is_enforced(demo: Run, browser: Chromium) -> None:
    """Defence in depth (issue 17, finding 16): every HTML document carries a CSP that allows
    its inline styles, SVG and data: images and nothing else; Chromium enforces it (a script
    the page did not ship is refused), and the documents load without a single violation
    (test_html_in_chromium sees no console error)."""
    out = demo.ok()
    for name in ("masterplan.html", "roadmap.html", "warga.html"):
        html = (out / name).read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
    report = browser.open(out / "masterplan.html", axe=False, pdf=False, js={
        "ran": "(() => { const s = document.createElement('script');"
               " s.textContent = 'window.__ran = 1'; document.body.append(s);"
               " return window.__ran === 1; })()",
        "policy": "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"
                  ".content"})
    assert report.js["ran"] is False and report.js["policy"] == CSP
    assert report.console_errors and all("Content Security Policy" in e
                                         for e in report.console_errors)


# --------------------------------------------------------------------------- hostile text

REGION = "<script>window.__injected=1</script>"
TITLE_IMG = '<img src=x onerror="window.__injected=2">'
TITLE_LINK = "[click](javascript:alert(1))"
TITLE_MD = "Pipe | and *stars* and # hash"
SET_TITLE = "</title><script>window.__injected=3</script>"
PAYLOADS = {"a": TITLE_IMG, "b": TITLE_LINK, "c": TITLE_MD}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _hostile_set() -> str:
    lines = [
        "id: t",
        'version: "1"',
        f"title: {_q(SET_TITLE)}",
        "pillars:",
        "  - id: p",
        "    title: P",
        "    indicators:",
    ]
    for ind_id, title in PAYLOADS.items():
        lines += [
            f"      - id: {ind_id}",
            f"        title: {_q(title)}",
            "        type: percent",
            "        target: 80",
            "        actions:",
            f"          - id: {ind_id}.fix",
            "            title: Fix",
            "            applies_below: 90",
            "            effort: low",
            "            horizon: quick-win",
            "            owner: Diskominfo",
            "            gain: 10",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("hostile")
    criteria = root / "set.yaml"
    criteria.write_text(_hostile_set(), encoding="utf-8")
    survey = root / "survey.csv"
    survey.write_text(f"region,year,a,b,c\n{REGION},2025,40,55,70\n", encoding="utf-8")
    out = root / "out"
    proc = run_cli(
        "report",
        str(survey),
        "--criteria",
        str(criteria),
        "--out",
        str(out),
        "--format",
        "html,md",
        cwd=root,
    )
    return Run("id", out, proc)


@pytest.mark.browser
@pytest.mark.parametrize("doc", DOCS)
def test_hostile_text_is_inert_in_the_browser(hostile: Run, doc: str, browser: Chromium) -> None:
    out = hostile.ok()
    report = browser.open(
        out / f"{doc}.html",
        screenshot=ARTIFACTS / f"hostile-{doc}.png",
        pdf=False,
        js={
            "injected": "typeof window.__injected",
            "text": "document.body.innerText",
            "img_x": "document.querySelectorAll('img[src=\"x\"]').length",
            "handlers": "document.querySelectorAll('[onerror],[onload],[onclick]').length",
            "js_links": "document.querySelectorAll('a[href^=\"javascript:\" i]').length",
            "region": "JSON.parse(document.getElementById('scores').textContent).results[0].region",
        },
    )
    js = report.js
    failures = []
    if js["injected"] != "undefined":
        failures.append(f"hostile script ran: typeof window.__injected is {js['injected']!r}")
    for key, what in (
        ("img_x", '<img src="x"> elements'),
        ("handlers", "elements with event-handler attributes"),
        ("js_links", "javascript: links"),
    ):
        if js[key] != 0:
            failures.append(f"{js[key]!r} {what}")
    # The embedded JSON survived a "</script>" inside it and still says what the data said.
    if js["region"] != REGION:
        failures.append(f"embedded scores give region {js['region']!r}")
    text = js["text"] if isinstance(js["text"], str) else ""
    expected = [REGION, *PAYLOADS.values()] if doc == "masterplan" else [REGION]
    failures += [f"not shown as text: {t!r}" for t in expected if t not in text]
    failures += report.problems()
    assert not failures, "\n".join(failures)


def test_hostile_text_is_inert_in_markdown(hostile: Run) -> None:
    out = hostile.ok()
    for doc in DOCS:
        md = (out / f"{doc}.md").read_text(encoding="utf-8")
        assert "<script" not in md.lower(), doc
        assert "<img" not in md.lower(), doc
        assert "](javascript:" not in md.lower(), doc
        html = _commonmark(md)
        assert "<script" not in html.lower(), doc
        assert '<img src="x"' not in html, doc
        assert "javascript:" not in " ".join(_hrefs(html)).lower(), doc
        shown = _text(html)
        assert REGION in shown, f"{doc}.md does not show the region name literally"
        if doc == "masterplan":
            for title in PAYLOADS.values():
                assert title in shown, f"{doc}.md does not show {title!r} literally"


def test_hostile_scores_json_keeps_the_text(hostile: Run) -> None:
    scores = json.loads((hostile.ok() / "scores.json").read_text(encoding="utf-8"))
    assert scores["results"][0]["region"] == REGION


@pytest.mark.validator
def test_hostile_outputs_stay_valid(hostile: Run) -> None:
    out = hostile.ok()
    errors = vnu_errors([out / f"{doc}.html" for doc in DOCS])
    assert not errors, "W3C Nu validator:\n" + "\n".join(errors)
    findings = markdownlint([out / f"{doc}.md" for doc in DOCS])
    assert not findings, "markdownlint:\n" + "\n".join(findings)


# --------------------------------------------------------------------------- overview
# Several region-years: one folder each and the overview (index.html, index.md) above them,
# with a hostile region name and one that looks like a path.


@pytest.fixture(scope="module")
def overview(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("overview")
    criteria = root / "set.yaml"
    criteria.write_text(_hostile_set(), encoding="utf-8")
    survey = root / "survey.csv"
    survey.write_text(
        "region,year,a,b,c\n"
        f"{REGION},2025,40,55,70\nKota Alpha,2025,60,65,70\n../../etc,2025,80,85,90\n",
        encoding="utf-8",
    )
    out = root / "out"
    proc = run_cli(
        "report", str(survey), "--criteria", str(criteria), "--out", str(out),
        "--format", "html,md", "--jobs", "2", cwd=root,
    )
    return Run("id", out, proc)


@pytest.mark.validator
def test_overview_is_valid_html5_and_clean_markdown(overview: Run) -> None:
    out = overview.ok()
    errors = vnu_errors([out / "index.html"])
    assert not errors, "W3C Nu validator:\n" + "\n".join(errors)
    findings = markdownlint([out / "index.md"])
    assert not findings, "markdownlint:\n" + "\n".join(findings)
    assert not broken_image_links(out / "index.md")


@pytest.mark.browser
def test_overview_in_chromium(overview: Run, browser: Chromium) -> None:
    out = overview.ok()
    report = browser.open(
        out / "index.html",
        screenshot=ARTIFACTS / "overview.png",
        pdf_path=ARTIFACTS / "overview.pdf",
        js={
            "injected": "typeof window.__injected",
            "text": "document.body.innerText",
            "svg": "document.querySelectorAll('svg').length",
            "rows": "document.querySelectorAll('table.ranking tbody tr').length",
            "links": "[...document.querySelectorAll('main a[href]')]"
            ".map(a => a.getAttribute('href')).filter(h => !h.startsWith('#'))",
            "ranking": "JSON.parse(document.getElementById('ranking').textContent)"
            ".results.map(r => r.region)",
        },
    )
    js = report.js
    failures = report.problems()
    if js["injected"] != "undefined":
        failures.append(f"hostile script ran: typeof window.__injected is {js['injected']!r}")
    text = js["text"] if isinstance(js["text"], str) else ""
    failures += [f"not shown as text: {t!r}" for t in (REGION, "../../etc") if t not in text]
    assert not failures, "\n".join(failures)
    assert js["svg"] == 2  # the distribution and one heatmap (one year)
    assert js["rows"] == 3
    assert js["ranking"] == ["../../etc", "Kota Alpha", REGION]  # index 85, 65, 55
    missing = [h for h in js["links"] if not (out / h).is_file()]
    assert js["links"] and not missing, missing
    assert report.pdf_pages >= 1


# --------------------------------------------------------------------------- helpers


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _first_difference(a: bytes, b: bytes) -> str:
    """The first lines that differ, for a readable failure."""
    import difflib

    lines = difflib.unified_diff(
        a.decode("utf-8", "replace").splitlines(),
        b.decode("utf-8", "replace").splitlines(),
        "first run",
        "second run",
        n=0,
        lineterm="",
    )
    return "\n".join(line[:300] for line in list(lines)[:12])


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict[str, Any]] = []
        self._current: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            a = dict(attrs)
            self._current = {"id": a.get("id"), "type": a.get("type"), "text": ""}

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.blocks.append(self._current)
            self._current = None


def _script_blocks(html: str) -> list[dict[str, Any]]:
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.blocks


def _commonmark(md: str) -> str:
    """Render Markdown as common hosts do (CommonMark + tables, raw HTML passed through)."""
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark").enable("table").render(md))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _hrefs(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.hrefs
