"""The hash a translation records of its original, and the outdated check."""

from __future__ import annotations

from bloc_content.model import ItemFile, TranslationFile
from bloc_seo.freshness import check, content_hash, normalise_body

ORIGINAL = dict(title="Hội nghị", lang="vi", translation_key="hoi-nghi-2021",
                published="2021-01-15T09:00:00+07:00", summary="Tóm tắt.", byline="TG-PV")


def original(**changes):
    return ItemFile.model_validate({**ORIGINAL, **changes})


def test_hash_is_twelve_hex_digits_and_stable():
    value = content_hash(original(), "Đoạn một.\n\nĐoạn hai.\n")
    assert len(value) == 12 and int(value, 16) >= 0
    assert value == content_hash(original(), "Đoạn một.\n\nĐoạn hai.\n")


def test_hash_ignores_layout_composition_and_bookkeeping():
    body = "Đoạn một.\n\nĐoạn hai.\n"
    reflowed = "\r\n\r\nĐoạn một.   \r\n\r\n\r\nĐoạn hai.\r\n\r\n"
    decomposed = __import__("unicodedata").normalize("NFD", body)
    base = content_hash(original(), body)
    assert content_hash(original(), reflowed) == base
    assert content_hash(original(), decomposed) == base
    assert content_hash(original(updated="2021-02-01T08:00:00+07:00", status="draft"), body) == base


def test_hash_changes_with_the_body_the_words_or_the_facts():
    body = "Đoạn một."
    base = content_hash(original(), body)
    assert content_hash(original(), "Đoạn một đã sửa.") != base
    assert content_hash(original(title="Hội nghị sơ kết"), body) != base
    assert content_hash(original(event={"kinds": ["hoi-nghi"], "date": "2021-01"}), body) != base


def test_normalise_body_collapses_blank_runs():
    assert normalise_body("\n\na  \n\n\n\nb\n\n") == "a\n\nb"


def translation(recorded):
    data = {**ORIGINAL, "lang": "en", "title": "Conference", "summary": "Summary.", "byline": "TG-PV"}
    if recorded:
        data["translated_from"] = {"hash": recorded, "date": "2021-01-16"}
    return TranslationFile.model_validate(data)


def test_check_is_silent_for_a_current_or_unmarked_translation():
    body = "Đoạn một."
    assert check(original(), body, translation(content_hash(original(), body))) is None
    assert check(original(), body, translation(None)) is None


def test_check_reports_the_recorded_and_current_hash_and_the_date_of_change():
    changed = original(updated="2021-02-01T08:00:00+07:00")
    stale = check(changed, "Đoạn một đã sửa.", translation("0123456789ab"))
    assert stale is not None
    assert stale.recorded == "0123456789ab"
    assert stale.current == content_hash(changed, "Đoạn một đã sửa.")
    assert stale.changed.isoformat() == "2021-02-01T08:00:00+07:00"


def test_translated_from_is_a_word_not_a_fact():
    from bloc_content.model import WORD_FIELDS

    assert ("translated_from",) in WORD_FIELDS
