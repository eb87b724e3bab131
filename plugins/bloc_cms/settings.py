"""bloc_cms' settings, declared once (checked and filled by bloc_content.plugin_settings)."""

from __future__ import annotations

from typing import Literal

from bloc_content.plugin_settings import Declaration, PluginSettings
from pydantic import Field

from .config import CmsSettings


class CmsPluginSettings(PluginSettings):
    BLOC_CMS_ADMIN: bool = Field(True, description="write /admin/, the browser editor")
    BLOC_CMS_ADMIN_PATH: str = Field("admin", description="its folder in the output")
    BLOC_CMS_BUNDLE: str = Field("node_modules/decap-cms/dist", description="Decap CMS's files, relative to the "
                                 "project folder, else to the checkout the plugins come from")
    BLOC_CMS_REPO: str = Field(CmsSettings.repo, description="`owner/name` of the repository the editor saves to")
    BLOC_CMS_BRANCH: str = Field(CmsSettings.branch, description="the branch it saves to (or proposes changes to)")
    BLOC_CMS_AUTH_URL: str = Field(CmsSettings.auth_url, description="the OAuth relay's origin (GitHub)")
    BLOC_CMS_PUBLISH_MODE: Literal["simple", "editorial_workflow"] = Field(
        CmsSettings.publish_mode, description="`simple` saves at once; `editorial_workflow` proposes each change")
    BLOC_CMS_LOCAL_BACKEND: str = Field(CmsSettings.local_backend, description="decap-server's API URL for local "
                                        "editing; `\"\"` off")
    BLOC_CMS_CONTENT: str = Field(CmsSettings.content, description="the content folder, relative to the "
                                  "repository's root")


SETTINGS = Declaration("bloc_cms", CmsPluginSettings, ("BLOC_CMS_",))
