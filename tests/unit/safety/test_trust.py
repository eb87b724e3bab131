"""Trust boundary: paths, symbolic links, special files, slugs, front matter that sets URLs."""

from __future__ import annotations

import copy
import os
import runpy
from pathlib import Path

import pytest
from bloc_content.frontmatter import load
from bloc_content.model import ItemFile
from bloc_safety.trust import (
    UnsafePath,
    check_slug,
    reserved_slugs,
    resolve_inside,
    scan_tree,
    slug_problems,
)
from pydantic import ValidationError

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "content" / "news" / "2021" / "tong-ket-2020-ky-giao-uoc-2021"
SITE = runpy.run_path(str(ROOT / "pelicanconf.py"))
RESERVED = reserved_slugs(SITE["BLOC_URLS"], SITE["BLOC_SITE_URLS"])


@pytest.fixture
def tree(tmp_path):
    content = tmp_path / "content"
    item = content / "news" / "2021" / "a"
    item.mkdir(parents=True)
    (item / "index.vi.md").write_text("---\n---\n")
    (item / "anh.jpg").write_bytes(b"jpg")
    (tmp_path / "secret.txt").write_text("secret")
    return content


@pytest.mark.parametrize("relative", ["anh.jpg", "./anh.jpg", "anh/moi.jpg", "moi.jpg"])
def test_resolve_inside_accepts_paths_in_the_folder(tree, relative):
    folder = tree / "news" / "2021" / "a"
    assert resolve_inside(folder, relative).is_relative_to(folder.resolve())


@pytest.mark.parametrize("relative", ["", "/etc/passwd", "../b/anh.jpg", "../../../../secret.txt", "a/../../x",
                                      "C:\\x.jpg", "C:x.jpg", "\\\\host\\share", "~/x", "a\\..\\x", "a\x00b"])
def test_resolve_inside_refuses_paths_that_leave(tree, relative):
    with pytest.raises(UnsafePath):
        resolve_inside(tree / "news" / "2021" / "a", relative)


def test_resolve_inside_refuses_a_link_out(tree):
    folder = tree / "news" / "2021" / "a"
    (folder / "out.jpg").symlink_to(tree.parent / "secret.txt")
    with pytest.raises(UnsafePath, match="outside"):
        resolve_inside(folder, "out.jpg")


def test_resolve_inside_refuses_a_link_loop(tree):
    folder = tree / "news" / "2021" / "a"
    (folder / "x").symlink_to("y")
    (folder / "y").symlink_to("x")
    with pytest.raises(UnsafePath):
        resolve_inside(folder, "x/anh.jpg")


def test_clean_tree_has_no_problems(tree):
    assert scan_tree(tree) == []


def test_scan_reports_links_out_dangling_loops_and_fifos(tree):
    folder = tree / "news" / "2021" / "a"
    (folder / "out.jpg").symlink_to(tree.parent / "secret.txt")
    (folder / "gone.jpg").symlink_to("nowhere.jpg")
    (folder / "x").symlink_to("y")
    (folder / "y").symlink_to("x")
    (folder / "up").symlink_to("..")
    (folder / "etc").symlink_to("/etc")
    os.mkfifo(folder / "pipe")
    (folder / "ok.jpg").symlink_to("anh.jpg")  # inside the tree: allowed
    found = {d.path.rsplit("/", 1)[-1]: d for d in scan_tree(tree, root=tree.parent)}
    assert set(found) == {"out.jpg", "gone.jpg", "x", "y", "up", "etc", "pipe"}
    assert "leaves content/" in found["out.jpg"].message
    assert "leaves content/" in found["etc"].message
    assert "dangling" in found["gone.jpg"].message
    assert "loop" in found["x"].message and "loop" in found["y"].message
    assert "ancestor" in found["up"].message
    assert "regular file" in found["pipe"].message
    assert found["out.jpg"].path == "content/news/2021/a/out.jpg"
    assert all(d.severity == "error" for d in found.values())
    assert found["out.jpg"].render().startswith("content/news/2021/a/out.jpg: error: symbolic link leaves content/")


def test_scan_does_not_follow_a_directory_link(tree):
    (tree / "news" / "loop").symlink_to(tree)
    problems = scan_tree(tree)
    assert len(problems) == 1 and "ancestor" in problems[0].message


@pytest.mark.parametrize("slug", ["ky-giao-uoc-2021", "a", "2021", "hoi-nghi-so-1"])
def test_good_slugs(slug):
    assert slug_problems(slug) == []


@pytest.mark.parametrize("slug", ["Ky-Giao-Uoc", "ky--giao", "-ky", "ky-", "ký-giao", "ky giao", "ky_giao",
                                  "ky/giao", "..", "", "a" * 121, "ky.html"])
def test_bad_slugs(slug):
    assert slug_problems(slug)


@pytest.mark.parametrize("slug", ["bo-nganh", "nam", "tin-tuc", "tim-kiem", "trang", "chua-dich", "members",
                                  "years", "news", "search", "page", "untranslated", "en", "vi", "sitemap",
                                  "sitemap-news", "robots", "404", "pagefind", "photos", "admin"])
def test_every_section_of_the_urls_and_every_site_file_is_reserved(slug):
    assert slug in RESERVED
    assert any("reserved" in p for p in slug_problems(slug, RESERVED))
    assert not any("reserved" in p for p in slug_problems(slug))  # only the set given decides


def test_each_fixed_folder_of_every_url_pattern_is_reserved():
    for patterns in SITE["BLOC_URLS"].values():
        for pattern in patterns.values():
            for part in pattern.replace("{base}", "").split("/"):
                if part and "{" not in part:
                    assert part in RESERVED, (part, pattern)


def test_a_section_added_to_the_urls_is_reserved_at_once():
    urls = copy.deepcopy(SITE["BLOC_URLS"])
    assert "lien-he" not in reserved_slugs(urls, SITE["BLOC_SITE_URLS"])
    urls["vi"]["contact"] = "lien-he/"
    urls["en"]["contact"] = "en/contact-us/"
    reserved = reserved_slugs(urls, SITE["BLOC_SITE_URLS"])
    assert {"lien-he", "contact-us"} <= reserved
    assert "'lien-he' is reserved for the site's own pages" in slug_problems("lien-he", reserved)


def test_a_site_file_added_is_reserved_with_its_stem():
    reserved = reserved_slugs(SITE["BLOC_URLS"], {**SITE["BLOC_SITE_URLS"], "humans": "humans.txt"})
    assert {"humans", "humans.txt"} <= reserved


def test_extra_reserved_slugs_and_diagnostic():
    (problem,) = check_slug("lien-he", "content/news/2021/a/index.vi.md", 3, reserved={"lien-he"})
    assert problem.render().startswith("content/news/2021/a/index.vi.md:3: error: slug: 'lien-he' is reserved")


def seed_front() -> dict:
    front = load((SEED / "index.vi.md").read_bytes(), "index.vi.md").front
    assert front is not None
    return dict(front.data)


def test_seed_item_validates():
    ItemFile.model_validate(seed_front())


@pytest.mark.parametrize("key, value", [("save_as", "index.html"), ("url", "/"), ("template", "../../etc"),
                                        ("status", "hidden"), ("Template", "x"), ("override_url", "x"),
                                        ("lang", "fr"), ("slug", "../index")])
def test_front_matter_cannot_steer_output(key, value):
    data = seed_front()
    data[key] = value
    with pytest.raises(ValidationError) as info:
        ItemFile.model_validate(data)
    assert key in str(info.value)
