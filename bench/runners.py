"""The builds being compared, each a command on one workspace (a corpus of one size).

ours   `bloc build` of the bilingual corpus (cold, unchanged, one item edited)
check  `bloc check` of the same corpus
plain  plain Pelican with its core translations, default theme, no plugins
hugo   Hugo on the same corpus, multilingual, a minimal layout
"""

from __future__ import annotations

import functools
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import convert, corpus
from .measure import Sample, run, which, wipe

ROOT = corpus.ROOT
BIN = Path(sys.executable).parent
SETTINGS = "pelicanconf.py"


@dataclass
class Workspace:
    """bench/work/n<N>/: the corpus and every build's output for one size."""

    root: Path
    size: int
    items: list[corpus.Item] = field(default_factory=list)

    content = property(lambda self: self.root / "content")
    ours_output = property(lambda self: self.root / "output-ours")
    ours_cache = property(lambda self: self.root / "cache-ours")
    plain = property(lambda self: self.root / "plain")
    hugo = property(lambda self: self.root / "hugo")

    @property
    def pages(self) -> int:
        """Article pages in the corpus (two languages per item)."""
        return 2 * self.size

    def prepare(self, seed: int, photos: bool) -> None:
        wipe(self.root)
        self.items = corpus.write_corpus(self.content, self.size, seed, photos)
        convert.to_pelican(self.content, self.plain / "content")
        (self.plain / "pelicanconf.py").write_text(convert.pelican_settings(
            self.plain / "content", self.plain / "output", project_settings()), encoding="utf-8")
        convert.to_hugo(self.content, self.hugo)


@functools.cache
def project_settings() -> dict:
    """Our pelicanconf.py as a dict (empty while it does not exist)."""
    path = ROOT / SETTINGS
    if not path.is_file():
        return {}
    from pelican.settings import get_settings_from_file

    return get_settings_from_file(str(path))


@functools.cache
def bloc_help(command: str) -> str | None:
    """The --help text of `bloc <command>`, or None when that command does not exist yet."""
    bloc = BIN / "bloc"
    if not bloc.exists():
        return None
    done = subprocess.run([str(bloc), command, "--help"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def ours(ws: Workspace) -> list[str] | str:
    """Our build's command, or why it cannot run."""
    help_text = bloc_help("build")
    if help_text is not None and "--content" in help_text:
        command = [str(BIN / "bloc"), "build", "--settings", SETTINGS,
                   "--content", str(ws.content), "--output", str(ws.ours_output)]
        if "--cache" in help_text:
            command += ["--cache", str(ws.ours_cache)]
        return command
    if (ROOT / SETTINGS).is_file():
        # Until `bloc build --content` exists: Pelican with our settings and plugins.
        return [str(BIN / "pelican"), str(ws.content), "-o", str(ws.ours_output), "-s", SETTINGS,
                "--cache-path", str(ws.ours_cache)]
    return "neither `bloc build --content` nor pelicanconf.py exists yet"


def check(ws: Workspace) -> list[str] | str:
    help_text = bloc_help("check")
    if help_text is None:
        return "`bloc check` does not exist yet"
    command = [str(BIN / "bloc"), "check"]
    if "--content" in help_text:
        return [*command, "--content", str(ws.content)]
    return "`bloc check` has no --content option"


def plain(ws: Workspace) -> list[str] | str:
    return [str(BIN / "pelican"), "-s", str(ws.plain / "pelicanconf.py")]


def hugo(ws: Workspace) -> list[str] | str:
    exe = which("hugo")
    if exe is None:
        return "hugo is not installed (apt-get install -y hugo)"
    return [exe, "--source", str(ws.hugo), "--destination", str(ws.hugo / "public"), "--quiet"]


def execute(command: list[str] | str) -> Sample | str:
    """Run a runner's command from the project root; a string is a reason to skip."""
    if isinstance(command, str):
        return command
    return run(command, ROOT)
