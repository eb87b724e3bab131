"""The dev server's quick preview: a saved item's own pages in the preview before the full
rebuild. Driven as `bloc devserver` drives it (one warm process: a full build, then a save's
quick preview, then the full build again), through a small driver over a pipe, so that the
test edits files between the steps. The quick page must be the page the full build writes,
touch nothing else, show a broken save's problems, and never take another item's page."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_content, parse

pytestmark = pytest.mark.slow

LINKED = ("plugins", "theme")
ITEM = Path("content/news/2021/so-ket-6-thang")
VI_PAGE = Path("tin-tuc/2021/so-ket-6-thang-dau-nam-2021/index.html")
OTHER_ITEM_PAGE = Path("tin-tuc/2021/tin-bao-ung-ho/index.html")  # ung-ho-vung-bao, same year
BODY = "Nội dung tin dùng để kiểm thử."

DRIVER = """
import json, os, sys
from pathlib import Path
from bloc_cli import devserver

root = Path(sys.argv[1])
os.chdir(root)
state = devserver.State()
for line in sys.stdin:
    step = json.loads(line)
    if step[0] == "build":
        ok = devserver.rebuild(root, "pelicanconf.py", state, "en")
    else:
        ok = devserver.show_saved_items(root, "pelicanconf.py", [root / f for f in step[1:]], state, "en")
    print(json.dumps({"ok": ok, "errors": state.errors}), flush=True)
