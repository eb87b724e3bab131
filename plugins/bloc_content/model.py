"""The content model of a news item: the single source of truth for its front matter.

A news item is a pair of Markdown files (`index.vi.md`, `index.en.md`) sharing a
`translation_key`. Facts (event, people, organisations, awards, elections, covenant,
photo files) are stated once, in the original; the translation states only its own
words (title, summary, byline, place, motto, alt text, captions) and may repeat a fact
only if it agrees with the original.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .diagnostics import N_
from .languages import DEFAULT_SETTINGS, expected_words, languages_of

VIETNAM_OFFSET = dt.timedelta(hours=7)
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# C0 and C1 controls, bidi marks and overrides, zero-width characters and the BOM: invisible
# in an editor, and able to reorder or hide what a reader sees.
INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e"
                       r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_CONTROL = INVISIBLE



def _site_language(value: str, info: ValidationInfo) -> str:
    """One of the site's languages: the validation context's (the settings'), else the defaults."""
    codes = (info.context or {}).get("languages") or languages_of(DEFAULT_SETTINGS).codes
    if value not in codes:
        raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": expected_words(codes)})
    return value


Lang = Annotated[str, AfterValidator(_site_language)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=120)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]
BlocRole = Literal["khoi-truong", "khoi-pho"]
PersonRole = Literal["speaker", "guest", "witness", "co-chair"]  # co-chair: chaired beside event.chair
AwardStatus = Literal["proposed", "conferred"]
FIRST_YEAR, LAST_YEAR = 1990, 2100
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]


def _clean_text(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError(N_("contains an invisible character (control, bidirectional-override or zero-width)"))
    value = " ".join(value.split())
    if not value:
        raise ValueError(N_("is empty"))
    return value


def _visible_name(value: str) -> str:
    if INVISIBLE.search(value):
        raise ValueError(N_("contains an invisible character (control, bidirectional-override or zero-width)"))
    return value


Text = Annotated[str, Field(max_length=2000), AfterValidator(_clean_text)]
ShortText = Annotated[str, Field(max_length=300), AfterValidator(_clean_text)]


def _vietnam_time(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        raise ValueError(N_("needs a time and the +07:00 offset, e.g. 2021-01-15T09:00:00+07:00"))
    if isinstance(value, str):
        # A quoted value: only ISO 8601 is accepted (never 07/09/2024-style dates).
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(N_("is not an ISO 8601 date-time, e.g. 2021-01-15T09:00:00+07:00")) from None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(N_("has no UTC offset; write it in Vietnam time, e.g. 2021-01-15T09:00:00+07:00"))
        if value.utcoffset() != VIETNAM_OFFSET:
            raise ValueError(N_("must be in Vietnam time (+07:00)"))
        if not FIRST_YEAR <= value.year <= LAST_YEAR:  # year 1 or 9999 overflow in UTC arithmetic
            raise ValueError(N_("must be a year from 1990 to 2100"))
        return value.astimezone(dt.timezone(VIETNAM_OFFSET))
    return value


VietnamDateTime = Annotated[dt.datetime, BeforeValidator(_vietnam_time)]


class PartialDate(BaseModel):
    """A calendar date that may be known only to the month or the year."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    year: Year
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            raise ValueError(N_("is a date-time; give a date: YYYY-MM-DD, YYYY-MM or YYYY"))
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, int):
            return {"year": value}
        if isinstance(value, str):
            match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
            if not match:
                raise ValueError(N_("is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"))
            year, month, day = (int(g) if g else None for g in match.groups())
            try:
                dt.date(year, month or 1, day or 1)
            except ValueError:
                raise ValueError(N_("is not a real date")) from None
            return {"year": year, "month": month, "day": day}
        return value

    def __str__(self) -> str:
        return self.iso()


class Strict(BaseModel):
    # Validators are built on first use: a build served from Pelican's content cache only
    # unpickles items and never pays for them.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class Source(Strict):
    publisher: ShortText
    url: HttpUrl | None = None
    title: ShortText | None = None


class Person(Strict):
    name: ShortText
    org: Id
    unit: Id | None = None
    positions: list[Id] = Field(default_factory=list, max_length=6)
    representing: BlocRole | None = None
    roles: list[PersonRole] = Field(default_factory=list)


class Event(Strict):
    kinds: list[Id] = Field(min_length=1, max_length=6)
    date: PartialDate
    about_year: Year | None = None
    place: ShortText | None = None  # words: in the file's language
    host: Id | None = None
    chair: Person | None = None
    attendees: list[Person] = Field(default_factory=list, max_length=60)
    members_present: Literal["all"] | list[Id] = Field(default_factory=list)


class Award(Strict):
    award: Id
    recipient: Id
    year: Year
    status: AwardStatus
    proposed_by: Id | Literal["bloc"] | None = None
    decision: ShortText | None = None


class Election(Strict):
    year: Year
    head: Id
    deputy: Id


class Covenant(Strict):
    year: Year
    motto: ShortText | None = None  # words: in the file's language
    signatories: Literal["all"] | list[Id] = "all"


class Photo(Strict):
    file: Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_visible_name)]
    alt: ShortText | None = None  # words
    caption: Text | None = None  # words
    credit: ShortText | None = None
    decorative: bool = False
    lead: bool = False
    focal: tuple[float, float] | None = None


class ItemFile(Strict):
    """One language file of a news item, as written."""

    title: ShortText
    slug: Slug | None = None
    lang: Lang
    translation_key: Slug
    published: VietnamDateTime
    date_precision: Literal["time", "day", "month"] = "time"
    updated: VietnamDateTime | None = None
    status: Literal["published", "draft"] = "published"
    summary: Text
    byline: ShortText
    translator: ShortText | None = None
    source: Source | None = None
    event: Event | None = None
    awards: list[Award] = Field(default_factory=list, max_length=100)
    elections: Election | None = None
    covenant: Covenant | None = None
    photos: list[Photo] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _updated_after_published(self) -> ItemFile:
        if self.updated and self.updated < self.published:
            raise ValueError(N_("updated is earlier than published"))
        return self


class TranslationEvent(Strict):
    """What a translation may say of the event: its own words, or facts that agree."""

    kinds: list[Id] | None = None
    date: PartialDate | None = None
    about_year: Year | None = None
    place: ShortText | None = None
    host: Id | None = None
    chair: Person | None = None
    attendees: list[Person] | None = None
    members_present: Literal["all"] | list[Id] | None = None


class TranslationCovenant(Strict):
    year: Year | None = None
    motto: ShortText | None = None
    signatories: Literal["all"] | list[Id] | None = None


class TranslatedFrom(Strict):
    """Which state of the original a translation was made from (see bloc_content.freshness)."""

    hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]
    date: dt.date | None = None


class TranslationFile(ItemFile):
    """A translation: the same fields, but facts may be left to the original."""

    translated_from: TranslatedFrom | None = None
    event: TranslationEvent | None = None  # type: ignore[assignment]
    covenant: TranslationCovenant | None = None  # type: ignore[assignment]
    awards: list[Award] | None = None  # type: ignore[assignment]
    photos: list[Photo] = Field(default_factory=list, max_length=100)


# Fields that carry a file's own words; everything else is a fact stated once.
WORD_FIELDS = {
    ("title",), ("slug",), ("lang",), ("summary",), ("byline",), ("translator",), ("source",),
    ("published",), ("date_precision",), ("updated",), ("status",), ("translation_key",),
    ("event", "place"), ("covenant", "motto"), ("translated_from",),
}
PHOTO_WORD_FIELDS = {"alt", "caption"}
