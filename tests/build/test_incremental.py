"""Render only what changed: after each kind of change, a build that reuses the previous
site's unchanged pages gives exactly the bytes of a cold build of the same content, and it
did reuse pages (so the test fails if reuse silently stops as well as if a page goes stale)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT, make_content

pytestmark = pytest.mark.slow

ITEM = Path("news/2021/so-ket-6-thang")
ITEM_VI_URL = "tin-tuc/2021/so-ket-6-thang-dau-nam-2021/index.html"
OTHER_PAGE = "tin-tuc/2019/tong-ket-cong-tac-thi-dua-nam-2018/index.html"
MARK_PLUGIN = '''"""A fixture plugin: a Jinja global whose result only its code says."""
from pelican import signals

MARK = "mark-one"


def fixture_mark():
    return MARK


def install(generator):
    generator.env.globals["fixture_mark"] = fixture_mark


def register():
    signals.generator_init.connect(install)
'''


def settings_text(project: Path, home_items: int = 10, extra: str = "") -> str:
    return (f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa: F403\n"
            f"THEME = {str(project / 'theme')!r}\n"
            f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(project / 'plugins')!r}]\n"
            "PLUGINS = [*PLUGINS, 'bloc_fixture_mark']  # noqa: F405\n"
            f"BLOC_HOME_ITEMS = {home_items}\n{extra}")


def project(base: Path, extra_settings: str = "") -> Path:
    """A site with its own theme, settings and a plugin of its own, and an item with a photo."""
    base.mkdir(parents=True)
    content = make_content(base / "content")
    shutil.copytree(ROOT / "theme", base / "theme", ignore=shutil.ignore_patterns("*.mo"))
    footer = base / "theme" / "templates" / "base.html"
    text = footer.read_text(encoding="utf-8")
    footer.write_text(text.replace("</footer>", "<p>{{ fixture_mark() }}</p></footer>", 1), encoding="utf-8")
    (base / "plugins" / "bloc_fixture_mark").mkdir(parents=True)
    (base / "plugins" / "bloc_fixture_mark" / "__init__.py").write_text(MARK_PLUGIN, encoding="utf-8")
    (base / "site.py").write_text(settings_text(base, extra=extra_settings), encoding="utf-8")
    for name in ("index.vi.md", "index.en.md"):
        alt = "Toàn cảnh hội nghị" if name == "index.vi.md" else "The conference in session"
        edit(content / ITEM / name, "\n---\n", f"\nphotos:\n  - file: hoi-nghi.jpg\n    alt: {alt}\n---\n")
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(content / ITEM / "hoi-nghi.jpg")
    return base


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def bloc_build(base: Path, output: Path, cache: Path, *extra: str) -> dict:
    command = [sys.executable, "-m", "bloc_cli", "build", "--lang", "en", "--settings", str(base / "site.py"),
               "--content", str(base / "content"), "--output", str(output), "--cache", str(cache),
               "--format", "json", *extra]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def forget_unchanged(cache: Path) -> None:
    """Drop the record that lets a build with nothing changed skip building (bloc_cli/unchanged.py):
    the next build then goes through Pelican and reuses page by page."""
    for record in cache.glob("unchanged-*"):
        record.unlink()


def settle(base: Path) -> None:
    """Build until a build finds nothing changed (the one before may have recorded new URLs in
    content/data/urls.yaml, one of the inputs)."""
    for _attempt in range(3):
        if bloc_build(base, base / "output", base / "cache")["unchanged"]:
            return
    pytest.fail("no build found its inputs unchanged")


def tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def inodes(root: Path) -> dict[str, int]:
    """The pages written from the theme's templates (bloc_cms writes /admin/ itself)."""
    return {path.relative_to(root).as_posix(): path.stat().st_ino for path in root.rglob("*.html")
            if not path.relative_to(root).as_posix().startswith("admin/")}


