"""`bloc translated ITEM`: the English file is now a translation of the current Vietnamese one."""

from __future__ import annotations

import sys
from pathlib import Path

from bloc_content.messages import catalog
from bloc_content.translated import original_hash, set_translated_from, today

from .i18n import _


def run(args) -> int:
    root = Path(args.root).resolve()
    folder = Path(args.item)
    folder = (folder if folder.is_absolute() else root / folder).resolve()
    if folder.is_file():
        folder = folder.parent
    news = (root / "content" / "news").resolve()
    if not folder.is_relative_to(news) or not folder.is_dir():
        print(_("'{item}' is not an item folder under content/news/, e.g. content/news/2024/ten-tin.",
                item=args.item), file=sys.stderr)
        return 2
    shown = folder.relative_to(root).as_posix()
    original, translation = folder / "index.vi.md", folder / "index.en.md"
    if not original.is_file():
        print(_("{folder} has no index.vi.md: there is no original to translate from.", folder=shown), file=sys.stderr)
        return 2
    if not translation.is_file():
        print(_("{folder} has no index.en.md yet: write the translation first.", folder=shown), file=sys.stderr)
        return 2
    hash_, problems = original_hash(original.read_bytes(), f"{shown}/index.vi.md")
    if hash_ is None:
        for problem in problems:
            print(problem.render(catalog(args.lang)), file=sys.stderr)
        print(_("Fix the original first: run 'make check'."), file=sys.stderr)
        return 1
    text = translation.read_text(encoding="utf-8")
    try:
        updated = set_translated_from(text, hash_, today())
    except ValueError:
        print(_("{path} has no front matter between two '---' lines.", path=f"{shown}/index.en.md"), file=sys.stderr)
        return 1
    if updated != text:
        translation.write_text(updated, encoding="utf-8")
    print(_("{path}: marked as the translation of the current {original} (translated_from: {hash}).",
            path=f"{shown}/index.en.md", original="index.vi.md", hash=hash_))
    return 0
