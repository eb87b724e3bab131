"""Mark a translation as made from the current state of its original: write `translated_from`.

The line is edited in place, so the rest of the translation (comments, key order, layout)
stays as the translator wrote it. `bloc translated`, `bloc new` and the importer use this.
"""

from __future__ import annotations

import datetime as dt
import re

from .diagnostics import Diagnostic
from .freshness import content_hash
from .validate import parse_item

VIETNAM = dt.timezone(dt.timedelta(hours=7))
_KEY = re.compile(r"^translated_from\s*:")
_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_AFTER = ("translator", "byline", "summary", "translation_key")  # where a new line goes, first found


def today() -> dt.date:
    return dt.datetime.now(VIETNAM).date()


def original_hash(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """The hash of an original file's current state, or None and why it cannot be read."""
    parsed = parse_item(raw, path, None, as_original=True)
    if parsed.model is None:
        return None, [d for d in parsed.diagnostics if d.severity == "error"]
    return content_hash(parsed.model, parsed.front.body), []


def translated_from_line(hash_: str, date: dt.date) -> str:
    return f"translated_from: {{hash: {hash_}, date: {date.isoformat()}}}"


def set_translated_from(text: str, hash_: str, date: dt.date) -> str:
    """`text` (a translation file) with its translated_from set; nothing else changes."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        raise ValueError("front matter is not closed") from None
    new = translated_from_line(hash_, date)
    for i in range(1, close):
        if _KEY.match(lines[i]):
            end = _block_end(lines, i, close)
            comment = re.search(r"\s+#[^'\"}\]]*$", lines[i]) if end == i + 1 else None
            lines[i:end] = [new + (comment.group(0) if comment else "")]
            return "\n".join(lines)
    at = close
    for key in _AFTER:
        found = [i for i in range(1, close) if re.match(rf"^{key}\s*:", lines[i])]
        if found:
            at = _block_end(lines, found[0], close)
            break
    lines.insert(at, new)
    return "\n".join(lines)


def _block_end(lines: list[str], start: int, close: int) -> int:
    """The line after a top-level field and its indented continuation lines."""
    end = start + 1
    while end < close and lines[end].strip() and not _TOP_LEVEL_KEY.match(lines[end]) \
            and not lines[end].startswith("#"):
        end += 1
    return end


def translated_from_for(original_text: str, date: dt.date | None = None) -> str | None:
    """The `translated_from: {...}` line for a new translation of this original's text (for the
    importer and `bloc new`), or None while the original does not validate."""
    hash_, _problems = original_hash(original_text.encode(), "index.vi.md")
    return translated_from_line(hash_, date or today()) if hash_ else None
