"""One diagnostic type for every content error, rendered Sphinx-style: path:line: field: message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"

    def render(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        subject = f"{self.field}: " if self.field else ""
        text = f"{where}: {self.severity}: {subject}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
        }


@dataclass
class Diagnostics:
    """Collects every diagnostic of a run so they can be reported at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, *args, **kwargs) -> None:
        self.items.append(Diagnostic(*args, **kwargs))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))


class ContentError(Exception):
    """Raised once, after every diagnostic of a run has been collected."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(set(diagnostics))
        count = len([d for d in self.diagnostics if d.severity == "error"])
        super().__init__(f"{count} content error(s)")

    def report(self) -> str:
        return "\n".join(d.render() for d in self.diagnostics)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint, or '' when nothing is close."""
    choices = list(choices)
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'?"
    return ""


def choices_hint(value: str, choices: Iterable[str], limit: int = 12) -> str:
    """'did you mean' when something is close, otherwise the list of valid values."""
    choices = sorted(choices)
    hint = did_you_mean(value, choices)
    if hint:
        return hint
    shown = ", ".join(choices[:limit]) + (", ..." if len(choices) > limit else "")
    return f"expected one of: {shown}"
