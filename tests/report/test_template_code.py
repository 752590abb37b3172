"""The bundled templates' compiled code is kept between runs in the user's cache folder: a
run finds it there instead of compiling, and ignores a file that is damaged or sits in a
folder others may write to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smartcity_assess.report import environment


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names compiled from now on, with a fresh process's state and a cache folder."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.md").write_text("{{ t('not_assessed') }} {{ 1.5 | num }}\n",
                                       encoding="utf-8")
    monkeypatch.setenv(environment.CACHE_ENV, str(tmp_path / "cache"))
    names: list[str] = []
    environment_class = type(environment.make_environment("md", "id"))
    original = environment_class.compile

    def counting(self: object, source: str, name: str | None = None, *args: object,
                 **kwargs: object) -> object:
        names.append(str(name))
        return original(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(environment_class, "compile", counting)
    monkeypatch.setattr(environment, "_CACHE", {})
    monkeypatch.setattr(environment, "_CODE", {})
    return names


def _render(tmp_path: Path, lang: str = "en") -> str:
    env = environment.make_environment("md", lang, bundled_dir=tmp_path / "templates")
    return env.get_template("page.md").render()


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process compiled (as a new command would start)."""
    monkeypatch.setattr(environment, "_CACHE", {})
    monkeypatch.setattr(environment, "_CODE", {})


def test_a_second_run_reads_the_compiled_code(tmp_path: Path, compiled: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert _render(tmp_path) == "not assessed 1.5\n"
    assert compiled == ["page.md"]
    [kept] = (tmp_path / "cache").iterdir()
    assert kept.name.endswith(".md.code")
    _new_process(monkeypatch)
    assert _render(tmp_path, "id") == "belum terukur 1,5\n"  # the same code, in Indonesian
    assert compiled == ["page.md"]  # not compiled again
    # A changed template is compiled again (its checksum differs).
    (tmp_path / "templates" / "page.md").write_text("{{ 2.5 | num }}\n", encoding="utf-8")
    _new_process(monkeypatch)
    assert _render(tmp_path) == "2.5\n"
    assert compiled == ["page.md", "page.md"]


def test_a_damaged_file_is_compiled_again(tmp_path: Path, compiled: list[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _render(tmp_path)
    [kept] = (tmp_path / "cache").iterdir()
    kept.write_bytes(kept.read_bytes()[:20])
    _new_process(monkeypatch)
    assert _render(tmp_path) == "not assessed 1.5\n"
    assert compiled == ["page.md", "page.md"]


@pytest.mark.skipif(os.name != "posix", reason="folder permissions")
def test_code_in_a_folder_others_may_write_to_is_not_read(
        tmp_path: Path, compiled: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _render(tmp_path)
    (tmp_path / "cache").chmod(0o777)
    _new_process(monkeypatch)
    assert _render(tmp_path) == "not assessed 1.5\n"
    assert compiled == ["page.md", "page.md"]


def test_no_folder_when_the_variable_is_empty(tmp_path: Path, compiled: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(environment.CACHE_ENV, "")
    assert environment.code_folder() is None
    _render(tmp_path)
    assert not (tmp_path / "cache").exists()
    monkeypatch.delenv(environment.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert environment.code_folder() == tmp_path / "xdg" / "smartcity-assess" / "templates"
