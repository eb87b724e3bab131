"""Social cards and the wordmark: drawn with the theme's fonts, the same bytes every time,
drawn once per content thanks to the cache (like the photos)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from bloc_seo import cards, social
from PIL import Image, ImageColor

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
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")
    assert not {k for k in image.info if k != "dpi"}  # no text chunks, no profile, no time, no transparency
    # the brand band on top, the page's background under it
    rgb = image.convert("RGB")
    assert rgb.getpixel((5, 5)) == (0x9B, 0x1C, 0x1C) and rgb.getpixel((5, 300)) == (255, 255, 255)


def _colours(image: Image.Image, box: tuple[int, int, int, int]) -> set[tuple[int, int, int]]:
    return {colour for _count, colour in image.convert("RGB").crop(box).getcolors(maxcolors=1 << 16)}


def test_the_text_is_set_in_the_themes_colours_with_antialiased_edges(faces):
    image = Image.open(io.BytesIO(cards.render(CARD, faces)))
    band, title, date = (0, 0, 1200, cards.BAND), (0, cards.BAND + 1, 1200, 500), (0, 630 - 100, 1200, 630)
    # the darkest shade of each part is its ink, the lightest its paper, and shades lie between
    for box, paper, ink in ((band, cards.BRAND, cards.BRAND_TEXT), (title, cards.BACKGROUND, cards.TEXT),
                            (date, cards.BACKGROUND, cards.MUTED)):
        colours = _colours(image, box)
        assert ImageColor.getrgb(paper) in colours and ImageColor.getrgb(ink) in colours
        assert len(colours) > 8  # antialiased: shades between paper and ink
    # the rule under the title, in its own colour
    assert image.convert("RGB").getpixel((600, 630 - 111)) == ImageColor.getrgb(cards.RULE)


def test_the_palette_blends_each_ink_from_its_paper():
    assert len(cards.PALETTE) <= 256 * 3
    for name, (paper, ink) in cards.INKS.items():
        shades = cards.ramp(paper, ink)
        start = cards.INK[name].paper * 3
        assert cards.PALETTE[start:start + 3] == list(ImageColor.getrgb(paper))
        assert cards.PALETTE[cards.INK[name].ink * 3:cards.INK[name].ink * 3 + 3] == list(ImageColor.getrgb(ink))
        assert cards.PALETTE[start:start + len(shades)] == shades


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
    rgb = image.convert("RGB")
    assert image.size == cards.LOGO_SIZE and rgb.getpixel((1, 1)) == (0x9B, 0x1C, 0x1C)
    assert len(rgb.getcolors(maxcolors=4096)) > 2  # text was drawn


def test_alt_text_says_what_the_card_shows():
    assert cards.alt_text(CARD) == f"{CARD.title} – {CARD.bloc}, 16 tháng 1, 2021"
    home = cards.Card("en", "News of the Central Internal Affairs Emulation Bloc: awards", "Central Internal Affairs Emulation Bloc")
    assert cards.alt_text(home) == home.title


def _encodes(cache_dir: Path, out_dir: Path, *cards_to_draw, processes: int = 1) -> tuple[int, list[social.Picture]]:
    before = social.STATS["encodes"]
    painter = social.Painter(FONTS, cache_dir, out_dir)
    pictures = [painter.card(c) for c in cards_to_draw] + [painter.wordmark(CARD.bloc)]
    painter.finish(processes)
    return social.STATS["encodes"] - before, pictures


def test_a_pages_card_is_named_at_once_and_drawn_when_the_painter_finishes(tmp_path):
    painter = social.Painter(FONTS, tmp_path / "cache", tmp_path / "out")
    picture = painter.card(CARD)
    assert (picture.width, picture.height) == cards.SIZE and not (tmp_path / "out" / picture.name).exists()
    painter.finish()
    assert (tmp_path / "out" / picture.name).read_bytes() == cards.render(CARD, painter.faces)
    assert not painter.pending


def test_cards_drawn_on_two_cores_are_the_bytes_drawn_on_one(tmp_path):
    many = [cards.Card("vi", f"Hội nghị số {n}", CARD.bloc, f"{n} tháng 1, 2021") for n in range(social.FORK_FROM + 3)]
    one = _encodes(tmp_path / "cache1", tmp_path / "out1", *many)
    two = _encodes(tmp_path / "cache2", tmp_path / "out2", *many, processes=2)
    assert one[0] == two[0] == len(many) + 1 and one[1] == two[1]
    assert {p.name: (tmp_path / "out1" / p.name).read_bytes() for p in one[1]} == {
        p.name: (tmp_path / "out2" / p.name).read_bytes() for p in two[1]}


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
