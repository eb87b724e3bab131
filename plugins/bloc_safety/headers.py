"""HTTP security headers for the built site: a hash-based Content-Security-Policy and the
headers GOV.UK recommends, written as a `_headers` file (Netlify / Cloudflare Pages format)
or as a `<meta>` CSP for hosts that cannot send headers (GitHub Pages).

Inline scripts and styles are allowed by their sha256 hash, never by 'unsafe-inline'.
Data blocks (`<script type="application/ld+json">`) are not executed, so CSP does not
apply to them and they need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

# Script types a browser executes; anything else (JSON-LD, templates) is a data block.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                    "application/ecmascript"}
# Directives a <meta> CSP cannot carry (CSP3 §3.3): they only work as a header.
HEADER_ONLY_DIRECTIVES = {"frame-ancestors", "report-uri", "report-to", "sandbox"}


@dataclass(frozen=True)
class HeaderSettings:
    hsts: str = "max-age=31536000; includeSubDomains; preload"
    referrer_policy: str = "strict-origin-when-cross-origin"
    permissions_policy: str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
    frame_src: tuple[str, ...] = ("https://www.youtube-nocookie.com",)
    csp_extra: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass
class InlineCode:
    """What a set of pages runs or styles inline, and what no hash can make safe."""

    scripts: set[str] = field(default_factory=set)  # 'sha256-...' sources
    styles: set[str] = field(default_factory=set)
    style_attributes: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def merge(self, other: InlineCode) -> None:
        self.scripts |= other.scripts
        self.styles |= other.styles
        self.style_attributes |= other.style_attributes
        self.problems.extend(other.problems)


def csp_hash(text: str) -> str:
    """The CSP source for inline text, hashed as the browser does (after CRLF -> LF)."""
    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + "'"


_URL_ATTRIBUTES = ("href", "src", "action", "formaction")
# Only what can run or style inline is looked at: XPath (in C) picks it out of each page.
_FIND = etree.XPath(
    "//@*[starts-with(name(), 'on') or name() = 'style' or name() = 'href' or name() = 'src'"
    " or name() = 'action' or name() = 'formaction'] | //script[not(@src)] | //style"
)


def _runs_script(url: str) -> bool:
    """A javascript: URL as the browser's URL parser reads it: tab, CR and LF removed anywhere,
    C0 controls and spaces at the ends only ('java    script:x' is a harmless relative URL)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))
    return cleaned.lower().startswith("javascript:")


def scan_html(html: str, where: str = "") -> InlineCode:
    """Inline scripts, styles and style attributes of one page, as CSP hash sources."""
    found = InlineCode()
    if not html.strip():
        return found
    document = lxml.html.document_fromstring(html)
    for node in _FIND(document):
        if isinstance(node, str):  # an attribute value (lxml's "smart string")
            name, tag = node.attrname, node.getparent().tag
            if name.startswith("on"):
                found.problems.append(f"{where}: inline event handler {name}= on <{tag}>; move it to a script file")
            elif name == "style":
                if node:
                    found.style_attributes.add(csp_hash(node))
            elif _runs_script(node):
                found.problems.append(f"{where}: javascript: URL in {name}= on <{tag}>")
        elif node.tag == "style":
            found.styles.add(csp_hash(node.text or ""))
        elif (node.get("type") or "").strip().lower() in EXECUTABLE_TYPES:
            found.scripts.add(csp_hash(node.text or ""))
    return found


def content_security_policy(inline: InlineCode, settings: HeaderSettings) -> dict[str, list[str]]:
    """The policy as directive -> sources, in a stable order."""
    style = ["'self'", *sorted(inline.styles)]
    if inline.style_attributes:
        style += ["'unsafe-hashes'", *sorted(inline.style_attributes)]
    policy = {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *sorted(inline.scripts)],  # wasm: Pagefind
        "style-src": style,
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],  # Pagefind fetches its index
        "manifest-src": ["'self'"],
        "frame-src": list(settings.frame_src) or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    for directive, sources in settings.csp_extra:
        policy.setdefault(directive, [])
        policy[directive] = [s for s in policy[directive] if s != "'none'"] + list(sources)
    return policy


def render_policy(policy: Mapping[str, Iterable[str]], for_meta: bool = False) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items()
                     if not (for_meta and name in HEADER_ONLY_DIRECTIVES))


def security_headers(inline: InlineCode, settings: HeaderSettings) -> dict[str, str]:
    """Every header for every page, in a stable order."""
    headers = {
        "Content-Security-Policy": render_policy(content_security_policy(inline, settings)),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": settings.referrer_policy,
        "Permissions-Policy": settings.permissions_policy,
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if settings.hsts:
        headers["Strict-Transport-Security"] = settings.hsts
    return headers


def headers_file(headers: Mapping[str, str], pattern: str = "/*") -> str:
    """The `_headers` file read by Netlify and Cloudflare Pages."""
    for name, value in headers.items():
        if "\n" in name or "\n" in value or ":" in name:
            raise ValueError(f"header {name!r} cannot be written to _headers")
    return pattern + "\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


_META_AFTER = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
# The policy a previous build put in a page that this build reuses unchanged (bloc_render).
_META_BEFORE = re.compile(r'\n  <meta http-equiv="Content-Security-Policy" content="[^"]*">')


def insert_meta_csp(html: str, policy: str) -> str | None:
    """The page with a CSP <meta> right after its charset declaration (None if it has none)."""
    match = _META_AFTER.search(html)
    if match is None:
        return None
    escaped = policy.replace("&", "&amp;").replace('"', "&quot;")
    meta = f'\n  <meta http-equiv="Content-Security-Policy" content="{escaped}">'
    rest = html[match.end():]
    before = _META_BEFORE.match(rest)
    return html[: match.end()] + meta + (rest[before.end():] if before else rest)
