"""The edits of the incremental phases: each round a new text, in the place the pages show it."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench import edits
from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[3]


def test_item_edit_adds_a_new_word_each_round(tmp_path):
    items = write_corpus(tmp_path / "content", 3)
    path, first = edits.edit_item(tmp_path / "content", items, 0)
    _, second = edits.edit_item(tmp_path / "content", items, 1, phase="devserver")
    text = path.read_text(encoding="utf-8")
    assert first != second and first in text and second in text
    assert text.rstrip().endswith("*")  # the byline is still the last paragraph


def test_registry_edit_renames_one_award_and_replaces_its_own_earlier_edit(tmp_path):
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "content" / "data" / "awards.yaml", tmp_path / "data")
    before = (tmp_path / "data" / "awards.yaml").read_text(encoding="utf-8")
    edits.edit_registry(tmp_path, 0)
    path, word = edits.edit_registry(tmp_path, 1)
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0][1] == f"{changed[0][0]} ({word})"


def test_template_edit_lands_inside_a_block(tmp_path):
    shutil.copytree(ROOT / "theme" / "templates", tmp_path / "templates")
    path, word = edits.edit_template(tmp_path, 0)
    text = path.read_text(encoding="utf-8")
    assert f"<!-- {word} -->{{% endblock %}}" in text.replace("\n", "")
    assert text.rstrip().endswith("{% endblock %}")
