"""The Pillow pipeline on real generated images: orientation, colour, metadata, sizes."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from bloc_photos import pipeline, process
from bloc_photos.settings import PhotoSettings
from PIL import Image

from .photo_images import (
    QUADRANTS,
    SRGB_BLUE,
    SRGB_GREEN,
    SRGB_RED,
    assert_no_metadata,
    close,
    corner_colours,
    matrix_icc,
    oriented_jpeg,
    quadrants,
)


def _run_one(path, settings, tmp_path, focal=None):
    [outcome] = pipeline.run([pipeline.Job(path, focal)], settings, tmp_path / "cache")
    assert outcome.error is None, outcome.error
    return outcome


def _open(outcome, name):
    return Image.open(outcome.files[name])


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(tmp_path, small_settings, orientation):
    source = oriented_jpeg(tmp_path / f"o{orientation}.jpg", orientation, 800, 600)
    outcome = _run_one(source, small_settings, tmp_path)
    assert (outcome.manifest["width"], outcome.manifest["height"]) == (800, 600)
    for name in ("640.jpg", "640.webp", "320.jpg", "160.webp"):
        with _open(outcome, name) as img:
            assert img.width == int(name.split(".")[0])
            assert img.height == img.width * 3 // 4
            colours = corner_colours(img)
            for corner, expected in QUADRANTS.items():
                assert close(colours[corner], expected), (name, corner, colours[corner])


def test_outputs_carry_no_exif_gps_or_profile(tmp_path, small_settings):
    source = oriented_jpeg(tmp_path / "gps.jpg", 6, 800, 600, gps=True)
    with Image.open(source) as original:
        assert original.getexif().get_ifd(0x8825)  # the source does carry GPS
    outcome = _run_one(source, small_settings, tmp_path)
    for name in outcome.files:
        with _open(outcome, name) as img:
            assert_no_metadata(img)
        assert b"TestCam" not in outcome.files[name].read_bytes()


def test_embedded_profile_is_converted_to_srgb_and_dropped(tmp_path, small_settings):
    # A profile whose red primary is sRGB's green: the stored (255, 0, 0) is a green.
    icc = matrix_icc(SRGB_GREEN, SRGB_RED, SRGB_BLUE)
    source = tmp_path / "wide.jpg"
    Image.new("RGB", (400, 300), (255, 0, 0)).save(source, quality=95, icc_profile=icc)
    outcome = _run_one(source, small_settings, tmp_path)
    for name in ("320.jpg", "320.webp", "social.jpg"):
        with _open(outcome, name) as img:
            assert close(img.convert("RGB").getpixel((10, 10)), (0, 255, 0), 12)
            assert_no_metadata(img)


def test_cmyk_jpeg_without_profile_is_converted(tmp_path, small_settings):
    source = tmp_path / "cmyk.jpg"
    img = Image.new("CMYK", (400, 300), (0, 0, 0, 0))  # paper white
    img.paste((255, 0, 0, 0), (0, 0, 200, 300))  # full cyan on the left
    img.save(source, quality=95)
    outcome = _run_one(source, small_settings, tmp_path)
    with _open(outcome, "320.jpg") as out:
        assert out.mode == "RGB"
        assert close(out.getpixel((40, 150)), (0, 255, 255))
        assert close(out.getpixel((280, 150)), (255, 255, 255))


def _png16_rgb(width: int, height: int, value: int) -> bytes:
    """A 16-bit-per-channel RGB PNG (Pillow cannot write one)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\0" + struct.pack(">HHH", value, value // 2, 0) * width
    ihdr = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


def test_16_bit_png_is_scaled_not_clipped(tmp_path, small_settings):
    grey = tmp_path / "grey16.png"
    Image.new("I;16", (400, 300), 32768).save(grey)  # mid grey in 16 bits
    rgb = tmp_path / "rgb16.png"
    rgb.write_bytes(_png16_rgb(400, 300, 65535))
    outcomes = pipeline.run([pipeline.Job(grey), pipeline.Job(rgb)], small_settings, tmp_path / "cache")
    assert [o.error for o in outcomes] == [None, None]
    with Image.open(outcomes[0].files["320.jpg"]) as img:
        assert close(img.getpixel((10, 10)), (128, 128, 128), 4)
    with Image.open(outcomes[1].files["320.jpg"]) as img:
        assert close(img.getpixel((10, 10)), (255, 128, 0), 6)


def test_animated_gif_publishes_its_first_frame(tmp_path, small_settings):
    source = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (200, 150), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    frames[0].save(source, save_all=True, append_images=frames[1:], duration=100, loop=0)
    outcome = _run_one(source, small_settings, tmp_path)
    with _open(outcome, "160.jpg") as img:
        assert close(img.getpixel((50, 50)), (255, 0, 0), 30)


def test_transparency_is_flattened_on_white(tmp_path, small_settings):
    source = tmp_path / "logo.png"
    img = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    img.paste((0, 0, 255, 255), (0, 0, 100, 100))
    img.save(source)
    outcome = _run_one(source, small_settings, tmp_path)
    with _open(outcome, "160.webp") as out:
        assert out.mode == "RGB"
        assert close(out.getpixel((150, 40)), (255, 255, 255))


