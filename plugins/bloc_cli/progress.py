"""What a running build shows and counts: its phase, and progress bars for the long steps
(photos, search index) on a terminal; nothing on a pipe or in a CI log.

`bloc build` puts one `BuildProgress` into the Pelican settings as `BLOC_BUILD`; plugins
that do long work take it from there (`settings.get("BLOC_BUILD")`, absent under plain
Pelican) and call `task(key, total)`, then `advance(n, kind)` on what it returns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import IO

from .i18n import gettext_noop

# What the person reads for a phase, a task or a kind of step (keys are what plugins pass).
LABELS = {
    "read": gettext_noop("Reading the content"),
    "write": gettext_noop("Writing the pages"),
    "finish": gettext_noop("Checking the pages, search index"),
    "photos": gettext_noop("Photos"),
    "search": gettext_noop("Search index"),
    "cached": gettext_noop("from the cache"),
    "new": gettext_noop("new"),
    "failed": gettext_noop("failed"),
    "changed": gettext_noop("changed"),
    "unchanged": gettext_noop("unchanged"),
}


def _detached() -> None:
    return None


class Task:
    """One progress bar: `advance(n, kind)` moves it and counts `kind` (cached, new...)."""

    def __init__(self, progress: BuildProgress, key: str, bar_id) -> None:
        self.progress, self.key, self.bar_id = progress, key, bar_id
        self.kinds: Counter[str] = Counter()

    def advance(self, n: int = 1, kind: str = "") -> None:
        if n <= 0:
            return
        if kind:
            self.kinds[kind] += n
            self.progress.counts[f"{self.key}.{kind}"] += n
        if self.bar_id is not None:
            note = ", ".join(f"{self.progress.label(k)}: {v}" for k, v in sorted(self.kinds.items()))
            self.progress.live.update(self.bar_id, advance=n, note=note)


class BuildProgress:
    """The build's live display (None when not on a terminal) and the counts plugins report."""

    def __init__(self, live=None, label: Callable[[str], str] = str) -> None:
        self.live = live
        self._label = label
        self.counts: Counter[str] = Counter()
        self.phases: list[str] = []
        self._phase_id = live.add_task(self.label("read"), total=None, note="") if live is not None else None

    def label(self, key: str) -> str:
        return self._label(LABELS.get(key, key))

    def phase(self, key: str) -> None:
        self.phases.append(key)
        if self._phase_id is not None:
            self.live.update(self._phase_id, description=self.label(key))

    def task(self, key: str, total: int) -> Task:
        bar_id = self.live.add_task(self.label(key), total=total, note="") if self.live is not None else None
        return Task(self, key, bar_id)

    def __reduce__(self):
        # Pelican pickles articles with their settings into its content cache: a cached copy
        # of the settings holds no live display (which could not be pickled anyway).
        return (_detached, ())


def live_display(stream: IO[str], redirect: bool = False):
    """A rich progress display on `stream` if it is a terminal, else None. With `redirect`,
    what is printed meanwhile on standard output and error appears above the bars."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    class Count(MofNCompleteColumn):
        def render(self, task):  # a phase has no count: nothing rather than '0/?'
            return super().render(task) if task.total is not None else Text("")

    console = Console(file=stream)
    if not console.is_terminal or console.is_dumb_terminal:
        return None
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), Count(),
                    TextColumn("{task.fields[note]}"), TimeElapsedColumn(), console=console, transient=True,
                    redirect_stdout=redirect, redirect_stderr=redirect)
