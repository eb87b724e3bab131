"""Start Pagefind as soon as the article pages are written, on the second core, while the
listing pages, feeds and checks are still being written.

Only pages with a search body are indexed, and only article pages have one; but whether
the early run is the right one is decided at the end, from every written page: if an
indexed page changed afterwards (the meta CSP of a published build) or a later page has a
search body, the early run is dropped and Pagefind runs again over the final pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bloc_content.written import text_digest

from .folded_page import indexed_copy
from .folded_site import Read, sync_copies


@dataclass
class EarlyRun:
    pages: dict[str, str]  # relative path -> hash of the text of the pages it folded
    indexed: int  # pages with a copy
    process: subprocess.Popen
    output: Path  # Pagefind writes the bundle here
    scratch: Path  # removed when the run is finished or cancelled (holds output, maybe the copies)


def pagefind_command(site: Path, output: Path, options: list[str]) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--silent",
            *options]


def read_pages(root: Path, bundle_dir: str) -> list[tuple[str, str]]:
    """(relative path, hash of the text) of the HTML pages written so far, outside the search
    bundle; each page is read and let go."""
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(root)
            if name.endswith(".html") and relative.parts[0] != bundle_dir:
                found.append((relative.as_posix(), text_digest(path.read_text(encoding="utf-8"))))
    return sorted(found)


def reader(root: Path) -> Read:
    """The text of a page by its path relative to `root`."""
    return lambda relative: (root / relative).read_text(encoding="utf-8")


def start(pages: list[tuple[str, str]], read: Read, options: list[str], copies: Path | None,
          scratch_in: Path | None = None) -> EarlyRun | None:
    """Fold `pages` (relative path, hash; `read` gives their texts) into `copies` (a fresh
    folder when None) and start Pagefind over them.
    Its scratch folder goes into `scratch_in` (the cache, where a killed build's leftovers
    are swept later) or the system's temporary folder."""
    if scratch_in is not None:
        scratch_in.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="early.tmp-", dir=scratch_in))
    site = copies if copies is not None else scratch / "site"
    indexed, _skipped = sync_copies(site, pages, read)
    if indexed == 0:
        shutil.rmtree(scratch, ignore_errors=True)
        return None
    output = scratch / "bundle"
    process = subprocess.Popen(pagefind_command(site, output, options), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    return EarlyRun(dict(pages), indexed, process, output, scratch)


def still_valid(run: EarlyRun, final: list[tuple[str, str]], read: Read) -> bool:
    """Would Pagefind over the final pages (relative path, hash) read exactly the copies the
    early run read?"""
    names = set()
    for relative, digest in final:
        names.add(relative)
        before = run.pages.get(relative)
        if before is None:
            text = read(relative)
            if "data-pagefind-body" in text and indexed_copy(text) is not None:  # written later, searchable
                return False
        elif before != digest:
            return False
    return names >= run.pages.keys()


def finish(run: EarlyRun) -> Path:
    """Wait for Pagefind; the folder of the bundle it wrote."""
    stdout, stderr = run.process.communicate()
    if run.process.returncode != 0:
        cancel(run)
        raise RuntimeError(f"Pagefind failed: {stderr.strip() or stdout.strip()}")
    return run.output


def cancel(run: EarlyRun | None) -> None:
    """Stop the run if it is still going; remove its scratch folder."""
    if run is None:
        return
    if run.process.returncode is None:
        if run.process.poll() is None:
            run.process.kill()
        run.process.communicate()
    shutil.rmtree(run.scratch, ignore_errors=True)


def _marker(cache: Path, early_key: str) -> Path:
    return cache / f"early-{early_key}.txt"


def expected(cache: Path | None, early_key: str) -> bool:
    """Did the last build with these article pages end with a bundle that is still stored?
    Then the end of this build will most likely reuse it: no early run."""
    if cache is None:
        return False
    try:
        key = _marker(cache, early_key).read_text(encoding="ascii").strip()
    except OSError:
        return False
    return bool(key) and (cache / f"bundle-{key}").is_dir()


def remember(cache: Path | None, early_key: str, key: str) -> None:
    """Record which bundle the build that started from these article pages ended with."""
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob("early-*.txt"):
        old.unlink(missing_ok=True)
    _marker(cache, early_key).write_text(key, encoding="ascii")
