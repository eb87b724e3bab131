"""The one exception of the photo pipeline, and its translation into a Diagnostic."""

from __future__ import annotations

from bloc_content.diagnostics import Diagnostic


class PhotoError(Exception):
    """A photo that cannot be published: a message for the author and a hint to fix it."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __reduce__(self):  # keep the hint when the error crosses a process boundary
        return (type(self), (self.message, self.hint))

    def diagnostic(self, path: str, line: int, index: int) -> Diagnostic:
        return Diagnostic(path, line, f"photos[{index}].file", self.message, self.hint)
