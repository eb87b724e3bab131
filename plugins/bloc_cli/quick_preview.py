"""The saved item first: `bloc devserver` shows an edited item's own pages in about a second,
before the full rebuild of the preview.

On a save that touches only item folders, the dev server builds just those items (their files
and photos, the registries, the templates; no other item, no search index, no editor page) into
a side folder, and moves their article pages into output.preview/. The full incremental build
follows and swaps in the whole preview, listing pages included, as before.

Why the quick page is the page the full build writes: an item page shows its own files, its
photos and the registries, nothing of another item. The rules across items see only the saved
items, so they can find fewer problems than the full build, never others: the quick build's
problems are shown at once. A page is placed only where the full build's preview has no page
of another item (a slug taken by another item is the full build's error to report)."""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import os
import shutil
import time
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SOURCES_SETTING = "bloc_page_sources"  # {page: its item's file} filled by record_page_sources
SIDE = Path(".cache") / "quick-preview"  # under the project: the side folder and its cache
SKIPPED_PLUGINS = ("bloc_search", "bloc_cms")  # they index or edit the whole site, not a page of it
ARTICLE_TEMPLATE = "article.html"
MAX_FOLDERS = 8  # more at once (a pull, a search and replace): the full build alone


@dataclass
class QuickBuild:
    ok: bool
    seconds: float
    problems: list[str] = field(default_factory=list)  # the diagnostics, as `bloc build` prints them
    pages: dict[str, str] = field(default_factory=dict)  # page -> the item file it shows


def item_folders(changes: Iterable[tuple[object, str]], article_roots: list[Path], data: Path) -> list[Path] | None:
    """The item folders a save touched, when that is all it touched: every changed path lies in
    a folder below an article root (content/news/<year>/<item>/), none in the registries'
    folder `data`, and no Markdown file was deleted. None otherwise: a registry, the theme, the
    settings, a deleted or moved item."""
    folders: set[Path] = set()
    for change, name in changes:
        path = Path(name)
        if path.suffix == ".md" and getattr(change, "name", change) == "deleted":  # watchfiles' Change
            return None
        if path.is_relative_to(data) or not any(path.is_relative_to(r) and path.parent != r for r in article_roots):
            return None
        folders.add(path.parent)
    if not folders or len(folders) > MAX_FOLDERS:
        return None
    return sorted(folders)


def where_items_are(settings_file: str) -> tuple[list[Path], Path]:
    """The article roots and the registries' folder of the settings, as absolute paths."""
    from bloc_content.registries import data_folder
    from pelican.settings import read_settings

    settings = read_settings(settings_file)
    content = Path(settings["PATH"]).resolve()
    data = data_folder(settings).resolve()
    return [(content / root).resolve() for root in settings["ARTICLE_PATHS"]], data


def listen() -> None:
    """Connect record_page_sources (once: blinker keeps one connection per receiver)."""
    from pelican import signals

    signals.article_generator_finalized.connect(record_page_sources)


def record_page_sources(generator) -> None:
    """Pelican's article_generator_finalized: which item file each article page shows, into the
    build's settings (SOURCES_SETTING) when the one who runs the build asked for it."""
    sink = generator.settings.get(SOURCES_SETTING)
    if sink is None:
        return
    for article in [*generator.articles, *generator.translations]:
        sink[article.save_as] = os.path.realpath(article.source_path)


def quick_settings(settings_file: str, folders: list[Path], side: Path) -> dict:
    """The preview's settings, narrowed to the item folders and written into `side`."""
    from pelican.settings import read_settings

    settings = copy.deepcopy(read_settings(settings_file, override={"BLOC_SETTINGS_FILE": settings_file,
                                                                    "BLOC_PREVIEW": True}))
    content = Path(settings["PATH"]).resolve()
    settings.update({  # absolute paths: what read_settings would have made of them
        "ARTICLE_PATHS": [folder.resolve().relative_to(content).as_posix() for folder in folders],
        "OUTPUT_PATH": str((side / "output").resolve()), "DELETE_OUTPUT_DIRECTORY": False,
        "CACHE_PATH": str((side / "cache").resolve()),  # its own: Pelican saves a cache of what it read
        "BLOC_WORKERS": 1,  # two files: starting workers would cost more than reading them
        "PLUGINS": [name for name in settings["PLUGINS"] if name not in SKIPPED_PLUGINS],
    })
    return settings


