"""The checking helpers themselves: each passes a good input and *fails* a bad one.

A helper that can never fail would make every report test green for nothing; these tests run
each tool once on small hand-made pages and documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.browser import Chromium, open_in_chromium
from support.validators import broken_image_links, image_links, markdownlint, vnu_errors

pytestmark = pytest.mark.slow  # Chromium, the Nu validator and markdownlint

GOOD_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Readiness of Kabupaten Contoh</title>
<style>
  body { font-family: sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<main>
<h1>Readiness of Kabupaten Contoh</h1>
<p>Index 72.5 — band <strong>Good</strong>.</p>
<figure>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="240" height="80"
     role="img" aria-labelledby="chart-title">
  <title id="chart-title">Index 72.5 of 100</title>
  <rect x="0" y="10" width="120" height="20" fill="#dddddd"/>
  <rect x="0" y="10" width="87" height="20" fill="#1f5fa8"/>
</svg>
<figcaption>Index against the scale.</figcaption>
</figure>
<table>
<caption>Pillars</caption>
<thead><tr><th scope="col">Pillar</th><th scope="col">Score</th></tr></thead>
<tbody><tr><td>Digital government</td><td>68.0</td></tr></tbody>
</table>
<script type="application/json" id="scores">{"results": []}</script>
</main>
</body>
</html>
"""

GOOD_MD = """# Readiness of Kabupaten Contoh

Index 72.5, band **Good**.

![Radar chart of the four pillars](charts/radar.svg)

| Pillar | Score |
| --- | --- |
| Digital government | 68.0 |

## Pillars

### Infrastructure

Text.

## Actions

### Infrastructure

Same heading under another parent is allowed (MD024 siblings_only).
"""

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<rect width="10" height="10" fill="#1f5fa8"/></svg>\n'
)


def _page(tmp_path: Path, name: str, body: str, head: str = "") -> Path:
    path = tmp_path / name
    path.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{name}</title>{head}</head><body><main>{body}</main></body></html>\n",
        encoding="utf-8",
    )
    return path


# --------------------------------------------------------------------------- W3C Nu validator


@pytest.mark.validator
def test_vnu_passes_a_valid_page_and_flags_invalid_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(GOOD_HTML, encoding="utf-8")
    assert vnu_errors([good]) == []

    dup_id = _page(tmp_path, "dup.html", '<p id="a">one</p><p id="a">two</p>')
    div_in_p = tmp_path / "nested.html"
    div_in_p.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
        "<body><p>text <div>block</div></p></body></html>\n",
        encoding="utf-8",
    )
    errors = vnu_errors([dup_id, div_in_p])
    assert any("dup.html" in e and "Duplicate ID" in e for e in errors), errors
    assert any("nested.html" in e for e in errors), errors


# --------------------------------------------------------------------------- markdownlint


