"""Listing pages (home, years, members) from the structured data, and unique URLs."""

from pelican import signals

from .generator import IndexesGenerator
from .glue import initialized, on_pretaxonomy


def get_generators(pelican):
    return IndexesGenerator


def register():
    signals.initialized.connect(initialized)
    signals.get_generators.connect(get_generators)
    signals.article_generator_pretaxonomy.connect(on_pretaxonomy)
