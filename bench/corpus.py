"""A deterministic synthetic corpus of bilingual news items, in the project's content format.

Item i is drawn from its own seeded generator, so a corpus of 100 items is the first 100
items of a corpus of 5000 and two runs with the same seed write the same bytes. Facts that
several items share (who led the bloc in a year, the year's covenant motto) come from the
registries in content/data/ or from a rotation by year, so items never contradict each other.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import vocab

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "content" / "data"
YEARS = range(2015, 2025)
VN = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class Registries:
    """The ids the corpus draws from, read from content/data/."""

    members: list[str]
    related: list[str]
    awards: list[str]
    positions: list[str]
    event_kinds: list[str]
    org_names: dict[str, tuple[str, str]]
    years: dict[int, dict]

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Registries:
        def read(name: str) -> dict:
            return yaml.safe_load((data_dir / f"{name}.yaml").read_text(encoding="utf-8"))

        orgs = read("organisations")
        every = [*orgs["members"], *orgs.get("related", [])]
        return cls(
            members=[o["id"] for o in orgs["members"]],
            related=[o["id"] for o in orgs.get("related", [])],
            awards=[a["id"] for a in read("awards")["awards"]],
            positions=[p["id"] for p in read("positions")["positions"]],
            event_kinds=[k["id"] for k in read("event_kinds")["event_kinds"]],
            org_names={o["id"]: (o["name"]["vi"], o["name"]["en"]) for o in every},
            years={y["year"]: y for y in read("bloc").get("years", [])},
        )

    def leaders(self, year: int) -> tuple[str, str]:
        """The bloc head and deputy of `year`: the registry's when verified, else a rotation."""
        record = self.years.get(year, {})
        turn = year % len(self.members)
        head = _verified_org(record.get("head")) or self.members[turn]
        deputy = _verified_org(record.get("deputy")) or self.members[(turn + 1) % len(self.members)]
        if deputy == head:
            deputy = self.members[(self.members.index(head) + 1) % len(self.members)]
        return head, deputy

    def motto(self, year: int) -> tuple[str, str]:
        fact = self.years.get(year, {}).get("motto") or {}
        if fact.get("status") == "verified":
            return fact["text"]["vi"], fact["text"]["en"]
        return vocab.MOTTOS[year % len(vocab.MOTTOS)]


def _verified_org(fact: dict | None) -> str | None:
    return fact.get("org") if fact and fact.get("status") == "verified" else None


