"""What each front-matter field means, in Vietnamese and English: the one place for those words.

The new-item template (`bloc new`), the field reference in docs/ (`bloc docs`), the JSON
Schema (`bloc schema`) and an editor's form labels all read this table, so they say the same
thing. `walk()` lists the fields the pydantic models know; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from .model import (
    PHOTO_WORD_FIELDS,
    WORD_FIELDS,
    Award,
    Covenant,
    Election,
    Event,
    ItemFile,
    PartialDate,
    Person,
    Photo,
    Source,
    TranslatedFrom,
    TranslationCovenant,
    TranslationEvent,
    TranslationFile,
)

# (label_vi, hint_vi, label_en, hint_en), keyed by "Model.field".
FIELD_TEXT: dict[str, tuple[str, str, str, str]] = {
    "ItemFile.title": ("Tiêu đề", "tiêu đề của tin, viết trong dấu ngoặc kép",
                       "Title", "the item's headline, in double quotes"),
    "ItemFile.slug": ("Đường dẫn", "phần cuối địa chỉ trang: chữ thường không dấu, số, dấu gạch nối",
                      "Slug", "the end of the page's address: lowercase ASCII letters, digits, hyphens"),
    "ItemFile.lang": ("Ngôn ngữ", "vi cho index.vi.md, en cho index.en.md",
                      "Language", "vi for index.vi.md, en for index.en.md"),
    "ItemFile.translation_key": ("Mã tin", "mã chung của hai bản vi và en của cùng một tin",
                                 "Item key", "the key shared by the vi and en files of one item"),
    "ItemFile.published": ("Ngày giờ đăng", "giờ Việt Nam, ví dụ 2024-07-15T09:00:00+07:00",
                           "Published", "Vietnam time, e.g. 2024-07-15T09:00:00+07:00"),
    "ItemFile.date_precision": ("Độ chính xác ngày đăng", "time, day hoặc month: phần nào của ngày đăng đã biết chắc",
                                "Date precision", "time, day or month: how much of the publication date is known"),
    "ItemFile.updated": ("Ngày giờ cập nhật", "khi sửa nội dung sau khi đăng; sau ngày đăng",
                         "Updated", "when the content changed after publication; after `published`"),
    "ItemFile.status": ("Trạng thái", "draft (nháp, chưa đăng) hoặc published (đăng)",
                        "Status", "draft (not published) or published"),
    "ItemFile.summary": ("Tóm tắt", "một hoặc hai câu, hiện ở danh sách tin và khi chia sẻ",
                         "Summary", "one or two sentences, shown in listings and when shared"),
    "ItemFile.byline": ("Tác giả", "tên tác giả hoặc nhóm phóng viên",
                        "Byline", "the author or reporting team"),
    "ItemFile.translator": ("Người dịch", "người dịch bản này (bản dịch)",
                            "Translator", "who translated this file (translations)"),
    "ItemFile.source": ("Nguồn", "bài gốc đã đăng ở nơi khác, nếu có",
                        "Source", "where the article was first published, if elsewhere"),
    "ItemFile.event": ("Sự kiện", "hội nghị, lễ ký kết... mà tin đưa",
                       "Event", "the conference, signing... the item reports"),
    "ItemFile.awards": ("Khen thưởng", "danh hiệu được đề nghị hoặc trao trong sự kiện",
                        "Awards", "awards proposed or conferred at the event"),
    "ItemFile.elections": ("Bầu Khối trưởng, Khối phó", "kết quả bầu cho một năm",
                           "Elections", "the bloc head and deputy elected for a year"),
    "ItemFile.covenant": ("Giao ước thi đua", "Giao ước được ký trong sự kiện",
                          "Covenant", "the emulation covenant signed at the event"),
    "ItemFile.photos": ("Ảnh", "các tệp ảnh đặt cạnh tệp tin",
                        "Photos", "photo files placed next to the item's files"),
    "ItemFile.translated_from": ("Dịch từ bản", "do lệnh make translated ghi: bản gốc được dịch ở trạng thái nào",
                                        "Translated from", "written by make translated: which state of the original was translated"),
    "Source.publisher": ("Nơi đăng", "tên báo hoặc trang đã đăng bài gốc",
                         "Publisher", "the newspaper or site that published the article"),
    "Source.url": ("Địa chỉ", "địa chỉ bài gốc (https://...)", "URL", "the article's address (https://...)"),
    "Source.title": ("Tiêu đề bài gốc", "nếu khác tiêu đề tin này",
                     "Source title", "if it differs from this item's title"),
    "Event.kinds": ("Loại sự kiện", "một hoặc vài mã loại sự kiện", "Event kinds", "one or more event kind ids"),
    "Event.date": ("Ngày sự kiện", "YYYY-MM-DD, hoặc YYYY-MM / YYYY nếu chỉ biết tháng / năm",
                   "Event date", "YYYY-MM-DD, or YYYY-MM / YYYY when only the month / year is known"),
    "Event.about_year": ("Năm được tổng kết", "năm mà hội nghị tổng kết, sơ kết",
                         "Year reviewed", "the year the conference reviews"),
    "Event.place": ("Địa điểm", "nơi diễn ra, viết bằng ngôn ngữ của tệp",
                    "Place", "where it took place, in the file's language"),
    "Event.host": ("Đơn vị tổ chức", "mã đơn vị đăng cai", "Host", "id of the hosting organisation"),
    "Event.chair": ("Người chủ trì", "người chủ trì sự kiện", "Chair", "who chaired the event"),
    "Event.attendees": ("Đại biểu", "những người dự được nêu tên trong bài",
                        "Attendees", "the people named as attending"),
    "Event.members_present": ("Đơn vị thành viên dự", "all, hoặc danh sách mã đơn vị",
                              "Members present", "all, or a list of member ids"),
    "Person.name": ("Họ tên", "họ và tên đầy đủ", "Name", "full name"),
    "Person.org": ("Cơ quan", "mã bộ, ngành của người này", "Organisation", "id of the person's organisation"),
    "Person.unit": ("Đơn vị trực thuộc", "mã đơn vị trực thuộc (ví dụ tcct), nếu chức vụ thuộc đơn vị đó",
                    "Unit", "id of the unit (e.g. tcct) the position belongs to, if any"),
    "Person.positions": ("Chức vụ", "danh sách mã chức vụ, theo thứ tự trong bài",
                         "Positions", "list of position ids, in the article's order"),
    "Person.representing": ("Đại diện", "khoi-truong hoặc khoi-pho, nếu người này đại diện Khối trưởng / Khối phó của năm",
                            "Representing", "khoi-truong or khoi-pho, if the person stands for that year's bloc head / deputy"),
    "Person.roles": ("Vai trò", "speaker (phát biểu), guest (khách mời), witness (chứng kiến), co-chair (đồng chủ trì)",
                     "Roles", "speaker, guest, witness, co-chair (chaired with event.chair)"),
    "Award.award": ("Danh hiệu", "mã danh hiệu khen thưởng", "Award", "id of the award"),
    "Award.recipient": ("Đơn vị nhận", "mã đơn vị được khen", "Recipient", "id of the recipient organisation"),
    "Award.year": ("Năm thành tích", "năm của thành tích được khen", "Year", "the year the award is for"),
    "Award.status": ("Tình trạng", "proposed (đề nghị) hoặc conferred (đã trao)",
                     "Status", "proposed or conferred"),
    "Award.proposed_by": ("Đơn vị đề nghị", "bloc (Khối) hoặc mã đơn vị đề nghị",
                          "Proposed by", "bloc, or the id of the proposing organisation"),
    "Award.decision": ("Quyết định", "số quyết định khen thưởng, nếu bài nêu",
                       "Decision", "the decision number, if the article gives it"),
    "Election.year": ("Năm nhiệm kỳ", "năm mà Khối trưởng, Khối phó được bầu", "Year", "the year they are elected for"),
    "Election.head": ("Khối trưởng", "mã đơn vị được bầu làm Khối trưởng", "Head", "id of the member elected head"),
    "Election.deputy": ("Khối phó", "mã đơn vị được bầu làm Khối phó", "Deputy", "id of the member elected deputy"),
    "Covenant.year": ("Năm Giao ước", "năm mà Giao ước áp dụng", "Year", "the year the covenant is for"),
    "Covenant.motto": ("Chủ đề", "chủ đề Giao ước, viết bằng ngôn ngữ của tệp",
                       "Motto", "the covenant's motto, in the file's language"),
    "Covenant.signatories": ("Đơn vị ký", "all, hoặc danh sách mã đơn vị", "Signatories", "all, or a list of member ids"),
    "Photo.file": ("Tệp ảnh", "tên tệp ảnh đặt cạnh tệp tin, ví dụ ky-ket.jpg",
                   "File", "the photo's file name, next to the item's files, e.g. ky-ket.jpg"),
    "Photo.alt": ("Mô tả ảnh", "mô tả ảnh cho người không xem được ảnh (bắt buộc)",
                  "Alt text", "describes the photo for people who cannot see it (required)"),
    "Photo.caption": ("Chú thích", "dòng chú thích dưới ảnh", "Caption", "the line under the photo"),
    "Photo.credit": ("Tác giả ảnh", "người chụp hoặc nguồn ảnh", "Credit", "photographer or source"),
    "Photo.decorative": ("Ảnh trang trí", "true nếu ảnh chỉ để trang trí (khi đó không cần alt)",
                         "Decorative", "true if the photo is decoration only (then no alt is needed)"),
    "Photo.lead": ("Ảnh đại diện", "true cho ảnh đại diện của tin", "Lead photo", "true for the item's main photo"),
    "Photo.focal": ("Tâm ảnh", "[x, y] từ 0 đến 1: điểm giữ lại khi cắt ảnh",
                    "Focal point", "[x, y] from 0 to 1: the point kept when the photo is cropped"),
    "TranslatedFrom.hash": ("Mã bản gốc", "12 chữ số hex, do máy tính", "Hash", "12 hex digits, computed"),
    "TranslatedFrom.date": ("Ngày dịch", "ngày đánh dấu bản dịch", "Date", "the day the translation was marked current"),
}

# A translation's models take their words from the original's.
_SAME_AS = {"TranslationFile": "ItemFile", "TranslationEvent": "Event", "TranslationCovenant": "Covenant"}
_LEAVES = (PartialDate,)  # models written as one value (2021-01-15)
MODELS = (ItemFile, TranslationFile, Source, Event, TranslationEvent, Person, Award, Election, Covenant,
          TranslationCovenant, Photo, TranslatedFrom)


@dataclass(frozen=True)
class FieldInfo:
    path: str  # dotted, lists as []: "event.attendees[].name"
    key: str  # "Person.name": where its words are in FIELD_TEXT
    required: bool
    is_list: bool
    child: type[BaseModel] | None  # the nested model, if the value is a mapping
    choices: tuple[str, ...]  # allowed values of a Literal, if any
    field: Any  # the pydantic FieldInfo


def text_key(model: type[BaseModel], name: str) -> str:
    """The FIELD_TEXT key of a model's field: 'Model.field' (for a field a translation inherits, the original's)."""
    for klass in model.__mro__:
        if isinstance(klass, type) and issubclass(klass, BaseModel) and name in getattr(klass, "__annotations__", {}):
            owner = klass.__name__
            return f"{_SAME_AS.get(owner, owner)}.{name}"
    return f"{_SAME_AS.get(model.__name__, model.__name__)}.{name}"


def direct(model: type[BaseModel], prefix: str = ""):
    """The fields of `model` itself, in declaration order."""
    for name, info in model.model_fields.items():
        child, is_list = _nested(info.annotation)
        yield FieldInfo(f"{prefix}{name}", text_key(model, name), info.is_required(), is_list, child,
                        _choices(info.annotation), info)


def walk(model: type[BaseModel], prefix: str = ""):
    """Every field of `model` and of the models nested in it, depth first, in declaration order."""
    for info in direct(model, prefix):
        yield info
        if info.child is not None:
            yield from walk(info.child, f"{info.path}[]." if info.is_list else f"{info.path}.")


def translation_field(path: str) -> bool:
    """The fields a translation writes: its own words (facts are stated once, in the original)."""
    parts = tuple(p.removesuffix("[]") for p in path.split("."))
    if parts[0] == "photos":
        return len(parts) == 1 or parts[1] in PHOTO_WORD_FIELDS | {"file"}
    return any(parts[: len(w)] == w or w[: len(parts)] == parts for w in WORD_FIELDS)


def field_paths(model: type[BaseModel]) -> set[str]:
    return {f.path for f in walk(model)}


def words(key: str, lang: str) -> tuple[str, str]:
    """(label, hint) of a field in a language."""
    label_vi, hint_vi, label_en, hint_en = FIELD_TEXT[key]
    return (label_vi, hint_vi) if lang == "vi" else (label_en, hint_en)


def field_labels() -> dict[str, dict[str, dict[str, str]]]:
    """Every field's label and hint in both languages: {"Person.name": {"vi": {"label", "hint"}, "en": ...}}."""
    return {key: {lang: dict(zip(("label", "hint"), words(key, lang), strict=True)) for lang in ("vi", "en")}
            for key in FIELD_TEXT}


def _nested(annotation) -> tuple[type[BaseModel] | None, bool]:
    """(the model inside an annotation, whether it is a list of them)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return (None if annotation in _LEAVES else annotation), False
    if get_origin(annotation) is list:
        return _nested(get_args(annotation)[0])[0], True
    for arg in get_args(annotation):  # X | None, Annotated[X, ...]
        found = _nested(arg)
        if found[0] is not None:
            return found
    return None, False


def _choices(annotation) -> tuple[str, ...]:
    if get_origin(annotation) is Literal:
        return tuple(str(a) for a in get_args(annotation))
    out: list[str] = []
    for arg in get_args(annotation):
        out += [c for c in _choices(arg) if c not in out]
    return tuple(out)
