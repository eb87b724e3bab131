"""The problems a build met, printed once at the end: errors, then warnings, each once,
grouped by file, in the person's language."""

from __future__ import annotations

import logging

from bloc_content.diagnostics import Diagnostic, translate

from .report import Problem


class ProblemLog(logging.Handler):
    """Collects warnings and errors logged during a build. A record carrying a content
    `diagnostic` (bloc_content logs its warnings that way) keeps its file and line."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @property
    def errors(self) -> list[logging.LogRecord]:
        return [r for r in self.records if r.levelno >= logging.ERROR]

    def diagnostics(self) -> list[Diagnostic | logging.LogRecord]:
        return [getattr(r, "diagnostic", None) or r for r in self.records]


def problems(found, catalog) -> list[Problem]:
    """Diagnostics and plain log records as Problems: errors first, then warnings, by file
    and line; each distinct problem once."""
    seen: dict[tuple, Problem] = {}
    for entry in found:
        problem = _diagnostic(entry, catalog) if isinstance(entry, Diagnostic) else _record(entry, catalog)
        seen.setdefault((problem.severity, problem.path, problem.line, problem.text), problem)
    order = {"error": 0, "warning": 1}
    return sorted(seen.values(), key=lambda p: (order[p.severity], p.path, p.line, p.text))


def _diagnostic(diagnostic: Diagnostic, catalog) -> Problem:
    return Problem(severity="error" if diagnostic.severity == "error" else "warning", path=diagnostic.path,
                   line=diagnostic.line, field=diagnostic.field, message=translate(diagnostic.message, catalog),
                   hint=translate(diagnostic.hint, catalog), text=diagnostic.render(catalog))


def _record(record: logging.LogRecord, catalog) -> Problem:
    """A problem logged as text (by Pelican or a plugin): its words are its own."""
    severity = "error" if record.levelno >= logging.ERROR else "warning"
    message = record.getMessage()
    text = f"{translate(severity, catalog)}: {message}"
    if record.exc_info:  # a bug, not a content problem: the traceback is what a developer needs
        text += "\n" + logging.Formatter().formatException(record.exc_info)
    return Problem(severity=severity, path="", line=0, field="", message=message, hint="", text=text)