def slugify(text: str) -> str:
    """ASCII slug of Vietnamese text: 'Ký Giao ước' -> 'ky-giao-uoc'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)


@dataclass
class Item:
    """One generated item: its folder (relative to the content root) and its two files."""

    folder: str
    vi: str
    en: str
    facts: dict


def person(rng: random.Random, reg: Registries, org: str, **extra) -> dict:
    name = f"{rng.choice(vocab.FAMILY)} {rng.choice(vocab.MIDDLE)} {rng.choice(vocab.GIVEN)}"
    positions = rng.sample(reg.positions, rng.randint(1, 2))
    return {"name": name, "org": org, "positions": positions, **extra}


def make_item(index: int, reg: Registries, seed: int = 0, photos: bool = False) -> Item:
    """Item number `index` of the corpus drawn with `seed`."""
    rng = random.Random(f"bench:{seed}:{index}")
    year = rng.choice(YEARS)
    kinds = rng.sample(reg.event_kinds, rng.choice((1, 1, 2)))
    # The order the build checks: awards for year A are proposed during A or at the review
    # early in A+1, and conferred at a ceremony in the second half of A+1.
    reviews_past_year = kinds[0] in ("hoi-nghi-tong-ket", "trao-tang")
    about = year - 1 if reviews_past_year else year
    months = {"hoi-nghi-tong-ket": (1, 3), "trao-tang": (7, 12)}.get(kinds[0], (1, 12))
    published = dt.datetime(year, rng.randint(*months), rng.randint(1, 28), rng.randint(7, 17),
                            rng.choice((0, 15, 30, 45)), tzinfo=VN)
    status = "conferred" if kinds[0] == "trao-tang" else "proposed"
    # The outgoing head chairs the review of its year; otherwise the head of the year.
    head = reg.leaders(about if kinds[0] == "hoi-nghi-tong-ket" else year)[0]
    ordinal_vi, ordinal_en = rng.choice(vocab.ORDINALS)
    title_vi, title_en = (t.format(year=about, ordinal=ordinal_vi, ordinal_en=ordinal_en)
                          for t in vocab.TITLES.get(kinds[0], vocab.TITLES["khac"]))
    key = f"{kinds[0]}-{year}-{index:05d}"
    place_vi, place_en = rng.choice(vocab.PLACES)
    chair = person(rng, reg, head, representing="khoi-truong")
    attendees = [person(rng, reg, rng.choice(reg.members + reg.related),
                        roles=rng.sample(["speaker", "guest", "witness"], rng.randint(0, 2)))
                 for _ in range(rng.randint(1, 6))]
    for attendee in attendees:
        if not attendee["roles"]:
            del attendee["roles"]
    event = {"kinds": kinds, "date": f"{published:%Y-%m}", "about_year": about, "place": place_vi,
             "host": head, "chair": chair, "attendees": attendees, "members_present": "all"}
    awards = [{"award": rng.choice(reg.awards), "recipient": rng.choice(reg.members), "year": about,
               "status": status} for _ in range(rng.randint(0, 5))]
    vi: dict = {
        "title": title_vi, "slug": f"{slugify(title_vi)}-{index}", "lang": "vi", "translation_key": key,
        "published": published, "date_precision": "time",
        "summary": sentences(rng, "vi", 2), "byline": rng.choice(vocab.BYLINES),
        "source": {"publisher": rng.choice(vocab.PUBLISHERS)},
        "event": event,
    }
    en: dict = {
        "title": title_en, "slug": f"{slugify(title_en)}-{index}", "lang": "en", "translation_key": key,
        "published": published, "date_precision": "time",
        "summary": sentences(rng, "en", 2), "byline": vi["byline"], "translator": "Site editorial team",
        "event": {"place": place_en},
    }
    if awards:
        vi["awards"] = awards
    if "ky-ket-giao-uoc" in kinds or "hoi-nghi-tong-ket" in kinds:
        next_head, next_deputy = reg.leaders(about + 1)
        motto_vi, motto_en = reg.motto(about + 1)
        vi["elections"] = {"year": about + 1, "head": next_head, "deputy": next_deputy}
        vi["covenant"] = {"year": about + 1, "motto": motto_vi, "signatories": "all"}
        en["covenant"] = {"motto": motto_en}
    if photos:
        count = rng.randint(1, 3)
        vi["photos"] = [{"file": f"anh-{n + 1}.jpg", "alt": sentences(rng, "vi", 1), "lead": n == 0}
                        for n in range(count)]
        en["photos"] = [{"file": f"anh-{n + 1}.jpg", "alt": sentences(rng, "en", 1)} for n in range(count)]
    paragraphs = rng.randint(6, 12)
    body_vi = [opening(vi, reg, "vi"), *(sentences(rng, "vi", rng.randint(2, 4)) for _ in range(paragraphs)),
               f"*{vi['byline']}*"]
    body_en = [opening(vi, reg, "en"), *(sentences(rng, "en", rng.randint(2, 4)) for _ in range(paragraphs)),
               f"*{vi['byline']} (translated from Vietnamese)*"]
    folder = f"news/{year}/{key}"
    return Item(folder, render(vi, body_vi), render(en, body_en), {"vi": vi, "en": en})


def opening(vi: dict, reg: Registries, lang: str) -> str:
    chair = vi["event"]["chair"]
    org = reg.org_names[chair["org"]][0 if lang == "vi" else 1]
    if lang == "vi":
        return f"Đồng chí {chair['name']}, đại diện Khối trưởng ({org}) chủ trì Hội nghị."
    return f"{chair['name']} chaired the conference on behalf of the bloc head, the {org}."


def sentences(rng: random.Random, lang: str, count: int) -> str:
    parts = ((vocab.SUBJECTS_VI, vocab.VERBS_VI, vocab.OBJECTS_VI, vocab.ADJUNCTS_VI) if lang == "vi"
             else (vocab.SUBJECTS_EN, vocab.VERBS_EN, vocab.OBJECTS_EN, vocab.ADJUNCTS_EN))
    return " ".join(" ".join(rng.choice(p) for p in parts) + "." for _ in range(count))


def render(front: dict, paragraphs: list[str]) -> str:
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{head}---\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(root: Path, count: int, seed: int = 0, photos: bool = False) -> list[Item]:
    """Write `count` items and a copy of the registries under `root` (a content folder)."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(DATA_DIR, root / "data")
    reg = Registries.load()
    items = [make_item(i, reg, seed, photos) for i in range(count)]
    for item in items:
        folder = root / item.folder
        folder.mkdir(parents=True)
        (folder / "index.vi.md").write_text(item.vi, encoding="utf-8")
        (folder / "index.en.md").write_text(item.en, encoding="utf-8")
        if photos:
            for photo in item.facts["vi"]["photos"]:
                write_photo(folder / photo["file"], item.folder)
    return items


def write_photo(path: Path, label: str) -> None:
    """A small deterministic JPEG (a colour from the item's name)."""
    from PIL import Image

    colour = tuple(random.Random(f"{label}:{path.name}").randrange(256) for _ in range(3))
    Image.new("RGB", (1600, 1067), colour).save(path, "JPEG", quality=85)
