import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bloc_cli import i18n
from bloc_cli.devserver import error_page
from bloc_cli.main import build_parser
from bloc_content.review_markers import review_markers

PLUGIN = Path(i18n.__file__).parent


def test_language_choice():
    assert i18n.choose_lang("en", {"LANG": "vi_VN.UTF-8"}) == "en"
    assert i18n.choose_lang(None, {"LANG": "en_GB.UTF-8"}) == "en"
    assert i18n.choose_lang(None, {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}) == "vi"
    assert i18n.choose_lang(None, {"LANG": "fr_FR.UTF-8"}) == "vi"
    assert i18n.choose_lang(None, {"LANG": "C.UTF-8"}) == "vi"


def test_every_message_is_translated_in_both_catalogues():
    markers = {"_": None, "gettext_noop": None}
    used = {msg for file, _line, msg, _c, _ctx in extract_from_dir(str(PLUGIN), keywords=markers)}
    for lang in ("vi", "en"):
        path = PLUGIN / "locale" / lang / "LC_MESSAGES" / "bloc_cli.po"
        with path.open("rb") as handle:
            catalog = read_po(handle)
        translated = {m.id for m in catalog if m.id and m.string}
        assert used <= translated, used - translated
        for message in catalog:
            if message.id:  # the placeholders survive translation
                assert set(re.findall(r"{\w+}", message.id)) == set(re.findall(r"{\w+}", message.string))


def test_catalogue_compiles_at_run_time():
    assert i18n.translations("vi").gettext("Next steps:") == "Các bước tiếp theo:"
    assert i18n.translations("en").gettext("Next steps:") == "Next steps:"


def test_help_lists_every_command():
    text = build_parser([]).format_help()
    for command in ("new", "check", "import", "build", "devserver", "schema", "translated", "docs"):
        assert f"    {command}" in text


def test_review_markers_ignore_commented_examples():
    text = "title: x\n# photos:\n#   alt: CẦN VIẾT: mô tả\nsummary: \"CẦN VIẾT: tóm tắt\"\n"
    found = review_markers("a.md", text, published=False)
    assert [d.render() for d in found] == [
        "a.md:4: warning: summary: placeholder 'CẦN VIẾT' still to replace (write the real text in its place)"]


def test_error_page_escapes_the_report():
    page = error_page("a.md:3: error: title: <script>", "Lỗi").decode()
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert 'http-equiv="refresh"' in page


def test_the_dev_server_restarts_only_for_what_a_process_reads_once(tmp_path):
    from bloc_cli.devserver import code_changed, preview_build_args

    plugins = tmp_path / "plugins"
    assert code_changed({(2, str(plugins / "bloc_seo" / "glue.py"))}, tmp_path)
    assert code_changed({(2, str(plugins / "bloc_content" / "locale" / "vi" / "LC_MESSAGES" / "x.po"))}, tmp_path)
    assert not code_changed({(2, str(tmp_path / "content" / "news" / "x" / "index.vi.md")),
                             (2, str(tmp_path / "theme" / "translations" / "vi" / "LC_MESSAGES" / "messages.po")),
                             (2, str(tmp_path / "theme" / "templates" / "base.html"))}, tmp_path)
    args = preview_build_args(tmp_path, "pelicanconf.py", "en")
    assert args.preview and args.output == str(tmp_path / "output.preview") and not args.cold
