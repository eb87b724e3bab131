"""Pelican reader for news items: our front matter, our validation, Markdown body."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import ClassVar

from bloc_safety.sanitize import sanitize_html
from markdown import Markdown
from pelican.readers import MarkdownReader

from .body_limits import BodyLimits
from .extensions import MARKDOWN_EXTENSIONS
from .languages import languages_of
from .preread import preread
from .removals import escape_stray_angles
from .slugs import slugify
from .validate import ParsedItem, parse_item


def display_path(source_path: str, settings: dict) -> str:
    root = Path(settings.get("BLOC_ROOT") or Path.cwd()).resolve()
    try:
        return str(Path(source_path).resolve().relative_to(root))
    except ValueError:
        return str(source_path)


class BlocReader(MarkdownReader):
    """Reads `*.md` items. A file with errors still yields a (draft) article carrying its
    diagnostics, so that the build reports every error at once and fails."""

    enabled = True
    file_extensions: ClassVar[list[str]] = list(MARKDOWN_EXTENSIONS)

    def __init__(self, settings):
        super().__init__(settings)
        # One Markdown instance per language, reset per file (Pelican builds one per file).
        # Words that Markdown writes itself (the footnote back-link title) follow the page.
        # Built on first use: Pelican makes a reader per generator, and a build served from
        # the content cache reads no file at all.
        self._configs = {}
        for lang, overrides in settings.get("BLOC_MARKDOWN_BY_LANG", {}).items():
            config = {**settings["MARKDOWN"]}
            config["extension_configs"] = {name: {**options, **overrides.get(name, {})}
                                           for name, options in settings["MARKDOWN"]["extension_configs"].items()}
            self._configs[lang] = config
        self._default_config = {**settings["MARKDOWN"]}
        self._markdown = {}
        self.prepared: dict = {}  # {path: preread.Prepared}: files read ahead by worker processes

    def prepare(self, paths: list[str], processes: int) -> None:
        """Read `paths` ahead in `processes` worker processes (preread.py)."""
        self.prepared = preread(self.read, paths, processes)

    def _markdown_for(self, lang: str) -> Markdown:
        if lang not in self._markdown:
            self._markdown[lang] = Markdown(**self._configs.get(lang, self._default_config))
        return self._markdown[lang]

    def read(self, source_path):
        prepared = self.prepared.pop(source_path, None)
        if prepared is not None:
            return prepared.replay()
        raw = Path(source_path).read_bytes()
        parsed = parse_item(raw, display_path(source_path, self.settings), None,
                            limits=BodyLimits.from_settings(self.settings), languages=languages_of(self.settings))
        parsed.source = str(source_path)
        if not parsed.ok:
            return "", _invalid_metadata(parsed, raw, languages_of(self.settings).original)
        model = parsed.model
        markdown = self._markdown_for(model.lang)
        markdown.reset()
        # Content is untrusted: the rendered body goes through the HTML allowlist.
        # Text that only looks like a tag ('a<b và c>d') is escaped first, so it reads as written.
        body = sanitize_html(markdown.convert(escape_stray_angles(parsed.front.body)))
        metadata = {
            "title": model.title,
            "slug": model.slug or slugify(model.title),
            "lang": model.lang,
            "translation_key": model.translation_key,
            "date": model.published,
            "status": model.status,
            "summary": model.summary,  # plain text: the templates escape it
            "bloc": parsed,
            "content_hash": hashlib.sha256(raw).hexdigest(),
        }
        if model.updated:
            metadata["modified"] = model.updated
        return body, metadata


def _invalid_metadata(parsed: ParsedItem, raw: bytes, lang: str) -> dict:
    # A placeholder that Pelican accepts and never writes (drafts are not written);
    # the glue turns its diagnostics into a failed build.
    digest = hashlib.sha256(raw + parsed.path.encode()).hexdigest()[:16]
    return {
        "title": parsed.path,
        "slug": f"invalid-{digest}",
        "translation_key": f"invalid-{digest}",
        "lang": lang,
        "status": "draft",
        "bloc": parsed,
    }
