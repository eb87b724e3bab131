"""Phrases of the bloc's news, in Vietnamese and English, that the corpus builds sentences from.

The Vietnamese is written the way the bloc's real reports are (state-media register, with
diacritics), so the build handles the same characters, word lengths and slugs as real items.
"""

from __future__ import annotations

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
          "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Tạ")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Ngọc", "Trọng",
          "Duy", "Huy", "Hồng", "Anh", "Thế", "Công", "Bảo", "Kim")
GIVEN = ("Thành", "Nghĩa", "Giảng", "Giang", "Hùng", "Dũng", "Hải", "Tuấn", "Long", "Sơn",
         "Bình", "Hà", "Lan", "Hương", "Thắng", "Cường", "Phúc", "Khánh", "Vinh", "Tâm",
         "Quân", "Hiếu", "Trung", "Đạt", "Nam", "Thu", "Hạnh", "Lợi", "Toàn", "Tiến")

# Titles: (Vietnamese, English) templates; {year} is the year the item reports on.
TITLES = {
    "hoi-nghi-tong-ket": (
        "Khối thi đua Nội chính Trung ương tổng kết công tác thi đua, khen thưởng năm {year}",
        "Central Internal Affairs Emulation Bloc reviews its {year} emulation and commendation work"),
    "ky-ket-giao-uoc": (
        "Ký kết Giao ước thi đua năm {year} Khối thi đua các bộ, ngành Nội chính Trung ương",
        "Bloc ministries and agencies sign the {year} emulation covenant"),
    "hoi-nghi-so-ket": (
        "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {year}",
        "Bloc reviews emulation and commendation work in the first half of {year}"),
    "hoi-nghi-trien-khai": (
        "Triển khai nhiệm vụ công tác thi đua, khen thưởng năm {year}",
        "Bloc launches its {year} emulation and commendation tasks"),
    "phat-dong-thi-dua": (
        "Phát động phong trào thi đua yêu nước năm {year}",
        "Bloc launches its {year} patriotic emulation movement"),
    "dai-hoi-thi-dua": (
        "Đại hội Thi đua yêu nước lần thứ {ordinal} năm {year}",
        "The {ordinal_en} Patriotic Emulation Congress, {year}"),
    "trao-tang": (
        "Trao tặng Cờ thi đua và Bằng khen cho các tập thể xuất sắc năm {year}",
        "Emulation flags and certificates of merit presented for {year}"),
    "khac": (
        "Hoạt động của Khối thi đua các bộ, ngành Nội chính Trung ương năm {year}",
        "Activities of the Central Internal Affairs Emulation Bloc in {year}"),
}

SUBJECTS_VI = (
    "Các bộ, ngành trong Khối", "Lãnh đạo các bộ, ngành Khối thi đua Nội chính Trung ương",
    "Hội đồng Thi đua - Khen thưởng các đơn vị", "Cán bộ, chiến sĩ, công chức, viên chức",
    "Các cấp uỷ Đảng, chính quyền", "Người đứng đầu cơ quan, đơn vị", "Hội nghị",
    "Khối trưởng", "Đại biểu dự Hội nghị", "Các đơn vị thành viên",
)
VERBS_VI = (
    "đã nêu cao tinh thần trách nhiệm, đoàn kết,", "tiếp tục quán triệt, thực hiện nghiêm",
    "đã tổ chức triển khai hiệu quả", "cần chú trọng đổi mới", "đã thống nhất đánh giá cao",
    "kịp thời ứng phó hiệu quả với", "tập trung lãnh đạo, chỉ đạo", "đã hoàn thành xuất sắc",
    "đề nghị tiếp tục đẩy mạnh", "chủ động phối hợp thực hiện",
)
OBJECTS_VI = (
    "công tác thi đua, khen thưởng", "chủ trương của Đảng, pháp luật của Nhà nước",
    "nội dung, phương pháp, hình thức thi đua", "phong trào thi đua yêu nước",
    "nhiệm vụ chính trị được giao", "công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
    "các mô hình mới, nhân tố mới, cách làm hay", "gương người tốt, việc tốt",
    "Nghị quyết Đại hội lần thứ XIII của Đảng", "nhiệm vụ kép theo tinh thần chỉ đạo của Thủ tướng Chính phủ",
)
ADJUNCTS_VI = (
    "bám sát nhiệm vụ trọng tâm của mỗi bộ, ngành", "mang lại hiệu quả thiết thực",
    "tạo động lực phấn đấu hoàn thành xuất sắc nhiệm vụ", "thu hút đông đảo cán bộ, chiến sĩ tham gia",
    "mặc dù gặp nhiều khó khăn do thiên tai, dịch bệnh", "trong năm qua",
    "góp phần giáo dục truyền thống thi đua yêu nước", "với nhiều cải tiến, đổi mới, sáng tạo",
    "theo đúng quy định của Luật Thi đua, khen thưởng", "trước sự chứng kiến của các đại biểu",
)

SUBJECTS_EN = (
    "The bloc's ministries and agencies", "The leaders of the bloc's members",
    "The emulation and commendation councils", "Officers, soldiers, civil servants and public employees",
    "Party committees and administrations", "The heads of agencies and units", "The conference",
    "The bloc head", "The delegates", "The member units",
)
VERBS_EN = (
    "showed a strong sense of responsibility and unity in", "continued to grasp and strictly implement",
    "effectively carried out", "should focus on renewing", "agreed to commend",
    "responded promptly and effectively to", "concentrated on leading and directing",
    "excelled in", "asked for further efforts in", "took the initiative in coordinating",
)
OBJECTS_EN = (
    "emulation and commendation work", "the Party's guidelines and the State's laws",
    "the content, methods and forms of emulation", "the patriotic emulation movement",
    "their assigned political tasks", "identifying, nurturing and replicating advanced examples",
    "new models, new factors and effective practices", "examples of good people and good deeds",
    "the Resolution of the 13th National Party Congress", "the dual task set by the Prime Minister",
)
ADJUNCTS_EN = (
    "in close step with each ministry's key tasks", "with practical results",
    "to motivate everyone to excel", "with wide participation from officers and soldiers",
    "despite natural disasters and the pandemic", "during the year",
    "helping to instil the tradition of patriotic emulation", "with many improvements and innovations",
    "in line with the Law on Emulation and Commendation", "in the presence of the delegates",
)

# Covenant mottos for years the registry does not record: (Vietnamese, English).
MOTTOS = (
    ("Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả",
     "Solidarity, setting examples, discipline, creativity, effectiveness"),
    ("Đoàn kết, kỷ cương, đổi mới, sáng tạo, hoàn thành xuất sắc nhiệm vụ",
     "Solidarity, discipline, renewal, creativity, excellence in every task"),
    ("Thi đua yêu nước, đoàn kết, trách nhiệm, hiệu quả",
     "Patriotic emulation, solidarity, responsibility, effectiveness"),
    ("Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển",
     "Discipline, responsibility, action, creativity, development"),
)

BYLINES = ("TG-PV", "Minh Hà", "Thanh Tâm", "Phóng viên", "Ban Biên tập", "Hồng Nhung")
PUBLISHERS = ("Báo Bảo vệ pháp luật", "Báo Công an nhân dân", "Báo Quân đội nhân dân",
              "Cổng thông tin điện tử Bộ Tư pháp")
PLACES = (("Hà Nội", "Hanoi"), ("Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
          ("Đà Nẵng", "Da Nang"), ("Huế", "Hue"), ("Cần Thơ", "Can Tho"))
ORDINALS = (("I", "1st"), ("II", "2nd"), ("III", "3rd"), ("IV", "4th"), ("V", "5th"))