def test_widths_are_never_upscaled(tmp_path):
    settings = PhotoSettings(widths=(480, 960, 1600), social_size=(1200, 630))
    source = tmp_path / "small.jpg"
    quadrants(1000, 750).save(source)
    outcome = _run_one(source, settings, tmp_path)
    assert sorted({(r["width"], r["height"]) for r in outcome.manifest["renditions"]}) == [(480, 360), (960, 720)]
    social = outcome.manifest["social"]
    assert (social["width"], social["height"]) == (1000, 525)  # the crop, not upscaled to 1200
    # the structured-data crops: as wide as the source allows, the same shapes
    assert [(c["name"], c["width"], c["height"]) for c in outcome.manifest["crops"]] == [
        ("16x9", 1000, 562), ("4x3", 1000, 750), ("1x1", 750, 750)]
    for crop in outcome.manifest["crops"]:
        with _open(outcome, crop["file"]) as img:
            assert img.size == (crop["width"], crop["height"])
    tiny = tmp_path / "tiny.jpg"
    quadrants(300, 200).save(tiny)
    outcome = _run_one(tiny, settings, tmp_path)
    assert {r["width"] for r in outcome.manifest["renditions"]} == {300}


def test_camera_sized_jpeg_gives_every_width_and_social(tmp_path):
    source = tmp_path / "camera.jpg"
    Image.linear_gradient("L").resize((4000, 3000)).convert("RGB").save(source, quality=85)
    outcome = _run_one(source, PhotoSettings(), tmp_path)
    sizes = {(r["format"], r["width"], r["height"]) for r in outcome.manifest["renditions"]}
    assert sizes == {(f, w, w * 3 // 4) for f in ("webp", "jpeg") for w in (480, 960, 1600)}
    with _open(outcome, "social.jpg") as img:
        assert img.size == (1200, 630)
    for name, size in (("16x9.jpg", (1200, 675)), ("4x3.jpg", (1200, 900)), ("1x1.jpg", (1200, 1200))):
        with _open(outcome, name) as img:
            assert img.format == "JPEG" and img.size == size
            assert_no_metadata(img)
    with _open(outcome, "1600.webp") as img:
        assert img.format == "WEBP" and img.size == (1600, 1200)


def test_draft_decodes_jpeg_at_reduced_scale():
    buffer = io.BytesIO()
    Image.new("RGB", (4000, 3000), "gray").save(buffer, "JPEG")
    img = process.open_image(buffer.getvalue(), 50_000_000)
    process.draft_for(img, 1600, 630)
    assert img.size == (2000, 1500)


@pytest.mark.parametrize(("focal", "expected"), [(None, "middle"), ((0.0, 0.5), "left"), ((1.0, 0.5), "right")])
def test_social_crop_follows_the_focal_point(focal, expected):
    # Three vertical bands; a 2:1 crop of a 3:1 picture shows two of them.
    img = Image.new("RGB", (900, 300))
    for i, colour in enumerate(((255, 0, 0), (0, 255, 0), (0, 0, 255))):
        img.paste(colour, (i * 300, 0, (i + 1) * 300, 300))
    out = process.cover_crop(img, (200, 100), focal)
    assert out.size == (200, 100)
    left, right = out.getpixel((5, 50)), out.getpixel((195, 50))
    assert {"left": (left, right) == ((255, 0, 0), (0, 255, 0)),
            "middle": (left, right) == ((255, 0, 0), (0, 0, 255)),
            "right": (left, right) == ((0, 255, 0), (0, 0, 255))}[expected], (left, right)


@pytest.mark.parametrize(("focal", "expected"), [(None, (0, 255, 0)), ((0.0, 0.5), (255, 0, 0)),
                                                 ((1.0, 0.5), (0, 0, 255))])
def test_structured_crops_follow_the_focal_point(tmp_path, small_settings, focal, expected):
    # Three square bands: the 1:1 crop is exactly one of them, the 4:3 and 16:9 ones centre on it.
    img = Image.new("RGB", (900, 300))
    for i, colour in enumerate(((255, 0, 0), (0, 255, 0), (0, 0, 255))):
        img.paste(colour, (i * 300, 0, (i + 1) * 300, 300))
    source = tmp_path / "bands.png"
    img.save(source)
    outcome = _run_one(source, small_settings, tmp_path, focal)
    assert [(c["name"], c["width"], c["height"]) for c in outcome.manifest["crops"]] == [
        ("16x9", 240, 135), ("4x3", 240, 180), ("1x1", 240, 240)]
    with _open(outcome, "1x1.jpg") as square:
        for x in (20, 120, 220):
            assert close(square.getpixel((x, 120)), expected), (x, square.getpixel((x, 120)))
    for name in ("16x9.jpg", "4x3.jpg"):  # wider than one band: the focal side shows the band
        with _open(outcome, name) as crop:
            x = {None: crop.width // 2, 0.0: 3, 1.0: crop.width - 4}[focal[0] if focal else None]
            assert close(crop.getpixel((x, crop.height // 2)), expected), (name, crop.getpixel((x, crop.height // 2)))
