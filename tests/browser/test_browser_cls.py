"""No layout shift when Be Vietnam Pro arrives, on a device without Arial or its metric twins.

A Chromium of its own, whose fontconfig sees one font family only (Roboto, as on Android
phones, or DejaVu Sans, as on many Linux desktops), loads the home, item, year and member
pages in both languages from a server that holds the web fonts back, so the page is first
painted in the fallback face and then swaps; a PerformanceObserver sums the layout shifts.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser_site import CHROMIUM, CHROMIUM_ARGS, LANGS

pytestmark = pytest.mark.browser

KINDS = ("home", "item", "year", "member")
LIMIT = 0.02
FONT_DELAY = 0.6  # seconds: long enough for the first paint to use the fallback face
# Debian packages: fonts-roboto-unhinted, fonts-dejavu-core (see scripts/system-deps.sh).
DEVICE_FONTS = {
    "roboto": ["/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
               "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf"],
    "dejavu": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
}
OBSERVE = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({type: 'layout-shift', buffered: true});
"""


class _SlowFonts(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        if self.path.endswith(".woff2"):
            time.sleep(FONT_DELAY)
        super().do_GET()


@pytest.fixture(scope="module")
def slow_fonts_url(built_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SlowFonts, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def fontconfig(folder: Path, fonts: list[str]) -> Path:
    """A fontconfig configuration whose only fonts are `fonts` (no Arial, Liberation or Arimo)."""
    (folder / "fonts").mkdir(parents=True)
    for font in fonts:
        if not Path(font).is_file():
            pytest.fail(f"{font} is missing: run `make system-deps`")
        shutil.copy(font, folder / "fonts")
    config = folder / "fonts.conf"
    config.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{folder / 'fonts'}</dir>
  <cachedir>{folder / 'cache'}</cachedir>
</fontconfig>
""", encoding="utf-8")
    return config


@pytest.fixture(scope="module", params=sorted(DEVICE_FONTS))
def device_browser(request, browser, tmp_path_factory):
    """A second Chromium (same Playwright) that sees only one font family."""
    config = fontconfig(tmp_path_factory.mktemp(f"fonts-{request.param}"), DEVICE_FONTS[request.param])
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                           env={"FONTCONFIG_FILE": str(config), "HOME": str(config.parent)})
    yield request.param, chromium
    chromium.close()


def families(tab) -> set[str]:
    """The platform fonts Chromium used to render the page (over the DevTools protocol)."""
    session = tab.context.new_cdp_session(tab)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": "main h1"})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts}


def measure(chromium, url: str, *, width: int = 412, fonts_blocked: bool = False) -> tuple[float, set[str]]:
    context = chromium.new_context(viewport={"width": width, "height": 915})
    try:
        tab = context.new_page()
        if fonts_blocked:
            tab.route("**/*.woff2", lambda route: route.abort())
        tab.add_init_script(OBSERVE)
        tab.goto(url, wait_until="load")
        tab.evaluate("document.fonts.ready.then(() => true)")
        tab.wait_for_timeout(300)  # layout shifts are reported after the frame that made them
        return tab.evaluate("window.__cls"), families(tab)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_layout_shift_when_the_web_font_arrives(device_browser, slow_fonts_url, site_pages, kind, lang):
    font, chromium = device_browser
    url = site_pages.get((kind, lang))
    assert url is not None, f"no {kind} page in {lang}"
    cls, used = measure(chromium, f"{slow_fonts_url}/{url}")
    assert "Be Vietnam Pro" in used, used  # the web font did arrive and render
    assert cls < LIMIT, f"/{url} with only {font}: CLS {cls:.4f}"


def test_the_fallback_face_is_the_device_font(device_browser, slow_fonts_url, site_pages):
    """Without the web font the page is set in the device's font, not a font this machine has."""
    font, chromium = device_browser
    _, used = measure(chromium, f"{slow_fonts_url}/{site_pages[('item', 'vi')]}", fonts_blocked=True)
    assert used == {"Roboto" if font == "roboto" else "DejaVu Sans"}, used
