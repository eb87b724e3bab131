"""The site's languages, read from one table in the settings.

`BLOC_LANGS` lists the languages in the order of the language toggle, each with its own
name (as its readers write it) and its locale (Open Graph wants a territory);
`DEFAULT_LANG` is the language of the originals and of the site's root; `BLOC_URLS` holds
each language's URL patterns. Everything that depends on a language reads it from here,
so a language is added in the settings, not in the code (docs/architecture.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .diagnostics import Text, did_you_mean, t

# Only used when a tool is given no settings at all (a unit test, a script): the values
# pelicanconf.py ships with, declared here once.
DEFAULT_SETTINGS = {
    "DEFAULT_LANG": "vi",
    "BLOC_LANGS": {"vi": {"name": "Tiếng Việt", "locale": "vi_VN"}, "en": {"name": "English", "locale": "en_GB"}},
}
LANG_CODE = re.compile(r"^[a-z]{2,3}$")  # ISO 639 codes, also the middle of index.<lang>.md


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # its own name, in the language toggle: "Tiếng Việt", "English", "Français"
    locale: str  # with a territory: vi_VN, en_GB


@dataclass(frozen=True)
class Languages:
    """The configured languages, the original's first."""

    original: str
    table: tuple[Language, ...]  # in the order of BLOC_LANGS

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.table)

    @property
    def translations(self) -> tuple[str, ...]:
        """The languages an original is translated into."""
        return tuple(code for code in self.codes if code != self.original)

    def is_original(self, code: str) -> bool:
        return code == self.original

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> Language:
        return next(language for language in self.table if language.code == code)

    def locale(self, code: str) -> str:
        return self.get(code).locale


def languages_of(settings: Mapping) -> Languages:
    """The language table of `settings` (DEFAULT_SETTINGS for what they do not set)."""
    declared = settings.get("BLOC_LANGS") or DEFAULT_SETTINGS["BLOC_LANGS"]
    original = settings.get("DEFAULT_LANG") or DEFAULT_SETTINGS["DEFAULT_LANG"]
    table = tuple(Language(code, str(about.get("name", code)), str(about.get("locale", code)))
                  for code, about in declared.items())
    return Languages(original, table)


def expected_words(codes) -> str:
    """The words pydantic uses for a choice ("'vi', 'en' or 'fr'"): a language is one."""
    quoted = [repr(code) for code in codes]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def not_a_language_of(languages: Languages, lang: str) -> tuple[Text, str]:
    """(message, hint) for a language the site does not have, in the words of any other choice."""
    return (t("{value} is not allowed; expected {expected}", value=repr(lang), expected=expected_words(languages.codes)),
            did_you_mean(lang, languages.codes))


def table_problems(settings: Mapping) -> list[str]:
    """What is wrong with the language table of `settings`, in words for the site's maintainer."""
    declared = settings.get("BLOC_LANGS")
    if not isinstance(declared, Mapping) or not declared:
        return ["BLOC_LANGS must map each language code to its name and locale, "
                "e.g. {'vi': {'name': 'Tiếng Việt', 'locale': 'vi_VN'}}"]
    problems = []
    urls = settings.get("BLOC_URLS") or {}
    original = settings.get("DEFAULT_LANG")
    if original not in declared:
        problems.append(f"DEFAULT_LANG {original!r} is not in BLOC_LANGS ({', '.join(declared)})")
    kinds = set(urls.get(original, {}))
    for code, about in declared.items():
        if not LANG_CODE.match(str(code)):
            problems.append(f"BLOC_LANGS: {code!r} is not an ISO 639 language code (two or three lowercase letters)")
        if not isinstance(about, Mapping) or not about.get("name") or not about.get("locale"):
            problems.append(f"BLOC_LANGS[{code!r}] needs its 'name' and its 'locale', e.g. "
                            "{'name': 'Français', 'locale': 'fr_FR'}")
        if code not in urls:
            problems.append(f"BLOC_URLS has no URL patterns for {code!r}")
        elif kinds - set(urls[code]):
            problems.append(f"BLOC_URLS[{code!r}] lacks {', '.join(sorted(kinds - set(urls[code])))} "
                            f"(every language has the URLs of {original!r})")
    problems += [f"BLOC_URLS has patterns for {code!r}, which is not in BLOC_LANGS"
                 for code in urls if code not in declared]
    return problems
