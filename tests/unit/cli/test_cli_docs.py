"""docs/ restates the model and the catalogue only through `make docs`: a drift fails here."""

from pathlib import Path

from bloc_cli.docs import BEGIN, END, generated, message_table
from bloc_content.fields import FIELD_TEXT, MODELS, direct, field_labels, text_key, walk
from bloc_content.model import ItemFile, TranslationFile

ROOT = Path(__file__).resolve().parents[3]


def test_committed_docs_are_generated_from_the_model_and_catalogue():
    for path, text in generated(ROOT, ROOT / "docs").items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is out of date: run `make docs`"


def test_every_model_field_has_its_words_and_no_other():
    keys = {text_key(model, info.path) for model in MODELS for info in direct(model)}
    assert keys == set(FIELD_TEXT)
    assert {f.key for model in (ItemFile, TranslationFile) for f in walk(model)} == set(FIELD_TEXT)


def test_labels_for_an_editor_form():
    labels = field_labels()
    assert labels["Person.name"] == {"vi": {"label": "Họ tên", "hint": "họ và tên đầy đủ"},
                                     "en": {"label": "Name", "hint": "full name"}}
    assert set(labels) == set(FIELD_TEXT)


def test_field_reference_lists_fields_and_registry_ids():
    vi = (ROOT / "docs" / "truong-du-lieu.md").read_text(encoding="utf-8")
    en = (ROOT / "docs" / "fields.en.md").read_text(encoding="utf-8")
    assert "| `event.chair.representing` |  | Đại diện |" in vi
    assert "| `awards[].status` | yes | Status | proposed or conferred | `proposed`, `conferred` |" in en
    assert "| `ktnn` | Kiểm toán Nhà nước (thành viên Khối) | State Audit Office of Viet Nam |" in vi
    assert "| `pho-tong-kiem-toan` | Phó Tổng Kiểm toán | Deputy Auditor General |" in en


def test_guides_carry_the_catalogue_in_their_language():
    vi = (ROOT / "docs" / "huong-dan.md").read_text(encoding="utf-8")
    en = (ROOT / "docs" / "guide.en.md").read_text(encoding="utf-8")
    assert message_table("vi") in vi and message_table("en") in en
    assert "| `YAML không dùng phím Tab: thụt lề bằng hai dấu cách` |" in vi
    assert "| `YAML does not use the Tab key: indent with two spaces` |" in en
    assert "| `không tìm thấy tệp '…' trong thư mục của tin` |" in vi  # the build's own photo message
    assert "bằng tiếng Anh" not in vi.split(BEGIN)[0] + vi.split(END)[1]
    assert vi.index(BEGIN) < vi.index(END)


def test_guides_list_exactly_the_registry_event_kinds():
    import re

    from bloc_content.registries import load_registry

    kinds = list(load_registry(ROOT / "content" / "data", ROOT)[0].event_kinds)
    for name, start in (("huong-dan.md", "`KIND` là loại sự kiện:"), ("guide.en.md", "`KIND` the kind of event:")):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        sentence = text[text.index(start):].split(".", 1)[0]
        assert re.findall(r"`([a-z-]+)`", sentence) == kinds, name
