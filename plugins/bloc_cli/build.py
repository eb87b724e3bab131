"""`bloc build`: run Pelican into a temporary folder and swap it in only on success.

A failed build, or one killed at any moment, leaves the previous output/ complete and
unchanged. Two builds of the same output at once are refused with a clear message.
"""

from __future__ import annotations

import argparse
import copy
import ctypes
import errno
import fcntl
import gzip
import json
import logging
import os
import pickle
import shutil
import sys
import time
import zlib
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from . import reporting
from .i18n import _
from .quick_preview import SOURCES_SETTING
from .report import compare_pages
from .settings_file import problem_of
from .unchanged_build import UnchangedBuild

RENAME_EXCHANGE = 2  # renameat2 flag: swap two paths atomically (Linux)
AT_FDCWD = -100


def run_build(args: argparse.Namespace) -> int:
    from bloc_content.cacheuse import MAX_AGE_SETTING, max_age_days
    from bloc_render.state import RenderState
    from bloc_render.writer import STATE_SETTING
    from pelican.settings import read_settings

    from . import caches

    started = time.monotonic()
    began = time.time()  # cache entries this build uses are marked after it: never pruned
    override = {"BLOC_SETTINGS_FILE": str(args.settings)}  # where settings problems are shown
    if args.content:
        content = Path(args.content).resolve()
        override["PATH"] = str(content)
        override["BLOC_DATA_PATH"] = str(content / "data")
    if args.cache:
        override["CACHE_PATH"] = str(Path(args.cache).resolve())
    if getattr(args, "preview", False):
        override["BLOC_PREVIEW"] = True
    try:
        settings = read_settings(args.settings, override=override)
    except Exception as error:  # the settings file does not run: its line, not a traceback
        problem = problem_of(error, Path(args.settings))
        if problem is None:
            raise
        outcome = reporting.Outcome(ok=False, failure=_("{count} error(s)", count=1), found=[problem])
        return reporting.finish(args, outcome, Path(args.output or "output").resolve(), time.monotonic() - started)
    final = Path(args.output or settings["OUTPUT_PATH"]).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    # The cache is locked like the output: two builds sharing it would remove each other's files.
    cache = Path(settings["CACHE_PATH"]).resolve()
    cache.parent.mkdir(parents=True, exist_ok=True)
    with _lock(final) as locked, _lock(cache) as cache_locked:
        if not locked:
            print(_("error: another build of {name}/ is running; wait for it to finish and try again", name=final.name),
                  file=sys.stderr)
            return 2
        if not cache_locked:
            print(_("error: another build is using the cache {name}/; wait for it to finish and try again",
                    name=cache.name), file=sys.stderr)
            return 2
        _remove_stale(final)
        nothing_changed = UnchangedBuild(settings, final, cache)
        if nothing_changed.current and not getattr(args, "cold", False):
            return nothing_changed.replay(args, final, time.monotonic() - started)
        max_age = max_age_days(settings)
        if max_age is None:
            print(_("error: {setting} must be a number of days greater than 0, not {value}",
                    setting=MAX_AGE_SETTING, value=repr(settings[MAX_AGE_SETTING])), file=sys.stderr)
            return 2
        cache_root = Path(settings["CACHE_PATH"])
        _atomic_cache_writes()
        if settings.get("GZIP_CACHE", True):
            _drop_damaged_caches(Path(settings["CACHE_PATH"]))
        staging = final.parent / f".{final.name}.tmp-{os.getpid()}"
        # A copy: Pelican's readers add to nested settings in place (MARKDOWN's extensions), and
        # a settings file that imports another (publishconf.py) shares that module's values
        # with every later build of this process (the dev server), which would then differ
        # from this one in its settings, and render every page again.
        settings = copy.deepcopy(read_settings(args.settings, override={**override, "OUTPUT_PATH": str(staging),
                                                                        "DELETE_OUTPUT_DIRECTORY": False}))
        # Pages whose fingerprint is unchanged are linked from the current site (bloc_render).
        rendering = settings[STATE_SETTING] = RenderState(final, cold=getattr(args, "cold", False))
        if getattr(args, "page_sources", None) is not None:  # the dev server's quick preview asks
            settings[SOURCES_SETTING] = args.page_sources
        outcome = reporting.run_pelican(settings, args)
        outcome.render = rendering
        if outcome.ok:
            if reporting.shows_summary(args):  # reading every page again is only worth it then
                outcome.pages = compare_pages(staging, final)
            _swap(staging, final)
            rendering.save()
            nothing_changed.remember(outcome, settings, final)
            caches.prune(settings, cache_root, max_age, began, time.time())
        else:
            shutil.rmtree(staging, ignore_errors=True)
    return reporting.finish(args, outcome, final, time.monotonic() - started)


