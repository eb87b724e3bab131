"""The changes the incremental phases make between two builds: one item's body, one registry
entry, one template. Each round writes a new text (never one an earlier round wrote, which a
cache could still hold), and each change shows on the pages built from what it changed."""

from __future__ import annotations

import re
from pathlib import Path

from .corpus import Item

TEMPLATE = "templates/article.html"  # the template of every item page
REGISTRY = "awards.yaml"  # its first entry's English name is shown wherever the award is


def marker(phase: str, round_: int) -> str:
    """An ASCII word the edited pages will show (nothing in Markdown or HTML changes it)."""
    return f"bench-{phase}-r{round_ + 1}"


def edit_item(content: Path, items: list[Item], round_: int, phase: str = "edit") -> tuple[Path, str]:
    """Add a sentence to one item's Vietnamese body; the file and the word it now shows."""
    path = content / items[len(items) // 2].folder / "index.vi.md"
    word = marker(phase, round_)
    text = path.read_text(encoding="utf-8")
    cut = text.rindex("\n\n*")  # before the byline, the body's last paragraph
    added = f"\n\nBổ sung ({word}): các bộ, ngành tiếp tục đẩy mạnh phong trào thi đua."
    path.write_text(text[:cut] + added + text[cut:], encoding="utf-8")
    return path, word


# An entry's names are keyed by language: "  name:\n    vi: ...\n    en: ..."
_FIRST_NAME_EN = re.compile(r"^(  name:\n(?:    \w+: .*\n)*?    en: )(.*?)( \(bench-registry-r\d+\))?$", re.M)


def edit_registry(content: Path, round_: int) -> tuple[Path, str]:
    """Rename the first award of the registry in English (its id, and so every item, stays valid)."""
    path = content / "data" / REGISTRY
    word = marker("registry", round_)
    _replace_once(path, _FIRST_NAME_EN, lambda m: f"{m[1]}{m[2]} ({word})",
                  f"{path.name} has no English name ('  name:' then '    en:') to edit")
    return path, word


_LAST_ENDBLOCK = re.compile(r"(\{%-?\s*endblock\b[^%]*%\})(?![\s\S]*\{%-?\s*endblock\b)")


def edit_template(theme: Path, round_: int) -> tuple[Path, str]:
    """Add an HTML comment inside the last block of the item template (a comment outside every
    block of a child template would not be rendered)."""
    path = theme / TEMPLATE
    word = marker("template", round_)
    _replace_once(path, _LAST_ENDBLOCK, lambda m: f"<!-- {word} -->{m[1]}",
                  f"{TEMPLATE} has no {{% endblock %}} to edit before")
    return path, word


def _replace_once(path: Path, pattern: re.Pattern, replacement, missing: str) -> None:
    """Replace the first match of `pattern` in the file; ValueError(`missing`) when there is none."""
    text, count = pattern.subn(replacement, path.read_text(encoding="utf-8"), 1)
    if count != 1:
        raise ValueError(missing)
    path.write_text(text, encoding="utf-8")
