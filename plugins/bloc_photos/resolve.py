"""Resolve a photo's `file:` to a path inside its item's folder, refusing anything else."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from bloc_content.diagnostics import did_you_mean, t

from .errors import PhotoError

SVG_SUFFIXES = {".svg", ".svgz"}


def resolve(item_dir: Path, content_root: Path, name: str) -> Path:
    """The real path of `name`, which must stay in `item_dir` (itself inside `content_root`)."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or name.startswith("~"):
        raise PhotoError(t("'{name}' is outside the item's folder", name=name),
                         t("put the photo next to the item's index.*.md and give only its file name"))
    if pure.suffix.lower() in SVG_SUFFIXES:
        raise PhotoError(t("'{name}' is an SVG; vector files are never inlined or published as photos", name=name),
                         t("export it as a JPEG or PNG"))
    root = content_root.resolve()
    folder = item_dir.resolve()
    candidate = item_dir / Path(*pure.parts)
    if not candidate.exists() and not candidate.is_symlink():
        present = sorted(p.name for p in item_dir.iterdir() if p.is_file()) if item_dir.is_dir() else []
        same_letters = [p for p in present if p.lower() == pure.name.lower()]
        if same_letters:  # 'x.JPG' for 'x.jpg': the web server, like Linux, tells them apart
            hint = t("the file is named '{actual}': upper and lower case must match exactly", actual=same_letters[0])
        else:
            hint = did_you_mean(name, present) or t("copy the photo into the item's folder, next to index.vi.md")
        raise PhotoError(t("file '{name}' not found in the item's folder", name=name), hint)
    real = candidate.resolve()
    if not real.is_relative_to(root):
        raise PhotoError(t("'{name}' is a link to a file outside content/", name=name),
                         t("copy the photo into the item's folder instead of linking to it"))
    if not real.is_relative_to(folder):
        raise PhotoError(t("'{name}' points outside the item's folder", name=name),
                         t("copy the photo into the item's folder"))
    if not real.is_file():
        raise PhotoError(t("'{name}' is not a file", name=name), t("give the name of an image file"))
    return real
