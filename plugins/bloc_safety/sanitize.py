"""The HTML allowlist for news bodies, and the Markdown configuration that feeds it.

Every rendered body goes through `sanitize_html` (nh3, i.e. ammonia's html5ever parser).
Staff write Markdown and may paste HTML from Word or e-mail: what survives is what a news
item needs (text, lists, tables, figures, footnotes) and nothing that runs code, loads
third-party content or changes the page around it.

Decisions, documented in docs/security-headers.md:
- URLs: http, https, mailto, tel, and relative ones. `javascript:`, `data:`, `vbscript:` and
  everything else are dropped however they are spelled (the parser decodes entities first,
  and the URL is checked again here after removing the characters browsers ignore).
- Iframes: only YouTube's privacy-enhanced player (`https://www.youtube-nocookie.com/embed/<id>`),
  sandboxed; any other iframe is removed with its content. The CSP's frame-src says the same.
- External links get rel="noopener noreferrer"; internal links keep the referrer.
"""

from __future__ import annotations

import re
from functools import cache

import nh3

ALLOWED_TAGS = frozenset({
    "p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "blockquote", "hr",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "figure", "figcaption", "picture", "source", "img",
    "abbr", "sup", "sub", "dl", "dt", "dd", "code", "pre",
    "div",  # only as Python-Markdown's footnote container (class filtered below)
    "iframe",  # only the allowlisted embed (src filtered below)
})
# Removed together with their content: text inside them is never meant to be read.
CLEAN_CONTENT_TAGS = frozenset({
    "script", "style", "template", "noscript", "textarea", "select", "title", "xmp",
    "noembed", "noframes", "object", "embed", "applet", "svg", "math",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "source": {"srcset", "type", "sizes", "media"},
    "ol": {"start"},
    "sup": {"id"},
    "li": {"id"},
    "iframe": {"src", "title", "width", "height", "allowfullscreen"},
}
ALLOWED_CLASSES = {
    "div": {"footnote"},
    "a": {"footnote-ref", "footnote-backref"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
EMBED_SRC = re.compile(r"https://www\.youtube-nocookie\.com/embed/[A-Za-z0-9_-]{6,20}(\?[A-Za-z0-9_=&.-]{0,200})?")
EMBED_ATTRIBUTES = {
    "sandbox": "allow-scripts allow-same-origin allow-presentation allow-popups",
    "allow": "encrypted-media; picture-in-picture; fullscreen",
    "referrerpolicy": "strict-origin-when-cross-origin",  # YouTube refuses embeds without a referrer
    "loading": "lazy",
}
EXTERNAL_REL = "noopener noreferrer"

_FOOTNOTE_ID = re.compile(r"fn(ref)?:[A-Za-z0-9_-]{1,40}")
_ENUMERATED = {
    "scope": {"row", "col", "rowgroup", "colgroup"},
    "align": {"left", "right", "center"},
    "loading": {"lazy", "eager"},
    "decoding": {"async", "sync", "auto"},
}
_NUMBER = re.compile(r"[0-9]{1,5}")
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")  # removed anywhere by the URL parser
_EDGE_IN_URL = "".join(map(chr, range(0x21)))  # C0 controls and space: stripped at both ends
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_IFRAME = re.compile(r"<iframe\b([^>]*)>.*?</iframe>", re.DOTALL)
_A_START = re.compile(r"<a\b([^>]*)>")
_HREF = re.compile(r'\shref="([^"]*)"')


def url_is_safe(url: str) -> bool:
    """True for relative URLs and http(s)/mailto/tel ones, judged as a browser would parse them."""
    cleaned = _IGNORED_IN_URL.sub("", url).strip(_EDGE_IN_URL)
    if "\\" in cleaned:  # browsers read '\' as '/', so '\\evil.example' is protocol-relative
        cleaned = cleaned.replace("\\", "/")
    match = _SCHEME.match(cleaned)
    if match is None:
        return not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in cleaned)
    return match.group(1).lower() in URL_SCHEMES


def srcset_is_safe(srcset: str) -> bool:
    """Every candidate of a srcset must be a safe URL (the descriptor follows a space)."""
    candidates = [c.strip() for c in srcset.split(",") if c.strip()]
    return bool(candidates) and all(url_is_safe(c.split()[0]) for c in candidates)


def is_external(url: str) -> bool:
    """A link that leaves the site: an absolute or protocol-relative http(s) URL."""
    cleaned = _IGNORED_IN_URL.sub("", url).strip(_EDGE_IN_URL).replace("\\", "/").lower()
    return cleaned.startswith(("http:", "https:", "//"))


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if attr in ("href", "src"):
        if tag == "iframe":
            return value if EMBED_SRC.fullmatch(value.strip()) else None
        return value if url_is_safe(value) else None
    if attr == "srcset":
        return value if srcset_is_safe(value) else None
    if attr == "id":
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    if attr in _ENUMERATED:
        return value.strip().lower() if value.strip().lower() in _ENUMERATED[attr] else None
    if attr in ("width", "height", "colspan", "rowspan", "start"):
        return value.strip() if _NUMBER.fullmatch(value.strip()) else None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        attribute_filter=_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        set_tag_attribute_values={"iframe": dict(EMBED_ATTRIBUTES)},
        strip_comments=True,
        link_rel=None,  # added below, to external links only
    )


@cache
def _final_cleaner() -> nh3.Cleaner:
    """The same allowlist again, now accepting exactly the rel value this module adds."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        attribute_filter=_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        tag_attribute_values={"a": {"rel": {EXTERNAL_REL}}},
        set_tag_attribute_values={"iframe": dict(EMBED_ATTRIBUTES)},
        strip_comments=True,
        link_rel=None,
    )


def _rewrite_iframe(match: re.Match) -> str:
    # An iframe whose src was refused is removed; fallback content inside one is never shown.
    attrs = match.group(1)
    return f"<iframe{attrs}></iframe>" if ' src="' in attrs else ""


def _rewrite_link(match: re.Match) -> str:
    attrs = match.group(1)
    href = _HREF.search(attrs)
    if href and is_external(nh3_unescape(href.group(1))):
        return f'<a{attrs} rel="{EXTERNAL_REL}">'
    return match.group(0)


def nh3_unescape(value: str) -> str:
    """Undo the five escapes nh3's serializer applies to attribute values."""
    return (value.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
            .replace("&nbsp;", "\u00a0").replace("&amp;", "&"))


def sanitize_html(html: str) -> str:
    """Keep only the allowlisted markup of a news body; see the module docstring."""
    cleaned = _cleaner().clean(html)
    # nh3 escapes '<' and '>' in text and attribute values, so in its output every '<a' or
    # '<iframe' is a real tag (iframe content is raw text, hence handled first).
    if "<iframe" in cleaned:
        cleaned = _IFRAME.sub(_rewrite_iframe, cleaned)
    if "<a" in cleaned:
        cleaned = _A_START.sub(_rewrite_link, cleaned)
    return _final_cleaner().clean(cleaned)


def markdown_config() -> dict:
    """Python-Markdown settings (Pelican's MARKDOWN shape, also valid as `Markdown(**config)`).

    No attr_list (and so no `extra`, which includes it): `{: onclick=... }` would become an
    attribute. No smarty: staff paste text from Word that already has typographic quotes,
    and smarty's English rules would turn straight quotes in document numbers, codes and
    measurements into curly ones. Tables use the align attribute, not inline styles.
    """
    extension_configs = {
        "markdown.extensions.tables": {"use_align_attribute": True},
        "markdown.extensions.footnotes": {"UNIQUE_IDS": False},
        "markdown.extensions.abbr": {},
        "markdown.extensions.def_list": {},
        "markdown.extensions.sane_lists": {},
    }
    return {
        "extensions": list(extension_configs),
        "extension_configs": extension_configs,
        "output_format": "html",
    }
