"""`bloc import SRC`: legacy articles become draft items under content/news/<year>/<slug>/.

SRC is one text file or a folder of them. Each article gets its Vietnamese draft and its
English draft; one line per article says what was proposed and what a person must add.
An existing item is never overwritten, and one bad file never stops the others.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bloc_content.registries import Registry, load_registry
from bloc_import.draft import Draft, ImportProblem, import_legacy

from .i18n import _
from .new import parse_date

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def run(args) -> int:
    root = Path(args.root)
    source = Path(args.src)
    try:
        date = parse_date(args.date)
    except ValueError:
        print(_("'{value}' is not a date: write YYYY-MM-DD, e.g. 2024-07-15.", value=args.date), file=sys.stderr)
        return 2
    if source.is_dir():
        files = sorted(p for p in source.iterdir()
                       if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            print(_("{path} has no text files (.txt, .md) to import.", path=source), file=sys.stderr)
            return 1
    elif source.is_file():
        files = [source]
    else:
        print(_("Cannot read {path}: {error}", path=source, error=_("no such file or folder")), file=sys.stderr)
        return 2
    registry, _problems = load_registry(root / "content" / "data", root)
    if not registry.organisations:
        print(_("Cannot read the registries in content/data/. Run 'make check' to see why."), file=sys.stderr)
        return 2
    out = Path(args.out)
    out = out if out.is_absolute() else root / out
    written = sum(import_one(path, registry, root, out, args.title, date) for path in files)
    if written:
        print(_("Check every line marked '# cần xác nhận' against the original, add the photos and their alt text, "
                "then run 'make check'."), file=sys.stderr)
    return 0 if written == len(files) else 1


def import_one(path: Path, registry: Registry, root: Path, out: Path, title: str | None, date) -> bool:
    """Import one file and print its line; True if a draft was written."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        print(_("Cannot read {path}: {error}", path=path, error=exc.strerror), file=sys.stderr)
        return False
    except UnicodeDecodeError:
        print(_("{path} is not UTF-8 text. Save it as UTF-8 and try again.", path=path), file=sys.stderr)
        return False
    try:
        draft = import_legacy(text, registry, title=title, date=date, source_name=path.name)
    except ImportProblem:
        print(_("{path} has no text to import.", path=path), file=sys.stderr)
        return False
    except Exception as exc:  # one odd text must not stop a batch: say which file, and why
        print(_("{path}: the importer failed on this text ({error}). Nothing was written; please report it "
                "with the file.", path=path, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return False
    folder = out / draft.folder_year / draft.slug
    for n in range(2, 100):  # another article with a title that reads alike: a folder of its own
        existing = next((p for p in (folder / "index.vi.md", folder / "index.en.md") if p.exists()), None)
        if existing is None:
            break
        if _imported_from(existing, path.name) or title:
            print(_("{path} already exists; nothing was written. Use --title to give the item another name.",
                    path=_show(existing, root)), file=sys.stderr)
            return False
        draft = draft.renamed(f"{draft.slug.rsplit('-', 1)[0] if n > 2 else draft.slug}-{n}", registry)
        folder = out / draft.folder_year / draft.slug
    target, target_en = folder / "index.vi.md", folder / "index.en.md"
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(draft.text, encoding="utf-8")
    target_en.write_text(draft.text_en, encoding="utf-8")
    print(_("{src} → {path}: proposed {proposed}; for a person: {needs}.", src=path.name, path=_show(folder, root),
            proposed=", ".join(proposed(draft)) or _("nothing"), needs=", ".join(needs(draft))))
    return True


def _imported_from(existing: Path, source_name: str) -> bool:
    """Whether an existing draft was imported from a file of this name (its first comment says so)."""
    vi = existing.with_name("index.vi.md")
    try:
        head = vi.read_text(encoding="utf-8")[:300] if vi.exists() else ""
    except (OSError, UnicodeDecodeError):
        return True  # unreadable: treat as taken, never overwrite
    return f"({source_name})" in head.split("\n", 3)[1] if head.count("\n") >= 1 else True


def proposed(draft: Draft) -> list[str]:
    facts = draft.facts
    people = len(facts.attendees) + len(facts.co_chairs) + (1 if facts.chair else 0)
    parts = [
        _("{n} kind(s)", n=len(facts.kinds)) if facts.kinds else "",
        _("event date") if facts.date else "",
        _("year under review") if facts.about_year else "",
        _("{n} person(s)", n=people) if people else "",
        _("{n} member(s)", n=len(facts.members)) if facts.members else "",
        _("{n} award(s)", n=len(facts.awards)) if facts.awards else "",
        _("head and deputy") if facts.elections else "",
        _("the covenant") if facts.covenant else "",
        _("{n} caption(s)", n=len(draft.legacy.captions)) if draft.legacy.captions else "",
        _("byline") if draft.legacy.byline else "",
    ]
    return [p for p in parts if p]


def needs(draft: Draft) -> list[str]:
    words = {"published": _("publication date"), "date": _("event date"), "kinds": _("event kind"),
             "summary": _("summary"), "byline": _("author"), "translation": _("English translation")}
    out = [words[n] for n in draft.needs if n in words]
    photos = len(draft.legacy.captions)
    if photos:
        out.insert(-1, _("{n} photo(s) with alt text", n=photos))
    return out


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
