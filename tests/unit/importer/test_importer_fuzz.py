"""Random and truncated texts: the importer returns a draft or says why, never anything else."""

from __future__ import annotations

from pathlib import Path

import yaml
from bloc_content.registries import load_registry
from bloc_import import import_legacy
from bloc_import.draft import ImportProblem
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[3]
REGISTRY, _ = load_registry(ROOT / "content" / "data")
TEXTS = sorted([*(ROOT / "tests" / "fixtures" / "import-corpus").glob("*.txt"),
                *(ROOT / "tests" / "fixtures" / "legacy").glob("*.txt")])
ARTICLES = [p.read_text(encoding="utf-8") for p in TEXTS]
# pieces of the genre, so random texts reach the recognisers and not only the reader
PIECES = ["đồng chí ", "Đồng chí ", "Nguyễn Văn A", "Thứ trưởng Bộ Công an", ", ", "; ", ": ", ". ", "\n", "\n\n",
          "(", ")", "Khối trưởng", "Khối phó", "năm 2023", "Sáng nay (10/4)", "Ngày 5/1/2024", "chủ trì", "đồng chủ trì",
          "Chủ trì Hội nghị có các đồng chí: ", "bầu ", " làm ", "Kiểm toán Nhà nước", "Tổng Kiểm toán Nhà nước ",
          "tổng kết", "sơ kết 6 tháng đầu năm ", "Giao ước thi đua năm 2024 có chủ đề “", "”", "\"",
          "Cờ thi đua của Chính phủ", " cho ", "đề nghị tặng ", "leftcenterrightdel\n", "anh.jpg\n", "hoi nghi\n",
          "Ảnh: PV", "Ngày đăng : 01/02/2024\n", "11/04/2024 07:44\n", "- Autor: X\n", "TG-PV", "Quyền Trưởng ban ",
          "Ban Thi đua - Khen thưởng Trung ương", "(đơn vị Khối trưởng Khối thi đua)", "gửi lẵng hoa", "Uỷ viên ",
          "31/2/2024", "Ngày 99 tháng 13 năm 2024", "\u200b", "\ufeff", "\r\n", "🌞 "]


def check(text: str) -> None:
    try:
        draft = import_legacy(text, REGISTRY, source_name="fuzz.txt")
    except ImportProblem:
        return
    for written in (draft.text, draft.text_en):
        data = yaml.safe_load(written.split("\n---\n", 1)[0].removeprefix("---\n"))
        assert data["lang"] in ("vi", "en") and data["status"] == "draft"
        assert data["translation_key"] == draft.slug


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=40).map("".join))
def test_random_texts(text):
    check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(ARTICLES))), st.floats(0, 1), st.floats(0, 1))
def test_truncated_articles(index, start, end):
    article = ARTICLES[index]
    a, b = sorted((int(start * len(article)), int(end * len(article))))
    check(article[a:b])
