"""Theme catalogues are complete in both languages; dates are formatted by Babel."""

import datetime as dt
from pathlib import Path

from babel.messages.pofile import read_po
from bloc_i18n.catalogs import untranslated
from bloc_i18n.dates import human_date, machine_date

ROOT = Path(__file__).resolve().parents[3]
THEME = ROOT / "theme"


def test_catalogues_cover_every_template_string():
    with (THEME / "messages.pot").open("rb") as handle:
        template_ids = {m.id for m in read_po(handle) if m.id}
    for lang in ("vi", "en"):
        po = THEME / "translations" / lang / "LC_MESSAGES" / "messages.po"
        with po.open("rb") as handle:
            ids = {m.id for m in read_po(handle) if m.id}
        assert template_ids <= ids, f"{lang}: run `make messages`"
        assert untranslated(po, lang) == []


def test_vietnamese_strings_are_translated_not_copied():
    po = THEME / "translations" / "vi" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        same = [m.id for m in read_po(handle) if m.id and m.id == m.string and any(c.isalpha() for c in m.id)]
    assert same == []


def test_dates_per_locale():
    moment = dt.datetime(2021, 1, 15, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert human_date(moment, "en") == "January 15, 2021"
    assert human_date(moment, "vi") == "15 tháng 1, 2021"
    assert human_date(moment, "vi", "month") == "tháng 1 năm 2021"
    assert human_date(moment, "en", "month") == "January 2021"
    assert machine_date(moment) == "2021-01-15T09:30:00+07:00"
    assert machine_date(moment, "month") == "2021-01"


def test_numbers_per_locale():
    from bloc_i18n.dates import number

    assert number(12345, "vi") == "12.345"
    assert number(12345, "en") == "12,345"
