"""Is a translation made from the current state of its original?

A translation records `translated_from: {hash: ..., date: ...}`: the first 12 hex digits of
the sha256 of the original's normalised content when it was translated. The hash is
computed from the file's text alone (no git history), so it holds on a fresh clone, and it
ignores what does not change the meaning: line endings, trailing spaces, blank-line runs,
Unicode composition, YAML layout and comments, and the bookkeeping fields `updated` and
`status`. Everything a reader sees in the original counts (body, words and facts).

Staff never see the hash: `make translated ITEM=content/news/<year>/<item>` writes it (see
bloc_content.translated), and `bloc check` names each translation that is behind its original.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass

from .diagnostics import Diagnostic, t

HASH_LENGTH = 12
_BOOKKEEPING = {"updated", "status"}


def normalise_body(body: str) -> str:
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", body).replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


def content_hash(model, body: str) -> str:
    """The hash of an original (an ItemFile model and its Markdown body)."""
    facts = model.model_dump(mode="json", exclude=_BOOKKEEPING, exclude_none=True)
    text = json.dumps(facts, ensure_ascii=False, sort_keys=True) + "\n\n" + normalise_body(body)
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode()).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Staleness:
    recorded: str
    current: str
    changed: dt.datetime | None  # the original's `updated`, when it says


def check(original, original_body: str, translation) -> Staleness | None:
    """None when the translation is current or does not say what it was translated from."""
    recorded = getattr(translation, "translated_from", None)
    if recorded is None:
        return None
    current = content_hash(original, original_body)
    if current == recorded.hash:
        return None
    return Staleness(recorded.hash, current, original.updated)


def stale_translations(items) -> list[Diagnostic]:
    """A warning on each translation whose (valid) original changed after it was translated."""
    problems = []
    for item in items:
        original = item.original
        if not original.ok:
            continue  # the original's own errors come first; its hash is not final yet
        for translation in item.translations.values():
            stale = check(original.model, original.front.body, translation.model)
            if stale is not None:
                problems.append(stale_warning(original, translation, stale))
    return problems


def stale_warning(original, translation, stale: Staleness) -> Diagnostic:
    folder = original.path.rsplit("/", 1)[0]
    if stale.changed:
        message = t("the original {path} changed after this translation (updated {date}): "
                    "it was translated from {recorded}, the original is now {current}",
                    path=original.path, date=stale.changed.date().isoformat(),
                    recorded=stale.recorded, current=stale.current)
        hint = t("bring the translation up to date, then run: make translated ITEM={folder}", folder=folder)
    else:
        message = t("the original {path} changed after this translation: "
                    "it was translated from {recorded}, the original is now {current}",
                    path=original.path, recorded=stale.recorded, current=stale.current)
        hint = t("bring the translation up to date, then run: make translated ITEM={folder}; "
                 "give the original an `updated:` date so readers see when it changed", folder=folder)
    return Diagnostic(translation.path, translation.line("translated_from", "hash"), "translated_from.hash",
                      message, hint, severity="warning")
