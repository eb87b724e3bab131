"""The Vietnamese words of the CMS forms, keyed "Model.field".

Labels are the field reference's (bloc_content.fields, the one table of what each field
means), so the forms, the new-item template and docs/ say the same thing. This module adds
only what that table does not hold: hints suited to a form, the registries' fields, the
labels of choices (keyed by the stored value) and of the collections. A test checks that
every field the forms show has its words.
"""

from __future__ import annotations

from bloc_content.fields import words as field_words

# Hints for the form, keyed "Model.field": the field reference's hints speak of the text file
# (quotes, ids to type); a form picks from lists, so it says what to choose or write.
FORM_HINTS: dict[str, str] = {
    "ItemFile.title": "Tiêu đề của tin, viết bằng ngôn ngữ của tệp.",
    "ItemFile.slug": "Phần cuối địa chỉ trang: chữ thường không dấu, số và dấu gạch nối.",
    "ItemFile.lang": "Điền tự động khi lưu: vi cho bản tiếng Việt, en cho bản tiếng Anh.",
    "ItemFile.translation_key": "Chung cho hai bản vi và en; chữ thường không dấu, số, dấu gạch nối. Không đổi sau khi đã đăng.",
    "ItemFile.published": "Giờ Việt Nam (+07:00).",
    "ItemFile.date_precision": "Phần nào của ngày đăng đã biết chắc.",
    "ItemFile.updated": "Khi sửa nội dung sau khi đăng; phải sau ngày đăng.",
    "ItemFile.status": "Bản nháp chưa hiện trên trang; chọn Đăng khi tin đã được duyệt.",
    "ItemFile.summary": "Một hoặc hai câu, hiện ở danh sách tin và khi chia sẻ.",
    "ItemFile.byline": "Tên tác giả hoặc nhóm phóng viên.",
    "ItemFile.translator": "Người dịch bản này (chỉ ở bản dịch).",
    "ItemFile.source": "Bài gốc đã đăng ở nơi khác, nếu có.",
    "ItemFile.event": "Hội nghị, lễ ký kết... mà tin đưa. Chỉ khai ở bản tiếng Việt.",
    "ItemFile.awards": "Danh hiệu được đề nghị hoặc trao. Chỉ khai ở bản tiếng Việt.",
    "ItemFile.elections": "Kết quả bầu cho năm sau, nếu tin đưa.",
    "ItemFile.covenant": "Năm và chủ đề (khẩu hiệu) của Giao ước được ký.",
    "ItemFile.photos": "Tải ảnh lên thư mục của tin; mỗi ảnh cần lời mô tả (alt) ở cả hai bản.",
    "Source.publisher": "Tên báo hoặc trang đã đăng bài gốc.",
    "Source.url": "Bắt đầu bằng https://",
    "Event.kinds": "Chọn một hoặc nhiều loại.",
    "Event.date": "YYYY-MM-DD, hoặc YYYY-MM / YYYY khi chỉ biết tháng hoặc năm.",
    "Event.about_year": "Năm mà hội nghị tổng kết, sơ kết.",
    "Event.place": "Viết bằng ngôn ngữ của tệp.",
    "Event.chair": "Người chủ trì hội nghị.",
    "Event.attendees": "Những người được nêu tên trong tin.",
    "Event.members_present": "Chọn «Tất cả đơn vị thành viên», hoặc từng đơn vị có mặt.",
    "Person.name": "Viết đủ dấu tiếng Việt, cả ở bản tiếng Anh.",
    "Person.unit": "Nếu người này thuộc một đơn vị của cơ quan.",
    "Person.positions": "Chọn theo thứ tự như trong tin.",
    "Person.representing": "Nếu người này đại diện Khối trưởng hoặc Khối phó.",
    "Person.roles": "Phát biểu, khách mời, chứng kiến, đồng chủ trì.",
    "Award.status": "Đề nghị hay đã trao.",
    "Award.decision": "Số, ngày của quyết định khen thưởng, nếu có.",
    "Election.year": "Năm mà Khối trưởng, Khối phó đảm nhiệm.",
    "Covenant.year": "Năm của Giao ước.",
    "Covenant.motto": "Viết bằng ngôn ngữ của tệp.",
    "Covenant.signatories": "Chọn «Tất cả đơn vị thành viên», hoặc từng đơn vị đã ký.",
    "Photo.file": "Ở bản tiếng Anh, chọn lại đúng ảnh đã tải lên ở bản tiếng Việt.",
    "Photo.alt": "Cho người không xem được ảnh: ai, làm gì, ở đâu.",
    "Photo.caption": "Dòng chữ dưới ảnh.",
    "Photo.decorative": "Chỉ bật khi ảnh không mang thông tin (không cần alt).",
    "Photo.lead": "Ảnh hiện ở danh sách tin và khi chia sẻ.",
    "Photo.focal": "Không bắt buộc: hai số x, y từ 0 đến 1, điểm giữ lại khi cắt ảnh (0,5 và 0,5 là giữa ảnh).",
}

