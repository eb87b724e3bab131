"""Cross-file rules for news items: pairing the language files of an item.

An item is the group of files sharing a translation_key. The file in the original
language (DEFAULT_LANG, languages.py) is the original when there is one. Facts are stated once, in the original; a translation may
repeat a fact only if it agrees, and must give its own words where the original has
words (place, motto, alt text and captions).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from .diagnostics import Diagnostic, Text, t
from .frontmatter import dotted
from .languages import DEFAULT_SETTINGS, Languages, languages_of
from .model import PHOTO_WORD_FIELDS, WORD_FIELDS, ItemFile
from .registries import Registry
from .validate import ParsedItem, check_file_name, check_references, validate_front


@dataclass
class Item:
    key: str
    original: ParsedItem
    translations: dict[str, ParsedItem] = field(default_factory=dict)

    @property
    def files(self) -> dict[str, ParsedItem]:
        return {self.original.model.lang: self.original, **self.translations}


def pair_items(parsed: list[ParsedItem], registry: Registry, broken: list[ParsedItem] = (),
               languages: Languages | None = None) -> tuple[list[Item], list[Diagnostic]]:
    """Group valid files into items and check the pair rules. Returns items and problems.

    `broken` are files that failed on their own: a translation whose original is broken
    waits for the original to be fixed instead of being taken for an original itself."""
    problems: list[Diagnostic] = []
    original_lang = (languages or languages_of(DEFAULT_SETTINGS)).original
    waiting = {_folder(p.path) for p in broken if p.path.endswith(f".{original_lang}.md")}
    waiting |= {p.front.data.get("translation_key") for p in broken
                if p.front is not None and isinstance(p.front.data, dict)
                and isinstance(p.front.data.get("translation_key"), str)}
    groups: dict[str, dict[str, ParsedItem]] = defaultdict(dict)
    for item in sorted(parsed, key=lambda p: p.path):
        if item.model is None:
            continue
        by_lang = groups[item.model.translation_key]
        lang = item.model.lang
        if lang in by_lang:
            first = by_lang[lang]
            problems.append(Diagnostic(item.path, item.line("translation_key"), "translation_key",
                                       t("'{key}' is already used by the {lang} file {path}", key=item.model.translation_key, lang=lang, path=first.path),
                                       t("each item has one file per language; give this item its own translation_key")))
            continue
        by_lang[lang] = item
    items = []
    for key, by_lang in sorted(groups.items()):
        original = by_lang.get(original_lang) or next(iter(by_lang.values()))
        if original.model.lang != original_lang and (key in waiting or _folder(original.path) in waiting):
            continue
        if original.model.lang != original_lang:
            original = _revalidate_as_original(original, registry, languages or languages_of(DEFAULT_SETTINGS))
            problems.extend(d for d in original.diagnostics if d.severity == "error")
            if original.model is None:
                continue
        item = Item(key, original, {lang: p for lang, p in by_lang.items() if p is not original})
        for translation in item.translations.values():
            problems.extend(compare(original, translation))
        items.append(item)
    return items, problems


def untranslated(items: list[Item], files: list[ParsedItem], languages: Languages | None = None) -> list[Diagnostic]:
    """A notice (not a failure) on each published original with no file at all in a language
    it is translated into; `files` are all the files read, so that a translation that failed
    to load still counts."""
    languages = languages or languages_of(DEFAULT_SETTINGS)
    return [problem for lang in languages.translations
            for folders in [{_folder(p.path) for p in files if p.path.endswith(f".{lang}.md")}]
            for item in items for problem in _untranslated(item, lang, folders, languages.original)]


def _untranslated(item: Item, lang: str, translated_folders: set[str], original_lang: str) -> list[Diagnostic]:
    original = item.original
    if original.model.lang != original_lang or original.model.status != "published" or lang in item.translations \
            or _folder(original.path) in translated_folders:
        return []
    suffix = f".{original_lang}.md"
    expected = original.path[: -len(suffix)] + f".{lang}.md" if original.path.endswith(suffix) else f"index.{lang}.md"
    # the language's English name, which the message catalogues translate (Babel has them all)
    language = Text(Locale.parse("en").languages.get(lang, lang))
    return [Diagnostic(original.path, original.line("status"), "",
                       t("published, but there is no {language} file {path} yet", language=language, path=expected),
                       t("readers of the {language} site see 'not yet translated' until then; make new creates both files",
                         language=language),
                       severity="warning")]


def _folder(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _revalidate_as_original(parsed: ParsedItem, registry: Registry, languages: Languages) -> ParsedItem:
    """An English file with no Vietnamese original is itself the original: facts required."""
    problems: list[Diagnostic] = []
    model = validate_front(parsed.front, parsed.path, ItemFile, problems, languages)
    if model is not None:
        problems.extend(check_references(model, parsed.front, parsed.path, registry))
        problems.extend(check_file_name(model, parsed.front, parsed.path))
    return ParsedItem(parsed.path, parsed.front, model, problems)


def compare(original: ParsedItem, translation: ParsedItem) -> list[Diagnostic]:
    """A translation must not contradict the original, and must carry its own words."""
    problems: list[Diagnostic] = []
    facts = _facts(original.model.model_dump(mode="json"))
    # Which facts the translation states: those it set; their values with defaults filled in.
    restated = _facts(translation.model.model_dump(mode="json", exclude_unset=True, exclude_none=True))
    full = _facts(translation.model.model_dump(mode="json"))
    for loc, _ in _leaves(restated):
        for at, expected, value, as_counts in _differences(_get(facts, loc), _get(full, loc), loc):
            where = f"{original.path}:{original.line(*_in_file(at))}"
            if as_counts:
                message = t("contradicts the original: {where} has {expected} entries, this file has {value}",
                            where=where, expected=len(expected), value=len(value))
            else:
                message = t("contradicts the original: {where} says {expected}, this file says {value}",
                            where=where, expected=_show(expected), value=_show(value))
            problems.append(Diagnostic(
                translation.path, translation.line(*_in_file(at)), dotted(_in_file(at)), message,
                t("facts are stated once, in the original; delete this line or make it agree")))
    problems.extend(_missing_words(original, translation))
    return problems


def _missing_words(original: ParsedItem, translation: ParsedItem) -> list[Diagnostic]:
    problems = []
    o, tr = original.model, translation.model
    lang = tr.lang
    if o.event and o.event.place and not (tr.event and tr.event.place):
        problems.append(Diagnostic(translation.path, translation.line("event"), "event.place",
                                   t("the original names the place; this {lang} file must too", lang=lang), t("add event: place: ...")))
    if o.covenant and o.covenant.motto and not (tr.covenant and tr.covenant.motto):
        problems.append(Diagnostic(translation.path, translation.line("covenant"), "covenant.motto",
                                   t("the original gives the covenant motto; this {lang} file must give it in its language", lang=lang),
                                   t("add covenant: motto: ...")))
    by_file = {p.file: (i, p) for i, p in enumerate(tr.photos or [])}
    for photo in o.photos:
        if photo.decorative:
            continue
        if photo.file not in by_file:
            problems.append(Diagnostic(translation.path, translation.line("photos"), "photos",
                                       t("photo '{file}' has no alt text in this {lang} file", file=photo.file, lang=lang),
                                       t("add - file: {file} with alt: (and caption: if the original has one)", file=photo.file)))
            continue
        i, local = by_file[photo.file]
        if photo.caption and not local.caption:
            problems.append(Diagnostic(translation.path, translation.line("photos", i), f"photos[{i}].caption",
                                       t("the original has a caption for '{file}'; this file must too", file=photo.file)))
    known = {p.file for p in o.photos}
    for file, (i, _) in by_file.items():
        if file not in known:
            problems.append(Diagnostic(translation.path, translation.line("photos", i, "file"), f"photos[{i}].file",
                                       t("'{file}' is not a photo of the original {path}", file=file, path=original.path),
                                       t("photos are declared in the original; check the file name")))
    return problems


def _facts(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the words from a dumped model, keeping only facts."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if (key,) in WORD_FIELDS:
            continue
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if (key, k) not in WORD_FIELDS}
        out[key] = value
    # photos are matched by file: compare only their facts (credit, focal, decorative, lead)
    if "photos" in out:
        out["photos"] = {p["file"]: {k: v for k, v in p.items() if k not in PHOTO_WORD_FIELDS and k != "file"}
                         for p in out["photos"]}
    return out


def _leaves(data: Any, loc: tuple = ()):
    """The restated values to compare: whole lists, scalars, and mappings walked into."""
    if isinstance(data, dict) and data:
        for key, value in data.items():
            yield from _leaves(value, (*loc, key))
    elif data != {}:
        yield loc, data


def _differences(expected: Any, value: Any, loc: tuple):
    """(loc, expected, value, as_counts) of each differing field: lists of records are compared
    record by record and field by field, so a message names `awards[1].status`, not two lists."""
    if expected == value:
        return
    records = isinstance(expected, list) and isinstance(value, list) and \
        any(isinstance(v, dict) for v in [*expected, *value])
    if isinstance(expected, dict) and isinstance(value, dict):
        for key in [*expected, *(k for k in value if k not in expected)]:
            yield from _differences(expected.get(key), value.get(key), (*loc, key))
    elif records and len(expected) == len(value):
        for index, (one, other) in enumerate(zip(expected, value, strict=True)):
            yield from _differences(one, other, (*loc, index))
    else:
        yield loc, expected, value, records


def _in_file(loc: tuple) -> tuple:
    """Photos are compared by file name; in the file they are a list."""
    return loc[:1] if loc[:1] == ("photos",) else loc


def _get(data: Any, loc: tuple) -> Any:
    for part in loc:
        if isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _show(value: Any) -> str:
    if value is None:
        return t("nothing")
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return repr(value) if isinstance(value, str) else str(value)
