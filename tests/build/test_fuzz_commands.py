"""Property, through the real commands: a mutated item makes `bloc check` and `bloc build`
exit 0 or 1 with the same diagnostics, and never print a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.build.test_bad_inputs import build_diagnostics, check_diagnostics
from tests.conftest import REGISTRIES, build
from tests.fuzz_front_matter import SEED, mutated_front_matter

pytestmark = pytest.mark.slow


@settings(max_examples=24, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_front_matter(SEED / "index.vi.md"))
def test_commands_report_mutated_front_matter(raw: bytes):
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        item = root / "content" / "news" / "2021" / SEED.name
        shutil.copytree(SEED, item)
        shutil.copytree(REGISTRIES, root / "content" / "data")
        (item / "index.vi.md").write_bytes(raw)
        result = build(root / "content", root / "output")
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr + result.stdout, result.stderr
        assert "Could not process" not in result.stderr, result.stderr
        if result.returncode == 1:
            assert result.errors, result.stderr
        assert check_diagnostics(root) == build_diagnostics(result, root)
