"""Pelican glue: URLs checked against each other and the published ones before any is used,
and the registry's line numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import yaml
from bloc_content import glue as content
from bloc_content.diagnostics import Diagnostic, t
from bloc_content.frontmatter import parse_yaml

from .published import UrlClaim, check_claims, load_record

RECORD_NAME = "urls.yaml"


@dataclass
class UrlRecord:
    """What the build knows about published URLs: the committed record and this build's URLs."""

    path: Path
    record: dict[str, tuple[str, str]]
    claims: list[UrlClaim] = field(default_factory=list)


def record_path(settings) -> Path:
    return Path(settings.get("BLOC_DATA_PATH") or Path(settings["PATH"]) / "data") / RECORD_NAME


def read_record(path: Path, shown: str) -> tuple[dict, list[Diagnostic]]:
    try:
        return load_record(path.read_text(encoding="utf-8")), []
    except FileNotFoundError:
        return {}, []  # a new site: nothing published yet
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        return {}, [Diagnostic(shown, 0, "", t("cannot read the record of published URLs: {reason}", reason=str(exc)),
                               t("restore the file from git"))]


def _claim(article) -> UrlClaim:
    parsed = getattr(article, "bloc", None)
    path = parsed.path if parsed else article.source_path
    line = parsed.line("slug") if parsed and parsed.front and "slug" in parsed.front.data else (
        parsed.line("title") if parsed else 0)
    return UrlClaim(path, line, article.metadata.get("translation_key", article.slug), article.lang, article.url)


def on_pretaxonomy(generator) -> None:
    """Check every published article's URL against the others and the record of published
    URLs, before Pelican uses any (see published.py)."""
    written = list(chain(generator.articles, generator.translations,
                         generator.hidden_articles, generator.hidden_translations))
    for article in written:
        # the reader's slug, also for an article served from the content cache
        article.slug = article.metadata.get("slug", article.slug)
    path = record_path(generator.settings)
    shown = content.registry().paths.get("bloc", "bloc.yaml").replace("bloc.yaml", RECORD_NAME)
    record, problems = read_record(path, shown)
    state = UrlRecord(path, record, [_claim(a) for a in written])
    content.report(problems)
    content.report(check_claims(state.claims, record))
    generator.context["bloc_url_record"] = state


def registry_where(settings) -> Callable[[int, str], str]:
    """(year, head|deputy|motto) -> 'content/data/bloc.yaml:LINE' of that yearly record."""
    shown = content.registry().paths.get("bloc", "bloc.yaml")
    path = Path(settings.get("BLOC_DATA_PATH") or Path(settings["PATH"]) / "data") / "bloc.yaml"
    try:
        data, lines, _ = parse_yaml(path.read_text(encoding="utf-8"), shown)
    except OSError:
        data, lines = None, {}
    index = {}
    for i, record in enumerate((data or {}).get("years") or []):
        if isinstance(record, dict) and "year" in record:
            index[int(record["year"])] = i

    def where(year: int, fact: str) -> str:
        loc = ("years", index.get(year), fact)
        line = lines.get((*loc, "org")) or lines.get((*loc, "vi")) or lines.get(loc) or lines.get(loc[:2])
        return f"{shown}:{line}" if line else shown

    return where
