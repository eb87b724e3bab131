"""Everything in a page's <head> that machines read, as data: canonical, hreflang, robots,
Open Graph, Twitter card, feed links and JSON-LD. Takes duck-typed articles (no Pelican)."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale

from . import jsonld
from .links import PageLinks, absolute, kind_of, page_links

# The country's name where the site spells it otherwise than Babel does (the official
# English name); every other language gets Babel's name.
COUNTRY_SPELLING = {"en": "Viet Nam"}


def country(lang: str) -> str:
    return COUNTRY_SPELLING.get(lang) or Locale.parse(lang).territories["VN"]


@dataclass
class Site:
    origin: str
    urls: dict  # BLOC_URLS
    default_lang: str
    bloc_name: dict[str, str]  # lang -> name
    member_slugs: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> slug -> name
    logos: dict[str, jsonld.Image] = field(default_factory=dict)  # lang -> the wordmark (publisher.logo)
    locales: dict[str, str] = field(default_factory=dict)  # lang -> locale with territory (og:locale), BLOC_LANGS


@dataclass(frozen=True)
class SocialImage:
    """The picture a shared link shows (Open Graph, Twitter): a photo's crop or a card."""

    url: str  # absolute or site-relative
    width: int
    height: int
    alt: str


@dataclass
class Head:
    lang: str
    url: str  # site-relative
    links: PageLinks | None
    robots: str | None
    og: list[tuple[str, str]]
    twitter: list[tuple[str, str]]
    feeds: list[tuple[str, str, str]]  # (title, absolute href, hreflang)
    jsonld: str


def _real(site: Site, alternates: dict[str, str]) -> dict[str, str]:
    """Language versions that are translations, not 'not translated yet' pages."""
    return {lang: url for lang, url in alternates.items()
            if (kind_of(site.urls, lang, url) or ("",))[0] != "untranslated"}


def _trail(site: Site, lang: str, url: str, title: str, labels: dict[str, str], article) -> list[tuple[str, str]]:
    def home():
        return [(labels["home"], absolute(site.origin, site.urls[lang]["home"]))]

    def at(kind, **params):
        return absolute(site.origin, site.urls[lang][kind].format(**params))

    if article is not None:
        year = article.date.year
        return [*home(), (str(year), at("year", year=year)), (article.title, absolute(site.origin, url))]
    kind, params = kind_of(site.urls, lang, url) or ("", {})
    if kind == "home":
        return home()
    if kind in ("years", "year"):
        trail = [*home(), (labels["years"], at("years"))]
        return trail + ([(params["year"], at("year", year=params["year"]))] if kind == "year" else [])
    if kind in ("members", "member"):
        trail = [*home(), (labels["members"], at("members"))]
        if kind == "member":
            name = site.member_slugs.get(lang, {}).get(params["slug"], title)
            trail.append((name, at("member", slug=params["slug"])))
        return trail
    if kind in ("search", "untranslated"):
        return [*home(), (labels[kind], absolute(site.origin, url))]
    return [*home(), (title, absolute(site.origin, url))]


def _credit(article) -> tuple[str | None, str | None]:
    """(caption in the page's language, credit) of the photo the images come from (lead, else first shown)."""
    photos = list(article.view.original.photos or [])
    photo = next((p for p in photos if p.lead), None) or next((p for p in photos if not p.decorative), None)
    if photo is None:
        return None, None
    words = {p.file: p for p in (article.bloc.model.photos or [])}
    return words.get(photo.file, photo).caption, photo.credit


def _href(site: Site, url: str) -> str:
    return url if url.startswith(("http://", "https://")) else absolute(site.origin, url)


def _photo(article) -> SocialImage | None:
    """The article's social crop of its lead photo, at its true size (smaller than 1200x630
    when the photo is), described by the photo's alt text in the page's language."""
    view = article.view
    if not view.social_image:
        return None
    width, height = view.social_image_size or (1200, 630)
    return SocialImage(view.social_image, width, height, view.social_image_alt or article.title)


