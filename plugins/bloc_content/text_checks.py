"""Checks on an item's words that the schema cannot express: a title with no words, an
empty body, an alt text that is a file name, text in a legacy Vietnamese encoding."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from .diagnostics import Diagnostic, t
from .frontmatter import FrontMatter

# Characters that Vietnamese text never uses but that TCVN3 (ABC) or VNI text shows when it
# was read as Windows-1252 and saved as UTF-8 ('Héi nghÞ', 'Hoäi nghò'). « » ° © and the
# middle dot are left out: real text uses them.
_LEGACY = frozenset("¸µ¶¹¨ª¬®¯±²³´¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ")
_LEGACY_MIN = 2  # on one line: a single odd character is a typo, two are an encoding
# Names cameras and phones give photos: an alt text like this describes nothing.
_FILE_NAME = re.compile(r"(?i)^[\w .-]*\.(jpe?g|png|webp|gif|tiff?|heic|bmp)$|^(img|dsc[nf]?|pxl|p|_mg|dji)[_-]?\d{3,}\w*$")


def has_words(text: str) -> bool:
    """True when the text has a letter or a digit (not only punctuation and symbols)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def is_file_name(text: str) -> bool:
    return bool(_FILE_NAME.match(text.strip()))


def _photos(data) -> list:
    """The photos list as written, or [] when it is not a list (the schema reports that)."""
    photos = data.get("photos") if isinstance(data, dict) else None
    return photos if isinstance(photos, list) else []


def check_words(front: FrontMatter, path: str, published: bool) -> list[Diagnostic]:
    """Title with words, a body below the front matter, alt texts that describe, no mojibake."""
    data = front.data if isinstance(front.data, dict) else {}
    problems: list[Diagnostic] = []
    title = data.get("title")
    if isinstance(title, str) and title.strip() and not has_words(title):
        problems.append(Diagnostic(path, front.line_of(("title",)), "title",
                                   t("'{title}' has no letters or digits", title=title),
                                   t("write the title in words")))
    if not front.body.strip():
        problems.append(Diagnostic(path, front.body_line - 1, "", t("the item has no text below the front matter"),
                                   t("write the article below the second '---' line"),
                                   severity="error" if published else "warning"))
    for index, photo in enumerate(_photos(data)):
        if not isinstance(photo, dict):
            continue
        alt = photo.get("alt")
        if isinstance(alt, str) and is_file_name(alt) and _stem(alt) != _stem(str(photo.get("file", ""))):
            problems.append(Diagnostic(path, front.line_of(("photos", index, "alt")), f"photos[{index}].alt",
                                       t("alt text '{alt}' is a file name", alt=alt), t("describe what the photo shows")))
    problems.extend(check_legacy_encoding(front.text, path))
    return problems


def check_missing_alts(data: dict, front: FrontMatter, path: str) -> list[Diagnostic]:
    """Photos with no alt text, found on the raw data: reported even when another error
    (such as `alt: ""`) stops the model from being built."""
    problems = []
    for index, photo in enumerate(_photos(data)):
        if isinstance(photo, dict) and "alt" not in photo and photo.get("decorative") is not True:
            problems.append(Diagnostic(path, front.line_of(("photos", index)), f"photos[{index}].alt",
                                       t("alt text is required"), t("describe what the photo shows, or set decorative: true")))
    return problems


def check_legacy_encoding(text: str, path: str) -> list[Diagnostic]:
    """A warning on the first line that reads like TCVN3 or VNI text saved as UTF-8."""
    for number, line in enumerate(text.split("\n"), start=1):
        if sum(ch in _LEGACY for ch in line) >= _LEGACY_MIN:
            return [Diagnostic(path, number, "", t("this line looks like text in a legacy Vietnamese encoding (TCVN3 or VNI)"),
                               t("convert the text to Unicode (e.g. with UniKey's converter) and paste it again"),
                               severity="warning")]
    return []


def _stem(text: str) -> str:
    return PurePosixPath(text.strip().lower()).stem
