"""Cache keys derived from what produced the cached value, never bumped by hand.

A key hashes three things: the source of the modules that compute the value (followed
through their imports, as far as they stay among our plugins: a module they start to
import joins the key by itself), the settings those modules read, and the versions of the
libraries they call. Every cache of the build is keyed this way (docs/architecture.md
lists them), so there is one way of invalidating one.
"""

from __future__ import annotations

import ast
import hashlib
import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# This helper and the use record describe keys, not cached values: a change to them must
# not re-encode every photo.
KEY_MODULES = frozenset({__name__, f"{__name__.rpartition('.')[0]}.cacheuse"})


def _file_of(base: Path, name: str) -> Path | None:
    """The source file of module `name` under `base` (a package's `__init__.py`), if any."""
    path = base.joinpath(*name.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _statements(tree: ast.AST):
    """Every statement, however nested (imports in functions and `try` too), without walking
    the expressions: ast.walk over every node took most of the time of a key."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if is_type_checking_block(node):
            todo.extend(node.orelse)  # the body imports for type annotations only: it computes nothing
            continue
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(node, name, None)
            if isinstance(children, list):
                todo.extend(children)


def is_type_checking_block(node: ast.AST) -> bool:
    """`if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`)."""
    test = getattr(node, "test", None) if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported(source: str, name: str, is_package: bool) -> list[tuple[str, list[str]]]:
    """What a module's source imports: (module, names taken from it), relative ones resolved."""
    package = name if is_package else name.rpartition(".")[0]
    found: list[tuple[str, list[str]]] = []
    for node in _statements(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{anchor}.{module}" if module else anchor
            found.append((module, [alias.name for alias in node.names]))
    return found


def module_files(roots: Iterable[str]) -> dict[str, Path]:
    """{module name: source file} of the modules `roots` and of every module they import,
    directly or not, from the folder the first root lives in (our plugins, not libraries)."""
    roots = list(roots)
    if not roots:
        return {}
    spec = find_spec(roots[0])
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(roots[0])
    origin = Path(spec.origin)
    base = origin.parents[len(roots[0].split(".")) - 1 + (origin.name == "__init__.py")]
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        path = None if name in seen or name in KEY_MODULES else _file_of(base, name)
        if path is None:
            continue  # seen, or a library
        seen[name] = path
        for module, names in _imported(path.read_text(encoding="utf-8"), name, path.name == "__init__.py"):
            # `from package import module` uses that module, not the package's __init__
            submodules = [f"{module}.{n}" for n in names if _file_of(base, f"{module}.{n}")]
            todo.extend(submodules)
            if len(submodules) < len(names) or not names:
                todo.append(module)
    return seen


@cache  # per process: the key describes the code this process loaded, which does not change under it
def code_digest(roots: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name, path in sorted(module_files(roots).items()):
        data = path.read_bytes()
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


@cache  # per process, like the code: the photo cache asks once per photo
def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"  # that is a difference too


def package_versions(names: Iterable[str]) -> dict[str, str]:
    """{package: installed version}."""
    return {name: _version(name) for name in names}


def _plain(value: Any) -> Any:
    """A value JSON has no type for, in an order that does not change between processes."""
    if isinstance(value, set | frozenset):
        return sorted(repr(item) for item in value)
    return repr(value)


def derived_key(code: Iterable[str] = (), settings: Mapping[str, Any] | None = None,
                packages: Iterable[str] = (), length: int = 16) -> str:
    """A hex key of `length` characters over the source of the `code` modules (and what they
    import of ours), the `settings` values and the installed versions of `packages`."""
    payload = json.dumps(
        {"code": code_digest(tuple(code)), "settings": settings or {}, "packages": package_versions(packages)},
        sort_keys=True, default=_plain, ensure_ascii=True,
    )
    return hashlib.sha256(payload.encode("ascii")).hexdigest()[:length]
