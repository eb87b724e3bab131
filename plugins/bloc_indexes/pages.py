"""Pagination of a list page: page 1 at the base URL, page n at BLOC_URLS 'page'."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    number: int
    count: int
    items: list
    url: str
    previous_url: str | None
    next_url: str | None
    first: int  # 1-based position of the first item on this page (0 when empty)
    last: int
    total: int


def page_url(urls: dict, lang: str, base: str, number: int) -> str:
    return base if number == 1 else urls[lang]["page"].format(base=base, number=number)


def paginate(entries: list, size: int, urls: dict, lang: str, base: str) -> list[Page]:
    """Always at least one page, so that an empty list still has a page that says so."""
    size = max(1, size)
    count = max(1, -(-len(entries) // size))
    pages = []
    for number in range(1, count + 1):
        chunk = entries[(number - 1) * size: number * size]
        first = (number - 1) * size + 1 if chunk else 0
        pages.append(Page(number, count, chunk, page_url(urls, lang, base, number),
                          page_url(urls, lang, base, number - 1) if number > 1 else None,
                          page_url(urls, lang, base, number + 1) if number < count else None,
                          first, first + len(chunk) - 1 if chunk else 0, len(entries)))
    return pages
