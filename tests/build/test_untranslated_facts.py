"""The page for an item not translated into English: its facts in English from the
registries (the fact box of a translated page), its own words in Vietnamese, marked so."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tests.conftest import build, make_content, parse

ITEM = Path("news") / "2021" / "tong-ket-2020-ky-giao-uoc-2021"
KEY = "tong-ket-2020-ky-giao-uoc-2021"
UNTRANSLATED = f"en/news/untranslated/{KEY}/index.html"
TRANSLATED = "en/news/2021/central-internal-affairs-emulation-bloc-signs-2021-emulation-covenant/index.html"
MOTTO_VI = "Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả"


def untranslated_site(base: Path) -> Path:
    """The fixture site with the English file of its richest item (event, awards, elections,
    covenant) removed; returns the output folder."""
    content = make_content(base / "content")
    (content / ITEM / "index.en.md").unlink()
    result = build(content, base / "output")
    assert result.returncode == 0, result.stderr
    return result.output


@pytest.fixture(scope="module")
def untranslated(tmp_path_factory):
    return parse(untranslated_site(tmp_path_factory.mktemp("untranslated")) / UNTRANSLATED)


@pytest.fixture(scope="module")
def translated(built_site):
    return parse(built_site / TRANSLATED)


def _box(soup) -> list[str]:
    """The fact box as text, the place and motto (the item's own words) left out."""
    box = copy.copy(soup.select_one("section.facts"))
    for words in box.select("q, .note"):
        words.decompose()
    return [" ".join(node.get_text(" ", strip=True).split()) for node in box.select("dt, dd, th, td, h2, h3")]


def test_the_page_is_english_and_says_the_full_text_is_in_vietnamese(untranslated):
    assert untranslated.html["lang"] == "en"
    notice = untranslated.select_one("main .notice").get_text(" ", strip=True)
    assert "has not been translated into English yet" in notice and "full text is in Vietnamese" in notice
    original = untranslated.main.find("a", attrs={"hreflang": "vi"})
    assert original["lang"] == "vi" and original["href"].startswith("/tin-tuc/2021/")
    assert len(untranslated.find_all("h1")) == 1


def test_the_facts_are_those_of_the_translated_page_in_english(untranslated, translated):
    assert _box(untranslated) == _box(translated)
    box = untranslated.select_one("section.facts").get_text(" ", strip=True)
    for english in ["Year-end review conference", "Deputy Minister, Ministry of Public Security",
                    "Government Emulation Flag", "Proposed by the bloc", "Bloc leadership for 2021"]:
        assert english in box


def test_vietnamese_words_are_marked_and_the_motto_has_a_note(untranslated):
    motto = untranslated.select_one("section.facts .motto")
    assert motto.q["lang"] == "vi" and motto.q.get_text() == MOTTO_VI
    assert motto.select_one(".note").get_text() == "(in Vietnamese: no translation has been given)"
    summary = untranslated.main.find("p", attrs={"lang": "vi"})
    assert summary and "tổng kết công tác thi đua" in summary.get_text()
