"""build_index over a small written site: one Pagefind index per <html lang>."""

from __future__ import annotations

import json

from bloc_search.build import build_index


def write(root, relative, lang, body):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!DOCTYPE html><html lang='{lang}'><head><title>t</title></head>"
                    f"<body><main>{body}</main></body></html>", encoding="utf-8")


def test_build_index_writes_a_bundle_per_language(tmp_path):
    write(tmp_path, "tin-tuc/2021/a/index.html", "vi", "<article data-pagefind-body><h1>Đồng chí</h1></article>")
    write(tmp_path, "tin-tuc/2021/b/index.html", "vi", "<article data-pagefind-body><h1>Giao ước</h1></article>")
    write(tmp_path, "en/news/2021/a/index.html", "en", "<article data-pagefind-body><h1>Covenant</h1></article>")
    write(tmp_path, "nam/index.html", "vi", "<h1>Các năm</h1>")

    report = build_index(tmp_path)

    assert (report.pages, report.skipped) == (3, 1)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    pages = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    assert pages == {"vi": 2, "en": 1}
    assert (tmp_path / "pagefind" / "pagefind.js").exists()
    assert not list((tmp_path / "pagefind").glob("pagefind-*ui*"))
    # A second build indexes the site, not its own previous bundle.
    assert build_index(tmp_path).pages == 3
