"""Per-language gettext catalogues and Babel formatting for the theme."""

from pelican import signals

from .glue import install


def register():
    signals.generator_init.connect(install)