# (label, hint) of what the field reference does not cover: the Markdown body and the registries.
FORM_WORDS: dict[str, tuple[str, str]] = {
    "ItemFile.body": ("Nội dung", "Mỗi đoạn cách nhau một dòng trống."),
    # Registries (content/data/*.yaml).
    "Organisation.id": ("Mã", "Không đổi sau khi đã dùng; chữ thường không dấu, số, dấu gạch nối."),
    "Organisation.names": ("Tên", "Một tên cho mỗi ngôn ngữ của trang."),
    "Organisation.official_name": ("Tên chính thức", "Chỉ khi khác tên thường dùng."),
    "Organisation.shorts": ("Tên viết tắt", ""),
    "Organisation.aliases_vi": ("Tên gọi khác", ""),
    "Organisation.slugs": ("Đường dẫn", "Một đường dẫn cho mỗi ngôn ngữ của trang."),
    "Organisation.website": ("Trang web", ""),
    "Organisation.websites": ("Trang web theo ngôn ngữ", "Khi cơ quan có trang riêng cho ngôn ngữ đó."),
    "Organisation.parent": ("Cơ quan cấp trên", "Mã của cơ quan mà đơn vị này trực thuộc."),
    "Organisation.sources": ("Nguồn", "Địa chỉ các trang xác nhận thông tin trên."),
    "OrganisationsFile.members": ("Thành viên Khối", ""),
    "OrganisationsFile.related": ("Cơ quan, đơn vị liên quan", ""),
    "AwardType.id": ("Mã", "Không đổi sau khi đã dùng."),
    "AwardType.names": ("Tên", "Một tên cho mỗi ngôn ngữ của trang."),
    "AwardType.kind": ("Đối tượng", "Tập thể, cá nhân hoặc cả hai."),
    "AwardType.conferred_by": ("Cấp tặng", ""),
    "AwardType.rank": ("Thứ bậc", "Số nhỏ đứng trước."),
    "AwardType.slugs": ("Đường dẫn", "Một đường dẫn cho mỗi ngôn ngữ của trang."),
    "AwardType.sources": ("Nguồn", ""),
    "AwardsFile.awards": ("Danh hiệu", ""),
    "Position.id": ("Mã", "Không đổi sau khi đã dùng."),
    "Position.names": ("Tên", "Một tên cho mỗi ngôn ngữ của trang."),
    "Position.of_org": ("Kèm tên cơ quan", "Bật nếu chức vụ đi kèm tên cơ quan (Thứ trưởng Bộ Công an)."),
    "PositionsFile.positions": ("Chức vụ", ""),
    "EventKind.id": ("Mã", "Không đổi sau khi đã dùng."),
    "EventKind.names": ("Tên", "Một tên cho mỗi ngôn ngữ của trang."),
    "EventKindsFile.event_kinds": ("Loại sự kiện", ""),
}

# Labels of enum values (the stored value stays the model's).
CHOICE_WORDS: dict[str, str] = {
    "draft": "Bản nháp",
    "published": "Đăng",
    "time": "Biết giờ",
    "day": "Biết ngày",
    "month": "Chỉ biết tháng",
    "khoi-truong": "Khối trưởng",
    "khoi-pho": "Khối phó",
    "speaker": "Phát biểu",
    "guest": "Khách mời",
    "witness": "Chứng kiến",
    "co-chair": "Đồng chủ trì",
    "proposed": "Đề nghị",
    "conferred": "Đã trao",
    "collective": "Tập thể",
    "individual": "Cá nhân",
    "both": "Cả hai",
    "bloc": "Khối thi đua",
    "all": "Tất cả đơn vị thành viên",
}

# The collections' own names.
COLLECTION_WORDS: dict[str, str] = {
    "news": "Tin tức",
    "news_singular": "tin",
    "registries": "Danh mục",
    "organisations": "Cơ quan, đơn vị",
    "awards": "Danh hiệu thi đua, khen thưởng",
    "positions": "Chức vụ",
    "event_kinds": "Loại sự kiện",
}


def words(key: str) -> tuple[str, str]:
    """(label, hint) of a field: the label of the field reference (bloc_content.fields), the
    form's own hint; KeyError names a field that has words in neither table."""
    if key in FORM_WORDS:
        return FORM_WORDS[key]
    label, hint = field_words(key, "vi")
    return label, FORM_HINTS.get(key) or hint
