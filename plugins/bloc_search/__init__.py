"""Full-text search: a Pagefind index per language, folded for Vietnamese."""

from .glue import register

__all__ = ["register"]
