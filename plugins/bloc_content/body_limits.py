"""Limits on the work Markdown may do for one body, checked before Python-Markdown runs.

Python-Markdown's inline patterns are quadratic in the number of '[' in one paragraph
(25,000 of them took two minutes), and its block parser recurses once per nesting level
(a list nested 990 levels deep ends in a RecursionError). Both are found here by a linear
scan, so a hostile or broken file fails at once with its path and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Diagnostic, t

# One level of block nesting at the start of a line: a blockquote marker or a list marker.
_MARKER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")


@dataclass(frozen=True)
class BodyLimits:
    """BLOC_MARKDOWN_MAX_BRACKETS and BLOC_MARKDOWN_MAX_NESTING, with their defaults."""

    max_brackets: int = 500  # '[' in one paragraph; a real one has a few dozen links at most
    max_nesting: int = 20  # list and blockquote levels; a news item needs three or four

    @classmethod
    def from_settings(cls, settings: dict) -> BodyLimits:
        return cls(settings.get("BLOC_MARKDOWN_MAX_BRACKETS", cls.max_brackets),
                   settings.get("BLOC_MARKDOWN_MAX_NESTING", cls.max_nesting))


def nesting(line: str, tab: int = 4) -> int:
    """Block levels a line opens: its indentation (a level per 4 columns) and its markers."""
    expanded = line.expandtabs(tab)
    indent = len(expanded) - len(expanded.lstrip(" "))
    levels = indent // tab
    rest = expanded[indent:]
    while True:
        match = _MARKER.match(rest)
        if not match:
            return levels
        levels += 1
        rest = rest[match.end():]


def check_body_limits(body: str, body_line: int, path: str, limits: BodyLimits) -> list[Diagnostic]:
    """At most one diagnostic per limit: the first line where it is crossed."""
    problems: list[Diagnostic] = []
    brackets = 0
    bracket_reported = nesting_reported = False
    for offset, line in enumerate(body.split("\n")):
        number = body_line + offset
        if not line.strip():
            brackets = 0  # a blank line ends the paragraph Markdown scans as one text
            continue
        brackets += line.count("[")
        if brackets > limits.max_brackets and not bracket_reported:
            bracket_reported = True
            problems.append(Diagnostic(path, number, "", t(
                "more than {limit} '[' in one paragraph; Markdown would take minutes to read it",
                limit=limits.max_brackets), t("remove the stray brackets, or raise BLOC_MARKDOWN_MAX_BRACKETS")))
        if not nesting_reported and len(line) > limits.max_nesting:
            depth = nesting(line)
            if depth > limits.max_nesting:
                nesting_reported = True
                problems.append(Diagnostic(path, number, "", t(
                    "lists or quotes nested {depth} levels deep; the limit is {limit}",
                    depth=depth, limit=limits.max_nesting),
                    t("flatten the list, or raise BLOC_MARKDOWN_MAX_NESTING")))
    return problems
