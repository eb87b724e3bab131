"""Hostile and broken inputs through real builds: each fails with a located message and no
traceback, and leaves the previous site as it was; injected markup builds but comes out inert."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT, build, make_content, parse

pytestmark = pytest.mark.slow

ITEM = Path("news/2021/tong-ket-2020-ky-giao-uoc-2021")
VI_URL = "tin-tuc/2021/ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong/"
EN_URL = "en/news/2021/central-internal-affairs-emulation-bloc-signs-2021-emulation-covenant/"
SLUG_LINE = "slug: ky-giao-uoc-thi-dua-khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong"


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad-inputs")
    content = make_content(base / "good")
    result = build(content, base / "output")
    assert result.returncode == 0, result.stderr
    return base, result.output


# --- mutations of a copy of the fixture content -----------------------------------------

Mutation = Callable[[Path], None]


def edit(lang: str, old: str, new: str) -> Mutation:
    def apply(content: Path) -> None:
        path = content / ITEM / f"index.{lang}.md"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def encode(lang: str, encoding: str) -> Mutation:
    def apply(content: Path) -> None:
        path = content / ITEM / f"index.{lang}.md"
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        # Windows-1258 writes Vietnamese with combining tone marks: decompose first.
        path.write_bytes(unicodedata.normalize("NFD", text).encode(encoding, errors="replace"))
    return apply


def write(relative: str, data: bytes) -> Mutation:
    def apply(content: Path) -> None:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return apply


def front(extra: str) -> Mutation:
    """Add lines at the end of the Vietnamese file's front matter."""
    return edit("vi", "  signatories: all\n---", "  signatories: all\n" + extra + "\n---")


def symlink(relative: str, target: str) -> Mutation:
    def apply(content: Path) -> None:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.replace("{outside}", str(content.parent / "outside")), path)
    return apply


def fifo(relative: str) -> Mutation:
    def apply(content: Path) -> None:
        os.mkfifo(content / relative)
    return apply


def both(*mutations: Mutation) -> Mutation:
    def apply(content: Path) -> None:
        for mutation in mutations:
            mutation(content)
    return apply


def copy_item(folder: str, key: str) -> Mutation:
    """A second item: the fixture's Vietnamese file under another folder and translation key."""
    def apply(content: Path) -> None:
        text = (content / ITEM / "index.vi.md").read_text(encoding="utf-8")
        text = text.replace("translation_key: tong-ket-2020-ky-giao-uoc-2021", f"translation_key: {key}")
        target = content / "news" / "2021" / folder / "index.vi.md"
        target.parent.mkdir(parents=True)
        target.write_text(text, encoding="utf-8")
    return apply


def photo_file(name: str) -> Mutation:
    def apply(content: Path) -> None:
        noise = Image.effect_noise((320, 240), 60).convert("RGB")  # not uniform: truncating it loses pixels
        noise.save(content / ITEM / name, "JPEG", quality=90)
    return apply


