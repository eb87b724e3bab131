"""sitemap.xml (with xhtml:link language versions), the Google News sitemap, robots.txt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_WINDOW = dt.timedelta(days=2)


@dataclass(frozen=True)
class Entry:
    loc: str  # absolute
    hreflang: tuple[tuple[str, str], ...] = ()  # (lang, absolute URL), the page itself included
    x_default: str | None = None
    lastmod: str | None = None  # W3C datetime


@dataclass(frozen=True)
class NewsEntry:
    loc: str
    lang: str
    title: str
    published: dt.datetime
    publication: str  # the publication's name in the item's language


def _links(entry: Entry) -> list[str]:
    links = [f'    <xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(url)}/>' for lang, url in entry.hreflang]
    if entry.x_default and len(entry.hreflang) > 1:
        links.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(entry.x_default)}/>')
    return links


def sitemap(entries: Iterable[Entry]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    for entry in sorted(entries, key=lambda e: e.loc):
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(entry.loc)}</loc>")
        if entry.lastmod:
            lines.append(f"    <lastmod>{entry.lastmod}</lastmod>")
        lines.extend(_links(entry))
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def news_reference(epoch: str | None, published: Sequence[dt.datetime]) -> dt.datetime | None:
    """The 'now' of the news window: SOURCE_DATE_EPOCH when set (reproducible builds and
    production, where the deploy sets it to the build time), else the newest item's date, so
    that the same content always gives the same file."""
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return max(published, default=None)


def recent(entries: Iterable[NewsEntry], reference: dt.datetime | None) -> list[NewsEntry]:
    """Items published in the two days up to the reference time (Google News reads no older)."""
    if reference is None:
        return []
    return sorted((e for e in entries if reference - NEWS_WINDOW <= e.published <= reference),
                  key=lambda e: (e.published, e.loc), reverse=True)


def news_sitemap(entries: Sequence[NewsEntry]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">']
    for entry in entries:
        lines += ["  <url>", f"    <loc>{escape(entry.loc)}</loc>", "    <news:news>",
                  "      <news:publication>",
                  f"        <news:name>{escape(entry.publication)}</news:name>",
                  f"        <news:language>{entry.lang}</news:language>",
                  "      </news:publication>",
                  f"      <news:publication_date>{entry.published.isoformat()}</news:publication_date>",
                  f"      <news:title>{escape(entry.title)}</news:title>",
                  "    </news:news>", "  </url>"]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Robots:
    sitemaps: Sequence[str] = field(default_factory=tuple)  # absolute URLs


def robots_txt(robots: Robots) -> str:
    """Everything may be crawled; pages not meant for the index say so with a robots meta tag."""
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {url}" for url in robots.sitemaps]
    return "\n".join(lines) + "\n"
