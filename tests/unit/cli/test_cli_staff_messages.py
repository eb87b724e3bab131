"""Messages staff can act on, in Vietnamese by default: exact text and line, through `bloc check`."""

import datetime as dt

from bloc_content.corpus import check_corpus, load_corpus
from bloc_content.facts_view import join_position, person_title
from bloc_content.messages import catalog
from bloc_content.model import Person
from bloc_content.registries import load_registry
from bloc_indexes.consistency import check_all

ITEM = "content/news/2021/tong-ket-2020-ky-giao-uoc-2021"


def edit(site, lang: str, old: str, new: str) -> None:
    path = site / ITEM / f"index.{lang}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_tab_says_tab(site, bloc):
    edit(site, "vi", "  host: bca", "\thost: bca")
    code, out, _ = bloc("check")
    assert code == 1
    assert out.splitlines() == [
        f"{ITEM}/index.vi.md:23: lỗi: YAML không dùng phím Tab: thụt lề bằng hai dấu cách "
        "(thay dấu Tab ở đầu dòng này bằng dấu cách)"]


def test_a_colon_in_a_title_says_quote_it(site, bloc):
    edit(site, "vi", "title: Ký Giao ước thi đua Khối", "title: Ký Giao ước thi đua: Khối")
    code, out, _ = bloc("check")
    assert code == 1
    assert out.splitlines() == [
        f"{ITEM}/index.vi.md:2: lỗi: title: giá trị có dấu hai chấm và dấu cách ở giữa, YAML hiểu nhầm là một "
        'trường mới (đặt tiêu đề trong dấu ngoặc kép: title: "...")']
    code, out, _ = bloc("check", "--lang", "en")
    assert out.splitlines() == [
        f"{ITEM}/index.vi.md:2: error: title: a colon followed by a space inside the value "
        '(put the title in double quotes: title: "...")']


def test_a_contradiction_names_the_field_and_both_values(site, bloc):
    awards = "\n".join(f"  - {{award: {a}, recipient: {r}, year: 2020, status: {s}}}" for a, r, s in (
        ("co-thi-dua-chinh-phu", "bca", "proposed"), ("co-thi-dua-chinh-phu", "bqp", "conferred"),
        ("bang-khen-thu-tuong", "bqllang", "proposed"), ("bang-khen-thu-tuong", "ttcp", "proposed")))
    edit(site, "en", "covenant:\n", f"awards:\n{awards}\ncovenant:\n")
    code, out, _ = bloc("check")
    assert code == 1
    assert out.splitlines() == [
        f"{ITEM}/index.en.md:24: lỗi: awards[1].status: mâu thuẫn với bản gốc: {ITEM}/index.vi.md:46 ghi "
        "'proposed', tệp này ghi 'conferred' (thông tin chỉ ghi một lần, trong bản gốc; hãy xoá dòng này hoặc sửa cho khớp)"]


def test_a_list_of_another_length_is_counted_not_dumped(site, bloc):
    edit(site, "en", "covenant:\n", "awards:\n  - {award: co-thi-dua-chinh-phu, recipient: bca, year: 2020, "
                                    "status: proposed}\ncovenant:\n")
    code, out, _ = bloc("check")
    assert code == 1
    assert out.splitlines() == [
        f"{ITEM}/index.en.md:22: lỗi: awards: mâu thuẫn với bản gốc: {ITEM}/index.vi.md:44 có 4 mục, tệp này có 1 "
        "(thông tin chỉ ghi một lần, trong bản gốc; hãy xoá dòng này hoặc sửa cho khớp)"]


def test_a_published_item_without_english_is_noticed(site, bloc):
    (site / ITEM / "index.en.md").unlink()
    code, out, _ = bloc("check")
    assert code == 0
    assert out.splitlines() == [
        f"{ITEM}/index.vi.md:1: cảnh báo: đã đăng nhưng chưa có tệp tiếng Anh {ITEM}/index.en.md "
        '(trang tiếng Anh báo "chưa dịch" cho tới lúc đó; make new tạo sẵn cả hai tệp)']
    edit(site, "vi", "date_precision: month\n", "date_precision: month\nstatus: draft\n")
    assert bloc("check")[1] == ""  # a draft is not expected to be translated yet


def paired_items(site):
    parsed, registry, _problems = load_corpus(site / "content" / "news", site / "content" / "data", site)
    return check_corpus(parsed, registry, dt.datetime.now(dt.UTC)).items


def test_representing_is_checked_against_the_year_record(site):
    path = site / ITEM / "index.vi.md"
    path.write_text(path.read_text(encoding="utf-8").replace("    org: bca\n", "    org: ttcp\n", 1), encoding="utf-8")
    items = paired_items(site)
    registry = load_registry(site / "content" / "data", site)[0]
    found = [d.render(catalog("vi")) for d in check_all(items, registry) if "representing" in d.field]
    assert found == [
        f"{ITEM}/index.vi.md:28: cảnh báo: event.chair.representing: Nguyễn Văn Thành đại diện Khối trưởng ('ttcp'), "
        "nhưng Khối trưởng năm 2020 là 'bca' (đã xác minh) trong content/data/bloc.yaml "
        "(hãy sửa representing hoặc org, hoặc sửa danh mục nếu nguồn của danh mục cho thấy khác)"]


def test_the_seed_chair_represents_the_right_head(site):
    items = paired_items(site)
    registry = load_registry(site / "content" / "data", site)[0]
    assert [d for d in check_all(items, registry) if "representing" in d.field] == []


def test_position_and_organisation_are_not_repeated(site):
    registry = load_registry(site / "content" / "data", site)[0]
    deputy = Person(name="A", org="ktnn", positions=["pho-tong-kiem-toan"])
    assert person_title(registry, deputy, "vi") == "Phó Tổng Kiểm toán Nhà nước"
    assert person_title(registry, deputy, "en") == "Deputy Auditor General, State Audit Office of Viet Nam"
    inspector = Person(name="B", org="ttcp", positions=["tong-thanh-tra"])
    assert person_title(registry, inspector, "vi") == "Tổng Thanh tra Chính phủ"
    minister = Person(name="C", org="bca", positions=["uy-vien-trung-uong-dang", "thu-truong"])
    assert person_title(registry, minister, "vi") == "Uỷ viên Trung ương Đảng, Thứ trưởng Bộ Công an"
    assert join_position("Trưởng", "Ban Thi đua - Khen thưởng Trung ương") == "Trưởng Ban Thi đua - Khen thưởng Trung ương"
