"""Recognise the facts of a legacy article: when, what kind, who took part, awards, elections, motto.

Each recogniser reads plain Vietnamese sentences and returns plain data with registry ids.
A fact is proposed only where the text states it: what a recogniser cannot tie to a registry
id, or to a year written in the text, it leaves out (or to a comment for a person).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bloc_content.registries import Registry

from .elections import find_roles
from .names import Names, award_names, fold, near_misses, organisation_names, position_names
from .people import find_people

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ])")
_ABBREVIATION = re.compile(r"\s*\([A-ZĐ]{2,10}\)")  # 'Tòa án nhân dân tối cao (TANDTC)'
_YEAR = re.compile(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)")
_DAY_MONTH = re.compile(  # folded; a day written as a dateline says it: 'Sáng 28-7', 'Chiều nay (10/4)'
    r"\b(?:sang|chieu|toi|trua|ngay|hom nay|hom qua)(?:\s+nay)?(?:\s+(?:thu \w+|chu nhat),?)?(?:\s+ngay)?\s*\(?\s*"
    r"(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?!\s*[/.-]?\d)"
    r"|(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*)?nam\s+(\d{4}))?)")
# 'tổng kết công tác thi đua, khen thưởng năm 2023', 'sơ kết 6 tháng đầu năm 2022'; never across a
# covenant or the next year's tasks ('... và ký kết giao ước thi đua năm 2014').
_ABOUT_YEAR = re.compile(
    r"\b(?:tong ket|so ket|danh gia)\b(?:(?!giao uoc|trien khai|nhiem vu|phuong huong|ke hoach|ky ket)[^.;:]){0,70}?"
    r"\bnam (\d{4})\b|\b6 thang dau nam (\d{4})\b")
_MOTTO = re.compile(r"(?:chủ đề|phương châm|khẩu hiệu)(?:\s+thi đua)?(?:\s+(?:của\s+)?năm\s+(\d{4}))?(?:\s+là)?\s*:?\s*"
                    r"[\"“«„'‘]([^\"“”»'‘’]{3,200})[\"”»’']", re.IGNORECASE)
_COVENANT_YEAR = re.compile(r"giao uoc thi dua(?: nam)? (\d{4})")
_KINDS = (  # folded patterns, strong enough not to fire on a passing mention
    ("hoi-nghi-tong-ket", r"\b(?:hoi nghi|le) tong ket\b|\btong ket,? (?:cong tac|phong trao|hoat dong|nam \d{4}|danh gia)"),
    ("hoi-nghi-so-ket", r"\bso ket\b(?! kinh nghiem)"),
    ("hoi-nghi-trien-khai", r"hoi nghi trien khai|(?<!phuong huong )trien khai (?:nhiem vu|cong tac|ke hoach)[^.;]{0,60}\bnam \d{4}"),
    ("ky-ket-giao-uoc", r"\bky (?:ket )?giao uoc"),
    ("trao-tang", r"\ble (?:trao|don nhan)\b|\bdon nhan (?:huan chuong|co thi dua|danh hieu|bang khen)"),
    ("phat-dong-thi-dua", r"\b(?:le|hoi nghi) phat dong\b"),
    ("dai-hoi-thi-dua", r"dai hoi thi dua yeu nuoc (?:lan thu|khoi)"),
)
_ATTENDANCE = re.compile(r"\btham du\b|\bdu hoi nghi\b|\bden du\b|\bdai dien\b|\bco mat\b|\bdu (?:va|le)\b")
# 'Thanh tra Bộ Công an', 'Công đoàn Bộ Tư pháp': a body inside the member, not the member
_INSIDE_MEMBER = re.compile(r"(?:thanh tra|cong doan|dang uy|dang bo|doan thanh nien|vu|cuc|van phong|hoi dong thi dua"
                            r"(?: khen thuong)?|truong|hoc vien|bao|tap chi|benh vien|tong cuc)\s+$")
_ALL_MEMBERS = re.compile(r"\bcac (?:bo,? nganh|don vi|co quan)(?: thanh vien(?: (?:thuoc|trong|cua) khoi)?|"
                          r" (?:thuoc|trong|cua) khoi)\b")
_STOP_RECIPIENTS = re.compile(r"\bdong chi\b|\bca nhan\b|\bong\b|\bba\b")


@dataclass
class Facts:
    date: dt.date | None = None
    date_note: str | None = None  # why no date, or how its year was read
    about_year: int | None = None
    kinds: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    awards: list[dict] = field(default_factory=list)
    elections: dict | None = None
    roles: list[dict] = field(default_factory=list)  # every 'Khối trưởng/Khối phó' statement found
    covenant: dict | None = None
    motto_unplaced: str | None = None  # a motto with no year written next to it
    chair: dict | None = None
    co_chairs: list[dict] = field(default_factory=list)
    attendees: list[dict] = field(default_factory=list)
    about_this_bloc: bool = False
    near_misses: list[tuple[str, str]] = field(default_factory=list)  # (spelling, id): "did you mean"


def sentences(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in _SENTENCE_END.split(p) if s.strip()]


def recognise(paragraphs: list[str], registry: Registry, published: dt.date | None = None,
              title: str | None = None, captions: list[str] | None = None) -> Facts:
    """The facts of an article; the title and captions tell the kind of event and the year reviewed."""
    orgs = organisation_names(registry)
    said = [_ABBREVIATION.sub("", s) for s in sentences(paragraphs)]
    headline = [_ABBREVIATION.sub("", t) for t in [title or "", *(captions or [])] if t]
    folded = fold("\n".join([*headline, *said]))
    facts = Facts(about_this_bloc=mentions_bloc(folded, registry))
    facts.date, facts.date_note = find_date(said[:3], published)
    facts.about_year = find_about_year(folded, facts.date)
    facts.kinds = find_kinds(folded, registry)
    people = find_people(said, orgs, position_names(registry), registry)
    chairs = [p for p in people if p.pop("chair", False)]
    facts.chair = chairs[0] if chairs else None
    facts.co_chairs = chairs[1:]
    facts.attendees = [p for p in people if p not in chairs]
    facts.members = find_members(said, orgs, registry, people, facts.about_this_bloc)
    titles_year = re.search(r"\b(?:danh hieu|thanh tich)\b[^.;]{0,40}?\bnam (\d{4})\b", folded)
    facts.awards = find_awards(said, orgs, award_names(registry),
                               int(titles_year.group(1)) if titles_year else facts.about_year)
    facts.roles = find_roles(said, orgs, registry)
    facts.elections = elect(facts.roles)
    facts.covenant, facts.motto_unplaced = find_covenant(said)
    facts.near_misses = near_misses("\n".join(paragraphs), orgs)
    return facts


def find_kinds(folded: str, registry: Registry) -> list[str]:
    kinds = [kind for kind, pattern in _KINDS if re.search(pattern, folded)]
    if not kinds and re.search(r"\bhoi nghi\b", folded) and re.search(r"\b6 thang dau nam\b", folded):
        kinds = ["hoi-nghi-so-ket"]  # a conference on the first six months is a mid-year review
    return [kind for kind in kinds if kind in registry.event_kinds]


def mentions_bloc(folded: str, registry: Registry) -> bool:
    bloc = registry.bloc
    names = [bloc.name("vi"), bloc.shorts.get("vi")] if bloc else []
    return any(name and " ".join(fold(name).split()) in " ".join(folded.split()) for name in names) or \
        "noi chinh trung uong" in folded


def find_date(lede: list[str], published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The event's day from the first sentences; a year not written is the header's year."""
    for sentence in lede:
        for m in _DAY_MONTH.finditer(fold(sentence)):
            day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
            day, month = int(day), int(month)
            note = None
            if year is None:
                if published is None:
                    return None, f"bài ghi ngày {day}/{month} nhưng không ghi năm"
                year = published.year - (1 if (month, day) > (published.month, published.day) else 0)
                note = f"năm lấy theo ngày đăng ghi trên trang ({published.strftime('%d/%m/%Y')})"
            try:
                date = dt.date(int(year), month, day)
            except ValueError:
                continue
            if date.year < 1990 or (published and not dt.timedelta(-1) <= published - date <= dt.timedelta(366)):
                continue  # an anniversary ('Ngày 11/6/1948'), not the day of the event
            return date, note
    today = re.search(r"\b(?:sang|chieu|toi|trua|hom) nay\b", fold(" ".join(lede[:1])))
    if today and published:  # 'Chiều nay, ...' on a page dated 11/04/2024
        return published, f"«{lede[0][today.start():today.end()]}» là ngày đăng ghi trên trang"
    return None, "bài không ghi ngày diễn ra sự kiện"


