"""Pelican glue: slugs made unique before any URL is used."""

from __future__ import annotations

from itertools import chain

from bloc_content import glue as content

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
