"""The stored search bundle: reused while the folded pages are unchanged, rebuilt otherwise."""

from __future__ import annotations

from bloc_search import bundle_cache
from bloc_search.build import build_index


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _page(root, body):
    path = root / "tin-tuc" / "a" / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!DOCTYPE html><html lang='vi'><head><title>t</title></head>"
                    f"<body><article data-pagefind-body><h1>{body}</h1></article></body></html>", encoding="utf-8")


def test_the_key_follows_paths_texts_and_options():
    key = bundle_cache.bundle_key([("a.html", "x")], [])
    assert key == bundle_cache.bundle_key([("a.html", "x")], [])
    assert key != bundle_cache.bundle_key([("b.html", "x")], [])
    assert key != bundle_cache.bundle_key([("a.html", "y")], [])
    assert key != bundle_cache.bundle_key([("a.html", "x")], ["--exclude-selectors", "nav"])


def test_store_then_restore_gives_the_same_files(tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "pagefind.js").write_text("js")
    (bundle / "fragment" / "vi_1.pf_fragment").write_bytes(b"\x1f\x8b data")
    bundle_cache.store(tmp_path / "cache", "k1", bundle, (7, 2))
    restored = tmp_path / "out" / "pagefind"
    assert bundle_cache.restore(tmp_path / "cache", "k1", restored) == (7, 2)
    assert _files(restored) == _files(bundle)
    assert bundle_cache.restore(tmp_path / "cache", "other", tmp_path / "none") is None
    assert bundle_cache.restore(None, "k1", tmp_path / "none") is None


def test_a_bundle_without_its_counts_is_not_used(tmp_path):
    (tmp_path / "cache" / "bundle-k1").mkdir(parents=True)
    (tmp_path / "cache" / "bundle-k1" / "pagefind.js").write_text("js")
    assert bundle_cache.restore(tmp_path / "cache", "k1", tmp_path / "out") is None
    (tmp_path / "cache" / "bundle-k1" / "counts.txt").write_text("1")  # truncated
    assert bundle_cache.restore(tmp_path / "cache", "k1", tmp_path / "out") is None
    assert not (tmp_path / "out").exists()


def test_the_restored_files_are_not_the_stored_ones_for_writing(tmp_path):
    """Hard links: removing the published bundle leaves the stored one whole."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "pagefind.js").write_text("js")
    bundle_cache.store(tmp_path / "cache", "k1", bundle, (1, 0))
    out = tmp_path / "out" / "pagefind"
    assert bundle_cache.restore(tmp_path / "cache", "k1", out) == (1, 0)
    assert not (out / bundle_cache.COUNTS).exists()
    import shutil

    shutil.rmtree(out)
    assert bundle_cache.restore(tmp_path / "cache", "k1", out) == (1, 0)
    assert (out / "pagefind.js").read_text() == "js"


def test_only_the_latest_bundles_are_kept(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "pagefind.js").write_text("js")
    for key in ("k1", "k2", "k3"):
        bundle_cache.store(tmp_path / "cache", key, bundle, (1, 0))
    assert len(list((tmp_path / "cache").glob("bundle-*"))) == bundle_cache.KEEP


def test_an_unchanged_site_reuses_the_bundle_and_a_changed_one_does_not(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _page(site, "Đồng chí")
    assert build_index(site, cache=cache).pages == 1
    first = _files(site / "pagefind")
    (site / "pagefind" / "pagefind.js").write_text("changed by hand")
    assert (build_index(site, cache=cache).pages, build_index(site, cache=cache).skipped) == (1, 0)
    assert _files(site / "pagefind") == first  # restored from the cache, not left as it was
    _page(site, "Giao ước")
    build_index(site, cache=cache)
    assert _files(site / "pagefind") != first
    assert len(list(cache.glob("bundle-*"))) == 2
