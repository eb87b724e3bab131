"""Score the importer against hand-labelled articles: precision and recall per kind of fact.

What counts as proposed is what a person finds in the draft's front matter once the YAML is
read: commented lines (hints for a person) are not proposals. A proposed fact is right if the
labels hold it, wrong if they do not (unless the labels list it as acceptable), and a labelled
fact not proposed is missed. Usage: python -m bloc_import.score CORPUS_DIR [--registry DATA_DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bloc_content.registries import Registry, load_registry

from .draft import ImportProblem, import_legacy

KINDS = ("kinds", "date", "about_year", "host", "chair", "attendees", "members_present", "awards",
         "head", "deputy", "motto", "captions", "byline")


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    wrong_items: list[str] = field(default_factory=list)
    missed_items: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else None

    @property
    def recall(self) -> float | None:
        return self.right / (self.right + self.missed) if self.right + self.missed else None


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).split()).strip(" .").casefold()


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n")) or {}


def _people(value) -> set:
    return {(norm(p["name"]), p["org"]) for p in value or []}


def proposed(data: dict, registry: Registry) -> dict[str, set]:
    """The facts a draft proposes, as comparable items per kind."""
    event = data.get("event") or {}
    people = event.get("attendees") or []
    chairs = ([event["chair"]] if event.get("chair") else []) + [p for p in people if "co-chair" in p.get("roles", [])]
    members = event.get("members_present") or []
    election = data.get("elections") or {}
    covenant = data.get("covenant") or {}
    out = {
        "kinds": {k for k in event.get("kinds") or [] if k != "khac"},
        "date": {("event", str(event["date"]))} if event.get("date") else set(),
        "about_year": {event["about_year"]} if event.get("about_year") else set(),
        "host": {event["host"]} if event.get("host") else set(),
        "chair": _people(chairs),
        "attendees": _people(p for p in people if "co-chair" not in p.get("roles", [])),
        "members_present": set(registry.members if members == "all" else members),
        "awards": {(a["award"], a["recipient"], a["status"]) for a in data.get("awards") or []},
        "head": {(election["head"], election["year"])} if election else set(),
        "deputy": {(election["deputy"], election["year"])} if election else set(),
        "motto": {(covenant["year"], norm(covenant["motto"]))} if covenant.get("motto") else set(),
        "captions": {norm(p["caption"]) for p in data.get("photos") or [] if p.get("caption")},
        "byline": {norm(data["byline"])} if data.get("byline") and "CẦN VIẾT" not in str(data["byline"]) else set(),
    }
    if data.get("published") and "ngày đăng ghi trên trang" in data.get("_published_note", ""):
        out["date"].add(("published", str(data["published"].date())))
    return out


def labelled(facts: dict) -> dict[str, set]:
    """Label items, in the same shape as `proposed` (people's org may be a list of allowed ids)."""
    def people(value):
        return {(norm(p["name"]), org) for p in value or []
                for org in (p["org"] if isinstance(p["org"], list) else [p["org"]])}

    def role(value):
        return {(value["org"], value["year"])} if value else set()

    motto = facts.get("motto")
    out = {
        "kinds": set(facts.get("kinds") or []),
        "date": ({("event", str(facts["date"]))} if facts.get("date") else set())
        | ({("published", str(facts["published"]))} if facts.get("published") else set()),
        "about_year": set(_many(facts.get("about_year"))),
        "host": set(_many(facts.get("host"))),
        "chair": people(facts.get("chair")),
        "attendees": people(facts.get("attendees")),
        "members_present": set(facts.get("members_present") or []),
        "awards": {(a["award"], a["recipient"], a["status"]) for a in facts.get("awards") or []},
        "head": role(facts.get("head")),
        "deputy": role(facts.get("deputy")),
        "motto": {(motto["year"], norm(motto["text"]))} if motto else set(),
        "captions": {norm(c) for c in facts.get("captions") or []},
        "byline": {norm(facts["byline"])} if facts.get("byline") else set(),
    }
    return out


def _many(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def compare(kind: str, got: set, want: set, ok: set, tally: Tally, name: str) -> None:
    if kind in ("chair", "attendees"):  # one person, any of the organisations they hold
        want_names = {n for n, _ in want}
        for item in got:
            if item in want:
                tally.right += 1
            elif item not in ok:
                tally.wrong += 1
                tally.wrong_items.append(f"{name}: {item}")
        found = {n for n, _ in got & want}
        for n in sorted(want_names - found):
            tally.missed += 1
            tally.missed_items.append(f"{name}: {n}")
        return
    for item in got:
        if item in want:
            tally.right += 1
        elif item not in ok:
            tally.wrong += 1
            tally.wrong_items.append(f"{name}: {item}")
    for item in want - got:
        tally.missed += 1
        tally.missed_items.append(f"{name}: {item}")


def score(corpus: Path, registry: Registry) -> tuple[dict[str, Tally], list[str]]:
    """Tallies per kind, and the articles that could not be imported (with why)."""
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))
    tallies = {kind: Tally() for kind in KINDS}
    failures = []
    for article in labels["articles"]:
        name = article["file"]
        text = (corpus / name).read_text(encoding="utf-8")
        want = labelled(article["facts"])
        ok = labelled(article.get("acceptable") or {})
        try:
            draft = import_legacy(text, registry, source_name=name)
        except ImportProblem as exc:
            failures.append(f"{name}: {exc}")
            got = {kind: set() for kind in KINDS}
        else:
            data = front_matter(draft.text)
            line = next((x for x in draft.text.splitlines() if x.startswith("published:")), "")
            data["_published_note"] = line
            if isinstance(data.get("published"), str):
                data["published"] = dt.datetime.fromisoformat(data["published"])
            got = proposed(data, registry)
        for kind in KINDS:
            compare(kind, got[kind], want[kind], ok[kind], tallies[kind], name)
    return tallies, failures


