"""What a build is made from (bloc_cli/unchanged.py), without a build: the files that count,
the paths settings name, the digest, the record."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from bloc_cli import unchanged


def test_files_a_build_or_python_writes_beside_sources_do_not_count(tmp_path):
    (tmp_path / "a.py").write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "messages.mo").write_bytes(b"\0")
    (tmp_path / "page.html.tmp-123").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yaml").write_text("b: 2\n", encoding="utf-8")
    assert sorted(unchanged.tree_stats(tmp_path)) == ["a.py", "sub/b.yaml"]


def test_a_saved_file_changes_its_stats(tmp_path):
    item = tmp_path / "index.vi.md"
    item.write_text("một\n", encoding="utf-8")
    before = unchanged.tree_stats(tmp_path)
    os.utime(item, ns=(1, 1))
    assert unchanged.tree_stats(tmp_path) != before


def test_named_paths_are_the_existing_ones_outside_what_the_build_writes(tmp_path, monkeypatch):
    project = tmp_path / "project"
    for name in ("content", "theme", "output", ".cache"):
        (project / name).mkdir(parents=True)
    monkeypatch.chdir(project)
    settings = {
        "PATH": str(project / "content"), "THEME": str(project / "theme"),
        "OUTPUT_PATH": str(project / "output"), "CACHE_PATH": str(project / ".cache"),
        "EXTRA": [{"deep": str(project / "theme")}], "MISSING": str(project / "khong-co"),
        "WORD": "content", "ROOT": str(project), "ABOVE": str(tmp_path), "EMPTY": "",
    }
    found = unchanged.named_paths(settings, [project / "output", project / ".cache"])
    assert found == [project / "content", project / "theme"]


def test_the_digest_does_not_depend_on_order_and_sees_every_part():
    one = {"settings": "s", "/c": {"a": (1, 2, 3), "b": (4, 5, 6)}}
    two = {"/c": {"b": (4, 5, 6), "a": (1, 2, 3)}, "settings": "s"}
    assert unchanged.digest(one) == unchanged.digest(two)
    assert unchanged.digest(one) != unchanged.digest({**one, "/c": {"a": (1, 2, 3), "b": (4, 5, 7)}})
    assert unchanged.digest(one) != unchanged.digest({**one, "settings": "t"})


def test_restated_takes_one_file_as_it_is_now(tmp_path):
    (tmp_path / "data").mkdir()
    record = tmp_path / "data" / "urls.yaml"
    listing = {"settings": "s", str(tmp_path): unchanged.tree_stats(tmp_path)}
    record.write_text("urls: {}\n", encoding="utf-8")  # written by the build after the listing was taken
    assert unchanged.restated(listing, record) == {"settings": "s", str(tmp_path): unchanged.tree_stats(tmp_path)}
    assert "data/urls.yaml" not in listing[str(tmp_path)]  # the listing itself is not changed


def test_settings_the_digest_cannot_describe_mean_a_build(tmp_path):
    def refuse(_value):
        raise ValueError("no stable description")

    settings = {"OUTPUT_PATH": str(tmp_path / "o"), "CACHE_PATH": str(tmp_path / "c")}
    with pytest.raises(unchanged.NotDescribable):
        unchanged.inputs_listing(settings, refuse, "code", {})


def test_the_listing_holds_the_build_time_and_leaves_out_where_it_writes(tmp_path):
    settings = {"OUTPUT_PATH": str(tmp_path / "o"), "CACHE_PATH": str(tmp_path / "c"), "BLOC_RENDER": object()}
    seen = []
    listing = unchanged.inputs_listing(settings, lambda value: seen.append(value) or "d", "code",
                                       {"SOURCE_DATE_EPOCH": "1700000000"})
    assert seen == [{}]  # the settings less where it writes and what reports on it
    assert listing["SOURCE_DATE_EPOCH"] == "1700000000" and listing["code"] == "code"


def record(output_stats, valid_until=None) -> unchanged.Record:
    return unchanged.Record(inputs="abc", output=output_stats, valid_until=valid_until)


def test_current_only_with_the_same_inputs_the_same_output_and_before_an_embargo_ends(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("<p>", encoding="utf-8")
    now = dt.datetime(2026, 12, 8, tzinfo=dt.UTC)
    kept = record(unchanged.tree_stats(output), valid_until=now + dt.timedelta(hours=1))
    assert unchanged.still_current(kept, "abc", output, now)
    assert not unchanged.still_current(kept, "abd", output, now)
    assert not unchanged.still_current(kept, "abc", output, now + dt.timedelta(hours=1))
    assert not unchanged.still_current(None, "abc", output, now)
    (output / "extra.html").write_text("<p>", encoding="utf-8")
    assert not unchanged.still_current(kept, "abc", output, now)
    assert not unchanged.still_current(kept, "abc", tmp_path / "none", now)


def test_the_record_is_saved_whole_and_a_damaged_one_is_none(tmp_path):
    path = unchanged.record_path(tmp_path / "cache", tmp_path / "output")
    assert unchanged.load(path) is None
    unchanged.save(path, record({"index.html": (1, 2, 3)}))
    assert unchanged.load(path).output == {"index.html": (1, 2, 3)}
    path.write_bytes(b"\x1f\x8b broken")
    assert unchanged.load(path) is None
    unchanged.save(path, None)
    assert not path.exists()


def test_a_record_it_cannot_keep_is_not_kept(tmp_path):
    path = unchanged.record_path(tmp_path, tmp_path / "output")
    unchanged.save(path, record({}))
    unchanged.save(path, unchanged.Record(inputs="x", output={}, valid_until=None, found=[lambda: None]))
    assert unchanged.load(path) is None  # the old record is gone too: the next build builds
