"""The Vietnamese words of the CMS forms: one label and one hint per field, keyed "Model.field".

The keys follow the content model (plugins/bloc_content/model.py and registries.py); a test
checks that every field the forms show has its words here, so a new field cannot reach the
editors unlabelled. Choice labels (enums) are keyed by the value.
"""

from __future__ import annotations

# (label, hint), keyed "Model.field".
FIELD_WORDS: dict[str, tuple[str, str]] = {
    "ItemFile.title": ("Tiêu đề", "Tiêu đề của tin, viết bằng ngôn ngữ của tệp."),
    "ItemFile.slug": ("Đường dẫn", "Phần cuối địa chỉ trang: chữ thường không dấu, số và dấu gạch nối."),
    "ItemFile.lang": ("Ngôn ngữ", "Điền tự động khi lưu: vi cho bản tiếng Việt, en cho bản tiếng Anh."),
    "ItemFile.translation_key": ("Mã tin (tên thư mục)",
                                 "Chung cho hai bản vi và en; chữ thường không dấu, số, dấu gạch nối. "
                                 "Không đổi sau khi đã đăng."),
    "ItemFile.published": ("Ngày giờ đăng", "Giờ Việt Nam (+07:00)."),
    "ItemFile.date_precision": ("Độ chính xác ngày đăng", "Phần nào của ngày đăng đã biết chắc."),
    "ItemFile.updated": ("Ngày giờ cập nhật", "Khi sửa nội dung sau khi đăng; phải sau ngày đăng."),
    "ItemFile.status": ("Trạng thái", "Bản nháp chưa hiện trên trang; chọn Đăng khi tin đã được duyệt."),
    "ItemFile.summary": ("Tóm tắt", "Một hoặc hai câu, hiện ở danh sách tin và khi chia sẻ."),
    "ItemFile.byline": ("Tác giả", "Tên tác giả hoặc nhóm phóng viên."),
    "ItemFile.translator": ("Người dịch", "Người dịch bản này (chỉ ở bản dịch)."),
    "ItemFile.source": ("Nguồn", "Bài gốc đã đăng ở nơi khác, nếu có."),
    "ItemFile.event": ("Sự kiện", "Hội nghị, lễ ký kết... mà tin đưa. Chỉ khai ở bản tiếng Việt."),
    "ItemFile.awards": ("Khen thưởng", "Danh hiệu được đề nghị hoặc trao. Chỉ khai ở bản tiếng Việt."),
    "ItemFile.elections": ("Bầu Khối trưởng, Khối phó", "Kết quả bầu cho năm sau, nếu tin đưa."),
    "ItemFile.covenant": ("Giao ước thi đua", "Năm và chủ đề (khẩu hiệu) của Giao ước được ký."),
    "ItemFile.photos": ("Ảnh", "Tải ảnh lên thư mục của tin; mỗi ảnh cần lời mô tả (alt) ở cả hai bản."),
    "ItemFile.body": ("Nội dung", "Mỗi đoạn cách nhau một dòng trống."),
    "Source.publisher": ("Cơ quan đăng", "Tên báo hoặc trang đã đăng bài gốc."),
    "Source.url": ("Địa chỉ bài gốc", "Bắt đầu bằng https://"),
    "Source.title": ("Tiêu đề bài gốc", ""),
    "Event.kinds": ("Loại sự kiện", "Chọn một hoặc nhiều loại."),
    "Event.date": ("Ngày diễn ra", "YYYY-MM-DD, hoặc YYYY-MM / YYYY khi chỉ biết tháng hoặc năm."),
    "Event.about_year": ("Năm được tổng kết", "Năm mà hội nghị tổng kết, sơ kết."),
    "Event.place": ("Địa điểm", "Viết bằng ngôn ngữ của tệp."),
    "Event.host": ("Đơn vị đăng cai", ""),
    "Event.chair": ("Chủ trì", "Người chủ trì hội nghị."),
    "Event.attendees": ("Đại biểu dự", "Những người được nêu tên trong tin."),
    "Person.name": ("Họ và tên", "Viết đủ dấu tiếng Việt, cả ở bản tiếng Anh."),
    "Person.org": ("Cơ quan", ""),
    "Person.unit": ("Đơn vị trực thuộc", "Nếu người này thuộc một đơn vị của cơ quan."),
    "Person.positions": ("Chức vụ", "Chọn theo thứ tự như trong tin."),
    "Person.representing": ("Đại diện", "Nếu người này đại diện Khối trưởng hoặc Khối phó."),
    "Person.roles": ("Vai trò", "Phát biểu, khách mời, chứng kiến."),
    "Award.award": ("Danh hiệu", ""),
    "Award.recipient": ("Đơn vị nhận", ""),
    "Award.year": ("Năm thành tích", ""),
    "Award.status": ("Tình trạng", "Đề nghị hay đã trao."),
    "Award.proposed_by": ("Đơn vị đề nghị", ""),
    "Award.decision": ("Quyết định", "Số, ngày của quyết định khen thưởng, nếu có."),
    "Election.year": ("Năm", "Năm mà Khối trưởng, Khối phó đảm nhiệm."),
    "Election.head": ("Khối trưởng", ""),
    "Election.deputy": ("Khối phó", ""),
    "Covenant.year": ("Năm", "Năm của Giao ước."),
    "Covenant.motto": ("Chủ đề Giao ước", "Viết bằng ngôn ngữ của tệp."),
    "Photo.file": ("Tệp ảnh", "Ở bản tiếng Anh, chọn lại đúng ảnh đã tải lên ở bản tiếng Việt."),
    "Photo.alt": ("Mô tả ảnh (alt)", "Cho người không xem được ảnh: ai, làm gì, ở đâu."),
    "Photo.caption": ("Chú thích", "Dòng chữ dưới ảnh."),
    "Photo.credit": ("Tác giả ảnh", ""),
    "Photo.decorative": ("Ảnh trang trí", "Chỉ bật khi ảnh không mang thông tin (không cần alt)."),
    "Photo.lead": ("Ảnh đại diện", "Ảnh hiện ở danh sách tin và khi chia sẻ."),
    # Registries (content/data/*.yaml).
    "Organisation.id": ("Mã", "Không đổi sau khi đã dùng; chữ thường không dấu, số, dấu gạch nối."),
    "Organisation.name_vi": ("Tên tiếng Việt", ""),
    "Organisation.name_en": ("Tên tiếng Anh", ""),
    "Organisation.official_name_en": ("Tên chính thức tiếng Anh", ""),
    "Organisation.short_vi": ("Tên viết tắt tiếng Việt", ""),
    "Organisation.short_en": ("Tên viết tắt tiếng Anh", ""),
    "Organisation.aliases_vi": ("Tên gọi khác", ""),
    "Organisation.slug_vi": ("Đường dẫn tiếng Việt", ""),
    "Organisation.slug_en": ("Đường dẫn tiếng Anh", ""),
    "Organisation.website": ("Trang web", ""),
    "Organisation.website_en": ("Trang web tiếng Anh", ""),
    "Organisation.parent": ("Cơ quan cấp trên", "Mã của cơ quan mà đơn vị này trực thuộc."),
    "Organisation.sources": ("Nguồn", "Địa chỉ các trang xác nhận thông tin trên."),
    "OrganisationsFile.members": ("Thành viên Khối", ""),
    "OrganisationsFile.related": ("Cơ quan, đơn vị liên quan", ""),
    "AwardType.id": ("Mã", "Không đổi sau khi đã dùng."),
    "AwardType.name_vi": ("Tên tiếng Việt", ""),
    "AwardType.name_en": ("Tên tiếng Anh", ""),
    "AwardType.kind": ("Đối tượng", "Tập thể, cá nhân hoặc cả hai."),
    "AwardType.conferred_by": ("Cấp tặng", ""),
    "AwardType.rank": ("Thứ bậc", "Số nhỏ đứng trước."),
    "AwardType.slug_vi": ("Đường dẫn tiếng Việt", ""),
    "AwardType.slug_en": ("Đường dẫn tiếng Anh", ""),
    "AwardType.sources": ("Nguồn", ""),
    "AwardsFile.awards": ("Danh hiệu", ""),
    "LocalisedText.vi": ("Tiếng Việt", ""),
    "LocalisedText.en": ("Tiếng Anh", ""),
    "Position.id": ("Mã", "Không đổi sau khi đã dùng."),
    "Position.name_vi": ("Tên tiếng Việt", ""),
    "Position.name_en": ("Tên tiếng Anh", ""),
    "Position.of_org": ("Kèm tên cơ quan", "Bật nếu chức vụ đi kèm tên cơ quan (Thứ trưởng Bộ Công an)."),
    "PositionsFile.positions": ("Chức vụ", ""),
    "EventKind.id": ("Mã", "Không đổi sau khi đã dùng."),
    "EventKind.name_vi": ("Tên tiếng Việt", ""),
    "EventKind.name_en": ("Tên tiếng Anh", ""),
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
    "proposed": "Đề nghị",
    "conferred": "Đã trao",
    "collective": "Tập thể",
    "individual": "Cá nhân",
    "both": "Cả hai",
    "bloc": "Khối thi đua",
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
    """(label, hint) of a field; KeyError names the missing key."""
    return FIELD_WORDS[key]
