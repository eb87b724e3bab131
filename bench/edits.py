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
    text, count = _FIRST_NAME_EN.subn(lambda m: f"{m[1]}{m[2]} ({word})", path.read_text(encoding="utf-8"), 1)
    if count != 1:
        raise ValueError(f"{path.name} has no English name ('  name:' then '    en:') to edit")
    path.write_text(text, encoding="utf-8")
    return path, word


_LAST_ENDBLOCK = re.compile(r"(\{%-?\s*endblock\b[^%]*%\})(?![\s\S]*\{%-?\s*endblock\b)")


def edit_template(theme: Path, round_: int) -> tuple[Path, str]:
    """Add an HTML comment inside the last block of the item template (a comment outside every
    block of a child template would not be rendered)."""
    path = theme / TEMPLATE
    word = marker("template", round_)
    text, count = _LAST_ENDBLOCK.subn(lambda m: f"<!-- {word} -->{m[1]}", path.read_text(encoding="utf-8"), 1)
    if count != 1:
        raise ValueError(f"{TEMPLATE} has no {{% endblock %}} to edit before")
    path.write_text(text, encoding="utf-8")
    return path, word
