"""Our `_()` renders exactly what Jinja's newstyle gettext renders, in the page's language."""

from __future__ import annotations

import gettext

import pytest
from bloc_i18n import glue
from jinja2 import Environment, pass_context

TEMPLATE = ("{{ _('Hello') }}|{{ _('100%% sure') }}|{{ _('By %(org)s', org=org) }}|{{ gettext('Hello') }}|"
            "{% autoescape false %}{{ _('By %(org)s', org=org) }}{% endautoescape %}|{{ _('Hello') }}")


class Catalog(gettext.NullTranslations):
    def __init__(self, words):
        super().__init__()
        self.words = words

    def gettext(self, message):
        return self.words.get(message, message)


@pytest.fixture
def words():
    return glue.PageTranslations({"vi": Catalog({"Hello": "Xin chào", "By %(org)s": "Do %(org)s"}),
                                  "en": Catalog({})})


def _jinja_reference(words, lang):
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_callables(pass_context(lambda c, m: words.catalogs[lang].gettext(m)),
                                  lambda s, p, n: s, newstyle=True)
    return env


def _ours(words):
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)
    env.globals.update(gettext=words.newstyle_gettext, _=words.newstyle_gettext)
    return env


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_same_output_as_jinja_newstyle_gettext(words, lang):
    values = {"page_lang": lang, "org": "<Bộ & Ngành>"}
    expected = _jinja_reference(words, lang).from_string(TEMPLATE).render(values)
    assert _ours(words).from_string(TEMPLATE).render(values) == expected
    assert _ours(words).from_string(TEMPLATE).render(values) == expected  # from the remembered translations
    assert words.translated  # remembered in this build's translations, nowhere else


def test_each_page_gets_its_own_language(words):
    template = _ours(words).from_string("{{ _('Hello') }}")
    assert [template.render(page_lang=lang) for lang in ("vi", "en", "vi")] == ["Xin chào", "Hello", "Xin chào"]

