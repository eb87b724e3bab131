"""The copy of a built page that Pagefind indexes: same page, text folded, original meta.

The served HTML is never changed. The copy keeps `<html lang>` (Pagefind splits indexes by
it), the `data-pagefind-*` attributes the templates wrote, and gains the original title,
summary and date as Pagefind metadata outside the indexed body, so results display with
their diacritics. Pages are our own templates' output, so a tokenizer of tags and text is
enough, and it is fast: a site of ten thousand pages is copied in seconds, not minutes.
"""

from __future__ import annotations

import html
import re

from .fold import fold

SUMMARY_CHARS = 280

_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
_BODY_TAG = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-body\b[^>]*>")
_TAG_NAME = re.compile(r"</?([a-zA-Z][\w-]*)")
_ALT = re.compile(r"(\salt\s*=\s*)(\"[^\"]*\"|'[^']*')")
_VALUE_FROM_TEXT = re.compile(r"\sdata-pagefind-(?:filter|meta)\s*=\s*(\"[^\":]*\"|'[^':]*')")
_DESCRIPTION = re.compile(r"<meta\s[^>]*name=\"description\"[^>]*>", re.I)
_CONTENT = re.compile(r"\scontent=\"([^\"]*)\"")
_RAW_TEXT = {"script", "style", "template", "noscript"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())


def _body_span(page: str) -> tuple[int, int] | None:
    """Start and end offsets of the element carrying `data-pagefind-body`, tags included."""
    start = _BODY_TAG.search(page)
    if start is None:
        return None
    name = start.group(1).lower()
    depth = 1
    for tag in re.finditer(rf"<(/?){name}\b[^>]*>", page[start.end():], re.I):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start.start(), start.end() + tag.end()
    return start.start(), len(page)


def _first(pattern: str, text: str) -> str:
    found = re.search(pattern, text, re.S | re.I)
    return _plain(found.group(1)) if found else ""


def original_meta(page: str, body: str) -> dict[str, str]:
    """Title, summary and date of the page as the reader sees them."""
    title = _first(r"<h1\b[^>]*>(.*?)</h1>", body) or _first(r"<title\b[^>]*>(.*?)</title>", page)
    summary = ""
    description = _DESCRIPTION.search(page)
    if description and (content := _CONTENT.search(description.group(0))):
        summary = " ".join(html.unescape(content.group(1)).split())
    if not summary:
        summary = _first(r"<p\b[^>]*>(.*?)</p>", body)
        if len(summary) > SUMMARY_CHARS:
            summary = summary[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    meta = {"title": title, "summary": summary, "date": _first(r"<time\b[^>]*>(.*?)</time>", body)}
    return {key: value for key, value in meta.items() if value}


def fold_markup(body: str) -> str:
    """Text and `alt` folded; raw-text elements and values Pagefind reads from text kept."""
    out = []
    keep: list[str] = []  # open elements whose text must stay as written
    for token in _TOKEN.findall(body):
        if not token.startswith("<"):
            out.append(token if keep else fold(token))
            continue
        if token.startswith("<!--"):
            out.append(token)
            continue
        name_match = _TAG_NAME.match(token)
        name = name_match.group(1).lower() if name_match else ""
        if token.startswith("</"):
            if name in keep:  # also closes kept elements whose end tag was omitted
                del keep[len(keep) - 1 - keep[::-1].index(name):]
            out.append(token)
            continue
        if name and name not in _VOID and not token.endswith("/>") and (
            keep or name in _RAW_TEXT or _VALUE_FROM_TEXT.search(token)
        ):
            keep.append(name)
        out.append(_ALT.sub(lambda m: m.group(1) + fold(m.group(2)), token))
    return "".join(out)


def indexed_copy(page: str) -> str | None:
    """The folded copy of a page to index, or None if the page has no search body."""
    span = _body_span(page)
    if span is None:
        return None
    start, end = span
    body = page[start:end]
    meta = original_meta(page, body)
    # Metadata outside the indexed body is read by Pagefind but not indexed as words.
    holder = "<div>" + "".join(
        f'<span data-pagefind-meta="{key}">{html.escape(value, quote=False)}</span>'
        for key, value in meta.items()
    ) + "</div>"
    rest = page[end:]
    close = rest.lower().rfind("</body>")
    rest = rest + holder if close < 0 else rest[:close] + holder + rest[close:]
    return page[:start] + fold_markup(body) + rest
