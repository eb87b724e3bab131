"""The build's state: one per build, found from the settings or a generator's context."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from bloc_content.build_state import STATE_KEY, BuildState, build_state
from bloc_content.diagnostics import ContentError, Diagnostic


@dataclass
class Notes:
    seen: list[str] = field(default_factory=list)


def test_found_from_the_settings_or_a_copy_of_them():
    settings = {"PATH": "content"}
    state = settings[STATE_KEY] = BuildState(settings)
    context = settings.copy()  # what Pelican gives its generators
    assert build_state(settings) is state and build_state(context) is state


def test_without_bloc_content_first_the_message_says_so():
    with pytest.raises(LookupError, match="bloc_content must come first in PLUGINS"):
        build_state({})


def test_a_part_is_made_once_per_build_and_not_shared():
    first, second = BuildState({}), BuildState({})
    first.part(Notes).seen.append("a")
    assert first.part(Notes).seen == ["a"]
    assert second.part(Notes).seen == []
    third = BuildState({})
    assert third.part(Notes, lambda: Notes(["made"])).seen == ["made"]  # how it is made, on first use only
    assert third.part(Notes, lambda: Notes(["again"])).seen == ["made"]


def test_errors_fail_once_with_every_problem():
    state = BuildState({})
    warning = Diagnostic("a.md", 3, "title", "w", severity="warning")
    state.report([warning])
    state.fail_on_errors()  # warnings alone do not fail
    error = Diagnostic("a.md", 5, "slug", "e")
    state.report([error])
    assert state.already_reported("a.md", 5, "slug") and not state.already_reported("a.md", 6, "slug")
    with pytest.raises(ContentError) as failed:
        state.fail_on_errors()
    assert failed.value.diagnostics == [warning, error]
