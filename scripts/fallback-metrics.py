"""Metric overrides of the fallback @font-face rules in theme/static/css/site.css.

For each font a reader's device may have instead of Be Vietnam Pro (Arial and its metric
twins, Roboto, DejaVu Sans), prints `size-adjust` (so a text of the site's two languages
is as wide as in Be Vietnam Pro) and `ascent-override`/`descent-override` (so lines are
as tall), computed with fontTools from the real font files:

    python scripts/fallback-metrics.py FALLBACK.ttf[,BOLD.ttf] ...

Fonts (Debian 12): fonts-liberation (Liberation Sans, Arial's metrics), fonts-urw-base35
(Nimbus Sans, Helvetica's metrics), fonts-roboto-unhinted (Roboto), fonts-dejavu-core.
The sample is the text of the content's items in both languages, so letters are weighted
by how often the site uses them.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "theme" / "static" / "fonts"
WEB = {400: ["be-vietnam-pro-vietnamese-400.woff2", "be-vietnam-pro-latin-400.woff2"],
       700: ["be-vietnam-pro-vietnamese-700.woff2", "be-vietnam-pro-latin-700.woff2"]}


def sample() -> Counter[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "news").rglob("*.md")))
    return Counter(c for c in unicodedata.normalize("NFC", text) if c.isprintable())


class Metrics:
    def __init__(self, paths: list[Path]):
        self.fonts = [TTFont(p) for p in paths]
        self.upm = self.fonts[0]["head"].unitsPerEm
        os2 = self.fonts[0]["OS/2"]
        hhea = self.fonts[0]["hhea"]
        # Browsers use the typo metrics when USE_TYPO_METRICS is set, else hhea (Chromium on Linux/Android).
        if os2.fsSelection & (1 << 7):
            self.ascent, self.descent = os2.sTypoAscender, -os2.sTypoDescender
        else:
            self.ascent, self.descent = hhea.ascent, -hhea.descent

    def width(self, char: str) -> float | None:
        """Advance of `char` in em, from the first file that has it."""
        for font in self.fonts:
            glyph = font.getBestCmap().get(ord(char))
            if glyph is not None:
                return font["hmtx"][glyph][0] / font["head"].unitsPerEm
        return None


def average(metrics: Metrics, counts: Counter[str], other: Metrics) -> float:
    """Frequency-weighted advance over the characters both fonts have."""
    total = weight = 0.0
    for char, n in counts.items():
        mine, theirs = metrics.width(char), other.width(char)
        if mine is not None and theirs is not None:
            total += mine * n
            weight += n
    return total / weight


def overrides(web: Metrics, fallback: Metrics, counts: Counter[str]) -> dict[str, str]:
    size = average(web, counts, fallback) / average(fallback, counts, web)
    return {"size-adjust": f"{size * 100:.2f}%",
            "ascent-override": f"{web.ascent / web.upm / size * 100:.2f}%",
            "descent-override": f"{web.descent / web.upm / size * 100:.2f}%",
            "line-gap-override": "0%"}


def main(args: list[str]) -> None:
    counts = sample()
    for arg in args:
        for weight, path in zip((400, 700), arg.split(","), strict=False):
            web = Metrics([FONTS / name for name in WEB[weight]])
            print(f"{Path(path).name} ({weight}):", "; ".join(f"{k}: {v}" for k, v in overrides(
                web, Metrics([Path(path)]), counts).items()))


if __name__ == "__main__":
    main(sys.argv[1:])
