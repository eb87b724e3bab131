"""`bloc new`: create content/news/<year>/<slug>/index.vi.md and index.en.md as a draft."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bloc_content.registries import load_registry

from .i18n import _
from .scaffold import scaffold


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def run(args) -> int:
    root = Path(args.root)
    try:
        date = parse_date(args.date)
    except ValueError:
        print(_("'{value}' is not a date: write YYYY-MM-DD, e.g. 2024-07-15.", value=args.date), file=sys.stderr)
        return 2
    registry, _problems = load_registry(root / "content" / "data", root)
    if not registry.event_kinds:
        print(_("Cannot read the registries in content/data/. Run 'make check' to see why."), file=sys.stderr)
        return 2
    if args.kind and args.kind not in registry.event_kinds:
        print(_("Unknown event kind '{kind}'. Choose one of: {kinds}",
                kind=args.kind, kinds=", ".join(registry.event_kinds)), file=sys.stderr)
        return 2
    if not args.title.strip():
        print(_("Give a title: --title \"...\""), file=sys.stderr)
        return 2
    slug, year, vi, en = scaffold(args.title.strip(), registry, date, args.kind)
    folder = root / "content" / "news" / str(year) / slug
    if folder.exists():
        print(_("An item already exists in {path}. Choose another title, or edit that item.",
                path=_show(folder, root)), file=sys.stderr)
        return 1
    folder.mkdir(parents=True)
    (folder / "index.vi.md").write_text(vi, encoding="utf-8")
    (folder / "index.en.md").write_text(en, encoding="utf-8")
    vi_path, en_path = _show(folder / "index.vi.md", root), _show(folder / "index.en.md", root)
    print(_("Created {vi} and {en} (a draft: it is not published yet).", vi=vi_path, en=en_path))
    print(_("Next steps:"))
    print(_("  1. Open {path}: write the summary, the author and the text in place of 'CẦN VIẾT'.", path=vi_path))
    print(_("  2. Put the photos in {folder} and list them under photos: (each needs alt text).",
            folder=_show(folder, root)))
    print(_("  3. Translate into {path}, then run: make translated ITEM={folder}", path=en_path,
            folder=_show(folder, root)))
    print(_("  4. Run 'make check' and 'make devserver' to see the item; when it is ready, set status: published in both files."))
    return 0


def _show(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
