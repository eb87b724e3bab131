"""Render only what changed: a page whose fingerprint matches the previous build's is
reused from output/ (hard-linked into the new site) instead of rendered again."""

from pelican import signals

from .writer import get_writer, initialized


def register() -> None:
    signals.initialized.connect(initialized)
    signals.get_writer.connect(get_writer)
