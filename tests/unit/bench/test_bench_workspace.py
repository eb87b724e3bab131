"""The bench's workspace keeps every cache of ours inside it, and a cold build starts with
none of them (the photos and social cards included), while the dev server's stays."""

from __future__ import annotations

import runpy

from bench import devserver, runners, suite


def test_the_settings_put_every_cache_in_the_workspace(tmp_path):
    ws = runners.Workspace(tmp_path / "n10", 10)
    ws.root.mkdir()
    settings = runpy.run_path(str(runners.bench_settings(ws)))
    for key in ("CACHE_PATH", "BLOC_PHOTOS_CACHE", "OUTPUT_PATH"):
        assert str(settings[key]).startswith(str(ws.root)), key


def test_a_cold_build_starts_without_the_photos_and_cards(tmp_path):
    ws = runners.Workspace(tmp_path / "n10", 10)
    for folder in (ws.photos_cache, ws.root / ".cache" / devserver.PREVIEW_CACHE, ws.ours_cache, ws.ours_output):
        folder.mkdir(parents=True)
        (folder / "kept.txt").write_text("x", encoding="utf-8")
    suite._before("cold", ws, 0)
    assert not ws.photos_cache.exists() and not ws.ours_cache.exists() and not ws.ours_output.exists()
    assert (ws.root / ".cache" / devserver.PREVIEW_CACHE / "kept.txt").exists()
