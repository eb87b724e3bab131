"""The part of every page's fingerprint that the whole site shares (no Pelican import):
the settings, the code of our plugins, the registries, the message catalogues and the
versions of the libraries that render. A change to any of them renders every page again."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from bloc_content.build_state import STATE_KEY
from bloc_content.cachekeys import code_digest, package_versions

from .digest import Digester, new_hash

STATE_SETTING = "BLOC_RENDER"  # the build's RenderState (declared in settings.py)
# Settings that name where this build writes or what reports its progress, not what it renders.
# The build's state (every article, the catalogues ...) counts through the values a page is
# rendered with, not as a setting.
VOLATILE_SETTINGS = ("OUTPUT_PATH", "CACHE_PATH", "BLOC_BUILD", STATE_SETTING, STATE_KEY)
# Libraries whose version can change what a page's bytes are.
RENDERING_PACKAGES = ("pelican", "jinja2", "markupsafe", "markdown", "babel", "pydantic", "nh3", "pyyaml",
                      "pillow", "lxml", "feedgenerator")


def files_digest(files: Iterable[tuple[str, Path]]) -> str:
    """The digest of files named as shown (their names and bytes), in the order of the names."""
    hasher = new_hash()
    for shown, path in sorted(files):
        data = path.read_bytes()
        hasher.update(b"%s\0%d\0" % (shown.encode("utf-8"), len(data)))
        hasher.update(data)
    return hasher.hexdigest()


def folder_files(root: Path, pattern: str = "*", leave_out: Iterable[str] = ()) -> list[tuple[str, Path]]:
    left = set(leave_out)
    if not root.is_dir():
        return []
    return [(path.relative_to(root).as_posix(), path) for path in root.rglob(pattern)
            if path.is_file() and path.name not in left and not path.name.startswith(".")]


def plugin_groups(plugins: Iterable[str]) -> list[tuple[str, ...]]:
    """The plugins grouped by the folder they live in (one walk of their imports per folder)."""
    groups: dict[str, list[str]] = {}
    for name in sorted(plugins):
        spec = find_spec(name)
        origin = Path(spec.origin) if spec is not None and spec.origin else None
        where = "" if origin is None else str(origin.parents[origin.name == "__init__.py"])
        groups.setdefault(where, []).append(name)
    return [tuple(names) for _where, names in sorted(groups.items())]


def plugins_code_digest(plugins: Iterable[str]) -> str:
    """The source of every plugin and of what it imports, each group followed from its folder."""
    return "".join(f"{group!r}\0{code_digest(group)}\0" for group in plugin_groups(plugins))


def site_digest(settings: Mapping[str, Any], leave_out_settings: Iterable[str], plugins: Iterable[str],
                registries: Iterable[tuple[str, Path]], catalogues: Iterable[tuple[str, Path]]) -> str:
    """Raises digest.Unstable when a setting has no stable description."""
    left = set(leave_out_settings)
    hasher = new_hash()
    Digester().feed(hasher, {key: value for key, value in settings.items() if key not in left})
    hasher.update(plugins_code_digest(plugins).encode())
    hasher.update(repr(sorted(package_versions(RENDERING_PACKAGES).items())).encode())
    hasher.update(files_digest(registries).encode())
    hasher.update(files_digest(catalogues).encode())
    return hasher.hexdigest()
