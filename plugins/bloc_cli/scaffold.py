"""The text of a new item's two files, written from the content model: every field it knows.

Required fields get a value or a placeholder; optional ones are written as comments to
uncomment; each line carries its meaning in Vietnamese (from bloc_content.fields). Both
files are valid drafts as they stand, and the registry ids are listed at the end.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from bloc_content.fields import direct, translation_field, words
from bloc_content.model import ItemFile, TranslationFile
from bloc_content.registries import Registry
from bloc_content.slugs import slugify
from bloc_content.translated import translated_from_for

VIETNAM = dt.timezone(dt.timedelta(hours=7))
COMMENT_COLUMN = 36


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def registry_comments(registry: Registry) -> list[str]:
    out = ["#", "# Mã dùng trong các trường trên (ids) / registry ids:"]
    tables = (("Tổ chức / organisations", registry.organisations), ("Danh hiệu / awards", registry.awards),
              ("Chức vụ / positions", registry.positions), ("Loại sự kiện / event kinds", registry.event_kinds))
    for heading, table in tables:
        out.append(f"# {heading}:")
        out += [f"#   {key}: {entry.name('vi')}" for key, entry in table.items()]
    return out


def examples(registry: Registry, day: dt.date, kind: str | None) -> dict[str, str]:
    """A sample value for each field, by FIELD_TEXT key, drawn from the registries where it can be."""
    members = registry.members or list(registry.organisations) or ["bca"]
    unit = next((o.id for o in registry.organisations.values() if o.parent), members[0])
    position = next((p for p, entry in registry.positions.items() if entry.of_org), "thu-truong")
    award = next(iter(registry.awards), "co-thi-dua-chinh-phu")
    return {
        "ItemFile.updated": f"{day.isoformat()}T17:00:00+07:00",
        "ItemFile.translator": q("Họ tên người dịch"),
        "Source.publisher": q("Tên báo đã đăng bài gốc"),
        "Source.url": "https://...",
        "Source.title": q("Tiêu đề bài gốc"),
        "Event.kinds": f"[{kind}]" if kind else "[]",
        "Event.date": day.isoformat(),
        "Event.about_year": str(day.year),
        "Event.place": q("Hà Nội"),
        "Event.host": members[0],
        "Event.members_present": "all",
        "Person.name": q("Nguyễn Văn A"),
        "Person.org": members[0],
        "Person.unit": unit,
        "Person.positions": f"[{position}]",
        "Person.representing": "khoi-truong",
        "Person.roles": "[speaker]",
        "Award.award": award,
        "Award.recipient": members[0],
        "Award.year": str(day.year),
        "Award.status": "proposed",
        "Award.proposed_by": "bloc",
        "Award.decision": q("Quyết định số .../QĐ-TTg"),
        "Election.year": str(day.year + 1),
        "Election.head": members[0],
        "Election.deputy": members[1 % len(members)],
        "Covenant.year": str(day.year),
        "Covenant.motto": q("Chủ đề Giao ước"),
        "Covenant.signatories": "all",
        "Photo.file": "ky-ket.jpg",
        "Photo.alt": q("Mô tả ảnh cho người không xem được ảnh"),
        "Photo.caption": q("Chú thích dưới ảnh"),
        "Photo.credit": q("Ảnh: ..."),
        "Photo.decorative": "false",
        "Photo.lead": "true",
        "Photo.focal": "[0.5, 0.4]",
        "TranslatedFrom.hash": "0123456789ab",
        "TranslatedFrom.date": day.isoformat(),
    }


def field_lines(model, values: dict[str, str], samples: dict[str, str], keep: Callable[[str], bool],
                indent: str = "", prefix: str = "", commented: bool = False, item: bool = False) -> list[str]:
    """One line per field (and per nested field): `key: value  # meaning`, commented when optional.

    `values` are the written values by path (a field given one is written uncommented);
    `keep(path)` says whether a field belongs in this file at all."""
    out: list[str] = []
    first = True
    for info in direct(model, prefix):
        if not keep(info.path):
            continue
        on = not commented and (info.path in values or (info.required and not info.child))
        lead = indent + ("- " if item and first else "  " if item else "")
        first = False
        hint = words(info.key, "vi")[1]
        name = info.path.rsplit(".", 1)[-1].removesuffix("[]")
        if info.child is not None and not values.get(info.path):
            out.append(_line(f"{lead}{name}:", hint, on))
            out += field_lines(info.child, values, samples, keep, (lead.replace("-", " ") + "  "),
                               f"{info.path}[]." if info.is_list else f"{info.path}.", not on, info.is_list)
            continue
        value = values.get(info.path, samples.get(info.key, ""))
        out.append(_line(f"{lead}{name}: {value}", hint, on))
    return out


def _line(text: str, hint: str, on: bool) -> str:
    text = text if on else "# " + text
    return f"{text.ljust(COMMENT_COLUMN)}  # {hint}"


def scaffold(title: str, registry: Registry, date: dt.date | None = None, kind: str | None = None,
             now: dt.datetime | None = None) -> tuple[str, int, str, str]:
    """(slug, year, index.vi.md text, index.en.md text)."""
    slug = slugify(title)
    if date:
        published, precision, day = f"{date.isoformat()}T00:00:00+07:00", "day", date
    else:
        moment = (now or dt.datetime.now(VIETNAM)).astimezone(VIETNAM).replace(second=0, microsecond=0)
        published, precision, day = moment.isoformat(), "time", moment.date()
    samples = examples(registry, day, kind)
    made = (now or dt.datetime.now(VIETNAM)).astimezone(VIETNAM).date()
    common = {"slug": slug, "translation_key": slug, "published": published, "date_precision": precision,
              "status": "draft"}
    vi_values = {**common, "title": q(title), "lang": "vi", "summary": q("CẦN VIẾT: tóm tắt bài trong 1-2 câu"),
                 "byline": q("CẦN VIẾT: tên tác giả")}
    if kind:  # without one, the event stays commented out and no kind is suggested: the author picks
        vi_values |= {"event": "", "event.kinds": f"[{kind}]", "event.date": day.isoformat()}
    vi_front = [
        "---",
        "# Tin mới, đang là bản nháp (status: draft): chưa đăng lên trang.",
        "# Mỗi trường có một dòng giải thích sau dấu #. Trường nào cần dùng thì bỏ dấu \"# \" ở đầu dòng.",
        "# Viết xong, chạy `make check`; khi không còn lỗi, đổi thành status: published.",
        *([] if kind else ["# Sự kiện (event): chọn loại trong danh sách \"Loại sự kiện\" ở cuối tệp."]),
        *field_lines(ItemFile, vi_values, samples, lambda path: True),
        *registry_comments(registry),
        "---",
    ]
    vi = "\n".join([*vi_front, "", "CẦN VIẾT: nội dung bài. Mỗi đoạn cách nhau một dòng trống.", ""])
    en_values = {**common, "title": q("TO TRANSLATE: " + title), "lang": "en",
                 "summary": q("TO TRANSLATE: summary in one or two sentences"), "byline": q("TO WRITE: author"),
                 "translator": q("TO WRITE: translator")}
    del en_values["slug"]  # the English slug comes from the English title unless the translator sets one
    line = translated_from_for(vi, made)
    if line:  # made from this state of the original: `make check` says when the original moves on
        en_values["translated_from"] = line.split(": ", 1)[1]
    en_samples = samples | {"ItemFile.slug": "the-english-title-in-lowercase", "Event.place": q("Hanoi"),
                            "Covenant.motto": q("The covenant's motto"), "Photo.alt": q("What the photo shows"),
                            "Photo.caption": q("The caption under the photo")}
    en_lines = field_lines(TranslationFile, en_values, en_samples, translation_field)
    en = "\n".join([
        "---",
        "# Bản dịch tiếng Anh của index.vi.md. Dữ kiện (sự kiện, khen thưởng, bầu cử) chỉ ghi một lần,",
        "# ở tệp tiếng Việt; ở đây chỉ viết lời văn của mình. Là bản nháp cho tới khi status: published.",
        f"# Dịch xong, chạy: make translated ITEM=content/news/{day.year}/{slug}",
        *en_lines,
        "---",
        "",
        "TO TRANSLATE: the text of the item.",
        "",
    ])
    return slug, day.year, vi, en
