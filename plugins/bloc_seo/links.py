"""Absolute URLs of a page and its language versions: canonical, hreflang, Open Graph locale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


def absolute(origin: str, url: str) -> str:
    """'https://host' + site-relative URL ('' is the home of the original language)."""
    return f"{origin.rstrip('/')}/{url.lstrip('/')}"


@dataclass(frozen=True)
class PageLinks:
    canonical: str
    hreflang: tuple[tuple[str, str], ...]  # (lang, absolute URL), the page itself included
    x_default: str


def page_links(origin: str, lang: str, page_url: str, alternates: dict[str, str],
               default_lang: str) -> PageLinks:
    """The page's own URL as canonical; every language version, and x-default the original language's."""
    versions = {lang: page_url, **{other: url for other, url in alternates.items() if other != lang}}
    hreflang = tuple((code, absolute(origin, versions[code])) for code in sorted(versions))
    default = versions.get(default_lang, page_url)
    return PageLinks(absolute(origin, page_url), hreflang, absolute(origin, default))


@lru_cache(maxsize=256)  # a few URL patterns, matched once or more per page
def _pattern(template: str) -> re.Pattern:
    """A BLOC_URLS pattern as a regular expression with named groups."""
    out, pos = [], 0
    for match in re.finditer(r"\{(\w+)(?::[^}]*)?\}", template):
        out.append(re.escape(template[pos:match.start()]))
        name = match.group(1)
        out.append({"date": r"(?P<date>\d{4})", "year": r"(?P<year>\d{4})", "number": r"(?P<number>\d+)",
                    "base": r"(?P<base>.*?)"}.get(name, rf"(?P<{name}>[^/]+)"))
        pos = match.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out) + r"\Z")


# Most specific first: 'years' before 'year', 'untranslated' before 'article'.
_KIND_ORDER = ("home", "years", "members", "search", "untranslated", "member", "article", "year")


def kind_of(urls: dict, lang: str, page_url: str) -> tuple[str, dict[str, str]] | None:
    """Which BLOC_URLS entry a site-relative URL comes from, and its parameters.

    A paginated URL ('{base}trang/2/') is reported as its base page's kind."""
    table = urls[lang]
    if "page" in table:
        paged = _pattern(table["page"]).match(page_url)
        if paged and paged.group("base") != page_url:
            found = kind_of(urls, lang, paged.group("base"))
            if found:
                return found[0], {**found[1], "number": paged.group("number")}
    for kind in _KIND_ORDER:
        if kind in table:
            match = _pattern(table[kind]).match(page_url)
            if match:
                return kind, {k: v for k, v in match.groupdict().items() if v is not None}
    return None
