"""A template's closure: the templates it extends, includes and imports, and the names they read."""

from __future__ import annotations

from bloc_render.templates import template_facts
from jinja2 import DictLoader, Environment

TEMPLATES = {
    "base.html": "<title>{{ SITENAME }}</title>{% block content %}{% endblock %}{% include 'part.html' %}",
    "part.html": "{{ footer_note }}",
    "year.html": "{% extends 'base.html' %}{% block content %}{% for i in items %}{{ i }}{% endfor %}{% endblock %}",
    "macros.html": "{% macro m(x) %}{{ x }}{{ label }}{% endmacro %}",
    "member.html": "{% from 'macros.html' import m %}{{ m(member) }}",
    "other.html": "{{ unrelated }}",
    "dynamic.html": "{% include chosen %}",
}


def env(templates=TEMPLATES) -> Environment:
    return Environment(loader=DictLoader(dict(templates)))


def test_names_read_through_the_whole_closure():
    facts = template_facts(env(), "year.html")
    assert {"SITENAME", "footer_note", "items"} <= facts.names
    assert "i" not in facts.names and "unrelated" not in facts.names
    assert {"member", "label"} <= template_facts(env(), "member.html").names


def test_an_edit_changes_exactly_the_templates_that_use_it():
    edited = env({**TEMPLATES, "part.html": "{{ footer_note }}!"})
    assert template_facts(edited, "year.html").digest != template_facts(env(), "year.html").digest
    assert template_facts(edited, "member.html").digest == template_facts(env(), "member.html").digest
    macro = env({**TEMPLATES, "macros.html": TEMPLATES["macros.html"] + " "})
    assert template_facts(macro, "member.html").digest != template_facts(env(), "member.html").digest


def test_a_name_computed_at_render_time_takes_in_every_template():
    facts = template_facts(env(), "dynamic.html")
    assert "unrelated" in facts.names
    edited = env({**TEMPLATES, "other.html": "{{ unrelated }}?"})
    assert template_facts(edited, "dynamic.html").digest != facts.digest
