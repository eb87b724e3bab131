"""The HTML pages of the output as written, for every `finalized` step that looks at them
(the CSP scan, the search index). Only their paths and the hashes of their texts are kept:
a step reads a page when it needs its text, one page at a time, so the memory of a build
does not grow with the pages it wrote (holding every page's text was most of the peak of a
5000-item build). The output is walked once per build. One `WrittenPages` per build, in
its `BuildState`."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path


def text_digest(text: str) -> str:
    """The hash a page's text is known by (the search copies' manifest keeps it too)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(eq=False)
class WrittenPages:
    root: Path | None = None
    pages: dict[Path, str] = field(default_factory=dict)  # path -> hash of its text, "" until read
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)

    def written_pages(self, root: Path) -> list[Path]:
        """Every `*.html` file under `root`, in the order of the paths."""
        if self.root != root:
            paths = sorted(Path(folder, name) for folder, _dirs, names in os.walk(root)
                           for name in names if name.endswith(".html"))
            self.root, self.pages = root, dict.fromkeys(paths, "")
        return list(self.pages)

    def read_page(self, path: Path) -> str:
        """The text of a written page; its hash is remembered, the text is not."""
        text = path.read_text(encoding="utf-8")
        if path in self.pages:
            self.pages[path] = text_digest(text)
        return text

    def page_digest(self, path: Path) -> str:
        """The hash of a written page's text (read once if no step has read it yet)."""
        known = self.pages.get(path)
        return known if known else text_digest(self.read_page(path))

    def rewritten(self, path: Path, text: str) -> None:
        """Write `text` over a page and keep its remembered hash in step. A new file renamed
        over the page, never a write into it: a page reused from the previous site is a hard
        link to that site's file, which must stay as it is until the new site replaces it."""
        digest = text_digest(text)
        if self.pages.get(path) == digest:
            return
        temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        if path in self.pages:
            self.pages[path] = digest

    def remember_sources(self, sources: dict[str, tuple[str, str]]) -> None:
        """{page file relative to the output: (source path as shown, source text)}: a scan of the
        written pages names the file and line an author can fix, not the page."""
        self.sources = dict(sources)

    def source_of(self, page: str) -> tuple[str, str] | None:
        return self.sources.get(page)

    def forget(self) -> None:
        """Drop what is known of the pages (the last step that needed them is done)."""
        self.root, self.pages, self.sources = None, {}, {}
