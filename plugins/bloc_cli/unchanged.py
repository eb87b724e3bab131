"""`bloc build` when nothing it is made from changed: the previous site is the answer.

A build's inputs are its settings (as evaluated, after the command's options), the code of
its plugins, the installed libraries, every file under the content, the theme, the plugin
folders and any other path a setting names, SOURCE_DATE_EPOCH, and the time: an embargo that
ends changes the site. After a successful build, the digest of its inputs (taken when it
started) is recorded with every file of the output it left (inode, size, time), the first
moment an embargo ends, and what it reported. A later build with the same inputs, before
that moment, into an output exactly as that build left it, reports the same and writes
nothing. Anything else, or `--cold`, builds.

No Pelican import: the settings come in as a mapping.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import pickle
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import distributions
from pathlib import Path
from typing import Any

from bloc_render.site import VOLATILE_SETTINGS as SITE_VOLATILE_SETTINGS

from .quick_preview import SOURCES_SETTING

RECORD_VERSION = 1
# Files a build or Python itself writes beside the sources: not inputs.
WRITTEN_BY_BUILDS = (".pyc", ".mo")
SKIPPED_FOLDERS = ("__pycache__",)
MAX_INPUT_FILES = 200_000  # a setting naming a huge folder: build, do not walk it
# Where a build writes or reports progress: not what it is made from (bloc_render leaves
# the same out of the site's digest), and the photo cache.
VOLATILE_SETTINGS = (*SITE_VOLATILE_SETTINGS, SOURCES_SETTING, "BLOC_PHOTOS_CACHE")


class NotDescribable(Exception):
    """An input the digest cannot describe: build, as if it had changed."""


@dataclass
class Record:
    inputs: str
    output: dict[str, tuple[int, int, int]]  # relative path -> inode, size, mtime_ns
    valid_until: dt.datetime | None  # the first moment an embargo ends, if any
    found: list = field(default_factory=list)  # the problems the build reported (it succeeded: warnings)
    counts: dict[str, int] = field(default_factory=dict)  # what the summary counts (items, photos)
    pages: int = 0  # HTML pages of the output
    fingerprinted: int = 0  # pages bloc_render recorded: all reused, none rendered
    page_sources: dict[str, str] = field(default_factory=dict)  # article page -> item file, if asked (dev server)


def tree_stats(root: Path, skip: Iterable[Path] = ()) -> dict[str, tuple[int, int, int]]:
    """Every file under `root` (not following links into other folders), by relative path."""
    skipped = {str(p) for p in skip}
    out: dict[str, tuple[int, int, int]] = {}
    start = len(str(root)) + 1
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIPPED_FOLDERS and os.path.join(folder, d) not in skipped]
        for name in names:
            if name.endswith(WRITTEN_BY_BUILDS) or ".tmp-" in name:
                continue
            path = os.path.join(folder, name)
            try:
                found = os.stat(path)
            except OSError:
                continue  # removed while we walked
            out[path[start:]] = (found.st_ino, found.st_size, found.st_mtime_ns)
            if len(out) > MAX_INPUT_FILES:
                raise NotDescribable(f"more than {MAX_INPUT_FILES} files under {root}")
    return out


def named_paths(settings: Mapping[str, Any], leave_out: Iterable[Path]) -> list[Path]:
    """The existing files and folders the settings name (by an absolute path, or a relative one
    with a folder in it), other than where the build writes."""
    left = [p.resolve() for p in leave_out]
    found: set[Path] = set()

    def visit(value: Any) -> None:
        if isinstance(value, str | os.PathLike):
            text = os.fspath(value)
            if text and (os.path.isabs(text) or os.sep in text) and "\n" not in text and len(text) < 4096:
                path = Path(text).resolve()
                if path.exists() and not any(path == p or path.is_relative_to(p) for p in left) and \
                        not Path.cwd().resolve().is_relative_to(path):  # never the project or above it
                    found.add(path)
        elif isinstance(value, Mapping):
            for item in value.values():
                visit(item)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                visit(item)

    for key, value in settings.items():
        if key not in VOLATILE_SETTINGS:
            visit(value)
    return sorted(found)


def inputs_listing(settings: Mapping[str, Any], describe, code: str, environ: Mapping[str, str]) -> dict:
    """What a build is made from, as a listing that digest() turns into the record's key.
    `describe(value) -> str` gives the digest of the settings' values (bloc_render's Digester:
    raises when one has no stable description); `code` is the digest of the plugins' code."""
    described = {key: value for key, value in settings.items() if key not in VOLATILE_SETTINGS}
    try:
        settings_digest = describe(described)
    except Exception as exc:
        raise NotDescribable(str(exc)) from None
    listing: dict[str, Any] = {
        "settings": settings_digest, "code": code, "python": sys.version,
        "distributions": sorted((d.metadata["Name"] or "", d.version) for d in distributions()),
        "SOURCE_DATE_EPOCH": environ.get("SOURCE_DATE_EPOCH", ""),
    }
    writes = [Path(settings["OUTPUT_PATH"]), Path(settings["CACHE_PATH"])]
    writes += [Path(settings[key]) for key in ("BLOC_PHOTOS_CACHE",) if settings.get(key)]
    for root in named_paths(settings, writes):
        if root.is_dir():
            listing[str(root)] = tree_stats(root, skip=[p.resolve() for p in writes])
        else:
            found = root.stat()
            listing[str(root)] = {"": (found.st_ino, found.st_size, found.st_mtime_ns)}
    return listing


