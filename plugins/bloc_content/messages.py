"""The catalogue of content diagnostics (Vietnamese and English), compiled in memory."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from bloc_i18n.catalogs import load_catalog

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "diagnostics"


@cache
def catalog(lang: str | None) -> gettext.NullTranslations | None:
    """None (English as written) when the language has no catalogue."""
    po = LOCALE_DIR / str(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"
    return load_catalog(po, lang) if po.is_file() else None
