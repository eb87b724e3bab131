"""Pelican glue: slugs made unique before any URL is used, and the registry's line numbers."""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from pathlib import Path

from bloc_content import glue as content
from bloc_content.frontmatter import parse_yaml

from .slugs import SlugClaim, resolve_slugs


def _claim(article) -> SlugClaim:
    # The reader's slug is kept in the metadata; start from it on every build, so that a
    # cached article that was renamed last time gets its own slug back when it can.
    base = article.metadata.get("slug", article.slug)
    key = "ARTICLE_URL" if article.in_default_lang else "ARTICLE_LANG_URL"
    pattern = article.settings[key]
    fixed = getattr(article, "override_url", None)

    def url(slug: str) -> str:
        return fixed if fixed is not None else pattern.format(**{**article.url_format, "slug": slug})

    parsed = getattr(article, "bloc", None)
    path = parsed.path if parsed else article.source_path
    line = parsed.line("slug") if parsed and parsed.front and "slug" in parsed.front.data else (
        parsed.line("title") if parsed else 0)
    return SlugClaim(path, line, base, url, fixed is not None)


def on_pretaxonomy(generator) -> None:
    """Give every published article a URL of its own, before Pelican computes any."""
    written = list(chain(generator.articles, generator.translations,
                         generator.hidden_articles, generator.hidden_translations))
    by_lang: dict[str, list] = {}
    for article in written:
        article.slug = article.metadata.get("slug", article.slug)
        by_lang.setdefault(article.lang, []).append(article)
    for articles in by_lang.values():
        claims = {id(a): _claim(a) for a in articles}
        changed, problems = resolve_slugs(list(claims.values()))
        content.report(problems)
        for article in articles:
            slug = changed.get(claims[id(article)].path)
            if slug:
                article.slug = slug


def registry_where(settings) -> Callable[[int, str], str]:
    """(year, head|deputy|motto) -> 'content/data/bloc.yaml:LINE' of that yearly record."""
    shown = content.registry().paths.get("bloc", "bloc.yaml")
    path = Path(settings.get("BLOC_DATA_PATH") or Path(settings["PATH"]) / "data") / "bloc.yaml"
    try:
        data, lines, _ = parse_yaml(path.read_text(encoding="utf-8"), shown)
    except OSError:
        data, lines = None, {}
    index = {}
    for i, record in enumerate((data or {}).get("years") or []):
        if isinstance(record, dict) and "year" in record:
            index[int(record["year"])] = i

    def where(year: int, fact: str) -> str:
        loc = ("years", index.get(year), fact)
        line = lines.get((*loc, "org")) or lines.get((*loc, "vi")) or lines.get(loc) or lines.get(loc[:2])
        return f"{shown}:{line}" if line else shown

    return where