@pytest.mark.validator
def test_markdownlint_passes_a_clean_file_and_flags_a_bad_one(tmp_path: Path) -> None:
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "radar.svg").write_text(SVG, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(GOOD_MD, encoding="utf-8")
    assert markdownlint([good]) == []

    bad = tmp_path / "bad.md"
    bad.write_text("# One\n\n# Two\n\n<script>alert(1)</script>\n", encoding="utf-8")
    findings = markdownlint([bad])
    assert any("MD025" in f for f in findings), findings  # two top-level headings
    assert any("MD033" in f for f in findings), findings  # raw HTML in Markdown


@pytest.mark.validator
def test_markdownlint_uses_the_repository_config_outside_the_repository(tmp_path: Path) -> None:
    # A line far over 80 characters: MD013 is off in .markdownlint.json.
    long_line = tmp_path / "wide.md"
    long_line.write_text("# Wide\n\n" + "| a | b |\n| --- | --- |\n| " + "x" * 300 + " | y |\n")
    assert markdownlint([long_line]) == []


# --------------------------------------------------------------------------- image links


def test_image_links_resolve_beside_the_document(tmp_path: Path) -> None:
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "radar.svg").write_text(SVG, encoding="utf-8")
    (tmp_path / "empty.svg").write_text("", encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(GOOD_MD, encoding="utf-8")
    assert image_links(good) == ["charts/radar.svg"]
    assert broken_image_links(good) == []

    bad = tmp_path / "bad.md"
    bad.write_text(
        "# Bad\n\n"
        "![missing](charts/nope.svg)\n\n"
        "![remote](https://example.org/x.png)\n\n"
        "![outside](../x.svg)\n\n"
        "![empty](empty.svg)\n\n"
        "![ref][chart]\n\n"
        "[chart]: <charts/also missing.svg>\n\n"
        "Escaped, not an image: \\!\\[x\\]\\(nowhere.png\\)\n\n"
        "```text\n![in code](nowhere.png)\n```\n",
        encoding="utf-8",
    )
    broken = broken_image_links(bad)
    assert len(broken) == 5, broken
    assert all("nowhere" not in b for b in broken), broken


# --------------------------------------------------------------------------- browser


@pytest.mark.browser
def test_browser_accepts_a_clean_self_contained_page(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(GOOD_HTML, encoding="utf-8")
    shot = tmp_path / "good.png"
    report = open_in_chromium(
        good,
        screenshot=shot,
        js={
            "scripts": "document.querySelectorAll('script').length",
            "scores": "JSON.parse(document.getElementById('scores').textContent)",
        },
    )
    assert report.problems() == []
    assert report.console_warnings == []
    assert report.axe_ran
    assert report.title == "Readiness of Kabupaten Contoh"
    assert report.js == {"scripts": 1, "scores": {"results": []}}
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert report.pdf_pages == 1 and report.pdf_bytes > 1000


@pytest.mark.browser
def test_browser_reports_errors_requests_and_accessibility(tmp_path: Path) -> None:
    throws = _page(tmp_path, "throws.html", "<p>x</p><script>throw new Error('boom');</script>")
    logs = _page(tmp_path, "logs.html", "<p>x</p><script>console.error('bad thing');</script>")
    external = _page(
        tmp_path,
        "external.html",
        '<p>x</p><img src="http://127.0.0.1:9/x.png" alt="remote">',
        head='<link rel="stylesheet" href="https://fonts.example.org/a.css">',
    )
    sibling = _page(tmp_path, "sibling.html", '<img src="chart.svg" alt="chart">')
    (tmp_path / "chart.svg").write_text(SVG, encoding="utf-8")
    no_alt = _page(tmp_path, "noalt.html", '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')

    with Chromium() as browser:
        r = browser.open(throws, axe=False, pdf=False)
        assert any("boom" in e for e in r.page_errors), r

        r = browser.open(logs, axe=False, pdf=False)
        assert any("bad thing" in e for e in r.console_errors), r

        r = browser.open(external, axe=False, pdf=False)
        assert "http://127.0.0.1:9/x.png" in r.external_requests, r
        assert "https://fonts.example.org/a.css" in r.external_requests, r
        assert r.problems()

        # A file next to the page is a request beyond the file too: the HTML must be one file.
        r = browser.open(sibling, axe=False, pdf=False)
        assert [u.rsplit("/", 1)[-1] for u in r.external_requests] == ["chart.svg"], r

        r = browser.open(no_alt, pdf=False)
        assert "image-alt" in {v.id for v in r.axe_violations}, r.all_axe_violations
        assert r.external_requests == []


@pytest.mark.browser
def test_browser_js_sees_the_page_before_axe_is_injected(tmp_path: Path) -> None:
    page = _page(tmp_path, "inert.html", "<p>&lt;script&gt;window.__injected=1&lt;/script&gt;</p>")
    report = open_in_chromium(
        page,
        js={
            "injected": "typeof window.__injected",
            "scripts": "document.scripts.length",
            "text": "document.body.innerText",
        },
    )
    assert report.js == {
        "injected": "undefined",
        "scripts": 0,
        "text": "<script>window.__injected=1</script>",
    }
    assert report.problems() == []
