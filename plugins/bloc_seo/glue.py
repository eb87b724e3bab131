"""Pelican glue: settings, the `seo_head` template helper, outdated-translation checks,
our generator (untranslated pages, 404, feeds) and the sitemaps written at the end."""

from __future__ import annotations

import logging
import os
from itertools import chain
from pathlib import Path

from bloc_content import freshness
from bloc_content.article_view import view_of
from bloc_content.build_state import build_state
from bloc_content.diagnostics import Diagnostic, t
from bloc_content.forked import workers
from bloc_content.languages import languages_of
from bloc_content.plugin_settings import SettingsError, apply, at_setting

from . import sitemaps
from .cards import Card, alt_text
from .generator import SeoGenerator
from .head import SocialImage, build_head, is_original
from .links import absolute, kind_of
from .seo_state import painter, picture_url, seo_state, site
from .settings import SETTINGS

log = logging.getLogger(__name__)

def initialized(pelican) -> None:
    settings = pelican.settings
    apply(settings, SETTINGS, settings.get("BLOC_ROOT"))
    missing = [(lang, sorted({"feed", "member_feed", "untranslated"} - set(settings["BLOC_URLS"].get(lang, {}))))
               for lang in languages_of(settings).codes]
    if any(kinds for _lang, kinds in missing):
        raise SettingsError([at_setting("BLOC_URLS", t("the URLs of '{lang}' have no {kinds}", lang=lang,
                                                       kinds=", ".join(kinds)), "", settings)
                             for lang, kinds in missing if kinds])


def page_card(settings, lang: str, url: str, title: str, description: str, article=None,
              card_title: str | None = None) -> SocialImage:
    """The social card of a page: an item's title and date, or a listing page's title (and
    year). `card_title` is what a paginated list's card says on every page of the list (one
    card per list, not one per page)."""
    from bloc_i18n.dates import human_date

    bloc = site(settings).bloc_name[lang]
    if article is not None:
        precision = article.bloc.model.date_precision
        card = Card(lang, article.title, bloc, human_date(article.date, lang, "month" if precision == "month" else "day"))
    else:
        heading = card_title or title.removesuffix(f" | {bloc}")
        kind, params = kind_of(settings["BLOC_URLS"], lang, url) or ("", {})
        card = Card(lang, description if heading == bloc else heading, bloc, params.get("year", "") if kind == "year" else "")
    where = painter(settings)
    missing = where.missing(card.title + card.bloc + card.when)
    if missing:
        _report_missing(settings, article, url, missing)
    picture = where.card(card)
    return SocialImage(picture_url(settings, picture.name), picture.width, picture.height, alt_text(card))


def _report_missing(settings, article, url: str, missing: list[str]) -> None:
    chars = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
    message = t("the social card cannot show {chars}: the theme's fonts lack them", chars=chars)
    hint = t("they are left out of the card; the page itself shows them")
    state = build_state(settings)
    if article is not None:
        state.report([Diagnostic(article.bloc.path, article.bloc.front.line_of(("title",)), "title",
                                 message, hint, severity="warning")])
    else:
        state.report([Diagnostic(url, 0, "title", message, hint, severity="warning")])


def feed_links(settings, lang: str, url: str) -> list[tuple[str, str, str]]:
    if not settings["BLOC_SEO_FEEDS"]:
        return []
    where = site(settings)
    urls = settings["BLOC_URLS"][lang]
    links = [(where.bloc_name[lang], absolute(where.origin, urls["feed"]), lang)]
    kind, params = kind_of(settings["BLOC_URLS"], lang, url) or ("", {})
    if kind == "member":
        name = where.member_slugs[lang].get(params["slug"])
        if name:
            links.append((f"{name} – {where.bloc_name[lang]}",
                          absolute(where.origin, urls["member_feed"].format(slug=params["slug"])), lang))
    return links


def install(generator) -> None:
    settings = generator.settings
    pages = seo_state(settings).pages

    def seo_head(lang, page_url, alternates, title, description, labels, article=None, noindex=False,
                 not_found=False, card_title=None):
        card = None
        if not not_found and not (article is not None and article.view.social_image):
            card = page_card(settings, lang, page_url, str(title), str(description), article,
                             str(card_title) if card_title else None)
        head = build_head(site(settings), lang=lang, url=page_url, alternates=dict(alternates or {}),
                          title=str(title), description=str(description), labels=labels, article=article,
                          noindex=noindex, not_found=not_found, feeds=feed_links(settings, lang, page_url),
                          card=card)
        if not not_found:
            lastmod = None
            if article is not None:
                model = article.bloc.model
                if model.updated or model.date_precision == "time":
                    lastmod = (model.updated or model.published).isoformat()
            pages[page_url] = (head, lastmod)
        return head

    # bloc_render calls it again for a page it reuses: the sitemap entry and the social card.
    seo_head.bloc_replay = True
    generator.env.globals["seo_head"] = seo_head


def published_articles(generator) -> list:
    return [a for a in chain(generator.articles, generator.translations)
            if a.status == "published" and view_of(a) is not None]


def articles_finalized(generator) -> None:
    """Remember the published articles; flag translations made from an older original."""
    state = seo_state(generator.settings)
    state.articles = published_articles(generator)
    for article in state.articles:
        if is_original(article):
            continue
        original = article.view.item.original
        article.view.outdated = freshness.check(original.model, original.front.body, article.bloc.model)
    # The warnings themselves come from the site's rules (bloc_rules), as in `bloc check`.


def get_generators(pelican):
    return SeoGenerator


def finalized(pelican) -> None:
    """The social cards not in the cache, drawn on every core; then sitemaps and robots.txt,
    from every page rendered with `seo_head` (whoever wrote it)."""
    settings = pelican.settings
    painter(settings).finish(workers(settings))
    out = Path(settings["OUTPUT_PATH"])
    files = settings["BLOC_SITE_URLS"]
    where = site(settings)
    state = seo_state(settings)
    pages = state.pages
    hidden = {absolute(where.origin, url) for url, (head, _) in pages.items() if head.robots}
    entries = []
    for _url, (head, lastmod) in pages.items():
        if head.robots:
            continue
        hreflang = tuple((lang, href) for lang, href in head.links.hreflang if href not in hidden)
        entries.append(sitemaps.Entry(head.links.canonical, hreflang, head.links.x_default, lastmod))
    (out / files["sitemap"]).write_text(sitemaps.sitemap(entries), encoding="utf-8")
    published = [a.bloc.model.published for a in state.articles]
    reference = sitemaps.news_reference(os.environ.get("SOURCE_DATE_EPOCH"), published)
    news = sitemaps.recent([sitemaps.NewsEntry(absolute(where.origin, a.url), a.lang, a.title, a.bloc.model.published,
                                               where.bloc_name[a.lang]) for a in state.articles], reference)
    maps = [absolute(where.origin, files["sitemap"])]
    if news:  # an empty urlset is not a valid sitemap
        (out / files["news_sitemap"]).write_text(sitemaps.news_sitemap(news), encoding="utf-8")
        maps.append(absolute(where.origin, files["news_sitemap"]))
    (out / files["robots"]).write_text(sitemaps.robots_txt(sitemaps.Robots(maps)), encoding="utf-8")


def connect(signals) -> None:
    signals.initialized.connect(initialized)
    signals.generator_init.connect(install)
    signals.article_generator_finalized.connect(articles_finalized)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(finalized)
