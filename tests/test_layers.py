"""The package's layering, read from its import statements (module level and inside
functions alike): no cycle between its parts, and the cleaning library free of Scrapy."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import newscrawl

ROOT = Path(newscrawl.__file__).parent


def _imports(path: Path) -> set[str]:
    """Absolute names of every module `path` imports."""
    module = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module[:-9]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join(base + ([node.module] if node.module else [])))
            else:
                found.add(node.module or "")
    return found


def _part(module: str) -> str:
    """newscrawl.pipelines.stage -> pipelines; newscrawl.urls -> urls."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def part_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in ROOT.rglob("*.py"):
        here = _part(".".join(path.relative_to(ROOT.parent).with_suffix("").parts))
        for name in _imports(path):
            if name.startswith("newscrawl.") and _part(name) != here:
                graph[here].add(_part(name))
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None


def test_no_import_cycle_between_the_packages_parts():
    graph = part_graph()
    assert "state" in graph["pipelines"]  # the graph is read at all
    assert find_cycle(graph) is None


def test_the_cleaning_library_imports_no_scrapy():
    offenders = sorted(
        str(path.relative_to(ROOT)) for path in (ROOT / "clean").rglob("*.py")
        if any(name.split(".")[0] in ("scrapy", "twisted", "itemadapter")
               for name in _imports(path)))
    assert offenders == []
