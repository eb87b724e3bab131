"""The Content-Security-Policy of /admin/: what Decap needs, and nothing more.

Decap differs from the public pages in three ways, each checked in a browser test:
- it styles itself with emotion, which inserts <style> elements at run time
  (style-src 'unsafe-inline'; the page has no user HTML: the Markdown preview is off
  and sanitised);
- it validates its configuration with ajv, which compiles schemas with `new Function`
  ('unsafe-eval'), and decodes with WebAssembly ('wasm-unsafe-eval');
- it talks to the Git provider's API and the OAuth relay (production), or to decap-server
  on 127.0.0.1 (local editing), and shows and reads uploads from blob: URLs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

GITHUB_API = "https://api.github.com"
# Editors' avatars in the header come from GitHub's image host.
GITHUB_AVATARS = "https://avatars.githubusercontent.com"


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def admin_policy(local_backend: str = "", auth_url: str = "", github: bool = True) -> dict[str, list[str]]:
    """directive -> sources, in a stable order."""
    connect = ["'self'", "blob:"]  # an upload is read back from its blob: URL to be sent
    images = ["'self'", "blob:", "data:"]
    if local_backend:
        connect.append(origin(local_backend))
    if github:
        connect.append(GITHUB_API)
        images.append(GITHUB_AVATARS)
    if auth_url:
        connect.append(origin(auth_url))
    return {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": images,
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": connect,
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'none'"],
    }


def headers_block(policy: str, pattern: str = "/admin/*") -> str:
    """The admin's rule of a `_headers` file: `! Content-Security-Policy` first drops the
    site-wide policy (which would block Decap), then the admin's own takes its place."""
    if "\n" in policy:
        raise ValueError("a header value cannot span lines")
    return f"{pattern}\n  ! Content-Security-Policy\n  Content-Security-Policy: {policy}\n"
