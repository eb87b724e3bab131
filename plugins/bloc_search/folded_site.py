"""The folder of folded copies that Pagefind reads, kept between builds: after an edit only
the pages that changed are folded and written again (folding and writing every page cost
as much as Pagefind itself on a 1000-item site).

A manifest beside the folder records, per page, the hash of the written page and whether
it has a copy. It is removed before the folder is touched and written back once the folder
is complete, so a build killed half-way leaves no manifest and the next one starts afresh.
"""

from __future__ import annotations

import gzip
import os
import pickle
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path

from bloc_content.cachekeys import derived_key
from bloc_content.cacheuse import mark_used

from .folded_page import indexed_copy

_Manifest = dict[str, tuple[str, bool]]  # relative path -> (hash of the page, has a copy)
Read = Callable[[str], str]  # relative path -> the page's text


def _code_version() -> str:
    """Copies depend on the folding code too: a change to it folds every page again."""
    return derived_key(code=("bloc_search.folded_page",), length=64)


def _manifest_path(folder: Path) -> Path:
    return folder.with_name(f"{folder.name}.manifest.gz")


def _load(folder: Path, version: str) -> _Manifest:
    try:
        stored = pickle.loads(gzip.decompress(_manifest_path(folder).read_bytes()))
    except (OSError, EOFError, zlib.error, pickle.UnpicklingError, AttributeError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("version") != version or not folder.is_dir():
        return {}
    return stored.get("pages", {})


def _save(folder: Path, version: str, pages: _Manifest) -> None:
    path = _manifest_path(folder)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    temporary.write_bytes(gzip.compress(pickle.dumps({"version": version, "pages": pages}), compresslevel=1, mtime=0))
    os.replace(temporary, path)


def sync_copies(folder: Path, pages: list[tuple[str, str]], read: Read,
                progress: Callable[[int, str], None] | None = None) -> tuple[int, int]:
    """Make `folder` hold the folded copy of each page (relative path, hash of its text)
    that has a search body, and nothing else; `read` gives the text of a page that changed,
    one at a time. Returns (pages with a copy, pages without). `progress` hears of each
    page: 'unchanged' (its copy kept) or 'changed' (folded again)."""
    progress = progress or (lambda _n, _kind: None)
    version = _code_version()
    old = _load(folder, version)
    _manifest_path(folder).unlink(missing_ok=True)
    if not old and folder.exists():
        shutil.rmtree(folder)  # unknown contents: start from an empty folder
    new: _Manifest = {}
    for relative, digest in pages:
        if old.get(relative, ("", False))[0] == digest:
            new[relative] = old[relative]
            progress(1, "unchanged")
            continue
        progress(1, "changed")
        copy = indexed_copy(read(relative))
        target = folder / relative
        if copy is None:
            target.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")
        new[relative] = (digest, copy is not None)
    for relative in old.keys() - new.keys():
        (folder / relative).unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    mark_used(folder)
    _save(folder, version, new)
    indexed = sum(1 for _, has_copy in new.values() if has_copy)
    return indexed, len(new) - indexed
