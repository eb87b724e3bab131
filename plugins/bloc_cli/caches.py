"""Where the build's caches keep their entries, and pruning them after a successful build.

docs/architecture.md has the same table with each cache's key. An entry is what a build
uses or not as a whole; `bloc_content.cacheuse` records its use in its modification time.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bloc_content.cacheuse import DAY, prune_unused
from bloc_photos.settings import from_settings as photo_settings

log = logging.getLogger(__name__)

# Modification times are at least this coarse on some file systems: an entry marked used
# in the first instant of the build may look a little older than the build.
CLOCK_SLACK = 5.0


def cache_folders(settings: dict, cache_root: Path) -> list[tuple[Path, int]]:
    """(folder, depth of its entries) of every cache, from the settings a build ran with
    (`CACHE_PATH` is then the content cache's keyed folder inside `cache_root`)."""
    content = Path(settings["CACHE_PATH"])
    project = Path(settings.get("BLOC_ROOT") or Path.cwd())
    return [
        (cache_root, 1),  # Pelican's content cache: one folder per key
        (content / "jinja", 2),  # compiled templates: <key>/<template>.gz
        (content / "bloc_search", 1),  # bundles, their markers, the folded copies and their manifest
        (content / "bloc_safety", 1),  # scans of written pages for the CSP
        (content / "bloc_render", 1),  # fingerprints of the pages, one record per output folder
        (photo_settings(settings).cache_dir(project), 2),  # encoded photos: <key[:2]>/<key>
    ]


def prune(settings: dict, cache_root: Path, max_age_days: float, started: float, now: float) -> list[Path]:
    """Remove the entries no build used in the last `max_age_days`, never one this build
    (started at `started`) used; returns what was removed."""
    used_before = min(now - max_age_days * DAY, started - CLOCK_SLACK)
    removed = []
    for folder, depth in cache_folders(settings, cache_root):
        removed += prune_unused(folder, depth, used_before)
    if removed:
        log.info("caches: removed %d entries no build used for %g days", len(removed), max_age_days)
    return removed
