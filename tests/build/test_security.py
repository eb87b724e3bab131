"""Security of the built site: headers, inline code, what is published, and the CSP as
Chromium enforces it (JSON-LD is not blocked, Pagefind's WebAssembly runs)."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from bloc_safety.headers import csp_hash, scan_html

from tests.conftest import ROOT, build, make_content, parse

EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}


def read_headers(output: Path, pattern: str = "/*") -> dict[str, str]:
    """The headers of one rule: the site-wide `/*` (first), or `/admin/*` (bloc_cms's own)."""
    lines = (output / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    start = lines.index(pattern) + 1
    rule = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        if not line.strip().startswith("!"):  # `! Name` detaches the site-wide header
            rule.append(line)
    return dict(line.strip().split(": ", 1) for line in rule)


def csp(output: Path) -> dict[str, list[str]]:
    policy = read_headers(output)["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def pages(output: Path) -> list[Path]:
    found = sorted(output.rglob("*.html"))
    assert found
    return found


def test_headers_file_has_the_security_headers(built_site):
    headers = read_headers(built_site)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "camera=()" in headers["Permissions-Policy"]
    policy = headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "'wasm-unsafe-eval'" in csp(built_site)["script-src"]
    assert csp(built_site)["frame-ancestors"] == ["'none'"]


def test_every_inline_script_and_style_is_hashed(built_site):
    policy = csp(built_site)
    for page in pages(built_site):
        soup = parse(page)
        for script in soup.find_all("script"):
            if script.get("src") is None and (script.get("type") or "").lower() in EXECUTABLE:
                assert csp_hash(script.string or "") in policy["script-src"], page
        for style in soup.find_all("style"):
            assert csp_hash(style.string or "") in policy["style-src"], page
        for element in soup.find_all(style=True):
            assert csp_hash(element["style"]) in policy["style-src"], (page, element)


def test_no_inline_handlers_or_javascript_urls(built_site):
    for page in pages(built_site):
        assert scan_html(page.read_text(encoding="utf-8"), str(page)).problems == []


def test_json_ld_is_data_and_cannot_close_its_script(built_site):
    for page in pages(built_site):
        for script in parse(page).find_all("script", type="application/ld+json"):
            json.loads(script.string)
            assert "</" not in script.string, page


def test_no_base_element_and_no_refresh(built_site):
    for page in pages(built_site):
        soup = parse(page)
        assert soup.find("base") is None, page
        assert soup.find("meta", attrs={"http-equiv": lambda v: v and v.lower() == "refresh"}) is None, page


def test_external_links_in_bodies_do_not_leak_the_opener(built_site):
    for page in pages(built_site):
        main = parse(page).find("main")
        for link in (main.find_all("a", href=True) if main else []):
            if link["href"].startswith(("http:", "https:", "//")) and "footnote" not in " ".join(link.get("class", [])):
                rel = set(link.get("rel") or [])
                assert {"noopener", "noreferrer"} <= rel or link.get("target") is None, (page, link)


def test_nothing_unintended_is_published(built_site):
    assert [p for p in built_site.rglob("*") if p.is_symlink()] == []
    sources = {".md", ".yaml", ".yml", ".py", ".po", ".pyc", ".pot", ".cfg"}
    # theme/ holds the theme's static files as shipped (a font's README.md among them)
    # admin/config.yml is the browser editor's configuration, generated to be published (bloc_cms)
    leaked = [p for p in built_site.rglob("*") if p.suffix in sources
              and not (p.suffix == ".md" and p.relative_to(built_site).parts[0] == "theme")
              and p.relative_to(built_site).as_posix() != "admin/config.yml"]
    assert leaked == []
    hidden = [p for p in built_site.rglob(".*")]
    assert hidden == [], hidden


@pytest.fixture(scope="module")
def meta_site(tmp_path_factory):
    """The fixture site built with BLOC_SAFETY_META_CSP (for hosts that cannot send headers)."""
    base = tmp_path_factory.mktemp("meta-csp")
    settings = base / "metaconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nBLOC_SAFETY_META_CSP = True\n", encoding="utf-8")
    result = build(make_content(base / "content"), base / "output", settings=str(settings))
    assert result.returncode == 0, result.stderr
    return result.output


def test_meta_csp_is_the_first_thing_after_charset(meta_site):
    for page in pages(meta_site):
        rule = "/admin/*" if page.relative_to(meta_site).parts[0] == "admin" else "/*"
        header_policy = read_headers(meta_site, rule)["Content-Security-Policy"]
        head = parse(page).find("head")
        first = head.find_all("meta")[:2]
        assert first[0].get("charset", "").lower() == "utf-8", page
        assert first[1]["http-equiv"] == "Content-Security-Policy", page
        content = first[1]["content"]
        assert "frame-ancestors" not in content
        assert content == header_policy.replace("; frame-ancestors 'none'", "")


# --- the policy in a real browser --------------------------------------------------------

class _HeadersHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with the headers of its _headers file, as a host would."""

    headers_to_send: ClassVar[dict[str, str]] = {}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        pass


def serve(output: Path, headers: dict[str, str]):
    handler = type("Handler", (_HeadersHandler,), {"headers_to_send": headers})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));
"""
SEARCH = """async () => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ bundlePath: '/pagefind/' });
  const search = await pagefind.search('giao');
  return search.results.length;
}"""


@pytest.fixture
def chromium(browser):
    """The session's Chromium (tests/conftest.py)."""
    return browser


def visit(chromium, base_url: str, urls: list[str], search: bool):
    context = chromium.new_context()
    tab = context.new_page()
    messages: list[str] = []
    tab.on("console", lambda m: m.type in ("error", "warning") and messages.append(m.text))
    tab.add_init_script(RECORD_VIOLATIONS)
    violations: list[str] = []
    found = None
    try:
        for url in urls:
            tab.goto(f"{base_url}/{url}")
            tab.wait_for_load_state("load")
            if search:
                try:
                    found = tab.evaluate(SEARCH)
                except Exception as exc:  # the wasm refused: reported as a violation below
                    messages.append(str(exc))
            violations += tab.evaluate("window.__csp")
    finally:
        context.close()
    return violations, messages, found


def sample_urls(output: Path) -> list[str]:
    urls = []
    for page in pages(output):
        soup = parse(page)
        if soup.find("script", type="application/ld+json") or page.name == "404.html":
            urls.append(page.relative_to(output).as_posix())
    searches = [url for url in ("tim-kiem/", "en/search/") if (output / url / "index.html").is_file()]
    return ["", *searches, *urls[:6]]


@pytest.mark.browser
def test_chromium_reports_no_violation_and_pagefind_runs(built_site, chromium):
    assert (built_site / "pagefind" / "pagefind.js").exists(), "no search bundle: is bloc_search in PLUGINS?"
    server = serve(built_site, read_headers(built_site))
    try:
        base_url = f"http://127.0.0.1:{server.server_port}"
        violations, messages, found = visit(chromium, base_url, sample_urls(built_site), search=True)
    finally:
        server.shutdown()
        server.server_close()
    assert violations == [], violations
    assert [m for m in messages if "Content Security Policy" in m or "Permissions-Policy" in m] == []
    assert found and found > 0, messages


@pytest.mark.browser
def test_without_wasm_unsafe_eval_chromium_blocks_pagefind(built_site, chromium):
    """The control: the browser really enforces the policy we serve."""
    headers = read_headers(built_site)
    headers["Content-Security-Policy"] = headers["Content-Security-Policy"].replace(" 'wasm-unsafe-eval'", "")
    server = serve(built_site, headers)
    try:
        base_url = f"http://127.0.0.1:{server.server_port}"
        violations, messages, found = visit(chromium, base_url, [""], search=True)
    finally:
        server.shutdown()
        server.server_close()
    assert not found
    assert any("wasm" in m.lower() or "script-src" in m for m in messages + violations), (messages, violations)
