"""Our own Pelican generator for the listing pages, in both languages: home, years index,
year pages (paginated), members index and member pages. The data comes from the items'
facts and the registry (records.py); nothing here is typed by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bloc_content.article_view import view_of
from bloc_content.build_state import build_state
from bloc_content.diagnostics import t
from bloc_content.languages import languages_of
from bloc_content.urls import save_as, url_for
from pelican.generators import Generator

from .fragments import Fragments
from .pages import paginate
from .published import dump_record, redirects, redirects_file, updated_record
from .records import current_year, member_histories, year_summaries
from .slugs import find_collisions
from .views import Link, member_view, year_view

REDIRECTS_FILE = "_redirects"  # read by Netlify and Cloudflare Pages; the pages work everywhere


class IndexesGenerator(Generator):
    """Computes the records once (generate_context), writes every listing page (generate_output)."""

    def generate_context(self):
        if self.settings.get("BLOC_INDEX_PAGE_SIZE") is None:
            self.settings["BLOC_INDEX_PAGE_SIZE"] = self.settings.get("DEFAULT_PAGINATION") or 10
        state = build_state(self.context)
        # Only what the site shows: drafts and embargoed items were checked (bloc_rules,
        # with the consistency rules) and left out before this generator runs.
        shown = state.items
        registry = state.registry
        self.by_key = articles_by_key(self.context.get("articles", []))
        self.years = year_summaries(shown, registry)
        involved = {key: next(iter(v.values())).view.org_ids for key, v in self.by_key.items()}
        self.members = member_histories(shown, registry, self.years, involved)
        self.urls = self.context.get("bloc_url_record")
        self.redirects = redirects(self.urls.claims, self.urls.record) if self.urls else []
        state.report(find_collisions(self._planned_outputs()))
        state.fail_on_errors()

    # Links from records to items: the item in the page's language, else its original.
    def link_of(self, key: str, lang: str) -> Link | None:
        versions = self.by_key.get(key, {})
        article = versions.get(lang) or next((a for a in versions.values() if a.view.is_original), None)
        return Link(article.title, article.url, article.lang) if article else None

    def _langs(self):
        return languages_of(self.settings).codes

    def _url(self, kind: str, lang: str, **params) -> str:
        return url_for(self.settings["BLOC_URLS"], kind, lang, **params)

    def _articles(self, lang: str, year: int | None = None) -> list:
        out = [versions[lang] for versions in self.by_key.values() if lang in versions]
        if year is not None:
            out = [a for a in out if a.date.year == year]
        return sorted(out, key=lambda a: (a.date, a.slug), reverse=True)

    def _pages(self, lang: str, year: int):
        return paginate(self._articles(lang, year), self.settings["BLOC_INDEX_PAGE_SIZE"],
                        self.settings["BLOC_URLS"], lang, self._url("year", lang, year=year))

    def _member_items(self, history, lang: str) -> list:
        return [self.by_key[key][lang] for key in history.items if lang in self.by_key.get(key, {})]

    def _member_pages(self, lang: str, slug: str, items: list):
        return paginate(items, self.settings["BLOC_INDEX_PAGE_SIZE"], self.settings["BLOC_URLS"], lang,
                        self._url("member", lang, slug=slug))

    def _planned_outputs(self) -> list[tuple[str, str]]:
        # Two items sharing a URL are bloc_rules' to report (naming both, with the record of
        # published URLs); here one of them stands for the URL against the other pages.
        articles = {}
        for versions in self.by_key.values():
            for a in versions.values():
                articles.setdefault(save_as(a.url), a.bloc.path)
        planned = list(articles.items())
        planned += [(save_as(r.old), t("the redirect from '{url}'", url=r.old)) for r in self.redirects]
        registry = build_state(self.context).registry
        for lang in self._langs():
            names = {"home": t("the home page ({lang})", lang=lang), "years": t("the years page ({lang})", lang=lang),
                     "members": t("the members page ({lang})", lang=lang)}
            planned += [(save_as(self._url(kind, lang)), name) for kind, name in names.items()]
            for year in self.years:
                planned += [(save_as(p.url), t("the {year} page ({lang})", year=year, lang=lang))
                            for p in self._pages(lang, year)]
            for org, history in self.members.items():
                slug = registry.organisations[org].slug(lang)
                planned += [(save_as(p.url), t("the page of '{org}' ({lang})", org=org, lang=lang))
                            for p in self._member_pages(lang, slug, self._member_items(history, lang))]
        return planned

    def generate_output(self, writer):
        self.write_redirects(writer)
        registry = build_state(self.context).registry
        self.env.globals["remember"] = Fragments()
        for lang in self._langs():
            years = {}
            for year, summary in self.years.items():
                years[year] = view = year_view(summary, registry, lang, self.link_of)
                view.item_count = len(self._articles(lang, year))
                others = {o: self._pages(o, year) for o in self._other(lang)}
                for page in self._pages(lang, year):
                    alternates = {o: pages[min(page.number, len(pages)) - 1].url for o, pages in others.items()}
                    self._write(writer, "year", lang, page.url, alternates, summary=view, pager=page)
            self._write(writer, "years", lang, self._url("years", lang),
                        {o: self._url("years", o) for o in self._other(lang)},
                        years=list(reversed(years.values())))
            members = []
            in_lang = {key: versions[lang] for key, versions in self.by_key.items() if lang in versions}
            for org, history in self.members.items():
                view = member_view(history, registry, lang, self.link_of, in_lang)
                members.append(view)
                # Paginated like a year page; the awards and leadership years are on page 1 only.
                others = {o: self._member_pages(o, registry.organisations[org].slug(o),
                                                self._member_items(history, o)) for o in self._other(lang)}
                # A page shows its pager's items: without the member's whole list, a page's
                # fingerprint (bloc_render) changes only when what it shows changes.
                shown = replace(view, items=[])
                for page in self._member_pages(lang, view.slug, view.items):
                    alternates = {o: pages[min(page.number, len(pages)) - 1].url for o, pages in others.items()}
                    self._write(writer, "member", lang, page.url, alternates, member=shown, pager=page)
            self._write(writer, "members", lang, self._url("members", lang),
                        {o: self._url("members", o) for o in self._other(lang)}, members=members)
            current = current_year(self.years)
            self._write(writer, "index", lang, self._url("home", lang),
                        {o: self._url("home", o) for o in self._other(lang)},
                        items=self._articles(lang)[: self.settings["BLOC_HOME_ITEMS"]],
                        current=years.get(current) if current else None,
                        years=list(reversed(years.values())))
            # The search page: bloc_search indexes the site and theme/static/js/search.js runs it.
            self._write(writer, "search", lang, self._url("search", lang),
                        {o: self._url("search", o) for o in self._other(lang)})

    def write_redirects(self, writer) -> None:
        """A page at each old URL of a moved item, the `_redirects` file, and the record of
        published URLs with this build's URLs added (committed with the content)."""
        if self.urls is None:
            return
        for redirect in self.redirects:
            writer.write_file(save_as(redirect.old), self.get_template("redirect"), self.context,
                              relative_urls=self.settings["RELATIVE_URLS"], page_lang=redirect.lang,
                              page_url=redirect.old, target=redirect.new)
        (Path(self.output_path) / REDIRECTS_FILE).write_text(redirects_file(self.redirects), encoding="utf-8")
        record = updated_record(self.urls.claims, self.urls.record)
        # A preview shows drafts at their future URLs: those are not published yet.
        preview = self.settings.get("BLOC_PREVIEW")
        if not preview and (record != self.urls.record or not self.urls.path.exists()):
            self.urls.path.write_text(dump_record(record), encoding="utf-8")

    def _other(self, lang: str) -> list[str]:
        return [o for o in self._langs() if o != lang]

    def _write(self, writer, template: str, lang: str, url: str, alternates: dict, **data) -> None:
        writer.write_file(save_as(url), self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"],
                          page_lang=lang, page_url=url, alternates=alternates, **data)


def articles_by_key(originals) -> dict[str, dict[str, object]]:
    """{translation_key: {lang: article}} over every published article with its facts."""
    out: dict[str, dict[str, object]] = {}
    for article in originals:
        for version in [article, *getattr(article, "translations", [])]:
            if getattr(version, "status", "published") == "published" and view_of(version) is not None:
                out.setdefault(version.view.item.key, {})[version.lang] = version
    return out
