"""Run Pagefind over a built site: folded copies in, one bundle per site out."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import reuse
from .indexcopy import indexed_copy
from .stable import stabilise

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchReport:
    """What was indexed: pages per `<html lang>` as Pagefind saw them."""

    pages: int
    skipped: int
    bundle: Path


def page_url(relative: Path) -> str:
    """Site-root URL of a written page: pretty URLs drop `index.html`."""
    url = "/" + relative.as_posix()
    return url[: -len("index.html")] if url.endswith("/index.html") else url


def html_files(root: Path, bundle_dir: str) -> Iterable[Path]:
    """Every HTML page of the site, in a stable order, outside the search bundle."""
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root)
        if relative.parts[0] != bundle_dir:
            yield path


def _index(root: Path, bundle_dir: str, config: dict, cache: Path | None = None) -> SearchReport:
    """Reuse the stored bundle when no page changed; else fold every page, write the copies
    into a scratch folder and run Pagefind once over it (one process over files is much
    faster than feeding pages one by one through its API)."""
    bundle = root / bundle_dir
    pages = [(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"))
             for path in html_files(root, bundle_dir)]
    options: list[str] = []
    for option, value in sorted(config.items()):
        options += [f"--{option.replace('_', '-')}", str(value)]
    key = reuse.bundle_key(pages, options)
    counts = reuse.restore(cache, key, bundle)
    if counts is None:
        copies = [(relative, copy) for relative, page in pages if (copy := indexed_copy(page)) is not None]
        counts = (len(copies), len(pages) - len(copies))
        _run_pagefind(copies, bundle, options)
        reuse.store(cache, key, bundle, counts)
    return SearchReport(pages=counts[0], skipped=counts[1], bundle=bundle)


def _run_pagefind(copies: list[tuple[str, str]], bundle: Path, options: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="bloc-search-") as scratch:
        for relative, copy in copies:
            target = Path(scratch) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")
        if bundle.exists():
            shutil.rmtree(bundle)
        if not copies:  # a site with no items yet: nothing to index, no bundle
            return
        command = [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(bundle), "--silent",
                   *options]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"Pagefind failed: {done.stderr.strip() or done.stdout.strip()}")
    remove_default_ui(bundle)
    stabilise(bundle)


# Pagefind's own search interfaces; theme/static/js/search.js uses only pagefind.js.
DEFAULT_UI = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def remove_default_ui(bundle: Path) -> None:
    """Drop the bundle's unused UI files (about 400 KB) from the published site."""
    for pattern in DEFAULT_UI:
        for path in bundle.glob(pattern):
            path.unlink()


def build_index(root: Path, bundle_dir: str = "pagefind", config: dict | None = None,
                cache: Path | None = None) -> SearchReport:
    """Index every page of `root` that has `data-pagefind-body`; write `root/bundle_dir`.
    With a `cache` folder, an unchanged site reuses the bundle stored there."""
    return _index(root, bundle_dir, config or {}, cache)
