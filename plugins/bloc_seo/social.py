"""Social cards and the wordmark as files: drawn once per content, kept in the photos' cache.

A page learns its card's name and size at once (the name comes from the cache key); the
cards not in the cache are drawn together by `Painter.finish`, in forked workers, before the
build's finalized steps read the output.

The cache key is the sha256 of the card's words, the font files, the code that draws them
(this module and what it imports: cards.py ..., derived, never bumped by hand) and the
versions of Pillow and fontTools, so a rebuild (or a fresh clone with the cache restored)
draws nothing and places the same bytes under the same name.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bloc_content.cachekeys import derived_key
from bloc_content.cacheuse import mark_used
from bloc_content.forked import can_fork, in_forks
from bloc_photos import cache

from . import cards

# Counts of this process's work: tests assert STATS["encodes"] == 0 on a warm cache.
STATS: Counter[str] = Counter()
CARD_FILE = "card.png"
FORK_FROM = 8  # cards to draw below which forking workers costs more than it saves


@dataclass(frozen=True)
class Picture:
    name: str  # file name in the cards folder
    width: int
    height: int


class Painter:
    """Draws cards into `cache_dir` and places them in `out_dir`, each once per build."""

    def __init__(self, fonts_dir: Path, cache_dir: Path, out_dir: Path):
        self.faces = cards.typefaces(fonts_dir)
        self.cache_dir, self.out_dir = cache_dir, out_dir
        fonts = hashlib.sha256()
        for face in self.faces.values():
            for path in face.paths:
                fonts.update(path.read_bytes())
        self.fingerprint = {"code": derived_key(code=("bloc_seo.social",), packages=("pillow", "fonttools")),
                            "fonts": fonts.hexdigest()}
        self.placed: dict[str, Picture] = {}
        self.pending: dict[str, Callable[[], bytes]] = {}  # cache key -> how to draw it
        self._out_dir_made = False

    def missing(self, text: str) -> list[str]:
        """Characters of `text` the card's fonts cannot show."""
        return self.faces["bold"].missing(text)

    def card(self, card: cards.Card) -> Picture:
        return self._picture("card", asdict(card), cards.SIZE, lambda: cards.render(card, self.faces))

    def wordmark(self, name: str) -> Picture:
        return self._picture("logo", {"name": name}, cards.LOGO_SIZE,
                             lambda: cards.render_wordmark(name, self.faces))

    def _picture(self, kind: str, words: dict, size: tuple[int, int], draw: Callable[[], bytes]) -> Picture:
        text = json.dumps({"kind": kind, **words}, ensure_ascii=False, sort_keys=True)
        key = cache.cache_key(text.encode(), self.fingerprint)
        if key in self.placed:
            return self.placed[key]
        picture = Picture(f"{kind}-{key[:16]}.png", *size)
        self.placed[key] = picture
        # An entry is stored whole or not at all (a folder renamed into place), so its file
        # being there is enough: no manifest to read for each of thousands of pages.
        entry = cache.entry_dir(self.cache_dir, key)
        if (entry / CARD_FILE).is_file():
            mark_used(entry)
            STATS["hits"] += 1
            self._place(key, picture)
        else:
            self.pending[key] = draw
        return picture

    def finish(self, processes: int = 1) -> None:
        """Draw the cards asked for that the cache did not have (in `processes` forked
        workers, each storing its cards in the cache) and place them in the output."""
        keys = list(self.pending)
        if can_fork(processes, len(keys), FORK_FROM):
            stored = in_forks(lambda share: [self._store(key) for key in share], keys, processes)
        else:
            stored = [None] * len(keys)
        for key, done in zip(keys, stored, strict=True):
            if done is None:  # not forked, or its worker died: drawn here
                self._store(key)
            STATS["encodes"] += 1
            self._place(key, self.placed[key])
        self.pending.clear()

    def _store(self, key: str) -> bool:
        """Draw one card into the cache (an entry is written whole: safe from any process)."""
        cache.store(self.cache_dir, key, {"files": [CARD_FILE]}, {CARD_FILE: self.pending[key]()})
        return True

    def _place(self, key: str, picture: Picture) -> None:
        if not self._out_dir_made:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._out_dir_made = True
        cache.place(cache.entry_dir(self.cache_dir, key) / CARD_FILE, self.out_dir / picture.name, make_parent=False)
