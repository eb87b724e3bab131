"""Images written in the body. A photo is published only through `photos:` (resolved in the
item's folder, stripped of its metadata, resized, with alt text in both languages); an
image in the body would skip all of that, and a remote one would have every reader's
browser call another site. Each is refused with its line."""

from __future__ import annotations

import re

from .diagnostics import Diagnostic, t
from .prose import prose_lines

_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\s*(?:\(\s*<?([^)\s>]*)|\[([^\]]*)\])")
_HTML_IMAGE = re.compile(r"<(?:img|picture|source|image)\b[^>]*?(?:\s(?:src|srcset)\s*=\s*[\"']?([^\"'\s>]*))?", re.IGNORECASE)
_REMOTE = re.compile(r"(?i)^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)")


def body_images(body: str, body_line: int, path: str) -> list[Diagnostic]:
    """An error for each image in the body."""
    problems = []
    for offset, line in prose_lines(body):
        if "![" not in line and "<" not in line:
            continue
        for match in [*_MARKDOWN_IMAGE.finditer(line), *_HTML_IMAGE.finditer(line)]:
            source = match.group(1) or ""
            if _REMOTE.match(source):
                message = t("the image '{src}' would be loaded from another site by every reader", src=source)
            else:
                message = t("an image in the body ('{src}') is not published", src=source or match.group(0))
            problems.append(Diagnostic(path, body_line + offset, "", message,
                                       t("put the photo in the item's folder and declare it under photos: with its alt text")))
    return problems
