"""A settings file that does not run (a typo in pelicanconf.py, a name it imports that is not
there) is a problem at its line, like any other, not a traceback."""

from __future__ import annotations

import os
import traceback
from pathlib import Path

from bloc_content.diagnostics import Diagnostic, t

HINT = t("the settings file is Python: fix this line (quotes and brackets closed, `NAME = value`), "
         "or take the line back from git")


def problem_of(error: BaseException, settings_file: Path) -> Diagnostic | None:
    """Where in the settings (or in a file of the project's folder that they import) `error`
    was raised, as a problem; None when it came from elsewhere (a bug in our code, not a
    mistake in the settings), which stays a traceback."""
    folder = settings_file.resolve().parent
    if isinstance(error, SyntaxError) and error.filename and _in(error.filename, folder):
        return Diagnostic(_shown(error.filename), error.lineno or 0, "",
                          t("the settings file is not valid Python: {error}", error=error.msg), HINT)
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if _in(frame.filename, folder)]
    if not frames:
        return None
    frame = frames[-1]
    return Diagnostic(_shown(frame.filename), frame.lineno or 0, "",
                      t("the settings file stops here with {kind}: {error}", kind=type(error).__name__,
                        error=str(error)), HINT)


def _in(filename: str, folder: Path) -> bool:
    return filename.endswith(".py") and Path(filename).resolve().parent == folder


def _shown(filename: str) -> str:
    path = Path(filename).resolve()
    return os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)
