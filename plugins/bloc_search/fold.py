"""Diacritic folding shared by the index and the search page (theme/static/js/search.js).

Vietnamese readers type with or without tone marks, and often `d` for `đ`. Pagefind
strips combining marks itself but treats `đ` as a letter of its own, so both the indexed
text and the query are folded the same way: NFD, drop U+0300-U+036F, `đ` -> `d`, NFC.
Folding maps one character to one character, so word boundaries do not move.
"""

from __future__ import annotations

import re
import unicodedata

_COMBINING = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """The text without tone marks or other diacritics, `đ` read as `d`."""
    decomposed = unicodedata.normalize("NFD", text)
    # `đ` has no decomposition, so it is always the one code point; replace() is several
    # times faster than str.translate on non-ASCII text.
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed)).replace("đ", "d").replace("Đ", "D")
