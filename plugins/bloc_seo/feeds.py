"""Atom feeds: one per language and one per member organisation, with absolute URLs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from feedgenerator import Atom1Feed


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str  # absolute
    summary: str  # plain text
    published: dt.datetime  # with its offset
    updated: dt.datetime | None
    author: str
    categories: Sequence[str] = ()


@dataclass(frozen=True)
class Feed:
    title: str
    lang: str
    url: str  # the feed's own absolute URL
    link: str  # the HTML page it follows
    subtitle: str
    items: Sequence[FeedItem]


class _TextSummaryAtom(Atom1Feed):
    """Atom whose summaries are `type="text"`: ours are plain text, and feedgenerator's
    `type="html"` would make a feed reader decode `&lt;img onerror&gt;` into live markup."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


def atom(feed: Feed) -> str:
    """The feed as Atom 1.0 with xml:lang; `updated` is the newest change, never the build time."""
    newest = max((i.updated or i.published for i in feed.items), default=None)
    out = _TextSummaryAtom(title=feed.title, link=feed.link, description=feed.subtitle, language=feed.lang,
                    feed_url=feed.url, feed_guid=feed.url)
    for item in feed.items:
        out.add_item(title=item.title, link=item.url, description=item.summary, unique_id=item.url,
                     pubdate=item.published, updateddate=item.updated or item.published,
                     author_name=item.author, categories=list(item.categories))
    if newest is None:
        # An empty feed still needs an <updated>: the epoch is stable across builds.
        newest = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    out.latest_post_date = lambda: newest
    return out.writeString("utf-8")
