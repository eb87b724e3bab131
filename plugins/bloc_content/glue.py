"""Pelican signal glue for the content model: read, check across files, attach facts.

Other plugins report content problems with `report(diagnostics)`; the build fails once,
after everything has been checked, if any error was reported.
"""

from __future__ import annotations

import logging
from itertools import chain
from pathlib import Path

from .cachekeys import derived_key
from .cacheuse import mark_used
from .diagnostics import ContentError, Diagnostic
from .facts_view import involved_org_ids, present
from .plugin_settings import apply_all, declarations_of
from .reader import BlocReader
from .registries import Registry, load_registry
from .settings import SETTINGS
from .urls import url_for
from .visibility import build_time
from .written import forget as forget_written_pages

logger = logging.getLogger(__name__)

_state: dict = {"diagnostics": [], "registry": None, "items": []}
# What the reader reads of the settings (reader.py).
CONTENT_CACHE_SETTINGS = ("MARKDOWN", "BLOC_MARKDOWN_BY_LANG")


def report(diagnostics) -> None:
    """Record content problems found by any plugin; errors fail the build at the end."""
    _state["diagnostics"].extend(diagnostics)


def already_reported(path: str, line: int, field: str) -> bool:
    """True when a problem at this place was reported (a plugin's second look at it adds nothing)."""
    return any((d.path, d.line, d.field) == (path, line, field) for d in _state["diagnostics"])


def registry() -> Registry:
    return _state["registry"]


def items() -> list:
    return _state["items"]


def on_initialized(pelican) -> None:
    settings = pelican.settings
    # every plugin's settings at once (each plugin checks its own too, when used alone)
    apply_all(settings, [SETTINGS, *declarations_of(p for p in settings.get("PLUGINS", []) if p != "bloc_content")],
              settings.get("BLOC_ROOT"))
    _state["diagnostics"] = []
    _state["items"] = []
    forget_written_pages()  # a previous build in this process (devserver) may have left them
    root = Path(settings.get("BLOC_ROOT") or Path.cwd())
    data_dir = Path(settings.get("BLOC_DATA_PATH") or Path(settings["PATH"]) / "data")
    settings["CACHE_PATH"] = str(cache_folder(settings))
    mark_used(Path(settings["CACHE_PATH"]))
    reg, problems = load_registry(data_dir, root)
    _state["registry"] = reg
    report(problems)


def cache_folder(settings) -> Path:
    """Pelican's content cache, in a folder named after what the cached data (our reader's
    sanitised HTML and parsed items) depends on: the reader's code and every module of
    ours it imports (the HTML allowlist among them), the Markdown settings and the
    libraries' versions. A change to any of them starts a fresh cache instead of serving
    stale pages; the folders no build uses any more are pruned (cacheuse.py)."""
    key = derived_key(
        code=("bloc_content.reader",),
        settings={name: settings.get(name) for name in CONTENT_CACHE_SETTINGS},
        packages=("pelican", "markdown", "pydantic", "pyyaml", "nh3"),
    )
    return Path(settings["CACHE_PATH"]) / key


def add_reader(readers) -> None:
    for extension in BlocReader.file_extensions:
        readers.reader_classes[extension] = BlocReader


def every_article(generator) -> list:
    return list(chain(generator.articles, generator.translations, generator.drafts, generator.drafts_translations,
                      generator.hidden_articles, generator.hidden_translations))


def on_pretaxonomy(generator) -> None:
    """All files are read: run the site's rules once, then keep only what the site shows.

    Pelican sorted the articles by `status` when it read them (and a cached article keeps
    the status it had then, even once its embargo is over): sort them again from the
    model, at this build's time. Hidden files leave every list, so nothing of them is
    written; with BLOC_PREVIEW (the devserver) drafts and embargoed items are shown."""
    from bloc_rules.site import (  # imports the other plugins' rules
        SiteSettings,
        check_site,
        shown_paths,
    )
    from pelican.utils import order_content, process_translations

    settings = generator.settings
    every = every_article(generator)
    for article in every:
        article.bloc.source = article.source_path  # where it is now, also when read from the cache
    preview = bool(settings.get("BLOC_PREVIEW"))
    site = check_site([a.bloc for a in every], registry(), SiteSettings.from_settings(settings), build_time(), preview)
    report(site.diagnostics)
    shown = shown_paths(site.public)
    public = [a for a in every if a.bloc.path in shown]
    for article in public:
        article.status = "published"  # Pelican's URL patterns for published articles
        article.bloc_state = site.states.get(article.bloc.path)
    originals, translations = process_translations(public, translation_id=settings["ARTICLE_TRANSLATION_ID"])
    generator.articles = order_content(originals, settings["ARTICLE_ORDER_BY"])
    generator.translations = translations
    generator.drafts, generator.drafts_translations = [], []
    generator.hidden_articles, generator.hidden_translations = [], []
    _state["items"] = site.public
    generator.bloc_held_back = [site.states.get(path, "draft") for path in sorted(site.hidden - shown)]


def on_articles_finalized(generator) -> None:
    """Slugs are final: give each shown article its facts."""
    reg = registry()
    by_path = {}
    for entry in _state["items"]:
        for lang, file in entry.files.items():
            by_path[file.path] = (entry, lang)
    shown = list(chain(generator.articles, generator.translations))
    for article in shown:
        # Slugs are final now (bloc_indexes made them unique): keep each URL instead of
        # letting Pelican format it again on each of the thousands of reads that follow.
        article.override_url = article.url
    for article in shown:
        entry, lang = by_path[article.bloc.path]
        original = entry.original.model
        article.item = entry
        article.original = original
        article.is_original = entry.original.path == article.bloc.path
        article.facts = present(original, article.bloc.model, reg, lang)
        article.org_ids = involved_org_ids(original, reg)
        article.alternates = alternates(article, generator.settings)
    # No failing here yet: every shown article is valid, so the photos and the other
    # plugins still run and report their problems too; bloc_indexes fails the build once,
    # before anything is written.


def alternates(article, settings) -> dict[str, str]:
    """The same item in each other language: its translation, or the page saying there is none yet."""
    versions = {t.lang: t.url for t in getattr(article, "translations", [])}
    out = {}
    for lang in settings["BLOC_LANGS"]:
        if lang == article.lang:
            continue
        out[lang] = versions.get(lang) or url_for(settings["BLOC_URLS"], "untranslated", lang, key=article.translation_key)
    return out


def fail_on_errors() -> None:
    errors = [d for d in _state["diagnostics"] if isinstance(d, Diagnostic) and d.severity == "error"]
    if errors:
        raise ContentError(_state["diagnostics"])


def on_finalized(pelican) -> None:
    fail_on_errors()
    for warning in sorted({d for d in _state["diagnostics"] if d.severity == "warning"}):
        # the diagnostic rides along: `bloc build` prints it in the person's language
        logger.warning(warning.render(), extra={"diagnostic": warning})


def install_globals(generator) -> None:
    """Template helpers: `url_for(kind, lang, **params)` from the one URL table."""
    urls = generator.settings["BLOC_URLS"]
    generator.env.globals["url_for"] = lambda kind, lang, **params: url_for(urls, kind, lang, **params)
    generator.env.globals["bloc_registry"] = registry


def connect(signals) -> None:
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(install_globals)
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(on_pretaxonomy)
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.finalized.connect(on_finalized)
