"""`[[photo:file]]` markers in an item's Markdown, found without rendering it."""

from __future__ import annotations

import html
import re

from bloc_content.diagnostics import Diagnostic, did_you_mean, t

# A paragraph that is only a marker (what html.MARKER finds once the body is rendered).
_PARAGRAPH_MARKER = re.compile(r"\s*\[\[photo:\s*([^\]<>]+?)\s*\]\]\s*")


def source_markers(body: str) -> list[str]:
    """File names of the marker paragraphs of a Markdown body, in order."""
    paragraphs = re.split(r"\n[ \t]*\n", body)
    return [html.unescape(m.group(1)) for m in map(_PARAGRAPH_MARKER.fullmatch, paragraphs) if m]


def unknown_marker(parsed, name: str, files: list[str]) -> Diagnostic:
    """A marker naming no photo of the item, at its line in the file (a ParsedItem)."""
    front = parsed.front
    match = re.search(r"\[\[photo:\s*" + re.escape(name), front.body)
    line = front.body_line + front.body[: match.start()].count("\n") if match else front.body_line
    return Diagnostic(parsed.path, line, "body", t("[[photo:{name}]] names no photo of this item", name=name),
                      did_you_mean(name, files) or t("declare it under photos: in the front matter first"))
