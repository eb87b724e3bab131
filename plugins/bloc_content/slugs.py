"""Vietnamese-aware slugs: 'Ký Giao ước thi đua năm 2021' -> 'ky-giao-uoc-thi-dua-nam-2021'."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 80) -> str:
    """NFD, strip combining marks, đ→d, lowercase, runs of other characters → '-'."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("đ", "d").replace("Đ", "D").lower()
    slug = _NON_ALNUM.sub("-", bare).strip("-")
    if len(slug) > max_length:
        # cut at a word boundary so the slug never ends mid-word
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
