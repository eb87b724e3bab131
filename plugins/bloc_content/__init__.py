"""The content model of the bloc's news items and its Pelican reader.

Every other plugin imports this package's modules (the model, the diagnostics, the build's
state): importing one of them must not load this plugin's Pelican glue (its reader imports
bloc_safety's allowlist, whose glue imports this package), so `register` loads it.
"""


def register():
    from pelican import signals

    from .glue import connect

    connect(signals)
