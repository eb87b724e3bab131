"""Listing pages (home, years, members) from the structured data, and unique URLs."""

from pelican import signals

from .generator import IndexesGenerator
from .glue import on_pretaxonomy


def get_generators(pelican):
    return IndexesGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.article_generator_pretaxonomy.connect(on_pretaxonomy)
