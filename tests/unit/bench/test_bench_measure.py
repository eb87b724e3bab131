"""The benchmark's memory measure: the sum over a command's process tree, not its largest process."""

from __future__ import annotations

import sys

from bench import measure

# A parent and a child each holding 150 MiB for a moment.
HOLD = "b = bytearray(150 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); import time; time.sleep(1.5)"
PARENT = (f"import subprocess, sys; c = subprocess.Popen([sys.executable, '-c', {HOLD!r}]); "
          f"exec({HOLD!r}); c.wait()")


def test_peak_counts_the_children_too(tmp_path):
    sample = measure.run([sys.executable, "-c", PARENT], tmp_path)
    assert sample.ok
    assert sample.peak_rss_mib > 290  # two processes of 150 MiB each, not one


def test_tree_finds_descendants_only():
    parents = {1: 0, 10: 1, 11: 10, 12: 11, 20: 1, 30: 99}
    assert measure.tree(10, parents) == {10, 11, 12}
    assert measure.tree(30, parents) == {30}


def test_a_failed_command_keeps_its_error(tmp_path):
    sample = measure.run([sys.executable, "-c", "import sys; sys.exit('broken')"], tmp_path)
    assert not sample.ok and "broken" in sample.tail
