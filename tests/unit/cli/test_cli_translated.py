"""`bloc translated`: one step marks a translation current; `bloc check` says when it falls behind."""

import datetime as dt

from bloc_content.translated import set_translated_from

ITEM = "content/news/2021/tong-ket-2020-ky-giao-uoc-2021"
TODAY = dt.date(2025, 3, 9)


def test_the_line_is_added_after_the_translator_and_nothing_else_moves():
    text = "---\ntitle: A\n# a note\ntranslator: B\nsummary: >-\n  two\n  lines\n---\n\nBody\n"
    assert set_translated_from(text, "0123456789ab", TODAY) == (
        "---\ntitle: A\n# a note\ntranslator: B\ntranslated_from: {hash: 0123456789ab, date: 2025-03-09}\n"
        "summary: >-\n  two\n  lines\n---\n\nBody\n")


def test_an_existing_value_is_replaced_in_place_in_any_form():
    flow = "---\ntitle: A\ntranslated_from: {hash: 000000000000, date: 2020-01-01}  # kept\nbyline: C\n---\n"
    assert set_translated_from(flow, "0123456789ab", TODAY) == (
        "---\ntitle: A\ntranslated_from: {hash: 0123456789ab, date: 2025-03-09}  # kept\nbyline: C\n---\n")
    block = "---\ntranslated_from:\n  hash: 000000000000\n  date: 2020-01-01\n# after\nbyline: C\n---\n"
    assert set_translated_from(block, "0123456789ab", TODAY) == (
        "---\ntranslated_from: {hash: 0123456789ab, date: 2025-03-09}\n# after\nbyline: C\n---\n")


def test_mark_then_edit_the_original_then_mark_again(site, bloc):
    en = site / ITEM / "index.en.md"
    vi = site / ITEM / "index.vi.md"
    # as the seed was before it recorded what it was translated from
    before = "\n".join(line for line in en.read_text(encoding="utf-8").split("\n")
                       if not line.startswith("translated_from:"))
    en.write_text(before, encoding="utf-8")
    code, out, _ = bloc("translated", ITEM)
    assert code == 0 and "index.en.md: đã đánh dấu là bản dịch của index.vi.md hiện tại" in out
    assert bloc("check")[1] == ""  # nothing to report
    after = en.read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        line for line in after.splitlines() if line.startswith("translated_from: {hash: ")]
    vi.write_text(vi.read_text(encoding="utf-8").replace("Đoàn kết, nêu gương", "Đoàn kết, nêu gương,"),
                  encoding="utf-8")
    line = next(i for i, text in enumerate(after.splitlines(), 1) if text.startswith("translated_from:"))
    code, out, _ = bloc("check")
    assert code == 0
    assert out.startswith(f"{ITEM}/index.en.md:{line}: cảnh báo: translated_from.hash: bản gốc {ITEM}/index.vi.md "
                          "đã thay đổi sau khi có bản dịch này: bản dịch được làm từ ")
    assert out.rstrip().endswith(f"(hãy cập nhật bản dịch, rồi chạy: make translated ITEM={ITEM}; ghi thêm ngày "
                                 "`updated:` vào bản gốc để người đọc biết bản gốc đã sửa khi nào)")
    assert bloc("translated", ITEM)[0] == 0
    assert bloc("check")[1] == ""


def test_a_new_item_starts_current_and_falls_behind_when_the_original_is_written(site, bloc):
    assert bloc("new", "--title", "Tin mới", "--date", "2024-07-15")[0] == 0
    vi = site / "content/news/2024/tin-moi/index.vi.md"
    assert "translated_from.hash" not in bloc("check")[1]
    vi.write_text(vi.read_text(encoding="utf-8").replace("CẦN VIẾT: nội dung bài.", "Nội dung."), encoding="utf-8")
    assert "content/news/2024/tin-moi/index.en.md:" in bloc("check")[1]
    assert "translated_from.hash: bản gốc content/news/2024/tin-moi/index.vi.md" in bloc("check")[1]


def test_wrong_item(site, bloc):
    code, _, err = bloc("translated", "content/data")
    assert code == 2 and "không phải là thư mục của một tin trong content/news/" in err
    code, _, err = bloc("translated", "../elsewhere")
    assert code == 2
