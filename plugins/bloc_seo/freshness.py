"""Is a translation made from the current state of its original?

A translation records `translated_from: {hash: ..., date: ...}`: the first 12 hex digits of
the sha256 of the original's normalised content when it was translated. The hash is
computed from the file's text alone (no git history), so it holds on a fresh clone, and it
ignores what does not change the meaning: line endings, trailing spaces, blank-line runs,
Unicode composition, YAML layout and comments, and the bookkeeping fields `updated` and
`status`. Everything a reader sees in the original counts (body, words and facts).

Staff get the hash to paste with:  python -m bloc_seo.freshness content/news/<year>/<item>/index.vi.md
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import unicodedata
from dataclasses import dataclass

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


def main(argv: list[str]) -> int:
    from bloc_content.validate import parse_item

    if not argv:
        print("usage: python -m bloc_seo.freshness PATH/index.vi.md", file=sys.stderr)
        return 2
    with open(argv[0], "rb") as handle:
        parsed = parse_item(handle.read(), argv[0], None, as_original=True)
    if not parsed.ok:
        print("\n".join(d.render() for d in parsed.diagnostics), file=sys.stderr)
        return 1
    today = dt.date.today().isoformat()
    print(f"translated_from: {{hash: {content_hash(parsed.model, parsed.front.body)}, date: {today}}}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
