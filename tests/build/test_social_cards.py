"""A title the card's fonts cannot fully show: the card leaves those characters out and the
build says so, naming the item's title line; the page itself keeps them."""

from __future__ import annotations

import shutil

from tests.conftest import SITE_FIXTURE, build, make_content, parse

ITEM = "news/2019/tong-ket-2018"


def test_a_character_the_fonts_lack_is_a_warning_naming_the_title_line(tmp_path):
    content = make_content(tmp_path / "content", source=None)
    shutil.copytree(SITE_FIXTURE / ITEM, content / ITEM)
    source = content / ITEM / "index.vi.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "title: Tổng kết công tác thi đua năm 2018", "title: Tổng kết công tác thi đua năm 2018 ✓"), encoding="utf-8")
    result = build(content, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "social card" in line]
    assert len(warnings) == 1, result.stderr
    assert f"{ITEM}/index.vi.md:2: warning: title: the social card cannot show '✓' (U+2713): " \
           "the theme's fonts lack them (they are left out of the card; the page itself shows them)" in warnings[0]
    page = parse(next((tmp_path / "output" / "tin-tuc" / "2019").glob("*/index.html")))
    assert page.h1.get_text(strip=True).endswith("✓")
    assert page.find("meta", attrs={"property": "og:image"})["content"].endswith(".png")