def cold_twin(base: Path, name: str) -> Path:
    """A copy of the project as it is now, built cold into its own output and cache."""
    twin = base.parent / f"cold-{name}"
    shutil.copytree(base, twin, ignore=shutil.ignore_patterns("output", "cache"))
    (twin / "site.py").write_text((base / "site.py").read_text(encoding="utf-8").replace(str(base), str(twin)),
                                  encoding="utf-8")
    bloc_build(twin, twin / "output", twin / "cache")
    return twin / "output"


def assert_same_tree(incremental: Path, cold: Path) -> None:
    ours, theirs = tree(incremental), tree(cold)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


def _change_item(base: Path) -> None:
    edit(base / "content" / ITEM / "index.vi.md", "Nội dung tin dùng để kiểm thử.", "Nội dung đã sửa của tin.")


def _change_photo(base: Path) -> None:
    Image.new("RGB", (1200, 800), (160, 60, 30)).save(base / "content" / ITEM / "hoi-nghi.jpg")


def _change_registry(base: Path) -> None:
    edit(base / "content" / "data" / "organisations.yaml", "    en: Ministry of Justice\n",
         "    en: Ministry of Justice of Viet Nam\n")


def _change_template(base: Path) -> None:
    edit(base / "theme" / "templates" / "year.html", "{% endblock %}", "<!-- a year page -->{% endblock %}")


def _change_catalogue(base: Path) -> None:
    edit(base / "theme" / "translations" / "vi" / "LC_MESSAGES" / "messages.po",
         'msgstr "Bỏ qua, đến nội dung chính"', 'msgstr "Đến nội dung chính"')


def _change_setting(base: Path) -> None:
    (base / "site.py").write_text(settings_text(base, home_items=3), encoding="utf-8")


def _change_plugin(base: Path) -> None:
    edit(base / "plugins" / "bloc_fixture_mark" / "__init__.py", 'MARK = "mark-one"', 'MARK = "mark-two"')


def _delete_item(base: Path) -> None:
    shutil.rmtree(base / "content" / "news" / "2021" / "gap-mat-bao-chi")


def _rename_slug(base: Path) -> None:
    edit(base / "content" / "news" / "2021" / "tong-ket-2020-ky-giao-uoc-2021" / "index.vi.md",
         "slug: ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong\n",
         "slug: ky-giao-uoc-thi-dua-nam-2021\n")


def _add_draft(base: Path) -> None:
    folder = base / "content" / "news" / "2024" / "ban-nhap-moi"
    folder.mkdir(parents=True)
    (folder / "index.vi.md").write_text(
        "---\ntitle: Bản nháp mới\nlang: vi\nstatus: draft\ntranslation_key: ban-nhap-moi\n"
        "published: 2024-05-02T08:00:00+07:00\nsummary: Một bản nháp chưa đăng.\nbyline: Ban biên tập\n---\n\n"
        "Nội dung nháp.\n", encoding="utf-8")