def report(tallies: dict[str, Tally], failures: list[str], articles: int, details: bool = False) -> str:
    def pct(value: float | None) -> str:
        return "   -  " if value is None else f"{value * 100:5.1f}%"

    lines = [f"{'fact':<16} {'right':>5} {'wrong':>5} {'missed':>6}  precision  recall"]
    total = Tally()
    for kind, t in tallies.items():
        lines.append(f"{kind:<16} {t.right:>5} {t.wrong:>5} {t.missed:>6}  {pct(t.precision):>9}  {pct(t.recall):>6}")
        total.right, total.wrong, total.missed = total.right + t.right, total.wrong + t.wrong, total.missed + t.missed
    lines.append(f"{'overall':<16} {total.right:>5} {total.wrong:>5} {total.missed:>6}  "
                 f"{pct(total.precision):>9}  {pct(total.recall):>6}")
    lines.append(f"{articles} articles, {len(failures)} not imported")
    lines += [f"  not imported: {f}" for f in failures]
    if details:
        for kind, t in tallies.items():
            lines += [f"  wrong {kind}: {item}" for item in t.wrong_items]
            lines += [f"  missed {kind}: {item}" for item in t.missed_items]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bloc_import.score", description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--registry", type=Path, default=Path("content/data"))
    parser.add_argument("--details", action="store_true", help="list every wrong and missed fact")
    args = parser.parse_args(argv)
    registry, _problems = load_registry(args.registry)
    if not registry.organisations:
        print(f"cannot read the registries in {args.registry}", file=sys.stderr)
        return 2
    tallies, failures = score(args.corpus, registry)
    articles = len(yaml.safe_load((args.corpus / "labels.yaml").read_text(encoding="utf-8"))["articles"])
    print(report(tallies, failures, articles, args.details))
    total_wrong = sum(t.wrong for t in tallies.values())
    return 1 if total_wrong or failures else 0


if __name__ == "__main__":
    sys.exit(main())


