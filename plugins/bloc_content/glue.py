"""Pelican signal glue for the content model: read, check across files, attach facts.

The build's state (`build_state.py`) is made here when Pelican starts; other plugins report
content problems with `build_state(settings).report(diagnostics)`; the build fails once,
after everything has been checked, if any error was reported.
"""

from __future__ import annotations

import logging
import os
from itertools import chain
from pathlib import Path

from markupsafe import Markup
from pelican.generators import ArticlesGenerator

from .article_view import ArticleView, attach_view
from .build_state import STATE_KEY, BuildState, build_state
from .cachekeys import derived_key
from .cacheuse import mark_used
from .diagnostics import Diagnostic
from .facts_view import involved_org_ids, present
from .forked import workers
from .languages import languages_of, table_problems
from .plugin_settings import apply_all, declarations_of
from .reader import BlocReader
from .registries import data_folder, load_registry
from .settings import SETTINGS
from .urls import save_as, url_for
from .visibility import build_time, next_change

logger = logging.getLogger(__name__)

# What the reader reads of the settings (reader.py).
CONTENT_CACHE_SETTINGS = ("MARKDOWN", "BLOC_MARKDOWN_BY_LANG", "BLOC_LANGS", "DEFAULT_LANG")


def on_initialized(pelican) -> None:
    """A new build: its own state, in the settings (and so in every generator's context)."""
    settings = pelican.settings
    # every plugin's settings at once (each plugin checks its own too, when used alone)
    apply_all(settings, [SETTINGS, *declarations_of(p for p in settings.get("PLUGINS", []) if p != "bloc_content")],
              settings.get("BLOC_ROOT"))
    state = settings[STATE_KEY] = BuildState(settings)  # the settings checked, their defaults filled in
    root = Path(settings.get("BLOC_ROOT") or Path.cwd())
    data_dir = data_folder(settings)
    settings["CACHE_PATH"] = str(cache_folder(settings))
    mark_used(Path(settings["CACHE_PATH"]))
    table = table_problems(settings)
    state.report([Diagnostic(settings.get("BLOC_SETTINGS_FILE") or "pelicanconf.py", 0, "", problem) for problem in table])
    state.registry, problems = load_registry(data_dir, root, None if table else languages_of(settings))
    state.report(problems)


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


def on_articles_init(generator) -> None:
    """Read the files Pelican's cache cannot answer on every core, before Pelican reads them
    one by one (preread.py); BLOC_WORKERS = 1 reads them all in this process."""
    processes = workers(generator.settings)
    if processes <= 1:
        return
    settings = generator.settings
    todo: dict[BlocReader, list[str]] = {}
    for relative in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]):
        reader = generator.readers.readers.get(os.path.splitext(relative)[1][1:])
        if not isinstance(reader, BlocReader) or generator.get_cached_data(relative, None) is not None:
            continue
        path = os.path.abspath(os.path.join(generator.path, relative))  # as Readers.read_file names it
        if generator.readers.get_cached_data(path, (None, None))[0] is None:
            todo.setdefault(reader, []).append(path)
    for reader, paths in todo.items():
        reader.prepare(paths, processes)
        logger.info("bloc_content: %d files read ahead in %d processes", len(reader.prepared), processes)


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
    state = build_state(settings)
    every = every_article(generator)
    for article in every:
        article.bloc.source = article.source_path  # where it is now, also when read from the cache
        set_article_url(article, settings["BLOC_URLS"])
    preview = bool(settings.get("BLOC_PREVIEW"))
    now = build_time()
    site = check_site([a.bloc for a in every], state.registry, SiteSettings.from_settings(settings), now, preview)
    state.next_change = next_change((a.bloc.model for a in every), now)
    state.report(site.diagnostics)
    shown = shown_paths(site.public)
    public = [a for a in every if a.bloc.path in shown]
    for article in public:
        article.status = "published"  # Pelican's URL patterns for published articles
    originals, translations = process_translations(public, translation_id=settings["ARTICLE_TRANSLATION_ID"])
    generator.articles = order_content(originals, settings["ARTICLE_ORDER_BY"])
    generator.translations = translations
    generator.drafts, generator.drafts_translations = [], []
    generator.hidden_articles, generator.hidden_translations = [], []
    state.items = site.public
    state.visibility = dict(site.states)
    state.held_back = [site.states.get(path, "draft") for path in sorted(site.hidden - shown)]


def set_article_url(article, urls: dict) -> None:
    """The article's URL from its own language's pattern: Pelican's ARTICLE_LANG_URL would
    give every language but the default one the same pattern."""
    if article.lang not in urls:
        return  # a language the site does not have: reported with the file
    slug = article.metadata.get("slug", article.slug)  # the reader's, also from the content cache
    url = urls[article.lang]["article"].format(**{**article.url_format, "slug": slug})
    article.override_url, article.override_save_as = url, save_as(url)


def on_articles_finalized(generator) -> None:
    """Slugs are final: give each shown article its view (its facts, in its language)."""
    state = build_state(generator.settings)
    reg = state.registry
    by_path = {}
    for entry in state.items:
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
        attach_view(article, ArticleView(
            item=entry,
            is_original=entry.original.path == article.bloc.path,
            state=state.visibility.get(article.bloc.path, "published"),
            facts=present(original, article.bloc.model, reg, lang),
            org_ids=involved_org_ids(original, reg),
            alternates=alternates(article, generator.settings),
            # Pelican's public `content` (links resolved); bloc_photos places the photos in it.
            body=Markup(article.content),
        ))
    # No failing here yet: every shown article is valid, so the photos and the other
    # plugins still run and report their problems too; bloc_indexes fails the build once,
    # before anything is written.


def on_generators_finalized(generators) -> None:
    """Every file was checked, Pelican's cache is saved (with the line tables) and every
    generator has its context (bloc_indexes' records name the lines of the facts they
    gather): the tables go before the pages are written. A problem found later (a photo,
    a social card) finds its line again from the text."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            for article in every_article(generator):
                if article.bloc.front is not None:
                    article.bloc.front.forget_lines()


def alternates(article, settings) -> dict[str, str]:
    """The same item in each other language: its translation, or the page saying there is none yet."""
    versions = {t.lang: t.url for t in getattr(article, "translations", [])}
    out = {}
    for lang in languages_of(settings).codes:
        if lang == article.lang:
            continue
        out[lang] = versions.get(lang) or url_for(settings["BLOC_URLS"], "untranslated", lang, key=article.translation_key)
    return out


def on_finalized(pelican) -> None:
    state = build_state(pelican.settings)
    state.fail_on_errors()
    for warning in sorted({d for d in state.diagnostics if d.severity == "warning"}):
        # the diagnostic rides along: `bloc build` prints it in the person's language
        logger.warning(warning.render(), extra={"diagnostic": warning})


def install_globals(generator) -> None:
    """Template helpers: `url_for(kind, lang, **params)` from the one URL table."""
    urls = generator.settings["BLOC_URLS"]
    state = build_state(generator.settings)
    generator.env.globals["url_for"] = lambda kind, lang, **params: url_for(urls, kind, lang, **params)
    generator.env.globals["bloc_registry"] = lambda: state.registry


def connect(signals) -> None:
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(install_globals)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(on_articles_init)
    signals.article_generator_pretaxonomy.connect(on_pretaxonomy)
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.all_generators_finalized.connect(on_generators_finalized)
    signals.finalized.connect(on_finalized)
