"""The fields a new-item template shows, written or commented out (for the tests of `make new`)."""

from __future__ import annotations

import re

import yaml


def fields_in(text: str) -> set[str]:
    """Dotted paths of every field a template shows, written or commented out."""
    front = text.split("\n---\n", 1)[0].split("\n", 1)[1].split("\n#\n# Mã dùng")[0]  # not the id list
    lines = []
    for line in front.split("\n"):
        if line.startswith("# ") and re.match(r"^\s*(- )?[a-z_]+:", line[2:]):
            lines.append(line[2:])
        elif not line.startswith("#"):
            lines.append(line)
    return set(_paths(yaml.safe_load("\n".join(lines))))


def _paths(data, prefix=""):
    for key, value in data.items():
        yield prefix + key
        if isinstance(value, dict):
            yield from _paths(value, f"{prefix}{key}.")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            yield from _paths(value[0], f"{prefix}{key}[].")
