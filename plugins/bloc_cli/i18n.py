"""Messages a staff member reads, in Vietnamese or English (gettext, compiled at run time)."""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

from babel.messages import mofile, pofile

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "bloc_cli"
LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

_current: gettext.NullTranslations = gettext.NullTranslations()


def choose_lang(requested: str | None, environ: dict[str, str] | None = None) -> str:
    """--lang first, then LC_ALL / LC_MESSAGES / LANG ('en_US.UTF-8' → en), else Vietnamese."""
    if requested in LANGS:
        return requested
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            if code in LANGS:
                return code
            if code not in ("c", "posix"):
                break
    return DEFAULT_LANG


def translations(lang: str) -> gettext.NullTranslations:
    """Compile the .po catalogue in memory: no .mo file is committed or needed."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = pofile.read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def activate(lang: str) -> str:
    global _current
    _current = translations(lang)
    return lang


def _(message: str, **values) -> str:
    text = _current.gettext(message)
    return text.format(**values) if values else text
