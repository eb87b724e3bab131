"""Cache files a killed build left half written are deleted before Pelican reads them; a
file found whole is read through once, and again only when it changes."""

from __future__ import annotations

import gzip
import json
import pickle

from bloc_cli.build import CHECKED_CACHES, _drop_damaged_caches

WHOLE = gzip.compress(pickle.dumps({"news/a.md": "cached"}))


def test_a_truncated_cache_is_deleted_and_a_whole_one_kept(tmp_path):
    (tmp_path / "ArticlesGenerator-Readers").write_bytes(WHOLE)
    (tmp_path / "bloc_render").mkdir()
    (tmp_path / "bloc_render" / "site.pickle.gz").write_bytes(WHOLE[: len(WHOLE) // 2])
    (tmp_path / "page.html").write_bytes(b"not a cache")
    _drop_damaged_caches(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        CHECKED_CACHES, "ArticlesGenerator-Readers", "page.html"]
    assert list(json.loads((tmp_path / CHECKED_CACHES).read_text(encoding="utf-8"))) == ["ArticlesGenerator-Readers"]


def test_a_file_checked_before_is_checked_again_once_it_changes(tmp_path):
    cache = tmp_path / "ArticlesGenerator-Readers"
    cache.write_bytes(WHOLE)
    _drop_damaged_caches(tmp_path)
    _drop_damaged_caches(tmp_path)  # from the record: still there
    assert cache.exists()
    cache.write_bytes(WHOLE[:10])
    _drop_damaged_caches(tmp_path)
    assert not cache.exists()


def test_an_unreadable_record_checks_every_file(tmp_path):
    cache = tmp_path / "ArticlesGenerator-Readers"
    cache.write_bytes(WHOLE[:10])
    (tmp_path / CHECKED_CACHES).write_text("{half", encoding="utf-8")
    _drop_damaged_caches(tmp_path)
    assert not cache.exists()
