"""A content-addressed cache of encoded photos: one folder per key, with a JSON manifest.

    <cache>/<key[:2]>/<key>/manifest.json
    {"key": "...", "width": 4000, "height": 3000,            # the upright source
     "renditions": [{"format": "webp", "width": 480, "height": 360, "file": "480.webp"}, ...],
     "social": {"format": "jpeg", "width": 1200, "height": 630, "file": "social.jpg"},
     "crops": [{"name": "16x9", "format": "jpeg", "width": 1200, "height": 675, "file": "16x9.jpg"}, ...]}

Other generated images (the social cards of bloc_seo) are entries whose manifest lists its
files: {"key": "...", "files": ["card.png"], ...}.

The key is the sha256 of the source bytes and of everything else the bytes depend on (the
pipeline's code, Pillow's version, the encoding settings: `PhotoSettings.fingerprint`), so
a fresh clone (new mtimes) with the cache folder restored encodes nothing. A lookup marks
the entry used; entries no build used for BLOC_CACHE_MAX_AGE_DAYS are pruned.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from bloc_content.cacheuse import mark_used

MANIFEST = "manifest.json"


def cache_key(source: bytes, fingerprint: dict[str, Any]) -> str:
    digest = hashlib.sha256(source).hexdigest()
    settings = json.dumps(fingerprint, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{digest}\n{settings}".encode()).hexdigest()


def entry_dir(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / key


def file_names(manifest: dict[str, Any]) -> list[str] | None:
    """Every file an entry holds besides its manifest; None if the manifest lacks a part."""
    if "files" in manifest:  # an entry of one or more plain files (e.g. a social card)
        files = manifest["files"]
        return list(files) if isinstance(files, list) and all(isinstance(f, str) for f in files) else None
    try:
        return ([r["file"] for r in manifest["renditions"]] + [manifest["social"]["file"]]
                + [c["file"] for c in manifest["crops"]])
    except (KeyError, TypeError):
        return None


def lookup(cache_dir: Path, key: str) -> dict[str, Any] | None:
    """The manifest of a complete entry, or None (missing, unreadable or files lost)."""
    folder = entry_dir(cache_dir, key)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("key") != key:
        return None
    names = file_names(manifest)
    if names is None or not all((folder / name).is_file() for name in names):
        return None
    mark_used(folder)
    return manifest


def store(cache_dir: Path, key: str, manifest: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
    """Write an entry atomically (a temporary folder renamed into place)."""
    folder = entry_dir(cache_dir, key)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    try:
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        manifest = {**manifest, "key": key}
        (tmp / MANIFEST).write_text(json.dumps(manifest, sort_keys=True, indent=1), encoding="utf-8")
        if folder.exists():  # a stale or partial entry, or another process won the race
            shutil.rmtree(folder, ignore_errors=True)
        try:
            os.replace(tmp, folder)
        except OSError:
            if lookup(cache_dir, key) is None:
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return manifest


def place(source: Path, target: Path, make_parent: bool = True) -> None:
    """Hard-link a cached file into the output (copy when linking is impossible);
    `make_parent=False` when the caller made the target's folder."""
    if make_parent:
        target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        if target.stat().st_size == source.stat().st_size:
            return  # names carry the content hash: same name, same bytes
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
