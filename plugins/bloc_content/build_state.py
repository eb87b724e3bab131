"""What one build knows, in one typed object (no Pelican import).

`bloc_content` creates a `BuildState` when Pelican is initialised (it is first in
`PLUGINS`) and puts it into the settings under `STATE_KEY`; Pelican copies the settings
into the context every generator shares, so every signal receiver reaches it from what
it is given (`pelican.settings`, `generator.settings`, `generator.context`) through
`build_state()`, the way Pelican's generators share `context` and Sphinx's extensions
share `app.env`. Nothing of a build lives in a module: two builds in one process (the dev
server, the tests) never see each other's state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from .diagnostics import ContentError, Diagnostic
from .written import WrittenPages

if TYPE_CHECKING:
    from .pairing import Item
    from .registries import Registry

# Lower case, so that no plugin takes it for one of its settings (they are upper case).
STATE_KEY = "bloc_build_state"

Part = TypeVar("Part")


@dataclass(eq=False)
class BuildState:
    """Who writes each part: `bloc_content` (registry at `initialized`; items, visibility and
    held_back once every file is read; its diagnostics), every plugin (diagnostics,
    through `report`), `bloc_safety` (written pages) and each plugin its own `part`."""

    # Pelican's settings of this build, defaults filled in by each plugin at `initialized`.
    settings: Mapping[str, Any]
    # The registries (organisations, awards, positions, event kinds, the bloc), loaded once.
    registry: Registry | None = None
    # The items the site shows (both languages' parsed files), once every file is read.
    items: list[Item] = field(default_factory=list)
    # Path of every valid file -> 'published', 'draft' or 'embargoed' at this build's time.
    visibility: dict[str, str] = field(default_factory=dict)
    # Why each file left out of the site is held back ('draft', 'embargoed', ...), for `bloc build`'s counts.
    held_back: list[str] = field(default_factory=list)
    # The first moment after this build's time when a file's visibility changes (an embargo ends).
    next_change: dt.datetime | None = None
    # Every content problem any plugin found; errors fail the build once, at the end.
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The HTML pages of the output, read once by the `finalized` steps that look at them.
    written: WrittenPages = field(default_factory=WrittenPages)
    # Each plugin's own data for this build, by its type (see `part`).
    parts: dict[type, Any] = field(default_factory=dict)

    def report(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Record content problems found by any plugin; errors fail the build at the end."""
        self.diagnostics.extend(diagnostics)

    def already_reported(self, path: str, line: int, field_name: str) -> bool:
        """True when a problem at this place was reported (a plugin's second look at it adds nothing)."""
        return any((d.path, d.line, d.field) == (path, line, field_name) for d in self.diagnostics)

    def fail_on_errors(self) -> None:
        if any(isinstance(d, Diagnostic) and d.severity == "error" for d in self.diagnostics):
            raise ContentError(self.diagnostics)

    def part(self, kind: type[Part], make: Callable[[], Part] | None = None) -> Part:
        """A plugin's own data for this build (an instance of its own class, made on first
        use), like a Sphinx extension's attribute on `env`: typed, and gone with the build."""
        if kind not in self.parts:
            self.parts[kind] = (make or kind)()
        return self.parts[kind]

    def __reduce__(self):
        # Pelican pickles each article with its settings into its content cache: a build's
        # state is not content, and the next build makes its own.
        return (_detached, ())


def _detached() -> None:
    return None


def build_state(settings_or_context: Mapping[str, Any]) -> BuildState:
    """This build's state, from Pelican's settings or a generator's context."""
    state = settings_or_context.get(STATE_KEY)
    if not isinstance(state, BuildState):
        raise LookupError("no build state: bloc_content must come first in PLUGINS")
    return state
