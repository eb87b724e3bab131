"""Pelican glue: refuse unsafe content trees and slugs, write the security headers."""

from __future__ import annotations

import logging
from itertools import chain
from pathlib import Path

from bloc_content.build_state import build_state
from bloc_content.diagnostics import ContentError
from bloc_content.plugin_settings import apply

from .headers import (
    HeaderSettings,
    InlineCode,
    content_security_policy,
    headers_file,
    insert_meta_csp,
    render_policy,
    security_headers,
)
from .locate import locate
from .scans import ScanCache
from .settings import SETTINGS
from .trust import scan_tree

log = logging.getLogger(__name__)


def initialized(pelican) -> None:
    settings = pelican.settings
    apply(settings, SETTINGS, settings.get("BLOC_ROOT"))
    if settings["BLOC_SAFETY_SCAN_CONTENT"]:
        root = Path(settings.get("BLOC_ROOT") or Path.cwd())
        problems = scan_tree(Path(settings["PATH"]), root)
        if problems:
            # Stop before Pelican walks the tree: a loop or a FIFO would hang the reader.
            raise ContentError(problems)


def articles_finalized(generator) -> None:
    """Which source file and text each page comes from, so that the scans of written pages
    can name the source file and line."""
    every = list(chain(generator.articles, generator.translations, generator.drafts, generator.drafts_translations))
    build_state(generator.settings).written.remember_sources({article.save_as: (article.bloc.path, article.bloc.front.text) for article in every
                      if getattr(article, "bloc", None) is not None and article.bloc.ok})


def finalized(pelican) -> None:
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    written = build_state(settings).written
    pages = written.written_pages(output)
    inline = InlineCode()
    scans = ScanCache(Path(settings["CACHE_PATH"]) / "bloc_safety" / "scans.pickle.gz"
                      if settings.get("CACHE_CONTENT") else None)
    for page in pages:  # one page in memory at a time
        text = written.read_page(page)
        inline.merge(scans.scan(text, page.relative_to(output).as_posix(), written.page_digest(page)))
    scans.save()
    for problem in inline.problems:
        page = problem.split(": ", 1)[0]
        diagnostic = locate(problem, page, written.source_of(page))
        # the diagnostic rides along: `bloc build` prints it in the person's language
        log.error("bloc_safety: %s", diagnostic.render(), extra={"diagnostic": diagnostic})
    header_settings = HeaderSettings(
        hsts=settings["BLOC_SAFETY_HSTS"],
        referrer_policy=settings["BLOC_SAFETY_REFERRER_POLICY"],
        permissions_policy=settings["BLOC_SAFETY_PERMISSIONS_POLICY"],
        frame_src=tuple(settings["BLOC_SAFETY_FRAME_SRC"]),
        csp_extra=tuple((k, tuple(v)) for k, v in sorted(settings["BLOC_SAFETY_CSP_EXTRA"].items())),
    )
    if settings["BLOC_SAFETY_HEADERS_FILE"]:
        text = headers_file(security_headers(inline, header_settings))
        (output / settings["BLOC_SAFETY_HEADERS_FILE"]).write_text(text, encoding="utf-8")
    if settings["BLOC_SAFETY_META_CSP"]:
        policy = render_policy(content_security_policy(inline, header_settings), for_meta=True)
        for page in pages:
            html = insert_meta_csp(written.read_page(page), policy)
            if html is None:
                log.error("bloc_safety: %s has no <meta charset=\"utf-8\"> to put the CSP after",
                          page.relative_to(output).as_posix())
                continue
            written.rewritten(page, html)


def connect(signals) -> None:
    signals.initialized.connect(initialized)
    signals.article_generator_finalized.connect(articles_finalized)
    signals.finalized.connect(finalized)
