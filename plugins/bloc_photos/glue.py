"""Pelican glue: process every article's photos once all articles are read, publish them,
and give each article its figures (README.md lists the template variables)."""

from __future__ import annotations

import logging
from pathlib import Path

from bloc_content.article_view import view_of
from bloc_content.build_state import build_state
from bloc_content.diagnostics import Diagnostic
from bloc_content.plugin_settings import apply
from markupsafe import Markup

from . import pipeline
from .errors import PhotoError
from .figures import Processed, article_photos, place_in_body
from .markers import unknown_marker
from .resolve import resolve
from .settings import SETTINGS, from_settings

logger = logging.getLogger(__name__)


def on_articles_finalized(generator) -> None:
    state = build_state(generator.settings)
    settings = from_settings(generator.settings)
    root = Path(generator.settings.get("BLOC_ROOT") or Path.cwd())
    content_root = Path(generator.settings["PATH"])
    out_dir = Path(generator.settings["OUTPUT_PATH"]) / settings.url
    base = f"{generator.settings.get('SITEURL', '').rstrip('/')}/{settings.url}/"
    articles = [a for a in [*generator.articles, *generator.translations] if view_of(a) is not None]
    items = {id(a.view.item): a.view.item for a in articles}.values()

    jobs, where = [], []  # where: (item, index of the photo)
    problems: list[Diagnostic] = []
    for item in items:
        folder = Path(_source(articles, item)).parent
        for i, photo in enumerate(item.original.model.photos):
            try:
                jobs.append(pipeline.Job(resolve(folder, content_root, photo.file), photo.focal))
                where.append((item, i))
            except PhotoError as exc:
                problems.append(_diagnostic(exc, item, i))
    processed: dict[int, dict[str, Processed]] = {}
    build = generator.settings.get("BLOC_BUILD")  # `bloc build`'s progress bars and counts; None under plain Pelican
    task = build.task("photos", total=len(jobs)) if build is not None and jobs else None
    outcomes = pipeline.run(jobs, settings, settings.cache_dir(root), progress=task.advance if task else None)
    for (item, i), outcome in zip(where, outcomes, strict=True):
        if outcome.error:
            found = _diagnostic(outcome.error, item, i)
            if not state.already_reported(found.path, found.line, found.field):  # the site's rules saw it first
                problems.append(found)
            continue
        names = pipeline.publish(outcome, out_dir)
        urls = {cached: base + name for cached, name in names.items()}
        processed.setdefault(id(item), {})[item.original.model.photos[i].file] = Processed(outcome.manifest, urls)

    for article in articles:
        view = article.view
        photos = view.original.photos
        words = {p.file: p for p in article.bloc.model.photos or []}
        result = article_photos(photos, words, processed.get(id(view.item), {}),
                                credit_label=settings.credit_label(article.lang), sizes=settings.sizes)
        body, lead, gallery, unknown = place_in_body(view.body, result, [p.file for p in photos])
        view.body = Markup(body)  # the body as shown; Pelican's own content is left as read
        view.photo_figures = result.figures
        view.lead_photo = lead
        view.photo_gallery = gallery
        view.social_image = result.social_image
        view.social_image_size = result.social_image_size
        view.social_image_alt = result.social_image_alt
        view.structured_images = result.structured_images
        problems.extend(_unknown_marker(article, name, [p.file for p in photos]) for name in unknown)
    state.report(problems)


def _source(articles, item) -> str:
    """The source file of the item's original (its folder holds the photos)."""
    for article in articles:
        if article.bloc is item.original:
            return article.source_path
    return next(a.source_path for a in articles if a.view.item is item)


def _diagnostic(error: PhotoError, item, index: int) -> Diagnostic:
    return error.diagnostic(item.original.path, item.original.line("photos", index, "file"), index)


def _unknown_marker(article, name: str, files: list[str]) -> Diagnostic:
    return unknown_marker(article.bloc, name, files)


def initialized(pelican) -> None:
    apply(pelican.settings, SETTINGS, pelican.settings.get("BLOC_ROOT"))


def connect(signals) -> None:
    signals.initialized.connect(initialized)
    signals.article_generator_finalized.connect(on_articles_finalized)
