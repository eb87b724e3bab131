"""Structured data (schema.org JSON-LD) as plain data, and its safe serialisation.

An item page carries one graph:

    {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": url#article, "headline", "description", "url",
         "inLanguage", "datePublished", "dateModified", "author",
         "publisher": {"@type": "GovernmentOrganization", "name", "url", "logo": ImageObject},
         "image": [ImageObject 16:9, 4:3, 1:1 of one photo] or [the 1200x630 card], "about": {"@id": url#event},
         "translationOfWork" | "workTranslation": {"@type": "NewsArticle", "@id", "inLanguage"}},
        {"@type": "Event", "@id": url#event, "name", "startDate", "location", "organizer"},
        {"@type": "BreadcrumbList", "itemListElement": [ListItem...]}]}

Every other page carries the BreadcrumbList only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

CONTEXT = "https://schema.org"

# Characters that could end the <script> element or open markup inside it. Replaced one
# by one: str.translate to longer strings is several times slower on non-ASCII text.
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                ("\u2029", "\\u2029"))


def serialize(data: dict) -> str:
    """JSON for a <script type="application/ld+json">: `</script>` in a title cannot break out."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for character, escaped in _SCRIPT_SAFE:
        text = text.replace(character, escaped)
    return text


def iso(value: dt.datetime | dt.date, precision: str = "time") -> str:
    """ISO 8601 with the offset when the time is known; only the known part of the date otherwise."""
    if precision == "month":
        return value.strftime("%Y-%m")
    if precision == "day" or not isinstance(value, dt.datetime):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    return value.isoformat()


def government_organization(name: str, url: str | None = None, logo: Image | None = None) -> dict:
    out = {"@type": "GovernmentOrganization", "name": name}
    if url:
        out["url"] = url
    if logo:
        out["logo"] = image_object(logo)
    return out


def breadcrumb_list(trail: Sequence[tuple[str, str]]) -> dict:
    """[(name, absolute URL), ...] from the home page to this page."""
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": i, "name": name, "item": url}
        for i, (name, url) in enumerate(trail, start=1)]}


@dataclass(frozen=True)
class Image:
    url: str
    width: int | None = None
    height: int | None = None
    caption: str | None = None
    credit: str | None = None


def image_object(image: Image) -> dict:
    out = {"@type": "ImageObject", "url": image.url, "contentUrl": image.url}
    if image.width and image.height:
        out.update(width=image.width, height=image.height)
    if image.caption:
        out["caption"] = image.caption
    if image.credit:
        out["creditText"] = image.credit
    return out


@dataclass(frozen=True)
class EventData:
    name: str
    start: str  # ISO date, as precise as known: 2021, 2021-01 or 2021-01-15
    place: str | None  # in the page's language
    country: str  # the country's name in the page's language, when no place is given
    organizer: dict  # a government_organization()


def event(url: str, data: EventData, lang: str) -> dict:
    location = {"@type": "Place", "name": data.place} if data.place else {"@type": "Country", "name": data.country}
    return {"@type": "Event", "@id": f"{url}#event", "name": data.name, "startDate": data.start,
            "location": location, "organizer": data.organizer, "inLanguage": lang,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled"}


@dataclass(frozen=True)
class ArticleData:
    url: str
    lang: str
    headline: str
    description: str
    published: dt.datetime
    modified: dt.datetime | None
    precision: str  # time | day | month, of `published`
    author: str
    publisher: dict  # a government_organization()
    images: Sequence[Image] = ()
    original: tuple[str, str] | None = None  # (lang, absolute URL) when this is a translation
    translations: Sequence[tuple[str, str]] = ()  # (lang, absolute URL) of published translations


def news_article(data: ArticleData, event_node: dict | None = None) -> dict:
    out = {
        "@type": "NewsArticle", "@id": f"{data.url}#article", "url": data.url,
        "mainEntityOfPage": data.url, "headline": data.headline, "description": data.description,
        "inLanguage": data.lang, "datePublished": iso(data.published, data.precision),
        "dateModified": iso(data.modified or data.published, "time" if data.modified else data.precision),
        "author": {"@type": "Person", "name": data.author}, "publisher": data.publisher,
    }
    if data.images:
        out["image"] = [image_object(image) for image in data.images]
    if event_node is not None:
        out["about"] = {"@id": event_node["@id"]}
    if data.original:
        lang, url = data.original
        out["translationOfWork"] = {"@type": "NewsArticle", "@id": f"{url}#article", "url": url, "inLanguage": lang}
    if data.translations:
        out["workTranslation"] = [{"@type": "NewsArticle", "@id": f"{url}#article", "url": url, "inLanguage": lang}
                                  for lang, url in data.translations]
    return out


def graph(*nodes: dict | None) -> dict:
    return {"@context": CONTEXT, "@graph": [node for node in nodes if node]}
