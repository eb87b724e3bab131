"""What bloc_seo knows during one build, kept in the build's state (`BuildState.part`):
the heads of the pages rendered so far (for the sitemaps), the published articles, and
the site's names, logos and card painter, made once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bloc_content.build_state import build_state
from bloc_content.languages import languages_of

from . import jsonld
from .head import Head, Site
from .links import absolute
from .social import Painter


@dataclass(eq=False)
class SeoState:
    # Page URL -> (its head, its last modification or None), for every page rendered with `seo_head`.
    pages: dict[str, tuple[Head, str | None]] = field(default_factory=dict)
    articles: list[Any] = field(default_factory=list)  # the published articles, once the slugs are final
    site: Site | None = None  # made on first use (it needs the registry and draws the wordmarks)
    painter: Painter | None = None


def seo_state(settings) -> SeoState:
    return build_state(settings).part(SeoState)


def painter(settings) -> Painter:
    """The build's card painter: theme fonts in, the photos' cache, the output's cards folder."""
    state = seo_state(settings)
    if state.painter is None:
        from bloc_photos.settings import from_settings

        root = Path(settings.get("BLOC_ROOT") or Path.cwd())
        state.painter = Painter(Path(settings["THEME"]) / "static" / "fonts",
                                from_settings(settings).cache_dir(root),
                                Path(settings["OUTPUT_PATH"]) / settings["BLOC_SEO_CARDS"])
    return state.painter


def picture_url(settings, name: str) -> str:
    return f"{settings.get('SITEURL', '').rstrip('/')}/{settings['BLOC_SEO_CARDS']}/{name}"


def site(settings) -> Site:
    state = seo_state(settings)
    if state.site is None:
        reg = build_state(settings).registry
        slugs = {lang: {reg.organisations[m].slug(lang): reg.organisations[m].name(lang) for m in reg.members}
                 for lang in languages_of(settings).codes}
        names = {lang: reg.bloc.name(lang) for lang in languages_of(settings).codes}
        logos = {}
        for lang, name in names.items():
            mark = painter(settings).wordmark(name)
            logos[lang] = jsonld.Image(absolute(settings["BLOC_SITE_ORIGIN"], picture_url(settings, mark.name)),
                                       mark.width, mark.height)
        languages = languages_of(settings)
        state.site = Site(settings["BLOC_SITE_ORIGIN"], settings["BLOC_URLS"], languages.original,
                          names, slugs, logos, {code: languages.locale(code) for code in languages.codes})
    return state.site
