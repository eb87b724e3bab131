"""Pillow operations as pure functions: decode safely, make upright and sRGB, resize, crop, encode.

Policy for awkward sources (also in README.md):
- CMYK JPEG: converted to sRGB through its embedded ICC profile; without a profile, through
  Pillow's generic CMYK->RGB formula (colours approximate, never an error).
- 16-bit PNG: scaled down to 8 bits per channel (not clipped).
- Animated GIF/WebP/PNG: the first frame is published.
- Transparency: flattened onto white (JPEG has no alpha; the two formats stay identical).
- SVG, HEIC and any format not in ACCEPTED: an error.
"""

from __future__ import annotations

import io
import math
import warnings

from bloc_content.diagnostics import t
from PIL import Image, ImageCms, UnidentifiedImageError

from .errors import PhotoError

ACCEPTED = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "TIFF"}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# EXIF orientations 5-8 store the picture rotated by a quarter turn.
_QUARTER_TURNS = {5, 6, 7, 8}
# What turns the stored pixels upright, for each EXIF orientation (as ImageOps.exif_transpose).
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def open_image(data: bytes, max_pixels: int) -> Image.Image:
    """Open (header only) with our pixel limit checked before any decoding."""
    head = data[:1024].lstrip()
    if head.startswith((b"<svg", b"<?xml")) or b"<svg" in head:
        raise PhotoError(t("the file is an SVG; vector files are never inlined or published as photos"),
                         t("export it as a JPEG or PNG"))
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb guard stays on: its warning becomes an error too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_large(None, max_pixels) from None
    except UnidentifiedImageError:
        raise PhotoError(t("not an image Pillow can read (unknown or unsupported format)"),
                         t("export the photo as JPEG (or PNG)")) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise _corrupt(exc) from None
    if img.format not in ACCEPTED:
        fmt = img.format
        img.close()
        raise PhotoError(t("unsupported image format {format}", format=fmt), t("export the photo as JPEG (or PNG)"))
    if img.width * img.height > max_pixels:
        size = img.size
        img.close()
        raise _too_large(size, max_pixels)
    return img


def read_photo(path, max_bytes: int) -> bytes:
    """The bytes of a photo file, or a PhotoError: over `max_bytes` (checked before the file
    is read: a padded JPEG is refused unread) or unreadable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PhotoError(t("the file is {size:,} bytes; the limit is {limit:,} (BLOC_PHOTOS_MAX_BYTES)",
                               size=size, limit=max_bytes),
                             t("export the photo again as a JPEG of a few megabytes"))
        return path.read_bytes()
    except OSError as exc:
        raise PhotoError(t("cannot read the file ({reason})", reason=exc.strerror),
                         t("check the file's permissions")) from None


def verify(data: bytes, max_pixels: int) -> None:
    """Raise a PhotoError for a file that is not a usable photo: opened and decoded (a JPEG
    at 1/8 scale, which still reads every byte), never encoded. What `bloc check` and the
    build's rules do for every photo."""
    img = open_image(data, max_pixels)
    try:
        draft_for(img, 1, 1)
        load(img)
    except (OSError, ValueError) as exc:
        raise _corrupt(exc) from None
    finally:
        img.close()


def _too_large(size: tuple[int, int] | None, max_pixels: int) -> PhotoError:
    limit = t("{count} megapixels", count=f"{max_pixels / 1e6:.3g}")
    if size is None:
        what = t("the image is too large to decode safely")
    else:
        what = t("the image is {width}x{height} ({megapixels} megapixels)", width=size[0], height=size[1],
                 megapixels=f"{size[0] * size[1] / 1e6:.3g}")
    return PhotoError(t("{what}; the limit is {limit} (BLOC_PHOTOS_MAX_PIXELS)", what=what, limit=limit),
                      t("resize the photo (6000 pixels on the long side is plenty) and export it again"))


def orientation(img: Image.Image) -> int:
    try:
        value = int(img.getexif().get(0x0112, 1))
    except Exception:  # a damaged EXIF block must not stop the photo; treat it as upright
        return 1
    return value if 1 <= value <= 8 else 1


