"""A photo's `file:` resolves inside its item's folder, or is refused."""

from __future__ import annotations

import os

import pytest
from bloc_photos.errors import PhotoError
from bloc_photos.resolve import resolve


@pytest.fixture
def tree(tmp_path):
    content = tmp_path / "content"
    item = content / "news" / "2021" / "item"
    (item / "sub").mkdir(parents=True)
    (item / "photo.jpg").write_bytes(b"x")
    (item / "sub" / "two.jpg").write_bytes(b"x")
    (content / "news" / "2021" / "other.jpg").write_bytes(b"x")
    (tmp_path / "secret.jpg").write_bytes(b"x")
    return content, item


def test_file_in_the_item_folder(tree):
    content, item = tree
    assert resolve(item, content, "photo.jpg") == (item / "photo.jpg").resolve()
    assert resolve(item, content, "sub/two.jpg") == (item / "sub" / "two.jpg").resolve()


@pytest.mark.parametrize("name", ["../other.jpg", "/etc/passwd", "sub/../../other.jpg", "..\\other.jpg", "~/x.jpg"])
def test_paths_leaving_the_folder_are_refused(tree, name):
    content, item = tree
    with pytest.raises(PhotoError, match="outside the item's folder"):
        resolve(item, content, name)


def test_symlink_leaving_content_is_refused(tree, tmp_path):
    content, item = tree
    os.symlink(tmp_path / "secret.jpg", item / "linked.jpg")
    with pytest.raises(PhotoError, match="link to a file outside content/"):
        resolve(item, content, "linked.jpg")


def test_symlink_to_another_item_is_refused(tree):
    content, item = tree
    os.symlink(content / "news" / "2021" / "other.jpg", item / "borrowed.jpg")
    with pytest.raises(PhotoError, match="points outside the item's folder"):
        resolve(item, content, "borrowed.jpg")


def test_missing_file_suggests_a_close_name(tree):
    content, item = tree
    with pytest.raises(PhotoError) as caught:
        resolve(item, content, "photo.jpeg")
    assert caught.value.message == "file 'photo.jpeg' not found in the item's folder"
    assert caught.value.hint == "did you mean 'photo.jpg'?"


def test_svg_name_is_refused(tree):
    content, item = tree
    with pytest.raises(PhotoError, match="is an SVG"):
        resolve(item, content, "photo.svg")
