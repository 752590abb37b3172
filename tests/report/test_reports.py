"""write_reports end to end on the two-pillar fixture: files, golden outputs, determinism,
atomic writes, region-year choice, user templates in a sandbox, PDF, hostile text.

Golden files live in tests/report/golden/. After a deliberate change of the templates,
regenerate them with ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/report/test_reports.py`` and
review the diff. Inline SVG is replaced by a placeholder in the HTML golden file: the charts
have their own tests, and their bytes depend on the matplotlib version.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from smartcity_assess.errors import OutputError, UsageError
from smartcity_assess.planning.plan import Plan
from smartcity_assess.report.build import render_reports, write_reports
from smartcity_assess.scoring.results import Assessment

GOLDEN = Path(__file__).parent / "golden"
TWO_PILLAR_FILE = Path(__file__).parents[1] / "planning" / "fixtures" / "two-pillar.yaml"
EXPECTED = ["masterplan.html", "roadmap.html", "warga.html", "masterplan.md", "roadmap.md",
            "warga.md", "scores.json", "roadmap.json",
            "charts/pillars.svg", "charts/bars-infra.svg", "charts/bars-gov.svg",
            "charts/matrix.svg", "charts/gantt.svg", "charts/costs.svg",
            "charts/trajectory.svg"]
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run with UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"


def without_svg(html: str) -> str:
    return _SVG.sub(lambda m: "<svg><!-- chart --></svg>", html)


@pytest.mark.slow
def test_writes_every_file(assessment: Assessment, plan: Plan, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_reports(assessment, out, plan=plan)
    assert [p.relative_to(out).as_posix() for p in written] == EXPECTED
    # no temporary files left behind; the manifest lists what the tool wrote (outputs.py)
    assert sorted(tree(out)) == sorted([*EXPECTED, ".smartcity-assess.json"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_documents(assessment: Assessment, plan: Plan, lang: str) -> None:
    files = render_reports(assessment, plan=plan, lang=lang)
    check_golden(f"masterplan.{lang}.md", files["masterplan.md"].decode())
    check_golden(f"roadmap.{lang}.md", files["roadmap.md"].decode())
    check_golden(f"masterplan.{lang}.html", without_svg(files["masterplan.html"].decode()))
    check_golden(f"roadmap.{lang}.html", without_svg(files["roadmap.html"].decode()))
    check_golden(f"warga.{lang}.md", files["warga.md"].decode())
    check_golden(f"warga.{lang}.html", without_svg(files["warga.html"].decode()))


@pytest.mark.slow
def test_rerun_is_byte_identical(assessment: Assessment, plan: Plan, tmp_path: Path) -> None:
    write_reports(assessment, tmp_path / "a", plan=plan)
    write_reports(assessment, tmp_path / "b", plan=plan)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


@pytest.mark.slow
def test_cover_date_comes_from_source_date_epoch(assessment: Assessment, plan: Plan,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764288000")  # 2025-11-28
    html = render_reports(assessment, plan=plan, formats=["html"])["masterplan.html"].decode()
    assert '<time datetime="2025-11-28">28 November 2025</time>' in html
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        render_reports(assessment, plan=plan)


@pytest.mark.slow
def test_locale_numbers(assessment: Assessment, plan: Plan) -> None:
    indonesian = render_reports(assessment, plan=plan, lang="id")
    english = render_reports(assessment, plan=plan, lang="en")
    # infra = (50 + 37.5)/2 = 43.75; population 1,234,567.
    assert "| Infrastruktur Digital | 43,8 |" in indonesian["masterplan.md"].decode()
    assert "| Digital Infrastructure | 43.8 |" in english["masterplan.md"].decode()
    assert "1.234.567 jiwa" in indonesian["masterplan.html"].decode()
    assert "1,234,567 people" in english["masterplan.html"].decode()
    assert 'lang="en"' in english["roadmap.html"].decode()


@pytest.mark.slow
def test_formats_and_languages_are_checked(assessment: Assessment, plan: Plan) -> None:
    with pytest.raises(UsageError, match="unknown report format docx"):
        render_reports(assessment, plan=plan, formats=["html", "docx"])
    with pytest.raises(UsageError, match="unknown report language"):
        render_reports(assessment, plan=plan, lang="fr")
    only_md = render_reports(assessment, plan=plan, formats=["md"])
    assert "masterplan.html" not in only_md and "charts/gantt.svg" in only_md
    only_html = render_reports(assessment, plan=plan, formats=["html"])
    assert not any(name.startswith("charts/") for name in only_html)  # charts are inline


@pytest.mark.slow
def test_one_region_year_per_report(make_assessment: Callable[..., Assessment], plan: Plan,
                                    tmp_path: Path) -> None:
    several = make_assessment(keys=[("Kab A", 2024), ("Kab A", 2025), ("Kab B", 2025)])
    with pytest.raises(UsageError, match="several region-years"):
        write_reports(several, tmp_path / "x", plan=plan)
    assert not (tmp_path / "x").exists()
    files = render_reports(several, plan=replace(plan, region=replace(plan.region, name=None)),
                           region="Kab A", year=2024)
    assert "# Masterplan Smart City — Kab A" in files["masterplan.md"].decode()
    assert "Tahun penilaian:** 2024" in files["masterplan.md"].decode()
    files = render_reports(several, plan=plan, region="Kab B")
    assert json.loads(files["scores.json"])["results"][2]["region"] == "Kab B"
    with pytest.raises(UsageError, match="several region-years match 'Kab A'"):
        render_reports(several, plan=plan, region="Kab A")
    with pytest.raises(UsageError, match="no results for 'Kab C'"):
        render_reports(several, plan=plan, region="Kab C")


@pytest.mark.slow
def test_nothing_is_written_when_rendering_fails(assessment: Assessment, plan: Plan,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "masterplan.md").write_text("old", encoding="utf-8")
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "roadmap.md").write_text("# {{ no_such_value }}\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"template error in roadmap\.md:1.*no_such_value"):
        write_reports(assessment, out, plan=plan, templates_dir=mine)
    assert tree(out) == {"masterplan.md": b"old"}


@pytest.mark.slow
def test_user_templates_are_sandboxed(assessment: Assessment, plan: Plan,
                                      tmp_path: Path) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "report.css").write_text(":root { --accent: #8a1538; }\n", encoding="utf-8")
    (mine / "roadmap.md").write_text(
        "# {{ t('roadmap') }} — {{ region.name }}\n\n{{ index.score|num }}\n",
        encoding="utf-8")
    files = render_reports(assessment, plan=plan, templates_dir=mine)
    assert ":root { --accent: #8a1538; }" in files["masterplan.html"].decode()
    assert files["roadmap.md"].decode() == "# Peta Jalan Smart City — Kabupaten Uji\n\n40,1\n"
    (mine / "roadmap.md").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n",
                                     encoding="utf-8")
    with pytest.raises(UsageError, match="template error in roadmap.md.*unsafe"):
        render_reports(assessment, plan=plan, templates_dir=mine)
    with pytest.raises(UsageError, match="does not exist"):
        render_reports(assessment, plan=plan, templates_dir=tmp_path / "nowhere")


@pytest.mark.slow
def test_output_folder_problems(assessment: Assessment, plan: Plan, tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="it is a file"):
        write_reports(assessment, target, plan=plan)
    out = tmp_path / "out"
    (out / "masterplan.html").mkdir(parents=True)
    with pytest.raises(OutputError, match="it is a folder"):
        write_reports(assessment, out, plan=plan)
    assert sorted(tree(out)) == []


@pytest.mark.slow
def test_sample_notice_and_scores_json(assessment: Assessment, plan: Plan) -> None:
    files = render_reports(assessment, plan=replace(plan, sample=True))
    html = files["masterplan.html"].decode()
    assert '<p class="sample" role="note"><strong>DATA CONTOH</strong> — Dokumen' in html
    assert "> **DATA CONTOH** — Dokumen ini" in files["roadmap.md"].decode()
    assert html.count("DATA CONTOH") == 3  # badge, note and footer: each once
    embedded = re.search(r'<script type="application/json" id="scores">(.*?)</script>', html,
                         re.S)
    assert embedded is not None
    assert json.loads(embedded.group(1)) == json.loads(files["scores.json"])
    assert "SAMPLE" not in render_reports(assessment, plan=plan,
                                          lang="en")["masterplan.html"].decode()


HOSTILE = {
    "region": "</script><script>alert(1)</script>",
    "title": '[x](javascript:alert(1)) ![i](http://evil/i.png) <img src=x onerror=alert(2)>',
    "plan": "# Heading | cell *bold* _it_ `code` <b>b</b> &amp;",
}


def test_hostile_text_is_inert(make_assessment: Callable[..., Assessment], two_pillar: object,
                               plan: Plan) -> None:
    from smartcity_assess.indicators.model import IndicatorSet
    from smartcity_assess.text import Text

    assert isinstance(two_pillar, IndicatorSet)
    pillars = tuple(replace(p, title=Text.of(HOSTILE["title"])) for p in two_pillar.pillars)
    hostile_set = replace(two_pillar, pillars=pillars, title=Text.of(HOSTILE["title"]))
    assessment = make_assessment(region=HOSTILE["region"], indicator_set=hostile_set)
    hostile_plan = replace(plan, vision=Text.of(HOSTILE["plan"]),
                           region=replace(plan.region, name=None, notes=Text.of(HOSTILE["plan"])))
    files = render_reports(assessment, plan=hostile_plan)
    for name in ("masterplan.html", "roadmap.html"):
        html = files[name].decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
        scores = re.search(r'id="scores">(.*?)</script>', html, re.S)
        assert scores is not None and "</" not in scores.group(1)
        assert json.loads(scores.group(1))["results"][0]["region"] == HOSTILE["region"]
    for name in ("masterplan.md", "roadmap.md"):
        md = files[name].decode()
        assert "<script" not in md and "<img" not in md and "<b>" not in md
        assert "](javascript:" not in md and "](http://evil" not in md
        assert "\\[x\\]\\(javascript:alert\\(1\\)\\)" in md
    md = files["masterplan.md"].decode()
    assert "> \\# Heading \\| cell \\*bold\\* \\_it\\_ \\`code\\` &lt;b&gt;b&lt;/b&gt; &amp;amp;" \
        in md
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in rendered and "<img" not in rendered.replace('<img src="charts/', "")
    assert 'href="javascript' not in rendered


def test_pdf(assessment: Assessment, plan: Plan) -> None:
    pytest.importorskip("weasyprint")
    from smartcity_assess.report.pdf import html_to_pdf

    files = render_reports(assessment, plan=plan, formats=["html", "pdf"])
    assert sorted(files) == ["masterplan.html", "masterplan.pdf", "roadmap.html", "roadmap.pdf",
                             "scores.json"]
    assert files["masterplan.pdf"].startswith(b"%PDF-")
    # Byte-identical: WeasyPrint writes no date of its own.
    assert html_to_pdf(files["roadmap.html"].decode()) == files["roadmap.pdf"]


@pytest.mark.slow
def test_pdf_without_weasyprint(assessment: Assessment, plan: Plan,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("weasyprint"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(UsageError, match=r"pip install 'smartcity-assess\[pdf\]'"):
        render_reports(assessment, plan=plan, formats=["html", "pdf"])


@pytest.mark.slow
def test_charts_drawn_in_workers_or_here_are_the_same(assessment: Assessment, plan: Plan,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    parallel = render_reports(assessment, plan=plan)
    monkeypatch.setenv("SMARTCITY_ASSESS_SERIAL", "1")
    assert render_reports(assessment, plan=plan) == parallel
    html = parallel["masterplan.html"].decode()
    assert "<!--smartcity-assess:chart:" not in html  # every placeholder was replaced
    # radar, two pillars, matrix, costs (the fixture's set maps no Kominfo dimension)
    assert html.count("<svg ") == 1 + 2 + 1 + 1
    assert parallel["charts/matrix.svg"].decode().startswith("<?xml")


@pytest.mark.slow
def test_warm_up_starts_the_workers_early(assessment: Assessment, plan: Plan) -> None:
    from smartcity_assess.report.charts import workers

    workers.warm_up()
    assert len(workers._warm) == (1 if workers._fork_available() else 0)
    warmed = render_reports(assessment, plan=plan, formats=["md"])
    assert workers._warm == []  # the report took the pool
    assert warmed == render_reports(assessment, plan=plan, formats=["md"])


@pytest.mark.slow
@pytest.mark.parametrize("case", ["no actions", "nothing answered", "one pillar", "undated"])
def test_unusual_inputs_render_cleanly(case: str, tmp_path: Path, plan: Plan,
                                       make_assessment: Callable[..., Assessment],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import warnings

    from smartcity_assess.indicators.loader import load_indicator_set

    text = TWO_PILLAR_FILE.read_text(encoding="utf-8")
    answers: dict[str, list[float]] | None = None
    key: tuple[str, int | None] = ("Kabupaten Uji", 2025)
    if case == "no actions":
        text = re.sub(r"\n        actions:\n(?:          .*\n)+", "\n", text)
    elif case == "one pillar":
        text = text.split("  - id: gov")[0]
    elif case == "nothing answered":
        answers = {"unknown": [1.0]}
    else:
        key = ("Kabupaten Uji", None)
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    assessment = make_assessment(keys=[key], answers=answers,
                                 indicator_set=load_indicator_set(tmp_path / "set.yaml"))
    monkeypatch.setenv("SMARTCITY_ASSESS_SERIAL", "1")  # draw here, so warnings surface
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        files = render_reports(assessment, plan=replace(plan, period=replace(
            plan.period, first_year=None, masterplan=None)))
    md = files["masterplan.md"].decode()
    if case == "no actions":
        assert "Tidak ada program yang perlu diusulkan" in md
    if case == "nothing answered":
        assert "Indeks belum dapat dihitung" in md
    if case == "undated":
        assert "Tahun penilaian" not in md
        assert "Periode:** 2027–2031" in md  # the year after the report year (2026-01-01)


@pytest.mark.slow
def test_chart_names_never_differ_only_by_case(tmp_path: Path, plan: Plan,
                                               make_assessment: Callable[..., Assessment]
                                               ) -> None:
    """Pillars ``p1`` and ``P1`` once gave bars-p1.svg and bars-P1.svg, one file on macOS and
    Windows (issue 17, finding 17): ids that are not all lower-case safe names make every
    pillar's chart be named by its position."""
    from smartcity_assess.indicators.loader import load_indicator_set
    from smartcity_assess.report.facts import chart_names

    assert chart_names(["infra", "gov"]) == ["bars-infra", "bars-gov"]
    assert chart_names(["p1", "P1"]) == ["bars-1", "bars-2"]
    assert chart_names(["2", "a b"]) == ["bars-1", "bars-2"]  # never "bars-2" twice
    text = TWO_PILLAR_FILE.read_text(encoding="utf-8")
    text = text.replace("  - id: infra", "  - id: p1").replace("  - id: gov", "  - id: P1")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    assessment = make_assessment(indicator_set=load_indicator_set(tmp_path / "set.yaml"))
    files = render_reports(assessment, plan=plan, formats=["md"])
    charts = sorted(name for name in files if name.startswith("charts/bars-"))
    assert charts == ["charts/bars-1.svg", "charts/bars-2.svg"]
    assert len({name.casefold() for name in files}) == len(files)
