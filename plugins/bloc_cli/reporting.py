"""What `bloc build` prints: nothing while it works but progress bars on a terminal (every
step with -v), then the problems, each once, and a summary in the person's language (or
the same as JSON with --format json)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import _
from .observe import SETTING
from .problems import ProblemLog, problems
from .progress import BuildProgress, live_display
from .report import BuildReport, Items, Pages, Photos, Rendering, summary_lines


@dataclass
class Outcome:
    """One run of Pelican: did it succeed, what it found, what it counted."""

    ok: bool
    failure: str = ""  # why it failed, for the last line
    found: list = field(default_factory=list)  # Diagnostics and log records
    progress: BuildProgress = field(default_factory=BuildProgress)
    read_all: bool = False  # the article generator finished: item counts are complete
    pages: Pages | None = None
    render: object = None  # bloc_render's RenderState: pages rendered and reused
    unchanged: bool = False  # nothing changed since the last build: nothing was built (unchanged.py)


class _Detail(logging.Handler):
    """-v: every step as Pelican and the plugins log it; problems wait for the end."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.WARNING

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)  # sys.stderr now: rich may have redirected it


def run_pelican(settings: dict, args: argparse.Namespace) -> Outcome:
    """Run Pelican with `settings`, collecting its problems instead of printing them."""
    from bloc_content.diagnostics import ContentError
    from pelican import Pelican

    from . import observe

    observe.connect()
    root = logging.getLogger()
    root.setLevel(logging.INFO if args.verbose else logging.WARNING)
    collected = ProblemLog()
    handlers = [collected] + ([_Detail()] if args.verbose else [])
    for handler in handlers:
        root.addHandler(handler)
    live = live_display(sys.stderr, redirect=args.verbose)
    progress = BuildProgress(live, label=_)
    settings[SETTING] = progress
    outcome = Outcome(ok=False, progress=progress)
    # Pelican prints its own summary ("Done: Processed ... articles, ... hidden pages") on
    # standard output: in the site's words, that is our summary's job, so only -v shows it.
    hidden = contextlib.nullcontext() if args.verbose else contextlib.redirect_stdout(io.StringIO())
    try:
        with hidden, (live or contextlib.nullcontext()):
            Pelican(settings).run()
        outcome.ok = not collected.errors
        if collected.errors:
            outcome.failure = _("{count} error(s) logged", count=len(collected.errors))
    except ContentError as exc:
        outcome.found.extend(exc.diagnostics)
        errors = sum(d.severity == "error" for d in exc.diagnostics)
        outcome.failure = _("{count} error(s)", count=errors)
    except Exception as exc:  # a bug or a template error: say so plainly, keep the old site
        logging.getLogger(__name__).exception("the build stopped: %s", exc)
        outcome.failure = _("the build stopped")
    finally:
        for handler in handlers:
            root.removeHandler(handler)
    outcome.read_all = "write" in progress.phases
    outcome.found.extend(collected.diagnostics())
    return outcome


def shows_summary(args: argparse.Namespace) -> bool:
    return args.format == "json" or not args.quiet


def build_report(outcome: Outcome, lang: str, final: Path, seconds: float) -> BuildReport:
    from bloc_content.messages import catalog

    found = problems(outcome.found, catalog(lang))
    counts = outcome.progress.counts
    published = {key.split(".", 1)[1]: n for key, n in counts.items() if key.startswith("published.")}
    items = Items(published=published, drafts=counts["drafts"], embargoed=counts["embargoed"]) \
        if outcome.read_all else None
    photos = Photos(total=counts["photos.new"] + counts["photos.cached"], encoded=counts["photos.new"],
                    cached=counts["photos.cached"])
    return BuildReport(ok=outcome.ok, lang=lang, output=final.as_posix(), seconds=round(seconds, 2),
                       errors=sum(p.severity == "error" for p in found),
                       warnings=sum(p.severity == "warning" for p in found),
                       problems=found, items=items, pages=outcome.pages, photos=photos,
                       rendering=_rendering(outcome), unchanged=outcome.unchanged)


def _rendering(outcome: Outcome) -> Rendering | None:
    state = outcome.render
    if state is None or not outcome.read_all:
        return None
    return Rendering(rendered=state.rendered, reused=state.reused)


def finish(args: argparse.Namespace, outcome: Outcome, final: Path, seconds: float) -> int:
    """Print the problems and the summary (or the JSON report); the exit status."""
    report = build_report(outcome, args.lang, final, seconds)
    for problem in report.problems:
        print(problem.text, file=sys.stderr)
    sys.stderr.flush()  # before the summary, in a log that mixes both streams
    if args.format == "json":
        print(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2))
    elif shows_summary(args):
        print("\n".join(summary_lines(report, _, Path.cwd())), file=sys.stdout if report.ok else sys.stderr)
    if not report.ok:
        kept = _("the previous site is unchanged") if final.exists() else _("nothing was published")
        print(_("build failed: {why}; {kept} ({name}/)", why=outcome.failure, kept=kept, name=final.name),
              file=sys.stderr)
    return 0 if report.ok else 1
