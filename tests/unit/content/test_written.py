"""The written pages: walked once per build, known by the hash of their text (never held),
and kept in step when a step rewrites one."""

from __future__ import annotations

import hashlib

from bloc_content.written import WrittenPages


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_pages_are_walked_once_sorted_and_rewrites_are_seen(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text("b", encoding="utf-8")
    (tmp_path / "a.html").write_text("a", encoding="utf-8")
    (tmp_path / "style.css").write_text("css", encoding="utf-8")
    written = WrittenPages()
    pages = written.written_pages(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in pages] == ["a.html", "b/index.html"]
    (tmp_path / "c.html").write_text("c", encoding="utf-8")
    assert written.written_pages(tmp_path) == pages  # not walked again
    assert written.read_page(tmp_path / "a.html") == "a"
    assert written.page_digest(tmp_path / "a.html") == _sha("a")
    written.rewritten(tmp_path / "a.html", "A")
    assert written.page_digest(tmp_path / "a.html") == _sha("A")
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "A"
    written.forget()
    assert len(written.written_pages(tmp_path)) == 3
    assert len(WrittenPages().written_pages(tmp_path)) == 3  # another build walks its own


def test_no_text_is_kept_only_hashes(tmp_path):
    (tmp_path / "a.html").write_text("page text " * 1000, encoding="utf-8")
    written = WrittenPages()
    [page] = written.written_pages(tmp_path)
    assert written.page_digest(page) == _sha("page text " * 1000)  # read on demand, then let go
    assert all(len(value) == 64 for value in written.pages.values())
