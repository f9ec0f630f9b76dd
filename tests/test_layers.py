"""The package's layers: the folders show the flow (read, check, derive, audience, render,
write, engine), and no two parts import each other, directly or round about."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import generator

PACKAGE = Path(generator.__file__).parent


def _part(module: str) -> str:
    """The top-level part of `generator` a module belongs to: a sub-package or a module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _runtime_imports(tree: ast.Module) -> list[str]:
    """Modules imported when the module runs (imports only for type checkers left out)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(inner) for inner in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return [name for name in found if name.split(".")[0] == "generator"]


def _graph() -> dict[str, set[str]]:
    parts = {path.stem for path in PACKAGE.glob("*.py")} | {
        path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    edges: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        source = _part(module.removesuffix(".__init__"))
        for imported in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            target = _part(imported)
            if target in parts and target != source:
                edges[source].add(target)
    return edges


def _cycle_through(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    """A chain of imports from `start` back to itself, if there is one."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in edges.get(node, ()):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def test_no_two_parts_of_the_package_import_each_other() -> None:
    edges = _graph()
    cycles = [cycle for part in sorted(edges) if (cycle := _cycle_through(part, edges))]
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle_through("a", {"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle_through("a", {"a": {"b"}, "b": {"c"}}) is None


def test_the_flow_reads_from_the_tree() -> None:
    stages = ["read", "check", "derive", "audience", "render", "output", "engines", "cli"]
    present = {path.stem for path in PACKAGE.iterdir()}
    assert set(stages) <= present
    edges = _graph()
    # Early stages never reach for later ones.
    for early, later in [("read", "check"), ("read", "derive"), ("check", "render"),
                         ("derive", "render"), ("derive", "check"), ("render", "engines"),
                         ("output", "render"), ("emails", "render"), ("render", "cli"),
                         ("engines", "cli")]:
        assert later not in edges.get(early, set()), f"{early} imports {later}"


def test_checking_never_renders() -> None:
    edges = _graph()
    for part in ("read", "check", "derive"):
        assert not edges.get(part, set()) & {"emails", "render", "packets", "engines"}, part
