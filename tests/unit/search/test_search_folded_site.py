"""The folded copies kept between builds: only changed pages are folded again."""

from __future__ import annotations

from bloc_content.written import text_digest
from bloc_search import folded_site
from bloc_search.folded_page import indexed_copy


def _page(title):
    return (f"<!DOCTYPE html><html lang='vi'><head><title>t</title></head>"
            f"<body><article data-pagefind-body><h1>{title}</h1></article></body></html>")


def sync(site, pages, progress=None):
    """sync_copies as the build calls it: pages by hash, their texts read one by one on demand."""
    texts = dict(pages)
    read = []
    counts = folded_site.sync_copies(site, [(r, text_digest(t)) for r, t in pages],
                                lambda relative: read.append(relative) or texts[relative], progress)
    return counts, read


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*.html"))}


def test_the_folder_holds_exactly_the_copies_of_the_current_pages(tmp_path):
    site = tmp_path / "site"
    pages = [("a/index.html", _page("Đồng chí")), ("b/index.html", _page("Giao ước")),
             ("nam/index.html", "<html><body>no search body</body></html>")]
    assert sync(site, pages)[0] == (2, 1)
    assert _files(site) == {"a/index.html": indexed_copy(pages[0][1]), "b/index.html": indexed_copy(pages[1][1])}
    changed = [("a/index.html", _page("Bộ Tư pháp")), ("c/index.html", _page("Khối"))]
    assert sync(site, changed)[0] == (2, 0)
    assert _files(site) == {relative: indexed_copy(page) for relative, page in changed}


def test_unchanged_pages_are_not_folded_again(tmp_path, monkeypatch):
    site = tmp_path / "site"
    pages = [("a/index.html", _page("Đồng chí")), ("b/index.html", _page("Giao ước"))]
    sync(site, pages)
    folded = []
    monkeypatch.setattr(folded_site, "indexed_copy", lambda page: folded.append(page) or indexed_copy(page))
    pages[1] = ("b/index.html", _page("Thi đua"))
    sync(site, pages)
    assert folded == [pages[1][1]]


def test_without_a_manifest_the_folder_starts_afresh(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("left by a killed build", encoding="utf-8")
    sync(site, [("a/index.html", _page("A"))])
    assert list(_files(site)) == ["a/index.html"]
    (tmp_path / "site.manifest.gz").write_bytes(b"damaged")
    (site / "a" / "index.html").write_text("half written", encoding="utf-8")
    sync(site, [("a/index.html", _page("A"))])
    assert _files(site) == {"a/index.html": indexed_copy(_page("A"))}


def test_progress_hears_of_every_page_folded_or_kept(tmp_path):
    site = tmp_path / "site"
    pages = [("a/index.html", _page("Đồng chí")), ("b/index.html", _page("Giao ước"))]
    heard = []
    sync(site, pages, lambda n, kind: heard.append((n, kind)))
    assert heard == [(1, "changed"), (1, "changed")]
    pages[1] = ("b/index.html", _page("Thi đua"))
    heard.clear()
    sync(site, pages, lambda n, kind: heard.append((n, kind)))
    assert heard == [(1, "unchanged"), (1, "changed")]
