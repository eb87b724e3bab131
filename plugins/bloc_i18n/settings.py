"""bloc_i18n's settings, declared once (checked and filled by bloc_content.plugin_settings)."""

from __future__ import annotations

from bloc_content.plugin_settings import Declaration, PluginSettings
from pydantic import Field


class I18nSettings(PluginSettings):
    # a list is as good (plugin_settings)
    BLOC_I18N_TRANSLATION_PATHS: tuple[str, ...] = Field(
        (), description="folders of theme catalogues (<lang>/LC_MESSAGES/messages.po) searched before the "
                        "theme's own: a site's catalogue for a language the theme lacks")


SETTINGS = Declaration("bloc_i18n", I18nSettings, ("BLOC_I18N_",))
