"""A listing fragment is rendered once per (object, language) and reused."""

from __future__ import annotations

from bloc_indexes.fragments import Fragments
from jinja2 import DictLoader, Environment

TEMPLATE = ("{% for x in xs %}{% call remember(x, lang) %}<{{ x.name }}:{{ lang }}:{{ count() }}>"
            "{% endcall %}{% endfor %}")


class Obj:
    def __init__(self, name):
        self.name = name


def test_each_fragment_is_rendered_once_per_object_and_language():
    calls = []
    env = Environment(loader=DictLoader({"t": TEMPLATE}), autoescape=True)
    env.globals.update(remember=Fragments(), count=lambda: calls.append(1) or len(calls))
    a, b = Obj("a&"), Obj("b")
    template = env.get_template("t")
    assert template.render(xs=[a, b], lang="vi") == "<a&amp;:vi:1><b:vi:2>"
    assert template.render(xs=[b, a], lang="vi") == "<b:vi:2><a&amp;:vi:1>"
    assert template.render(xs=[a], lang="en") == "<a&amp;:en:3>"
    assert len(calls) == 3
