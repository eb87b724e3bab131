"""Who heads the bloc, and for which year, as the text states it.

Phrasings: 'bầu A làm Khối trưởng, B làm Khối phó ... năm 2021', 'Năm 2022, A được giao làm
Khối trưởng; B làm Khối phó', 'A, B lần lượt làm Khối trưởng, Khối phó', 'Thứ trưởng Bộ Tư pháp
(đơn vị Khối trưởng Khối thi đua)', 'Tổng Kiểm toán Nhà nước (Khối trưởng Khối thi đua năm 2023)',
'đại diện Khối trưởng (Bộ Công an)'. A role's year is the year written next to it, or the one
year of a sentence that elects or assigns; otherwise it has no year and is only shown to a person.
"""

from __future__ import annotations

import re

from bloc_content.registries import Registry

from .names import Match, Names, fold

_ROLE = re.compile(r"\bkhoi (truong|pho)\b|\b(truong|pho) khoi\b")
_YEAR = re.compile(r"(?<!\d)(?:19[9]\d|20\d\d)(?!\d)")
_YEAR_AFTER = re.compile(r"^(?:\s+khoi thi dua\b[^,;()]{0,80}?)?\s*(?:trong\s+)?nam\s+(\d{4})\b")
_ASSIGNS = re.compile(r"\bbau\b|\bduoc giao\b|\bdam nhan\b|\bdam nhiem\b|\bnhan cuong vi\b|\blam khoi\b|^\s*nam \d{4},")
_AS = re.compile(r"(?:lan luot\s+)?(?:duoc\s+(?:giao|bau|chon)\s+)?(?:lam|la)\s+(?:don vi\s+)?$")
_INSIDE = re.compile(r"(?:\(\s*(?:don vi|dai dien)?|[-–]\s*(?:dai dien|don vi)?|,\s*(?:dai dien|don vi))\s*$")


def find_roles(said: list[str], orgs: Names, registry: Registry) -> list[dict]:
    """[{role: truong|pho, org, year or None}] in order of mention."""
    found: list[dict] = []
    for sentence in said:
        folded = fold(sentence)
        roles = list(_ROLE.finditer(folded))
        if not roles:
            continue
        members = [m for m in orgs.find(sentence) if m.id in registry.members]
        years = set(_YEAR.findall(re.sub(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}", "", sentence)))
        sentence_year = int(years.pop()) if len(years) == 1 and _ASSIGNS.search(folded) else None
        pair = _respectively(folded, roles, members)
        start = len(found)
        for i, role in enumerate(roles):
            org = pair[i] if pair else _org_of(folded, role, members, orgs, sentence, registry)
            if org is None:
                continue
            after = _YEAR_AFTER.match(folded[role.end():])
            year = int(after.group(1)) if after else sentence_year
            found.append({"role": role.group(1) or role.group(2), "org": org, "year": year,
                          "elected": re.search(r"\bbau\b", folded) is not None})
        stated = {r["year"] for r in found[start:] if r["year"]}
        if len(stated) == 1 and _ASSIGNS.search(folded):  # 'bầu A làm Khối trưởng, B làm Khối phó năm 2023'
            for r in found[start:]:
                r["year"] = r["year"] or next(iter(stated))
    return found


def _respectively(folded: str, roles: list[re.Match], members: list[Match]) -> list[str] | None:
    """'A, B lần lượt làm Khối trưởng, Khối phó' / 'A và B được bầu làm Khối trưởng và Khối phó'."""
    if len(roles) != 2 or not re.fullmatch(r"\s*(?:,|va)\s*", folded[roles[0].end():roles[1].start()]):
        return None
    if not _AS.search(folded[:roles[0].start()]):
        return None
    before = [m for m in members if m.end <= roles[0].start()][-2:]
    if len(before) != 2 or not re.fullmatch(r"\s*(?:,|va)\s*", folded[before[0].end:before[1].start]):
        return None
    return [before[0].id, before[1].id]


def _org_of(folded: str, role: re.Match, members: list[Match], orgs: Names, sentence: str,
            registry: Registry) -> str | None:
    after = folded[role.end():]
    paren = re.match(r"^(?:\s+khoi thi dua[^,;()]{0,60}?)?\s*\(([^)]{2,80})\)", after)
    if paren:  # 'Khối trưởng (Bộ Công an)'
        inside = [m for m in orgs.find(sentence, role.end(), role.end() + paren.end()) if m.id in registry.members]
        if inside:
            return inside[0].id
    named = re.match(r"^(?:\s+nam \d{4})?\s+la\s+", after)
    if named:  # 'trưởng khối năm 2014 là <org>'
        org = orgs.at(sentence, role.end() + named.end())
        if org and org.id in registry.members:
            return org.id
    head = folded[:role.start()]
    clause_start = max(head.rfind(";"), head.rfind(":"), 0)
    if _AS.search(head):  # '<org> được giao làm Khối trưởng', 'bầu <org> làm Khối trưởng'
        start = max(head.rfind(","), clause_start)
        before = [m for m in members if start <= m.start and m.end <= role.start()]
        return before[-1].id if before else None
    if _INSIDE.search(head):  # 'Thứ trưởng Bộ Tư pháp (đơn vị Khối trưởng ...)'
        before = [m for m in members if clause_start <= m.start and m.end <= role.start()]
        return before[-1].id if before else None
    return None
