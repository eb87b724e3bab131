"""Compiled templates shared between Jinja environments and kept between builds."""

from __future__ import annotations

from bloc_i18n.bytecode import SharedBytecodeCache, folder_for
from jinja2 import Environment, FileSystemLoader


def _compiles(monkeypatch):
    count = {"n": 0}
    original = Environment.compile

    def counting(self, *args, **kwargs):
        count["n"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    return count


def test_one_compile_serves_every_environment_and_the_next_build(tmp_path, monkeypatch):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<p>{{ x }}</p>", encoding="utf-8")
    count = _compiles(monkeypatch)
    cache = SharedBytecodeCache(tmp_path / "cache")
    for _ in range(2):
        env = Environment(loader=FileSystemLoader(tmp_path / "t"), bytecode_cache=cache, autoescape=True)
        assert env.get_template("page.html").render(x="<a>") == "<p>&lt;a&gt;</p>"
    assert count["n"] == 1
    later = SharedBytecodeCache(tmp_path / "cache")  # a new build: from the files
    env = Environment(loader=FileSystemLoader(tmp_path / "t"), bytecode_cache=later, autoescape=True)
    assert env.get_template("page.html").render(x="y") == "<p>y</p>"
    assert count["n"] == 1


def test_an_edited_template_is_compiled_again(tmp_path, monkeypatch):
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.html"
    page.write_text("old", encoding="utf-8")
    cache = SharedBytecodeCache(tmp_path / "cache")
    Environment(loader=FileSystemLoader(tmp_path / "t"), bytecode_cache=cache).get_template("page.html")
    page.write_text("new", encoding="utf-8")
    env = Environment(loader=FileSystemLoader(tmp_path / "t"), bytecode_cache=cache)
    assert env.get_template("page.html").render() == "new"


def test_a_damaged_file_is_compiled_again(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("ok", encoding="utf-8")
    Environment(loader=FileSystemLoader(tmp_path / "t"),
                bytecode_cache=SharedBytecodeCache(tmp_path / "cache")).get_template("page.html")
    for stored in (tmp_path / "cache").glob("*.gz"):
        stored.write_bytes(b"not gzip")
    env = Environment(loader=FileSystemLoader(tmp_path / "t"), bytecode_cache=SharedBytecodeCache(tmp_path / "cache"))
    assert env.get_template("page.html").render() == "ok"


def test_other_environment_options_use_another_folder(tmp_path):
    assert folder_for(tmp_path, {"trim_blocks": True}) != folder_for(tmp_path, {"trim_blocks": False})
    assert folder_for(tmp_path, {"a": 1, "b": 2}) == folder_for(tmp_path, {"b": 2, "a": 1})
