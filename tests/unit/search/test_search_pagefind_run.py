"""Pagefind started early over the article pages: used only if the final pages agree."""

from __future__ import annotations

from bloc_content.written import text_digest
from bloc_search import pagefind_run
from bloc_search.build import build_index

ARTICLE = ("<!DOCTYPE html><html lang='vi'><head><title>t</title></head>"
           "<body><article data-pagefind-body><h1>{}</h1></article></body></html>")
LISTING = "<!DOCTYPE html><html lang='vi'><body><h1>Các năm</h1></body></html>"


def _hashed(pages):
    """Pages as the build passes them: (relative path, hash), and what reads their texts."""
    texts = dict(pages)
    return [(relative, text_digest(text)) for relative, text in pages], texts.__getitem__


def _valid(run, pages):
    return pagefind_run.still_valid(run, *_hashed(pages))


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _write(root, pages):
    for relative, text in pages:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


def test_an_early_run_agrees_with_the_final_pages_or_is_dropped(tmp_path):
    articles = [("tin-tuc/a/index.html", ARTICLE.format("Đồng chí"))]
    run = pagefind_run.start(*_hashed(articles), [], None)
    try:
        assert _valid(run, [*articles, ("nam/index.html", LISTING)])
        assert not _valid(run, [("tin-tuc/a/index.html", ARTICLE.format("Sửa"))])
        assert not _valid(run, [*articles, ("b.html", ARTICLE.format("Mới"))])
        assert not _valid(run, [])
    finally:
        pagefind_run.cancel(run)
    assert not run.scratch.exists()


def test_the_early_bundle_is_the_bundle_of_a_normal_run(tmp_path):
    pages = [("tin-tuc/a/index.html", ARTICLE.format("Đồng chí")), ("nam/index.html", LISTING)]
    normal, fast = tmp_path / "normal", tmp_path / "fast"
    _write(normal, pages)
    _write(fast, pages)
    build_index(normal)
    run = pagefind_run.start(*_hashed(pages[:1]), [], None)
    report = build_index(fast, started=run)
    assert not run.scratch.exists()
    assert (report.pages, report.skipped) == (1, 1)
    assert _files(fast / "pagefind") == _files(normal / "pagefind")


def test_no_early_run_without_a_page_to_index():
    assert pagefind_run.start(*_hashed([("nam/index.html", LISTING)]), [], None) is None
