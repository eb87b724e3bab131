"""The whole content tree validated as one corpus: per-file rules, references, pairs and
who the public site shows. Pure (no Pelican): `bloc check` loads the files itself, the
build hands over what its reader parsed, and both get the same diagnostics."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .diagnostics import Diagnostic
from .extensions import MARKDOWN_EXTENSIONS
from .languages import DEFAULT_SETTINGS, Languages, languages_of
from .pairing import Item, pair_items, untranslated
from .registries import Registry, load_registry
from .validate import ParsedItem, check_references, parse_item
from .visibility import PUBLISHED, declares_draft, demote, public_items, states

PARALLEL_FROM = 400  # below this many files a worker process costs more than it saves


@dataclass
class CorpusCheck:
    items: list[Item]  # every valid item, whatever its state
    public: list[Item]  # what the site shows: public items with their public translations
    states: dict[str, str]  # path -> published | draft | embargoed
    hidden: set[str]  # paths of files the public site does not show
    diagnostics: list[Diagnostic]  # errors in hidden files already turned into warnings


def check_corpus(parsed: list[ParsedItem], registry: Registry, now: dt.datetime, preview: bool = False,
                 languages: Languages | None = None) -> CorpusCheck:
    """Pair the parsed files, check their ids, decide what the site shows at `now`.

    A file that failed on its own is reported once: its partner waits for it instead of
    being blamed for the facts the broken file would have given. With `preview`, drafts
    and embargoed items are shown too (the author's preview), still with warnings."""
    problems: list[Diagnostic] = []
    valid, broken = [], []
    for item in parsed:
        problems.extend(item.diagnostics)
        # ids are checked in every file that validated, also one with other errors: all errors at once
        references = check_references(item.model, item.front, item.path, registry) if item.model is not None else []
        problems.extend(references)
        (valid if item.ok and not references else broken).append(item)
    languages = languages or languages_of(DEFAULT_SETTINGS)
    items, pair_problems = pair_items(valid, registry, broken, languages)
    problems.extend(pair_problems)
    problems.extend(untranslated(items, parsed, languages))
    state = states(items, now)
    hidden = {path for path, s in state.items() if s != PUBLISHED}
    hidden |= {item.path for item in broken if declares_draft(item)}
    shown = [Item(i.key, i.original, dict(i.translations)) for i in items] if preview else public_items(items, state)
    return CorpusCheck(items, shown, state, hidden, demote(problems, hidden))


def load_corpus(
    content_dir: Path, data_dir: Path, root: Path, languages: Languages | None = None
) -> tuple[list[ParsedItem], Registry, list[Diagnostic]]:
    """Every Markdown file (`*.md`, `*.markdown`, ...) under content_dir, parsed, and the registries in data_dir.

    Paths in diagnostics are relative to `root` (POSIX separators). Returns the parsed
    files (with their own diagnostics), the registry and the registry's problems.
    """
    content_dir, data_dir, root = Path(content_dir), Path(data_dir), Path(root)
    languages = languages or languages_of(DEFAULT_SETTINGS)
    registry, problems = load_registry(data_dir, root, languages)
    base = content_dir.resolve()
    prefix = display_path(base, root)  # resolved once: resolving every file costs ~10% of a check
    jobs = [(str(path), f"{prefix}/{path.relative_to(base).as_posix()}", languages)
            for path in sorted(p for p in base.rglob("*") if p.suffix.lstrip(".") in MARKDOWN_EXTENSIONS
                               and not _ignored(p.relative_to(base)))]
    return _parse_all(jobs, registry), registry, problems


def _parse_all(jobs: list[tuple[str, str, Languages]], registry: Registry) -> list[ParsedItem]:
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_parse_one(job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_parse_one, jobs, chunksize=max(1, len(jobs) // (workers * 4)))


def _parse_one(job: tuple[str, str, Languages]) -> ParsedItem:
    path, shown, languages = job
    # ids are checked with the pairs, as in the build
    item = parse_item(Path(path).read_bytes(), shown, None, languages=languages)
    item.source = path
    return item


def _ignored(relative: PurePosixPath) -> bool:
    """Files the build does not read either (IGNORE_FILES: hidden files, editor backups)."""
    return any(part.startswith(".") or part.endswith("~") for part in relative.parts)


def display_path(path: Path, root: Path) -> str:
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        return path.as_posix()
