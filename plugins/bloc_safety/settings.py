"""bloc_safety's settings, declared once (checked and filled by bloc_content.plugin_settings)."""

from __future__ import annotations

from bloc_content.plugin_settings import Declaration, PluginSettings
from pydantic import Field

from .headers import HeaderSettings

Sources = tuple[str, ...]  # a list is as good (plugin_settings)


class SafetySettings(PluginSettings):
    BLOC_SAFETY_HEADERS_FILE: str = Field("_headers", description="file written in the output; `\"\"` writes none")
    BLOC_SAFETY_META_CSP: bool = Field(False, description="also put the CSP in a `<meta>` right after "
                                       "`<meta charset>` in every page (hosts that send no headers)")
    BLOC_SAFETY_HSTS: str = Field(HeaderSettings.hsts, description="`\"\"` sends no HSTS")
    BLOC_SAFETY_REFERRER_POLICY: str = Field(HeaderSettings.referrer_policy, description="the Referrer-Policy")
    BLOC_SAFETY_PERMISSIONS_POLICY: str = Field(HeaderSettings.permissions_policy,
                                                description="the Permissions-Policy")
    BLOC_SAFETY_FRAME_SRC: Sources = Field(HeaderSettings.frame_src, description="`()` gives `frame-src 'none'`")
    BLOC_SAFETY_CSP_EXTRA: dict[str, Sources] = Field(
        default_factory=dict, description="directive → extra sources, e.g. `{\"img-src\": [\"https://tiles.example\"]}`")
    BLOC_SAFETY_SCAN_CONTENT: bool = Field(True, description="refuse symbolic links leaving `content/`, link loops, "
                                           "dangling links, FIFOs")
    BLOC_SAFETY_RESERVED_SLUGS: Sources = Field((), description="slugs refused besides the site's own names (every "
                                                "fixed folder of `BLOC_URLS`, the files of `BLOC_SITE_URLS`)")


SETTINGS = Declaration("bloc_safety", SafetySettings, ("BLOC_SAFETY_",))
