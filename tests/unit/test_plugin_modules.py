"""How the plugins' modules hang together: no import cycle, no state kept in a module.

The import graph is read from the source with `ast`, as `bloc_content.cachekeys` reads it
(imports inside functions count; imports under `if TYPE_CHECKING:` only name types).
"""

from __future__ import annotations

import ast
import collections
import importlib
import types
from pathlib import Path

import pytest
from bloc_content.cachekeys import is_type_checking_block

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"

# Module-level values that change while a process runs, each with its reason. Nothing a
# build knows belongs here: that is the build's state (bloc_content/build_state.py).
ALLOWED_STATE = {
    # Counts of work done by this process (encodes, cache hits), read as differences by the
    # tests and `make bench`; no build reads them.
    ("bloc_photos.pipeline", "STATS"): "counters",
    ("bloc_seo.social", "STATS"): "counters",
    # The language of the `bloc` command's messages: argparse's gettext is process-wide too.
    ("bloc_cli.i18n", "_current"): "the command's language",
}
MUTABLE = (dict, list, set, bytearray, collections.deque)
MUTATING_METHODS = {"append", "extend", "insert", "update", "setdefault", "pop", "popitem", "clear", "add",
                    "discard", "remove", "appendleft", "sort", "reverse"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PLUGINS.rglob("*.py")):
        parts = path.relative_to(PLUGINS).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _statements(tree: ast.AST, top_level_only: bool):
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if is_type_checking_block(node):
            todo.extend(node.orelse)
            continue
        if top_level_only and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue  # runs when called, not when the module is imported
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(node, name, None)
            if isinstance(children, list):
                todo.extend(children)


def _imports(name: str, top_level_only: bool) -> set[str]:
    """Our modules that module `name` imports (`from package import module` is that module)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _statements(ast.parse(path.read_text(encoding="utf-8")), top_level_only):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{anchor}.{module}" if module else anchor
            submodules = {f"{module}.{alias.name}" for alias in node.names} & MODULES.keys()
            out |= submodules
            if len(submodules) < len(node.names):
                out.add(module)
    return (out & MODULES.keys()) - {name}


def _with_packages(name: str, imported: set[str]) -> set[str]:
    """Importing `a.b` runs `a/__init__.py` first: an edge to every package on the way (of another plugin)."""
    out = set(imported)
    for target in imported:
        parts = target.split(".")
        if parts[0] != name.split(".")[0]:
            out.update(".".join(parts[:i]) for i in range(1, len(parts)) if ".".join(parts[:i]) in MODULES)
    return out


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_two_modules_import_each_other():
    """Wherever the import is (in a function too): a module never needs one that needs it."""
    graph = {name: _imports(name, top_level_only=False) for name in MODULES}
    assert _cycles(graph) == []


def test_importing_any_module_never_comes_back_to_itself():
    """What runs at import time, packages' `__init__` included: the order of imports never matters."""
    graph = {name: _with_packages(name, _imports(name, top_level_only=True)) for name in MODULES}
    assert _cycles(graph) == []


def _mutated_names(tree: ast.Module) -> set[str]:
    """Names changed in place inside a function (`X[k] = v`, `X.a += 1`, `X.update(...)`) or
    rebound there (`global X`)."""
    changed = set()
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
        for node in ast.walk(function):
            if isinstance(node, ast.Global):
                changed.update(node.names)
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AugAssign | ast.AnnAssign) else [])
            for target in targets:
                if isinstance(target, ast.Subscript | ast.Attribute):
                    while isinstance(target, ast.Subscript | ast.Attribute):
                        target = target.value
                    if isinstance(target, ast.Name):
                        changed.add(target.id)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in MUTATING_METHODS and isinstance(node.func.value, ast.Name)):
                changed.add(node.func.value.id)
    return changed


def _local_names(tree: ast.Module) -> set[str]:
    """Names some function binds itself (arguments, assignments): not the module's."""
    local = set()
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
        declared = {name for n in ast.walk(function) if isinstance(n, ast.Global) for name in n.names}
        local.update(a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg))
        local.update(n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
                     and n.id not in declared)
    return local


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.endswith("__main__")))
def test_no_module_keeps_state(name):
    """A build's data lives in its BuildState; a module holds constants, functions and classes."""
    module = importlib.import_module(name)
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    changed = _mutated_names(tree) - _local_names(tree)
    state = []
    for attribute, value in vars(module).items():
        if attribute.startswith("__") or (name, attribute) in ALLOWED_STATE or isinstance(
                value, types.ModuleType | type | types.FunctionType):
            continue
        # A lower-case container is state by its name; a constant's name is upper case, and
        # then it must not change either.
        if (isinstance(value, MUTABLE) and not attribute.isupper()) or attribute in changed:
            state.append(attribute)
    assert state == [], f"{name} keeps state in {state}: put it in the build's state (BuildState.part)"


def test_the_state_check_sees_state():
    tree = ast.parse("_state = {}\nX = {}\nY = 0\ndef f(out):\n    global Y\n    X['a'] = 1\n"
                     "    _state.update(a=1)\n    out['b'] = 2\n    Y = 1\n")
    assert _mutated_names(tree) - _local_names(tree) == {"X", "Y", "_state"}