# (name, change, does the public site change?)
CHANGES = [
    ("item", _change_item, True),
    ("photo", _change_photo, True),
    ("registry", _change_registry, True),
    ("template", _change_template, True),
    ("catalogue", _change_catalogue, True),
    ("setting", _change_setting, True),
    ("plugin", _change_plugin, True),
    ("deleted-item", _delete_item, True),
    ("renamed-slug", _rename_slug, True),
    ("added-draft", _add_draft, False),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = project(tmp_path_factory.mktemp("incremental") / "site")
    first = bloc_build(base, base / "output", base / "cache")
    assert first["rendering"]["reused"] == 0 and first["rendering"]["rendered"] > 0
    return base


def test_an_unchanged_rebuild_reuses_every_page(site):
    before = inodes(site / "output")
    forget_unchanged(site / "cache")
    report = bloc_build(site, site / "output", site / "cache")
    assert report["unchanged"] is False
    assert report["rendering"]["rendered"] == 0
    assert report["rendering"]["reused"] > 50
    assert inodes(site / "output") == before  # the same files, linked into the new site


TWO_BUILDS = """
import contextlib, glob, io, json, os, sys
from bloc_cli.main import main
cache = sys.argv[sys.argv.index("--cache") + 1]
for _ in range(2):
    for record in glob.glob(os.path.join(cache, "unchanged-*")):
        os.remove(record)  # through Pelican both times: what is tested is its second pass
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(sys.argv[1:])
    print(json.dumps({"code": code, "report": json.loads(out.getvalue())}))
"""


def test_the_next_build_in_the_same_process_reuses_every_page(site):
    """The dev server builds again and again in one process. The site's settings import
    pelicanconf.py, whose values stay in memory between builds: a build must not leave them
    changed (Pelican's reader adds to MARKDOWN), or the next build's every page differs."""
    command = [sys.executable, "-c", TWO_BUILDS, "build", "--lang", "en", "--settings", str(site / "site.py"),
               "--content", str(site / "content"), "--output", str(site / "output"),
               "--cache", str(site / "cache"), "--format", "json"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["code"] == second["code"] == 0
    assert second["report"]["rendering"]["rendered"] == 0
    assert second["report"]["rendering"]["reused"] == first["report"]["rendering"]["reused"] + \
        first["report"]["rendering"]["rendered"]


def test_cold_renders_every_page_again(site):
    before = inodes(site / "output")
    report = bloc_build(site, site / "output", site / "cache", "--cold")
    assert report["rendering"]["reused"] == 0
    after = inodes(site / "output")
    assert all(after[name] != before[name] for name in before)


@pytest.mark.parametrize(("name", "change", "visible"), CHANGES, ids=[c[0] for c in CHANGES])
def test_an_incremental_build_is_the_cold_build(site, name, change, visible):
    settle(site)  # so that the change is all that differs: the build must see it
    before = tree(site / "output")
    inodes_before = inodes(site / "output")
    change(site)
    twin = cold_twin(site, name)  # before our build: it reads the same record of published URLs
    report = bloc_build(site, site / "output", site / "cache")
    assert report["unchanged"] is False
    assert_same_tree(site / "output", twin)
    assert (tree(site / "output") != before) is visible
    if name in ("item", "photo", "template", "deleted-item", "renamed-slug", "added-draft"):
        # the other pages were reused, not rendered again
        assert report["rendering"]["reused"] > 0
        assert inodes(site / "output")[OTHER_PAGE] == inodes_before[OTHER_PAGE]
    if name == "template":
        reused = {page for page, ino in inodes(site / "output").items() if inodes_before.get(page) == ino}
        assert not any(page.startswith(("2021/", "en/2021/")) for page in reused)  # year pages rendered
        assert ITEM_VI_URL in reused


def test_a_page_changed_by_hand_in_the_output_is_rendered_again(site):
    settle(site)  # nothing else changed: the output is all that differs
    page = site / "output" / OTHER_PAGE
    page.write_text("edited by hand", encoding="utf-8")
    assert bloc_build(site, site / "output", site / "cache")["unchanged"] is False
    assert "edited by hand" not in page.read_text(encoding="utf-8")


def test_pages_with_the_csp_in_a_meta_tag(tmp_path):
    """The policy is put into each page after it is written: a reused page gets the new
    policy in place of the old one, and the previous site's file is never written into."""
    base = project(tmp_path / "site", extra_settings="BLOC_SAFETY_META_CSP = True\n")
    bloc_build(base, base / "output", base / "cache")
    before = tree(base / "output")
    _change_item(base)
    twin = cold_twin(base, "csp")
    kept = base / "kept"
    os.link(base / "output" / OTHER_PAGE, kept)  # the previous site's file, as a reader may be served it
    report = bloc_build(base, base / "output", base / "cache")
    assert report["rendering"]["reused"] > 0
    assert_same_tree(base / "output", twin)
    assert kept.read_bytes() == before[OTHER_PAGE]
    assert (base / "output" / OTHER_PAGE).read_bytes().count(b"Content-Security-Policy") == 1
