"""Caches keyed by what produced them: change the HTML allowlist, a Markdown setting or the
photo pipeline's code, rebuild with the same caches, and the affected pages and photos
change; entries no build used for BLOC_CACHE_MAX_AGE_DAYS are pruned, used ones never."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT, SITE_FIXTURE, build, make_content, parse

ITEM = "news/2021/tong-ket-2020-ky-giao-uoc-2021"
PAGE = "tin-tuc/2021/{slug}/index.html"
FOOTNOTE = "\nKết quả được ghi nhận[^1].\n\n[^1]: Theo báo cáo tổng kết.\n"
DAY = 86_400


def _settings(base: Path, name: str, plugins: Path, extra: str = "") -> Path:
    path = base / f"{name}.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(plugins)!r}]\n"
        f"BLOC_PHOTOS_CACHE = {str(base / 'photos-cache')!r}\n{extra}", encoding="utf-8")
    return path


def _scratch_plugins(base: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """A copy of plugins/ with `edits` ({file: (old, new)}) made: code as a developer changes it."""
    plugins = base / "scratch" / "plugins"
    shutil.copytree(ROOT / "plugins", plugins, ignore=shutil.ignore_patterns("__pycache__"))
    for name, (old, new) in edits.items():
        path = plugins / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} no longer holds {old!r}: update the test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plugins


def _env(plugins: Path) -> dict:
    """The scratch copy shadows the project's plugins for every import of the build."""
    return {**os.environ, "PYTHONPATH": str(plugins)}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One item with a footnote and a photo, built once; later builds share its caches."""
    base = tmp_path_factory.mktemp("cachekeys")
    content = make_content(base / "content", None)
    item = content / ITEM
    shutil.copytree(SITE_FIXTURE / ITEM, item)
    for lang, alt, tail in (("vi", "Toàn cảnh hội nghị", FOOTNOTE), ("en", "The conference", "")):
        path = item / f"index.{lang}.md"
        lines = path.read_text(encoding="utf-8").split("\n")
        close = lines.index("---", 1)
        lines[close:close] = ["photos:", "  - file: hoi-nghi.jpg", f"    alt: {alt}"]
        path.write_text("\n".join(lines) + tail, encoding="utf-8")
    Image.linear_gradient("L").resize((1200, 900)).convert("RGB").save(item / "hoi-nghi.jpg")
    settings = _settings(base, "baseconf", ROOT / "plugins")
    result = build(content, base / "output", settings=str(settings), cache=base / "cache")
    assert result.returncode == 0, result.stderr
    return base, content, result.output, _cache_keys(base), _photo_entries(base / "photos-cache")


def _vi_page(output: Path):
    [path] = output.glob(PAGE.format(slug="*"))
    return parse(path)


def _photos(output: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (output / "photos").iterdir()}


def _cache_keys(base: Path) -> set[str]:
    return {p.name for p in (base / "cache").iterdir() if p.is_dir()}


def _photo_entries(cache: Path) -> set[str]:
    return {p.name for p in cache.glob("*/*") if p.is_dir()}


def test_the_baseline_has_what_the_changes_touch(site):
    _base, _content, output, *_ = site
    page = _vi_page(output)
    assert page.select_one("article em").get_text() == "TG-PV"
    assert page.select_one("a.footnote-backref")["title"] == "Quay lại chỗ chú thích 1 trong bài"
    assert any(name.endswith(".webp") for name in _photos(output))


def test_a_tighter_html_allowlist_changes_cached_pages(site):
    """The content cache used to hash only bloc_content's code: pages sanitised with the old
    allowlist were served from it."""
    base, content, output, *_ = site
    plugins = _scratch_plugins(base / "allowlist", {
        "bloc_safety/sanitize.py": ('"p", "br", "strong", "em", ', '"p", "br", "strong", '),
    })
    settings = _settings(base / "allowlist", "conf", plugins)
    before = _cache_keys(base)
    result = build(content, base / "allowlist" / "output", settings=str(settings), cache=base / "cache",
                   env=_env(plugins))
    assert result.returncode == 0, result.stderr
    page = _vi_page(result.output)
    assert page.select("article em") == []
    assert "TG-PV" in page.select_one("article").get_text()
    assert _vi_page(output).select_one("article em") is not None  # the first build's page had it
    assert len(_cache_keys(base) - before) == 1  # a fresh content cache beside the old one
    assert _photos(result.output) == _photos(output)  # the photos' code did not change: same files


def test_a_markdown_setting_changes_cached_pages(site):
    """BLOC_MARKDOWN_BY_LANG decides the words Markdown writes; it was not in the key."""
    base, content, _output, *_ = site
    (base / "markdown").mkdir()
    settings = _settings(base / "markdown", "conf", ROOT / "plugins", (
        "BLOC_MARKDOWN_BY_LANG = {**BLOC_MARKDOWN_BY_LANG, 'vi': {'markdown.extensions.footnotes': "
        "{'BACKLINK_TITLE': 'Về chú thích %d'}}}\n"))
    result = build(content, base / "markdown" / "output", settings=str(settings), cache=base / "cache")
    assert result.returncode == 0, result.stderr
    assert _vi_page(result.output).select_one("a.footnote-backref")["title"] == "Về chú thích 1"


def test_a_change_to_the_photo_pipeline_encodes_the_photos_again(site):
    """The photo cache was versioned by a number bumped by hand (PIPELINE_VERSION)."""
    base, content, output, *_ = site
    plugins = _scratch_plugins(base / "pipeline", {
        # a developer lowers the quality in the code rather than in the settings
        "bloc_photos/process.py": ('    img.info.clear()\n', '    img.info.clear()\n    quality = quality // 2\n'),
    })
    settings = _settings(base / "pipeline", "conf", plugins)
    result = build(content, base / "pipeline" / "output", settings=str(settings), cache=base / "cache",
                   env=_env(plugins))
    assert result.returncode == 0, result.stderr
    old, new = _photos(output), _photos(result.output)
    assert len(new) == len(old)
    assert not old.keys() & new.keys()  # the names carry the key: every photo has a new URL
    assert sorted(old.values()) != sorted(new.values())
    # and the pages link the new files
    page = _vi_page(result.output)
    assert {Path(s["srcset"].split()[0]).name for s in page.select("article picture source")} <= new.keys()


def _age(path: Path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def test_entries_unused_for_the_max_age_are_pruned_used_ones_kept(site, tmp_path):
    base, content, output, used_keys, used_photos = site
    cache, photos = tmp_path / "cache", tmp_path / "photos-cache"
    shutil.copytree(base / "cache", cache)
    shutil.copytree(base / "photos-cache", photos)
    settings = _settings(tmp_path, "conf", ROOT / "plugins", "BLOC_CACHE_MAX_AGE_DAYS = 10\n")
    # Everything the caches hold was last used 11 days ago, by this test's reckoning ...
    for path in [*cache.rglob("*"), *photos.rglob("*")]:
        _age(path, 11)
    # ... and some entries no build will use again: an old content cache, photo, search bundle
    [key] = used_keys
    prefix = next(f"{i:02x}" for i in range(256) if not (photos / f"{i:02x}").exists())
    stale = [cache / "0123456789abcdef", photos / prefix / (prefix + "0" * 62), cache / key / "bloc_search" / "bundle-old"]
    for path in stale:
        (path / "x").mkdir(parents=True)
        _age(path, 11)
    recent = photos / prefix / (prefix + "1" * 62)  # unused for less than the max age
    recent.mkdir()
    _age(recent, 9)
    result = build(content, tmp_path / "output", settings=str(settings), cache=cache)
    assert result.returncode == 0, result.stderr
    assert [p for p in stale if p.exists()] == []
    assert recent.is_dir()
    # what this build used is kept however old it looked (and the build did use it)
    assert _cache_keys(tmp_path) == used_keys
    assert _photo_entries(photos) == used_photos | {recent.name}
    assert _photos(result.output) == _photos(output)
    assert not [p for p in [*cache.rglob("*.tmp-*"), *photos.rglob("*.tmp-*")]]
    # a photo entry gone, its folder too (after a build that builds: one with nothing changed prunes nothing)
    _age(recent, 11)
    os.utime(content / ITEM / "index.vi.md")
    assert build(content, tmp_path / "output", settings=str(settings), cache=cache).returncode == 0
    assert not (photos / prefix).exists()
    assert _photo_entries(photos) == used_photos
    # nothing changed: the build builds nothing, and prunes nothing either
    (stale[0] / "x").mkdir(parents=True)
    _age(stale[0], 11)
    folder = (tmp_path / "output").stat().st_ino
    assert build(content, tmp_path / "output", settings=str(settings), cache=cache).returncode == 0
    assert (tmp_path / "output").stat().st_ino == folder  # not built: no new site swapped in
    assert stale[0].is_dir()


def test_a_max_age_that_is_not_a_number_of_days_is_refused(site, tmp_path):
    _base, content, _output, *_ = site
    settings = _settings(tmp_path, "conf", ROOT / "plugins", "BLOC_CACHE_MAX_AGE_DAYS = '30'\n")
    result = build(content, tmp_path / "output", settings=str(settings), cache=tmp_path / "cache")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: BLOC_CACHE_MAX_AGE_DAYS must be a number of days greater than 0, not '30'"
    assert not result.output.exists()
