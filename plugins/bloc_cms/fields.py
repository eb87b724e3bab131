"""Decap CMS form fields generated from the pydantic models: one widget per model field.

The mapping: short text -> string, long text -> text, Vietnam date-time -> datetime with
the +07:00 offset written, literals -> select, registry ids -> relation (or select, see
`Choices`), nested models and names by language -> object, lists -> list, optional -> `required: false`, string
constraints -> `pattern`. Which fields hold a language's own words (and so are `i18n: true`)
comes from the model's WORD_FIELDS; everything else is a fact, stated in the Vietnamese file only.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from babel import Locale
from bloc_content.model import PHOTO_WORD_FIELDS, WORD_FIELDS, PartialDate, Photo
from bloc_content.registries import InLanguages
from pydantic import BaseModel, HttpUrl
from pydantic.fields import FieldInfo

from .labels import CHOICE_WORDS, words

# Which registry a field's ids come from, keyed "Model.field".
REFERENCES: dict[str, str] = {
    "Event.kinds": "event_kinds",
    "Event.host": "organisations",
    "Person.org": "organisations",
    "Person.unit": "organisations",
    "Person.positions": "positions",
    "Award.award": "awards",
    "Award.recipient": "organisations",
    "Award.proposed_by": "organisations",
    "Election.head": "organisations",
    "Election.deputy": "organisations",
    "Event.members_present": "organisations",
    "Covenant.signatories": "organisations",
    "Organisation.parent": "organisations",
}

# Fields the forms leave out, and why: Decap keeps them untouched in files that have them.
# (Only fields of TranslationFile, which no form edits: every field of ItemFile has a widget.)
NOT_IN_FORMS: dict[str, str] = {
    "TranslationFile.translated_from": "written by tools from the original's hash",
}

# Facts stated once but written into both files: the English file needs them too.
DUPLICATED = {"translation_key", "published", "date_precision", "updated", "status"}
# New items start as drafts (the model's default, 'published', suits hand-written files).
FORM_DEFAULTS = {"ItemFile.status": "draft"}
# Top-level fields a form sets itself (see admin/bloc-cms.js).
LANG_FIELD = "lang"

DATETIME_FORMAT = "YYYY-MM-DDTHH:mm:ssZ"  # dayjs: Z is the browser's offset, +07:00 in Vietnam
URL_PATTERN = r"^https?://\S+$"
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
LONG_TEXT = 300  # longer than this: a multi-line box

# A translation's photo list names each photo (by file) whose alt and caption it gives.
WORD_PATHS = set(WORD_FIELDS) | {("photos", name) for name in PHOTO_WORD_FIELDS} | {("photos", "file")}
# Widgets the model's types cannot tell: a photo is uploaded, not typed.
WIDGET_OVERRIDES = {"Photo.file": {"widget": "image", "choose_url": False}}


class Choices:
    """What a reference widget offers: a live relation into a registry file collection, or,
    for organisations (two lists in one file, which a Decap relation cannot read together),
    a select generated from the registry."""

    def __init__(self, organisations: list[tuple[str, str]], relation_file: dict[str, str], lang: str):
        self.organisations = organisations  # (id, name in `lang`)
        self.relation_file = relation_file  # registry -> list key in its file
        self.lang = lang  # the original's language: the names the widgets show

    def widget(self, registry: str, multiple: bool, extra: tuple[str, ...] = ()) -> dict:
        if registry == "organisations":
            options = [{"label": CHOICE_WORDS.get(v, v), "value": v} for v in extra]  # 'all', 'bloc' first
            options += [{"label": f"{name} ({key})", "value": key} for key, name in self.organisations]
            return {"widget": "select", "options": options, **({"multiple": True} if multiple else {})}
        key = self.relation_file[registry]
        return {
            "widget": "relation",
            "collection": "registries",
            "file": registry,
            "value_field": f"{key}.*.id",
            "search_fields": [f"{key}.*.name.{self.lang}", f"{key}.*.id"],
            "display_fields": [f"{key}.*.name.{self.lang}"],
            "options_length": 500,
            **({"multiple": True} if multiple else {}),
        }


def _unwrap(annotation: Any) -> tuple[Any, list, bool]:
    """(bare type, constraint metadata, optional?) of an annotation."""
    metadata: list = []
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            for item in extra:  # Field(ge=...) inside Annotated carries its constraints as metadata
                metadata += item.metadata if isinstance(item, FieldInfo) else [item]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            if len(args) != 1:
                return typing.Union[tuple(args)], metadata, optional  # noqa: UP007 (built from a tuple)
            annotation = args[0]
        else:
            return annotation, metadata, optional


def _constraint(metadata: list, name: str) -> Any:
    for item in metadata:
        value = getattr(item, name, None)
        if value is not None:
            return value
    return None


def _i18n(path: tuple[str, ...]) -> str | bool:
    if len(path) == 1 and path[0] in DUPLICATED:
        return "duplicate"
    if path in WORD_PATHS or any(path[: len(w)] == w for w in WORD_PATHS):
        return True
    # a container of words (event: place): the English file carries only those
    return any(w[: len(path)] == path for w in WORD_PATHS)


def _relax(fields: list[dict]) -> None:
    """Decap checks the required fields of an optional object even when it is left empty,
    so an empty `source:` would block saving: inside optional objects nothing is required
    by the form, and `bloc check` reports what the model requires of a filled one."""
    for field in fields:
        field["required"] = False
        if field.get("widget") == "object":
            _relax(field["fields"])


class FieldMapper:
    """Turns a model's fields into Decap fields; `i18n` says whether to mark each field."""

    def __init__(self, choices: Choices, i18n: bool, languages: tuple[str, ...] = ()):
        self.choices = choices
        self.i18n = i18n
        self.languages = languages  # a registry name has one field per language

    def fields(self, model: type[BaseModel], path: tuple[str, ...] = ()) -> list[dict]:
        out = []
        for name, info in model.model_fields.items():
            key = f"{model.__name__}.{name}"
            if key in NOT_IN_FORMS:
                continue
            out.append(self.field(model, name, info, (*path, name)))
        return out

    def field(self, model: type[BaseModel], name: str, info: FieldInfo, path: tuple[str, ...]) -> dict:
        key = f"{model.__name__}.{name}"
        label, hint = words(key)
        bare, metadata, optional = _unwrap(info.annotation)
        metadata = metadata + list(info.metadata)
        out: dict[str, Any] = {"label": label, "name": info.alias or name}  # as written in the file
        out.update(self.widget(key, bare, metadata, path))
        if hint:
            out["hint"] = hint
        if optional or not info.is_required():
            out["required"] = False
            default = FORM_DEFAULTS.get(key, info.default)
            # Not inside lists: Decap would start every new item with one list entry made of defaults.
            if isinstance(default, (str, bool, int)) and len(path) == 1:
                out["default"] = default
        if out.get("widget") == "object" and out.get("required") is False:
            _relax(out["fields"])
        if self.i18n:
            out["i18n"] = _i18n(path)
        if name == LANG_FIELD and len(path) == 1:
            out = {"label": label, "name": name, "widget": "bloc-lang", "hint": hint, "i18n": True}
        return out

    def widget(self, key: str, bare: Any, metadata: list, path: tuple[str, ...]) -> dict:
        if key in WIDGET_OVERRIDES:
            return dict(WIDGET_OVERRIDES[key])
        origin = get_origin(bare)
        if key in REFERENCES:
            multiple = origin is list
            extra: tuple[str, ...] = ()
            if origin in (Union, types.UnionType):  # an id or a literal ('bloc'); a literal or ids ('all')
                extra = tuple(v for a in get_args(bare) if get_origin(a) is Literal for v in get_args(a))
                multiple = any(get_origin(a) is list for a in get_args(bare))
            return self.choices.widget(REFERENCES[key], multiple, extra)
        if origin is list:
            item, item_meta, _ = _unwrap(get_args(bare)[0])
            out = {"widget": "list"}
            if isinstance(item, type) and issubclass(item, BaseModel):
                out["fields"] = self.fields(item, path)
                if item is Photo:
                    out["summary"] = "{{fields.file}}"
            elif get_origin(item) is Literal:
                return {**self._select(get_args(item)), "multiple": True}
            else:
                out["field"] = {"label": words(key)[0], "name": path[-1],
                                **self.widget(key + "[]", item, item_meta, path)}
            minimum = _constraint(metadata, "min_length")
            if minimum:
                out["min"] = minimum
            maximum = _constraint(metadata, "max_length")
            if maximum:
                out["max"] = maximum
            return out
        if origin is tuple and Ellipsis not in get_args(bare) and len(set(get_args(bare))) == 1:
            # a fixed number of values of one type (a photo's focal point x, y): a list of that length
            size = len(get_args(bare))
            return {"widget": "list", "min": size, "max": size,
                    "field": {"label": words(key)[0], "name": path[-1], **self.widget(key + "[]", get_args(bare)[0], [], path)}}
        if get_origin(bare) is Literal:
            return self._select(get_args(bare))
        in_languages = next((m for m in metadata if isinstance(m, InLanguages)), None)
        if in_languages is not None:  # name: {vi: ..., en: ...}, one field per language of the site
            item, item_meta, _ = _unwrap(get_args(bare)[1])
            return {"widget": "object", "collapsed": False,
                    "fields": [{"label": language_label(lang), "name": lang, "required": in_languages.every,
                                **self.widget(key + "[]", item, item_meta, (*path, lang))} for lang in self.languages]}
        if bare is PartialDate:
            return {"widget": "string", "pattern": [PARTIAL_DATE_PATTERN, "YYYY-MM-DD, YYYY-MM hoặc YYYY"]}
        if isinstance(bare, type) and issubclass(bare, BaseModel):
            return {"widget": "object", "collapsed": False, "fields": self.fields(bare, path)}
        if bare is dt.datetime:
            return {"widget": "datetime", "format": DATETIME_FORMAT, "date_format": "DD/MM/YYYY",
                    "time_format": "HH:mm"}
        if bare is bool:
            return {"widget": "boolean"}
        if bare is float:
            return {"widget": "number", "value_type": "float", "step": 0.05}
        if bare is int:
            out = {"widget": "number", "value_type": "int"}
            for source, target in (("ge", "min"), ("le", "max")):
                value = _constraint(metadata, source)
                if value is not None:
                    out[target] = value
            return out
        if bare is HttpUrl:
            return {"widget": "string", "pattern": [URL_PATTERN, "Địa chỉ bắt đầu bằng https://"]}
        if bare is str:
            pattern = _constraint(metadata, "pattern")
            maximum = _constraint(metadata, "max_length")
            out = {"widget": "text" if maximum and maximum > LONG_TEXT else "string"}
            if pattern:
                out["pattern"] = [pattern, "Chữ thường không dấu, số và dấu gạch nối (ví dụ: ky-ket-giao-uoc)"]
            return out
        raise TypeError(f"{key}: no CMS widget for {bare!r}; map it in bloc_cms.fields or list it in NOT_IN_FORMS")

    @staticmethod
    def _select(values: tuple) -> dict:
        return {"widget": "select", "options": [{"label": CHOICE_WORDS.get(v, v), "value": v} for v in values]}


