"""Social cards and the site's wordmark, drawn with Pillow (no Pelican).

A card is the 1200x630 picture a shared link shows when its page has no photo: the bloc's
name on the theme's brand band, the page's title set in Be Vietnam Pro Bold, and the date or
year under a rule. The theme's fonts are subsets (one file for Latin, one for the letters
only Vietnamese uses), so each character is set in the first file that has it.

Every colour on a card is a shade between one of a few paper colours and its ink, so a card
is drawn as one byte per pixel into a fixed palette (`PALETTE`): the antialiasing blends
indexes linearly exactly as it would blend the colours. That is a ninth of the time of an
RGB card with an optimised PNG, and half the bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageColor, ImageDraw, ImageFont

SIZE = (1200, 630)
LOGO_SIZE = (600, 60)
# The theme's colours (theme/static/css/site.css): --brand, --brand-text, --text, --muted, --rule.
BRAND, BRAND_TEXT, TEXT, MUTED, RULE, BACKGROUND = "#9b1c1c", "#ffffff", "#0b0c0c", "#484949", "#d3d4d5", "#ffffff"
MARGIN = 72
BAND = 104
TITLE_SIZES = (68, 60, 52, 46)  # the largest that sets the title in at most MAX_LINES lines
MAX_LINES = 4
SHADES = 64  # per paper and ink: finer than the eye sees on text, and four inks fit one palette
# (paper, ink) in palette order; `Ink.paper`/`Ink.ink` are their indexes.
INKS = {"title": (BACKGROUND, TEXT), "band": (BRAND, BRAND_TEXT), "date": (BACKGROUND, MUTED), "rule": (RULE, RULE)}
FONT_FILES = {"bold": ("be-vietnam-pro-latin-700.woff2", "be-vietnam-pro-vietnamese-700.woff2"),
              "regular": ("be-vietnam-pro-latin-400.woff2", "be-vietnam-pro-vietnamese-400.woff2")}


@dataclass(frozen=True)
class Card:
    lang: str
    title: str
    bloc: str  # the bloc's name in the card's language
    when: str = ""  # the date or year, already in words


@dataclass(frozen=True)
class Typeface:
    """One weight of a family split over subset files, tried in order for each character."""

    paths: tuple[Path, ...]
    _loaded: dict[tuple[int, int], ImageFont.FreeTypeFont] = field(default_factory=dict, compare=False, repr=False)
    _file_of: dict[str, int | None] = field(default_factory=dict, compare=False, repr=False)  # char -> file index

    @cached_property
    def cmaps(self) -> tuple[frozenset[int], ...]:
        return tuple(frozenset(TTFont(path).getBestCmap()) for path in self.paths)

    def font(self, index: int, size: int) -> ImageFont.FreeTypeFont:
        # BASIC layout: the same pixels whether or not Pillow found libraqm on this machine.
        if (index, size) not in self._loaded:
            self._loaded[index, size] = ImageFont.truetype(str(self.paths[index]), size,
                                                           layout_engine=ImageFont.Layout.BASIC)
        return self._loaded[index, size]

    def runs(self, text: str) -> list[tuple[int, str]]:
        """(file index, text) runs; characters no file has are left out (see `missing`)."""
        out: list[tuple[int, str]] = []
        for char in text:
            if char not in self._file_of:
                self._file_of[char] = next((i for i, cmap in enumerate(self.cmaps) if ord(char) in cmap), None)
            index = self._file_of[char]
            if index is None:
                continue
            if out and out[-1][0] == index:
                out[-1] = (index, out[-1][1] + char)
            else:
                out.append((index, char))
        return out

    @cached_property
    def covered(self) -> frozenset[str]:
        """Every character some file of the face has."""
        return frozenset(chr(code) for cmap in self.cmaps for code in cmap)

    def missing(self, text: str) -> list[str]:
        return sorted(set(text) - self.covered)

    def width(self, text: str, size: int) -> float:
        return sum(self.font(i, size).getlength(run) for i, run in self.runs(text))

    def draw(self, draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill: int) -> None:
        """Text with its baseline at xy[1]."""
        x, y = xy
        for i, run in self.runs(text):
            font = self.font(i, size)
            draw.text((x, y), run, font=font, fill=fill, anchor="ls")
            x += font.getlength(run)


def typefaces(fonts_dir: Path) -> dict[str, Typeface]:
    return {weight: Typeface(tuple(fonts_dir / name for name in names)) for weight, names in FONT_FILES.items()}


def wrap(text: str, face: Typeface, size: int, width: float) -> list[str]:
    """Greedy word wrap; a word wider than the line stays whole on its own line."""
    lines: list[str] = []
    for word in text.split():
        if lines and face.width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fit(text: str, face: Typeface, width: float, sizes: Sequence[int] = TITLE_SIZES,
        max_lines: int = MAX_LINES) -> tuple[int, list[str]]:
    """The largest size that sets `text` in `max_lines` lines; at the smallest, an ellipsis ends it."""
    for size in sizes:
        lines = wrap(text, face, size, width)
        if len(lines) <= max_lines and all(face.width(line, size) <= width for line in lines):
            return size, lines
    size = sizes[-1]
    lines = wrap(text, face, size, width)[:max_lines]
    while lines[-1] and face.width(lines[-1] + "…", size) > width:
        lines[-1] = lines[-1][:-1].rstrip()
    lines[-1] += "…"
    return size, lines


@dataclass(frozen=True)
class Ink:
    """A palette ramp: index `paper` is the paper's colour, `paper + SHADES - 1` the ink's."""

    paper: int

    @property
    def ink(self) -> int:
        return self.paper + SHADES - 1


def ramp(paper: str, ink: str) -> list[int]:
    """SHADES colours from paper to ink, as flat RGB values: the blend Pillow would make."""
    start, end = ImageColor.getrgb(paper), ImageColor.getrgb(ink)
    return [round(a + (b - a) * step / (SHADES - 1)) for step in range(SHADES) for a, b in zip(start, end, strict=True)]


PALETTE = [value for paper, ink in INKS.values() for value in ramp(paper, ink)]
INK = {name: Ink(n * SHADES) for n, name in enumerate(INKS)}


def _png(shades: Image.Image) -> bytes:
    """The drawn indexes ("L") as a palette PNG: no metadata, no timestamp, the same bytes every time."""
    image = Image.frombytes("P", shades.size, shades.tobytes())
    image.putpalette(PALETTE)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=3)  # optimize would take 20 times as long for 25% fewer bytes
    return buffer.getvalue()


def render(card: Card, faces: dict[str, Typeface]) -> bytes:
    """The card as PNG bytes."""
    bold, regular = faces["bold"], faces["regular"]
    image = Image.new("L", SIZE, INK["title"].paper)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, SIZE[0], BAND), fill=INK["band"].paper)
    name_size, name_lines = fit(card.bloc, bold, width, sizes=(32, 28, 24), max_lines=1)
    bold.draw(draw, (MARGIN, BAND / 2 + name_size * 0.36), name_lines[0], name_size, INK["band"].ink)
    size, lines = fit(card.title, bold, width)
    leading = round(size * 1.22)
    top = BAND + 64 + size
    for n, line in enumerate(lines):
        bold.draw(draw, (MARGIN, top + n * leading), line, size, INK["title"].ink)
    rule = SIZE[1] - 112
    draw.rectangle((MARGIN, rule, SIZE[0] - MARGIN, rule + 2), fill=INK["rule"].ink)
    if card.when:
        draw.rectangle((0, rule + 3, SIZE[0], SIZE[1]), fill=INK["date"].paper)  # same white, the date's ramp
        regular.draw(draw, (MARGIN, rule + 62), card.when, 32, INK["date"].ink)
    return _png(image)


def render_wordmark(name: str, faces: dict[str, Typeface]) -> bytes:
    """The bloc's name set in white on the brand colour: the publisher's logo (600x60)."""
    image = Image.new("L", LOGO_SIZE, INK["band"].paper)
    draw = ImageDraw.Draw(image)
    size, lines = fit(name, faces["bold"], LOGO_SIZE[0] - 24, sizes=tuple(range(28, 11, -1)), max_lines=1)
    faces["bold"].draw(draw, (12, LOGO_SIZE[1] / 2 + size * 0.36), lines[0], size, INK["band"].ink)
    return _png(image)


def alt_text(card: Card) -> str:
    """What the card shows, as its alternative text."""
    title = card.title if card.bloc in card.title else f"{card.title} – {card.bloc}"
    return ", ".join(part for part in (title, card.when) if part)
