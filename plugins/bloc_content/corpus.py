"""Load, validate and pair the whole content tree without Pelican (for `bloc check`)."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path, PurePosixPath

from .diagnostics import Diagnostic, t
from .extensions import MARKDOWN_EXTENSIONS
from .freshness import stale_translations
from .model import TranslationFile
from .pairing import Item, pair_items, untranslated
from .registries import Registry, load_registry
from .validate import ParsedItem, parse_item, safe_relative

PARALLEL_FROM = 400  # below this many files a worker process costs more than it saves
_registry: Registry | None = None  # handed to forked workers


def load_corpus(
    content_dir: Path, data_dir: Path, root: Path, check_files: bool = True
) -> tuple[list[Item], list[ParsedItem], list[Diagnostic]]:
    """Every Markdown file (`*.md`, `*.markdown`, ...) under content_dir, validated against the registries in data_dir.

    Paths in diagnostics are relative to `root` (POSIX separators). Returns the paired
    items, every parsed file and all diagnostics, sorted and without duplicates.
    """
    content_dir, data_dir, root = Path(content_dir), Path(data_dir), Path(root)
    registry, problems = load_registry(data_dir, root)
    base = content_dir.resolve()
    prefix = display_path(base, root)  # resolved once: resolving every file costs ~10% of a check
    jobs = [(str(path), f"{prefix}/{path.relative_to(base).as_posix()}", check_files)
            for path in sorted(p for p in base.rglob("*") if p.suffix.lstrip(".") in MARKDOWN_EXTENSIONS)]
    parsed = _parse_all(jobs, registry)
    for item in parsed:
        problems.extend(item.diagnostics)
    # A file that failed on its own is not paired: its partner waits instead of being blamed.
    items, pair_problems = pair_items(parsed, registry, [p for p in parsed if p.model is None])
    problems.extend(pair_problems)
    problems.extend(stale_translations(items))
    problems.extend(untranslated(items, parsed))
    return items, parsed, sorted(set(problems))


def _parse_all(jobs: list[tuple[str, str, bool]], registry: Registry) -> list[ParsedItem]:
    global _registry
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_parse_one(job, registry) for job in jobs]
    _registry = registry
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_parse_one, jobs, chunksize=max(1, len(jobs) // (workers * 4)))
    finally:
        _registry = None


def _parse_one(job: tuple[str, str, bool], registry: Registry | None = None) -> ParsedItem:
    path, shown, check_files = job
    item = parse_item(Path(path).read_bytes(), shown, registry or _registry)
    if check_files and item.model is not None:
        item.diagnostics.extend(missing_photos(item, Path(path).parent))
    return item


def missing_photos(item: ParsedItem, folder: Path) -> list[Diagnostic]:
    """A photo named in front matter must exist next to the item (reported on the original only)."""
    if isinstance(item.model, TranslationFile):
        return []
    problems = []
    for i, photo in enumerate(item.model.photos or []):
        if not safe_relative(photo.file):
            continue  # validate already reports it
        if not (folder / PurePosixPath(photo.file)).is_file():
            problems.append(Diagnostic(
                item.path, item.line("photos", i, "file"), f"photos[{i}].file",
                t("photo file missing: '{file}'", file=photo.file),
                t("put the photo next to index.vi.md with exactly this name, or correct the name")))
    return problems


def display_path(path: Path, root: Path) -> str:
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        return path.as_posix()
