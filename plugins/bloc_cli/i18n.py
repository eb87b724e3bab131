"""Messages a staff member reads, in Vietnamese or English (gettext, compiled at run time)."""

from __future__ import annotations

import argparse
import gettext
import io
import os
from pathlib import Path

from babel.messages import mofile, pofile
from bloc_content.languages import DEFAULT_SETTINGS

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "bloc_cli"
# The tool speaks the languages it has a catalogue for (not the site's languages: a site
# may publish in a language its staff's tools are not translated into).
LANGS = tuple(sorted((path.name for path in LOCALE_DIR.iterdir() if (path / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()),
                     key=lambda code: code != DEFAULT_SETTINGS["DEFAULT_LANG"]))
DEFAULT_LANG = DEFAULT_SETTINGS["DEFAULT_LANG"]

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
    # argparse's own words ("usage:", "options", its error messages) go through the
    # gettext functions it bound at import: point them at our catalogue.
    argparse._ = _current.gettext
    argparse.ngettext = _current.ngettext
    return lang


def lang_in(argv: list[str]) -> str | None:
    """The value of --lang in a command line not parsed yet (help is written in that language)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def gettext_noop(message: str) -> str:
    """Mark a message for this catalogue now, translate it when shown (`N_` marks
    bloc_content's diagnostics catalogue instead)."""
    return message


# argparse's own words (Python 3.11), marked here so that the catalogue test sees them translated.
ARGPARSE_WORDS = (
    gettext_noop("usage: "),
    gettext_noop("positional arguments"),
    gettext_noop("options"),
    gettext_noop("show this help message and exit"),
    gettext_noop("%(prog)s: error: %(message)s\n"),
    gettext_noop("the following arguments are required: %s"),
    gettext_noop("unrecognized arguments: %s"),
    gettext_noop("invalid choice: %(value)r (choose from %(choices)s)"),
    gettext_noop("argument %(argument_name)s: %(message)s"),
    gettext_noop("expected one argument"),
    gettext_noop("expected at most one argument"),
    gettext_noop("expected at least one argument"),
    gettext_noop("invalid %(type)s value: %(value)r"),
    gettext_noop("ambiguous option: %(option)s could match %(matches)s"),
    gettext_noop("not allowed with argument %s"),
    gettext_noop("one of the arguments %s is required"),
    gettext_noop("ignored explicit argument %r"),
)


def _(message: str, **values) -> str:
    text = _current.gettext(message)
    return text.format(**values) if values else text
