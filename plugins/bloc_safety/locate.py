"""A problem found in a written page, told as the file and line an author can fix."""

from __future__ import annotations

import html
import re

from bloc_content.diagnostics import Diagnostic, t

_HANDLER = re.compile(r"inline event handler (on[a-z]+)=")
_SPACES = re.compile(r"[\x00-\x20]+")


def locate(problem: str, page: str, source: tuple[str, str] | None) -> Diagnostic:
    """`problem` ('page: what') as a Diagnostic on the source file's line that causes it;
    the page itself when no source wrote it (a template)."""
    what = problem.removeprefix(f"{page}: ")
    if source is None:
        return Diagnostic(page, 0, "", t("{problem} (a template wrote it)", problem=what),
                          t("move the code to a script file of the theme"))
    path, text = source
    handler = _HANDLER.search(what)
    needle = f"{handler.group(1)}=" if handler else "javascript:"
    line = 0
    for number, content in enumerate(text.split("\n"), start=1):
        if needle in _SPACES.sub("", html.unescape(content)).lower():
            line = number
            break
    return Diagnostic(path, line, "", t("{problem} in the page {page}", problem=what, page=page),
                      t("remove it, or write the link as an https:// address"))
