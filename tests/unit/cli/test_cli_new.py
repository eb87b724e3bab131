import datetime as dt

from bloc_cli.scaffold import VIETNAM
from bloc_content.frontmatter import load
from bloc_content.slugs import slugify

TITLE = "Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024"
SLUG = "hoi-nghi-so-ket-cong-tac-thi-dua-6-thang-dau-nam-2024"


def test_slugify_vietnamese():
    assert slugify("Ký Giao ước thi đua: Đoàn kết, Ủy ban — năm 2021!") == "ky-giao-uoc-thi-dua-doan-ket-uy-ban-nam-2021"
    assert slugify(TITLE) == SLUG


def test_new_item_is_a_valid_draft(site, bloc):
    code, out, _ = bloc("new", "--title", TITLE, "--date", "2024-07-15", "--kind", "hoi-nghi-so-ket", "--lang", "en")
    assert code == 0
    folder = site / "content" / "news" / "2024" / SLUG
    assert out.splitlines()[:2] == [
        f"Created content/news/2024/{SLUG}/index.vi.md and content/news/2024/{SLUG}/index.en.md "
        "(a draft: it is not published yet).",
        "Next steps:"]
    vi = load((folder / "index.vi.md").read_bytes(), "vi").front.data
    assert vi["title"] == TITLE and vi["translation_key"] == SLUG and vi["status"] == "draft"
    assert vi["published"] == dt.datetime(2024, 7, 15, tzinfo=VIETNAM)
    assert vi["event"] == {"kinds": ["hoi-nghi-so-ket"], "date": dt.date(2024, 7, 15)}
    text = (folder / "index.vi.md").read_text(encoding="utf-8")
    assert "#   bqllang: Ban Quản lý Lăng Chủ tịch Hồ Chí Minh" in text
    assert "#   co-thi-dua-chinh-phu: Cờ thi đua của Chính phủ" in text
    en = load((folder / "index.en.md").read_bytes(), "en").front.data
    assert en["translation_key"] == SLUG and en["lang"] == "en"
    code, out, _ = bloc("check", "--lang", "en")
    assert code == 0  # placeholders are warnings while the item is a draft
    assert ": error: " not in out
    assert f"content/news/2024/{SLUG}/index.vi.md:13: warning: summary: placeholder 'CẦN VIẾT' still to replace" in out


def test_publishing_a_scaffold_unedited_fails(site, bloc):
    bloc("new", "--title", TITLE, "--date", "2024-07-15")
    for name in ("index.vi.md", "index.en.md"):
        path = site / "content" / "news" / "2024" / SLUG / name
        path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    code, out, _ = bloc("check", "--lang", "en")
    assert code == 1
    assert ": error: summary: placeholder 'CẦN VIẾT' still to replace" in out


def test_existing_item_and_bad_input(site, bloc):
    assert bloc("new", "--title", TITLE, "--date", "2024-07-15")[0] == 0
    code, _, err = bloc("new", "--title", TITLE, "--date", "2024-07-15")
    assert code == 1 and "Đã có bài trong content/news/2024/" in err
    code, _, err = bloc("new", "--title", "X y", "--kind", "so-ket", "--lang", "en")
    assert code == 2 and err.startswith("Unknown event kind 'so-ket'. Choose one of: hoi-nghi-tong-ket,")
    code, _, err = bloc("new", "--title", "X y", "--date", "15/07/2024")
    assert code == 2 and err == "'15/07/2024' không phải là ngày: hãy viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-07-15.\n"


def test_without_date_uses_now_in_vietnam_time(site, bloc):
    assert bloc("new", "--title", "Tin ngắn")[0] == 0
    year = dt.datetime.now(VIETNAM).year
    data = load((site / "content" / "news" / str(year) / "tin-ngan" / "index.vi.md").read_bytes(), "x").front.data
    assert data["published"].utcoffset() == dt.timedelta(hours=7)
    assert data["date_precision"] == "time"
