"""Pelican glue: write /admin/ (Decap's page, configuration and bundle) once the site is built.

It runs after bloc_safety, so the public pages' CSP never has to allow what Decap needs;
the admin page gets its own (a `_headers` rule, and a <meta> when BLOC_SAFETY_META_CSP is on).
"""

from __future__ import annotations

import logging
from pathlib import Path

from bloc_content.languages import languages_of
from bloc_content.model import ItemFile
from bloc_content.plugin_settings import apply, fill_defaults
from bloc_content.registries import data_folder, load_registry
from bloc_safety.headers import render_policy

from .admin import MissingBundle, admin_page, copy_bundle, field_order
from .config import CmsSettings, cms_config, render, translation_shape
from .csp import admin_policy, headers_block
from .fields import literal_or_list
from .settings import SETTINGS

log = logging.getLogger(__name__)



def cms_settings(settings) -> CmsSettings:
    """The generator's inputs from Pelican settings (defaults filled in)."""
    merged = dict(settings)
    fill_defaults(merged, SETTINGS)
    site_url = settings.get("SITEURL") or ""
    return CmsSettings(
        repo=merged["BLOC_CMS_REPO"], branch=merged["BLOC_CMS_BRANCH"], auth_url=merged["BLOC_CMS_AUTH_URL"],
        publish_mode=merged["BLOC_CMS_PUBLISH_MODE"], local_backend=merged["BLOC_CMS_LOCAL_BACKEND"],
        site_url=site_url.rstrip("/"), content=merged["BLOC_CMS_CONTENT"], languages=languages_of(settings),
    )


def bundle_folder(root: Path, setting: str) -> Path:
    """The site's own node_modules, else the one of the checkout these plugins come from
    (a build run from another folder, or of a site kept elsewhere)."""
    candidates = [root / setting, Path(__file__).resolve().parents[2] / setting]
    return next((c for c in candidates if c.exists()), candidates[0])


def initialized(pelican) -> None:
    apply(pelican.settings, SETTINGS, pelican.settings.get("BLOC_ROOT"))


def finalized(pelican) -> None:
    settings = pelican.settings
    if not settings["BLOC_CMS_ADMIN"]:
        return
    root = Path(settings.get("BLOC_ROOT") or Path.cwd())
    output = Path(settings["OUTPUT_PATH"])
    admin = output / settings["BLOC_CMS_ADMIN_PATH"]
    data_dir = data_folder(settings)
    registry, problems = load_registry(data_dir, root, languages_of(settings))
    if problems:
        return  # bloc_content has reported them and the build fails
    cms = cms_settings(settings)
    config = cms_config(cms, registry)
    try:
        copy_bundle(bundle_folder(root, settings["BLOC_CMS_BUNDLE"]), admin,
                    translation_shape(config["collections"][0]["fields"]), literal_or_list(ItemFile),
                    field_order(config["collections"]))
    except MissingBundle as missing:
        log.error("bloc_cms: Decap CMS is not installed (%s is missing); run `make cms-bundle`", missing)
        return
    (admin / "config.yml").write_text(render(config), encoding="utf-8")
    policy = admin_policy(cms.local_backend, cms.auth_url)
    meta = render_policy(policy, for_meta=True) if settings.get("BLOC_SAFETY_META_CSP") else None
    (admin / "index.html").write_text(admin_page("Quản trị nội dung", meta), encoding="utf-8")
    headers = settings.get("BLOC_SAFETY_HEADERS_FILE")
    if headers and (output / headers).is_file():
        with open(output / headers, "a", encoding="utf-8") as handle:
            handle.write(headers_block(render_policy(policy), f"/{settings['BLOC_CMS_ADMIN_PATH']}/*"))


def connect(signals) -> None:
    signals.initialized.connect(initialized)
    signals.finalized.connect(finalized)
