"""The written pages are read once per build, and stay in step when a step rewrites one."""

from __future__ import annotations

from bloc_content.written import WrittenPages


def test_pages_are_read_once_sorted_and_rewrites_are_seen(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text("b", encoding="utf-8")
    (tmp_path / "a.html").write_text("a", encoding="utf-8")
    (tmp_path / "style.css").write_text("css", encoding="utf-8")
    written = WrittenPages()
    pages = written.written_pages(tmp_path)
    assert [(p.relative_to(tmp_path).as_posix(), t) for p, t in pages.items()] == [("a.html", "a"), ("b/index.html", "b")]
    (tmp_path / "a.html").write_text("changed behind its back", encoding="utf-8")
    assert written.written_pages(tmp_path)[tmp_path / "a.html"] == "a"  # not read again
    written.rewritten(tmp_path / "a.html", "A")
    assert written.written_pages(tmp_path)[tmp_path / "a.html"] == "A"
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "A"
    written.forget()
    (tmp_path / "a.html").write_text("new build", encoding="utf-8")
    assert written.written_pages(tmp_path)[tmp_path / "a.html"] == "new build"
    assert WrittenPages().written_pages(tmp_path)[tmp_path / "a.html"] == "new build"  # another build reads its own
