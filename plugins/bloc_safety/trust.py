"""The trust boundary of the content tree: paths stay inside it, links do not leave it,
slugs cannot take a URL the site itself needs."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath

from bloc_content.diagnostics import Diagnostic, t
from bloc_content.model import INVISIBLE, SLUG_PATTERN

SLUG = re.compile(SLUG_PATTERN)
SLUG_MAX_LENGTH = 120
PLACEHOLDER = re.compile(r"{[^}]*}")  # {slug}, {date:%Y}, {base} in a URL pattern
# Names the site uses for itself besides its URLs (theme/static files, the search index,
# photos, cards, the editor) and names Pelican or a host may want; the section URLs come
# from BLOC_URLS (reserved_slugs).
SITE_NAMES = frozenset({
    "pagefind", "feeds", "feed", "static", "theme", "photos", "images", "media", "cards",
    "tag", "tags", "category", "categories", "author", "authors", "archives", "index",
    "well-known", "drafts", "admin", "api", "assets", "css", "js", "fonts",
})


class UnsafePath(ValueError):
    """A path given in content that would leave its root."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


def resolve_inside(root: Path, relative: str) -> Path:
    """The real path of `relative` under `root`, or UnsafePath if it is absolute, climbs out
    with '..', or reaches outside through a symbolic link. The target need not exist."""
    if not relative or "\x00" in relative:
        raise UnsafePath("the path is empty or contains a NUL character")
    posix = PurePosixPath(relative)
    windows = PureWindowsPath(relative)
    if posix.is_absolute() or windows.drive or windows.root or relative.startswith("~"):
        raise UnsafePath(f"'{relative}' is an absolute path", "give a path relative to the item's folder")
    if "\\" in relative:
        raise UnsafePath(f"'{relative}' contains a backslash", "use '/' between folder names")
    if ".." in posix.parts:
        raise UnsafePath(f"'{relative}' climbs out of its folder with '..'",
                         "give a path inside the item's folder")
    real_root = Path(root).resolve()
    try:
        real = (real_root / Path(*posix.parts)).resolve()
    except (OSError, RuntimeError) as exc:  # a symbolic link loop
        raise UnsafePath(f"'{relative}' cannot be resolved ({exc.__class__.__name__})",
                         "remove the symbolic link loop") from None
    if not real.is_relative_to(real_root):
        raise UnsafePath(f"'{relative}' is a link to somewhere outside its folder",
                         "copy the file into the folder instead of linking to it")
    return real


def scan_tree(content_dir: Path, root: Path | None = None) -> list[Diagnostic]:
    """Every symbolic link and special file under content_dir that a build must refuse.

    Links leaving content_dir, dangling links, link loops (including a directory linking to
    one of its ancestors, which a walk that follows links would descend forever), and
    FIFOs/devices/sockets (reading one blocks or leaks) are errors. Links to files inside
    the tree are allowed: the build copies the file, never the link.
    """
    content_dir = Path(content_dir)
    real_content = content_dir.resolve()
    shown_root = Path(root).resolve() if root else real_content.parent
    problems: list[Diagnostic] = []
    # Folder by folder, top down, names in order (as os.walk without following links), from
    # the types the directory listing gives: no stat per file, no path object unless a
    # problem is found (a tree of 10,000 items is scanned on every build and every check).
    folders = [str(content_dir)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # removed while we walked, or unreadable: os.walk skips it too
        below = []
        for entry in entries:
            name = entry.name
            if INVISIBLE.search(name):  # shown with escapes: never a raw ESC or CR to the terminal
                problems.append(Diagnostic(_shown(Path(entry.path), shown_root), 0, "",
                                           t("the name contains an invisible character "
                                             "(control, bidirectional-override or zero-width)"),
                                           t("rename it with visible characters only")))
            try:
                if entry.is_symlink():
                    problems.extend(_check_link(Path(entry.path), _shown(Path(entry.path), shown_root), real_content))
                elif entry.is_dir(follow_symlinks=False):
                    below.append(entry.path)
                elif not entry.is_file(follow_symlinks=False):
                    problems.append(Diagnostic(_shown(Path(entry.path), shown_root), 0, "",
                                               t("is not a regular file (a FIFO, socket or device)"),
                                               t("remove it from content/")))
            except OSError:
                continue  # removed while we walked
        folders.extend(reversed(below))  # the first folder in order is walked next
    return problems


def _check_link(path: Path, shown: str, real_content: Path) -> list[Diagnostic]:
    target = os.readlink(path)
    try:
        real = path.resolve(strict=True)
    except RuntimeError:
        return [Diagnostic(shown, 0, "", t("symbolic link loop (-> {target})", target=target), t("remove the link"))]
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return [Diagnostic(shown, 0, "", t("symbolic link loop (-> {target})", target=target), t("remove the link"))]
        return [Diagnostic(shown, 0, "", t("dangling symbolic link (-> {target})", target=target),
                           t("remove the link or copy the file it named into content/"))]
    if not real.is_relative_to(real_content):
        return [Diagnostic(shown, 0, "", t("symbolic link leaves content/ (-> {target})", target=target),
                           t("copy the file into content/ instead of linking to it"))]
    if real.is_dir() and path.parent.resolve().is_relative_to(real):
        return [Diagnostic(shown, 0, "", t("symbolic link loop: links to its own ancestor (-> {target})", target=target),
                           t("remove the link"))]
    return []


def _shown(path: Path, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def reserved_slugs(urls: Mapping[str, Mapping[str, str]], site_files: Mapping[str, str] = {},
                   extra: Iterable[str] = ()) -> frozenset[str]:
    """Every name a slug must not take: the languages, each fixed folder of every URL pattern
    of every language (`tin-tuc`, `nam`, `bo-nganh`, `en`, `members`, `trang` ...), the
    site-wide files and their stems (`sitemap.xml`, `sitemap`), SITE_NAMES and `extra`."""
    names = set(SITE_NAMES) | set(urls) | set(extra)
    for patterns in urls.values():
        for pattern in patterns.values():
            names.update(part for part in PLACEHOLDER.sub("/", pattern).split("/") if part)
    for file in site_files.values():
        names.update({file, PurePosixPath(file).stem})
    return frozenset(names)


def slug_problems(slug: str, reserved: Iterable[str] = ()) -> list[str]:
    """What is wrong with a slug, as messages; empty when it is fine. `reserved`: the site's
    reserved_slugs."""
    problems = []
    if not SLUG.fullmatch(slug or ""):
        problems.append(t("'{slug}' is not a slug: lowercase ASCII letters and digits joined by single '-'", slug=slug))
    if len(slug or "") > SLUG_MAX_LENGTH:
        problems.append(t("'{slug}' is longer than {limit} characters", slug=slug, limit=SLUG_MAX_LENGTH))
    if slug in set(reserved):
        problems.append(t("'{slug}' is reserved for the site's own pages", slug=slug))
    return problems


def check_slug(slug: str, path: str, line: int, field: str = "slug",
               reserved: Iterable[str] = ()) -> list[Diagnostic]:
    """slug_problems as diagnostics at `path:line`."""
    return [Diagnostic(path, line, field, message, t("choose another slug, e.g. add the year or a word"))
            for message in slug_problems(slug, reserved)]
