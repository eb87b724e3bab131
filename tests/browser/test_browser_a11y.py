"""Accessibility in a real browser: axe-core rules, keyboard paths, 320px reflow, valid HTML."""

from __future__ import annotations

import pytest

from .browser_site import KINDS, LANGS, describe_violations, html_files, run_axe, run_vnu, site_urls

pytestmark = pytest.mark.browser

# The 404 page is one page in both languages (a server cannot know the reader's language).
PAGES = [(kind, lang) for kind in KINDS for lang in LANGS if not (kind == "404" and lang == "en")]
IDS = [f"{kind}-{lang}" if kind != "404" else "404-vi-en" for kind, lang in PAGES]


def open_page(tab, base_url, site_pages, kind, lang):
    url = site_pages.get((kind, lang))
    if url is None:
        pytest.fail(f"the fixture site has no {kind} page in {lang}: the build no longer writes it")
    response = tab.goto(f"{base_url}/{url}")
    assert response is not None and response.ok, f"/{url}: HTTP {response and response.status}"
    tab.wait_for_load_state("networkidle")
    return url


@pytest.mark.parametrize(("kind", "lang"), PAGES, ids=IDS)
def test_axe_finds_no_wcag_violations(tab, base_url, site_pages, kind, lang):
    url = open_page(tab, base_url, site_pages, kind, lang)
    violations = run_axe(tab)
    assert not violations, f"/{url}:\n{describe_violations(violations)}"


DARK = [(kind, lang) for kind in ("home", "item", "year", "member", "search") for lang in LANGS]


@pytest.mark.parametrize(("kind", "lang"), DARK, ids=[f"{k}-{lang}" for k, lang in DARK])
def test_axe_finds_no_contrast_problems_in_dark_mode(tab, base_url, site_pages, kind, lang):
    tab.emulate_media(color_scheme="dark")
    url = open_page(tab, base_url, site_pages, kind, lang)
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)", "the dark colour scheme did not apply"
    violations = run_axe(tab)
    assert not violations, f"/{url} (dark):\n{describe_violations(violations)}"


@pytest.mark.parametrize("lang", LANGS)
def test_print_keeps_the_content_and_drops_the_navigation(tab, base_url, site_pages, lang):
    open_page(tab, base_url, site_pages, "item", lang)
    tab.emulate_media(media="print")
    shown = tab.evaluate(
        """() => Object.fromEntries(['.site-nav', '.skip-link', '.breadcrumbs', 'main h1']
            .map(s => [s, !!document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none']))"""
    )
    assert shown == {".site-nav": False, ".skip-link": False, ".breadcrumbs": False, "main h1": True}, shown


@pytest.mark.parametrize(("kind", "lang"), PAGES, ids=IDS)
def test_no_horizontal_scroll_at_320px(tab, base_url, site_pages, kind, lang):
    tab.set_viewport_size({"width": 320, "height": 640})
    url = open_page(tab, base_url, site_pages, kind, lang)
    width = tab.evaluate("document.documentElement.scrollWidth")
    wide = tab.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 320.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""
    )
    assert width <= 320, f"/{url} is {width}px wide at a 320px viewport; too wide: {wide}"


FOCUSED = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), cls: e.className, href: e.getAttribute('href'),
          hreflang: e.getAttribute('hreflang'), type: e.getAttribute('type'), id: e.id,
          outline: s.outlineStyle + ' ' + s.outlineWidth,
          visible: r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.right > 0,
          width: r.width, height: r.height};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_skip_link_language_toggle_and_search(tab, base_url, site_pages, lang):
    open_page(tab, base_url, site_pages, "home", lang)
    search_url = "/" + site_urls()[lang]["search"]
    tab.keyboard.press("Tab")
    first = tab.evaluate(FOCUSED)
    assert first["href"] == "#main" and first["visible"], f"first Tab stop is not a visible skip link: {first}"
    assert first["outline"] == "solid 3px", f"skip link focus ring: {first['outline']}"

    stops = [first]
    for _ in range(40):
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate(FOCUSED))
    path = [s["href"] or s["tag"] for s in stops]
    toggles = [s for s in stops if s["hreflang"] and s["hreflang"] != lang]
    assert toggles, f"no language toggle among the Tab stops: {path}"
    searches = [s for s in stops if s["href"] == search_url or s["type"] == "search"]
    assert searches, f"no link to {search_url} or search box among the Tab stops: {path}"
    for stop in [*toggles, *searches]:
        assert stop["visible"] and stop["outline"] == "solid 3px", f"focus not visible on {stop}"
        assert stop["width"] >= 24 and stop["height"] >= 24, f"target smaller than 24x24: {stop}"


@pytest.mark.parametrize("lang", LANGS)
def test_skip_link_moves_focus_to_main(tab, base_url, site_pages, lang):
    open_page(tab, base_url, site_pages, "home", lang)
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")
    inside = tab.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert inside, f"focus after the skip link: {tab.evaluate(FOCUSED)}"


def test_nu_html_checker_finds_no_errors(built_site):
    files = html_files(built_site)
    assert files, "the build wrote no HTML"
    errors = run_vnu(files)
    described = [
        f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in errors
    ]
    assert not errors, "\n".join(described)
