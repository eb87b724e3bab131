"""Synthetic test images for the photo tests: no real photos are ever committed."""

from __future__ import annotations

import struct
from pathlib import Path

from PIL import Image

# Upright picture: four solid quadrants, so any rotation or mirror is visible.
QUADRANTS = {"top_left": (220, 30, 30), "top_right": (30, 200, 30),
             "bottom_left": (30, 30, 220), "bottom_right": (230, 230, 40)}

# How a camera stores an upright picture for each EXIF orientation (EXIF 2.32, tag 0x0112):
# the stored pixels are the upright picture under the inverse of the display transform.
STORED = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,   # display: mirror horizontally
    3: Image.Transpose.ROTATE_180,        # display: rotate 180
    4: Image.Transpose.FLIP_TOP_BOTTOM,   # display: mirror vertically
    5: Image.Transpose.TRANSPOSE,         # display: mirror along the main diagonal
    6: Image.Transpose.ROTATE_90,         # display: rotate 90 clockwise, so stored 90 counter-clockwise
    7: Image.Transpose.TRANSVERSE,        # display: mirror along the anti-diagonal
    8: Image.Transpose.ROTATE_270,        # display: rotate 90 counter-clockwise
}


def quadrants(width: int = 800, height: int = 600) -> Image.Image:
    img = Image.new("RGB", (width, height))
    w, h = width // 2, height // 2
    for (x, y), name in zip([(0, 0), (w, 0), (0, h), (w, h)], QUADRANTS, strict=True):
        img.paste(QUADRANTS[name], (x, y, x + w if x else w, y + h if y else h))
    return img


def corner_colours(img: Image.Image) -> dict[str, tuple[int, int, int]]:
    w, h = img.size
    at = {"top_left": (w // 4, h // 4), "top_right": (3 * w // 4, h // 4),
          "bottom_left": (w // 4, 3 * h // 4), "bottom_right": (3 * w // 4, 3 * h // 4)}
    rgb = img.convert("RGB")
    return {name: rgb.getpixel(xy) for name, xy in at.items()}


def close(a, b, tolerance: int = 24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def oriented_jpeg(path: Path, orientation: int, width: int = 800, height: int = 600, gps: bool = False) -> Path:
    upright = quadrants(width, height)
    stored = upright if STORED[orientation] is None else upright.transpose(STORED[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "TestCam"  # Make
    if gps:
        exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 10.0)}
    stored.save(path, "JPEG", quality=92, exif=exif)
    return path


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def matrix_icc(red, green, blue, gamma: float = 2.2) -> bytes:
    """A minimal ICC v2 RGB matrix/TRC display profile with the given D50 primaries."""
    def xyz(v):
        return b"XYZ \0\0\0\0" + b"".join(_s15(c) for c in v)
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"
    name = b"test primaries\0"
    desc = (b"desc\0\0\0\0" + struct.pack(">I", len(name)) + name
            + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67)
    tags = [(b"desc", desc), (b"wtpt", xyz((0.9642, 1.0, 0.8249))), (b"rXYZ", xyz(red)),
            (b"gXYZ", xyz(green)), (b"bXYZ", xyz(blue)), (b"rTRC", curve), (b"gTRC", curve),
            (b"bTRC", curve), (b"cprt", b"text\0\0\0\0none\0")]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, body in tags:
        while (offset + len(data)) % 4:
            data += b"\0"
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body
    body = struct.pack(">I", len(tags)) + table + data
    size = 128 + len(body)
    header = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ "
              + b"\0" * 12 + b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + b"\0" * 8 + b"\0" * 4
              + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"\0" * 4 + b"\0" * 16 + b"\0" * 28)
    assert len(header) == 128
    return header + body


# sRGB's D50-adapted primaries; swapping red and green gives a profile where (255, 0, 0) is green.
SRGB_RED = (0.4361, 0.2225, 0.0139)
SRGB_GREEN = (0.3851, 0.7169, 0.0971)
SRGB_BLUE = (0.1431, 0.0606, 0.7141)


def assert_no_metadata(img: Image.Image) -> None:
    assert len(img.getexif()) == 0
    for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"):
        assert key not in img.info, key
