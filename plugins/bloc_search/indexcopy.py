"""The copy of a built page that Pagefind indexes: same page, text folded, original meta.

The served HTML is never changed. The copy keeps `<html lang>` (Pagefind splits indexes by
it), the `data-pagefind-*` attributes the templates wrote, and gains the original title,
summary and date as hidden Pagefind metadata so results display with their diacritics.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Doctype

from .fold import fold

BODY = "[data-pagefind-body]"
_SKIP_PARENTS = {"script", "style", "template", "noscript"}
SUMMARY_CHARS = 280


def _text(node) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def original_meta(soup: BeautifulSoup) -> dict[str, str]:
    """Title, summary and date of the page as the reader sees them."""
    body = soup.select_one(BODY)
    title = _text(body.find("h1")) if body else ""
    if not title:
        title = _text(soup.title)
    description = soup.find("meta", attrs={"name": "description"})
    summary = " ".join(str(description.get("content", "")).split()) if description else ""
    if not summary and body is not None:
        first = body.find("p")
        summary = _text(first)
        if len(summary) > SUMMARY_CHARS:
            summary = summary[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    moment = body.find("time") if body is not None else None
    meta = {"title": title, "summary": summary}
    if moment is not None:
        meta["date"] = _text(moment)
    return {key: value for key, value in meta.items() if value}


def _names_a_value(tag) -> bool:
    """`data-pagefind-filter="member"` (no `:value`): Pagefind reads the value from the text."""
    return any(
        tag.has_attr(attr) and ":" not in tag[attr]
        for attr in ("data-pagefind-filter", "data-pagefind-meta")
    )


def indexed_copy(html: str) -> str | None:
    """The folded copy of a page to index, or None if the page has no search body."""
    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one(BODY)
    if body is None:
        return None
    meta = original_meta(soup)
    for string in list(body.find_all(string=True)):
        if isinstance(string, (Comment, Doctype)) or string.parent.name in _SKIP_PARENTS:
            continue
        if string.find_parent(_names_a_value) is not None:
            continue  # a filter or meta value read from text keeps its diacritics
        folded = fold(str(string))
        if folded != string:
            string.replace_with(NavigableString(folded))
    for tag in body.find_all(alt=True):
        tag["alt"] = fold(tag["alt"])
    # Metadata outside the indexed body is read by Pagefind but not indexed as words.
    holder = soup.new_tag("div")
    for key, value in meta.items():
        span = soup.new_tag("span", attrs={"data-pagefind-meta": key})
        span.string = value
        holder.append(span)
    (soup.body or soup).append(holder)
    return str(soup)
