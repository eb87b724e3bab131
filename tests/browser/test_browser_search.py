"""Search in a real browser: folded Vietnamese queries, the live count, the no-JS text."""

from __future__ import annotations

import pytest
from bloc_search.fold import fold

from .browser_site import describe_violations, run_axe

pytestmark = pytest.mark.browser

DONE = """() => {
  const s = document.getElementById('search-status');
  return s && s.textContent.trim() !== '' && ['done', 'error'].includes(s.dataset.state);
}"""


def search_page(site_pages, lang):
    url = site_pages.get(("search", lang))
    assert url is not None, f"no search page in {lang}: the build must render search.html"
    return url


def run_search(tab, base_url, url, query):
    tab.goto(f"{base_url}/{url}")
    tab.wait_for_selector("#search[data-ready='true']", state="attached", timeout=15000)
    tab.fill("#search-q", query)
    tab.press("#search-q", "Enter")
    tab.wait_for_function(DONE, timeout=15000)
    status = tab.text_content("#search-status").strip()
    hrefs = tab.eval_on_selector_all("#search-results a", "links => links.map(a => a.getAttribute('href'))")
    return status, hrefs


def test_vietnamese_query_matches_with_or_without_marks_and_d_for_đ(tab, base_url, site_pages, built_site):
    assert (built_site / "pagefind" / "pagefind.js").exists(), "no search bundle: is bloc_search in PLUGINS?"
    url = search_page(site_pages, "vi")
    found = {q: run_search(tab, base_url, url, q) for q in ("dong", "Đồng", "Dong")}
    assert found["dong"][1], f"'dong' found nothing: {found['dong'][0]}"
    assert found["dong"][1] == found["Đồng"][1] == found["Dong"][1], found
    assert all(href.startswith("/tin-tuc/") for href in found["dong"][1]), found["dong"][1]
    assert tab.errors == [], tab.errors


def test_results_are_per_language_and_announced(tab, base_url, site_pages):
    url = search_page(site_pages, "en")
    status, hrefs = run_search(tab, base_url, url, "covenant")
    assert hrefs and all(href.startswith("/en/") for href in hrefs), hrefs
    region = tab.locator("#search-status")
    assert region.get_attribute("role") == "status" or region.get_attribute("aria-live") == "polite"
    assert str(len(hrefs)) in status, status
    violations = run_axe(tab)
    assert not violations, f"search results:\n{describe_violations(violations)}"
    none_status, none_hrefs = run_search(tab, base_url, url, "zzqxqz")
    assert none_hrefs == [] and "zzqxqz" in none_status, none_status


def test_search_page_explains_itself_without_javascript(browser, base_url, site_pages):
    url = search_page(site_pages, "vi")
    ctx = browser.new_context(java_script_enabled=False)
    try:
        tab = ctx.new_page()
        tab.goto(f"{base_url}/{url}")
        assert tab.locator("#search-nojs").is_visible()
        assert tab.text_content("#search-nojs").strip()
    finally:
        ctx.close()


SAMPLES = ["Đồng chí", "ĐỒNG", "Nguyễn Trọng Nghĩa", "Ủy ban Quốc phòng", "thủ tướng", "café", "Dong", "Hồ Chí Minh"]


def test_query_folding_in_the_browser_matches_the_index_folding(tab, base_url):
    tab.goto(f"{base_url}/")
    folded = tab.evaluate(
        "samples => import('/theme/js/search.js').then(m => samples.map(m.fold))", SAMPLES
    )
    assert folded == [fold(s) for s in SAMPLES]


def test_year_filter_narrows_results_and_fits_a_phone(tab, base_url, site_pages):
    url = search_page(site_pages, "vi")
    tab.set_viewport_size({"width": 320, "height": 800})
    tab.goto(f"{base_url}/{url}")
    tab.wait_for_selector("#search[data-ready='true']", state="attached", timeout=15000)
    if tab.locator("#search-filter-year").count() == 0:
        pytest.fail("the item template emits no data-pagefind-filter=\"year:…\"")
    years = tab.eval_on_selector_all("#search-filter-year option", "os => os.map(o => o.value).filter(Boolean)")
    year = years[-1]
    tab.select_option("#search-filter-year", year)
    tab.wait_for_function(DONE, timeout=15000)
    hrefs = tab.eval_on_selector_all("#search-results a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(f"/{year}/" in href for href in hrefs), (year, hrefs)
    assert f"year={year}" in tab.url
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
