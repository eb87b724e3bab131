"""Find registry names (organisations, awards, positions) in Vietnamese text.

Matching works on a folded copy of the text (lowercase, no diacritics, 'đ' → 'd') that
keeps one character per character of the original, so a match's offsets are valid in
both: 'Uỷ'/'Ủy' and 'Tòa'/'Toà' spell the same, and abbreviations match in any case.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bloc_content.registries import Registry


@lru_cache(maxsize=4096)  # the same sentences are folded by every recogniser
def fold(text: str) -> str:
    """Same length as `text` (NFC): each character becomes its bare lowercase letter."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.lower() if len(base.lower()) == 1 else base)
    return "".join(out)


# Between the words of a name: spaces, or a dash or comma ('Ban Thi đua - Khen thưởng',
# 'Ban Thi đua Khen thưởng', 'Hội đồng thi đua, khen thưởng' name the same body).
_SEPARATOR = r"(?:\s*[-–—,]\s*|\s+)"


def _key(name: str) -> str:
    return " ".join(re.sub(r"[-–—,]", " ", fold(name)).split())


@dataclass(frozen=True)
class Match:
    id: str
    start: int
    end: int


class Names:
    """A table of names → ids, matched longest first on word boundaries."""

    def __init__(self, names: dict[str, str]):
        self.names = {_key(name): id_ for name, id_ in names.items() if _key(name)}
        alternatives = sorted(self.names, key=len, reverse=True)
        body = "|".join(_SEPARATOR.join(re.escape(word) for word in name.split()) for name in alternatives)
        self.pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)") if alternatives else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        if self.pattern is None:
            return []
        folded = fold(text)
        end = len(text) if end is None else end
        return [Match(self.names[_key(m.group())], m.start(), m.end())
                for m in self.pattern.finditer(folded, start, end)]

    def at(self, text: str, pos: int) -> Match | None:
        """The name starting exactly at `pos` (after spaces), if any."""
        if self.pattern is None:
            return None
        folded = fold(text)
        while pos < len(folded) and folded[pos] == " ":
            pos += 1
        m = self.pattern.match(folded, pos)
        return Match(self.names[_key(m.group())], m.start(), m.end()) if m else None


def organisation_names(registry: Registry) -> Names:
    table: dict[str, str] = {}
    for org in registry.organisations.values():
        for name in (org.name("vi"), org.short("vi"), *org.aliases_vi):
            if name:
                table[name] = org.id
    return Names(table)


def award_names(registry: Registry) -> Names:
    table: dict[str, str] = {}
    for award in registry.awards.values():
        table[award.name("vi")] = award.id
        table[award.name("vi").replace(" của ", " ")] = award.id  # 'Cờ thi đua Chính phủ'
    return Names(table)


def position_names(registry: Registry) -> Names:
    table = {p.name("vi"): p.id for p in registry.positions.values()}
    table.update({p.name("vi").replace("Uỷ", "Ủy"): p.id for p in registry.positions.values()})
    return Names(table)


def near_misses(text: str, names: Names, cutoff: float = 0.88) -> list[tuple[str, str]]:
    """Spellings in `text` close to a registry name but not one: [(spelling, id)], for "did you mean".

    Windows of words (within one clause) that start like a registry name are compared with it;
    a registered spelling is never a near miss."""
    folded = fold(text)
    words = list(re.finditer(r"[^\W_]+", folded))
    exact = [(m.start, m.end) for m in names.find(text)]
    best: dict[int, tuple[float, int, str]] = {}  # start → (ratio, end, id)
    for key, id_ in names.names.items():
        size = len(key.split())
        if size < 2:
            continue  # abbreviations: too short to compare
        for i, word in enumerate(words):
            if word.group() != key.split()[0]:
                continue
            for n in range(max(2, size - 1), size + 2):
                if i + n > len(words):
                    break
                start, end = word.start(), words[i + n - 1].end()
                if re.search(r"[,;.:()\n]", text[start:end]) or any(a < end and start < b for a, b in exact):
                    break
                spelled = re.sub(r"\btw\b", "trung uong", _key(text[start:end]))  # 'TW' is 'Trung ương'
                ratio = difflib.SequenceMatcher(None, spelled, key).ratio()
                if ratio >= cutoff and _key(text[start:end]) not in names.names and ratio > best.get(start, (0,))[0]:
                    best[start] = (ratio, end, id_)
    found = {" ".join(text[start:end].split()): id_ for start, (_, end, id_) in sorted(best.items())}
    return list(found.items())
