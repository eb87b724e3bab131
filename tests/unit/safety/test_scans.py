"""Scans of written pages kept between builds: the same answers as scan_html."""

from __future__ import annotations

from bloc_safety import scans
from bloc_safety.headers import scan_html

PAGE = ("<!DOCTYPE html><html><head><style>p{}</style><script>go()</script></head>"
        "<body><p style='color:red' onclick='x()'>t</p></body></html>")


def _same(a, b):
    return (a.scripts, a.styles, a.style_attributes, a.problems) == (b.scripts, b.styles, b.style_attributes, b.problems)


def test_a_stored_scan_answers_like_a_new_one(tmp_path, monkeypatch):
    path = tmp_path / "scans.pickle.gz"
    first = scans.ScanCache(path)
    assert _same(first.scan(PAGE, "a/index.html"), scan_html(PAGE, "a/index.html"))
    first.save()

    def fail(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr(scans, "scan_html", fail)
    second = scans.ScanCache(path)
    assert _same(second.scan(PAGE, "a/index.html"), scan_html(PAGE, "a/index.html"))


def test_a_changed_page_or_path_is_scanned_again(tmp_path):
    path = tmp_path / "scans.pickle.gz"
    first = scans.ScanCache(path)
    first.scan(PAGE, "a/index.html")
    first.save()
    second = scans.ScanCache(path)
    changed = PAGE.replace("go()", "stop()")
    assert _same(second.scan(changed, "a/index.html"), scan_html(changed, "a/index.html"))
    assert _same(second.scan(PAGE, "b/index.html"), scan_html(PAGE, "b/index.html"))  # problems name the page


def test_a_damaged_or_missing_file_is_ignored(tmp_path):
    path = tmp_path / "scans.pickle.gz"
    path.write_bytes(b"garbage")
    assert scans.ScanCache(path).old == {}
    assert scans.ScanCache(tmp_path / "none.gz").old == {}
    none = scans.ScanCache(None)
    assert _same(none.scan(PAGE, "p"), scan_html(PAGE, "p"))
    none.save()
