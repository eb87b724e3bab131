"""Theme message catalogues: .po files compiled in memory with Babel at build time."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages import mofile, pofile

DOMAIN = "messages"


def load_catalog(po_path: Path, locale: str) -> gettext.GNUTranslations:
    with po_path.open("rb") as handle:
        catalog = pofile.read_po(handle, locale=locale)
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def catalog_path(translations_dirs: list[Path], lang: str) -> Path | None:
    """The first folder's .po for `lang` (a site's own folders come before the theme's)."""
    found = (folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po" for folder in translations_dirs)
    return next((path for path in found if path.is_file()), None)


def load_catalogs(translations_dirs: list[Path], langs: tuple[str, ...]) -> tuple[dict, list[str]]:
    """One catalogue per language, and the languages that have none: a page is never
    written in the msgids' English for want of a catalogue (the build reports them)."""
    out: dict[str, gettext.NullTranslations] = {}
    missing = []
    for lang in langs:
        po_path = catalog_path(translations_dirs, lang)
        if po_path is None:
            missing.append(lang)
            out[lang] = gettext.NullTranslations()
        else:
            out[lang] = load_catalog(po_path, lang)
    return out, missing


def untranslated(po_path: Path, locale: str) -> list[str]:
    """Message ids without a translation (or fuzzy) in a .po file."""
    with po_path.open("rb") as handle:
        catalog = pofile.read_po(handle, locale=locale)
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog
            if m.id and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))]
