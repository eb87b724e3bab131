"""Compiled templates, shared by the build's Jinja environments and kept between builds.

Pelican gives each generator its own Environment, so every one of them compiled base.html
and its partials again, and every build compiled the whole theme (about 0.3 s). Jinja
checks each stored template against the checksum of its source, so an edited template is
compiled again. Files are gzip'd, written under a temporary name and renamed, so `bloc
build` can drop a damaged one like any other cache file.
"""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

from bloc_content.cachekeys import derived_key
from bloc_content.cacheuse import mark_used
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


def folder_for(cache_root: Path, environment_settings: dict) -> Path:
    """The stored code depends on the Environment's options and on how this plugin and
    Pelican set it up (newstyle gettext changes the compiled calls): one folder per set."""
    key = derived_key(code=("bloc_i18n.glue",), settings={"JINJA_ENVIRONMENT": environment_settings},
                      packages=("jinja2", "pelican"))
    return cache_root / "jinja" / key


class SharedBytecodeCache(BytecodeCache):
    """In memory for this build; in `folder` (if given) for the next ones."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[str, bytes] = {}

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.gz"

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.memory.get(bucket.key)
        if data is None and self.folder is not None:
            try:
                data = gzip.decompress(self._path(bucket.key).read_bytes())
            except (OSError, EOFError, zlib.error):
                return
            mark_used(self._path(bucket.key))
            self.memory[bucket.key] = data
        if data is not None:
            bucket.bytecode_from_string(data)  # resets itself if Jinja or Python changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        self.memory[bucket.key] = data
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self._path(bucket.key).with_name(f"{bucket.key}.gz.tmp-{os.getpid()}")
            temporary.write_bytes(gzip.compress(data, compresslevel=1, mtime=0))
            os.replace(temporary, self._path(bucket.key))
        except OSError:
            pass  # a cache that cannot be written only costs time
