"""Bad images give one clear PhotoError (then a Diagnostic), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from bloc_photos import pipeline
from bloc_photos.errors import PhotoError
from bloc_photos.settings import PhotoSettings
from PIL import Image


def _error(path: Path, settings: PhotoSettings, tmp_path: Path) -> PhotoError:
    [outcome] = pipeline.run([pipeline.Job(path)], settings, tmp_path / "cache")
    assert outcome.manifest is None and outcome.files == {}
    assert isinstance(outcome.error, PhotoError)
    return outcome.error


def test_truncated_jpeg(tmp_path, small_settings):
    whole = tmp_path / "whole.jpg"
    Image.effect_noise((400, 300), 60).convert("RGB").save(whole, quality=90)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    error = _error(cut, small_settings, tmp_path)
    assert error.message.startswith("the image is truncated or corrupt")
    assert error.hint == "copy the original file from the camera or phone again"


def test_pixel_limit_is_ours_and_clear(tmp_path):
    source = tmp_path / "big.png"
    Image.new("RGB", (3000, 2000)).save(source)
    error = _error(source, PhotoSettings(max_pixels=5_000_000), tmp_path)
    assert error.message == ("the image is 3000x2000 (6 megapixels); the limit is 5 megapixels "
                             "(BLOC_PHOTOS_MAX_PIXELS)")
    assert "resize the photo" in error.hint


def test_pillow_bomb_guard_is_kept(tmp_path, monkeypatch):
    source = tmp_path / "bomb.png"
    Image.new("L", (1000, 1000)).save(source)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)  # Pillow's own guard, below ours
    error = _error(source, PhotoSettings(max_pixels=50_000_000), tmp_path)
    assert error.message == ("the image is too large to decode safely; the limit is 50 megapixels "
                             "(BLOC_PHOTOS_MAX_PIXELS)")


def test_svg_is_refused(tmp_path, small_settings):
    source = tmp_path / "logo.jpg"  # an SVG under a photo's name is still refused
    source.write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')
    error = _error(source, small_settings, tmp_path)
    assert error.message.startswith("the file is an SVG")
    assert error.hint == "export it as a JPEG or PNG"


@pytest.mark.parametrize(("name", "data"), [("notes.jpg", b"this is not an image at all"),
                                            ("photo.heic", b"\0\0\0\x18ftypheic" + b"\0" * 64)])
def test_unreadable_format(tmp_path, small_settings, name, data):
    source = tmp_path / name
    source.write_bytes(data)
    error = _error(source, small_settings, tmp_path)
    assert error.message == "not an image Pillow can read (unknown or unsupported format)"


def test_readable_but_unsupported_format(tmp_path, small_settings):
    source = tmp_path / "scan.bmp"
    Image.new("RGB", (100, 100)).save(source)
    assert _error(source, small_settings, tmp_path).message == "unsupported image format BMP"


def test_unreadable_file(tmp_path, small_settings):
    error = _error(tmp_path / "gone.jpg", small_settings, tmp_path)
    assert error.message.startswith("cannot read the file")


def test_error_becomes_a_diagnostic_on_the_photo_line():
    error = PhotoError("the image is truncated or corrupt (x)", "copy it again")
    diagnostic = error.diagnostic("content/news/2021/x/index.vi.md", 31, 2)
    assert diagnostic.render() == ("content/news/2021/x/index.vi.md:31: error: photos[2].file: "
                                   "the image is truncated or corrupt (x) (copy it again)")


def test_errors_survive_the_process_pool(tmp_path, small_settings):
    good = tmp_path / "good.jpg"
    Image.new("RGB", (400, 300), "white").save(good)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(good.read_bytes()[:200])
    outcomes = pipeline.run([pipeline.Job(good), pipeline.Job(bad)], small_settings, tmp_path / "c", workers=2)
    assert outcomes[0].error is None
    assert outcomes[1].error.hint == "copy the original file from the camera or phone again"


def test_byte_limit_is_checked_before_reading(tmp_path, monkeypatch):
    source = tmp_path / "padded.jpg"
    Image.new("RGB", (40, 30)).save(source, quality=90)
    with source.open("ab") as handle:  # a valid JPEG padded after its end: decodes fine
        handle.write(b"\0" * 3000)
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    error = _error(source, PhotoSettings(max_bytes=2000), tmp_path)
    assert error.message == f"the file is {source.stat().st_size:,} bytes; the limit is 2,000 (BLOC_PHOTOS_MAX_BYTES)"
    assert read == []
