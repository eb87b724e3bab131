"""People named with their positions ('đồng chí <Name>, <position> <organisation>', or
'<position> <organisation> <Name>') and who chaired.

A person is proposed only with an organisation from the registry, read from the positions
written next to the name; a position outside the registry ends the reading (a party title
is skipped), so a person is never tied to an organisation named further on.
"""

from __future__ import annotations

import re

from bloc_content.registries import Registry

from .names import Match, Names, fold

_RANKS = ("dai tuong", "thuong tuong", "trung tuong", "thieu tuong", "dai ta", "thuong ta", "trung ta", "thieu ta")
_INTRO = re.compile(r"\b(?:dong chi|d/c|ong|ba|" + "|".join(_RANKS) + r")\s+|[:;]\s*")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CHUNK = re.compile(r"[^,;()]+|[;()]")
_SURNAMES = frozenset(fold(s) for s in (  # common Vietnamese family names: a name starts with one
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Đinh", "Đoàn", "Trương", "Lương", "Mai", "Tô", "Tạ", "Hà", "Lâm", "Phùng", "Khuất", "Thái", "Cao", "Chu",
    "Lưu", "Vương", "Trịnh", "Quách", "Kiều", "Nông", "Triệu", "La", "Lã", "Châu", "Giang", "Tăng", "Từ", "Đào",
    "Đàm", "Thân", "Hứa", "Kim", "Nghiêm", "Lò", "Mạc", "Tống", "Văn", "Lục", "Âu", "Ông", "Diệp", "Doãn", "Đồng",
    "Hầu", "Khúc", "Lại", "Mạnh", "Ninh", "Quan", "Sầm", "Thạch", "Viên"))
_SKIPPED_TITLE = re.compile(r"^(?:uy vien|bi thu|pho bi thu)\b")  # party titles: not an affiliation
_NOT_THERE = re.compile(r"\bgui (?:lang hoa|hoa|thu|dien)|\bvang mat\b")
_CHAIR = re.compile(r"\b(?:dong )?chu tri\b")
_CHAIRS_FOLLOW = re.compile(r"\bchu tri\b[^.;:]{0,40}?\bco\b[^.;:]{0,15}?(?:cac )?(?:dong chi)?\s*:?")
_ATTENDANCE_INTRO = re.compile(r"\b(?:tham du|du hoi nghi|du le|den du)\b")


def find_people(said: list[str], orgs: Names, positions: Names, registry: Registry) -> list[dict]:
    """Every person with a registry organisation, merged by name, in order of mention.

    Chairs carry "chair": True; the order of chairs is the order of mention."""
    people: dict[str, dict] = {}
    for sentence in said:
        folded = fold(sentence)
        if _NOT_THERE.search(folded):
            continue
        found = read_sentence(sentence, orgs, positions, registry)
        for person in found:
            known = people.setdefault(person["name"], person)
            if known is person:
                continue
            for pos in person.get("positions", []):
                if pos not in known.setdefault("positions", []):
                    known["positions"].append(pos)
            for key in ("org", "unit", "representing", "chair"):
                if not known.get(key) and person.get(key):
                    known[key] = person[key]
    return [p for p in people.values() if p.get("org")]


def read_sentence(sentence: str, orgs: Names, positions: Names, registry: Registry) -> list[dict]:
    folded = fold(sentence)
    starts = sorted({m.end() for m in _INTRO.finditer(folded)} | {0})
    named: list[tuple[int, int, dict]] = []  # (start, end of name, person)
    for i, start in enumerate(starts):
        if any(a <= start < b for a, b, _ in named):
            continue
        end = next((s for s in starts[i + 1:] if s > start + 1), len(sentence))
        person = read_named(sentence, start, end, orgs, positions, registry)
        if person:
            named.append((start, person.pop("_end"), person))
    for t in titled(sentence, orgs, positions, registry):
        overlapping = [n for n in named if n[0] <= t[0] < n[1]]
        if all(n[2]["org"] is None for n in overlapping):  # the title before the name says more
            named = [n for n in named if n not in overlapping] + [t]
    named.sort(key=lambda t: t[0])
    mark_chairs(folded, named)
    return [p for _, _, p in named]


def read_name(sentence: str, start: int, end: int) -> tuple[str, int] | None:
    """2-5 capitalised words starting with a Vietnamese surname, and where they end."""
    words, pos = [], start
    for m in _WORD.finditer(sentence, start, end):
        if sentence[pos:m.start()].strip() or not m.group()[0].isupper():
            break
        words.append(m.group())
        pos = m.end()
    if len(words) > 5 and len(words) <= 7:
        words, pos = words[:4], start + len(" ".join(words[:4]))
    if not 2 <= len(words) <= 5 or fold(words[0]) not in _SURNAMES:
        return None
    return " ".join(words), pos


