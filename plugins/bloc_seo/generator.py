"""Pages and files that follow from the articles: 'not translated yet' pages, the 404 page,
and Atom feeds per language and per member organisation."""

from __future__ import annotations

from pathlib import Path

from bloc_content.build_state import build_state
from bloc_content.facts_view import present
from bloc_content.languages import languages_of
from bloc_content.urls import save_as
from pelican.generators import Generator

from .feeds import Feed, FeedItem, atom
from .links import absolute, kind_of
from .seo_state import seo_state, site


class SeoGenerator(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        articles = seo_state(self.settings).articles
        self.write_untranslated(writer, articles)
        self.write_not_found(writer)
        if self.settings["BLOC_SEO_FEEDS"]:
            self.write_feeds(articles)

    def _write(self, writer, url: str, template: str, **values) -> None:
        writer.write_file(save_as(url), self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], **values)

    def write_untranslated(self, writer, articles) -> None:
        """Where a language toggle points when the item has no translation in that language."""
        urls = self.settings["BLOC_URLS"]
        # With three languages or more, every file of an item points at the same missing
        # one: its page is written once, from the original.
        pages = {}
        for article in articles:
            for lang, url in sorted(article.view.alternates.items()):
                if (kind_of(urls, lang, url) or ("",))[0] == "untranslated" and (
                        url not in pages or article.view.is_original):
                    pages[url] = (lang, article)
        for url, (lang, article) in pages.items():
            # The facts in this page's language from the registries; the original's own
            # words (place, motto) stay in its language and are marked so.
            original = article.view.original
            facts = present(original, original, build_state(self.settings).registry, lang)
            versions = {article.lang: article.url, **{t.lang: t.url for t in getattr(article, "translations", [])}}
            self._write(writer, url, "untranslated", page_lang=lang, page_url=url,
                        alternates=versions, original=article, noindex=True,
                        facts=facts, words_lang=article.lang)

    def write_not_found(self, writer) -> None:
        url = self.settings["BLOC_SITE_URLS"]["not_found"]
        self._write(writer, url, "404", page_lang=self.settings["DEFAULT_LANG"], page_url=url, alternates={},
                    not_found=True, noindex=True)

    def write_feeds(self, articles) -> None:
        settings = self.settings
        where = site(settings)
        reg = build_state(settings).registry
        limit = settings["BLOC_SEO_FEED_ITEMS"]
        out = Path(self.output_path)
        for lang in languages_of(settings).codes:
            urls = settings["BLOC_URLS"][lang]
            mine = sorted((a for a in articles if a.lang == lang), key=lambda a: (a.date, a.url), reverse=True)
            home = absolute(where.origin, urls["home"])
            feeds = [(urls["feed"], Feed(where.bloc_name[lang], lang, absolute(where.origin, urls["feed"]), home,
                                         where.bloc_name[lang], [_item(where.origin, a) for a in mine[:limit]]))]
            for member in reg.members:
                org = reg.organisations[member]
                slug = org.slug(lang)
                items = [_item(where.origin, a) for a in mine if member in a.view.org_ids][:limit]
                feed_url = urls["member_feed"].format(slug=slug)
                feeds.append((feed_url, Feed(f"{org.name(lang)} – {where.bloc_name[lang]}", lang,
                                             absolute(where.origin, feed_url),
                                             absolute(where.origin, urls["member"].format(slug=slug)),
                                             where.bloc_name[lang], items)))
            for url, feed in feeds:
                path = out / url
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(atom(feed), encoding="utf-8")


def _item(origin: str, article) -> FeedItem:
    model = article.bloc.model
    return FeedItem(article.title, absolute(origin, article.url), model.summary, model.published, model.updated,
                    model.byline, tuple(article.view.facts.kinds))
