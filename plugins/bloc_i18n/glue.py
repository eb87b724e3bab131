"""Install per-page-language gettext and Babel filters into Pelican's Jinja environment.

One build renders both languages, so `_()` looks up the language of the page being
rendered: `page_lang` when a generator passes it, else the article's `lang`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from gettext import NullTranslations
from pathlib import Path

from babel import Locale
from bloc_content.build_state import build_state
from bloc_content.diagnostics import Diagnostic, t
from bloc_content.languages import languages_of
from jinja2 import pass_context
from markupsafe import Markup

from . import dates
from .bytecode import SharedBytecodeCache, folder_for
from .catalogs import load_catalogs


def page_lang(context) -> str:
    lang = context.get("page_lang")
    if lang:
        return lang
    for name in ("article", "page"):
        obj = context.get(name)
        if obj is not None and getattr(obj, "lang", None):
            return obj.lang
    return context["DEFAULT_LANG"]


@pass_context
def language_name(context, code: str, known: dict) -> str:
    """A language's name in the page's language: the theme's own word when it has one
    (`known`), else Babel's (so a third language never shows its code)."""
    return known.get(code) or Locale.parse(page_lang(context)).languages.get(code, code)


@dataclass(eq=False)
class PageTranslations:
    """The theme's catalogues of one build (kept in its state), and `_()` in the language
    of the page being rendered."""

    catalogs: dict[str, NullTranslations]
    # (lang, message) -> `_(message)` without variables, remembered for the rest of the build
    translated: dict[tuple[str, str], Markup] = field(default_factory=dict)

    @pass_context
    def gettext(self, context, message: str) -> str:
        return self.catalogs[page_lang(context)].gettext(message)

    @pass_context
    def ngettext(self, context, singular: str, plural: str, n: int) -> str:
        return self.catalogs[page_lang(context)].ngettext(singular, plural, n)

    @pass_context
    def newstyle_gettext(self, context, message: str, **variables) -> str:
        """What Jinja's newstyle `_()` returns (the translation, marked safe when autoescaping,
        then `% variables`), in one call instead of three, and remembered per language when
        there are no variables: a 1000-item site makes about 90,000 such calls."""
        lang = page_lang(context)
        if not context.eval_ctx.autoescape:
            return self.catalogs[lang].gettext(message) % variables
        if variables:
            return Markup(self.catalogs[lang].gettext(message)) % variables
        found = self.translated.get((lang, message))
        if found is None:
            found = self.translated[(lang, message)] = Markup(self.catalogs[lang].gettext(message)) % {}
        return found


def translations(settings) -> PageTranslations:
    """This build's catalogues, loaded by the first generator that asks: a site's own folders
    (BLOC_I18N_TRANSLATION_PATHS) first, then the theme's; a language with none is reported."""
    langs = languages_of(settings).codes
    folders = [*map(Path, settings.get("BLOC_I18N_TRANSLATION_PATHS") or ()), Path(settings["THEME"]) / "translations"]

    def load() -> PageTranslations:
        catalogs, missing = load_catalogs(folders, langs)
        build_state(settings).report([Diagnostic(
            str(folders[-1] / lang / "LC_MESSAGES" / "messages.po"), 0, "",
            t("no catalogue of the theme's words for '{lang}', a language of the site", lang=lang),
            t("create it with `pybabel init -i theme/messages.pot -d theme/translations -l {lang}` "
              "and translate it, or add a folder holding it to BLOC_I18N_TRANSLATION_PATHS", lang=lang))
            for lang in missing])
        return PageTranslations(catalogs)

    return build_state(settings).part(PageTranslations, load)


def install(generator) -> None:
    settings = generator.settings
    words = translations(settings)
    env = generator.env
    env.bytecode_cache = bytecode_cache(settings)
    env.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)
    env.globals.update(gettext=words.newstyle_gettext, _=words.newstyle_gettext, language_name=language_name)
    env.filters.update({
        "human_date": dates.human_date,
        "machine_date": dates.machine_date,
        "partial_date": dates.partial_date,
        "number": dates.number,
    })


def bytecode_cache(settings) -> SharedBytecodeCache:
    """One cache for every generator of a build (in its state), stored with Pelican's content cache."""
    folder = folder_for(Path(settings["CACHE_PATH"]), settings.get("JINJA_ENVIRONMENT", {}))
    return build_state(settings).part(SharedBytecodeCache,
                                      lambda: SharedBytecodeCache(folder if settings.get("CACHE_CONTENT") else None))
