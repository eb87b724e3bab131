"""Reading ahead in worker processes: every file's result, its log records replayed in the
build's process, a file a worker failed on left to the build."""

from __future__ import annotations

import logging
import os

from bloc_content.preread import MIN_FILES, preread

log = logging.getLogger("bloc_content.test_preread")


def read(path: str) -> tuple:
    if path.endswith("broken"):
        raise OSError("unreadable")
    log.warning("read %s", path)
    return f"<p>{path}</p>", {"pid": os.getpid()}


PATHS = [f"news/{n:02d}" for n in range(MIN_FILES + 4)]


def test_every_file_is_read_in_another_process_in_order(caplog):
    prepared = preread(read, PATHS, 2)
    assert list(prepared) == PATHS
    assert {p.result[1]["pid"] for p in prepared.values()} - {os.getpid()}
    assert os.getpid() not in {p.result[1]["pid"] for p in prepared.values()}
    assert not caplog.records  # nothing logged until the build asks for the file
    with caplog.at_level(logging.WARNING):
        assert prepared["news/03"].replay()[0] == "<p>news/03</p>"
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("bloc_content.test_preread", "WARNING", "read news/03")]


def test_a_file_a_worker_cannot_read_is_left_to_the_build():
    prepared = preread(read, [*PATHS, "news/broken"], 2)
    assert "news/broken" not in prepared and len(prepared) == len(PATHS)


def test_one_process_or_few_files_read_nothing_ahead():
    assert preread(read, PATHS, 1) == {}
    assert preread(read, PATHS[: MIN_FILES - 1], 2) == {}
