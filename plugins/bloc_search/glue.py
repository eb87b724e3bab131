"""Pelican glue: build the search index over the written site at `finalized`."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .build import build_index

log = logging.getLogger(__name__)

DEFAULTS = {
    "BLOC_SEARCH_ENABLED": True,
    # Folder of the bundle inside the output; search.js reads it from the search page.
    "BLOC_SEARCH_BUNDLE_DIR": "pagefind",
    # Extra Pagefind indexing options (exclude_selectors, ...), passed through as given.
    "BLOC_SEARCH_PAGEFIND": {},
}


def initialized(pelican) -> None:
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    unknown = sorted(k for k in pelican.settings if k.startswith("BLOC_SEARCH_") and k not in DEFAULTS)
    if unknown:
        log.error("bloc_search: unknown setting(s) %s (known: %s)", ", ".join(unknown), ", ".join(DEFAULTS))


def finalized(pelican) -> None:
    settings = pelican.settings
    if not settings.get("BLOC_SEARCH_ENABLED", True):
        return
    root = Path(settings["OUTPUT_PATH"])
    report = build_index(
        root,
        settings.get("BLOC_SEARCH_BUNDLE_DIR", DEFAULTS["BLOC_SEARCH_BUNDLE_DIR"]),
        settings.get("BLOC_SEARCH_PAGEFIND", {}),
        Path(settings["CACHE_PATH"]) / "bloc_search" if settings.get("CACHE_CONTENT") else None,
    )
    log.info("bloc_search: indexed %d pages (%d without a search body) into %s",
             report.pages, report.skipped, report.bundle)


def register() -> None:
    signals.initialized.connect(initialized)
    signals.finalized.connect(finalized)
