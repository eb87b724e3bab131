"""Content diagnostics read in Vietnamese or English: catalogue complete, placeholders kept."""

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bloc_content.diagnostics import Diagnostic, did_you_mean, t
from bloc_content.messages import LOCALE_DIR, catalog

PLUGINS = Path(__file__).resolve().parents[3] / "plugins"


def test_every_marked_message_is_in_both_catalogues():
    used = {message for _file, _line, message, _comments, _context
            in extract_from_dir(str(PLUGINS), keywords={"t": None, "N_": None})}
    for lang in ("vi", "en"):
        with (LOCALE_DIR / lang / "LC_MESSAGES" / "diagnostics.po").open("rb") as handle:
            po = read_po(handle)
        translated = {m.id for m in po if m.id and m.string}
        assert used <= translated, sorted(used - translated)
        for m in po:
            if m.id:
                assert set(re.findall(r"{[^}]*}", m.id)) == set(re.findall(r"{[^}]*}", m.string)), m.id


def test_a_diagnostic_in_vietnamese_and_english():
    diagnostic = Diagnostic("a/index.vi.md", 7, "awards[1].recipient",
                            t("unknown {what} '{value}'", what=t("organisation"), value="ttpc"),
                            did_you_mean("ttpc", ["ttcp", "bca"]))
    assert diagnostic.render(catalog("vi")) == (
        "a/index.vi.md:7: lỗi: awards[1].recipient: không có cơ quan, tổ chức 'ttpc' trong danh mục "
        "(có phải ý bạn là 'ttcp'?)")
    assert diagnostic.render(catalog("en")) == diagnostic.render() == (
        "a/index.vi.md:7: error: awards[1].recipient: unknown organisation 'ttpc' (did you mean 'ttcp'?)")
