"""What a template is made of: the templates it extends, includes and imports (its
closure), their sources, and the names they read from the context (no Pelican import)."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, meta

from .digest import new_hash


@dataclass(frozen=True)
class TemplateFacts:
    digest: str  # of the sources of the template and of every template it uses
    names: frozenset[str]  # the variables they read that they do not set themselves


def template_facts(env: Environment, name: str) -> TemplateFacts:
    """The closure of template `name`: a reference Jinja cannot name statically (a name
    computed at render time) makes every template of the theme part of it."""
    sources: dict[str, str] = {}
    names: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in sources:
            continue
        source = env.loader.get_source(env, current)[0]
        sources[current] = source
        tree = env.parse(source)
        names |= meta.find_undeclared_variables(tree)
        for referenced in meta.find_referenced_templates(tree):
            if referenced is None:
                todo.extend(env.list_templates())
            else:
                todo.append(referenced)
    hasher = new_hash()
    for current in sorted(sources):
        data = sources[current].encode("utf-8")
        hasher.update(b"%s\0%d\0" % (current.encode("utf-8"), len(data)))
        hasher.update(data)
    return TemplateFacts(hasher.hexdigest(), frozenset(names))
