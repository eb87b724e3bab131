"""Reuse the previous search bundle when the pages Pagefind would read have not changed.

The key hashes everything the bundle depends on: the folded copies (path and text), the
Pagefind options, Pagefind's version and this plugin's code. The bundle is kept as one
gzip'd tar file, written under a temporary name and renamed, so a build killed while
storing it leaves no partial bundle (and `bloc build` drops damaged gzip files).
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


def bundle_key(copies: Iterable[tuple[str, str]], command: list[str]) -> str:
    """Hash of the folded copies (relative path, text) and the Pagefind command options."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(command).encode())
    for relative, text in copies:
        data = text.encode("utf-8")
        digest.update(f"\0{relative}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:32]


def _archive(cache: Path, key: str) -> Path:
    return cache / f"pagefind-{key}.tar.gz"


def restore(cache: Path | None, key: str, bundle: Path) -> bool:
    """Put the stored bundle of `key` at `bundle`; False if there is none (or it is unreadable)."""
    if cache is None or not _archive(cache, key).is_file():
        return False
    if bundle.exists():
        shutil.rmtree(bundle)
    try:
        with tarfile.open(_archive(cache, key), "r:gz") as archive:
            archive.extractall(bundle, filter="data")
    except (OSError, tarfile.TarError, EOFError):
        shutil.rmtree(bundle, ignore_errors=True)
        return False
    os.utime(_archive(cache, key))  # recently used: kept by store()
    return True


def store(cache: Path | None, key: str, bundle: Path) -> None:
    """Keep `bundle` under `key`; older bundles beyond KEEP are removed."""
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=1) as archive:
        for path in sorted(bundle.rglob("*")):
            archive.add(path, arcname=path.relative_to(bundle).as_posix(), recursive=False)
    target = _archive(cache, key)
    temporary = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    temporary.write_bytes(buffer.getvalue())
    os.replace(temporary, target)
    os.utime(target)
    olds = sorted(cache.glob("pagefind-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in olds[KEEP:]:
        old.unlink(missing_ok=True)
