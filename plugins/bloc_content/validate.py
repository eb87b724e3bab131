"""Validate one news-item file: front matter against the model, ids against the registries."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from .body_images import body_images
from .body_limits import BodyLimits, check_body_limits
from .diagnostics import Diagnostic, choices_hint, t
from .frontmatter import FrontMatter, dotted, load
from .languages import DEFAULT_SETTINGS, Languages, languages_of
from .model import ItemFile, TranslationFile
from .registries import Registry
from .removals import removals
from .review_markers import review_markers
from .schema_errors import pydantic_diagnostics
from .text_checks import check_missing_alts, check_words

ORGANISATION = t("organisation")
_LANG_SUFFIX = re.compile(r"\.([a-z]{2,3})\.md$")


@dataclass
class ParsedItem:
    path: str  # as shown in messages (relative to the project)
    front: FrontMatter | None
    model: ItemFile | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw_text: str = ""  # the decoded file when its front matter could not be read
    source: str = ""  # where the file is on disk (its folder holds the photos)

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(d.severity == "error" for d in self.diagnostics)

    def line(self, *loc) -> int:
        return self.front.line_of(tuple(loc)) if self.front else 1


def parse_item(raw: bytes, path: str, registry: Registry | None, as_original: bool | None = None,
               limits: BodyLimits | None = None, languages: Languages | None = None) -> ParsedItem:
    """Parse and validate one file. A file in the original language (DEFAULT_LANG) is
    validated as an original; any other as a translation unless `as_original` says otherwise.
    Ids are checked
    against the registries only when one is given (the build checks them after reading,
    so that a cached file is checked against the current registries)."""
    result = load(raw, path)
    if result.front is None:
        return ParsedItem(path, None, None, result.diagnostics, result.text)
    front = result.front
    problems = list(result.diagnostics)
    data = front.data
    if not isinstance(data, dict):
        problems.append(Diagnostic(path, 2, "", t("front matter must be field: value lines")))
        return ParsedItem(path, front, None, problems)
    languages = languages or languages_of(DEFAULT_SETTINGS)
    lang = data.get("lang")
    if as_original is None:
        # a language the site does not have: the file's name says whether it was meant as the original
        suffix = _LANG_SUFFIX.search(path)
        as_original = lang == languages.original or (
            lang not in languages and (suffix is None or suffix.group(1) == languages.original))
    model_class = ItemFile if as_original else TranslationFile
    model = validate_front(front, path, model_class, problems, languages)
    # Marks left for a person: warnings in a draft, errors once the item is published.
    status = model.status if model is not None else data.get("status")
    problems.extend(review_markers(path, front.text, published=status != "draft"))
    problems.extend(check_body(front, path, published=status != "draft", limits=limits or BodyLimits()))
    if model is None:
        problems.extend(check_missing_alts(data, front, path))
    if model is not None:
        if registry is not None:
            problems.extend(check_references(model, front, path, registry))
        problems.extend(check_file_name(model, front, path))
    return ParsedItem(path, front, model, problems)


def check_body(front: FrontMatter, path: str, published: bool, limits: BodyLimits) -> list[Diagnostic]:
    """The words and the body: limits before Markdown reads it, images, what the allowlist removes."""
    problems = check_words(front, path, published)
    over = check_body_limits(front.body, front.body_line, path, limits)
    if over:  # a body over the limits is not read any further
        return problems + over
    return problems + body_images(front.body, front.body_line, path) + removals(front.body, front.body_line, path)


def validate_front(front: FrontMatter, path: str, model_class: type[ItemFile], problems: list[Diagnostic],
                   languages: Languages):
    try:
        return model_class.model_validate(front.data, context={"languages": languages.codes})
    except ValidationError as exc:
        problems.extend(pydantic_diagnostics(exc, path, front.line_of, lambda loc: known_fields(model_class, loc)))
        return None
    except (ValueError, TypeError, ArithmeticError) as exc:  # a validator's own failure: still located
        problems.append(Diagnostic(path, front.fence_line, "", t("a value cannot be read ({kind})", kind=type(exc).__name__),
                                   t("check the dates and numbers of the front matter")))
        return None


def known_fields(model_class: type[BaseModel], loc: tuple) -> list[str]:
    """Field names allowed at `loc` of the model (for 'did you mean')."""
    current: Any = model_class
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info else None
    return sorted(current.model_fields) if current else []


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def check_file_name(model: ItemFile, front: FrontMatter, path: str) -> list[Diagnostic]:
    match = _LANG_SUFFIX.search(path)
    if match and match.group(1) != model.lang:
        return [Diagnostic(path, front.line_of(("lang",)), "lang",
                           t("'{lang}' does not match the file name (*.{suffix}.md)", lang=model.lang, suffix=match.group(1)),
                           t("set lang: {suffix} or rename the file", suffix=match.group(1)))]
    return []


def check_references(model: ItemFile, front: FrontMatter, path: str, registry: Registry) -> list[Diagnostic]:
    """Every id must exist in its registry; members must be members of the bloc."""
    problems: list[Diagnostic] = []

    def need(kind: str, value: str | None, *loc, what: str) -> None:
        if value is None:
            return
        hint = registry.unknown(kind, value)
        if hint:
            problems.append(Diagnostic(path, front.line_of(loc), _field(loc), t("unknown {what} '{value}'", what=what, value=value), hint))

    def member(value: str, *loc) -> None:
        if value in registry.members:
            return
        if value in registry.organisations:
            problems.append(Diagnostic(path, front.line_of(loc), _field(loc),
                                       t("'{value}' is not a member of the bloc", value=value), choices_hint(value, registry.members)))
        else:
            need("organisations", value, *loc, what=ORGANISATION)

    event = model.event
    if event is not None:
        for i, kind in enumerate(event.kinds or []):
            need("event_kinds", kind, "event", "kinds", i, what=t("event kind"))
        need("organisations", event.host, "event", "host", what=ORGANISATION)
        people_list = [(("chair",), event.chair)] if event.chair else []
        people_list += [(("attendees", i), p) for i, p in enumerate(event.attendees or [])]
        for loc, person in people_list:
            need("organisations", person.org, "event", *loc, "org", what=ORGANISATION)
            need("organisations", person.unit, "event", *loc, "unit", what=ORGANISATION)
            for j, position in enumerate(person.positions):
                need("positions", position, "event", *loc, "positions", j, what=t("position"))
        if isinstance(event.members_present, list):
            for i, org in enumerate(event.members_present):
                member(org, "event", "members_present", i)
    for i, award in enumerate(model.awards or []):
        need("awards", award.award, "awards", i, "award", what=t("award"))
        need("organisations", award.recipient, "awards", i, "recipient", what=ORGANISATION)
        if award.proposed_by not in (None, "bloc"):
            need("organisations", award.proposed_by, "awards", i, "proposed_by", what=ORGANISATION)
    if model.elections is not None:
        member(model.elections.head, "elections", "head")
        member(model.elections.deputy, "elections", "deputy")
        if model.elections.head == model.elections.deputy:
            problems.append(Diagnostic(path, front.line_of(("elections", "deputy")), "elections.deputy",
                                       t("'{value}' cannot be both head and deputy", value=model.elections.deputy),
                                       t("the head and the deputy are two different members")))
    covenant = model.covenant
    if covenant is not None and isinstance(covenant.signatories, list):
        for i, org in enumerate(covenant.signatories):
            member(org, "covenant", "signatories", i)
    for i, photo in enumerate(model.photos or []):
        problems.extend(check_photo_words(photo, i, front, path))
    return problems


def check_photo_words(photo, index: int, front: FrontMatter, path: str) -> list[Diagnostic]:
    problems = []
    loc = ("photos", index, "file")
    if not safe_relative(photo.file):
        problems.append(Diagnostic(path, front.line_of(loc), _field(loc),
                                   t("'{file}' must be a path inside the item's folder", file=photo.file),
                                   t("write the file name of a photo placed next to the item, e.g. 'ky-ket.jpg'")))
    if photo.decorative:
        return problems
    alt_loc = ("photos", index, "alt")
    if not photo.alt:
        problems.append(Diagnostic(path, front.line_of(("photos", index)), _field(alt_loc),
                                   t("alt text is required"), t("describe what the photo shows, or set decorative: true")))
    elif _stem(photo.alt) == _stem(PurePosixPath(photo.file).name):
        problems.append(Diagnostic(path, front.line_of(alt_loc), _field(alt_loc),
                                   t("alt text repeats the file name"), t("describe what the photo shows")))
    return problems


def safe_relative(path: str) -> bool:
    if not path or path.startswith(("/", "\\")) or "\\" in path or ":" in path or "\x00" in path:
        return False
    normal = posixpath.normpath(path)
    return not (normal == ".." or normal.startswith("../"))


def _stem(text: str) -> str:
    return re.sub(r"\.(jpe?g|png|webp|gif|tiff?)$", "", text.strip().lower())


_field = dotted
