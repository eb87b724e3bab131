"""People named as 'đồng chí <Name>, <position> <organisation>, ...' and who chaired."""

from __future__ import annotations

import re

from bloc_content.registries import Registry

from .names import Names, fold

_COMRADE = re.compile(r"\bdong chi\s+")
_RANKS = ("dai tuong", "thuong tuong", "trung tuong", "thieu tuong", "dai ta", "thuong ta", "trung ta", "thieu ta")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def find_people(said: list[str], orgs: Names, positions: Names, registry: Registry) -> list[dict]:
    """Every person with at least one organisation; merged by name, in order of mention."""
    people: dict[str, dict] = {}
    for sentence in said:
        folded = fold(sentence)
        starts = [m.end() for m in _COMRADE.finditer(folded)]
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(sentence)
            person = read_person(sentence, start, end, orgs, positions, registry)
            if person is None:
                continue
            known = people.setdefault(person["name"], person)
            if known is not person:
                for pos in person["positions"]:
                    if pos not in known["positions"]:
                        known["positions"].append(pos)
                known["chair"] = known.get("chair") or person.get("chair")
    return [p for p in people.values() if p.get("org")]


def read_person(sentence: str, start: int, end: int, orgs: Names, positions: Names,
                registry: Registry) -> dict | None:
    folded = fold(sentence)
    for rank in _RANKS:
        if folded.startswith(rank + " ", start):
            start += len(rank) + 1
            break
    if positions.at(sentence, start) or orgs.at(sentence, start):
        return None  # 'đồng chí Trưởng Ban ...': a title, not a name
    words, pos = [], start
    for m in _WORD.finditer(sentence, start, end):
        if sentence[pos:m.start()].strip() or not m.group()[0].isupper():
            break
        words.append(m.group())
        pos = m.end()
    if not 2 <= len(words) <= 5:
        return None
    person: dict = {"name": " ".join(words), "org": None, "unit": None, "positions": []}
    segment_end = end
    for chunk in [c for c in re.finditer(r"[^,;]+|;", sentence[:segment_end]) if c.start() >= pos]:
        if chunk.group() == ";":
            break
        found = positions.at(sentence, chunk.start())
        if not found:
            break
        person["positions"].append(found.id)
        if registry.positions[found.id].of_org:
            # from the position's start: in "Tổng Kiểm toán Nhà nước" the two names overlap
            org = next(iter(orgs.find(sentence, found.start, chunk.end())), None)
            if org:
                person["org"] = org.id
    rest = folded[pos:segment_end]
    if re.search(r"\bdai dien khoi truong\b", rest):
        person["representing"] = "khoi-truong"
    elif re.search(r"\bdai dien khoi pho\b", rest):
        person["representing"] = "khoi-pho"
    if re.search(r"\bchu tri\b", rest) or re.search(r"\bdo\s*$", folded[:start - len("dong chi ")]):
        person["chair"] = True
    org = registry.organisations.get(person["org"]) if person["org"] else None
    if org and org.parent:  # 'Phó Chủ nhiệm Tổng cục Chính trị' → org bqp, unit tcct
        person["unit"], person["org"] = org.id, org.parent
    person["positions"] = list(dict.fromkeys(person["positions"]))
    return {k: v for k, v in person.items() if v not in (None, [])} | {"org": person["org"]}
