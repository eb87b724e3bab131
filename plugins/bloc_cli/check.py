"""`bloc check`: every item and registry, validated without building; exit 1 on errors."""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

from bloc_content.corpus import load_corpus
from bloc_content.diagnostics import Diagnostic
from bloc_content.messages import catalog
from bloc_content.visibility import build_time

from .i18n import _
from .settings_file import problem_of

PROJECT_SETTINGS = Path(__file__).resolve().parents[2] / "pelicanconf.py"


def collect(root: Path) -> tuple[list[Diagnostic], int] | None:
    """All diagnostics of the site at `root` and the number of files read; None if no site there.

    The same rules as the build (bloc_rules.site.check_site), in the same order: a content
    tree with unsafe links or special files stops before any file is read."""
    from bloc_rules.site import SiteSettings, check_site
    from bloc_safety.trust import scan_tree

    data_dir, content_dir = root / "content" / "data", root / "content"
    if not data_dir.is_dir():
        return None
    unsafe = scan_tree(content_dir, root)
    if unsafe:
        return sorted(set(unsafe)), 0
    # A content folder without settings of its own (a scratch copy) uses the project's.
    settings_file = root / "pelicanconf.py" if (root / "pelicanconf.py").is_file() else PROJECT_SETTINGS
    try:
        settings = SiteSettings.from_site(settings_file.parent, settings_file.name, content_dir)
    except Exception as error:  # the settings file does not run: its line, not a traceback
        problem = problem_of(error, settings_file)
        if problem is None:
            raise
        return [problem], 0
    parsed, registry, problems = load_corpus(content_dir / "news", data_dir, root, settings.languages)
    site = check_site(parsed, registry, settings, build_time())
    return sorted(set(problems) | set(site.diagnostics) | set(settings_problems(settings_file))), len(parsed)


def settings_problems(settings_file: Path) -> list[Diagnostic]:
    """The settings' problems the build stops on (each plugin's declaration), as the build shows them."""
    from bloc_content.plugin_settings import declarations_of, problems, setting_lines

    values = runpy.run_path(str(settings_file))
    lines = setting_lines(settings_file.parent, (settings_file.name,))
    return [found for declaration in declarations_of(values.get("PLUGINS", []))
            for found in problems(values, declaration, lines)]


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
