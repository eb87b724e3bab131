"""bloc_search's settings, declared once (checked and filled by bloc_content.plugin_settings)."""

from __future__ import annotations

from typing import Any

from bloc_content.plugin_settings import Declaration, PluginSettings
from pydantic import Field


class SearchSettings(PluginSettings):
    BLOC_SEARCH_ENABLED: bool = Field(True, description="build the search index")
    BLOC_SEARCH_BUNDLE_DIR: str = Field("pagefind", description="folder of the index in the output "
                                        "(search.js reads it from the search page)")
    BLOC_SEARCH_PAGEFIND: dict[str, Any] = Field(default_factory=dict, description="extra Pagefind indexing "
                                                 "options (exclude_selectors, ...), passed through as given")


SETTINGS = Declaration("bloc_search", SearchSettings, ("BLOC_SEARCH_",))
