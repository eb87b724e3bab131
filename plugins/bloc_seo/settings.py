"""bloc_seo's settings, declared once (checked and filled by bloc_content.plugin_settings)."""

from __future__ import annotations

from bloc_content.plugin_settings import Declaration, PluginSettings
from pydantic import Field


class SeoSettings(PluginSettings):
    BLOC_SEO_FEEDS: bool = Field(True, description="write the Atom feeds (one per language and per member)")
    BLOC_SEO_FEED_ITEMS: int = Field(50, gt=0, description="items in each feed")
    BLOC_SEO_CARDS: str = Field("cards", description="folder of the social cards and the wordmark in the output")


SETTINGS = Declaration("bloc_seo", SeoSettings, ("BLOC_SEO_",))
