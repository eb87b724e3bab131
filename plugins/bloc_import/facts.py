"""Recognise the facts of a legacy article: who took part, awards, elections, the covenant.

Each recogniser reads plain Vietnamese sentences and returns plain data with registry
ids. What a recogniser cannot tie to a registry id it leaves out: a person must add it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bloc_content.registries import Registry

from .names import Names, award_names, fold, organisation_names, position_names
from .people import find_people

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ])")
_YEAR = re.compile(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)")
_DATE = re.compile(r"(?:ngay|sang|chieu|toi)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
                   r"|ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_ABOUT_YEAR = re.compile(r"(?:tong ket|so ket|cong tac|khen thuong|danh hieu)[^.;]{0,60}?\bnam (\d{4})")
_MOTTO = re.compile(r"(?:chủ đề|chủ đề là|phương châm|khẩu hiệu)\s*:?\s*[\"“«]([^\"“”»]{3,200})[\"”»]",
                    re.IGNORECASE)
_COVENANT_YEAR = re.compile(r"giao uoc thi dua nam (\d{4})")
_KINDS = (  # folded patterns, strong enough not to fire on a passing mention
    ("hoi-nghi-tong-ket", r"\btong ket\b"),
    ("hoi-nghi-so-ket", r"\bso ket\b"),
    ("hoi-nghi-trien-khai", r"hoi nghi trien khai|trien khai (?:nhiem vu|cong tac)[^.]{0,60}\bnam \d{4}"),
    ("ky-ket-giao-uoc", r"\bky (?:ket )?giao uoc"),
    ("trao-tang", r"\btrao tang\b|\bdon nhan\b|\ble trao\b"),
    ("phat-dong-thi-dua", r"\b(?:le|hoi nghi) phat dong\b"),
    ("dai-hoi-thi-dua", r"dai hoi thi dua yeu nuoc (?:lan thu|khoi)"),
)
_ATTENDANCE = re.compile(r"\btham du\b|\bgom\b|\bdai dien\b|\bco mat\b")
_STOP_RECIPIENTS = re.compile(r"\bdong chi\b|\bca nhan\b|\bong\b|\bba\b")
_ELECTION = re.compile(r"\bbau\b|\bdam nhan\b|\bdam nhiem\b|\bnhan cuong vi\b")
_ROLE = re.compile(r"\bkhoi (truong|pho)\b")


@dataclass
class Facts:
    years: list[int] = field(default_factory=list)
    date: dt.date | None = None
    about_year: int | None = None
    kinds: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    awards: list[dict] = field(default_factory=list)
    elections: dict | None = None
    covenant: dict | None = None
    chair: dict | None = None
    attendees: list[dict] = field(default_factory=list)


def sentences(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in _SENTENCE_END.split(p) if s.strip()]


def recognise(paragraphs: list[str], registry: Registry) -> Facts:
    orgs = organisation_names(registry)
    text = "\n\n".join(paragraphs)
    folded = fold(text)
    said = sentences(paragraphs)
    facts = Facts(years=sorted({int(y) for y in _YEAR.findall(text)}))
    facts.date = find_date(folded)
    match = _ABOUT_YEAR.search(folded)
    facts.about_year = int(match.group(1)) if match else None
    facts.kinds = [kind for kind, pattern in _KINDS if re.search(pattern, folded) and kind in registry.event_kinds]
    facts.members = find_members(said, orgs, registry)
    facts.awards = find_awards(said, orgs, award_names(registry), facts.about_year)
    facts.elections = find_elections(said, orgs, registry)
    facts.covenant = find_covenant(said)
    people = find_people(said, orgs, position_names(registry), registry)
    facts.chair = next((p for p in people if p.pop("chair", False)), None)
    facts.attendees = [p for p in people if p is not facts.chair]
    for person in facts.attendees:
        person.pop("chair", None)
    return facts


def find_date(folded: str) -> dt.date | None:
    for m in _DATE.finditer(folded):
        day, month, year = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def find_members(said: list[str], orgs: Names, registry: Registry) -> list[str]:
    """Members named where attendance is described; else members named anywhere."""
    present = {m.id for s in said if _ATTENDANCE.search(fold(s)) for m in orgs.find(s)}
    named = present & set(registry.members) or {m.id for s in said for m in orgs.find(s)}
    return [org for org in registry.members if org in named]


def find_awards(said: list[str], orgs: Names, awards: Names, about_year: int | None) -> list[dict]:
    """'đề nghị tặng <award> cho <org> và <org>; tặng <award> cho <org>' → one entry per recipient."""
    found: list[dict] = []
    for sentence in said:
        folded = fold(sentence)
        matches = awards.find(sentence)
        if not matches:
            continue
        years = [int(y) for y in _YEAR.findall(sentence)]
        clauses = [(m.start(), m.end()) for m in re.finditer(r"[^;]+", folded)]
        for i, award in enumerate(matches):
            clause_start, clause_end = next((a, b) for a, b in clauses if a <= award.start < b)
            following = [m.start for m in matches[i + 1:] if m.start < clause_end]
            region_end = min([clause_end, *following])
            stop = _STOP_RECIPIENTS.search(folded, award.end, region_end)
            recipients = orgs.find(sentence, award.end, stop.start() if stop else region_end)
            if not recipients and re.search(r"\bduoc\b|\bdon nhan\b|\bnhan\b", folded[clause_start:award.start]):
                recipients = orgs.find(sentence, clause_start, award.start)
            status = "proposed" if "de nghi" in folded[:award.start] else "conferred"
            year = years[0] if years else about_year
            for org in dict.fromkeys(r.id for r in recipients):
                found.append({"award": award.id, "recipient": org, "year": year, "status": status})
    return found


def find_elections(said: list[str], orgs: Names, registry: Registry) -> dict | None:
    """'bầu A làm Khối trưởng, B làm Khối phó ... năm 2021' (or 'A, B được bầu làm Khối trưởng, Khối phó')."""
    for sentence in said:
        folded = fold(sentence)
        if not _ELECTION.search(folded):
            continue
        roles = list(_ROLE.finditer(folded))
        members = [m for m in orgs.find(sentence) if m.id in registry.members]
        chosen: dict[str, str] = {}
        if len(roles) >= 2 and re.fullmatch(r"\s*(?:,|va)\s*", folded[roles[0].end():roles[1].start()]):
            before = [m for m in members if m.end <= roles[0].start()][-2:]
            if len(before) == 2:  # 'A, B lần lượt làm Khối trưởng, Khối phó'
                chosen = {roles[0].group(1): before[0].id, roles[1].group(1): before[1].id}
        for role in roles if not chosen else ():
            start = max(folded.rfind(",", 0, role.start()), folded.rfind(";", 0, role.start())) + 1
            candidates = [m for m in members if start <= m.start and m.end <= role.start()]
            if not candidates:
                end = min([i for i in (folded.find(",", role.end()), folded.find(";", role.end())) if i >= 0]
                          or [len(folded)])
                candidates = [m for m in members if role.end() <= m.start and m.end <= end]
            if candidates:
                chosen.setdefault(role.group(1), candidates[-1].id if candidates[-1].end <= role.start() else candidates[0].id)
        years = [int(y) for y in _YEAR.findall(sentence)]
        if "truong" in chosen or "pho" in chosen:
            return {"year": max(years) if years else None, "head": chosen.get("truong"), "deputy": chosen.get("pho")}
    return None


def find_covenant(said: list[str]) -> dict | None:
    """The covenant year and its motto ('Giao ước thi đua năm 2021 với chủ đề "..."')."""
    found: dict | None = None
    for sentence in said:
        folded = fold(sentence)
        if "giao uoc" not in folded:
            continue
        motto = _MOTTO.search(sentence)
        if not motto and not re.search(r"\bky\b", folded):
            continue
        year = _COVENANT_YEAR.search(folded)
        years = [int(y) for y in _YEAR.findall(sentence)]
        covenant = {"year": int(year.group(1)) if year else (max(years) if years else None),
                    "motto": " ".join(motto.group(1).split()).strip(" .") if motto else None}
        if motto:  # the sentence that gives the motto is the one that says it all
            return covenant
        found = found or covenant
    return found