def _structured_images(site: Site, article, social) -> list:
    """The NewsArticle's `image`: the same photo in 16:9, 4:3 and 1:1 (the social image if none)."""
    crops = article.view.structured_images
    if not crops:
        return [social] if social else []
    caption, credit = _credit(article)
    return [jsonld.Image(_href(site, c["url"]), c["width"], c["height"], caption, credit) for c in crops]


def is_original(article) -> bool:
    """By language: an original revalidated from an English-only file is a new object."""
    return article.view.original.lang == article.lang


def _article_graph(site: Site, article, canonical: str, trail, image) -> dict:
    model, facts = article.bloc.model, article.view.facts
    lang = article.lang
    publisher = jsonld.government_organization(site.bloc_name[lang], absolute(site.origin, site.urls[lang]["home"]),
                                               site.logos.get(lang))
    original_lang = article.view.original.lang
    original = None if is_original(article) else (original_lang,
                                                 absolute(site.origin, article.view.alternates[original_lang]))
    translations = [] if not is_original(article) else sorted(
        (t.lang, absolute(site.origin, t.url)) for t in getattr(article, "translations", []))
    data = jsonld.ArticleData(
        url=canonical, lang=lang, headline=article.title, description=model.summary,
        published=model.published, modified=model.updated, precision=model.date_precision,
        author=model.byline, publisher=publisher, images=_structured_images(site, article, image),
        original=original, translations=translations)
    event_node = None
    if facts.has_event:
        organizer = jsonld.government_organization(facts.host.name) if facts.host else publisher
        name = f"{'; '.join(facts.kinds)} – {site.bloc_name[lang]}"
        event_node = jsonld.event(canonical, jsonld.EventData(name, facts.event_date.iso(), facts.place,
                                                              country(lang), organizer), lang)
    return jsonld.graph(jsonld.news_article(data, event_node), event_node, jsonld.breadcrumb_list(trail))


def build_head(site: Site, *, lang: str, url: str, alternates: dict[str, str], title: str, description: str,
               labels: dict[str, str], article=None, noindex: bool = False, not_found: bool = False,
               feeds: list[tuple[str, str, str]] = (), card: SocialImage | None = None) -> Head:
    """`card`: the page's social card, used when the article has no photo (or for a listing page)."""
    # x-default is the Vietnamese page, unless that page only says the item is not translated.
    real = {**({} if noindex else {lang: url}), **_real(site, alternates)}
    x_lang = site.default_lang if site.default_lang in real else next(iter(sorted(real)), lang)
    links = None if not_found else page_links(site.origin, lang, url, alternates, x_lang)
    canonical = links.canonical if links else absolute(site.origin, url)
    social = (_photo(article) if article is not None else None) or card
    image = None
    if social is not None:
        credit = _credit(article) if article is not None and social is not card else (None, None)
        image = jsonld.Image(_href(site, social.url), social.width, social.height, *credit)
    og = [("og:type", "article" if article is not None else "website"), ("og:site_name", site.bloc_name[lang]),
          ("og:title", title), ("og:description", description), ("og:url", canonical),
          ("og:locale", site.locales.get(lang, lang))]
    og += [("og:locale:alternate", site.locales.get(other, other)) for other in sorted(_real(site, alternates))]
    if image:
        og += [("og:image", image.url), ("og:image:width", str(image.width)), ("og:image:height", str(image.height)),
               ("og:image:alt", social.alt)]
    if article is not None:
        og.append(("article:published_time", article.bloc.model.published.isoformat()))
        if article.bloc.model.updated:
            og.append(("article:modified_time", article.bloc.model.updated.isoformat()))
    twitter = [("twitter:card", "summary_large_image" if image else "summary"),
               ("twitter:title", title), ("twitter:description", description)]
    if image:
        twitter += [("twitter:image", image.url), ("twitter:image:alt", social.alt)]
    data = None
    if not not_found:
        trail = _trail(site, lang, url, title, labels, article)
        data = (_article_graph(site, article, canonical, trail, image) if article is not None
                else jsonld.graph(jsonld.breadcrumb_list(trail)))
    return Head(lang, url, links, "noindex, follow" if (noindex or not_found) else None, og, twitter,
                list(feeds), jsonld.serialize(data) if data else "")
