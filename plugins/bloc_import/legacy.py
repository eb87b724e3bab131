"""The shape of a legacy CMS text: paragraphs, photo captions and a byline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

PHOTO_MARKER = "leftcenterrightdel"  # what the old CMS left where a photo was
_BYLINE_MAX_WORDS = 4
_BYLINE_MAX_CHARS = 40


@dataclass
class Legacy:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    byline: str | None = None


def read_legacy(text: str) -> Legacy:
    """Split the text into paragraphs; the line after each photo marker is a caption."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out = Legacy()
    current: list[str] = []
    expect_caption = False

    def flush() -> None:
        if current:
            out.paragraphs.append(" ".join(current))
            current.clear()

    for line in lines:
        if line == PHOTO_MARKER or line.startswith(PHOTO_MARKER):
            flush()
            rest = line[len(PHOTO_MARKER):].strip()
            if rest:
                out.captions.append(rest)
            else:
                expect_caption = True
            continue
        if expect_caption:
            if line:
                out.captions.append(line)
                expect_caption = False
            continue
        if line:
            current.append(line)
        else:
            flush()
    flush()
    if out.paragraphs and is_byline(out.paragraphs[-1]):
        out.byline = out.paragraphs.pop().strip("*_ ")
    return out


def is_byline(line: str) -> bool:
    """A last line like 'TG-PV' or 'Minh Anh': short, no sentence punctuation."""
    bare = line.strip("*_ ")
    return (0 < len(bare) <= _BYLINE_MAX_CHARS and len(bare.split()) <= _BYLINE_MAX_WORDS
            and not re.search(r"[.;:!?]$", bare))
