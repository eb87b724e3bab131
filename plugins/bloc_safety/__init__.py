"""Safety: the HTML allowlist, the content tree's trust boundary, security headers."""

from pelican import signals

from .glue import connect


def register():
    connect(signals)