def restated(listing: dict, path: Path) -> dict:
    """The listing with one file's entry as the file is now: a file the build itself rewrote
    (the record of published URLs), which the next build reads as this one left it."""
    path = path.resolve()
    out = dict(listing)
    for root, stats in listing.items():
        if isinstance(stats, dict) and path.is_relative_to(root):
            relative = "" if path == Path(root) else path.relative_to(root).as_posix()  # "": a file a setting names
            stats = dict(stats)
            try:
                found = path.stat()
                stats[relative] = (found.st_ino, found.st_size, found.st_mtime_ns)
            except OSError:
                stats.pop(relative, None)
            out[root] = stats
    return out


def digest(listing: dict) -> str:
    hasher = hashlib.sha256()
    for key in sorted(listing):
        value = listing[key]
        shown = sorted(value.items()) if isinstance(value, dict) else value
        hasher.update(b"%s\0%s\0" % (key.encode("utf-8", "surrogateescape"), repr(shown).encode("utf-8", "surrogateescape")))
    return hasher.hexdigest()


def still_current(record: Record | None, inputs: str, output: Path, now: dt.datetime) -> bool:
    if record is None or record.inputs != inputs:
        return False
    if record.valid_until is not None and now >= record.valid_until:
        return False
    try:
        return output.is_dir() and tree_stats(output) == record.output
    except NotDescribable:
        return False


def record_path(cache: Path, output: Path) -> Path:
    name = hashlib.sha256(os.fsencode(output.resolve())).hexdigest()[:16]
    return cache / f"unchanged-{name}.pickle.gz"  # a file beside the content cache's keyed folders


def load(path: Path) -> Record | None:
    try:
        with gzip.open(path, "rb") as handle:
            data = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("version") != RECORD_VERSION or not isinstance(data.get("record"), Record):
        return None
    return data["record"]


def save(path: Path, record: Record | None) -> None:
    """Write the record (or remove it: None), in one step."""
    if record is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        with gzip.open(temporary, "wb", compresslevel=1) as handle:
            pickle.dump({"version": RECORD_VERSION, "record": record}, handle)
    except (pickle.PicklingError, TypeError, AttributeError):
        temporary.unlink(missing_ok=True)
        path.unlink(missing_ok=True)  # what it reported cannot be kept: the next build builds
        return
    os.replace(temporary, path)
