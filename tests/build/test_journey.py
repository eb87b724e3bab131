"""A communications officer's day, end to end, on a scratch copy of the site, through the
documented commands: `make new`, fill the template, `make check`, `make html` with drafts
around, `bloc devserver`, publish, and the item is on its year and member pages."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from bloc_content.registries import load_registry
from bs4 import BeautifulSoup
from PIL import Image

from tests.build.test_drafts import BROKEN, BROKEN_EN, BROKEN_VI
from tests.conftest import ROOT, SITE_FIXTURE, make_content, parse

pytestmark = pytest.mark.slow

TITLE = "Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024"
EN_TITLE = "The bloc reviews its emulation work for the first half of 2024"
RECIPIENT = "ttcp"  # the award's recipient: the item must appear on its member page
# The scratch copy shares the project's set-up venv and npm packages (Decap CMS for /admin/).
MAKE = ["make", "-o", ".venv/.installed", "-o", "node_modules/.installed"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """The project as an officer has it: settings, Makefile, plugins, theme and the fixture content."""
    root = tmp_path_factory.mktemp("journey")
    for name in ("Makefile", "pelicanconf.py", "publishconf.py", "requirements.txt", "pyproject.toml",
                 "package.json", "package-lock.json"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    for name in (".venv", "plugins", "theme", "scripts", "node_modules"):
        (root / name).symlink_to(ROOT / name)
    make_content(root / "content", SITE_FIXTURE)
    return root


def run(root: Path, *command: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run(list(command), cwd=root, capture_output=True, text=True, timeout=timeout, env=env)


def front_and_body(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def write(path: Path, data: dict, body: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    path.write_text(f"---\n{text}---\n{body}", encoding="utf-8")


def photo_with_exif_orientation(path: Path) -> None:
    """A landscape JPEG stored sideways, as phones save them: EXIF orientation 6."""
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (600, 400), (40, 90, 160)).save(path, "JPEG", exif=exif.tobytes())


def fill(folder: Path) -> None:
    """What the officer types into the template `make new` wrote."""
    vi, _ = front_and_body(folder / "index.vi.md")
    vi.update(summary="Khối thi đua sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024.",
              byline="Tổ thư ký Khối")
    vi["event"].update(about_year=2024, host="bca", place="Hà Nội",
                       chair={"name": "Nguyễn Văn A", "org": "bca", "positions": ["thu-truong"]},
                       attendees=[{"name": "Nguyễn Văn B", "org": "btp", "positions": ["thu-truong"]}])
    vi["awards"] = [{"award": "bang-khen-thu-tuong", "recipient": RECIPIENT, "year": 2024, "status": "proposed"}]
    vi["photos"] = [{"file": "so-ket.jpg", "alt": "Đại biểu dự hội nghị sơ kết", "caption": "Toàn cảnh hội nghị."}]
    write(folder / "index.vi.md", vi, "Hội nghị đánh giá kết quả thi đua 6 tháng đầu năm.\n")
    en, _ = front_and_body(folder / "index.en.md")
    en.update(title=EN_TITLE, summary="The bloc reviewed its emulation and commendation work for the first half of 2024.",
              byline="Bloc secretariat", translator="Site editorial team", event={"place": "Hanoi"},
              photos=[{"file": "so-ket.jpg", "alt": "Delegates at the mid-year review",
                       "caption": "The conference hall."}])
    write(folder / "index.en.md", en, "The conference reviewed the results of the first half of the year.\n")
    photo_with_exif_orientation(folder / "so-ket.jpg")


def publish(folder: Path) -> None:
    for lang in ("vi", "en"):
        data, body = front_and_body(folder / f"index.{lang}.md")
        data["status"] = "published"
        write(folder / f"index.{lang}.md", data, body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_when_ready(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def links(page: Path) -> set[str]:
    return {a["href"] for a in parse(page).find_all("a", href=True)}


def test_the_officers_day(scratch):
    root = scratch
    # 1. a new item from the template
    made = run(root, *MAKE, "new", f"TITLE={TITLE}", "DATE=2024-07-15", "KIND=hoi-nghi-so-ket")
    assert made.returncode == 0, made.stderr
    folder = next((root / "content" / "news" / "2024").glob("hoi-nghi-so-ket-*"))
    fill(folder)

    # 2. the check passes: a draft may have warnings, never errors
    checked = run(root, *MAKE, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert ": lỗi: " not in checked.stdout and "Traceback" not in checked.stderr

    # 3. the public build, with another colleague's draft and an unrelated broken draft around
    other = run(root, *MAKE, "new", "TITLE=Phát động thi đua năm 2024", "DATE=2024-02-01", "KIND=phat-dong-thi-dua")
    assert other.returncode == 0, other.stderr
    (root / "content" / BROKEN).mkdir(parents=True)
    (root / "content" / BROKEN / "index.vi.md").write_text(BROKEN_VI, encoding="utf-8")
    (root / "content" / BROKEN / "index.en.md").write_text(BROKEN_EN, encoding="utf-8")
    built = run(root, *MAKE, "html")
    assert built.returncode == 0, built.stderr
    output = root / "output"
    slug = front_and_body(folder / "index.vi.md")[0]["slug"]
    item_url = f"tin-tuc/2024/{slug}/"
    assert not (output / item_url).exists()
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in output.rglob("*")
                         if p.suffix in (".html", ".xml", ".json", ".txt"))
    assert slug not in everything and "phat-dong-thi-dua-nam-2024" not in everything and "Bản nháp còn dở" not in everything

    # 4. the preview shows the draft at its future address, with its banner
    port = free_port()
    server = subprocess.Popen([str(root / ".venv" / "bin" / "bloc"), "devserver", "--port", str(port)], cwd=root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        html = fetch_when_ready(f"http://127.0.0.1:{port}/{item_url}", time.monotonic() + 600)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)
    banner = BeautifulSoup(html, "html5lib").find(class_="notice-draft")
    assert banner is not None and banner.find("strong").get_text() == "Bản nháp", html[:2000]
    assert not (output / item_url).exists()  # the preview never touches output/
    assert (root / "output.preview" / item_url / "index.html").is_file()

    # 5. published: on its year page and its recipient's member page, in both languages
    publish(folder)
    built = run(root, *MAKE, "html")
    assert built.returncode == 0, built.stderr
    vi_page = parse(output / item_url / "index.html")
    assert vi_page.find("h1").get_text(strip=True) == TITLE and vi_page.find(class_="notice-draft") is None
    en_link = vi_page.find("link", rel="alternate", hreflang="en")["href"]
    en_url = en_link.split("://", 1)[-1].split("/", 1)[1]
    assert parse(output / en_url / "index.html").find("h1").get_text(strip=True) == EN_TITLE
    assert any(href.endswith(item_url) for href in links(output / "2024" / "index.html"))
    assert any(href.endswith(en_url) for href in links(output / "en" / "2024" / "index.html"))
    registry, _ = load_registry(root / "content" / "data", root)
    recipient = registry.organisations[RECIPIENT]
    assert any(href.endswith(item_url) for href in links(output / "bo-nganh" / recipient.slug("vi") / "index.html"))
    assert any(href.endswith(en_url) for href in
               links(output / "en" / "members" / recipient.slug("en") / "index.html"))
    # the photo was turned upright: stored 600x400 with EXIF orientation 6, shown 400 wide, 600 high
    photo = next(img for img in vi_page.find_all("img") if "photos/" in img.get("src", ""))
    assert int(photo["height"]) > int(photo["width"]), photo
