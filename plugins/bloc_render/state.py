"""What the build knows about reused pages: the previous build's fingerprints (read from
the cache) and this build's (saved once the new site is in place). No Pelican import.

A fingerprint is only trusted with the file it describes: the record keeps each file's
inode, size and modification time as the previous build left it, so a page edited or
replaced by hand in output/ is rendered again."""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path

RECORD_VERSION = 1


@dataclass
class Entry:
    fingerprint: str
    effects: tuple = ()  # calls to replay when the page is reused (see writer.py)
    stat: tuple[int, int, int] | None = None  # inode, size, mtime_ns of the file in the output


@dataclass
class RenderState:
    """One per build: `bloc build` creates it, the writer fills it, `bloc build` saves it."""

    previous: Path  # the output/ the build will replace
    cold: bool = False  # --cold: render everything (the new record is still saved)
    # A look at some pages (the dev server's quick preview): only the pages of these templates
    # are written, none is fingerprinted or reused, and no record is kept.
    only_templates: frozenset[str] | None = None
    site: str | None = None  # the site's digest when the build started (None: render everything)
    record_path: Path | None = None
    old: dict[str, Entry] = field(default_factory=dict)
    new: dict[str, Entry] = field(default_factory=dict)
    reused: int = 0
    rendered: int = 0

    def load(self, cache_path: Path) -> None:
        name = hashlib.sha256(os.fsencode(self.previous)).hexdigest()[:16]
        self.record_path = cache_path / "bloc_render" / f"{name}.pickle.gz"
        self.old = {} if self.cold else read_record(self.record_path)

    def reusable(self, name: str, fingerprint: str) -> Entry | None:
        entry = self.old.get(name)
        if entry is None or entry.fingerprint != fingerprint or entry.stat is None:
            return None
        return entry if file_stat(self.previous / name) == entry.stat else None

    def save(self) -> None:
        """After the swap: the new site is `previous` now."""
        if self.record_path is None:
            return
        for name, entry in self.new.items():
            entry.stat = file_stat(self.previous / name)
        self.record_path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.record_path.with_name(f"{self.record_path.name}.tmp-{os.getpid()}")
        with gzip.open(temporary, "wb", compresslevel=1) as handle:
            pickle.dump({"version": RECORD_VERSION, "entries": self.new}, handle)
        os.replace(temporary, self.record_path)


def read_record(path: Path) -> dict[str, Entry]:
    """The previous build's entries; none when there is no record or it cannot be read."""
    try:
        with gzip.open(path, "rb") as handle:
            data = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != RECORD_VERSION:
        return {}
    return data["entries"]


def file_stat(path: Path) -> tuple[int, int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link the previous file into the new site (a copy across file systems)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