@contextmanager
def _lock(final: Path):
    lock_path = final.parent / f".{final.name}.lock"
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_stale(final: Path) -> None:
    """Folders left by builds that were killed (we hold the lock: none is running)."""
    olds = sorted(final.parent.glob(f".{final.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and not final.exists():
        # Killed between the two renames of the fallback swap: the old site is the last
        # complete one, so it goes back in place before anything is removed.
        os.rename(olds[-1], final)
    for stale in final.parent.glob(f".{final.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in final.parent.glob(f".{final.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _atomic_cache_writes() -> None:
    """Pelican writes its content cache in place: a build killed during the write, or two
    builds sharing the cache, leave a truncated file that crashes every later build. Write
    it to a temporary file and rename that over the old one instead, and only when the
    build cached something new."""
    from pelican import cache

    if getattr(cache.FileDataCacher.save_cache, "atomic", False):
        return

    original_cache_data = cache.FileDataCacher.cache_data

    def cache_data(self, filename, data) -> None:
        original_cache_data(self, filename, data)
        self.bloc_changed = True

    def save_cache(self) -> None:
        if not self._cache_data_policy:
            return
        if not getattr(self, "bloc_changed", False) and os.path.exists(self._cache_path):
            return  # nothing new since it was loaded: pickling it again took ~0.5 s at 1000 items
        temporary = f"{self._cache_path}.tmp-{os.getpid()}"
        try:
            os.makedirs(self.settings["CACHE_PATH"], exist_ok=True)
            # gzip's default level 9 took about 1 s per save of a 1000-item cache; level 1 is
            # several times faster, the file a little larger, and it reads back the same.
            opener = partial(gzip.open, compresslevel=1) if self._cache_open is gzip.open else self._cache_open
            with opener(temporary, "wb") as handle:
                pickle.dump(self._cache, handle)
            os.replace(temporary, self._cache_path)
        except (OSError, pickle.PicklingError, TypeError) as err:
            logging.getLogger("pelican.cache").warning("Could not save cache %s\n ... %s", self._cache_path, err)

    save_cache.atomic = True
    cache.FileDataCacher.cache_data = cache_data
    cache.FileDataCacher.save_cache = save_cache


CHECKED_CACHES = ".checked-caches.json"  # cache files found whole, by size and modification time


def _drop_damaged_caches(cache_root: Path) -> None:
    """Delete cache files that are not complete gzip streams (written by an older build that
    was killed), and temporary files of killed builds; the build then reads the content again.
    A file is read through once: it is checked again only when its size or time changes."""
    if not cache_root.is_dir():
        return
    record = cache_root / CHECKED_CACHES
    try:
        checked = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        checked = {}
    whole: dict[str, list[int]] = {}
    for folder, _dirs, files in os.walk(cache_root):
        for name in files:
            path = Path(folder, name)
            if ".tmp-" in name:
                if time.time() - path.stat().st_mtime > 3600:  # younger: another build may be writing it
                    path.unlink(missing_ok=True)
                continue
            if path.suffix not in ("", ".gz") or path == record:
                continue  # not a gzip'd cache (bloc_search keeps folded pages and bundles as files)
            found = path.stat()
            mark, shown = [found.st_size, found.st_mtime_ns], path.relative_to(cache_root).as_posix()
            if checked.get(shown) != mark and not _whole_gzip(path):
                path.unlink(missing_ok=True)
                continue
            whole[shown] = mark
    if whole != checked:
        temporary = record.with_name(f"{record.name}.tmp-{os.getpid()}")
        temporary.write_text(json.dumps(whole, sort_keys=True), encoding="utf-8")
        os.replace(temporary, record)


def _whole_gzip(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass
    except (OSError, EOFError, zlib.error):
        return False
    return True


def _swap(staging: Path, final: Path) -> None:
    """Put the new site in place in one step; the old one is removed afterwards."""
    if not final.exists():
        os.rename(staging, final)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(AT_FDCWD, os.fsencode(staging), AT_FDCWD, os.fsencode(final), RENAME_EXCHANGE)
        if result == 0:
            shutil.rmtree(staging)  # now holds the old site
            return
        if ctypes.get_errno() not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(ctypes.get_errno(), "could not swap in the new site")
    # No atomic exchange on this file system: two renames, the old site kept until the end.
    old = final.parent / f".{final.name}.old-{os.getpid()}"
    os.rename(final, old)
    os.rename(staging, final)
    shutil.rmtree(old)
