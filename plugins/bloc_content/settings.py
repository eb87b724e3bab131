"""The site-wide settings every plugin reads (languages, URLs, where things are), declared
once; bloc_content, the first plugin, checks them and fills their defaults."""

from __future__ import annotations

from typing import Any

from pydantic import Field
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from .body_limits import BodyLimits
from .cacheuse import DEFAULT_MAX_AGE_DAYS
from .plugin_settings import Declaration, PluginSettings

Urls = dict[str, str]


class LanguageEntry(TypedDict):
    """One language of BLOC_LANGS (read through languages.py)."""

    name: str  # its own name, in the language toggle
    locale: str  # with a territory (og:locale): vi_VN, en_GB


class SiteWide(PluginSettings):
    BLOC_LANGS: dict[str, LanguageEntry] = Field(description="the site's languages in the order of the toggle, each "
                                                "with its own name and its locale; DEFAULT_LANG is the originals' "
                                                "(docs/architecture.md, the language table)")
    BLOC_URLS: dict[str, Urls] = Field(description="every URL pattern of the site, per language "
                                                   "(its first folders are reserved: no slug may take one)")
    BLOC_SITE_URLS: Urls = Field(description="the site's files in no language (sitemaps, robots.txt, 404), "
                                             "written by bloc_seo; reserved too")
    BLOC_SITE_ORIGIN: str = Field("http://localhost:8000", description="the absolute origin of canonical and "
                                  "hreflang links, sitemaps, feeds and JSON-LD")
    BLOC_ROOT: str | None = Field(None, description="the project folder (else the working folder)")
    BLOC_DATA_PATH: str | None = Field(None, description="the registries' folder (else PATH/data)")
    BLOC_PREVIEW: bool = Field(False, description="show drafts and embargoed items with a banner "
                                                  "(`bloc build --preview`)")
    BLOC_BUILD: Any = Field(None, description="`bloc build`'s progress bars and counts (set by the command)")
    BLOC_SETTINGS_FILE: str | None = Field(None, description="the settings file, where a setting's problem is "
                                           "shown (set by `bloc build`; else pelicanconf.py, publishconf.py)")
    BLOC_MARKDOWN_BY_LANG: dict[str, dict[str, dict[str, Any]]] = Field(
        default_factory=dict, description="Markdown extension settings per language (e.g. the footnotes' words)")
    BLOC_MARKDOWN_MAX_BRACKETS: int = Field(BodyLimits.max_brackets, gt=0,
                                            description="most '[' in one paragraph of a body")
    BLOC_MARKDOWN_MAX_COMMENTS: int = Field(BodyLimits.max_comments, gt=0,
                                            description="most '<!--' in one paragraph of a body")
    BLOC_MARKDOWN_MAX_NESTING: int = Field(BodyLimits.max_nesting, gt=0,
                                           description="deepest nesting of lists and quotes in a body")
    BLOC_CACHE_MAX_AGE_DAYS: float = Field(DEFAULT_MAX_AGE_DAYS, gt=0, description="`bloc build` removes cache "
                                           "entries no build used for this many days")
    BLOC_WORKERS: int | None = Field(None, ge=1, description="processes that read the items and draw the social "
                                     "cards (default: one per core; 1: all in the build's process)")


SETTINGS = Declaration("bloc_content", SiteWide,
                       ("BLOC_LANG", "BLOC_URL", "BLOC_SITE_", "BLOC_ROOT", "BLOC_DATA", "BLOC_PREVIEW",
                        "BLOC_BUILD", "BLOC_SETTINGS", "BLOC_MARKDOWN_", "BLOC_CACHE_", "BLOC_WORKERS"))
