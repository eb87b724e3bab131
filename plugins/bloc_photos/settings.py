"""The pipeline's settings (BLOC_PHOTOS_*), with defaults, read from a plain dict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from bloc_content.cachekeys import derived_key
from bloc_content.plugin_settings import Declaration, from_dataclass

FORMATS = ("webp", "jpeg")
Format = Literal["webp", "jpeg"]
PREFIX = "BLOC_PHOTOS_"
# The module that encodes an entry (with what it imports of ours: process.py, cache.py ...).
PIPELINE_CODE = ("bloc_photos.pipeline",)
ENCODING = ("widths", "formats", "jpeg_quality", "webp_quality", "social_size", "crop_width")
# The aspect ratios Google asks of a NewsArticle's `image`, named as in the file names.
CROP_RATIOS = (("16x9", 16, 9), ("4x3", 4, 3), ("1x1", 1, 1))


@dataclass(frozen=True)
class PhotoSettings:
    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[Format, ...] = FORMATS
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


# What each setting means (the docs' table); names and defaults are PhotoSettings' own.
MEANINGS = {
    "widths": "widths of the published photos, in pixels (none wider than the source)",
    "formats": "encodings of each width, among webp and jpeg",
    "jpeg_quality": "JPEG quality (1-95)",
    "webp_quality": "WebP quality (1-100)",
    "social_size": "(width, height) of the og:image crop",
    "crop_width": "width of the 16:9, 4:3 and 1:1 crops of structured data",
    "max_pixels": "largest source, in pixels",
    "max_bytes": "largest source file, in bytes (checked before it is read)",
    "sizes": "the `sizes` attribute of the pictures",
    "cache": "the photos' cache folder, relative to the project folder",
    "url": "the photos' folder in the output",
    "workers": "processes encoding photos (0: one per core)",
    "credit_labels": "the word before a photo's credit, per language (a mapping or pairs)",
}
SETTINGS = Declaration("bloc_photos", from_dataclass(
    "PhotoSettingsDeclared", PhotoSettings, PREFIX, MEANINGS,
    accept={"credit_labels": dict[str, str] | tuple[tuple[str, str], ...]}),
    (PREFIX,))


def from_settings(settings: dict[str, Any]) -> PhotoSettings:
    """PhotoSettings from the BLOC_PHOTOS_* keys (checked at initialization); defaults for the others."""
    names = {f.name for f in fields(PhotoSettings)}
    values: dict[str, Any] = {}
    for key, value in settings.items():
        name = key[len(PREFIX):].lower()
        if not key.startswith(PREFIX) or name not in names:
            continue
        if isinstance(value, dict):
            value = tuple(sorted(value.items()))
        values[name] = tuple(value) if isinstance(value, list) else value
    return PhotoSettings(**values)
