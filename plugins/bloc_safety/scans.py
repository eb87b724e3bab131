"""Scans of written pages kept between builds: a page whose text has not changed is not
parsed again (lxml parsing every page was most of the CSP step of an unchanged rebuild)."""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import zlib
from pathlib import Path

from bloc_content.cachekeys import derived_key
from bloc_content.cacheuse import mark_used

from .headers import InlineCode, scan_html

_Scan = tuple[frozenset, frozenset, frozenset, tuple]


def _code_version() -> str:
    """What a stored scan depends on besides the page: the scanner's code and lxml."""
    return derived_key(code=("bloc_safety.headers",), packages=("lxml",), length=64)


class ScanCache:
    """`scan(html, where)` as `scan_html`, answered from the previous build when it can."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.version = _code_version()
        self.old: dict[tuple[str, str], _Scan] = self._load()
        self.new: dict[tuple[str, str], _Scan] = {}

    def _load(self) -> dict:
        if self.path is None:
            return {}
        try:
            stored = pickle.loads(gzip.decompress(self.path.read_bytes()))
        except (OSError, EOFError, zlib.error, pickle.UnpicklingError, AttributeError, ValueError):
            return {}
        if not isinstance(stored, dict) or stored.get("version") != self.version:
            return {}
        mark_used(self.path)  # save() writes it only when a page changed
        return stored.get("scans", {})

    def scan(self, html: str, where: str, digest: str = "") -> InlineCode:
        """`digest`: the SHA-256 of `html` when the caller has it already."""
        key = (where, digest or hashlib.sha256(html.encode("utf-8")).hexdigest())
        found = self.old.get(key)
        if found is None:
            inline = scan_html(html, where)
            found = (frozenset(inline.scripts), frozenset(inline.styles), frozenset(inline.style_attributes),
                     tuple(inline.problems))
        self.new[key] = found
        scripts, styles, style_attributes, problems = found
        return InlineCode(set(scripts), set(styles), set(style_attributes), list(problems))

    def save(self) -> None:
        """Keep this build's scans (only: pages that are gone are forgotten)."""
        if self.path is None or self.new == self.old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
            data = pickle.dumps({"version": self.version, "scans": self.new}, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.write_bytes(gzip.compress(data, compresslevel=1, mtime=0))
            os.replace(temporary, self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time