def build(settings_file: str, folders: list[Path], side: Path, lang: str) -> QuickBuild:
    """Build only `folders` into `side`/output; what it wrote and what it found."""
    from bloc_render.state import RenderState
    from bloc_render.writer import STATE_SETTING

    from .reporting import build_report, run_pelican

    listen()
    started = time.monotonic()
    shutil.rmtree(side / "output", ignore_errors=True)
    settings = quick_settings(settings_file, folders, side)
    # Only the item pages: the listing pages would list these items alone.
    settings[STATE_SETTING] = RenderState(side / "output", cold=True, only_templates=frozenset({ARTICLE_TEMPLATE}))
    pages: dict[str, str] = {}
    settings[SOURCES_SETTING] = pages
    args = argparse.Namespace(verbose=False, quiet=True, format="text", lang=lang)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            receivers_muted(SKIPPED_PLUGINS):
        outcome = run_pelican(settings, args)
    report = build_report(outcome, lang, side / "output", 0.0)
    return QuickBuild(ok=report.ok, seconds=time.monotonic() - started, pages=pages,
                      problems=[p.text for p in report.problems if p.severity == "error"])


@contextlib.contextmanager
def receivers_muted(packages: tuple[str, ...]) -> Iterator[None]:
    """Pelican's signals are global: a plugin an earlier build of this process registered stays
    connected, whatever this build's PLUGINS say. Disconnect the receivers of `packages` for
    one build, then connect every receiver of each signal again in its order (the order of
    PLUGINS: the order of work)."""
    import blinker
    from pelican.plugins import signals

    nobody = object()  # receivers_for(a sender no one named): the receivers of every sender, in order
    restore = []
    for signal in {id(v): v for v in vars(signals).values() if isinstance(v, blinker.Signal)}.values():
        ordered = list(signal.receivers_for(nobody))
        muted = [r for r in ordered if getattr(r, "__module__", "").split(".")[0] in packages]
        if not muted:
            continue
        weak = [_is_weak(signal, receiver) for receiver in ordered]
        for receiver in muted:
            signal.disconnect(receiver)
        restore.append((signal, ordered, weak))
    try:
        yield
    finally:
        for signal, ordered, weak in restore:
            for receiver in ordered:
                signal.disconnect(receiver)
            for receiver, is_weak in zip(ordered, weak, strict=True):
                signal.connect(receiver, weak=is_weak)


def _is_weak(signal, receiver) -> bool:
    for held in signal.receivers.values():
        if isinstance(held, weakref.ref) and held() == receiver:
            return True
    return False


def place(quick: QuickBuild, side: Path, final: Path, owners: dict[str, str]) -> list[str]:
    """Move the quick build's article pages into the preview, each where the preview has no page
    or has this item's page (`owners`: page -> item file, from the builds that made the
    preview), and copy the files they use that the preview lacks (a new photo, a new card).
    Each file is replaced in one step (a reader never sees half a page); the full build
    renders these pages again, since their files are not the ones it recorded."""
    output = side / "output"
    placed = []
    for page, source in sorted(quick.pages.items()):
        target = final / page
        if not target.resolve().is_relative_to(final.resolve()):
            continue  # slugs are checked before: this is only a second lock on the door
        if target.exists() and owners.get(page) != source:
            continue
        _replace(output / page, target)
        owners[page] = source
        placed.append(page)
    if placed:
        for folder, _dirs, files in os.walk(output):
            for name in files:
                relative = Path(folder, name).relative_to(output)
                if not name.endswith((".html", ".xml")) and not (final / relative).exists():
                    _replace(output / relative, final / relative)
    return placed


def _replace(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.quick-{os.getpid()}")
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)
