"""`bloc import SRC`: a legacy article becomes a draft item under content/news/<year>/<slug>/."""

from __future__ import annotations

import sys
from pathlib import Path

from bloc_content.registries import load_registry
from bloc_import.draft import ImportProblem, import_legacy

from .i18n import _
from .new import parse_date


def run(args) -> int:
    root = Path(args.root)
    source = Path(args.src)
    try:
        text = source.read_bytes().decode("utf-8-sig")
        date = parse_date(args.date)
    except OSError as exc:
        print(_("Cannot read {path}: {error}", path=source, error=exc.strerror), file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(_("{path} is not UTF-8 text. Save it as UTF-8 and try again.", path=source), file=sys.stderr)
        return 2
    except ValueError:
        print(_("'{value}' is not a date: write YYYY-MM-DD, e.g. 2024-07-15.", value=args.date), file=sys.stderr)
        return 2
    registry, _problems = load_registry(root / "content" / "data", root)
    if not registry.organisations:
        print(_("Cannot read the registries in content/data/. Run 'make check' to see why."), file=sys.stderr)
        return 2
    try:
        draft = import_legacy(text, registry, title=args.title, date=date, source_name=source.name)
    except ImportProblem as exc:
        if str(exc) == "no year":
            print(_("The text gives no year. Add the day of the event: --date YYYY-MM-DD"), file=sys.stderr)
        else:
            print(_("{path} has no text to import.", path=source), file=sys.stderr)
        return 1
    out = Path(args.out)
    out = out if out.is_absolute() else root / out
    folder = out / str(draft.year) / draft.slug
    target = folder / "index.vi.md"
    if target.exists():
        print(_("{path} already exists; nothing was written. Use --title to give the item another name.",
                path=_show(target, root)), file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(draft.text, encoding="utf-8")
    facts = draft.facts
    print(_show(target, root))
    print(_("Draft written. Proposed: {members} member(s), {awards} award(s), {people} person(s), "
            "{photos} photo caption(s){elections}{covenant}.",
            members=len(facts.members), awards=len(facts.awards),
            people=len(facts.attendees) + (1 if facts.chair else 0), photos=len(draft.legacy.captions),
            elections=_(", the bloc election") if facts.elections else "",
            covenant=_(", the covenant") if facts.covenant else ""), file=sys.stderr)
    print(_("Check every line marked '# cần xác nhận' against the original, add the photos and their alt text, "
            "then run 'make check'."), file=sys.stderr)
    return 0


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
