"""Fixtures of the photo pipeline tests."""

from __future__ import annotations

import pytest
from bloc_photos.settings import PhotoSettings


@pytest.fixture
def small_settings() -> PhotoSettings:
    """Small outputs so the real pipeline runs fast on small images."""
    return PhotoSettings(widths=(160, 320, 640), social_size=(240, 126), crop_width=240, max_pixels=5_000_000)
