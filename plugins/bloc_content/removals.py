"""What the allowlist will remove from a body, said before it happens, and text that only
looks like HTML kept as text.

`a<b và c>d` or `<Nghị định số 91/2017/NĐ-CP>` are not tags by the HTML grammar, but
Python-Markdown passes them through as raw HTML, and the browser's parser then makes a
`<b>` of the first (the rest of the article turns bold) and drops the second. Such text
is escaped so that it reads as written. Real tags and links the allowlist refuses are
reported as warnings with their line: nothing an author wrote disappears in silence.
"""

from __future__ import annotations

import html
import re

from bloc_safety.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_CLASSES,
    ALLOWED_TAGS,
    CLEAN_CONTENT_TAGS,
    EMBED_SRC,
    url_is_safe,
)

from .diagnostics import Diagnostic, t
from .prose import map_prose, prose_lines

_ATTRIBUTE = r"""\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
# The HTML grammar of a tag, a comment and an autolink (CommonMark's, which browsers share).
_OPEN_TAG = re.compile(rf"<([A-Za-z][A-Za-z0-9-]*)((?:{_ATTRIBUTE})*)\s*/?>")
_ONE_ATTRIBUTE = re.compile(r"""\s+([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*([^\s"'=<>`]+|'[^']*'|"[^"]*"))?""")
_OTHER_MARKUP = re.compile(r"</[A-Za-z][A-Za-z0-9-]*\s*>|<!--.*?-->|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
                           r"|<[^\s<>@]+@[^\s<>]+>")
_COMMENT = re.compile(r"<!--.*?-->")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_TAB = 4  # Python-Markdown's tab_length: it expands tabs before reading links


def _is_markup(text: str, at: int) -> int:
    """The length of the tag, comment or autolink starting at `at`, or 0."""
    match = _OPEN_TAG.match(text, at) or _OTHER_MARKUP.match(text, at)
    return match.end() - at if match else 0


def _escape_stray(text: str) -> str:
    out, at = [], 0
    while True:
        found = text.find("<", at)
        if found < 0:
            out.append(text[at:])
            return "".join(out)
        length = _is_markup(text, found)
        out.append(text[at:found])
        out.append(text[found:found + length] if length else "&lt;")
        at = found + (length or 1)


def escape_stray_angles(body: str) -> str:
    """`body` with every '<' that does not start a tag, comment or autolink written `&lt;`."""
    return map_prose(body, _escape_stray) if "<" in body else body


def removals(body: str, body_line: int, path: str) -> list[Diagnostic]:
    """A warning for each raw tag, attribute or link URL the allowlist will remove."""
    problems: list[Diagnostic] = []

    def warn(offset: int, message) -> None:
        problems.append(Diagnostic(path, body_line + offset, "", message,
                                   t("write it as plain text or Markdown; see docs/security-headers.md"),
                                   severity="warning"))

    for offset, line in prose_lines(body):
        line = line.expandtabs(_TAB)
        if "](" in line:
            for link in _LINK.finditer(line):
                if not url_is_safe(link.group(1)):
                    warn(offset, t("the link '{url}' is removed: only http, https, mailto and tel links are kept",
                                   url=link.group(1)))
        if "<" not in line:
            continue
        # a comment is removed by design: what is inside it was never meant to be read
        line = _COMMENT.sub(lambda m: " " * len(m.group()), line)
        for tag in _OPEN_TAG.finditer(line):
            name = tag.group(1).lower()
            if name in CLEAN_CONTENT_TAGS:
                warn(offset, t("the HTML element <{tag}> is removed with its content", tag=name))
            elif name not in ALLOWED_TAGS:
                warn(offset, t("the HTML tag <{tag}> is removed (its text is kept)", tag=name))
            else:
                problems_of = _attribute_removals(name, tag.group(2))
                for message in problems_of:
                    warn(offset, message)
    return problems


def _attribute_removals(tag: str, attributes: str) -> list:
    out = []
    for attribute in _ONE_ATTRIBUTE.finditer(attributes):
        name = attribute.group(1).lower()
        value = html.unescape((attribute.group(2) or "").strip("'\""))
        if name == "class" and set(value.split()) <= ALLOWED_CLASSES.get(tag, set()):
            continue
        if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
            out.append(t("the attribute '{name}' of <{tag}> is removed", name=name, tag=tag))
        elif tag == "iframe" and name == "src" and not EMBED_SRC.fullmatch(value.strip()):
            out.append(t("the <iframe> is removed: only YouTube's privacy-enhanced player can be embedded"))
        elif name in ("href", "src") and not url_is_safe(value):
            out.append(t("the link '{url}' is removed: only http, https, mailto and tel links are kept", url=value))
    return out
