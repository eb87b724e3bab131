"""The content model of the bloc's news items and its Pelican reader."""

from pelican import signals

from .glue import connect


def register():
    connect(signals)
