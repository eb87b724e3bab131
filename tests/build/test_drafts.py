"""Drafts and embargoed items: the public site is exactly the site without them, their
problems are warnings, the preview shows them with a banner, and `bloc check` agrees."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build.test_bad_inputs import ITEM, build_diagnostics, check_diagnostics, tree_digest
from tests.conftest import ROOT, build, make_content, parse

pytestmark = pytest.mark.slow

VI_URL = "tin-tuc/2021/ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong/"
EN_URL = "en/news/2021/central-internal-affairs-emulation-bloc-signs-2021-emulation-covenant/"
UNTRANSLATED_EN = "en/news/untranslated/tong-ket-2020-ky-giao-uoc-2021/"
EMBARGOED = Path("news/2023/tong-ket-2022")
BROKEN = Path("news/2024/ban-nhap-dang-do")
BROKEN_VI = """---
title: Bản nháp còn dở
lang: vi
translation_key: ban-nhap-dang-do
published: 2024-03-01T09:00:00+07:00
status: draft
summary: "CẦN VIẾT: tóm tắt"
byline: TG-PV
event:
  kinds: [hoi-nghi-so-ket]
  date: 2024-03-01
  host: bo-khong-co
photos:
  - file: anh-1.jpg
---
Nội dung còn dở.
"""
BROKEN_EN = """---
title: An unfinished draft
lang: en
translation_key: ban-nhap-dang-do
published: 2024-03-01T09:00:00+07:00
status: draft
summary: To be written
byline: TG-PV
---
Unfinished.
"""


def set_field(path: Path, field: str, value: str) -> None:
    """Replace a top-level field, or add it after `published:`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"{field}:"):
            lines[i] = f"{field}: {value}"
            break
    else:
        at = next(i for i, line in enumerate(lines) if line.startswith("published:"))
        lines.insert(at + 1, f"{field}: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")


def with_hidden_items(content: Path) -> None:
    """The seed item as a draft, another item embargoed to 2099, and an unrelated broken draft."""
    set_field(content / ITEM / "index.vi.md", "status", "draft")
    for lang in ("vi", "en"):
        set_field(content / EMBARGOED / f"index.{lang}.md", "published", "2099-01-01T09:00:00+07:00")
    (content / BROKEN).mkdir(parents=True)
    (content / BROKEN / "index.vi.md").write_text(BROKEN_VI, encoding="utf-8")
    (content / BROKEN / "index.en.md").write_text(BROKEN_EN, encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(root, build result) of the site with hidden items, and the output of the site without them."""
    base = tmp_path_factory.mktemp("drafts")
    content = make_content(base / "site" / "content")
    with_hidden_items(content)
    result = build(content, base / "site" / "output")
    without = make_content(base / "without" / "content")
    for folder in (ITEM, EMBARGOED):
        shutil.rmtree(without / folder)
    plain = build(without, base / "without" / "output")
    assert plain.returncode == 0, plain.stderr
    return base / "site", result, plain.output


def test_site_with_drafts_builds_exactly_as_without_them(sites):
    _root, result, plain = sites
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(result.output) == tree_digest(plain)
    assert not (result.output / VI_URL).exists()
    assert "2099" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                 for p in result.output.rglob("*") if p.suffix in (".html", ".xml", ".json"))


def test_a_drafts_problems_are_warnings_and_check_says_the_same(sites):
    root, result, _ = sites
    diagnostics = build_diagnostics(result, root)
    broken = [line for line in diagnostics if "ban-nhap-dang-do/index.vi.md" in line]
    assert any("host: unknown organisation 'bo-khong-co'" in line for line in broken), diagnostics
    assert any("photos[0].file: file 'anh-1.jpg' not found" in line for line in broken), diagnostics
    assert any("photos[0].alt: alt text is required" in line for line in broken), diagnostics
    assert all(": warning: " in line for line in diagnostics)
    assert check_diagnostics(root) == diagnostics


def test_a_published_item_with_a_draft_translation(tmp_path):
    """Vietnamese published, English still a draft: the English page is the 'not translated yet' page."""
    content = make_content(tmp_path / "content")
    set_field(content / ITEM / "index.en.md", "status", "draft")
    result = build(content, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    assert (result.output / VI_URL / "index.html").is_file()
    assert not (result.output / EN_URL).exists()
    page = parse(result.output / VI_URL / "index.html")
    assert page.find("link", rel="alternate", hreflang="en") is None or \
        page.find("link", rel="alternate", hreflang="en")["href"].endswith(UNTRANSLATED_EN)
    assert (result.output / UNTRANSLATED_EN / "index.html").is_file()


def test_preview_shows_drafts_with_a_banner_in_the_pages_language(sites, tmp_path):
    root, _, _ = sites
    command_output = tmp_path / "preview"
    done = subprocess.run([sys.executable, "-m", "bloc_cli", "build", "--preview", "--quiet", "--content",
                           str(root / "content"), "--output", str(command_output), "--cache", str(tmp_path / "cache")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    vi = parse(command_output / VI_URL / "index.html").find(class_="notice-draft")
    en = parse(command_output / EN_URL / "index.html").find(class_="notice-draft")
    assert vi is not None and vi.find("strong").get_text() == "Bản nháp" and vi["role"] == "note"
    assert en is not None and en.find("strong").get_text() == "Draft"
    assert "not published yet" in en.get_text()
    pages = sorted((command_output / "tin-tuc" / "2099").glob("*/index.html"))
    banners = [parse(p).find(class_="notice-draft") for p in pages]
    assert any(b is not None and "2099" in b.get_text() for b in banners), pages