"""


class DevServer:
    """One warm process that builds and quick-previews on request, as `bloc devserver` does."""

    def __init__(self, project: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", DRIVER, str(project)], cwd=ROOT, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"})

    def step(self, *words: str) -> dict:
        self.process.stdin.write(json.dumps(words) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, self.process.stderr.read()
        return json.loads(line)

    def close(self) -> str:
        self.process.stdin.close()
        self.process.wait(timeout=60)
        return self.process.stderr.read()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy2(ROOT / "pelicanconf.py", tmp_path / "pelicanconf.py")
    for name in LINKED:
        (tmp_path / name).symlink_to(ROOT / name)
    make_content(tmp_path / "content")
    return tmp_path


@pytest.fixture
def server(project):
    driver = DevServer(project)
    assert driver.step("build")["ok"]
    yield driver
    driver.close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def files(root: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.read_bytes()) for p in root.rglob("*") if p.is_file()}


def test_a_saved_item_shows_first_and_is_the_page_the_full_build_writes(project, server):
    preview = project / "output.preview"
    before = files(preview)
    edit(project / ITEM / "index.vi.md", BODY, "Câu viết mới của tin.")

    assert server.step("quick", str(ITEM))["ok"]
    after = files(preview)
    changed = {name for name in after if after[name] != before.get(name)}
    # its pages, in both languages, and nothing else: the listing pages wait for the full build
    assert changed == {VI_PAGE.as_posix(), "en/news/2021/mid-year-review-of-2021/index.html"}, changed
    quick_page = (preview / VI_PAGE).read_bytes()
    assert "Câu viết mới của tin." in parse(preview / VI_PAGE).select_one(".item-body").get_text()

    assert server.step("build")["ok"]
    assert (preview / VI_PAGE).read_bytes() == quick_page  # what the full build writes, byte for byte
    assert (preview / VI_PAGE).stat().st_ino != after[VI_PAGE.as_posix()][0]  # and it did render it again
    year_page = (preview / "2021" / "index.html").read_text(encoding="utf-8")
    assert "so-ket-6-thang-dau-nam-2021" in year_page


def test_a_broken_save_shows_its_problems_and_keeps_the_page(project, server):
    preview = project / "output.preview"
    kept = (preview / VI_PAGE).read_bytes()
    edit(project / ITEM / "index.vi.md", "host: bqp", "host: bo-khong-co")

    result = server.step("quick", str(ITEM))
    assert result["ok"] is False
    assert "so-ket-6-thang/index.vi.md:" in result["errors"] and "bo-khong-co" in result["errors"]
    assert (preview / VI_PAGE).read_bytes() == kept

    edit(project / ITEM / "index.vi.md", "host: bo-khong-co", "host: bqp")
    result = server.step("quick", str(ITEM))
    assert result == {"ok": True, "errors": None}  # the quick preview's own problems are gone with the fix


def test_a_slug_taken_by_another_item_never_replaces_its_page(project, server):
    preview = project / "output.preview"
    other = (preview / OTHER_ITEM_PAGE).read_bytes()
    edit(project / ITEM / "index.vi.md", "lang: vi\n", "slug: tin-bao-ung-ho\nlang: vi\n")

    server.step("quick", str(ITEM))
    assert (preview / OTHER_ITEM_PAGE).read_bytes() == other
    result = server.step("build")
    assert result["ok"] is False and "tin-bao-ung-ho" in result["errors"]  # the full build's error to report
    assert (preview / OTHER_ITEM_PAGE).read_bytes() == other


def test_a_new_item_shows_at_once(project, server):
    preview = project / "output.preview"
    new = project / "content/news/2021/tin-moi"
    shutil.copytree(project / ITEM, new)
    for name in ("index.vi.md", "index.en.md"):
        edit(new / name, "so-ket-6-thang-2021", "tin-moi-2021")
    edit(new / "index.vi.md", "lang: vi\n", "slug: tin-moi-hoan-toan\nlang: vi\n")
    edit(new / "index.en.md", "lang: en\n", "slug: a-brand-new-item\nlang: en\n")

    assert server.step("quick", "content/news/2021/tin-moi")["ok"]
    assert (preview / "tin-tuc/2021/tin-moi-hoan-toan/index.html").is_file()
    assert (preview / "en/news/2021/a-brand-new-item/index.html").is_file()
    assert "tin-moi-hoan-toan" not in (preview / "2021" / "index.html").read_text(encoding="utf-8")
    assert server.step("build")["ok"]
    assert "tin-moi-hoan-toan" in (preview / "2021" / "index.html").read_text(encoding="utf-8")


def test_a_photo_added_to_an_item_shows_with_it(project, server):
    """An officer adds a photo and names it: the quick page shows it, and the photo's files
    the preview lacked come with the page."""
    from PIL import Image

    preview = project / "output.preview"
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(project / ITEM / "hoi-nghi.jpg")
    for name, alt in (("index.vi.md", "Toàn cảnh hội nghị"), ("index.en.md", "The conference in session")):
        edit(project / ITEM / name, "\n---\n", f"\nphotos:\n  - file: hoi-nghi.jpg\n    alt: {alt}\n---\n")

    assert server.step("quick", str(ITEM))["ok"]
    page = parse(preview / VI_PAGE)
    image = page.select_one("img[alt='Toàn cảnh hội nghị']")
    assert image is not None
    sources = [image["src"], *(c.split()[0] for s in page.select("picture source") for c in s["srcset"].split(","))]
    for source in sources:
        assert (preview / source.lstrip("/")).is_file(), source  # served: the page has no broken image


def test_after_a_restart_with_nothing_changed_a_save_still_shows_first(project, server):
    """The restarted server's first build finds nothing changed and builds nothing: which item
    each page shows comes from the record of the build that made the preview."""
    server.close()
    folder = (project / "output.preview").stat().st_ino
    again = DevServer(project)
    try:
        assert again.step("build")["ok"]
        assert (project / "output.preview").stat().st_ino == folder  # not built: no new preview swapped in
        edit(project / ITEM / "index.vi.md", BODY, "Câu viết sau khi khởi động lại.")
        assert again.step("quick", str(ITEM))["ok"]
        assert "Câu viết sau khi khởi động lại." in (project / "output.preview" / VI_PAGE).read_text(encoding="utf-8")
    finally:
        again.close()
