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


def load_catalogs(translations_dir: Path, langs: tuple[str, ...]) -> dict[str, gettext.NullTranslations]:
    """One catalogue per language; a language without a .po falls back to the msgids."""
    out: dict[str, gettext.NullTranslations] = {}
    for lang in langs:
        po_path = translations_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        out[lang] = load_catalog(po_path, lang) if po_path.is_file() else gettext.NullTranslations()
    return out


def untranslated(po_path: Path, locale: str) -> list[str]:
    """Message ids without a translation (or fuzzy) in a .po file."""
    with po_path.open("rb") as handle:
        catalog = pofile.read_po(handle, locale=locale)
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog
            if m.id and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))]
