"""Process photos through the cache: encode what is missing (in parallel), publish the rest."""

from __future__ import annotations

import logging
import os
import re
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bloc_content.diagnostics import t

from . import cache, process
from .errors import PhotoError
from .settings import PhotoSettings

log = logging.getLogger(__name__)

# Counts of this process's work: tests assert STATS["encodes"] == 0 on a warm cache.
STATS: Counter[str] = Counter()
_EXT = {"webp": "webp", "jpeg": "jpg"}
_PROGRESS_EVERY = 5.0  # seconds between progress lines on long runs


@dataclass(frozen=True)
class Job:
    source: Path
    focal: tuple[float, float] | None = None


@dataclass
class Outcome:
    job: Job
    key: str = ""
    manifest: dict[str, Any] | None = None
    error: PhotoError | None = None
    encoded: bool = False
    files: dict[str, Path] = field(default_factory=dict)  # cached file name -> path


def encode_entry(data: bytes, settings: PhotoSettings, focal: tuple[float, float] | None) -> tuple[dict, dict[str, bytes]]:
    """Every rendition of one source: (manifest without key, {file name: bytes})."""
    crops = [("social", settings.social_size), *settings.crop_sizes()]
    img, (width, height) = process.prepare(
        data, settings.max_pixels, max(max(settings.widths), *(w for _, (w, _) in crops)),
        max(h for _, (_, h) in crops))
    files: dict[str, bytes] = {}
    renditions = []
    current = img
    # Largest first, each from the previous one: cheaper than always resizing the source.
    for w in sorted(process.output_widths(width, settings.widths), reverse=True):
        current = process.resize_to_width(current, min(w, current.width))
        for fmt in settings.formats:
            name = f"{w}.{_EXT[fmt]}"
            files[name] = process.encode(current, fmt, settings.quality(fmt))
            renditions.append({"format": fmt, "width": w, "height": current.height, "file": name})
    cropped = {}
    for name, size in crops:  # the social image and the structured-data crops, all around `focal`
        crop = process.cover_crop(img, size, focal)
        files[f"{name}.jpg"] = process.encode(crop, "jpeg", settings.jpeg_quality)
        cropped[name] = {"format": "jpeg", "width": crop.width, "height": crop.height, "file": f"{name}.jpg"}
    manifest = {
        "width": width, "height": height,
        "renditions": sorted(renditions, key=lambda r: (r["format"], r["width"])),
        "social": cropped.pop("social"),
        "crops": [{"name": name, **entry} for name, entry in cropped.items()],
    }
    return manifest, files


def _encode_job(source: str, key: str, settings: PhotoSettings, cache_dir: str,
                focal: tuple[float, float] | None) -> dict | PhotoError:
    """Worker: encode one source into the cache; errors are returned, never raised."""
    try:
        data = Path(source).read_bytes()
        manifest, files = encode_entry(data, settings, focal)
        return cache.store(Path(cache_dir), key, manifest, files)
    except PhotoError as exc:
        return exc
    except Exception as exc:  # any other decoder failure is still a bad image, not a crash
        return PhotoError(t("the image could not be processed ({error}: {detail})",
                            error=type(exc).__name__, detail=str(exc)),
                          t("open it in an image editor and export it again as JPEG"))


def job_key(data: bytes, settings: PhotoSettings, focal: tuple[float, float] | None) -> str:
    return cache.cache_key(data, {**settings.fingerprint(), "focal": list(focal) if focal else None})


Progress = Callable[[int, str], None]  # (steps done, 'cached', 'new' or 'failed')


def run(jobs: list[Job], settings: PhotoSettings, cache_dir: Path, workers: int | None = None,
        progress: Progress | None = None) -> list[Outcome]:
    """One Outcome per job, in order; encodes only cache misses, in parallel when several.
    `progress` hears of the cache hits at once, then of each encoded photo."""
    progress = progress or (lambda _n, _kind: None)
    outcomes = [Outcome(job) for job in jobs]
    missing: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        try:
            data = process.read_photo(outcome.job.source, settings.max_bytes)
        except PhotoError as exc:
            outcome.error = exc
            continue
        outcome.key = job_key(data, settings, outcome.job.focal)
        outcome.manifest = cache.lookup(cache_dir, outcome.key)
        if outcome.manifest is None:
            missing.setdefault(outcome.key, []).append(outcome)
        else:
            STATS["hits"] += 1
    progress(sum(outcome.manifest is not None for outcome in outcomes), "cached")
    for key, result in _encode_missing(missing, settings, cache_dir, workers):
        progress(len(missing[key]), "failed" if isinstance(result, PhotoError) else "new")
        for outcome in missing[key]:
            if isinstance(result, PhotoError):
                outcome.error = result
            else:
                outcome.manifest = result
                outcome.encoded = True
    for outcome in outcomes:
        if outcome.manifest is not None:
            folder = cache.entry_dir(cache_dir, outcome.key)
            outcome.files = {name: folder / name for name in cache.file_names(outcome.manifest) or []}
    return outcomes


def _encode_missing(missing: dict[str, list[Outcome]], settings: PhotoSettings, cache_dir: Path,
                    workers: int | None):
    tasks = [(str(group[0].job.source), key, settings, str(cache_dir), group[0].job.focal)
             for key, group in missing.items()]
    workers = workers or settings.workers or os.cpu_count() or 1
    workers = min(workers, len(tasks))
    started = last = time.monotonic()
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_encode_job, *task) for task in tasks]
            results = (_result(future) for future in futures)
            yield from _count(tasks, results, started, last)
    else:
        yield from _count(tasks, (_encode_job(*task) for task in tasks), started, last)


def _result(future) -> dict | PhotoError:
    try:
        return future.result()
    except Exception as exc:  # a worker killed by the decoder (e.g. out of memory)
        return PhotoError(t("the image crashed the decoder ({error})", error=type(exc).__name__),
                          t("open it in an image editor and export it again as JPEG"))


def _count(tasks, results, started: float, last: float):
    for done, (task, result) in enumerate(zip(tasks, results, strict=True), start=1):
        if not isinstance(result, PhotoError):
            STATS["encodes"] += 1
        now = time.monotonic()
        if now - last >= _PROGRESS_EVERY or (done == len(tasks) and now - started >= _PROGRESS_EVERY):
            last = now
            log.info("photos: encoded %d/%d (%.1f images/s)", done, len(tasks), done / (now - started))
        yield task[1], result


def output_stem(source: Path) -> str:
    """A URL-safe stem for output names."""
    stem = re.sub(r"[^a-z0-9]+", "-", source.stem.lower()).strip("-")
    return stem[:60] or "photo"


def output_name(source: Path, key: str, cached_name: str) -> str:
    """`<stem>-<hash10>-<width>.<ext>` (or `-social.jpg`, `-16x9.jpg` ...) for a cached file."""
    return f"{output_stem(source)}-{key[:10]}-{cached_name}"


def publish(outcome: Outcome, out_dir: Path) -> dict[str, str]:
    """Place an outcome's files in `out_dir`; returns {cached name: output file name}."""
    names = {}
    for cached_name, path in outcome.files.items():
        name = output_name(outcome.job.source, outcome.key, cached_name)
        cache.place(path, out_dir / name)
        names[cached_name] = name
    return names
