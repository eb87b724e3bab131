"""Limits on the work Markdown may do for one body, checked before Python-Markdown runs.

Python-Markdown's inline patterns are quadratic in the number of '[' in one paragraph
(25,000 of them took two minutes), so is its reading of unclosed '<!--' (20,000 took 14 s),
and its block parser recurses once per nesting level
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
    """BLOC_MARKDOWN_MAX_BRACKETS, _MAX_COMMENTS and _MAX_NESTING, with their defaults."""

    max_brackets: int = 500  # '[' in one paragraph; a real one has a few dozen links at most
    max_comments: int = 50  # '<!--' in one paragraph; a real one has one or none
    max_nesting: int = 20  # list and blockquote levels; a news item needs three or four

    @classmethod
    def from_settings(cls, settings: dict) -> BodyLimits:
        return cls(settings.get("BLOC_MARKDOWN_MAX_BRACKETS", cls.max_brackets),
                   settings.get("BLOC_MARKDOWN_MAX_COMMENTS", cls.max_comments),
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
    runs = (("[", limits.max_brackets, "BLOC_MARKDOWN_MAX_BRACKETS"),
            ("<!--", limits.max_comments, "BLOC_MARKDOWN_MAX_COMMENTS"))
    counts = [0] * len(runs)
    reported: set[str] = set()
    problems: list[Diagnostic] = []
    for offset, line in enumerate(body.split("\n")):
        number = body_line + offset
        if not line.strip():
            counts = [0] * len(runs)  # a blank line ends the paragraph Markdown scans as one text
            continue
        for index, (what, limit, setting) in enumerate(runs):
            counts[index] += line.count(what)
            if counts[index] > limit and what not in reported:
                reported.add(what)
                problems.append(Diagnostic(path, number, "", t(
                    "more than {limit} '{what}' in one paragraph; Markdown would take minutes to read it",
                    limit=limit, what=what), t("remove the stray '{what}', or raise {setting}", what=what, setting=setting)))
        if "nesting" not in reported and len(line) > limits.max_nesting:
            depth = nesting(line)
            if depth > limits.max_nesting:
                reported.add("nesting")
                problems.append(Diagnostic(path, number, "", t(
                    "lists or quotes nested {depth} levels deep; the limit is {limit}",
                    depth=depth, limit=limits.max_nesting),
                    t("flatten the list, or raise BLOC_MARKDOWN_MAX_NESTING")))
    return problems
