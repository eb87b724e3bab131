"""Marks left for a person in a file: '# cần xác nhận' comments and 'CẦN VIẾT' placeholders.

In a draft they are warnings (a to-do list); in a published item they are errors.
"""

from __future__ import annotations

import re

from .diagnostics import Diagnostic, t

CONFIRM = re.compile(r"#\s*cần xác nhận\s*:?\s*(.*)$", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\b(CẦN VIẾT|CẦN DỊCH|TO WRITE|TO TRANSLATE)\b")
_KEY = re.compile(r"^\s*(?:-\s*)?([A-Za-z_]+)\s*:")


def review_markers(path: str, text: str, published: bool) -> list[Diagnostic]:
    severity = "error" if published else "warning"
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        key = _KEY.match(line)
        field = key.group(1) if key else ""
        confirm = CONFIRM.search(line)
        if confirm:
            what = confirm.group(1).strip()
            problems.append(Diagnostic(
                path, number, field, t("not yet confirmed: {what}", what=what) if what else t("not yet confirmed"),
                t("check it against the original article, correct it, then delete the comment '# cần xác nhận'"),
                severity))
            line = line[:confirm.start()]
        if line.lstrip().startswith("#"):
            continue  # a commented example, not text
        placeholder = PLACEHOLDER.search(line)
        if placeholder:
            problems.append(Diagnostic(
                path, number, field, t("placeholder '{text}' still to replace", text=placeholder.group(1)),
                t("write the real text in its place"), severity))
    return problems
