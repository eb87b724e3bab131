"""Listing pages: home, years and members, in both languages."""

from pelican import signals

from .generator import IndexesGenerator


def get_generators(pelican):
    return IndexesGenerator


def register():
    signals.get_generators.connect(get_generators)
