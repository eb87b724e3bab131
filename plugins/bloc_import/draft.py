"""Write a draft news item (front matter with proposed facts, then the text) from a legacy text."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from bloc_content.registries import Registry
from bloc_content.slugs import slugify

from .facts import Facts, recognise
from .legacy import Legacy, read_legacy

CONFIRM = "# cần xác nhận"
TO_WRITE = "CẦN VIẾT"


class ImportProblem(Exception):
    """The text cannot become a draft without something only a person knows."""


@dataclass
class Draft:
    year: int
    slug: str
    text: str
    legacy: Legacy
    facts: Facts


def import_legacy(text: str, registry: Registry, title: str | None = None,
                  date: dt.date | None = None, source_name: str = "") -> Draft:
    legacy = read_legacy(text)
    if not legacy.paragraphs:
        raise ImportProblem("no text")
    facts = recognise(legacy.paragraphs, registry)
    year = date.year if date else (facts.date.year if facts.date else (max(facts.years) if facts.years else None))
    if year is None:
        raise ImportProblem("no year")
    draft_title = title or derive_title(facts, registry)
    slug = slugify(draft_title)
    lines = front_matter(facts, legacy, registry, draft_title, slug, title is not None, date, year, source_name)
    body = "\n\n".join([*legacy.paragraphs, *([f"*{legacy.byline}*"] if legacy.byline else [])])
    return Draft(year, slug, "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n", legacy, facts)


def derive_title(facts: Facts, registry: Registry) -> str:
    if facts.covenant and facts.covenant.get("year") and "ky-ket-giao-uoc" in facts.kinds:
        return f"Ký kết Giao ước thi đua năm {facts.covenant['year']}"
    if facts.kinds:
        name = registry.event_kinds[facts.kinds[0]].name_vi
        return f"{name} năm {facts.about_year}" if facts.about_year else name
    return "Bài nhập từ hệ thống cũ"


def q(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def flow(data: dict) -> str:
    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            value = "[" + ", ".join(value) + "]"
        elif key == "name":
            value = q(value)
        parts.append(f"{key}: {value}")
    return "{" + ", ".join(parts) + "}"


def front_matter(facts: Facts, legacy: Legacy, registry: Registry, title: str, slug: str,
                 title_given: bool, date: dt.date | None, year: int, source_name: str) -> list[str]:
    out = [
        f"# Bản nháp nhập từ hệ thống cũ{f' ({source_name})' if source_name else ''}.",
        "# Máy chỉ ĐỀ XUẤT các dữ kiện dưới đây. Đối chiếu từng dòng có \"cần xác nhận\" với bài gốc,",
        "# sửa nếu sai, rồi xoá chú thích đó. `bloc check` liệt kê những dòng còn phải xác nhận.",
        f"title: {q(title)}" + ("" if title_given else f"  {CONFIRM}: tiêu đề máy đặt tạm, hãy viết lại"),
        f"slug: {slug}",
        "lang: vi",
        f"translation_key: {slug}",
    ]
    if date:
        out += [f"published: {date.isoformat()}T00:00:00+07:00", "date_precision: day"]
    elif facts.date:
        out += [f"published: {facts.date.isoformat()}T00:00:00+07:00  {CONFIRM}: đây là ngày sự kiện trong bài, ngày đăng có thể khác",
                "date_precision: day"]
    else:
        out += [f"published: {year}-01-01T00:00:00+07:00  {CONFIRM}: bài gốc không ghi ngày; chỉ biết năm {year}",
                "date_precision: month"]
    out += [
        "status: draft",
        f"summary: {q(TO_WRITE + ': tóm tắt bài trong 1-2 câu')}",
        f"byline: {q(legacy.byline) if legacy.byline else q(TO_WRITE + ': tác giả')}",
        "# source: {publisher: \"...\", url: \"https://...\"}",
    ]
    out += event_lines(facts, date, year)
    if facts.awards:
        out.append(f"awards:  {CONFIRM}: danh hiệu, đơn vị nhận, năm và trạng thái (proposed = đề nghị, conferred = đã trao)")
        out += [f"  - {flow({**a, 'year': a['year'] or year})}" for a in facts.awards]
    e = facts.elections
    if e and e.get("head") and e.get("deputy") and e.get("year"):
        out.append(f"elections: {flow(e)}  {CONFIRM}")
    elif e:
        out.append(f"# elections: {flow({k: v or '...' for k, v in e.items()})}  {CONFIRM}: máy chỉ nhận ra một phần")
    c = facts.covenant
    if c:
        out += ["covenant:", f"  year: {c['year'] or year}  {CONFIRM}"]
        out.append(f"  motto: {q(c['motto'])}" if c.get("motto") else "  # motto: \"...\"")
        out.append("  signatories: all")
    out += photo_lines(legacy.captions)
    return out


def event_lines(facts: Facts, date: dt.date | None, year: int) -> list[str]:
    out = ["event:"]
    if facts.kinds:
        out.append(f"  kinds: [{', '.join(facts.kinds)}]  {CONFIRM}")
    else:
        out.append(f"  kinds: [khac]  {CONFIRM}: máy không nhận ra loại sự kiện")
    when = date or facts.date
    out.append(f"  date: {when.isoformat() if when else year}  {CONFIRM}: ngày diễn ra sự kiện")
    if facts.about_year:
        out.append(f"  about_year: {facts.about_year}  {CONFIRM}: năm được tổng kết")
    out.append("  # place: \"...\"  (địa điểm, nếu bài có nêu)")
    if facts.chair:
        out.append(f"  host: {facts.chair['org']}  {CONFIRM}: đơn vị đăng cai (máy lấy theo người chủ trì)")
        out.append(f"  chair: {flow(facts.chair)}  {CONFIRM}")
    if facts.attendees:
        out.append(f"  attendees:  {CONFIRM}")
        out += [f"    - {flow(p)}" for p in facts.attendees]
    if facts.members:
        out.append(f"  members_present: [{', '.join(facts.members)}]  {CONFIRM}: các thành viên có tên trong bài")
    return out


def photo_lines(captions: list[str]) -> list[str]:
    if not captions:
        return ["# photos:", "#   - file: ten-anh.jpg", "#     alt: \"mô tả ảnh\""]
    out = ["photos:"]
    for i, caption in enumerate(captions, 1):
        out += [
            f"  - file: anh-{i}.jpg  {CONFIRM}: đặt ảnh vào thư mục này với đúng tên này",
            f"    caption: {q(caption.strip())}",
            f"    # alt: {TO_WRITE}: mô tả ảnh cho người không xem được ảnh (bắt buộc)",
        ]
    return out
