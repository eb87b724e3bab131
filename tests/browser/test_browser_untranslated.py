"""The English page of an untranslated item, with its facts: axe and the Nu HTML Checker
find nothing on it (light and dark schemes)."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.build.test_untranslated_facts import UNTRANSLATED, untranslated_site

from .browser_site import describe_violations, run_axe, run_vnu

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = untranslated_site(tmp_path_factory.mktemp("untranslated-browser"))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield output, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_untranslated_page_with_facts(browser, site, scheme):
    _, base = site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(f"{base}/{UNTRANSLATED}")
        assert tab.locator("section.facts").count() == 1
        violations = run_axe(tab)
        assert violations == [], describe_violations(violations)
    finally:
        context.close()


def test_nu_html_checker_finds_nothing_on_it(site):
    output, _ = site
    assert run_vnu([output / UNTRANSLATED]) == []