def find_about_year(folded: str, date: dt.date | None) -> int | None:
    for m in _ABOUT_YEAR.finditer(folded):
        year = int(m.group(1) or m.group(2))
        if date is None or year <= date.year:  # a review is never of a year still to come
            return year
    return None


def find_members(said: list[str], orgs: Names, registry: Registry, people: list[dict], about_bloc: bool) -> list[str]:
    """Members named where attendance is described, and members whose people took part."""
    present = {p["org"] for p in people}
    for sentence in said:
        folded = fold(sentence)
        if not _ATTENDANCE.search(folded):
            continue
        if about_bloc and _ALL_MEMBERS.search(folded):
            present |= set(registry.members)  # 'đại diện lãnh đạo các bộ, ngành thuộc Khối'
        present |= {m.id for m in orgs.find(sentence) if not _INSIDE_MEMBER.search(folded[max(0, m.start - 40):m.start])}
    return [org for org in registry.members if org in present]


def find_awards(said: list[str], orgs: Names, awards: Names, about_year: int | None) -> list[dict]:
    """'đề nghị tặng <award> cho <org> và <org>; tặng <award> cho <org>' → one entry per recipient.

    The year is one written in the sentence, else the year of the titles ('danh hiệu thi đua năm
    2022') or of the review; without one the award is left to a person."""
    found: list[dict] = []
    for sentence in said:
        folded = fold(sentence)
        matches = awards.find(sentence)
        if not matches:
            continue
        years = [int(y) for y in _YEAR.findall(sentence)]
        clauses = [(m.start(), m.end()) for m in re.finditer(r"[^;]+", folded)]
        for i, award in enumerate(matches):
            clause_start, clause_end = next(((a, b) for a, b in clauses if a <= award.start < b), (0, len(folded)))
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


