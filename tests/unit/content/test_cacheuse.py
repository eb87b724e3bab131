"""Cache entries unused for the max age are removed; what was used recently stays."""

from __future__ import annotations

import os
import time

import pytest
from bloc_content.cacheuse import DAY, mark_used, max_age_days, prune_unused


def _entry(path, days_ago: float):
    path.mkdir(parents=True)
    (path / "data").write_text("x", encoding="utf-8")
    then = time.time() - days_ago * DAY
    os.utime(path, (then, then))
    return path


def test_entries_last_used_before_the_cutoff_are_removed(tmp_path):
    old = _entry(tmp_path / "old", 40)
    used = _entry(tmp_path / "used", 40)
    recent = _entry(tmp_path / "recent", 5)
    mark_used(used)
    removed = prune_unused(tmp_path, 1, time.time() - 30 * DAY)
    assert removed == [old]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recent", "used"]
    assert recent.is_dir() and used.is_dir()


def test_entries_two_levels_down_leave_no_empty_folder(tmp_path):
    _entry(tmp_path / "ab" / "ab01", 40)
    _entry(tmp_path / "cd" / "cd01", 40)
    _entry(tmp_path / "cd" / "cd02", 1)
    prune_unused(tmp_path, 2, time.time() - 30 * DAY)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.glob("*/*")) == ["cd/cd02"]
    assert not (tmp_path / "ab").exists()


def test_a_missing_cache_folder_is_nothing_to_prune(tmp_path):
    assert prune_unused(tmp_path / "none", 2, time.time()) == []


@pytest.mark.parametrize(("value", "days"), [(30, 30.0), (0.5, 0.5), ("30", None), (0, None), (-1, None),
                                             (True, None), (None, None)])
def test_the_max_age_is_a_number_of_days_above_zero(value, days):
    assert max_age_days({"BLOC_CACHE_MAX_AGE_DAYS": value}) == days


def test_the_max_age_defaults_to_thirty_days():
    assert max_age_days({}) == 30.0
