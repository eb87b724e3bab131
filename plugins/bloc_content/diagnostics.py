"""One diagnostic type for every content error, rendered Sphinx-style: path:line: field: message."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field


class Text(str):
    """English text that remembers its template and values, so that it can be shown in
    another language later: t("unknown organisation '{value}'", value="bo-tc")."""

    template: str
    values: dict

    def __new__(cls, template: str, **values):
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template = template
        text.values = values
        return text

    def __reduce__(self):
        return (_text, (self.template, self.values))


def _text(template: str, values: dict) -> Text:
    return Text(template, **values)


t = Text  # the marker Babel extracts messages by (see plugins/bloc_content/babel.cfg)


def N_(message: str) -> str:  # gettext's name for "mark now, translate later"
    return message


def translate(text, catalog) -> str:
    """`text` in the catalogue's language; untranslated or plain text stays as it is."""
    if catalog is None or not text:
        return str(text)
    template = getattr(text, "template", None)
    if template is None:
        return catalog.gettext(str(text))
    values = {key: translate(value, catalog) if isinstance(value, Text) else value
              for key, value in text.values.items()}
    return catalog.gettext(template).format(**values)


SEVERITIES = (N_("error"), N_("warning"))
# Shown as escapes, never raw: ESC could recolour or clear the terminal, CR could overwrite
# the start of the line, and bidi or zero-width characters hide what a name really is.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def visible(text: str) -> str:
    """`text` with every control, bidi and zero-width character written as an escape."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1] if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"

    def render(self, catalog=None) -> str:
        """`path:line: error: field: message (hint)`, in the catalogue's language if given."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        subject = f"{self.field}: " if self.field else ""
        severity = translate(self.severity, catalog)
        text = f"{where}: {severity}: {subject}{translate(self.message, catalog)}"
        return visible(f"{text} ({translate(self.hint, catalog)})" if self.hint else text)

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

    def report(self, catalog=None) -> str:
        return "\n".join(d.render(catalog) for d in self.diagnostics)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint, or '' when nothing is close."""
    choices = list(choices)
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.5)
    if close:
        return t("did you mean '{choice}'?", choice=close[0])
    return ""


def choices_hint(value: str, choices: Iterable[str], limit: int = 12) -> str:
    """'did you mean' when something is close, otherwise the list of valid values."""
    choices = sorted(choices)
    hint = did_you_mean(value, choices)
    if hint:
        return hint
    shown = ", ".join(choices[:limit]) + (", ..." if len(choices) > limit else "")
    return t("expected one of: {choices}", choices=shown)
