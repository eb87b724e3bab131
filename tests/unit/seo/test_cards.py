"""Social cards and the wordmark: drawn with the theme's fonts, the same bytes every time,
drawn once per content thanks to the cache (like the photos)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from bloc_seo import cards, social
from PIL import Image

FONTS = Path(__file__).resolve().parents[3] / "theme" / "static" / "fonts"
CARD = cards.Card("vi", "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2020 và ký kết Giao ước thi đua năm 2021",
                  "Khối thi đua các bộ, ngành Nội chính Trung ương", "16 tháng 1, 2021")


@pytest.fixture(scope="module")
def faces():
    return cards.typefaces(FONTS)


def test_the_theme_has_the_card_fonts_and_they_cover_vietnamese(faces):
    for face in faces.values():
        assert all(path.is_file() for path in face.paths)
        assert face.missing("ĂÂĐÊÔƠƯăâđêôơư ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ ÀÁÈÉÌÍÒÓÙÚÝàáèéìíòóùúý") == []
        assert face.missing("“Giao ước” – 100% đạt: 2021–2025…") == []


def test_a_card_is_a_1200x630_png_without_metadata_and_the_same_bytes_every_time(faces):
    first, second = cards.render(CARD, faces), cards.render(CARD, faces)
    assert first == second
    image = Image.open(io.BytesIO(first))
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "RGB")
    assert not {k for k in image.info if k not in ("dpi",)}  # no text chunks, no profile, no time
    # the brand band on top, the page's background under it
    assert image.getpixel((5, 5)) == (0x9B, 0x1C, 0x1C) and image.getpixel((5, 300)) == (255, 255, 255)


def test_every_word_of_the_title_is_set_when_it_fits(faces):
    size, lines = cards.fit(CARD.title, faces["bold"], 1200 - 2 * cards.MARGIN)
    assert " ".join(lines) == CARD.title and len(lines) <= cards.MAX_LINES and size in cards.TITLE_SIZES


def test_a_title_too_long_for_the_card_ends_with_an_ellipsis(faces):
    size, lines = cards.fit("Hội nghị " * 60, faces["bold"], 1056)
    assert size == cards.TITLE_SIZES[-1] and len(lines) == cards.MAX_LINES and lines[-1].endswith("…")
    assert all(faces["bold"].width(line, size) <= 1056 for line in lines)


def test_characters_the_fonts_lack_are_named(faces):
    assert faces["bold"].missing("Hội nghị 会议 ✓") == ["✓", "会", "议"]


def test_the_wordmark_is_the_blocs_name_on_the_brand_colour(faces):
    image = Image.open(io.BytesIO(cards.render_wordmark(CARD.bloc, faces)))
    assert image.size == cards.LOGO_SIZE and image.getpixel((1, 1)) == (0x9B, 0x1C, 0x1C)
    assert image.getcolors(maxcolors=4096) and len(image.getcolors(maxcolors=4096)) > 2  # text was drawn


def test_alt_text_says_what_the_card_shows():
    assert cards.alt_text(CARD) == f"{CARD.title} – {CARD.bloc}, 16 tháng 1, 2021"
    home = cards.Card("en", "News of the Central Internal Affairs Emulation Bloc: awards", "Central Internal Affairs Emulation Bloc")
    assert cards.alt_text(home) == home.title


def _encodes(cache_dir: Path, out_dir: Path, *cards_to_draw) -> tuple[int, list[social.Picture]]:
    before = social.STATS["encodes"]
    painter = social.Painter(FONTS, cache_dir, out_dir)
    pictures = [painter.card(c) for c in cards_to_draw] + [painter.wordmark(CARD.bloc)]
    return social.STATS["encodes"] - before, pictures


def test_cards_are_drawn_once_then_come_from_the_cache_byte_for_byte(tmp_path):
    other = cards.Card("en", "Review of 2020", "Central Internal Affairs Emulation Bloc", "January 16, 2021")
    count, pictures = _encodes(tmp_path / "cache", tmp_path / "out", CARD, other, CARD)
    assert count == 3  # two cards (one asked twice) and the wordmark
    first = {p.name: (tmp_path / "out" / p.name).read_bytes() for p in pictures}
    count, again = _encodes(tmp_path / "cache", tmp_path / "out-again", CARD, other)
    assert count == 0
    assert {p.name: (tmp_path / "out-again" / p.name).read_bytes() for p in again} == first
    changed = cards.Card("en", "Review of 2020", "Central Internal Affairs Emulation Bloc", "January 17, 2021")
    assert _encodes(tmp_path / "cache", tmp_path / "out-again", changed)[0] == 1


def test_a_damaged_cache_entry_is_drawn_again(tmp_path):
    _encodes(tmp_path / "cache", tmp_path / "out", CARD)
    for path in (tmp_path / "cache").rglob(social.CARD_FILE):
        path.unlink()
    assert _encodes(tmp_path / "cache", tmp_path / "out2", CARD)[0] == 2
