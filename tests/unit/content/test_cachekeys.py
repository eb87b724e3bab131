"""Cache keys follow the code, settings and libraries that produce a cached value."""

from __future__ import annotations

import ast
import itertools
import subprocess
import sys

import pytest
from bloc_content.cachekeys import code_digest, derived_key, module_files, package_versions

from tests.conftest import ROOT

_names = itertools.count()


@pytest.fixture
def packages(tmp_path, monkeypatch):
    """Two packages of 'plugins' in a fresh folder, under names no other test imported."""
    n = next(_names)
    a, b = f"keys_a{n}", f"keys_b{n}"
    files = {
        f"{a}/__init__.py": "from . import glue\n",
        f"{a}/glue.py": "from .core import value\n",
        f"{a}/core.py": f"import json\nfrom . import helper\nfrom {b}.util import f\n\n"
                        f"def value():\n    from .late import g  # imported when called\n    return g()\n",
        f"{a}/helper.py": "X = 1\n",
        f"{a}/late.py": "def g():\n    return 2\n",
        f"{b}/__init__.py": "",
        f"{b}/util.py": "def f():\n    return 1\n",
        f"{b}/unused.py": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    code_digest.cache_clear()
    yield tmp_path, a, b
    code_digest.cache_clear()


def test_the_code_of_a_key_is_the_module_and_what_it_imports_of_ours(packages):
    _root, a, b = packages
    assert sorted(module_files([f"{a}.core"])) == [f"{a}.core", f"{a}.helper", f"{a}.late", f"{b}.util"]
    # `from package import module` takes the module, not the package's __init__ (and its glue)
    assert f"{a}.glue" not in module_files([f"{a}.core"])


def test_editing_an_imported_module_changes_the_key(packages):
    root, a, _b = packages
    before = derived_key(code=(f"{a}.core",))
    (root / a / "late.py").write_text("def g():\n    return 3\n", encoding="utf-8")
    code_digest.cache_clear()  # a new process: the cache describes the code a process loaded
    assert derived_key(code=(f"{a}.core",)) != before


def test_editing_a_module_it_does_not_import_keeps_the_key(packages):
    root, a, b = packages
    before = derived_key(code=(f"{a}.core",))
    (root / b / "unused.py").write_text("X = 2\n", encoding="utf-8")
    (root / a / "glue.py").write_text("from .core import value\nY = 1\n", encoding="utf-8")
    code_digest.cache_clear()
    assert derived_key(code=(f"{a}.core",)) == before


def test_settings_and_library_versions_are_part_of_the_key():
    base = derived_key(settings={"MARKDOWN": {"output_format": "html"}}, packages=("nh3",))
    assert derived_key(settings={"MARKDOWN": {"output_format": "xhtml"}}, packages=("nh3",)) != base
    assert derived_key(settings={"MARKDOWN": {"output_format": "html"}}, packages=("nh3", "lxml")) != base
    assert derived_key(settings={"MARKDOWN": {"output_format": "html"}}, packages=("nh3",)) == base
    # a library that is not installed is a difference too, not a crash
    assert derived_key(packages=("no-such-package-here",)) != derived_key()


def test_the_plugins_caches_cover_the_code_the_issue_named():
    """The content cache's HTML is sanitised by bloc_safety; the photos are encoded by process.py."""
    assert "bloc_safety.sanitize" in module_files(["bloc_content.reader"])
    assert {"bloc_photos.process", "bloc_photos.cache"} <= module_files(["bloc_photos.pipeline"]).keys()
    assert {"bloc_search.fold", "bloc_search.reproducible_bundle"} <= module_files(["bloc_search.build"]).keys()


def test_a_set_in_the_settings_gives_the_same_key_in_every_process():
    """Sets iterate in an order that changes with each process's string hashing."""
    script = "from bloc_content.cachekeys import derived_key; print(derived_key(settings={'tags': set('abcdefgh')}))"
    keys = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(keys) == 1


def _key_calls():
    """(file, packages, code) of every derived_key(...) call in the plugins, read from the source."""
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "derived_key":
                args = {k.arg: k.value for k in node.keywords}
                packages = ast.literal_eval(args["packages"]) if "packages" in args else ()
                code = args.get("code")
                yield path.relative_to(ROOT).as_posix(), packages, code


def test_every_cache_names_installed_libraries_and_real_modules():
    """A misspelt package would be 'absent' for ever and a misspelt module would hash nothing:
    the key would silently stop following them."""
    calls = list(_key_calls())
    assert len(calls) >= 6  # content, photos, search bundles, folded copies, CSP scans, templates
    for where, packages, code in calls:
        assert "absent" not in package_versions(packages).values(), where
        roots = ast.literal_eval(code) if isinstance(code, ast.Tuple) else None
        if roots:
            assert module_files(roots).keys() >= set(roots), where
