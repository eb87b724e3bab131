"""Turn a legacy CMS article (plain text) into a draft news item with proposed facts.

`import_legacy(text, registry)` is pure: text in, a `Draft` (folder parts and file text) out.
"""

from .draft import Draft, import_legacy

__all__ = ["Draft", "import_legacy"]
