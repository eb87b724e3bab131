"""Vietnamese-aware slugs: tone marks stripped, đ → d, ASCII, hyphenated."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Remove diacritics (đ → d) and lowercase: 'Đồng' → 'dong'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slugify(text: str, max_length: int = 80) -> str:
    slug = _NON_ALNUM.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "bai-viet"
