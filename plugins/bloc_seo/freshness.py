"""Is a translation current? The rule lives with the content model (bloc_content.freshness)."""

from bloc_content.freshness import HASH_LENGTH, Staleness, check, content_hash, normalise_body

__all__ = ["HASH_LENGTH", "Staleness", "check", "content_hash", "normalise_body"]
