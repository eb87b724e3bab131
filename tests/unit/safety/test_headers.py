"""Security headers: CSP hashes of inline code, the _headers file, the <meta> fallback."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bloc_safety.headers import (
    HeaderSettings,
    content_security_policy,
    csp_hash,
    headers_file,
    insert_meta_csp,
    render_policy,
    scan_html,
    security_headers,
)

PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>t</title>
<script type="application/ld+json">{"@context": "https://schema.org"}</script>
<script src="/theme/js/search.js" defer></script>
<script>document.documentElement.className = "js";</script>
<style>.x{color:red}</style>
</head><body><p style="color: red">x</p></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_code_is_hashed_and_json_ld_is_not():
    found = scan_html(PAGE)
    assert found.scripts == {sha('document.documentElement.className = "js";')}
    assert found.styles == {sha(".x{color:red}")}
    assert found.style_attributes == {sha("color: red")}
    assert found.problems == []


def test_hash_normalises_line_endings_like_the_browser():
    assert csp_hash("a\r\nb") == csp_hash("a\nb") == sha("a\nb")


def test_event_handlers_and_javascript_urls_are_problems():
    found = scan_html('<body onload="x()"><a href=" javascript:alert(1)">x</a></body>', "index.html")
    assert len(found.problems) == 2
    assert found.problems[0].startswith("index.html: inline event handler onload=")


def test_policy_has_no_unsafe_inline_and_allows_pagefind_wasm():
    policy = content_security_policy(scan_html(PAGE), HeaderSettings())
    text = render_policy(policy)
    assert "'unsafe-inline'" not in text and "'unsafe-eval'" not in text
    assert "'wasm-unsafe-eval'" in policy["script-src"]
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert "'unsafe-hashes'" in policy["style-src"]


def test_no_inline_style_attributes_no_unsafe_hashes():
    policy = content_security_policy(scan_html("<p>x</p>"), HeaderSettings())
    assert policy["style-src"] == ["'self'"] and policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]


def test_extra_sources_and_no_frames():
    settings = HeaderSettings(frame_src=(), csp_extra=(("img-src", ("https://tile.example",)),
                                                       ("report-uri", ("/csp",))))
    policy = content_security_policy(scan_html(""), settings)
    assert policy["img-src"] == ["'self'", "https://tile.example"]
    assert policy["frame-src"] == ["'none'"]
    assert "report-uri" not in render_policy(policy, for_meta=True)
    assert "frame-ancestors" not in render_policy(policy, for_meta=True)


def test_headers_file_format():
    text = headers_file(security_headers(scan_html(""), HeaderSettings()))
    lines = text.splitlines()
    assert lines[0] == "/*"
    assert all(line.startswith("  ") and ": " in line for line in lines[1:])
    names = [line.split(":", 1)[0].strip() for line in lines[1:]]
    assert names == ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                     "Permissions-Policy", "Cross-Origin-Opener-Policy", "Strict-Transport-Security"]
    assert "  Strict-Transport-Security: max-age=31536000; includeSubDomains; preload" in lines
    assert "  X-Content-Type-Options: nosniff" in lines


def test_headers_file_is_deterministic():
    one = headers_file(security_headers(scan_html(PAGE + PAGE.replace("red", "blue")), HeaderSettings()))
    two = headers_file(security_headers(scan_html(PAGE.replace("red", "blue") + PAGE), HeaderSettings()))
    assert one == two


def test_hsts_can_be_turned_off():
    assert "Strict-Transport-Security" not in security_headers(scan_html(""), HeaderSettings(hsts=""))


def test_header_injection_is_refused():
    with pytest.raises(ValueError):
        headers_file({"X-Test": "a\n  Set-Cookie: x"})


def test_meta_csp_goes_right_after_charset():
    out = insert_meta_csp(PAGE, "default-src 'none'; img-src 'self' \"x\"")
    head = out.split("<title>")[0]
    assert head.endswith('<meta http-equiv="Content-Security-Policy" '
                         "content=\"default-src 'none'; img-src 'self' &quot;x&quot;\">")
    assert insert_meta_csp("<p>x</p>", "x") is None


def test_a_url_harmless_after_parsing_is_no_false_alarm():
    # Markdown expands '[x](java\tscript:…)' to 'java    script:…': a relative URL, not a script
    assert scan_html('<a href="java    script:alert(1)">x</a>', "a.html").problems == []
    found = scan_html('<a href="java\tscr\nipt:alert(1)">x</a><a href="\x01 javascript:x">y</a>', "a.html")
    assert found.problems == ["a.html: javascript: URL in href= on <a>"] * 2


def test_meta_csp_replaces_the_policy_of_a_reused_page():
    # a page bloc_render reused still carries the previous build's policy: one policy, the new one
    once = insert_meta_csp(PAGE, "default-src 'none'")
    twice = insert_meta_csp(once, "default-src 'self'")
    assert twice.count("Content-Security-Policy") == 1
    assert twice == insert_meta_csp(PAGE, "default-src 'self'")
