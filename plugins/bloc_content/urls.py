"""Every URL of the site comes from one table, BLOC_URLS in pelicanconf.py."""

from __future__ import annotations


def url_for(urls: dict, kind: str, lang: str, **params) -> str:
    """The site-relative URL ('' for the Vietnamese home, 'en/' for the English one)."""
    return urls[lang][kind].format(**params)


def save_as(url: str) -> str:
    """Pretty URLs end with '/': they are written as index.html inside the folder."""
    return f"{url}index.html" if url == "" or url.endswith("/") else url

