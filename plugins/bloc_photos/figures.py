"""The photos of one article in one language: figures, lead, gallery, social and structured images (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from . import html


@dataclass
class Processed:
    """A processed photo: its manifest and the URL of each cached file name."""

    manifest: dict[str, Any]
    urls: dict[str, str]


@dataclass
class ArticlePhotos:
    figures: dict[str, Markup] = field(default_factory=dict)  # file -> <figure>
    lead: str | None = None  # file of the lead photo
    social_image: str | None = None  # URL of the 1200x630 image
    social_image_size: tuple[int, int] | None = None  # its true size: smaller when the photo is
    social_image_alt: str | None = None  # the photo's alt text in this language
    # The same photo's 16:9, 4:3 and 1:1 crops for structured data: [{"url", "width", "height"}]
    structured_images: list[dict[str, Any]] = field(default_factory=list)


def article_photos(photos: Sequence[Any], words: Mapping[str, Any], processed: Mapping[str, Processed],
                   *, credit_label: str, sizes: str) -> ArticlePhotos:
    """`photos`: the original's Photo models (facts); `words`: this language's Photo by file."""
    out = ArticlePhotos()
    for photo in photos:
        done = processed.get(photo.file)
        if done is None:
            continue  # reported as a diagnostic by the caller
        # Words come only from this language's file: never the original's words on a translation.
        own = words.get(photo.file)
        if photo.lead and out.lead is None:
            out.lead = photo.file
        out.figures[photo.file] = html.figure(
            done.manifest["renditions"], done.urls, alt=own.alt if own else None,
            caption=own.caption if own else None,
            credit=photo.credit, credit_label=credit_label, decorative=photo.decorative,
            lead=photo.file == out.lead, sizes=sizes)
    # The social image: the lead's, else the first photo that is not decorative, else the first.
    ranked = sorted((p for p in photos if p.file in processed),
                    key=lambda p: (p.file != out.lead, p.decorative))
    if ranked:
        social = processed[ranked[0].file]
        entry = social.manifest["social"]
        out.social_image = social.urls[entry["file"]]
        out.social_image_size = (entry["width"], entry["height"])
        own = words.get(ranked[0].file)
        out.social_image_alt = own.alt if own and own.alt else None
        out.structured_images = [{"url": social.urls[c["file"]], "width": c["width"], "height": c["height"]}
                                 for c in social.manifest.get("crops", [])]
    return out


def place_in_body(body: str, result: ArticlePhotos, order: Sequence[str]) -> tuple[str, Markup, Markup, list[str]]:
    """(body with markers replaced, lead figure, gallery of the rest, unknown markers).

    A photo placed in the body by `[[photo:file]]` is shown there only; the lead (if not
    placed) goes above the body; every other photo goes to the gallery after it. `order`
    is every declared file; a marker naming anything else is returned as unknown.
    """
    placed = set(html.markers(body))
    # A declared photo that failed is already reported: its marker just disappears.
    new_body, unknown = html.replace_markers(body, {name: result.figures.get(name, "") for name in order})
    lead = Markup("")
    if result.lead and result.lead not in placed:
        lead = result.figures[result.lead]
    gallery = html.gallery(result.figures, order, exclude=placed | ({result.lead} if result.lead else set()))
    return new_body, lead, gallery, unknown
