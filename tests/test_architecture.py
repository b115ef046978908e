"""The package's shape: no import cycles, no module over about 400 lines, data flowing one way.

Imports are read from the source (``ast``), including imports inside functions: a cycle
hidden in a function is still a cycle for a reader. ``from pkg import name`` counts as an
import of ``pkg.name`` when that is a module, else of ``pkg`` (its ``__init__``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "inspections"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["inspections", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module name -> the package's modules it imports (anywhere in its source)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                graph[name] |= {a.name for a in node.names if a.name in modules}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    if full in modules:
                        graph[name].add(full)
                    elif base in modules:
                        graph[name].add(base)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in graph[v]:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    """The finder itself: a two-module and a three-module cycle, and a chain that is none."""
    graph = {"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"e"}, "e": {"c"}, "f": {"a"}, "g": set()}
    assert sorted(cycles(graph)) == [["a", "b"], ["c", "d", "e"]]


def test_graph_reads_relative_and_package_imports(tmp_path: Path) -> None:
    """``from . import x``, ``from .pkg import name`` and imports inside functions count."""
    pkg = tmp_path / "inspections"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from inspections.sub import helper\n")
    (pkg / "sub" / "helper.py").write_text("def f():\n    from ..sub import VALUE\n")
    modules = {
        "inspections": pkg / "__init__.py",
        "inspections.sub": pkg / "sub" / "__init__.py",
        "inspections.sub.helper": pkg / "sub" / "helper.py",
    }
    graph = import_graph(modules)
    assert graph["inspections.sub"] == {"inspections.sub.helper"}
    assert graph["inspections.sub.helper"] == {"inspections.sub"}
    assert cycles(graph) == [["inspections.sub", "inspections.sub.helper"]]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(_modules())


def test_no_import_cycles(graph: dict[str, set[str]]) -> None:
    found = cycles(graph)
    assert not found, "Modules that import each other (move what they share to a third):\n" + (
        "\n".join(" <-> ".join(group) for group in found)
    )


def test_no_module_over_400_lines() -> None:
    """One job per small module: split a big one by job, not in half."""
    big = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in _modules().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not big, f"Modules over {MAX_LINES} lines: {big}"


# Data flows one way: data is read and checked, then pages are rendered, then pages are checked.
# Earlier stages never import later ones.
LOWER = {
    "inspections.load": "reading YAML",
    "inspections.models": "the data's shape",
    "inspections.validate": "validation",
    "inspections.safety": "validation",
    "inspections.site": "loading and validation",
    "inspections.problems": "problems",
    "inspections.audiences": "audiences",
    "inspections.urls": "URL rules",
}
LATER = ("inspections.render", "inspections.pages", "inspections.page", "inspections.context")
COMMAND_LINE = ("inspections.commands", "inspections.cli", "inspections.__main__")


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("lower", sorted(LOWER))
def test_earlier_stages_never_import_rendering(graph: dict[str, set[str]], lower: str) -> None:
    bad = {
        f"{m} imports {t}"
        for m, targets in graph.items()
        if _under(m, (lower,))
        for t in targets
        if _under(t, LATER)
    }
    assert not bad, f"{LOWER[lower]} must not import rendering: {sorted(bad)}"


def test_library_never_imports_the_command_line(graph: dict[str, set[str]]) -> None:
    bad = sorted(
        f"{m} imports {t}"
        for m, targets in graph.items()
        if not _under(m, COMMAND_LINE)
        for t in targets
        if _under(t, COMMAND_LINE)
    )
    assert not bad, f"The library must not import the command line: {bad}"
