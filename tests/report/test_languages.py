"""Reports in several languages at once (``demo``): one chart worker for all of them, and
templates compiled once for all languages. The files are those of one call per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_assess.planning.plan import Plan
from smartcity_assess.report import environment
from smartcity_assess.report.build import write_reports, write_reports_languages
from smartcity_assess.scoring.results import Assessment


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_languages_at_once_write_the_files_of_one_call_each(
        assessment: Assessment, plan: Plan, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    one, both = tmp_path / "one", tmp_path / "both"
    for lang, folder in (("id", one), ("en", one / "en")):
        write_reports(assessment, folder, plan=plan, lang=lang)
    written = write_reports_languages(assessment, [("id", both), ("en", both / "en")],
                                      plan=plan)
    expected = _tree(one)
    assert _tree(both) == expected
    # Every file of both languages, the Indonesian ones first (as one call each returns).
    names = [p.relative_to(both).as_posix() for p in written]
    assert sorted(names) == sorted(name for name in expected if "." != name.split("/")[-1][0])
    english = [name.startswith("en/") for name in names]
    assert english == sorted(english) and any(english) and not all(english)
    # The charts are each language's own: the English ones speak English.
    assert "Score" in expected["en/charts/pillars.svg"].decode()
    assert "Skor" in expected["charts/pillars.svg"].decode()


def test_a_template_is_compiled_once_for_every_language(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    (tmp_path / "page.md").write_text("{{ t('not_assessed') }} {{ 1.5 | num }}\n",
                                      encoding="utf-8")
    compiled: list[str] = []
    original = environment.make_environment("md", "id").__class__.compile

    def counting(self: object, source: str, name: str | None = None, *args: object,
                 **kwargs: object) -> object:
        compiled.append(str(name))
        return original(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(environment, "_CACHE", {})
    monkeypatch.setattr(environment, "_CODE", {})
    indonesian = environment.make_environment("md", "id", bundled_dir=tmp_path)
    english = environment.make_environment("md", "en", bundled_dir=tmp_path)
    monkeypatch.setattr(type(indonesian), "compile", counting)
    # Each language's own words and numbers, from one compiled template.
    assert indonesian.get_template("page.md").render() == "belum terukur 1,5\n"
    assert english.get_template("page.md").render() == "not assessed 1.5\n"
    assert compiled == ["page.md"]
    # An HTML environment compiles its own (its templates escape differently).
    html = environment.make_environment("html", "en", bundled_dir=tmp_path)
    html.get_template("page.md").render()
    assert compiled == ["page.md", "page.md"]