def truncate(relative: str) -> Mutation:
    def apply(content: Path) -> None:
        data = (content / relative).read_bytes()
        (content / relative).write_bytes(data[: len(data) // 2])
    return apply


def photos(name: str, en_alt: str | None = "Leaders sign the covenant") -> Mutation:
    """Declare one photo in the Vietnamese file and give its English alt text (unless None)."""
    vi = edit("vi", "covenant:\n", f"photos:\n  - file: {name}\n    alt: Lãnh đạo các bộ ký Giao ước\ncovenant:\n")
    en = edit("en", "covenant:\n", f"photos:\n  - file: {name}\n    alt: {en_alt}\ncovenant:\n")
    return both(vi, en) if en_alt else vi


BILLION_LAUGHS = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]'
DEEP = "deep: " + "[" * 40 + "]" * 40

# name: (mutation, text the error line must contain)
FAILING = {
    "latin-1 file": (write(f"{ITEM}/index.vi.md", "---\ntitle: Café\n---\n".encode("latin-1")), "not valid UTF-8"),
    "windows-1258 file": (encode("vi", "cp1258"), "not valid UTF-8"),
    "utf-16 file": (encode("vi", "utf-16"), "not valid UTF-8"),
    "binary garbage": (write(f"{ITEM}/index.vi.md", bytes(range(256)) * 4), "not valid UTF-8"),
    "empty file": (write(f"{ITEM}/index.vi.md", b""), "file is empty"),
    "no front matter": (write(f"{ITEM}/index.vi.md", "Chỉ có nội dung.\n".encode()), "no front matter"),
    "front matter not closed": (write(f"{ITEM}/index.vi.md", b"---\ntitle: x\n"), "front matter is not closed"),
    "front matter is a list": (write(f"{ITEM}/index.vi.md", b"---\n- a\n- b\n---\nx\n"), "front matter must be"),
    "file over the size limit": (write(f"{ITEM}/index.vi.md", b"---\ntitle: x\n---\n" + b"a" * 1_100_000), "the limit is"),
    "billion laughs aliases": (front(BILLION_LAUGHS), "is not allowed"),
    "yaml merge key": (front("base: &b {x: 1}\nmerged:\n  <<: *b"), "is not allowed"),
    "python object tag": (front("evil: !!python/object/apply:os.system ['id']"), "YAML tag"),
    "custom include tag": (front("evil: !include /etc/passwd"), "YAML tag"),
    "nesting too deep": (front(DEEP), "nested"),
    "save_as in front matter": (front("save_as: index.html"), "save_as"),
    "url in front matter": (front("url: /"), "url"),
    "template in front matter": (front("template: ../../../etc/passwd"), "template"),
    "override_url in front matter": (front("override_url: /"), "override_url"),
    "status hidden": (edit("vi", "date_precision: month", "date_precision: month\nstatus: hidden"), "status"),
    "misspelt field": (edit("vi", "byline: TG-PV", "bylin: TG-PV"), "bylin"),
    "slug with capitals": (edit("vi", SLUG_LINE, "slug: Ky-Giao-Uoc"), "slug"),
    "slug climbing out": (edit("vi", SLUG_LINE, "slug: ../../index"), "slug"),
    "slug with a slash": (edit("vi", SLUG_LINE, "slug: tin-tuc/ky"), "slug"),
    "reserved slug pagefind": (edit("vi", SLUG_LINE, "slug: pagefind"), "reserved"),
    "reserved slug tin-tuc": (edit("vi", SLUG_LINE, "slug: tin-tuc"), "reserved"),
    "reserved slug theme": (edit("vi", SLUG_LINE, "slug: theme"), "reserved"),
    "control character in title": (edit("vi", "title: Ký Giao ước thi đua Khối thi đua các bộ, ngành Nội chính Trung ương", "title: \"Ký\\u0007 Giao\""), "control"),
    "bidi override in title": (edit("vi", "title: Ký Giao", "title: Ký \u202e Giao"), "bidi"),
    "lang does not match file name": (edit("vi", "lang: vi", "lang: en"), "does not match the file name"),
    "date in a local format": (edit("vi", "published: 2021-01-01T00:00:00+07:00", "published: 07/09/2024"), "ISO 8601"),
    "date in UTC": (edit("vi", "published: 2021-01-01T00:00:00+07:00", "published: 2021-01-01T00:00:00+00:00"), "Vietnam time"),
    "updated before published": (edit("vi", "date_precision: month", "date_precision: month\nupdated: 2020-01-01T00:00:00+07:00"), "earlier than published"),
    "title too long": (edit("vi", "title: Ký Giao", "title: " + "Rất dài " * 60 + "Ký Giao"), "title"),
    "javascript source url": (edit("vi", "  url: https://baovephapluat.vn", "  url: javascript://baovephapluat.vn"), "source.url"),
    "data source url": (edit("vi", "  url: https://baovephapluat.vn", "  url: data:text/html,x#https://baovephapluat.vn"), "source.url"),
    "photo path climbing out": (front("photos:\n  - {file: ../../../../etc/passwd, alt: Ảnh}"), "inside the item's folder"),
    "photo absolute path": (front("photos:\n  - {file: /etc/passwd, alt: Ảnh}"), "inside the item's folder"),
    "photo windows path": (front("photos:\n  - {file: 'C:\\anh.jpg', alt: Ảnh}"), "inside the item's folder"),
    "symlinked photo leaving content": (symlink(f"{ITEM}/anh.jpg", "/etc/passwd"), "leaves content/"),
    "symlinked item leaving content": (both(write("../outside/index.vi.md", b"---\n---\n"),
                                            symlink("news/2021/link/index.vi.md", "{outside}/index.vi.md")), "leaves content/"),
    "symlinked folder leaving content": (symlink("news/lien-ket", "/etc"), "leaves content/"),
    "dangling symlink": (symlink(f"{ITEM}/anh.jpg", "khong-co.jpg"), "dangling"),
    "symlink loop": (both(symlink("news/a.md", "b.md"), symlink("news/b.md", "a.md")), "loop"),
    "folder linked to its ancestor": (symlink("news/2021/vong", ".."), "loop"),
    "fifo named like an item": (both(write("news/2021/ong/.keep", b""), fifo("news/2021/ong/index.vi.md")), "regular file"),
    "duplicate translation key": (copy_item("ban-sao", "tong-ket-2020-ky-giao-uoc-2021"), "tong-ket-2020-ky-giao-uoc-2021"),
    "impossible date": (edit("vi", "published: 2021-01-01T00:00:00+07:00", "published: 2021-02-30T09:00:00+07:00"),
                        "is not a date that exists"),
    "year out of range": (edit("vi", "published: 2021-01-01T00:00:00+07:00", "published: 0001-01-01T00:00:00+07:00"),
                          "1990"),
    "photo name differs in case": (both(photo_file("so-ket-2024.jpg"), photos("so-ket-2024.JPG")),
                                   "upper and lower case must match"),
    "photo that is no image": (both(write(f"{ITEM}/so-ket-2024.jpg", b"\xff\xd8\xff not a photo"),
                                    photos("so-ket-2024.jpg")), "not an image"),
    "truncated photo": (both(photo_file("so-ket-2024.jpg"), truncate(f"{ITEM}/so-ket-2024.jpg"), photos("so-ket-2024.jpg")),
                        "truncated or corrupt"),
    "marker naming no photo": (edit("en", "\nNguyễn Văn Thành", "\n[[photo:so-ket.jpg]]\n\nNguyễn Văn Thành"),
                               "names no photo of this item"),
    "published item with a broken photo alt": (both(photo_file("so-ket-2024.jpg"),
                                                    photos("so-ket-2024.jpg", en_alt=None)), "has no alt text"),
}


@pytest.mark.parametrize("case", list(FAILING))
def test_bad_input_fails_cleanly(previous_site, tmp_path, case):
    base, output = previous_site
    before = tree_digest(output)
    mutation, expected = FAILING[case]
    content = make_content(tmp_path / "content", base / "good")
    mutation(content)
    result = build(content, output)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.errors, result.stderr
    assert any(expected in line for line in result.errors), result.stderr
    assert "the previous site is unchanged" in result.stderr
    assert tree_digest(output) == before
    assert not list(output.parent.glob(f".{output.name}.tmp-*"))
    # `bloc check` on the same content says exactly what the build said
    assert check_diagnostics(tmp_path) == build_diagnostics(result, tmp_path)


def build_diagnostics(result, root: Path) -> list[str]:
    """The diagnostics a build printed, with paths relative to the site's folder (as check shows them)."""
    prefix = f"{root.resolve()}/"
    lines = (line.removeprefix("WARNING: ").replace(prefix, "") for line in result.stderr.splitlines())
    return sorted(line for line in lines if DIAGNOSTIC.match(line))


def check_diagnostics(root: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "bloc_cli", "--root", str(root), "check", "--lang", "en"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    prefix = f"{root.resolve()}/"
    return sorted(line.replace(prefix, "") for line in done.stdout.splitlines() if DIAGNOSTIC.match(line))


DIAGNOSTIC = re.compile(r"^\S.*?: (error|warning): ")


# --- markup injected into the body builds, and comes out inert --------------------------

INJECTIONS = """

<script>alert("script")</script>

<img src="x" onerror="alert('onerror')">

[link](javascript:alert('md-link'))

[entity link](&#106;avascript:alert('entity'))

<a href="jav&#x09;ascript:alert('tab')">tab</a>

<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>

<iframe src="https://evil.example/"></iframe>

<p style="position:fixed" onclick="alert('p')">styled</p>

Đoạn văn
{: onclick="alert('attr_list')" }

<form action="https://evil.example/"><input name="password"></form>

<meta http-equiv="refresh" content="0;url=https://evil.example/">

<base href="https://evil.example/">

<svg onload="alert('svg')"></svg>

<object data="x.swf"></object><embed src="x.swf">

<!-- <script>alert("comment")</script> -->
"""


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("injected")
    content = make_content(base / "content")
    vi = content / ITEM / "index.vi.md"
    text = vi.read_text(encoding="utf-8") + INJECTIONS
    text = re.sub(r"(?m)^title: .*$", lambda _: 'title: "</title><script>alert(1)</script> Ký Giao ước"', text, count=1)
    text = text.replace("byline: TG-PV", "byline: '\"><img src=x onerror=alert(1)>'")
    vi.write_text(text, encoding="utf-8")
    result = build(content, base / "output")
    assert result.returncode == 0, result.stderr
    return result.output


def test_injected_markup_is_inert(injected_site):
    soup = parse(injected_site / VI_URL / "index.html")
    main = soup.find("main")
    assert main is not None
    assert main.find_all(["script", "iframe", "form", "input", "meta", "base", "svg", "object", "embed", "style"]) == []
    assert soup.find_all("base") == []
    assert not soup.find("meta", attrs={"http-equiv": True, "content": lambda v: v and "url=" in v})
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on"), element
            if name in ("href", "src"):
                squashed = "".join(ch for ch in value if ch > " ").lower()
                assert not squashed.startswith(("javascript:", "data:", "vbscript:")), element
    for script in soup.find_all("script"):
        assert "alert" not in script.get_text()
    assert "styled" in main.get_text() and "position:fixed" not in str(main)


def test_injected_text_is_escaped_not_dropped(injected_site):
    soup = parse(injected_site / VI_URL / "index.html")
    assert "</title><script>" in soup.find("h1").get_text()
    assert "onerror=alert(1)" in soup.find("main").get_text()


@pytest.mark.parametrize("breakage", ["title: [unclosed", "published: 2021-02-30T09:00:00+07:00", "title:\tTab"])
def test_a_broken_original_is_not_blamed_on_its_translation(previous_site, tmp_path, breakage):
    """The English file states no facts: while the Vietnamese one cannot be read, it waits."""
    base, _ = previous_site
    content = make_content(tmp_path / "content", base / "good")
    edit("vi", "lang: vi", f"lang: vi\n{breakage}")(content)
    result = build(content, tmp_path / "output")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.errors and all("/index.vi.md:" in line for line in result.errors), result.stderr
    assert check_diagnostics(tmp_path) == build_diagnostics(result, tmp_path)
