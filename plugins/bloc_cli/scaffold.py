"""The text of a new item's two files: valid as they stand, a draft, with the registry ids at hand."""

from __future__ import annotations

import datetime as dt
import json

from bloc_content.registries import Registry
from bloc_content.slugs import slugify

VIETNAM = dt.timezone(dt.timedelta(hours=7))


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def registry_comments(registry: Registry) -> list[str]:
    out = ["#", "# Mã dùng trong các trường trên (ids) / registry ids:"]
    tables = (("Tổ chức / organisations", registry.organisations), ("Danh hiệu / awards", registry.awards),
              ("Chức vụ / positions", registry.positions), ("Loại sự kiện / event kinds", registry.event_kinds))
    for heading, table in tables:
        out.append(f"# {heading}:")
        out += [f"#   {key}: {entry.name_vi}" for key, entry in table.items()]
    return out


def scaffold(title: str, registry: Registry, date: dt.date | None = None, kind: str | None = None,
             now: dt.datetime | None = None) -> tuple[str, int, str, str]:
    """(slug, year, index.vi.md text, index.en.md text)."""
    slug = slugify(title)
    if date:
        published, precision = f"{date.isoformat()}T00:00:00+07:00", "day"
        day = date
    else:
        moment = (now or dt.datetime.now(VIETNAM)).astimezone(VIETNAM).replace(second=0, microsecond=0)
        published, precision, day = moment.isoformat(), "time", moment.date()
    event = [
        "event:",
        f"  kinds: [{kind}]",
        f"  date: {day.isoformat()}",
        "  # about_year: 2024        # năm được tổng kết / sơ kết",
        "  # place: \"Hà Nội\"",
        "  # host: bca",
        "  # chair: {name: \"Nguyễn Văn A\", org: bca, positions: [thu-truong]}",
        "  # attendees:",
        "  #   - {name: \"Nguyễn Văn B\", org: btp, positions: [thu-truong]}",
        "  # members_present: all     # hoặc danh sách: [bca, bqp]",
    ] if kind else ["# event:", "#   kinds: [hoi-nghi-so-ket]", f"#   date: {day.isoformat()}"]
    vi = [
        "---",
        "# Tin mới, đang là bản nháp (status: draft): chưa đăng lên trang.",
        "# Viết xong, chạy `bloc check`; khi không còn lỗi, đổi thành status: published.",
        f"title: {q(title)}",
        f"slug: {slug}",
        "lang: vi",
        f"translation_key: {slug}",
        f"published: {published}",
        f"date_precision: {precision}",
        "status: draft",
        f"summary: {q('CẦN VIẾT: tóm tắt bài trong 1-2 câu')}",
        f"byline: {q('CẦN VIẾT: tên tác giả')}",
        *event,
        "# awards:",
        f"#   - {{award: co-thi-dua-chinh-phu, recipient: bca, year: {day.year}, status: proposed}}",
        f"# elections: {{year: {day.year + 1}, head: bqp, deputy: btp}}",
        f"# covenant: {{year: {day.year}, motto: \"...\", signatories: all}}",
        "# Ảnh: đặt tệp ảnh vào thư mục này, rồi khai báo ở đây:",
        "# photos:",
        "#   - file: ky-ket.jpg",
        "#     alt: \"Mô tả ảnh cho người không xem được ảnh\"",
        "#     caption: \"Chú thích dưới ảnh\"",
        *registry_comments(registry),
        "---",
        "",
        "CẦN VIẾT: nội dung bài. Mỗi đoạn cách nhau một dòng trống.",
        "",
    ]
    en = [
        "---",
        "# English translation of index.vi.md. Facts (event, awards, elections) are stated once,",
        "# in the Vietnamese file; here write only your own words. A draft until status: published.",
        f"title: {q('TO TRANSLATE: ' + title)}",
        "lang: en",
        f"translation_key: {slug}",
        f"published: {published}",
        f"date_precision: {precision}",
        "status: draft",
        f"summary: {q('TO TRANSLATE: summary in one or two sentences')}",
        f"byline: {q('TO WRITE: author')}",
        f"translator: {q('TO WRITE: translator')}",
        "# event: {place: \"Hanoi\"}          # if the Vietnamese file names the place",
        "# covenant: {motto: \"...\"}          # if the Vietnamese file gives a motto",
        "# photos:                           # alt and caption of each photo, matched by file",
        "#   - {file: ky-ket.jpg, alt: \"...\", caption: \"...\"}",
        "---",
        "",
        "TO TRANSLATE: the text of the item.",
        "",
    ]
    return slug, day.year, "\n".join(vi), "\n".join(en)
