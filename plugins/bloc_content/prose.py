"""The prose of a Markdown body, without its code: checks on raw HTML and images look at
what Markdown reads as text, never at code that shows markup as written."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_INDENTED = re.compile(r"^(?: {4}|\t)")


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line of prose; code spans are blanked, code blocks skipped."""
    fence = None
    previous_blank = True
    in_indented = False
    for offset, line in enumerate(body.split("\n")):
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        blank = not line.strip()
        # An indented block after a blank line is code (list continuations are prose, but
        # skipping them only means they are not checked, never that text is changed).
        in_indented = bool(_INDENTED.match(line)) and (previous_blank or in_indented) and not blank
        previous_blank = blank
        if in_indented:
            continue
        yield offset, _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)


def map_prose(body: str, change: Callable[[str], str]) -> str:
    """`body` with `change` applied to the prose between code spans and outside code blocks."""
    lines = body.split("\n")
    for offset, blanked in prose_lines(body):
        line = lines[offset]
        if blanked == line:
            lines[offset] = change(line)
            continue
        out, last = [], 0
        for match in _CODE_SPAN.finditer(line):
            out.append(change(line[last:match.start()]))
            out.append(match.group())
            last = match.end()
        out.append(change(line[last:]))
        lines[offset] = "".join(out)
    return "\n".join(lines)
