"""The importer on the labelled corpus of real articles: no wrong fact, most facts found, no crash."""

from __future__ import annotations

from pathlib import Path

import yaml
from bloc_content.registries import load_registry
from bloc_import.score import KINDS, main, score

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "import-corpus"
REGISTRY, _ = load_registry(ROOT / "content" / "data")


def test_corpus_is_real_and_labelled():
    labels = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))["articles"]
    assert len(labels) >= 15
    assert {a["file"] for a in labels} == {p.name for p in CORPUS.glob("*.txt")}
    assert all(a["url"].startswith(("http://", "https://")) for a in labels)
    assert len({a["url"].split("/")[2].removeprefix("www.") for a in labels}) >= 12  # many outlets
    assert all(set(a["facts"]) <= set(KINDS) | {"published"} for a in labels)


def test_no_wrong_fact_and_most_facts_found():
    tallies, failures = score(CORPUS, REGISTRY)
    assert failures == []
    wrong = [item for t in tallies.values() for item in t.wrong_items]
    assert wrong == []
    right = sum(t.right for t in tallies.values())
    missed = sum(t.missed for t in tallies.values())
    assert right / (right + missed) >= 0.8


def test_score_command_prints_the_table(capsys):
    assert main([str(CORPUS), "--registry", str(ROOT / "content" / "data")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["fact", "right", "wrong", "missed", "precision", "recall"]
    assert [line.split()[0] for line in out[1:len(KINDS) + 2]] == [*KINDS, "overall"]
    assert out[len(KINDS) + 2].startswith(f"{len(list(CORPUS.glob('*.txt')))} articles, 0 not imported")


def test_docs_record_the_current_score(capsys):
    main([str(CORPUS), "--registry", str(ROOT / "content" / "data")])
    printed = [line.rstrip() for line in capsys.readouterr().out.splitlines()]
    docs = (ROOT / "docs" / "importer.md").read_text(encoding="utf-8")
    recorded = docs.split("```\nfact ", 1)[1].split("```", 1)[0]
    assert ["fact " + recorded.splitlines()[0], *recorded.splitlines()[1:]] == printed
