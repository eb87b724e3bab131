"""Photos of news items: safe paths, a cached Pillow pipeline, `<picture>` markup."""

from pelican import signals

from .glue import connect


def register():
    connect(signals)
