"""The browser editor: /admin/ with Decap CMS, its configuration generated from the content model."""

from pelican import signals

from .glue import connect


def register():
    connect(signals)
