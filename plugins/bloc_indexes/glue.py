"""Pelican glue: the record of published URLs and this build's URLs, for the redirects and the
record's update (the URLs themselves are checked with every other rule, in bloc_rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from bloc_content.build_state import build_state
from bloc_content.plugin_settings import apply
from bloc_content.registries import data_folder

from .published import RECORD_NAME, UrlClaim, read_record
from .settings import SETTINGS


@dataclass
class UrlRecord:
    """What the build knows about published URLs: the committed record and this build's URLs."""

    path: Path
    record: dict[str, tuple[str, str]]
    claims: list[UrlClaim] = field(default_factory=list)


def initialized(pelican) -> None:
    apply(pelican.settings, SETTINGS, pelican.settings.get("BLOC_ROOT"))


def record_path(settings) -> Path:
    return data_folder(settings) / RECORD_NAME


def _claim(article) -> UrlClaim:
    parsed = getattr(article, "bloc", None)
    path = parsed.path if parsed else article.source_path
    line = parsed.line("slug") if parsed and parsed.front and "slug" in parsed.front.data else (
        parsed.line("title") if parsed else 0)
    return UrlClaim(path, line, article.metadata.get("translation_key", article.slug), article.lang, article.url)


def on_pretaxonomy(generator) -> None:
    """Keep the record of published URLs and this build's URLs for the listing generator
    (redirects, the record's update); bloc_rules reports URLs that collide."""
    written = list(chain(generator.articles, generator.translations,
                         generator.hidden_articles, generator.hidden_translations))
    for article in written:
        # the reader's slug, also for an article served from the content cache
        article.slug = article.metadata.get("slug", article.slug)
    path = record_path(generator.settings)
    shown = build_state(generator.settings).registry.paths.get("bloc", "bloc.yaml").replace("bloc.yaml", RECORD_NAME)
    record, _problems = read_record(path, shown)  # reported by bloc_rules
    state = UrlRecord(path, record, [_claim(a) for a in written])
    generator.context["bloc_url_record"] = state

