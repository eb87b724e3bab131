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


def _index(root: Path, bundle_dir: str, config: dict) -> SearchReport:
    """Write the folded copies into a scratch folder, then run Pagefind once over it: one
    process over files is much faster than feeding pages one by one through its API."""
    pages = skipped = 0
    bundle = root / bundle_dir
    with tempfile.TemporaryDirectory(prefix="bloc-search-") as scratch:
        for path in html_files(root, bundle_dir):
            copy = indexed_copy(path.read_text(encoding="utf-8"))
            if copy is None:
                skipped += 1
                continue
            target = Path(scratch) / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")
            pages += 1
        if bundle.exists():
            shutil.rmtree(bundle)
        command = [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(bundle), "--silent"]
        for option, value in sorted(config.items()):
            command += [f"--{option.replace('_', '-')}", str(value)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"Pagefind failed: {done.stderr.strip() or done.stdout.strip()}")
    remove_default_ui(bundle)
    stabilise(bundle)
    return SearchReport(pages=pages, skipped=skipped, bundle=bundle)


# Pagefind's own search interfaces; theme/static/js/search.js uses only pagefind.js.
DEFAULT_UI = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def remove_default_ui(bundle: Path) -> None:
    """Drop the bundle's unused UI files (about 400 KB) from the published site."""
    for pattern in DEFAULT_UI:
        for path in bundle.glob(pattern):
            path.unlink()


def build_index(root: Path, bundle_dir: str = "pagefind", config: dict | None = None) -> SearchReport:
    """Index every page of `root` that has `data-pagefind-body`; write `root/bundle_dir`."""
    return _index(root, bundle_dir, config or {})
