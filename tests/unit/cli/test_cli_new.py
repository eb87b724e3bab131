import datetime as dt

from bloc_cli.scaffold import VIETNAM
from bloc_content.frontmatter import load
from bloc_content.slugs import slugify

from tests.template_fields import fields_in

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


# --- the template is the model: every field, required ones filled, optional ones commented ----


def test_template_has_every_field_of_the_model(site, bloc):
    from bloc_content.fields import field_paths, translation_field
    from bloc_content.model import ItemFile, TranslationFile

    for kind in ("ky-ket-giao-uoc", None):
        args = ["new", "--title", f"Tin {kind}", "--date", "2024-07-15"] + (["--kind", kind] if kind else [])
        assert bloc(*args)[0] == 0
        folder = site / "content" / "news" / "2024" / f"tin-{kind or 'none'}"
        vi = (folder / "index.vi.md").read_text(encoding="utf-8")
        en = (folder / "index.en.md").read_text(encoding="utf-8")
        assert fields_in(vi) == field_paths(ItemFile)
        assert fields_in(en) == {p for p in field_paths(TranslationFile) if translation_field(p)}
        # each field line says what it is, in Vietnamese, from the one table of field words
        assert "  # mã bộ, ngành của người này" in vi and "  # người chủ trì sự kiện" in vi
        assert "translated_from: {hash: " in en
    code, out, _ = bloc("check")
    assert code == 0 and ": lỗi: " not in out


def test_without_a_kind_no_kind_is_suggested(site, bloc):
    assert bloc("new", "--title", "Ký Giao ước thi đua năm 2025", "--date", "2025-01-20")[0] == 0
    vi = (site / "content/news/2025/ky-giao-uoc-thi-dua-nam-2025/index.vi.md").read_text(encoding="utf-8")
    assert "hoi-nghi-so-ket" not in vi.split("# Mã dùng")[0]
    assert "# event:" in vi and "#   kinds: []" in vi
    assert '# Sự kiện (event): chọn loại trong danh sách "Loại sự kiện" ở cuối tệp.' in vi
    assert "#   hoi-nghi-so-ket: " in vi  # the list to choose from


def test_with_a_kind_the_event_is_written(site, bloc):
    assert bloc("new", "--title", "Ký Giao ước", "--date", "2025-01-20", "--kind", "ky-ket-giao-uoc")[0] == 0
    vi = (site / "content/news/2025/ky-giao-uoc/index.vi.md").read_text(encoding="utf-8")
    assert "\nevent:" in vi and "\n  kinds: [ky-ket-giao-uoc]" in vi and "\n  date: 2025-01-20" in vi
    assert "\n#   chair:" in vi and "\n#     - name: " in vi and "\n# awards:" in vi
