"""Discoverability: hreflang and canonical links, structured data, feeds, sitemaps, robots.txt,
pages for items not yet translated, a bilingual 404, and notices on outdated translations."""

from pelican import signals

from .glue import connect


def register():
    connect(signals)
