"""Fill a theme catalogue from a {msgid: msgstr} table (used once per batch of new strings).

Usage: python scripts/fill-catalog.py theme/translations/vi/LC_MESSAGES/messages.po table.py
The table file defines a dict named TABLE. Untranslated ids are listed and left empty.
"""

import runpy
import sys

from babel.messages.pofile import read_po, write_po

po_path, table_path = sys.argv[1], sys.argv[2]
table = runpy.run_path(table_path)["TABLE"]
with open(po_path, "rb") as handle:
    catalog = read_po(handle)
for message in catalog:
    if message.id and message.id in table:
        message.string = table[message.id]
        message.flags.discard("fuzzy")
with open(po_path, "wb") as handle:
    write_po(handle, catalog, width=100, omit_header=False, sort_output=True)
missing = [m.id for m in catalog if m.id and not m.string]
print("\n".join(f"untranslated: {m}" for m in missing) or "complete")
