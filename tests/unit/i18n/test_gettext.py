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
def catalogs(monkeypatch):
    monkeypatch.setattr(glue, "_catalogs", {"vi": Catalog({"Hello": "Xin chào", "By %(org)s": "Do %(org)s"}),
                                            "en": Catalog({})})
    monkeypatch.setattr(glue, "_translated", {})


def _jinja_reference(lang):
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_callables(pass_context(lambda c, m: glue._catalogs[lang].gettext(m)),
                                  lambda s, p, n: s, newstyle=True)
    return env


def _ours():
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_callables(glue._gettext, glue._ngettext, newstyle=True)
    env.globals.update(gettext=glue._newstyle_gettext, _=glue._newstyle_gettext)
    return env


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_same_output_as_jinja_newstyle_gettext(catalogs, lang):
    values = {"page_lang": lang, "org": "<Bộ & Ngành>"}
    expected = _jinja_reference(lang).from_string(TEMPLATE).render(values)
    assert _ours().from_string(TEMPLATE).render(values) == expected
    assert _ours().from_string(TEMPLATE).render(values) == expected  # from the remembered translations


def test_each_page_gets_its_own_language(catalogs):
    template = _ours().from_string("{{ _('Hello') }}")
    assert [template.render(page_lang=lang) for lang in ("vi", "en", "vi")] == ["Xin chào", "Hello", "Xin chào"]
