"""When a cache entry was last used, and removing the entries no build used for a while.

The record is the entry's modification time: a cache sets it when it writes an entry and
when it reads one (`mark_used`), so it survives a restored cache folder and needs no index
that two builds would have to share. An entry is renamed away before it is deleted, so a
reader finds it whole or not at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

DAY = 86_400.0
MAX_AGE_SETTING = "BLOC_CACHE_MAX_AGE_DAYS"
DEFAULT_MAX_AGE_DAYS = 30


def mark_used(path: Path) -> None:
    """Record that this build used the entry at `path` (a file or a folder)."""
    with contextlib.suppress(OSError):  # a cache that cannot be touched only costs time
        os.utime(path)


def entries(folder: Path, depth: int) -> list[Path]:
    """The entries `depth` levels below `folder` (1: its children)."""
    level = [folder]
    for _ in range(depth):
        level = [child for parent in level if parent.is_dir() and not parent.is_symlink() for child in parent.iterdir()]
    return level


def prune_unused(folder: Path, depth: int, used_before: float) -> list[Path]:
    """Remove the entries `depth` levels below `folder` last used before `used_before` (a
    time in seconds since the epoch), and the folders that leaves empty; returns them."""
    removed = []
    for entry in entries(folder, depth):
        try:
            if entry.lstat().st_mtime >= used_before:
                continue
            # Renamed first: a reader finds the whole entry or nothing, never a part of it.
            doomed = entry.with_name(f"{entry.name}.tmp-pruned-{os.getpid()}")
            os.replace(entry, doomed)
            if doomed.lstat().st_mtime >= used_before:  # another build marked it meanwhile
                os.replace(doomed, entry)
                continue
            if doomed.is_dir() and not doomed.is_symlink():
                shutil.rmtree(doomed, ignore_errors=True)
            else:
                doomed.unlink()
        except OSError:
            continue  # gone already, or in use on a system that refuses: next time
        removed.append(entry)
    for parent in {entry.parent for entry in removed if entry.parent != folder}:
        with contextlib.suppress(OSError):
            parent.rmdir()  # only when empty
    return removed


def max_age_days(settings) -> float | None:
    """BLOC_CACHE_MAX_AGE_DAYS (default 30), or None if it is not a number of days above 0."""
    value = settings.get(MAX_AGE_SETTING, DEFAULT_MAX_AGE_DAYS)
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        return None
    return float(value)
