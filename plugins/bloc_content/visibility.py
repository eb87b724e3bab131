"""Which files of the corpus the public site shows at a given moment.

A file is public when it says `status: published` and its `published` time has come.
An item is public when its original is; a translation of a public item is public when
it is itself public, otherwise its language shows the "not translated yet" page. Nothing
of a hidden file reaches the site (pages, listings, records, feeds, photos), and its
problems are warnings: an unfinished draft never stops the public build.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping

from .diagnostics import Diagnostic
from .model import ItemFile
from .pairing import Item
from .validate import ParsedItem

PUBLISHED, DRAFT, EMBARGOED = "published", "draft", "embargoed"
_DRAFT_LINE = re.compile(r"(?m)^status:\s*['\"]?draft['\"]?\s*(#.*)?$")


def build_time(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """The moment a build publishes for: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)


def file_state(model: ItemFile, now: dt.datetime) -> str:
    if model.status != PUBLISHED:
        return DRAFT
    return EMBARGOED if model.published > now else PUBLISHED


def next_change(models: Iterable[ItemFile | None], now: dt.datetime) -> dt.datetime | None:
    """The first moment after `now` when one of these files changes state (its embargo ends):
    until then, what the site shows is what it shows at `now`."""
    return min((m.published for m in models if m is not None and m.status == PUBLISHED and m.published > now),
               default=None)


def declares_draft(parsed: ParsedItem) -> bool:
    """A file that did not validate is still a draft when it says so (even if its YAML is broken)."""
    if parsed.model is not None:
        return parsed.model.status == DRAFT
    if parsed.front is not None and isinstance(parsed.front.data, dict):
        return parsed.front.data.get("status") == DRAFT
    text = parsed.front.text if parsed.front is not None else parsed.raw_text
    return bool(text) and bool(_DRAFT_LINE.search(text.split("\n---", 1)[0]))


def states(items: Iterable[Item], now: dt.datetime) -> dict[str, str]:
    """{path: published|draft|embargoed} for every file of every item (a translation of a
    hidden item takes its original's state)."""
    out: dict[str, str] = {}
    for item in items:
        original = file_state(item.original.model, now)
        out[item.original.path] = original
        for translation in item.translations.values():
            own = file_state(translation.model, now)
            out[translation.path] = own if original == PUBLISHED else original
    return out


def public_items(items: Iterable[Item], state: Mapping[str, str]) -> list[Item]:
    """The items the public site shows, each with only its public translations."""
    out = []
    for item in items:
        if state.get(item.original.path) != PUBLISHED:
            continue
        shown = {lang: t for lang, t in item.translations.items() if state.get(t.path) == PUBLISHED}
        out.append(Item(item.key, item.original, shown))
    return out


def demote(diagnostics: Iterable[Diagnostic], hidden: set[str]) -> list[Diagnostic]:
    """Errors in files the public site does not show become warnings."""
    out = []
    for d in diagnostics:
        if d.severity == "error" and d.path in hidden:
            d = Diagnostic(d.path, d.line, d.field, d.message, d.hint, severity="warning")
        out.append(d)
    return out