def literal_or_list(model: type[BaseModel], path: tuple[str, ...] = ()) -> dict[str, list]:
    """Fields that hold either a literal or a list ("all", or a list of ids), dotted path ->
    the literals. The form shows them as a multiple choice, so admin/bloc-cms.js reads
    `all` as the one-item list ['all'] and writes that list back as `all`."""
    found: dict[str, list] = {}
    for name, info in model.model_fields.items():
        bare, _meta, _optional = _unwrap(info.annotation)
        here = (*path, name)
        if get_origin(bare) in (Union, types.UnionType):
            args = get_args(bare)
            if any(get_origin(a) is list for a in args):
                found[".".join(here)] = [v for a in args if get_origin(a) is Literal for v in get_args(a)]
        elif isinstance(bare, type) and issubclass(bare, BaseModel):
            found.update(literal_or_list(bare, here))
        elif get_origin(bare) is list:
            item = _unwrap(get_args(bare)[0])[0]
            if isinstance(item, type) and issubclass(item, BaseModel) and literal_or_list(item):
                raise TypeError(f"{model.__name__}.{name}: a literal-or-list field inside a list; teach bloc-cms.js lists")
    return found


def language_label(lang: str) -> str:
    """A language's name in the editor's language (Vietnamese), from Babel: 'Tiếng Anh'."""
    return Locale.parse("vi").languages.get(lang, lang)


def model_fields(model: type[BaseModel], choices: Choices, i18n: bool,
                 extra: Callable[[], list[dict]] | None = None, languages: tuple[str, ...] = ()) -> list[dict]:
    """The form of a model, with any fields that live outside it (the Markdown body)."""
    return FieldMapper(choices, i18n, languages).fields(model) + (extra() if extra else [])
