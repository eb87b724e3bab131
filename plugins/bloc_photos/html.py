"""`<figure><picture>` markup for a processed photo, and body markers `[[photo:file.jpg]]`."""

from __future__ import annotations

import html as std_html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

# Markdown turns a paragraph `[[photo:x.jpg]]` into `<p>[[photo:x.jpg]]</p>`.
MARKER = re.compile(r"<p>\s*\[\[photo:\s*([^\]<>]+?)\s*\]\]\s*</p>")
DEFAULT_WIDTH = 960  # the <img src> for browsers without srcset support


def _srcset(renditions: list[dict[str, Any]], urls: Mapping[str, str], fmt: str) -> str:
    chosen = sorted((r for r in renditions if r["format"] == fmt), key=lambda r: r["width"])
    return ", ".join(f"{urls[r['file']]} {r['width']}w" for r in chosen)


def _fallback(renditions: list[dict[str, Any]]) -> dict[str, Any]:
    jpegs = sorted((r for r in renditions if r["format"] == "jpeg"), key=lambda r: r["width"])
    jpegs = jpegs or sorted(renditions, key=lambda r: r["width"])
    fitting = [r for r in jpegs if r["width"] <= DEFAULT_WIDTH]
    return fitting[-1] if fitting else jpegs[0]


def picture(renditions: list[dict[str, Any]], urls: Mapping[str, str], *, alt: str,
            sizes: str, lead: bool = False) -> Markup:
    """`<picture>` with a WebP `<source>` and a JPEG `<img>`; the lead loads eagerly and first."""
    img = _fallback(renditions)
    parts = ["<picture>"]
    if any(r["format"] == "webp" for r in renditions) and img["format"] != "webp":
        parts.append(f'<source type="image/webp" srcset="{escape(_srcset(renditions, urls, "webp"))}" '
                     f'sizes="{escape(sizes)}">')
    loading = 'fetchpriority="high"' if lead else 'loading="lazy"'
    parts.append(
        f'<img src="{escape(urls[img["file"]])}" srcset="{escape(_srcset(renditions, urls, img["format"]))}" '
        f'sizes="{escape(sizes)}" width="{int(img["width"])}" height="{int(img["height"])}" '
        f'alt="{escape(alt)}" {loading} decoding="async">')
    parts.append("</picture>")
    return Markup("".join(parts))


def figure(renditions: list[dict[str, Any]], urls: Mapping[str, str], *, alt: str | None,
           caption: str | None = None, credit: str | None = None, credit_label: str = "",
           decorative: bool = False, lead: bool = False, sizes: str = "100vw") -> Markup:
    """`<figure>` around the picture, with caption and credit (label in the page's language)."""
    pic = picture(renditions, urls, alt="" if decorative else (alt or ""), sizes=sizes, lead=lead)
    classes = "photo photo--lead" if lead else "photo"
    caption_parts = []
    if caption:
        caption_parts.append(f'<span class="photo__caption">{escape(caption)}</span>')
    if credit:
        label = f"{escape(credit_label)} " if credit_label else ""
        caption_parts.append(f'<span class="photo__credit">{label}{escape(credit)}</span>')
    figcaption = f"<figcaption>{' '.join(caption_parts)}</figcaption>" if caption_parts else ""
    return Markup(f'<figure class="{classes}">{pic}{figcaption}</figure>')


def markers(html: str) -> list[str]:
    """File names of the paragraph markers in a rendered body, in order."""
    return [std_html.unescape(m.group(1)) for m in MARKER.finditer(html)]


def replace_markers(html: str, figures: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace each `<p>[[photo:x]]</p>` with its figure; unknown markers are left and returned."""
    unknown: list[str] = []

    def swap(match: re.Match[str]) -> str:
        name = std_html.unescape(match.group(1))
        if name in figures:
            return str(figures[name])
        unknown.append(name)
        return match.group(0)

    return MARKER.sub(swap, html), unknown


def gallery(figures: Mapping[str, str], order: Iterable[str], exclude: Iterable[str] = ()) -> Markup:
    """The figures not placed in the body (nor excluded, e.g. the lead), in front-matter order."""
    skip = set(exclude)
    shown = [str(figures[name]) for name in order if name in figures and name not in skip]
    if not shown:
        return Markup("")
    return Markup(f'<div class="photo-gallery">{"".join(shown)}</div>')
