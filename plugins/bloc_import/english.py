"""The English draft of an imported item: a title and summary composed from the facts the
importer proposed, in the registries' English names, marked for a translator to finish."""

from __future__ import annotations

import datetime as dt
import json

from babel.dates import format_date
from bloc_content.registries import Registry

from .facts import Facts
from .legacy import Legacy

TO_TRANSLATE = "TO TRANSLATE"
_KIND_PHRASES = {
    "hoi-nghi-tong-ket": ("reviews {about_year}", "holds its year-end review"),
    "hoi-nghi-so-ket": ("reviews the first half of {about_year}", "holds its mid-year review"),
    "hoi-nghi-trien-khai": (None, "sets out the year's tasks"),
    "ky-ket-giao-uoc": ("signs its emulation covenant for {covenant_year}", "signs its emulation covenant"),
    "trao-tang": (None, "holds an award ceremony"),
    "phat-dong-thi-dua": (None, "launches an emulation movement"),
    "dai-hoi-thi-dua": (None, "holds a patriotic emulation congress"),
}


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def compose_title(facts: Facts, registry: Registry) -> str:
    """E.g. 'Central Internal Affairs Emulation Bloc reviews 2023 and elects the State Audit Office
    of Viet Nam as head for 2024', from the proposed facts only."""
    subject = registry.bloc.name("en") if facts.about_this_bloc and registry.bloc else "An emulation bloc"
    values = {"about_year": facts.about_year, "covenant_year": (facts.covenant or {}).get("year")}
    phrases = []
    for kind in facts.kinds:
        with_year, without = _KIND_PHRASES.get(kind, (None, None))
        if with_year and all(values[k] for k in values if "{" + k + "}" in with_year):
            phrases.append(with_year.format(**values))
        elif without:
            phrases.append(without)
    election = facts.elections
    if election and any(r.get("elected") for r in facts.roles):
        head = registry.organisations[election["head"]].name("en")
        phrases.append(f"elects the {head} as head for {election['year']}")
    if not phrases:
        return f"{subject}: news item"
    return f"{subject} {join(phrases)}"


def compose_summary(facts: Facts, registry: Registry) -> str:
    sentences = [compose_title(facts, registry) + "."]
    if facts.date:
        sentences.append(f"The event took place on {format_date(facts.date, 'd MMMM y', locale='en')}.")
    chairs = [p for p in [facts.chair, *facts.co_chairs] if p]
    if chairs:
        names = [f"{p['name']} ({registry.organisations[p['org']].name('en')})" for p in chairs]
        sentences.append(f"Chaired by {join(names)}.")
    if facts.elections:
        org = registry.organisations
        sentences.append(f"Head for {facts.elections['year']}: the {org[facts.elections['head']].name('en')}; "
                         f"deputy: the {org[facts.elections['deputy']].name('en')}.")
    return " ".join(sentences)


def covenant_lines(facts: Facts) -> list[str]:
    motto = (facts.covenant or {}).get("motto")
    return [f"covenant: {{motto: {q(TO_TRANSLATE + ': ' + motto)}}}"] if motto else []


def photo_lines(legacy: Legacy) -> list[str]:
    """The same photos as index.vi.md (matched by file), each with its alt text and caption to write."""
    if not legacy.captions:
        return []
    return ["photos:", *(f"  - {{file: anh-{i}.jpg, alt: {q('TO WRITE: alt text')}, "
                         f"caption: {q(TO_TRANSLATE + ': ' + caption)}}}" for i, caption in enumerate(legacy.captions, 1))]


def join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def english_draft(facts: Facts, legacy: Legacy, registry: Registry, slug: str, published: dt.date | None,
                  folder: str, translated_from: str | None) -> str:
    """The English file; `translated_from` is the line recording which state of index.vi.md it follows."""
    date_line = (f"published: {published.isoformat()}T00:00:00+07:00" if published
                 else "published: null  # cần xác nhận: the same date as index.vi.md")
    lines = [
        "---",
        "# English draft of index.vi.md, composed by the importer from the facts it proposed there.",
        "# Confirm those facts first, then translate the title, summary and text, and write the byline.",
        f"# Translated: run make translated ITEM={folder}",
        f"title: {q(TO_TRANSLATE + ': ' + compose_title(facts, registry))}",
        "lang: en",
        f"translation_key: {slug}",
        date_line,
        "date_precision: day",
        "status: draft",
        f"summary: {q(TO_TRANSLATE + ': ' + compose_summary(facts, registry))}",
        f"byline: {q(legacy.byline) if legacy.byline else q('TO WRITE: author')}",
        f"translator: {q('TO WRITE: translator')}",
        *([translated_from] if translated_from else []),
        *covenant_lines(facts),
        *photo_lines(legacy),
        "---",
        "",
        f"{TO_TRANSLATE}: the text of the item (index.vi.md).",
        "",
    ]
    return "\n".join(lines)