def read_named(sentence: str, start: int, end: int, orgs: Names, positions: Names,
               registry: Registry) -> dict | None:
    """'Nguyễn Văn A, Thứ trưởng Bộ Công an, ...' from `start` to `end`."""
    folded = fold(sentence)
    while folded[start:start + 1] == " ":
        start += 1
    if positions.at(sentence, start) or orgs.at(sentence, start):
        return None  # 'đồng chí Trưởng Ban ...': a title, not a name
    name = read_name(sentence, start, end)
    if name is None:
        return None
    person: dict = {"name": name[0], "org": None, "positions": []}
    for chunk in _CHUNK.finditer(sentence, name[1], end):
        text = chunk.group()
        if text in ";(":
            break
        if text == ")":
            continue
        offset = chunk.start() + len(text) - len(text.lstrip(" -–"))  # 'Nguyễn Văn A - Thứ trưởng ...'
        acting = re.match(r"quyen\s+", folded[offset:])  # 'Quyền Trưởng ban': acting head
        found = positions.at(sentence, offset + (acting.end() if acting else 0))
        if not found:
            if _SKIPPED_TITLE.match(folded[offset:]):
                continue
            break
        if acting:  # an acting head holds the organisation, not yet the position
            if registry.positions[found.id].of_org and person["org"] is None:
                org = next(iter(orgs.find(sentence, found.start, chunk.end())), None)
                person["org"] = org.id if org else None
            continue
        add_position(person, found, sentence, chunk.end(), orgs, registry)
    note_role(person, folded[name[1]:end])
    person["_end"] = name[1]
    return finish(person, registry)


def titled(sentence: str, orgs: Names, positions: Names, registry: Registry) -> list[tuple[int, int, dict]]:
    """'Tổng Kiểm toán Nhà nước Ngô Văn Tuấn': positions written before the name."""
    folded = fold(sentence)
    found = []
    ends = {x.end for x in [*positions.find(sentence), *orgs.find(sentence)]}
    for m in re.finditer(r"(?<=\s)[A-ZĐÀ-Ỹ]", sentence):
        before = sentence[:m.start()].rstrip(" -–")
        rank = re.search(r",?\s*(?:" + "|".join(_RANKS) + r")$", fold(before))
        if rank:  # 'Thứ trưởng Bộ Công an, Thượng tướng Lê Quốc Hùng'
            before = before[:rank.start()].rstrip(" -–")
        if len(before) not in ends:
            continue  # the name must follow a position or an organisation directly
        name = read_name(sentence, m.start(), len(sentence))
        if name is None:
            continue
        person: dict = {"name": name[0], "org": None, "positions": []}
        clauses = list(re.finditer(r"[^,;:]+", before))
        for k, clause in enumerate(reversed(clauses)):
            matched = positions.find(sentence, clause.start(), clause.end())
            if k > 0:  # an earlier clause counts only if it is a position: 'Thứ trưởng Bộ Nội vụ, ...'
                lead = re.match(r"\s*(?:[^,]*?\bco\s+)?", folded[clause.start():clause.end()]).end()
                if not matched or matched[0].start != clause.start() + lead:
                    break
            for position in reversed(matched):
                add_position(person, position, sentence, clause.end(), orgs, registry, front=True)
        if person["positions"]:
            note_role(person, folded[name[1]:])
            found.append((m.start(), name[1], finish(person, registry)))
    return found


def add_position(person: dict, found: Match, sentence: str, end: int, orgs: Names, registry: Registry,
                 front: bool = False) -> None:
    if front:
        person["positions"].insert(0, found.id)
    else:
        person["positions"].append(found.id)
    if registry.positions[found.id].of_org:
        # from the position's start: in "Tổng Kiểm toán Nhà nước" the two names overlap
        org = next(iter(orgs.find(sentence, found.start, end)), None)
        if org and (front or person["org"] is None):
            person["org"] = org.id


def note_role(person: dict, rest: str) -> None:
    """'(đại diện Khối trưởng)', '(đơn vị Khối phó Khối thi đua)' right after the person."""
    role = re.match(r"[^;]{0,160}?\(\s*(?:dai dien|don vi)?\s*khoi (truong|pho)\b", rest) or \
        re.match(r"[^;(]{0,160}?\bdai dien khoi (truong|pho)\b", rest)
    if role:
        person["representing"] = "khoi-" + role.group(1)


def finish(person: dict, registry: Registry) -> dict:
    org = registry.organisations.get(person["org"]) if person["org"] else None
    if org and org.parent:  # 'Phó Chủ nhiệm Tổng cục Chính trị' → org bqp, unit tcct
        person["unit"], person["org"] = org.id, org.parent
    person["positions"] = list(dict.fromkeys(person["positions"]))
    return {k: v for k, v in person.items() if v not in (None, [])} | {"org": person["org"]}


def mark_chairs(folded: str, named: list[tuple[int, int, dict]]) -> None:
    """Who chaired: 'A; B đồng chủ trì', 'Chủ trì Hội nghị có các đồng chí: A; B', 'do A chủ trì'."""
    if not named:
        return
    chair = _CHAIR.search(folded)
    if not chair:
        return
    follow = _CHAIRS_FOLLOW.search(folded)
    if follow and follow.end() <= named[0][0] + 12 and not _ATTENDANCE_INTRO.search(folded[:follow.start()].replace("du va chu tri", "")):
        for _, _, person in named:
            person["chair"] = True
        return
    last = [m.start() for m in _CHAIR.finditer(folded)][-1]
    before = [t for t in named if t[0] < last]
    if not before:
        return
    head = folded[:before[0][0]]
    if _ATTENDANCE_INTRO.search(head) and not re.search(r"\bdo\s*(?:dong chi\s*)?$", folded[:before[-1][0]]):
        return  # 'Tham dự có A; B chủ trì ...' is not a list of chairs
    if re.search(r"\bdo\s*(?:dong chi\s*)?$", folded[:before[-1][0]]):
        before[-1][2]["chair"] = True
        return
    for _, _, person in before:
        person["chair"] = True
