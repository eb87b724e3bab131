"""The HTML pages of the output as written, read once for every `finalized` step that
looks at them (the CSP scan, the search index): each of them walked the output with
`rglob` and read every page again."""

from __future__ import annotations

import os
from pathlib import Path

_state: dict = {"root": None, "pages": {}, "sources": {}}


def written_pages(root: Path) -> dict[Path, str]:
    """{path: text} of every `*.html` file under `root`, in the order of the paths."""
    if _state["root"] != root:
        paths = sorted(Path(folder, name) for folder, _dirs, names in os.walk(root)
                       for name in names if name.endswith(".html"))
        _state.update(root=root, pages={path: path.read_text(encoding="utf-8") for path in paths})
    return _state["pages"]


def rewritten(path: Path, text: str) -> None:
    """Write `text` over a page and keep the remembered text in step."""
    path.write_text(text, encoding="utf-8")
    if path in _state["pages"]:
        _state["pages"][path] = text


def remember_sources(sources: dict[str, tuple[str, str]]) -> None:
    """{page file relative to the output: (source path as shown, source text)}: a scan of the
    written pages names the file and line an author can fix, not the page."""
    _state["sources"] = dict(sources)


def source_of(page: str) -> tuple[str, str] | None:
    return _state["sources"].get(page)


def forget() -> None:
    """Drop the pages (a new build, or the last step that needed them is done)."""
    _state.update(root=None, pages={}, sources={})
