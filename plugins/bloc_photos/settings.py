"""The pipeline's settings (BLOC_PHOTOS_*), with defaults, read from a plain dict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import Any

from bloc_content.cachekeys import derived_key

FORMATS = ("webp", "jpeg")
PREFIX = "BLOC_PHOTOS_"
# The module that encodes an entry (with what it imports of ours: process.py, cache.py ...).
PIPELINE_CODE = ("bloc_photos.pipeline",)
ENCODING = ("widths", "formats", "jpeg_quality", "webp_quality", "social_size", "crop_width")
# The aspect ratios Google asks of a NewsArticle's `image`, named as in the file names.
CROP_RATIOS = (("16x9", 16, 9), ("4x3", 4, 3), ("1x1", 1, 1))


@dataclass(frozen=True)
class PhotoSettings:
    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = FORMATS
    jpeg_quality: int = 82
    webp_quality: int = 80
    social_size: tuple[int, int] = (1200, 630)
    crop_width: int = 1200  # of the structured-data crops (CROP_RATIOS), when the source allows
    max_pixels: int = 50_000_000
    max_bytes: int = 40_000_000  # checked before the file is read: a padded JPEG is refused unread
    sizes: str = "(min-width: 50rem) 50rem, 100vw"
    cache: str = ".cache/photos"
    url: str = "photos"
    workers: int = 0  # 0: one per core
    credit_labels: tuple[tuple[str, str], ...] = (("vi", "Ảnh:"), ("en", "Photo:"))

    def fingerprint(self) -> dict[str, Any]:
        """What the encoded bytes depend on besides the source: the code that encodes them
        (derived, never bumped by hand), Pillow's version and the encoding settings."""
        return dict(self._fingerprint)

    @cached_property
    def _fingerprint(self) -> dict[str, Any]:  # once per settings, not once per photo
        data = asdict(self)
        return {"code": derived_key(code=PIPELINE_CODE, packages=("pillow",)),
                **{name: data[name] for name in ENCODING}}

    def crop_sizes(self) -> list[tuple[str, tuple[int, int]]]:
        """[(name, (width, height))] of the structured-data crops, e.g. ("16x9", (1200, 675))."""
        return [(name, (self.crop_width, round(self.crop_width * h / w))) for name, w, h in CROP_RATIOS]

    def credit_label(self, lang: str) -> str:
        return dict(self.credit_labels).get(lang, "")

    def quality(self, fmt: str) -> int:
        return self.webp_quality if fmt == "webp" else self.jpeg_quality

    def cache_dir(self, project_root: Path) -> Path:
        path = Path(self.cache)
        return path if path.is_absolute() else project_root / path


def from_settings(settings: dict[str, Any]) -> tuple[PhotoSettings, list[str]]:
    """PhotoSettings from BLOC_PHOTOS_* keys, and the names of unknown BLOC_PHOTOS_ keys."""
    known = {f.name: f for f in fields(PhotoSettings)}
    values: dict[str, Any] = {}
    unknown = []
    for key, value in settings.items():
        if not key.startswith(PREFIX):
            continue
        name = key[len(PREFIX):].lower()
        if name not in known:
            unknown.append(key)
            continue
        if isinstance(value, dict):
            value = tuple(sorted(value.items()))
        values[name] = tuple(value) if isinstance(value, list) else value
    result = PhotoSettings(**values)
    bad = [f for f in result.formats if f not in FORMATS]
    if bad:
        raise ValueError(f"BLOC_PHOTOS_FORMATS: unknown format(s) {bad}; expected some of {FORMATS}")
    return result, unknown
