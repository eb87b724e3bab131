"""Pieces of listing pages rendered once per build and reused on every page that shows them.

An item's summary in a list (title, date, summary) is the same on the home page, its year
page and the page of each member it involves; a member page lists every item of that
member, so without this the summaries were rendered several times over.
"""

from __future__ import annotations


class Fragments:
    """`{% call remember(obj, lang) %}...{% endcall %}`: the block's output, rendered once
    per (object, language) for the lifetime of this instance (one build)."""

    def __init__(self) -> None:
        self._done: dict[tuple[int, str], tuple[object, str]] = {}

    def __call__(self, obj: object, lang: str, caller) -> str:
        key = (id(obj), lang)
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = (obj, caller())  # obj kept alive: its id stays its own
        return found[1]
