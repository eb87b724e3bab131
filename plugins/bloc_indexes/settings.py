"""bloc_indexes' settings, declared once (checked and filled by bloc_content.plugin_settings)."""

from __future__ import annotations

from bloc_content.plugin_settings import Declaration, PluginSettings
from pydantic import Field


class IndexSettings(PluginSettings):
    BLOC_INDEX_PAGE_SIZE: int | None = Field(None, gt=0, description="items per page of a year or member page "
                                             "(else DEFAULT_PAGINATION)")
    BLOC_HOME_ITEMS: int = Field(10, gt=0, description="items on the home page")


SETTINGS = Declaration("bloc_indexes", IndexSettings, ("BLOC_INDEX_", "BLOC_HOME_"))
