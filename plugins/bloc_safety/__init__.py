"""Safety: the HTML allowlist, the content tree's trust boundary, security headers."""


def register():
    # Imported here, not at the top: bloc_content's reader imports bloc_safety.sanitize,
    # and the glue imports bloc_content; a top-level import would be circular.
    from pelican import signals

    from .glue import connect

    connect(signals)
