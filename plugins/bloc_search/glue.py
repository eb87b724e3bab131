"""Pelican glue: start Pagefind once the article pages are written, finish the search index
over the written site at `finalized`."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bloc_content.build_state import build_state
from bloc_content.plugin_settings import apply
from pelican import signals

from . import pagefind_run
from .build import build_index, pagefind_options
from .bundle_cache import bundle_key
from .pagefind_run import EarlyRun
from .settings import SETTINGS

log = logging.getLogger(__name__)


def initialized(pelican) -> None:
    apply(pelican.settings, SETTINGS, pelican.settings.get("BLOC_ROOT"))


@dataclass(eq=False)
class SearchRun:
    """This build's search work, kept in its state: the Pagefind run started once the article
    pages were written, and the key of the pages it read."""

    started: EarlyRun | None = None
    pages_key: str = ""


def _cache(settings) -> Path | None:
    return Path(settings["CACHE_PATH"]) / "bloc_search" if settings.get("CACHE_CONTENT") else None


def articles_written(generator, writer=None) -> None:
    """Article pages are the only ones with a search body: index them on the other core
    while the rest of the site is written (checked against the final pages at the end)."""
    settings = generator.settings
    run = build_state(settings).part(SearchRun)
    pagefind_run.cancel(run.started)
    run.started, run.pages_key = None, ""
    if not settings.get("BLOC_SEARCH_ENABLED", True):
        return
    bundle_dir = settings["BLOC_SEARCH_BUNDLE_DIR"]
    options = pagefind_options(settings.get("BLOC_SEARCH_PAGEFIND", {}))
    pages = pagefind_run.read_pages(Path(generator.output_path), bundle_dir)
    cache = _cache(settings)
    run.pages_key = bundle_key(pages, options)
    if not pagefind_run.expected(cache, run.pages_key):
        run.started = pagefind_run.start(pages, pagefind_run.reader(Path(generator.output_path)), options,
                                         cache / "site" if cache else None, cache)


def finalized(pelican) -> None:
    settings = pelican.settings
    state = build_state(settings)
    run = state.part(SearchRun)
    started, run.started = run.started, None
    if not settings.get("BLOC_SEARCH_ENABLED", True):
        pagefind_run.cancel(started)
        return
    root = Path(settings["OUTPUT_PATH"])
    cache = _cache(settings)
    build = settings.get("BLOC_BUILD")  # `bloc build`'s progress bars and counts; None under plain Pelican
    report = build_index(
        root,
        settings["BLOC_SEARCH_BUNDLE_DIR"],
        settings.get("BLOC_SEARCH_PAGEFIND", {}),
        cache,
        started,
        (lambda pages: build.task("search", total=pages).advance) if build is not None else None,
        state.written,
    )
    if report.key:
        pagefind_run.remember(cache, run.pages_key, report.key)
    log.info("bloc_search: indexed %d pages (%d without a search body) into %s",
             report.pages, report.skipped, report.bundle)


def register() -> None:
    signals.initialized.connect(initialized)
    signals.article_writer_finalized.connect(articles_written)
    signals.finalized.connect(finalized)
