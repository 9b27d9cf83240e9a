"""The shape the code keeps (issue #13's limits, CONTRIBUTING.md's "Architecture"): small
modules, short functions, imports that flow one way, and no state kept in a module."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest

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


MUTATORS = frozenset(
    {"append", "extend", "insert", "add", "update", "setdefault", "pop", "popitem", "clear", "remove"}
)
"""Methods that change a list, a dict or a set in place."""


def by_line(place: str) -> int:
    """The line of a place given as 'line: what'."""
    return int(place.split(":")[0])


def state_changes(tree: ast.Module) -> list[str]:
    """Where a function changes what its module holds: a `global` statement, or a name bound
    at the module's top level assigned into (`_SEEN[key] = …`), deleted from, or changed by a
    method (`_SEEN.add(…)`), each as 'line: name'."""
    top_level = {
        target.id
        for statement in tree.body
        if isinstance(statement, ast.Assign | ast.AnnAssign)
        for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
        if isinstance(target, ast.Name)
    }
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        for node in ast.walk(function):
            changed: ast.expr | None = None
            if isinstance(node, ast.Global):
                found += [f"{node.lineno}: global {name}" for name in node.names]
            elif isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load):
                changed = node.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                changed = node.func.value if node.func.attr in MUTATORS else None
            if isinstance(changed, ast.Name) and changed.id in top_level:
                found.append(f"{getattr(node, 'lineno', 0)}: {changed.id}")
    return sorted(set(found), key=by_line)


def test_no_function_changes_what_its_module_holds() -> None:
    """No module-level mutable state (issue #13): what a build knows is passed to it, so two
    builds in one process (`serve`, the tests) cannot see each other's data."""
    changes = {name: found for name, module in modules().items() if (found := state_changes(module.tree))}
    assert changes == {}


def test_a_change_to_what_a_module_holds_is_found() -> None:
    """The walk finds each kind of change, shown on made-up code: the package has none."""
    code = """
_SEEN = set()
_BY_KEY: dict[str, int] = {}
COUNT = 0
LIMIT = 3

def remember(key, value, local):
    global COUNT
    _SEEN.add(key)
    _BY_KEY[key] = value
    del _BY_KEY["old"]
    local.add(key)
    local[key] = LIMIT
    return _BY_KEY.get(key)
"""
    assert state_changes(ast.parse(code)) == ["8: global COUNT", "9: _SEEN", "10: _BY_KEY", "11: _BY_KEY"]


PUBLIC_DESPITE_THE_UNDERSCORE = frozenset({"os._exit"})
"""Documented names that start with an underscore."""


def private_uses(tree: ast.Module) -> list[str]:
    """Where a module reaches into another package's private names: `re._parser`,
    `from markdown.util import _private`, each as 'line: name' (its own package's, and a
    named tuple's `_replace`, are not counted)."""
    libraries = {
        (alias.asname or alias.name).split(".")[0]: alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level:
            found += [f"{node.lineno}: {node.module}.{a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _private(node.attr):
            name = f"{libraries.get(node.value.id)}.{node.attr}"
            if node.value.id in libraries and name not in PUBLIC_DESPITE_THE_UNDERSCORE:
                found.append(f"{node.lineno}: {name}")
    return sorted(found, key=by_line)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_uses_another_packages_private_names() -> None:
    """No patching of a library's private internals (issue #13): a library's next release may
    change what it does not document."""
    uses = {name: found for name, module in modules().items() if (found := private_uses(module.tree))}
    assert uses == {}


def test_a_use_of_a_private_name_is_found() -> None:
    code = """
import os
import re
import markdown.util as mu
from markdown.util import _private, public
from . import _ours

def convert(record):
    os._exit(0)
    re._parser.parse("x")
    mu._thing = 1
    return record._replace(x=1)
"""
    assert private_uses(ast.parse(code)) == [
        "5: markdown.util._private",
        "10: re._parser",
        "11: markdown.util._thing",
    ]


@pytest.mark.slow
def test_the_package_that_deploy_installs_has_every_module(tmp_path: Path) -> None:
    """The deploy workflow installs the package (`pip install .`): its wheel holds every file
    of `catalogue/`, the subpackages' too, not only the top package's."""
    source = tmp_path / "source"
    shutil.copytree(PACKAGE, source / "catalogue", ignore=shutil.ignore_patterns("__pycache__"))
    files = {path.relative_to(source).as_posix() for path in source.rglob("*") if path.is_file()}
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels)]
    subprocess.run([*pip_wheel, str(source)], check=True, capture_output=True)
    (wheel,) = wheels.glob("*.whl")
    with zipfile.ZipFile(wheel) as packed:
        modules = {name for name in packed.namelist() if name.startswith("catalogue/")}
    assert modules == files
