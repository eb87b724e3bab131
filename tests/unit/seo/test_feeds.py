"""Atom feeds: language, absolute links, dates with their offset."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import feedparser
from bloc_seo.feeds import Feed, FeedItem, atom

VN = dt.timezone(dt.timedelta(hours=7))
A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_atom_feed_has_language_summaries_and_offsets():
    item = FeedItem("Hội nghị", "https://x.example/tin-tuc/2021/a/", "Tóm tắt <b>", dt.datetime(2021, 1, 15, 9, tzinfo=VN),
                    dt.datetime(2021, 2, 1, 8, tzinfo=VN), "TG-PV", ("Hội nghị tổng kết",))
    root = ET.fromstring(atom(Feed("Khối", "vi", "https://x.example/tin-tuc/atom.xml", "https://x.example/", "Khối", [item])))
    assert root.get(XML_LANG) == "vi"
    assert root.find(f"{A}updated").text == "2021-02-01T08:00:00+07:00"
    entry = root.find(f"{A}entry")
    assert entry.find(f"{A}link").get("href") == "https://x.example/tin-tuc/2021/a/"
    assert entry.find(f"{A}summary").text == "Tóm tắt <b>"
    assert entry.find(f"{A}published").text == "2021-01-15T09:00:00+07:00"


def test_empty_feed_is_stable():
    feed = Feed("Khối", "en", "https://x.example/en/news/atom.xml", "https://x.example/en/", "Khối", [])
    assert atom(feed) == atom(feed)
    assert ET.fromstring(atom(feed)).find(f"{A}updated").text.startswith("1970-01-01")


HOSTILE = 'Tăng <5% <img src=x onerror=alert(document.domain)> & "quote" </summary>'


def test_a_feed_reader_sees_summaries_and_titles_as_text():
    item = FeedItem(HOSTILE, "https://x.example/tin-tuc/2021/a/", HOSTILE, dt.datetime(2021, 1, 15, 9, tzinfo=VN),
                    None, "<b>TG-PV</b>", ("<i>x</i>",))
    xml = atom(Feed("<b>Khối</b>", "vi", "https://x.example/tin-tuc/atom.xml", "https://x.example/", "<i>Khối</i>", [item]))
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.bozo_exception
    [entry] = parsed.entries
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary == HOSTILE
    assert entry.title_detail.type == "text/plain"
    assert entry.title == HOSTILE
    assert parsed.feed.title == "<b>Khối</b>"
    # what a reader that renders HTML would get: no element, only text
    assert ET.fromstring(xml).find(f"{A}entry/{A}summary").get("type") == "text"
