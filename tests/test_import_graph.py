"""The import graph of ``src/smartcity_assess``: no cycle, and the core never imports the CLI.

Every ``import`` and ``from … import`` of every module counts, those inside functions
(lazy imports) included, because a cycle hidden by a lazy import is still a cycle: moving
the import to the top fails with a partially initialised module. Imports under
``if TYPE_CHECKING:`` never run and are left out of the cycle check, but not out of the
layering check: the core (everything outside ``cli/``) may not import ``cli``, Typer or Rich
at all.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import smartcity_assess

ROOT = Path(smartcity_assess.__file__).parent
PACKAGE = "smartcity_assess"
FORBIDDEN_IN_CORE = ("typer", "rich", f"{PACKAGE}.cli")
ENTRY_POINTS = (f"{PACKAGE}.cli", f"{PACKAGE}.__main__")
"""The command line and ``python -m smartcity_assess``: the only modules that may."""


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    typing_only: bool


def module_name(path: Path, root: Path, package: str) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def _type_checking_lines(tree: ast.Module) -> set[int]:
    """Lines of the bodies of ``if TYPE_CHECKING:`` blocks."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and (
                (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
                or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def edges(root: Path, package: str) -> Iterator[Edge]:
    """Every import of every module under ``root`` (the package ``package``)."""
    modules = {module_name(p, root, package) for p in root.rglob("*.py")}
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root, package)
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = _type_checking_lines(tree)
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".")
                    base = base if is_package else base[:-1]
                    base = base[:len(base) - (node.level - 1)]
                    stem = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    stem = node.module or ""
                targets = [f"{stem}.{a.name}" if f"{stem}.{a.name}" in modules else stem
                           for a in node.names]
            for target in targets:
                # Importing a.b.c runs a/__init__ and a/b/__init__ first.
                parts = target.split(".")
                for depth in range(1, len(parts) + 1):
                    ancestor = ".".join(parts[:depth])
                    if ancestor == name or name.startswith(ancestor + "."):
                        continue  # a package of the importing module: already running
                    yield Edge(name, ancestor, node.lineno, node.lineno in typing_only)


def cycles(found: list[Edge], modules: set[str]) -> list[list[str]]:
    """The strongly connected components with more than one module (or a self-import),
    over the imports that run."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for edge in found:
        if not edge.typing_only and edge.target in modules:
            graph[edge.source].add(edge.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_the_check_finds_a_cycle_hidden_by_a_lazy_import(tmp_path: Path) -> None:
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "build.py").write_text("from .context import build_context\n"
                                       "class ChartJob: ...\n", encoding="utf-8")
    (tmp_path / "context.py").write_text("from . import trends\n", encoding="utf-8")
    (tmp_path / "trends.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .build import ChartJob\n"
        "def job():\n    from .build import ChartJob\n    return ChartJob()\n",
        encoding="utf-8")
    (tmp_path / "typed.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .build import ChartJob\n",
        encoding="utf-8")
    found = list(edges(tmp_path, "pkg"))
    modules = {module_name(p, tmp_path, "pkg") for p in tmp_path.rglob("*.py")}
    assert cycles(found, modules) == [["pkg.build", "pkg.context", "pkg.trends"]]
    assert Edge("pkg.typed", "pkg.build", 3, True) in found


def test_no_import_cycle() -> None:
    found = list(edges(ROOT, PACKAGE))
    modules = {module_name(p, ROOT, PACKAGE) for p in ROOT.rglob("*.py")}
    assert len(modules) > 80 and len(found) > 300
    assert cycles(found, modules) == []


def test_the_core_never_imports_the_cli_typer_or_rich() -> None:
    wrong = sorted(f"{e.source}:{e.line} imports {e.target}" for e in edges(ROOT, PACKAGE)
                   if not any(e.source == m or e.source.startswith(m + ".") for m in ENTRY_POINTS)
                   and any(e.target == f or e.target.startswith(f + ".")
                           for f in FORBIDDEN_IN_CORE))
    assert wrong == []
