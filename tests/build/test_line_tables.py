"""Memory follows the items: each item's front-matter line table (about as large as its
text) is kept while the checks and the listing records may need a line, and dropped before
the pages are written. The listing records still name the right lines."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, build, make_content

pytestmark = pytest.mark.slow

WATCHER = '''"""A fixture plugin: for every article page written, whether its line table is still held."""
import json, os
from pelican import signals

SEEN = []


def written(generator, content):
    SEEN.append([content.source_path, content.bloc.front.lines is None])


def done(pelican):
    with open(os.environ["LINE_TABLES_REPORT"], "w") as handle:
        json.dump(SEEN, handle)


def register():
    signals.article_generator_write_article.connect(written)
    signals.finalized.connect(done)
'''


def test_the_line_tables_are_dropped_before_any_page_is_written(tmp_path, monkeypatch):
    content = make_content(tmp_path / "content")
    (tmp_path / "plugins" / "bloc_fixture_lines").mkdir(parents=True)
    (tmp_path / "plugins" / "bloc_fixture_lines" / "__init__.py").write_text(WATCHER, encoding="utf-8")
    settings = tmp_path / "site.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa: F403\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(tmp_path / 'plugins')!r}]\n"
        "PLUGINS = [*PLUGINS, 'bloc_fixture_lines']  # noqa: F405\n", encoding="utf-8")
    report = tmp_path / "lines.json"
    monkeypatch.setenv("LINE_TABLES_REPORT", str(report))
    result = build(content, tmp_path / "output", settings=str(settings))
    assert result.returncode == 0, result.stderr
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert len(seen) > 10
    assert [path for path, dropped in seen if not dropped] == []
