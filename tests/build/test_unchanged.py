"""A build with nothing changed builds nothing (bloc_cli/unchanged.py): the previous site is
the answer, its problems are said again, and nothing is written. Anything else builds: each
kind of change is in test_incremental.py, which settles the site first and asserts the build
after the change was not skipped; here, the output touched by hand, --cold, an embargo's end
and the report."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from bloc_cli import unchanged

from tests.build.test_incremental import (
    OTHER_PAGE,
    bloc_build,
    forget_unchanged,
    project,
    settle,
    tree,
)
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

EMBARGOED = dt.datetime(2099, 1, 2, 3, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = project(tmp_path_factory.mktemp("unchanged") / "site")
    folder = base / "content" / "news" / "2025" / "hen-gio"
    folder.mkdir(parents=True)
    (folder / "index.vi.md").write_text(
        "---\ntitle: Tin hẹn giờ\nlang: vi\ntranslation_key: hen-gio\n"
        f"published: {EMBARGOED.isoformat()}\nsummary: Một tin đăng sau.\nbyline: Ban biên tập\n---\n\n"
        "Nội dung tin hẹn giờ.\n", encoding="utf-8")
    bloc_build(base, base / "output", base / "cache")
    settle(base)
    return base


def stats(root):
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in root.rglob("*")}


def test_nothing_changed_writes_nothing_and_says_the_same(site):
    forget_unchanged(site / "cache")
    built = bloc_build(site, site / "output", site / "cache")  # through Pelican, page by page
    assert built["unchanged"] is False
    before = stats(site / "output")
    again = bloc_build(site, site / "output", site / "cache")
    assert again["unchanged"] is True
    assert stats(site / "output") == before  # not a file written, moved or linked again
    assert not list(site.glob(".output.tmp-*"))
    assert again["problems"] == built["problems"] and again["warnings"] == built["warnings"] > 0
    assert again["items"] == built["items"]
    assert again["pages"]["total"] == again["pages"]["unchanged"] == built["pages"]["total"]
    assert again["rendering"] == {"rendered": 0, "reused": built["rendering"]["rendered"] + built["rendering"]["reused"]}
    assert again["photos"]["total"] == built["photos"]["total"] and again["photos"]["encoded"] == 0


def test_the_text_report_says_nothing_changed_in_the_person_s_language(site):
    settle(site)
    command = [sys.executable, "-m", "bloc_cli", "build", "--settings", str(site / "site.py"), "--content",
               str(site / "content"), "--output", str(site / "output"), "--cache", str(site / "cache")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    assert "Không có gì thay đổi từ lần dựng trước: output/ vẫn đúng như mới dựng." in done.stdout.splitlines()
    assert "tin-tuc/2025/hen-gio" not in done.stdout + done.stderr  # the embargoed item is still held back


def test_an_output_touched_by_hand_is_built_again(site):
    settle(site)
    before = tree(site / "output")
    (site / "output" / OTHER_PAGE).unlink()
    (site / "output" / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    report = bloc_build(site, site / "output", site / "cache")
    assert report["unchanged"] is False
    assert tree(site / "output") == before


def test_cold_builds_even_when_nothing_changed(site):
    settle(site)
    report = bloc_build(site, site / "output", site / "cache", "--cold")
    assert report["unchanged"] is False and report["rendering"]["rendered"] > 0


def test_the_record_ends_when_the_first_embargo_does(site):
    settle(site)
    [path] = (site / "cache").glob("unchanged-*")
    record = unchanged.load(path)
    assert record.valid_until == EMBARGOED
    output = site / "output"
    assert unchanged.still_current(record, record.inputs, output, EMBARGOED - dt.timedelta(seconds=1))
    assert not unchanged.still_current(record, record.inputs, output, EMBARGOED)  # the item is due: build


def test_a_damaged_record_means_a_build(site):
    settle(site)
    [path] = (site / "cache").glob("unchanged-*")
    path.write_bytes(b"not gzip")
    assert bloc_build(site, site / "output", site / "cache")["unchanged"] is False
    assert json.loads(json.dumps(bloc_build(site, site / "output", site / "cache")))["unchanged"] is True
