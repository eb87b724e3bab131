"""bloc_render's settings, declared once (checked and filled by bloc_content.plugin_settings)."""

from __future__ import annotations

from typing import Any

from bloc_content.plugin_settings import Declaration, PluginSettings
from pydantic import Field


class RenderSettings(PluginSettings):
    BLOC_RENDER: Any = Field(None, description="`bloc build`'s record of the pages' fingerprints, this build's and "
                                               "the previous one's (set by the command; absent, every page is "
                                               "rendered)")


SETTINGS = Declaration("bloc_render", RenderSettings, ("BLOC_RENDER",))