def elect(roles: list[dict]) -> dict | None:
    """The head and deputy of the latest year for which the text names both."""
    by_year: dict[int, dict[str, str]] = {}
    for role in roles:
        if role["year"]:
            by_year.setdefault(role["year"], {}).setdefault(role["role"], role["org"])
    for year in sorted(by_year, reverse=True):
        chosen = by_year[year]
        if "truong" in chosen and "pho" in chosen and chosen["truong"] != chosen["pho"]:
            return {"year": year, "head": chosen["truong"], "deputy": chosen["pho"]}
    return None


def find_covenant(said: list[str]) -> tuple[dict | None, str | None]:
    """The covenant's year and motto ('Giao ước thi đua năm 2021 với chủ đề "..."', 'chủ đề thi
    đua năm 2024 là "..."'). Returns (covenant, a motto found without a year)."""
    found: dict | None = None
    unplaced: str | None = None
    for sentence in said:
        folded = fold(sentence)
        motto = _MOTTO.search(sentence)
        if motto and motto.group(1):  # 'chủ đề thi đua năm 2024 là "..."': the year is the motto's own
            return {"year": int(motto.group(1)), "motto": _clean_motto(motto.group(2))}, None
        if "giao uoc" not in folded:
            if motto and re.search(r"chu de thi dua|phuong cham thi dua", folded):
                unplaced = unplaced or _clean_motto(motto.group(2))
            continue
        if not motto and not re.search(r"\bky\b", folded):
            continue
        year = _COVENANT_YEAR.search(folded)
        if year is None:
            if motto:
                unplaced = unplaced or _clean_motto(motto.group(2))
            continue
        covenant = {"year": int(year.group(1)), "motto": _clean_motto(motto.group(2)) if motto else None}
        if motto:  # the sentence that gives the motto is the one that says it all
            return covenant, None
        found = found or covenant
    return found, unplaced


def _clean_motto(text: str) -> str:
    return " ".join(text.split()).strip(" .")
