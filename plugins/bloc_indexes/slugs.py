"""Pages that would be written to the same file (an item's URL is checked in published.py)."""

from __future__ import annotations

from bloc_content.diagnostics import Diagnostic, t


def find_collisions(outputs: list[tuple[str, str]]) -> list[Diagnostic]:
    """Pages of ours and of Pelican that would be written to the same file: (file, what)."""
    seen: dict[str, str] = {}
    problems = []
    for path, what in outputs:
        if path in seen and seen[path] != what:
            problems.append(Diagnostic(what, 0, "", t("would be written to '{path}', which is also the page of {other}",
                                                      path=path, other=seen[path]),
                                       t("change a slug or a URL pattern in BLOC_URLS")))
        seen.setdefault(path, what)
    return problems
