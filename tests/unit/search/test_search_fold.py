"""The search core: folding, the indexed copy of a page, result URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from bloc_search.build import page_url
from bloc_search.fold import fold
from bloc_search.folded_page import indexed_copy
from bs4 import BeautifulSoup


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đồng chí", "Dong chi"),
        ("đồng", "dong"),
        ("Dong", "Dong"),
        ("Nguyễn Trọng Nghĩa", "Nguyen Trong Nghia"),
        ("Ủy ban, Khối phó; Quốc phòng", "Uy ban, Khoi pho; Quoc phong"),
        ("Bảo vệ pháp luật", "Bao ve phap luat"),
        ("café naïve", "cafe naive"),
    ],
)
def test_fold_removes_marks_and_reads_đ_as_d(text, folded):
    assert fold(text) == folded


def test_fold_keeps_one_character_per_character():
    text = "Hội nghị tổng kết năm 2020 của Khối thi đua"
    assert len(fold(text)) == len(text)


PAGE = """<!DOCTYPE html><html lang="vi"><head><title>T | Khối</title>
<meta name="description" content="Tóm tắt có dấu: đồng chí."></head><body>
<header>Khối thi đua</header>
<main><article data-pagefind-body><h1>Đồng chí chủ trì</h1>
<time datetime="2021-01">tháng 1 năm 2021</time>
<a data-pagefind-filter="member">Bộ Quốc phòng</a><span data-pagefind-filter="year:2021"></span>
<p>Tiền đồng và động lực.</p><img src="a.jpg" alt="Đại biểu dự hội nghị"></article></main>
<script>var đ = 1;</script></body></html>"""


def test_indexed_copy_folds_the_body_text_only():
    copy = BeautifulSoup(indexed_copy(PAGE), "html.parser")
    body = copy.select_one("[data-pagefind-body]")
    assert "Tien dong va dong luc." in body.get_text()
    assert body.find("img")["alt"] == "Dai bieu du hoi nghi"
    assert copy.find("header").get_text() == "Khối thi đua"
    assert copy.find("html")["lang"] == "vi"


def test_indexed_copy_keeps_filter_values_and_original_meta():
    copy = BeautifulSoup(indexed_copy(PAGE), "html.parser")
    assert copy.find(attrs={"data-pagefind-filter": "member"}).get_text() == "Bộ Quốc phòng"
    meta = {m["data-pagefind-meta"]: m.get_text() for m in copy.find_all(attrs={"data-pagefind-meta": True})}
    assert meta == {"title": "Đồng chí chủ trì", "summary": "Tóm tắt có dấu: đồng chí.", "date": "tháng 1 năm 2021"}
    holder = copy.find(attrs={"data-pagefind-meta": "title"}).parent
    assert holder.find_parent(attrs={"data-pagefind-body": True}) is None


def test_page_without_search_body_is_not_indexed():
    assert indexed_copy("<!DOCTYPE html><html lang='vi'><body><main><h1>Năm</h1></main></body></html>") is None


def test_served_html_is_not_changed(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    indexed_copy(page.read_text(encoding="utf-8"))
    assert page.read_text(encoding="utf-8") == PAGE


@pytest.mark.parametrize(
    ("relative", "url"),
    [
        ("index.html", "/"),
        ("tin-tuc/2021/x/index.html", "/tin-tuc/2021/x/"),
        ("en/404.html", "/en/404.html"),
    ],
)
def test_page_url(relative, url):
    assert page_url(Path(relative)) == url


def test_indexed_copy_handles_nesting_scripts_and_omitted_end_tags():
    page = ("<!DOCTYPE html><html lang='vi'><body><main>"
            "<article data-pagefind-body><h1>Đầu</h1><article><p>Đoàn</p></article>"
            "<script>const đ = 'Đồng';</script>"
            "<span data-pagefind-filter='member'><b>Bộ Tư pháp</b><p>đ</span>"
            "<p>Đoạn sau</p></article><p>Đoạn ngoài</p></main></body></html>")
    copy = indexed_copy(page)
    assert "<h1>Dau</h1><article><p>Doan</p></article>" in copy
    assert "const đ = 'Đồng';" in copy
    assert "<b>Bộ Tư pháp</b><p>đ</span>" in copy
    assert "<p>Doan sau</p></article><p>Đoạn ngoài</p>" in copy
