"""Reuse the previous search bundle when the pages Pagefind would read have not changed.

The key hashes everything the bundle depends on: the written pages (path and the hash of
the text: their
folded copies follow from them and from this plugin's code), the Pagefind options,
Pagefind's version and this plugin's code. An unchanged site is neither folded nor indexed.

Each bundle is kept as a folder, copied under a temporary name and renamed when complete,
and put back into the output as hard links (a 1000-item bundle is about 2,100 files:
links take milliseconds where extracting or copying took a second). Nothing writes into a
bundle after Pagefind: `bloc build` only renames the output folder and removes old ones.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from bloc_content.cachekeys import derived_key

KEEP = 2  # bundles kept: the current one and the one before (a reverted edit reuses it)
COUNTS = "counts.txt"  # pages indexed and skipped, beside the bundle's files (not published)


def _code_digest() -> str:
    """The code that makes a bundle (this plugin's build and what it imports) and Pagefind's version."""
    return derived_key(code=("bloc_search.build",), packages=("pagefind", "pagefind_bin", "cbor2"), length=64)


def bundle_key(pages: Iterable[tuple[str, str]], command: list[str]) -> str:
    """Hash of the written pages (relative path, hash of the text) and the Pagefind command options."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(command).encode())
    for relative, page_hash in pages:
        digest.update(f"\0{relative}\0{page_hash}".encode())
    return digest.hexdigest()[:32]


def _folder(cache: Path, key: str) -> Path:
    return cache / f"bundle-{key}"


def _link_tree(source: Path, target: Path, skip: str = "") -> None:
    """`target` with the files of `source` as hard links (copies across file systems)."""
    for root, _dirs, files in os.walk(source):
        here = Path(root)
        there = target / here.relative_to(source)
        there.mkdir(parents=True, exist_ok=True)
        for name in files:
            if here == source and name == skip:
                continue
            try:
                os.link(here / name, there / name)
            except OSError:
                shutil.copy2(here / name, there / name)


def restore(cache: Path | None, key: str, bundle: Path) -> tuple[int, int] | None:
    """Put the stored bundle of `key` at `bundle` and return its (pages, skipped) counts;
    None if there is none (or it is unreadable)."""
    if cache is None:
        return None
    folder = _folder(cache, key)
    try:
        pages, skipped = (int(n) for n in (folder / COUNTS).read_text(encoding="ascii").split())
    except (OSError, ValueError):
        return None
    if bundle.exists():
        shutil.rmtree(bundle)
    try:
        _link_tree(folder, bundle, skip=COUNTS)
    except OSError:
        shutil.rmtree(bundle, ignore_errors=True)
        return None
    os.utime(folder)  # recently used: kept by store()
    return pages, skipped


def store(cache: Path | None, key: str, bundle: Path, counts: tuple[int, int]) -> None:
    """Keep a copy of `bundle` and its (pages, skipped) counts under `key`; older bundles
    beyond KEEP are removed."""
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    folder = _folder(cache, key)
    temporary = folder.with_name(f"{folder.name}.tmp-{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    if bundle.is_dir():
        shutil.copytree(bundle, temporary)  # a copy: the published files stay independent
    else:
        temporary.mkdir()
    (temporary / COUNTS).write_text(f"{counts[0]} {counts[1]}", encoding="ascii")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(temporary, folder)
    _prune(cache)


def _prune(cache: Path) -> None:
    kept = sorted((p for p in cache.glob("bundle-*") if ".tmp-" not in p.name),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
    for stale in [*cache.glob("bundle-*.tmp-*"), *cache.glob("early.tmp-*")]:
        if time.time() - stale.stat().st_mtime > 3600:  # younger: another build may be writing it
            shutil.rmtree(stale, ignore_errors=True)
    for legacy in cache.glob("pagefind-*.tar.gz"):  # the archives of earlier versions
        legacy.unlink(missing_ok=True)
