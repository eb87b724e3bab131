"""The HTML pages of the output as written, read once for every `finalized` step that
looks at them (the CSP scan, the search index): each of them walked the output with
`rglob` and read every page again. One `WrittenPages` per build, in its `BuildState`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(eq=False)
class WrittenPages:
    root: Path | None = None
    pages: dict[Path, str] = field(default_factory=dict)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)

    def written_pages(self, root: Path) -> dict[Path, str]:
        """{path: text} of every `*.html` file under `root`, in the order of the paths."""
        if self.root != root:
            paths = sorted(Path(folder, name) for folder, _dirs, names in os.walk(root)
                           for name in names if name.endswith(".html"))
            self.root, self.pages = root, {path: path.read_text(encoding="utf-8") for path in paths}
        return self.pages

    def rewritten(self, path: Path, text: str) -> None:
        """Write `text` over a page and keep the remembered text in step. A new file renamed
        over the page, never a write into it: a page reused from the previous site is a hard
        link to that site's file, which must stay as it is until the new site replaces it."""
        if self.pages.get(path) == text:
            return
        temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        if path in self.pages:
            self.pages[path] = text

    def remember_sources(self, sources: dict[str, tuple[str, str]]) -> None:
        """{page file relative to the output: (source path as shown, source text)}: a scan of the
        written pages names the file and line an author can fix, not the page."""
        self.sources = dict(sources)

    def source_of(self, page: str) -> tuple[str, str] | None:
        return self.sources.get(page)

    def forget(self) -> None:
        """Drop the pages (the last step that needed them is done)."""
        self.root, self.pages, self.sources = None, {}, {}
