"""The build is atomic and reproducible: a build killed at any moment leaves the previous
site complete, two builds never run at once on one output, and the same sources give the
same bytes."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, build, make_content

pytestmark = pytest.mark.slow


def tree_digest(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def start_build(content: Path, output: Path) -> subprocess.Popen:
    # A session of its own, so the kill reaches the build's worker processes too.
    return subprocess.Popen(
        [sys.executable, "-m", "bloc_cli", "build", "--settings", "pelicanconf.py", "--content", str(content),
         "--output", str(output), "--quiet"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for_staging(output: Path, process: subprocess.Popen, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if list(output.parent.glob(f".{output.name}.tmp-*")):
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    return False


def saved_again(content: Path) -> None:
    """An item saved again, unchanged: the next build builds (with nothing changed since the
    last one it would only say so, and never write a staging folder)."""
    os.utime(sorted(content.rglob("index.vi.md"))[0])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("atomic")
    content = make_content(base / "content")
    result = build(content, base / "output")
    assert result.returncode == 0, result.stderr
    return content, result.output


@pytest.fixture(scope="module")
def build_seconds(site) -> float:
    """How long a rebuild writes its staging folder here: the kills land at fractions of it."""
    content, output = site
    saved_again(content)
    process = start_build(content, output)
    assert wait_for_staging(output, process)
    started = time.monotonic()
    assert process.wait(timeout=300) == 0
    return time.monotonic() - started


EDIT = "\nĐoạn thêm.\n"  # changed content, so a build that got through changes the site


def edited(content: Path) -> tuple[Path, str]:
    vi = sorted(content.rglob("index.vi.md"))[0]
    return vi, vi.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def new_site(site, tmp_path_factory) -> dict[str, str]:
    """The complete site of the edited content, built elsewhere: what a build that got
    through its swap before the kill leaves (the only other acceptable outcome)."""
    content, _output = site
    vi, original = edited(content)
    vi.write_text(original + EDIT, encoding="utf-8")
    try:
        result = build(content, tmp_path_factory.mktemp("new") / "output")
    finally:
        vi.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    return tree_digest(result.output)


@pytest.mark.parametrize("fraction", [0.0, 0.2, 0.45, 0.7, 0.9])
def test_sigkill_leaves_the_previous_site_complete(site, build_seconds, new_site, fraction):
    content, output = site
    delay = fraction * build_seconds
    before = tree_digest(output)
    vi, original = edited(content)
    vi.write_text(original + EDIT, encoding="utf-8")
    try:
        process = start_build(content, output)
        started = wait_for_staging(output, process)
        time.sleep(delay)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        killed = process.wait(timeout=60) == -signal.SIGKILL
        if not (killed and started):
            pytest.skip(f"the build finished before the kill at {delay:.2f}s")
        # Killed before its swap: the old site; killed while removing the old one after the
        # swap: the new site, complete. Never a mixture, never a missing output/.
        after = tree_digest(output)
        assert after in (before, new_site)
    finally:
        vi.write_text(original, encoding="utf-8")
    # The next build cleans up what the killed one left, and succeeds.
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert sorted(tree_digest(output)) == sorted(before)  # same files (bytes: see the test below)
    leftovers = [p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.")
                 and not p.name.endswith(".lock")]
    assert leftovers == []


def test_a_second_build_of_the_same_output_is_refused(site):
    content, output = site
    saved_again(content)
    first = start_build(content, output)
    try:
        assert wait_for_staging(output, first), "the first build never started writing"
        # Paused while it holds the lock: a rebuild of this small site can finish before a
        # second Python process has even started.
        os.killpg(first.pid, signal.SIGSTOP)
        second = build(content, output)
        assert second.returncode == 2, second.stderr
        assert "another build" in second.stderr
    finally:
        os.killpg(first.pid, signal.SIGCONT)
        first.wait(timeout=300)
    assert first.returncode == 0, first.stderr.read().decode()


def test_two_builds_sharing_a_cache_are_refused_not_crashed(site, tmp_path):
    content, _output = site
    cache = tmp_path / "cache"
    first = subprocess.Popen(
        [sys.executable, "-m", "bloc_cli", "build", "--settings", "pelicanconf.py", "--content", str(content),
         "--output", str(tmp_path / "one"), "--cache", str(cache), "--quiet"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        assert wait_for_staging(tmp_path / "one", first), "the first build never started writing"
        os.killpg(first.pid, signal.SIGSTOP)
        second = build(content, tmp_path / "two", cache=cache)  # another output, the same cache
        assert second.returncode == 2, second.stderr
        assert second.stderr.strip() == ("error: another build is using the cache cache/; "
                                          "wait for it to finish and try again")
        assert not (tmp_path / "two").exists()
    finally:
        os.killpg(first.pid, signal.SIGCONT)
        first.wait(timeout=300)
    assert first.returncode == 0, first.stderr.read().decode()
    assert build(content, tmp_path / "two", cache=cache).returncode == 0


def test_two_builds_are_byte_identical(site, tmp_path):
    content, _output = site
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    one = build(content, tmp_path / "one", env=env)
    two = build(content, tmp_path / "two", env=env)
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    first, second = tree_digest(one.output), tree_digest(two.output)
    assert sorted(first) == sorted(second)
    # two folders of different names: nothing of the output path leaks into the pages
    assert [name for name in first if first[name] != second[name]] == []


def test_a_kill_between_the_fallback_renames_loses_nothing(site, tmp_path):
    """Without renameat2 the swap is two renames; a kill between them leaves only
    `.output.old-*`, which the next build must put back before cleaning up."""
    _content, output = site
    before = tree_digest(output)
    final = tmp_path / "output"
    os.rename(output, tmp_path / ".output.old-12345")  # the state right after the first rename
    (tmp_path / ".output.tmp-12345").mkdir()  # the new site, never put in place
    try:
        broken = make_content(tmp_path / "broken")
        (next(broken.rglob("index.vi.md"))).write_text("---\n", encoding="utf-8")
        result = build(broken, final)
        assert result.returncode == 1
        assert "the previous site is unchanged" in result.stderr
        assert tree_digest(final) == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output.")
                      and not p.name.endswith(".lock")) == []
    finally:
        os.rename(final, output)


def test_a_damaged_content_cache_is_rebuilt_not_fatal(site, tmp_path):
    """A build killed while Pelican wrote its cache used to leave a truncated file that
    crashed every later build with a traceback."""
    content, _output = site
    settings = tmp_path / "cacheconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n", encoding="utf-8")
    first = build(content, tmp_path / "one", settings=str(settings), cache=tmp_path / "cache")
    assert first.returncode == 0, first.stderr
    caches = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert caches
    for path in caches:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    second = build(content, tmp_path / "two", settings=str(settings), cache=tmp_path / "cache")
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr
    assert tree_digest(tmp_path / "two").keys() == tree_digest(tmp_path / "one").keys()
    assert not [p for p in (tmp_path / "cache").rglob("*.tmp-*")]
