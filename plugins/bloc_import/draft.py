"""Write a draft news item (front matter with proposed facts, then the text) from a legacy text.

Every proposed fact carries a '# cần xác nhận' comment; a fact the text does not state is not
written, or only as a comment saying what a person must add.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from bloc_content.registries import Registry
from bloc_content.slugs import slugify
from bloc_content.translated import translated_from_for

from .english import english_draft
from .facts import Facts, recognise
from .legacy import Legacy, read_legacy

CONFIRM = "# cần xác nhận"
TO_WRITE = "CẦN VIẾT"
UNDATED = "chua-ro-ngay"  # the folder of drafts whose date a person must give


class ImportProblem(Exception):
    """The text cannot become a draft without something only a person knows."""


@dataclass
class Draft:
    year: int | None
    slug: str
    text: str
    legacy: Legacy
    facts: Facts
    text_en: str = ""
    needs: list[str] = field(default_factory=list)  # what a person must add (see needs_of)
    published: dt.date | None = None

    @property
    def folder_year(self) -> str:
        return str(self.year) if self.year else UNDATED

    def renamed(self, slug: str, registry: Registry) -> Draft:
        """The same draft under another slug (two articles whose titles read alike)."""
        text = "\n".join(f"{line.split(':')[0]}: {slug}" if line in (f"slug: {self.slug}", f"translation_key: {self.slug}")
                         else line for line in self.text.split("\n"))
        draft = Draft(self.year, slug, text, self.legacy, self.facts, needs=self.needs, published=self.published)
        draft.text_en = english_of(draft, registry)
        return draft


def import_legacy(text: str, registry: Registry, title: str | None = None,
                  date: dt.date | None = None, source_name: str = "") -> Draft:
    legacy = read_legacy(text)
    if not legacy.paragraphs:
        raise ImportProblem("no text")
    facts = recognise(legacy.paragraphs, registry, published=legacy.published, title=legacy.title,
                      captions=legacy.captions)
    if date:
        facts.date, facts.date_note = date, None
    published = date or legacy.published or facts.date
    draft_title = title or legacy.title or derive_title(facts, registry)
    slug = slugify(draft_title)
    title_note = None if title else ("tiêu đề lấy từ trang gốc" if legacy.title else "tiêu đề máy đặt tạm, hãy viết lại")
    lines = front_matter(facts, legacy, registry, draft_title, slug, title_note, published, date is not None,
                         source_name)
    body = "\n\n".join([*legacy.paragraphs, *([f"*{legacy.byline}*"] if legacy.byline else [])])
    vi = "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"
    draft = Draft(published.year if published else None, slug, vi, legacy, facts, published=published)
    draft.text_en = english_of(draft, registry)
    draft.needs = needs_of(draft, published)
    return draft


def english_of(draft: Draft, registry: Registry) -> str:
    """index.en.md, recording (translated_from) the state of index.vi.md it was drafted from, once
    that file is valid; `make translated` updates it when the translation is done."""
    return english_draft(draft.facts, draft.legacy, registry, draft.slug, draft.published,
                         f"content/news/{draft.folder_year}/{draft.slug}", translated_from_for(draft.text))


def needs_of(draft: Draft, published: dt.date | None) -> list[str]:
    """What a person must add: 'published', 'date', 'kinds', 'summary', 'byline', 'translation'."""
    needs = [] if published else ["published"]
    needs += [] if draft.facts.date else ["date"]
    needs += [] if draft.facts.kinds else ["kinds"]
    needs += ["summary"] + ([] if draft.legacy.byline else ["byline"]) + ["translation"]
    return needs


def derive_title(facts: Facts, registry: Registry) -> str:
    if facts.covenant and "ky-ket-giao-uoc" in facts.kinds:
        return f"Ký kết Giao ước thi đua năm {facts.covenant['year']}"
    if facts.kinds:
        name = registry.event_kinds[facts.kinds[0]].name("vi")
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
        elif key in ("name", "motto", "caption", "credit"):
            value = q(value)
        parts.append(f"{key}: {value}")
    return "{" + ", ".join(parts) + "}"


def front_matter(facts: Facts, legacy: Legacy, registry: Registry, title: str, slug: str,
                 title_note: str | None, published: dt.date | None, date_given: bool,
                 source_name: str) -> list[str]:
    out = [
        f"# Bản nháp nhập từ hệ thống cũ{f' ({source_name})' if source_name else ''}.",
        "# Máy chỉ ĐỀ XUẤT các dữ kiện dưới đây. Đối chiếu từng dòng có \"cần xác nhận\" với bài gốc,",
        "# sửa nếu sai, rồi xoá chú thích đó. `bloc check` liệt kê những dòng còn phải xác nhận.",
        f"title: {q(title)}" + (f"  {CONFIRM}: {title_note}" if title_note else ""),
        f"slug: {slug}",
        "lang: vi",
        f"translation_key: {slug}",
        *published_lines(facts, legacy, published, date_given),
        "status: draft",
        f"summary: {q(TO_WRITE + ': tóm tắt bài trong 1-2 câu')}",
        f"byline: {q(legacy.byline) if legacy.byline else q(TO_WRITE + ': tác giả')}",
        "# source: {publisher: \"...\", url: \"https://...\"}",
    ]
    out += event_lines(facts)
    dated = [a for a in facts.awards if a["year"]]
    if dated:
        out.append(f"awards:  {CONFIRM}: danh hiệu, đơn vị nhận, năm và trạng thái (proposed = đề nghị, conferred = đã trao)")
        out += [f"  - {flow(a)}" for a in dated]
    out += [f"# awards: - {flow({**a, 'year': '...'})}  (bài không ghi năm khen thưởng)" for a in facts.awards
            if not a["year"]]
    out += election_lines(facts)
    out += covenant_lines(facts)
    out += photo_lines(legacy)
    if legacy.dropped:  # nothing is lost silently: the page furniture left out of the text
        out.append("# Các dòng của trang cũ không đưa vào bài (tiêu đề, ngày, tác giả, thẻ, quảng cáo...):")
        out += [f"#   {line[:100]}" for line in legacy.dropped[:20]]
    return out


def published_lines(facts: Facts, legacy: Legacy, published: dt.date | None, date_given: bool) -> list[str]:
    if published is None:
        why = facts.date_note or "bài gốc không ghi ngày"
        return [f"published: null  {CONFIRM}: {why}; hãy ghi ngày đăng, ví dụ 2024-04-10T00:00:00+07:00",
                "date_precision: day"]
    line = f"published: {published.isoformat()}T00:00:00+07:00"
    if date_given:
        return [line, "date_precision: day"]
    if legacy.published:
        return [line + f"  {CONFIRM}: ngày đăng ghi trên trang gốc", "date_precision: day"]
    return [line + f"  {CONFIRM}: đây là ngày sự kiện trong bài, ngày đăng có thể khác", "date_precision: day"]


def event_lines(facts: Facts) -> list[str]:
    out = ["event:"]
    if facts.kinds:
        out.append(f"  kinds: [{', '.join(facts.kinds)}]  {CONFIRM}")
    else:
        out.append(f"  kinds: [khac]  {CONFIRM}: máy không nhận ra loại sự kiện")
    if facts.date:
        note = f": ngày diễn ra sự kiện; {facts.date_note}" if facts.date_note else ": ngày diễn ra sự kiện"
        out.append(f"  date: {facts.date.isoformat()}  {CONFIRM}{note}")
    else:
        out.append(f"  # date: YYYY-MM-DD  {CONFIRM}: {facts.date_note or 'bài không ghi ngày'}; hãy ghi ngày diễn ra sự kiện")
    if facts.about_year:
        out.append(f"  about_year: {facts.about_year}  {CONFIRM}: năm được tổng kết")
    out.append("  # place: \"...\"  (địa điểm, nếu bài có nêu)")
    out.append("  # host: ...  (đơn vị đăng cai: máy không suy ra từ người chủ trì)")
    if facts.chair:
        out.append(f"  chair: {flow(facts.chair)}  {CONFIRM}")
    people = [{**p, "roles": ["co-chair"]} for p in facts.co_chairs] + facts.attendees
    if people:
        out.append(f"  attendees:  {CONFIRM}" + (": người đồng chủ trì có roles: [co-chair]" if facts.co_chairs else ""))
        out += [f"    - {flow(p)}" for p in people]
    if facts.members:
        out.append(f"  members_present: [{', '.join(facts.members)}]  {CONFIRM}: các thành viên bài nêu là có mặt")
    for spelling, org in facts.near_misses:  # "did you mean": a spelling the registry does not have
        out.append(f"  # Bài viết «{spelling}»: có phải {org}? Nếu đúng, thêm cách viết này vào aliases_vi của {org} "
                   "trong content/data/organisations.yaml rồi nhập lại bài.")
    return out


def election_lines(facts: Facts) -> list[str]:
    out = []
    if facts.elections:
        out.append(f"elections: {flow(facts.elections)}  {CONFIRM}: Khối trưởng, Khối phó năm {facts.elections['year']}")
    shown = facts.elections or {}
    rest = [r for r in facts.roles
            if not (r["year"] in (None, shown.get("year"))
                    and r["org"] == shown.get("head" if r["role"] == "truong" else "deputy"))]
    rest = [r for i, r in enumerate(rest) if all((r["role"], r["org"], r["year"]) != (x["role"], x["org"], x["year"])
                                                  for x in rest[:i])]
    for role in rest:
        name = "Khối trưởng" if role["role"] == "truong" else "Khối phó"
        when = f"năm {role['year']}" if role["year"] else "bài không ghi năm"
        out.append(f"# Bài nêu {role['org']} là {name} ({when}): thêm vào elections nếu đúng.")
    return out


def covenant_lines(facts: Facts) -> list[str]:
    c = facts.covenant
    out = []
    if c:
        out += ["covenant:", f"  year: {c['year']}  {CONFIRM}"]
        out.append(f"  motto: {q(c['motto'])}  {CONFIRM}" if c.get("motto") else "  # motto: \"...\"")
        out.append("  signatories: all")
    if facts.motto_unplaced and not (c and c.get("motto")):
        out.append(f"# covenant: {{year: ..., motto: {q(facts.motto_unplaced)}}}  (bài nêu chủ đề thi đua nhưng không ghi năm)")
    return out


def photo_lines(legacy: Legacy) -> list[str]:
    if not legacy.captions:
        return ["# photos:", "#   - file: ten-anh.jpg", "#     alt: \"mô tả ảnh\""]
    out = ["photos:"]
    for i, (caption, credit) in enumerate(zip(legacy.captions, legacy.credits, strict=True), 1):
        out += [
            f"  - file: anh-{i}.jpg  {CONFIRM}: đặt ảnh vào thư mục này với đúng tên này",
            f"    caption: {q(caption.strip())}",
            *([f"    credit: {q(credit)}"] if credit else []),
            f"    # alt: {TO_WRITE}: mô tả ảnh cho người không xem được ảnh (bắt buộc)",
        ]
    return out
