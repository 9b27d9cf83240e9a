"""The shape the code keeps (issue #13's limits, CONTRIBUTING.md's "Architecture"): small
modules, short functions, and imports that flow one way."""

from __future__ import annotations

import ast
from typing import NamedTuple

from .helpers import ROOT

PACKAGE = ROOT / "catalogue"
LONGEST_MODULE = 400
LONGEST_FUNCTION = 60


class Module(NamedTuple):
    package: str
    """The package its relative imports start from."""
    lines: int
    tree: ast.Module


def modules() -> dict[str, Module]:
    """Module name (catalogue.content.load) → the module."""
    found = {}
    for file in sorted(PACKAGE.rglob("*.py")):
        parts = file.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = name if parts[-1] == "__init__" else name.rpartition(".")[0]
        text = file.read_text(encoding="utf-8")
        found[name] = Module(package, len(text.splitlines()), ast.parse(text))
    return found


def test_no_module_is_over_400_lines_and_no_function_over_60() -> None:
    found = modules()
    long_modules = [f"{name}: {m.lines}" for name, m in found.items() if m.lines > LONGEST_MODULE]
    long_functions = [
        f"{name}.{node.name}: {length}"
        for name, module in found.items()
        for node in ast.walk(module.tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := (node.end_lineno or node.lineno) - node.lineno + 1) > LONGEST_FUNCTION
    ]
    assert long_modules == [] and long_functions == []


def imported_on_load(name: str, module: Module, known: set[str]) -> set[str]:
    """The package's modules that a module imports when it is loaded: not those it imports
    inside a function or for type checking only, which load later or never."""
    found: set[str] = set()
    for node in module.tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.package.split(".")[: len(module.package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {other for other in found if other in known and other != name}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import circle found by a walk of the graph, as the modules along it."""
    done: set[str] = set()
    found: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        for other in sorted(graph[name]):
            if other in path:
                found.append([*path[path.index(other) :], other])
            elif other not in done:
                visit(other, [*path, other])
        done.add(name)

    for start in sorted(graph):
        if start not in done:
            visit(start, [start])
    return found


def test_no_import_circle() -> None:
    found = modules()
    assert circles({name: imported_on_load(name, m, set(found)) for name, m in found.items()}) == []


def test_an_import_circle_is_found() -> None:
    """The walk finds a circle, shown on a made-up graph: the package has none to show it on."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c", "a"]]
