"""The glue of unchanged.py for `bloc build`: is the previous site still the answer, replay
its report, remember this build's. The digests come from bloc_render and bloc_content."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from . import reporting
from .i18n import _
from .quick_preview import SOURCES_SETTING


class UnchangedBuild:
    """The glue of unchanged.py: is the previous site still the answer, replay its report,
    remember this build's."""

    def __init__(self, settings, final: Path, cache: Path) -> None:
        from bloc_content.visibility import build_time

        from . import unchanged

        self.path = unchanged.record_path(cache, final)
        self.record = unchanged.load(self.path)
        try:
            self.listing = unchanged.inputs_listing(settings, _describe, _plugins_code(settings), os.environ)
            self.inputs = unchanged.digest(self.listing)
        except Exception:  # an input it cannot describe, or a bug of its own: build
            self.listing = self.inputs = None
        self.current = self.inputs is not None and unchanged.still_current(self.record, self.inputs, final,
                                                                           build_time())

    def replay(self, args: argparse.Namespace, final: Path, seconds: float) -> int:
        from types import SimpleNamespace

        from .progress import BuildProgress
        from .report import Pages

        record = self.record
        progress = BuildProgress()
        progress.counts.update(record.counts)
        progress.counts["photos.cached"] += progress.counts.pop("photos.new", 0)  # none encoded now
        pages = Pages(total=record.pages, new=0, changed=0, unchanged=record.pages, removed=0)
        outcome = reporting.Outcome(ok=True, found=list(record.found), progress=progress, read_all=True,
                                    pages=pages if reporting.shows_summary(args) else None,
                                    render=SimpleNamespace(rendered=0, reused=record.fingerprinted), unchanged=True)
        if getattr(args, "page_sources", None) is not None:  # the dev server's quick preview asks
            args.page_sources.update(record.page_sources)
        if args.format != "json" and reporting.shows_summary(args):
            print(_("Nothing changed since the last build: {name}/ is up to date.", name=final.name))  # with the summary
        return reporting.finish(args, outcome, final, seconds)

    def remember(self, outcome, settings, final: Path) -> None:
        from bloc_content.build_state import STATE_KEY

        from . import unchanged

        state = settings.get(STATE_KEY)
        if self.inputs is None or state is None or not outcome.read_all:
            unchanged.save(self.path, None)
            return
        from bloc_indexes.glue import record_path

        # The build added its URLs to the record of published URLs: the next build reads the
        # record as this one left it, and builds the same site from it.
        inputs = unchanged.digest(unchanged.restated(self.listing, record_path(settings)))
        output = unchanged.tree_stats(final)
        render = outcome.render
        unchanged.save(self.path, unchanged.Record(
            inputs=inputs, output=output, valid_until=state.next_change,
            found=[_keepable(entry) for entry in outcome.found], counts=dict(outcome.progress.counts),
            pages=sum(name.endswith(".html") for name in output),
            fingerprinted=len(render.new) if render is not None else 0,
            page_sources=dict(settings.get(SOURCES_SETTING) or {})))


def _describe(value) -> str:
    from bloc_render.digest import Digester, new_hash

    hasher = new_hash()
    Digester().feed(hasher, value)
    return hasher.hexdigest()


def _plugins_code(settings) -> str:
    from bloc_render.site import plugins_code_digest

    plugins = [p for p in settings.get("PLUGINS", []) if isinstance(p, str)]
    added = [str(path) for path in settings.get("PLUGIN_PATHS", []) if str(path) not in sys.path]
    sys.path[:0] = added  # where Pelican will look for them
    try:
        return plugins_code_digest(plugins)
    finally:
        for path in added:
            sys.path.remove(path)


def _keepable(entry):
    """A problem as the record keeps it: a log record loses what cannot be pickled (its
    arguments are already in its message)."""
    if isinstance(entry, logging.LogRecord):
        return logging.makeLogRecord({"name": entry.name, "levelno": entry.levelno, "levelname": entry.levelname,
                                      "msg": entry.getMessage(), "args": None})
    return entry
