"""Run Pagefind over a built site: folded copies in, one bundle per site out."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bloc_content.written import WrittenPages

from . import bundle_cache, pagefind_run
from .folded_site import sync_copies
from .reproducible_bundle import stabilise

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchReport:
    """What was indexed: pages per `<html lang>` as Pagefind saw them."""

    pages: int
    skipped: int
    bundle: Path
    key: str = ""  # of the stored bundle


def page_url(relative: Path) -> str:
    """Site-root URL of a written page: pretty URLs drop `index.html`."""
    url = "/" + relative.as_posix()
    return url[: -len("index.html")] if url.endswith("/index.html") else url


def html_files(root: Path, bundle_dir: str, written: WrittenPages) -> Iterable[tuple[Path, str]]:
    """Every HTML page of the site (path, hash of its text), in a stable order, outside the
    search bundle."""
    for path in written.written_pages(root):
        if path.relative_to(root).parts[0] != bundle_dir:
            yield path, written.page_digest(path)


Progress = Callable[[int, str], None]  # (pages done, 'unchanged' or 'changed')
StartProgress = Callable[[int], Progress]  # called with the number of pages


def _index(root: Path, bundle_dir: str, config: dict, cache: Path | None = None,
           started: pagefind_run.EarlyRun | None = None, start_progress: StartProgress | None = None,
           written: WrittenPages | None = None) -> SearchReport:
    """Reuse the stored bundle when no page changed; else use the Pagefind run `started`
    early if it read the right copies, or bring the folded copies up to date and run
    Pagefind once over them (one process over files is much faster than feeding pages one
    by one through its API)."""
    bundle = root / bundle_dir
    written = WrittenPages() if written is None else written
    pages = [(path.relative_to(root).as_posix(), digest) for path, digest in html_files(root, bundle_dir, written)]
    written.forget()  # the last step that reads the written pages
    read = pagefind_run.reader(root)
    progress = start_progress(len(pages)) if start_progress else (lambda _n, _kind: None)
    options = pagefind_options(config)
    key = bundle_cache.bundle_key(pages, options)
    counts = bundle_cache.restore(cache, key, bundle)
    if counts is not None:
        pagefind_run.cancel(started)
        progress(len(pages), "unchanged")
        return SearchReport(pages=counts[0], skipped=counts[1], bundle=bundle, key=key)
    if started is not None and pagefind_run.still_valid(started, pages, read):
        finished = pagefind_run.finish(started)
        progress(len(pages), "changed")
        if bundle.exists():
            shutil.rmtree(bundle)
        shutil.move(finished, bundle)
        pagefind_run.cancel(started)  # only removes its scratch folder now
        remove_default_ui(bundle)
        stabilise(bundle)
        counts = (started.indexed, len(pages) - started.indexed)
        bundle_cache.store(cache, key, bundle, counts)
        return SearchReport(pages=counts[0], skipped=counts[1], bundle=bundle, key=key)
    pagefind_run.cancel(started)
    if cache is None:
        with tempfile.TemporaryDirectory(prefix="bloc-search-") as scratch:
            counts = _run_pagefind(Path(scratch) / "site", pages, read, bundle, options, progress)
    else:
        counts = _run_pagefind(cache / "site", pages, read, bundle, options, progress)
        bundle_cache.store(cache, key, bundle, counts)
    return SearchReport(pages=counts[0], skipped=counts[1], bundle=bundle, key=key)


def pagefind_options(config: dict) -> list[str]:
    options: list[str] = []
    for option, value in sorted(config.items()):
        options += [f"--{option.replace('_', '-')}", str(value)]
    return options


def _run_pagefind(site: Path, pages: list[tuple[str, str]], read: Callable[[str], str], bundle: Path,
                  options: list[str], progress: Progress) -> tuple[int, int]:
    counts = sync_copies(site, pages, read, progress)
    if bundle.exists():
        shutil.rmtree(bundle)
    if counts[0] == 0:  # a site with no items yet: nothing to index, no bundle
        return counts
    done = subprocess.run(pagefind_run.pagefind_command(site, bundle, options), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind failed: {done.stderr.strip() or done.stdout.strip()}")
    remove_default_ui(bundle)
    stabilise(bundle)
    return counts


# Pagefind's own search interfaces; theme/static/js/search.js uses only pagefind.js.
DEFAULT_UI = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def remove_default_ui(bundle: Path) -> None:
    """Drop the bundle's unused UI files (about 400 KB) from the published site."""
    for pattern in DEFAULT_UI:
        for path in bundle.glob(pattern):
            path.unlink()


def build_index(root: Path, bundle_dir: str = "pagefind", config: dict | None = None,
                cache: Path | None = None, started: pagefind_run.EarlyRun | None = None,
                start_progress: StartProgress | None = None, written: WrittenPages | None = None) -> SearchReport:
    """Index every page of `root` that has `data-pagefind-body`; write `root/bundle_dir`.
    With a `cache` folder, an unchanged site reuses the bundle stored there.
    `start_progress(pages)` returns what hears of each page as it is folded for Pagefind;
    `written` holds the pages the build's other steps read already (else they are read here)."""
    return _index(root, bundle_dir, config or {}, cache, started, start_progress, written)
