"""`bloc check`: every item and registry, validated without building; exit 1 on errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bloc_content.corpus import load_corpus
from bloc_content.diagnostics import Diagnostic
from bloc_content.messages import catalog

from .i18n import _


def collect(root: Path) -> tuple[list[Diagnostic], int] | None:
    """All diagnostics of the site at `root` and the number of files read; None if no site there."""
    data_dir, content_dir = root / "content" / "data", root / "content" / "news"
    if not data_dir.is_dir():
        return None
    _items, parsed, problems = load_corpus(content_dir, data_dir, root)
    return sorted(set(problems)), len(parsed)


def run(args) -> int:
    root = Path(args.root)
    found = collect(root)
    if found is None:
        print(_("Cannot find content/data/ in '{root}'. Run this command in the site's folder.", root=root),
              file=sys.stderr)
        return 2
    problems, files = found
    errors = sum(d.severity == "error" for d in problems)
    warnings = len(problems) - errors
    if args.format == "json":
        print(json.dumps([d.as_dict() for d in problems], ensure_ascii=False, indent=2))
    else:
        for diagnostic in problems:
            print(diagnostic.render(catalog(args.lang)))
    if errors or warnings:
        print(_("{errors} error(s) and {warnings} warning(s) in {files} file(s).",
                errors=errors, warnings=warnings, files=files), file=sys.stderr)
    else:
        print(_("No problems found in {files} file(s).", files=files), file=sys.stderr)
    if errors:
        print(_("Fix the errors, then run 'make check' again. Every message is explained in docs/huong-dan.md."),
              file=sys.stderr)
    return 1 if errors else 0
