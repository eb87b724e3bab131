"""Our own Pelican generator for the listing pages, in both languages."""

from __future__ import annotations

from bloc_content.urls import save_as, url_for
from pelican.generators import Generator


class IndexesGenerator(Generator):
    """Home page per language (latest items). Year and member pages build on this."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        urls = self.settings["BLOC_URLS"]
        articles_by_lang = articles_per_lang(self.context.get("articles", []))
        template = self.get_template("index")
        for lang in self.settings["BLOC_LANGS"]:
            url = url_for(urls, "home", lang)
            other = {o: url_for(urls, "home", o) for o in self.settings["BLOC_LANGS"] if o != lang}
            writer.write_file(
                save_as(url), template, self.context, relative_urls=self.settings["RELATIVE_URLS"],
                page_lang=lang, page_url=url, alternates=other,
                items=articles_by_lang.get(lang, [])[: self.settings.get("BLOC_HOME_ITEMS", 10)],
            )


def articles_per_lang(originals) -> dict[str, list]:
    """Every published article of each language, newest first."""
    out: dict[str, list] = {}
    for article in originals:
        for version in [article, *getattr(article, "translations", [])]:
            if getattr(version, "status", "published") == "published":
                out.setdefault(version.lang, []).append(version)
    for versions in out.values():
        versions.sort(key=lambda a: (a.date, a.slug), reverse=True)
    return out