def draft_for(img: Image.Image, min_width: int, min_height: int) -> None:
    """Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the outputs stay at least this big."""
    if img.format not in ("JPEG", "MPO"):
        return
    if orientation(img) in _QUARTER_TURNS:
        min_width, min_height = min_height, min_width
    img.draft(None, (max(min_width, 1), max(min_height, 1)))


def load(img: Image.Image) -> Image.Image:
    """Decode the pixels (first frame only); truncation and corruption become PhotoError."""
    try:
        img.seek(0)
        img.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise _corrupt(exc) from None
    return img


def _corrupt(exc: Exception) -> PhotoError:
    return PhotoError(t("the image is truncated or corrupt ({error})", error=str(exc)),
                      t("copy the original file from the camera or phone again"))


def to_srgb(img: Image.Image) -> Image.Image:
    """8-bit RGB in sRGB, using the embedded ICC profile when there is one."""
    icc = img.info.get("icc_profile")
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        img = img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        img = Image.new("RGB", rgba.size, "white")
        img.paste(rgba, mask=rgba.getchannel("A"))
    if icc and img.mode in ("RGB", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if ImageCms.getProfileDescription(source).strip() != "sRGB IEC61966-2.1" or img.mode != "RGB":
                return ImageCms.profileToProfile(img, source, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable or mismatched profile: fall back to the untagged conversion
    return img.convert("RGB") if img.mode != "RGB" else img


def prepare(data: bytes, max_pixels: int, min_width: int, min_height: int) -> tuple[Image.Image, tuple[int, int]]:
    """The upright sRGB image, shrunk to what the outputs need, and the source's upright size.

    The outputs need `min_width` x `min_height` at most (less if the source is smaller):
    libjpeg decodes at reduced scale when it can, the image is shrunk, and only then turned
    upright, because turning a 12-megapixel image costs as much as shrinking it.
    """
    img = open_image(data, max_pixels)
    turn = orientation(img)
    width, height = (img.height, img.width) if turn in _QUARTER_TURNS else img.size
    try:
        draft_for(img, min_width, min_height)
    except (OSError, ValueError) as exc:
        raise _corrupt(exc) from None
    load(img)
    out = to_srgb(img)
    scale = max(min(1.0, min_width / width), min(1.0, min_height / height))
    target = (math.ceil(width * scale), math.ceil(height * scale))
    stored = (target[1], target[0]) if turn in _QUARTER_TURNS else target
    if out.size != stored:
        out = out.resize(stored, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if turn in _TRANSPOSE:
        out = out.transpose(_TRANSPOSE[turn])
    out.info.clear()
    return out, (width, height)


def output_widths(source_width: int, widths: tuple[int, ...]) -> list[int]:
    """The requested widths that need no upscaling; the source width if all of them would."""
    fitting = sorted(w for w in set(widths) if w <= source_width)
    return fitting or [source_width]


def resize_to_width(img: Image.Image, width: int) -> Image.Image:
    if width >= img.width:
        return img.copy()
    height = max(1, round(img.height * width / img.width))
    return img.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def cover_crop(img: Image.Image, size: tuple[int, int], focal: tuple[float, float] | None) -> Image.Image:
    """Crop to the aspect of `size` around `focal` (x, y in 0..1; centre if None), never upscaling."""
    target_w, target_h = size
    fx, fy = focal if focal else (0.5, 0.5)
    fx, fy = min(max(fx, 0.0), 1.0), min(max(fy, 0.0), 1.0)
    scale = min(img.width / target_w, img.height / target_h)
    crop_w, crop_h = round(target_w * scale), round(target_h * scale)
    left = min(max(round(fx * img.width - crop_w / 2), 0), img.width - crop_w)
    top = min(max(round(fy * img.height - crop_h / 2), 0), img.height - crop_h)
    box = (left, top, left + crop_w, top + crop_h)
    if crop_w <= target_w:
        return img.crop(box)
    return img.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)


def encode(img: Image.Image, fmt: str, quality: int) -> bytes:
    """Encoded bytes with no metadata at all (no EXIF, GPS, XMP or ICC profile)."""
    img.info.clear()
    buffer = io.BytesIO()
    if fmt == "webp":
        img.save(buffer, "WEBP", quality=quality, method=4)
    elif fmt == "jpeg":
        img.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        raise ValueError(f"unknown output format {fmt!r}")
    return buffer.getvalue()
