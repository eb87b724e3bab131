"""Reuse the previous search bundle when the pages Pagefind would read have not changed.

The key hashes everything the bundle depends on: the written pages (path and text: their
folded copies follow from them and from this plugin's code), the Pagefind options,
Pagefind's version and this plugin's code. An unchanged site is neither folded nor indexed.
The bundle is kept as one gzip'd tar file, written under a temporary name and renamed, so
a build killed while storing it leaves no partial bundle (and `bloc build` drops damaged
gzip files).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import tarfile
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

KEEP = 2  # bundles kept: the current one and the one before (a reverted edit reuses it)


def _code_digest() -> str:
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    for package in ("pagefind", "pagefind_bin"):
        with contextlib.suppress(PackageNotFoundError):
            digest.update(version(package).encode())
    return digest.hexdigest()


COUNTS = ".bloc-search-counts"  # pages indexed and skipped, stored beside the bundle's files


def bundle_key(pages: Iterable[tuple[str, str]], command: list[str]) -> str:
    """Hash of the written pages (relative path, text) and the Pagefind command options."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(command).encode())
    for relative, text in pages:
        data = text.encode("utf-8")
        digest.update(f"\0{relative}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:32]


def _archive(cache: Path, key: str) -> Path:
    return cache / f"pagefind-{key}.tar.gz"


def restore(cache: Path | None, key: str, bundle: Path) -> tuple[int, int] | None:
    """Put the stored bundle of `key` at `bundle` and return its (pages, skipped) counts;
    None if there is none (or it is unreadable)."""
    if cache is None or not _archive(cache, key).is_file():
        return None
    if bundle.exists():
        shutil.rmtree(bundle)
    try:
        with tarfile.open(_archive(cache, key), "r:gz") as archive:
            counts = archive.extractfile(COUNTS).read().decode().split()
            files = [member for member in archive.getmembers() if member.name != COUNTS]
            archive.extractall(bundle, members=files, filter="data")
        pages, skipped = int(counts[0]), int(counts[1])
    except (OSError, tarfile.TarError, EOFError, AttributeError, KeyError, IndexError, ValueError):
        shutil.rmtree(bundle, ignore_errors=True)
        return None
    os.utime(_archive(cache, key))  # recently used: kept by store()
    return pages, skipped


def store(cache: Path | None, key: str, bundle: Path, counts: tuple[int, int]) -> None:
    """Keep `bundle` and its (pages, skipped) counts under `key`; older bundles beyond KEEP
    are removed."""
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=1) as archive:
        for path in sorted(bundle.rglob("*")):
            archive.add(path, arcname=path.relative_to(bundle).as_posix(), recursive=False)
        text = f"{counts[0]} {counts[1]}".encode()
        info = tarfile.TarInfo(COUNTS)
        info.size = len(text)
        archive.addfile(info, io.BytesIO(text))
    target = _archive(cache, key)
    temporary = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    temporary.write_bytes(buffer.getvalue())
    os.replace(temporary, target)
    os.utime(target)
    olds = sorted(cache.glob("pagefind-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in olds[KEEP:]:
        old.unlink(missing_ok=True)
