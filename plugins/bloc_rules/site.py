"""The site's rules over the parsed corpus: per file, per item, across items, and the files
next to the items (photos), without rendering anything."""

from __future__ import annotations

import datetime as dt
import runpy
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from bloc_content.corpus import CorpusCheck, check_corpus
from bloc_content.diagnostics import Diagnostic
from bloc_content.freshness import stale_translations
from bloc_content.languages import DEFAULT_SETTINGS, Languages, languages_of
from bloc_content.model import TranslationFile
from bloc_content.pairing import Item
from bloc_content.registries import Registry, data_folder
from bloc_content.slugs import slugify
from bloc_content.urls import url_for
from bloc_content.validate import ParsedItem, safe_relative
from bloc_content.visibility import demote
from bloc_indexes.consistency import check_all, where_in_registry
from bloc_indexes.published import RECORD_NAME, UrlClaim, check_claims, read_record
from bloc_photos.errors import PhotoError
from bloc_photos.markers import source_markers, unknown_marker
from bloc_photos.process import read_photo, verify
from bloc_photos.resolve import resolve
from bloc_photos.settings import PhotoSettings
from bloc_safety.trust import check_slug, reserved_slugs


@dataclass(frozen=True)
class SiteSettings:
    """What the rules need from the site's settings."""

    content_root: Path
    bloc_yaml: Path
    urls: Mapping
    url_record: Path | None = None  # the record of published URLs (content/data/urls.yaml)
    reserved_slugs: frozenset[str] = frozenset()  # trust.reserved_slugs of the URLs and BLOC_SAFETY_RESERVED_SLUGS
    max_pixels: int = PhotoSettings.max_pixels
    max_bytes: int = PhotoSettings.max_bytes
    languages: Languages = field(default_factory=lambda: languages_of(DEFAULT_SETTINGS))

    @classmethod
    def from_settings(cls, settings: Mapping) -> SiteSettings:
        content = Path(settings["PATH"])
        data = data_folder(settings)
        reserved = reserved_slugs(settings["BLOC_URLS"], settings.get("BLOC_SITE_URLS") or {},
                                  settings.get("BLOC_SAFETY_RESERVED_SLUGS") or ())
        return cls(content, data / "bloc.yaml", settings["BLOC_URLS"], data / RECORD_NAME, reserved,
                   int(settings.get("BLOC_PHOTOS_MAX_PIXELS") or PhotoSettings.max_pixels),
                   int(settings.get("BLOC_PHOTOS_MAX_BYTES") or PhotoSettings.max_bytes),
                   languages_of(settings))

    @classmethod
    def from_site(cls, root: Path, settings_file: str = "pelicanconf.py", content: Path | None = None) -> SiteSettings:
        """From the site's settings file, read without starting Pelican."""
        values = runpy.run_path(str(root / settings_file))
        values["PATH"] = str(content or root / values.get("PATH", "content"))
        values.pop("BLOC_DATA_PATH", None) if content else None
        return cls.from_settings(values)


def check_site(parsed: list[ParsedItem], registry: Registry, settings: SiteSettings, now: dt.datetime,
               preview: bool = False) -> CorpusCheck:
    """Every diagnostic the build reports for this content at `now`, and what the site shows."""
    corpus = check_corpus(parsed, registry, now, preview, settings.languages)
    where = where_in_registry(settings.bloc_yaml, registry.paths.get("bloc", "bloc.yaml"))
    problems = [
        *corpus.diagnostics,
        *slug_rules([p for p in parsed if p.ok], settings.reserved_slugs),
        *photo_rules(_originals(parsed, corpus.items), settings),
        *marker_rules(corpus.items),
        *check_all(corpus.public, registry, where),
        # a draft that contradicts the published record is told so, without failing the site
        *(d for d in check_all(corpus.items, registry, where) if d.path in corpus.hidden),
        *url_rules(corpus.public, settings, registry.paths.get("bloc", "bloc.yaml")),
    ]
    # Translations behind their original, drafts' too (warnings); not while the original
    # has errors of its own: its hash is not final yet.
    errors = {d.path for d in problems if d.severity == "error"}
    problems += stale_translations([item for item in corpus.items if item.original.path not in errors])
    return replace(corpus, diagnostics=sorted(set(demote(problems, corpus.hidden))))


def slug_rules(valid: list[ParsedItem], reserved: frozenset[str]) -> list[Diagnostic]:
    problems = []
    for item in valid:
        field = "slug" if item.model.slug else "title"
        problems.extend(check_slug(item.model.slug or slugify(item.model.title), item.path, item.line(field),
                                   field, reserved))
    return problems


def _originals(parsed: list[ParsedItem], items: list[Item]) -> list[ParsedItem]:
    """The originals of the items, and files that read as an original but failed a rule
    (their photos are checked too: every error at once)."""
    paired = [item.original for item in items]
    known = {p.path for p in paired}
    return paired + [p for p in parsed if p.model is not None and p.path not in known
                     and not isinstance(p.model, TranslationFile)]


def photo_rules(originals: list[ParsedItem], settings: SiteSettings) -> list[Diagnostic]:
    """Each photo of an original exists in its folder and is an image Pillow can open."""
    problems = []
    for original in originals:
        if not original.source:
            continue
        folder = Path(original.source).parent
        for i, photo in enumerate(original.model.photos or []):
            if not safe_relative(photo.file):
                continue  # validate already reports it
            try:
                path = resolve(folder, settings.content_root, photo.file)
                verify(read_photo(path, settings.max_bytes), settings.max_pixels)
            except PhotoError as exc:
                problems.append(exc.diagnostic(original.path, original.line("photos", i, "file"), i))
    return problems


def marker_rules(items: list[Item]) -> list[Diagnostic]:
    """`[[photo:x]]` in a body must name a photo of the item."""
    problems = []
    for item in items:
        files = [photo.file for photo in item.original.model.photos or []]
        for file in item.files.values():
            problems.extend(unknown_marker(file, name, files) for name in source_markers(file.front.body)
                            if name not in files)
    return problems


def url_rules(items: list[Item], settings: SiteSettings, bloc_shown: str) -> list[Diagnostic]:
    """URLs two items would share, or that another item already published (bloc_indexes.published)."""
    record, problems = read_record(settings.url_record, bloc_shown.replace("bloc.yaml", RECORD_NAME)) \
        if settings.url_record else ({}, [])
    claims = []
    for item in items:
        key = item.original.model.translation_key
        for lang, file in item.files.items():
            model = file.model
            line = file.line("slug") if "slug" in file.front.data else file.line("title")
            url = url_for(settings.urls, "article", lang, date=model.published, slug=model.slug or slugify(model.title))
            claims.append(UrlClaim(file.path, line, key, lang, url))
    return [*problems, *check_claims(claims, record)]


def shown_paths(items: list[Item]) -> set[str]:
    return {file.path for item in items for file in item.files.values()}


__all__ = ["SiteSettings", "check_site", "shown_paths"]
