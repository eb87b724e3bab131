"""The seed item built into both languages, and content errors that fail the build."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import build, make_content

VI_URL = "tin-tuc/2021/ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong/"
EN_URL = "en/news/2021/central-internal-affairs-emulation-bloc-signs-2021-emulation-covenant/"
ITEM = Path("news/2021/tong-ket-2020-ky-giao-uoc-2021")


def texts(soup, selector):
    return [" ".join(node.get_text(" ", strip=True).split()) for node in soup.select(selector)]


@pytest.mark.parametrize("url, lang, other_url, other_lang", [(VI_URL, "vi", EN_URL, "en"), (EN_URL, "en", VI_URL, "vi")])
def test_item_page_language_and_toggle(page, built_site, url, lang, other_url, other_lang):
    soup = page(url)
    assert soup.html["lang"] == lang
    toggle = soup.select_one("nav.language-toggle a")
    assert toggle["hreflang"] == other_lang and toggle["lang"] == other_lang
    assert toggle["href"] == "/" + other_url
    assert (built_site / other_url / "index.html").is_file()
    assert len(soup.select("h1")) == 1 and len(soup.select("main")) == 1


def test_vietnamese_facts(page):
    soup = page(VI_URL)
    assert texts(soup, ".chair") == ["Nguyễn Văn Thành , Uỷ viên Trung ương Đảng, Thứ trưởng Bộ Công an (đại diện Khối trưởng, Bộ Công an)"]
    assert len(soup.select(".attendees li")) == 3
    assert texts(soup, ".members-present li") == [
        "Bộ Công an", "Bộ Quốc phòng", "Bộ Tư pháp", "Viện Kiểm sát nhân dân tối cao", "Tòa án nhân dân tối cao",
        "Kiểm toán Nhà nước", "Thanh tra Chính phủ", "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh"]
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in soup.select("table.awards tbody tr")]
    assert [row[:4] for row in rows] == [
        ["Cờ thi đua của Chính phủ", "Bộ Công an", "2020", "Khối đề nghị"],
        ["Cờ thi đua của Chính phủ", "Bộ Quốc phòng", "2020", "Khối đề nghị"],
        ["Bằng khen của Thủ tướng Chính phủ", "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh", "2020", "Khối đề nghị"],
        ["Bằng khen của Thủ tướng Chính phủ", "Thanh tra Chính phủ", "2020", "Khối đề nghị"],
    ]
    assert texts(soup, ".elections .head") == ["Bộ Quốc phòng"]
    assert texts(soup, ".elections .deputy") == ["Bộ Tư pháp"]
    assert texts(soup, ".motto q") == ["Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả"]


def test_english_facts(page):
    soup = page(EN_URL)
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in soup.select("table.awards tbody tr")]
    assert [row[:2] for row in rows] == [
        ["Government Emulation Flag", "Ministry of Public Security"],
        ["Government Emulation Flag", "Ministry of National Defence"],
        ["Prime Minister's Certificate of Merit", "Management Board of President Ho Chi Minh Mausoleum"],
        ["Prime Minister's Certificate of Merit", "Government Inspectorate"],
    ]
    assert {row[3] for row in rows} == {"Proposed by the bloc"}
    assert texts(soup, ".elections .head") == ["Ministry of National Defence"]
    assert texts(soup, ".elections .deputy") == ["Ministry of Justice"]
    assert texts(soup, ".motto q") == ["Solidarity, setting examples, discipline, creativity, effectiveness"]
    assert len(soup.select(".members-present li")) == 8


@pytest.mark.parametrize("url, expected", [(VI_URL, "tháng 1 năm 2021"), (EN_URL, "January 2021")])
def test_dates_are_localised_with_machine_value(page, url, expected):
    time = page(url).select_one(".item-meta time")
    assert time.get_text(strip=True) == expected
    assert time["datetime"] == "2021-01"


def test_no_english_interface_text_on_vietnamese_page(page):
    soup = page(VI_URL)
    labels = texts(soup, ".facts dt") + texts(soup, "table.awards th") + texts(soup, "nav.site-nav a")
    english = {"Event", "Date", "Chair", "Attendees", "Award", "Recipient", "Status", "News", "Search", "Years"}
    assert not english & set(labels)


# --- content errors: message, location, exit code, previous output untouched ----------

def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("errors")
    content = make_content(base / "good")
    result = build(content, base / "output")
    assert result.returncode == 0, result.stderr
    return base, result.output


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


ERROR_CASES = {
    "malformed YAML": ("vi", "summary: >-", "summary: [unclosed", "summary: [unclosed", "", "invalid YAML"),
    "duplicate key": ("vi", "byline: TG-PV", "byline: TG-PV\nbyline: X", "byline: X", "byline", "duplicate key 'byline' (first given on line"),
    "YAML tag": ("vi", "byline: TG-PV", "byline: !!python/name:os.system TG-PV", "byline: !!python", "", "YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed"),
    "unknown organisation": ("vi", "recipient: ttcp", "recipient: ttpc", "recipient: ttpc", "awards[3].recipient", "unknown organisation 'ttpc' (did you mean 'ttcp'?)"),
    "missing field": ("vi", "byline: TG-PV\n", "", "---", "byline", "required field is missing"),
    "date without offset": ("vi", "published: 2021-01-01T00:00:00+07:00", "published: 2021-01-01T09:00:00", "published:", "published", "has no UTC offset"),
    "wrong type": ("vi", "about_year: 2020", "about_year: [2020]", "about_year:", "event.about_year", "expected a whole number, got a list"),
    "vi/en contradiction": ("en", "covenant:\n", "covenant:\n  year: 2020\n", "  year: 2020", "covenant.year", "contradicts the original"),
}


@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_content_error_fails_and_keeps_previous_site(previous_site, tmp_path, case):
    base, output = previous_site
    before = tree_digest(output)
    lang, old, new, needle, field, message = ERROR_CASES[case]
    content = make_content(tmp_path / "content", base / "good")
    target = content / ITEM / f"index.{lang}.md"
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build(content, output)
    assert result.returncode == 1
    assert len(result.errors) == 1, result.stderr
    line = line_of(target, needle)
    prefix = f"{target}:{line}: error: " + (f"{field}: " if field else "")
    assert result.errors[0].startswith(prefix), result.errors[0]
    assert message in result.errors[0]
    assert "the previous site is unchanged" in result.stderr
    assert tree_digest(output) == before


def test_all_errors_of_a_build_are_reported_at_once(previous_site, tmp_path):
    base, output = previous_site
    content = make_content(tmp_path / "content", base / "good")
    vi = content / ITEM / "index.vi.md"
    vi.write_text(vi.read_text(encoding="utf-8").replace("recipient: ttcp", "recipient: ttpc").replace("head: bqp", "head: bqq"), encoding="utf-8")
    broken = content / "news" / "2021" / "broken" / "index.vi.md"
    broken.parent.mkdir()
    broken.write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = build(content, output)
    assert result.returncode == 1
    assert len(result.errors) == 3, result.stderr


def test_every_markdown_extension_is_checked_not_only_md(previous_site, tmp_path):
    """Pelican's own reader would take `.markdown` files past our checks (and crash)."""
    base, output = previous_site
    content = make_content(tmp_path / "content", base / "good")
    stray = content / "news" / "2024" / "x" / "bai.markdown"
    stray.parent.mkdir(parents=True)
    stray.write_text("Title: Hello\nDate: 2024-01-01\n\n<script>alert(1)</script>\n", encoding="utf-8")
    result = build(content, output)
    assert result.returncode == 1
    assert result.errors == [f"{stray}:1: error: no front matter: the first line must be '---' "
                             "(start the file with '---', the YAML fields, then '---')"]
    assert "Traceback" not in result.stderr
