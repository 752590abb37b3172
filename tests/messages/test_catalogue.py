"""The one message catalogue (smartcity_assess.messages): every key used, every key used
defined, every key in both languages, one word for one thing.

How a key counts as used: it appears as a string in the code (outside the catalogue itself
and outside docstrings) or quoted in a template. How a key counts as referenced: it is the
literal first argument of ``text(...)``/``tr(...)`` in the code or of ``t(...)`` in a
template, a value of a ``*_KEYS`` table, or a chapter's ``TITLE``. Keys are never built by
concatenation (``t("phase_" ~ x)``, ``text(f"agg_{x}")``): the scan would miss them, so that
is refused too.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import smartcity_assess
from smartcity_assess import messages
from smartcity_assess.messages import CATALOGUE
from smartcity_assess.messages import reports as report_messages
from smartcity_assess.resources import templates_dir

PACKAGE = Path(smartcity_assess.__file__).parent
CATALOGUE_FILES = {Path(messages.__file__).parent / f"{part}.py"
                   for part in ("reports", "terminal", "summaries", "forms", "notices",
                                "survey", "maps", "design", "plans")}
"""The files that define the texts (a key written there is not a use of it)."""
KEY_TABLES = Path(messages.__file__).parent / "keys.py"
PLACEHOLDER = re.compile(r"{(\w+)}")
TEMPLATE_STRING = re.compile(r"""["']([\w\-]+)["']""")
TEMPLATE_CALL = re.compile(r"""\bt\(\s*["']([\w\-]+)["']\s*[,)]""")
TEMPLATE_CONCAT = re.compile(r"""\bt\(\s*(?:["'][\w\-]*["']|[\w.]+)\s*~""")


def code_files() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if path not in CATALOGUE_FILES:
            yield path


def template_files() -> Iterator[Path]:
    yield from sorted(p for p in templates_dir().rglob("*") if p.suffix in (".html", ".md"))


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (or other bare string statements)."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}


def strings_in_code(source: str) -> set[str]:
    """Every string constant of a module, docstrings left out."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip}


def referenced_in_code(source: str, tables: bool | None = None) -> tuple[set[str], list[str]]:
    """(keys the code asks the catalogue for, calls that build a key at run time).

    ``*_KEYS`` tables count in modules that look words up in the catalogue (and in
    ``messages/keys.py``, ``tables=True``): elsewhere a ``*_KEYS`` table is something else
    (the crosswalk names of the vocabulary, say)."""
    tree = ast.parse(source)
    keys: set[str] = set()
    built: list[str] = []
    lookups = {alias.asname or alias.name for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("messages")
               for alias in node.names if alias.name in ("text", "tr")}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = (func.id if isinstance(func, ast.Name) else func.attr
                    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id == "messages" else "")
            if name in lookups or isinstance(func, ast.Attribute) and name in ("text", "tr"):
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.add(first.value)
                elif isinstance(first, ast.JoinedStr | ast.BinOp):
                    built.append(ast.unparse(node))
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = list(node.targets), node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        for target in targets:
            if not (lookups if tables is None else tables):
                continue
            if value is not None and isinstance(target, ast.Name) and (
                    target.id.endswith("_KEYS") or target.id == "TITLE"):
                for item in ast.walk(value):
                    if isinstance(item, ast.Dict):
                        keys |= {v.value for v in item.values
                                 if isinstance(v, ast.Constant) and isinstance(v.value, str)}
                    elif isinstance(item, ast.Tuple | ast.List):
                        keys |= {v.value for v in item.elts
                                 if isinstance(v, ast.Constant) and isinstance(v.value, str)
                                 and v.value}
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    keys.add(value.value)
    return keys, built


def used() -> set[str]:
    found: set[str] = set()
    for path in code_files():
        found |= strings_in_code(path.read_text(encoding="utf-8"))
    for path in template_files():
        found |= set(TEMPLATE_STRING.findall(path.read_text(encoding="utf-8")))
    return found


def referenced() -> tuple[set[str], list[str]]:
    keys: set[str] = set()
    built: list[str] = []
    for path in code_files():
        found, made = referenced_in_code(path.read_text(encoding="utf-8"),
                                         True if path == KEY_TABLES else None)
        keys |= found
        built += [f"{path.relative_to(PACKAGE)}: {call}" for call in made]
    for path in template_files():
        source = path.read_text(encoding="utf-8")
        keys |= set(TEMPLATE_CALL.findall(source))
        built += [f"{path.name}: {m.group(0)}" for m in TEMPLATE_CONCAT.finditer(source)]
    return keys, built


# --- the scanners find what they should (so that the tests below can fail) ------------------


def test_the_scanners_see_keys_in_calls_tables_and_templates() -> None:
    source = ('"""A docstring naming ch_summary."""\n'
              'from .messages import text, tr\n'
              'KIND_KEYS = {"a": "key_a"}\n'
              'x = text("key_b", lang) + tr("key_c", lang, n=1) + text(f"key_{y}", lang)\n'
              'class C:\n    TITLE = "key_d"\n')
    keys, built = referenced_in_code(source)
    assert keys == {"key_a", "key_b", "key_c", "key_d"}
    assert built == ["text(f'key_{y}', lang)"]
    assert "ch_summary" not in strings_in_code(source) and "key_b" in strings_in_code(source)
    assert TEMPLATE_CALL.findall('{{ t("cert_heading") }} {{ t(key) }}') == ["cert_heading"]
    assert TEMPLATE_CONCAT.search('{{ t("direction_" ~ w.direction) }}')


# --- the catalogue ----------------------------------------------------------------------------


def test_no_key_is_unused() -> None:
    unused = sorted(set(CATALOGUE) - used())
    assert not unused, f"catalogue keys no code or template uses: {unused}"


def test_every_key_the_code_uses_exists() -> None:
    keys, built = referenced()
    assert len(keys) > 400
    assert not built, f"keys built at run time (use a *_KEYS table instead): {built}"
    missing = sorted(keys - set(CATALOGUE))
    assert not missing, f"keys the code uses but the catalogue lacks: {missing}"


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    for key, texts in CATALOGUE.items():
        assert isinstance(texts, tuple) and len(texts) == 2, key
        indonesian, english = texts
        assert indonesian.strip() and english.strip(), f"{key}: a language is empty"
        assert sorted(PLACEHOLDER.findall(indonesian)) == sorted(PLACEHOLDER.findall(english)), (
            f"{key}: the two languages fill different placeholders")


def test_report_texts_need_no_escaping() -> None:
    for key, texts in report_messages.MESSAGES.items():
        for text in texts:
            assert not re.search(r"[<>&]", text), f"{key}: report texts must not need escaping"


def test_a_grade_is_one_word_in_each_language() -> None:
    """"band" was "Predikat" in the reports and "Kategori" in the terminal; "Grade" and
    "Band" in English. It is Predikat / Grade everywhere now."""
    assert messages.text("col_band", "id") == "Predikat"
    assert messages.text("col_band", "en") == "Grade"
    for key, (indonesian, english) in CATALOGUE.items():
        assert not re.search(r"\bkategori\b", PLACEHOLDER.sub("", indonesian), re.I), key
        assert not re.search(r"\bbands?\b", PLACEHOLDER.sub("", english), re.I), key


def test_lookups() -> None:
    assert messages.text("ch_summary", "id") == "Ringkasan Eksekutif"
    assert messages.text("ch_summary", "en") == "Executive Summary"
    assert messages.text("ch_summary", "fr") == "Executive Summary"  # unknown: English
    assert messages.tr("why_fewer", "id", count=6, need=50, have=3) == (
        "6 indikator perlu 50 jawaban; ada 3")
    assert messages.tr("cmp_unmatched_item", "en", key="A", has="x", lacks="y") == (
        "A: in x, not in y")
